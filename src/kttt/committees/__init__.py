"""Steering committees for the collective economy and their network.

A `SteeringCommittee` (Ban Chỉ đạo) sits at national, provincial or district
level; the district level ends with the 2025 reform.
It has a head, deputy heads and members (`CommitteeMember`), a
`StandingAgency` (cơ quan thường trực) and perhaps a `SupportUnit` (an
office or a support team).

`check_structure` compares a committee with what the documents call for on
a given date: the rules are data (`StructureRule`, loaded with
`structure_rules`), each with its source.
The national committee's history (`national_committee_history`) and the
2023 state of the provincial network (`network_2023`, summarised by
`network_summary` and regrouped onto the 34 provinces of 2025 by
`regroup`) are built in, each from its data file (``NATIONAL_COMMITTEES``,
``PROVINCIAL_COMMITTEES``, ``STRUCTURE_RULES``, ``NETWORK_2023``, listed
by ``kttt.datasets``).
"""

from __future__ import annotations

from kttt.committees._builtin import (
    NATIONAL_COMMITTEES,
    NETWORK_2023,
    PROVINCIAL_COMMITTEES,
    national_committee_history,
    network_2023,
    provincial_committees,
)
from kttt.committees._convert import (
    configure_converter,
)
from kttt.committees._model import (
    CommitteeLevel,
    CommitteeMember,
    Engagement,
    PlannedChange,
    Role,
    StandingAgency,
    SteeringCommittee,
    SupportUnit,
    SupportUnitKind,
)
from kttt.committees._network import (
    NetworkAspect,
    NetworkSnapshot,
    NetworkSummary,
    ProvinceNetwork,
    RegroupedProvince,
    StatedCount,
    network_summary,
    regroup,
)
from kttt.committees._rules import (
    STRUCTURE_RULES,
    FindingStatus,
    RuleKind,
    StructureFinding,
    StructureRule,
    check_structure,
    structure_rules,
)


__all__ = [
    "NATIONAL_COMMITTEES",
    "NETWORK_2023",
    "PROVINCIAL_COMMITTEES",
    "STRUCTURE_RULES",
    "CommitteeLevel",
    "CommitteeMember",
    "Engagement",
    "FindingStatus",
    "NetworkAspect",
    "NetworkSnapshot",
    "NetworkSummary",
    "PlannedChange",
    "ProvinceNetwork",
    "RegroupedProvince",
    "Role",
    "RuleKind",
    "StandingAgency",
    "StatedCount",
    "SteeringCommittee",
    "StructureFinding",
    "StructureRule",
    "SupportUnit",
    "SupportUnitKind",
    "check_structure",
    "configure_converter",
    "national_committee_history",
    "network_2023",
    "network_summary",
    "provincial_committees",
    "regroup",
    "structure_rules",
]
