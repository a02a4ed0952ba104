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

# --- documents ---
from kttt.documents import (
    Document,
    DocumentKind,
    DocumentNumber,
    Issuer,
    find_document_numbers,
    get_document,
    parse_document_number,
)

# --- geography ---
from kttt.geography import MERGE_DATE, Era, Province, ProvinceKind

# --- organizations ---
from kttt.organizations import (
    MemberType,
    OperatingStatus,
    OrganizationKind,
    Sector,
)

# --- progress ---
from kttt.progress import (
    CompoundGrowth,
    Diagnostic,
    DiagnosticKind,
    LinearTrend,
    MethodLabel,
    Progress,
    ProgressReport,
    ProgressStatus,
    Projector,
    TimeWeightedGeometric,
    WeightedLogit,
    assess,
)


__all__ = [
    "CompoundGrowth",
    "DataError",
    "Diagnostic",
    "DiagnosticKind",
    "Document",
    "DocumentKind",
    "DocumentNumber",
    "DocumentNumberError",
    "Era",
    "Issuer",
    "KtttError",
    "LinearTrend",
    "MERGE_DATE",
    "MemberType",
    "MethodLabel",
    "NotFoundError",
    "OperatingStatus",
    "OrganizationKind",
    "ParseError",
    "Progress",
    "ProgressReport",
    "ProgressStatus",
    "Projector",
    "Province",
    "ProvinceKind",
    "Sector",
    "Source",
    "TimeWeightedGeometric",
    "UnknownProvinceError",
    "ValidationError",
    "WeightedLogit",
    "__version__",
    "assess",
    "find_document_numbers",
    "fold",
    "get_document",
    "nfc",
    "parse_document_number",
    "parse_number",
    "parse_percent",
    "parse_range",
]

__version__: str = _version("kttt")
