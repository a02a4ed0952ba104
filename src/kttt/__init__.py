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
from kttt.sources import Source
from kttt.text import fold, nfc, parse_number, parse_percent, parse_range

# --- geography ---
from kttt.geography import MERGE_DATE, Era, Province, ProvinceKind

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
    "Era",
    "KtttError",
    "MERGE_DATE",
    "MemberType",
    "NotFoundError",
    "OperatingStatus",
    "OrganizationKind",
    "ParseError",
    "Province",
    "ProvinceKind",
    "Sector",
    "Source",
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
