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
    Cooperative,
    CooperativeGroup,
    CooperativeUnion,
    Finding,
    LegalRule,
    Measure,
    Members,
    MemberType,
    OperatingStatus,
    Organization,
    OrganizationKind,
    PeoplesCreditFund,
    RuleBound,
    Sector,
    Severity,
    check_compliance,
    legal_rules,
    parse_legal_rules,
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


# --- programmes ---
from kttt.programmes import (
    ActionProgramme,
    Agency,
    AgencyLevel,
    Completion,
    Deadline,
    Frequency,
    Objective,
    ProgrammeKind,
    ProgressNote,
    Recurrence,
    Task,
    TaskStatus,
    completion_by_agency,
    get_programme,
    overdue,
    tasks_by_agency,
)

# --- committees ---
from kttt.committees import (
    CommitteeLevel,
    CommitteeMember,
    Engagement,
    FindingStatus,
    NetworkAspect,
    NetworkSnapshot,
    NetworkSummary,
    PlannedChange,
    ProvinceNetwork,
    RegroupedProvince,
    Role,
    RuleKind,
    StandingAgency,
    StatedCount,
    SteeringCommittee,
    StructureFinding,
    StructureRule,
    SupportUnit,
    SupportUnitKind,
    check_structure,
    national_committee_history,
    network_2023,
    network_summary,
    provincial_committees,
    regroup,
    structure_rules,
)


__all__ = [
    "ActionProgramme",
    "Agency",
    "AgencyLevel",
    "CommitteeLevel",
    "CommitteeMember",
    "Completion",
    "CompoundGrowth",
    "Cooperative",
    "CooperativeGroup",
    "CooperativeUnion",
    "DataError",
    "Deadline",
    "Diagnostic",
    "DiagnosticKind",
    "Document",
    "DocumentKind",
    "DocumentNumber",
    "DocumentNumberError",
    "Engagement",
    "Era",
    "Finding",
    "FindingStatus",
    "Frequency",
    "Issuer",
    "KtttError",
    "LegalRule",
    "LinearTrend",
    "MERGE_DATE",
    "Measure",
    "MemberType",
    "Members",
    "MethodLabel",
    "NetworkAspect",
    "NetworkSnapshot",
    "NetworkSummary",
    "NotFoundError",
    "Objective",
    "OperatingStatus",
    "Organization",
    "OrganizationKind",
    "ParseError",
    "PeoplesCreditFund",
    "PlannedChange",
    "ProgrammeKind",
    "Progress",
    "ProgressNote",
    "ProgressReport",
    "ProgressStatus",
    "Projector",
    "Province",
    "ProvinceKind",
    "ProvinceNetwork",
    "Recurrence",
    "RegroupedProvince",
    "Role",
    "RuleBound",
    "RuleKind",
    "Sector",
    "Severity",
    "Source",
    "StandingAgency",
    "StatedCount",
    "SteeringCommittee",
    "StructureFinding",
    "StructureRule",
    "SupportUnit",
    "SupportUnitKind",
    "Task",
    "TaskStatus",
    "TimeWeightedGeometric",
    "UnknownProvinceError",
    "ValidationError",
    "WeightedLogit",
    "__version__",
    "assess",
    "check_compliance",
    "check_structure",
    "completion_by_agency",
    "find_document_numbers",
    "fold",
    "get_document",
    "get_programme",
    "legal_rules",
    "national_committee_history",
    "network_2023",
    "network_summary",
    "nfc",
    "overdue",
    "parse_document_number",
    "parse_legal_rules",
    "parse_number",
    "parse_percent",
    "parse_range",
    "provincial_committees",
    "regroup",
    "structure_rules",
    "tasks_by_agency",
]

__version__: str = _version("kttt")
