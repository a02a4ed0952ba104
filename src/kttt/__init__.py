"""
kttt: a typed domain model of Vietnam's collective economy (kinh tế tập thể).

Everything public is importable from here and listed in `__all__`.
"""

from __future__ import annotations

from importlib.metadata import version as _version

# --- errors and text (foundation) ---
from kttt.errors import (
    DataError,
    DocumentNumberError,
    KtttError,
    NotFoundError,
    ParseError,
    UnknownProvinceError,
    ValidationError,
)
from kttt.text import fold, nfc, parse_number, parse_percent, parse_range

# --- organizations ---
from kttt.organizations import (
    MemberType,
    OperatingStatus,
    OrganizationKind,
    Sector,
)


__all__ = [
    "DataError",
    "DocumentNumberError",
    "KtttError",
    "MemberType",
    "NotFoundError",
    "OperatingStatus",
    "OrganizationKind",
    "ParseError",
    "Sector",
    "UnknownProvinceError",
    "ValidationError",
    "__version__",
    "fold",
    "nfc",
    "parse_number",
    "parse_percent",
    "parse_range",
]

__version__: str = _version("kttt")
