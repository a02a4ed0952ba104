"""The version of kttt, read by the build backend and by ``kttt --version``."""

__version__ = "0.1.0"
