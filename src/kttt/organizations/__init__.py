"""Collective economic organisations and the legal rules they must keep.

Kinds: cooperative groups, cooperatives, unions of cooperatives and people's
credit funds.

Each kind of organisation is a frozen value holding what a registry record
holds (`CooperativeGroup`, `Cooperative`, `CooperativeUnion`,
`PeoplesCreditFund`, all `Organization` values).
Construction refuses only what cannot exist: negative counts or amounts, a
founding date after the date the record describes, more foreign official
members than official members, OCOP stars outside 3–5 (`OCOP_STARS`), a
union listing itself among its member cooperatives.

A record may also list its members one by one (`Member`, `PersonKind`),
say how it is governed (`Governance`) and what its meetings decided
(`Meeting`, `Resolution`), and give a fiscal year's income
(`IncomeStatement`) and the indivisible assets it pledged
(`IndivisibleAsset`).

What real organisations may break for a while (too few members, a member
holding too much of the capital, too many foreign members, a board too
large) is a legal rule, not an impossibility: `check_compliance` measures
an organisation against the rules of the Law on Cooperatives in force on a
date (23/2012/QH13 until 30 June 2024, 17/2023/QH15 from 1 July 2024) and
returns `Finding` values that cite the article; inside a transition period
a finding is a deadline with the day it falls due.
`check_history` follows the breaches through a history of records: since
when each has lasted and when it becomes a ground for revocation
(`Breach`).
The rules are data (`legal_rules`, each `LegalRule` with its
`kttt.sources.Source`, its conditions and periods, read from the dataset
`LEGAL_RULES`); pass your own (`parse_legal_rules`) to `check_compliance`
to check against other rules.
`configure_converter` adds the hooks that write organisations with their
kind to a `cattrs.Converter`.
"""

from __future__ import annotations

from kttt.organizations._compliance import Finding, check_compliance
from kttt.organizations._convert import configure_converter
from kttt.organizations._funds import IncomeStatement, IndivisibleAsset
from kttt.organizations._governance import (
    Governance,
    GovernanceModel,
    Matter,
    Meeting,
    Organ,
    Resolution,
)
from kttt.organizations._kinds import (
    OperatingStatus,
    OrganizationKind,
    Sector,
)
from kttt.organizations._measures import Measure
from kttt.organizations._members import (
    Member,
    Members,
    MemberType,
    PersonKind,
)
from kttt.organizations._model import (
    OCOP_STARS,
    Cooperative,
    CooperativeGroup,
    CooperativeUnion,
    Organization,
    PeoplesCreditFund,
)
from kttt.organizations._rules import (
    LEGAL_RULES,
    Condition,
    LegalRule,
    Period,
    RuleBound,
    Severity,
    legal_rules,
    parse_legal_rules,
)
from kttt.organizations._timeline import Breach, check_history
from kttt.organizations._views import organizations_frame


__all__ = [
    "LEGAL_RULES",
    "OCOP_STARS",
    "Breach",
    "Condition",
    "Cooperative",
    "CooperativeGroup",
    "CooperativeUnion",
    "Finding",
    "Governance",
    "GovernanceModel",
    "IncomeStatement",
    "IndivisibleAsset",
    "LegalRule",
    "Matter",
    "Measure",
    "Meeting",
    "Member",
    "MemberType",
    "Members",
    "OperatingStatus",
    "Organ",
    "Organization",
    "OrganizationKind",
    "PeoplesCreditFund",
    "Period",
    "PersonKind",
    "Resolution",
    "RuleBound",
    "Sector",
    "Severity",
    "check_compliance",
    "check_history",
    "configure_converter",
    "legal_rules",
    "organizations_frame",
    "parse_legal_rules",
]
