"""
The built-in data: every dataset kttt ships, each with its sources.

Each loader returns domain values, validated on load; the data files live
in the package (``kttt/data/``) and carry their sources inside them.
"""

from __future__ import annotations


__all__: list[str] = []
