"""Public Hypothesis strategies for every kttt domain type.

Install the extra (``pip install "kttt[hypothesis]"``) and use them in your
own property tests::

    from hypothesis import given
    from kttt import strategies as kst

    @given(kst.provinces())
    def test_something(province): ...

Every strategy takes keyword-only knobs where ``None`` means "draw it",
shrinks towards the simplest value, and builds valid values directly
(no ``.filter`` chains).
Through Hypothesis' entry point, ``st.from_type(kttt.Province)`` and
``st.builds(...)`` work for every type listed in `TYPE_STRATEGIES`.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

from kttt.bodies import Agency
from kttt.committees import (
    CommitteeLevel,
    CommitteeMember,
    NetworkSnapshot,
    Role,
    StandingAgency,
    SteeringCommittee,
    StructureFinding,
    StructureRule,
    SupportUnit,
)
from kttt.documents import (
    Document,
    DocumentKind,
    DocumentNumber,
    DocumentRegistry,
    Issuer,
)
from kttt.geography import Era, Province
from kttt.organizations import (
    Cooperative,
    CooperativeGroup,
    CooperativeUnion,
    Finding,
    Governance,
    IncomeStatement,
    LegalRule,
    Meeting,
    Member,
    Members,
    PeoplesCreditFund,
    Resolution,
)
from kttt.programmes import (
    ActionProgramme,
    Deadline,
    Objective,
    ProgressNote,
    Recurrence,
    Task,
    TaskStatus,
)
from kttt.rating import Classification, RatingScheme, ScoreSheet
from kttt.scenarios import Assumption, Scenario
from kttt.series import Observation, Series
from kttt.strategies._base import labelled_enums, pendulum_dates
from kttt.strategies._committees import (
    committee_members,
    network_snapshots,
    steering_committees,
    structure_findings,
    structure_rules,
    support_units,
)
from kttt.strategies._documents import (
    document_issuers,
    document_kinds,
    document_numbers,
    document_registries,
    documents,
    issuer_codes,
)
from kttt.strategies._geography import eras, provinces
from kttt.strategies._organization_parts import (
    governances,
    income_statements,
    listed_members,
    meetings,
    resolutions,
)
from kttt.strategies._organizations import (
    cooperative_groups,
    cooperative_unions,
    cooperatives,
    findings,
    legal_rules,
    members,
    organizations,
    peoples_credit_funds,
)
from kttt.strategies._programmes import (
    action_programmes,
    agencies,
    deadlines,
    objectives,
    progress_notes,
    recurrences,
    tasks,
)
from kttt.strategies._rating import (
    classifications,
    rating_schemes,
    score_sheets,
)
from kttt.strategies._scenarios import assumptions, scenarios
from kttt.strategies._targets import (
    comparators,
    indicators,
    levels,
    observations,
    series,
    target_sets,
    targets,
)
from kttt.targets import Comparator, Indicator, Target, TargetSet


__all__ = [
    "TYPE_STRATEGIES",
    "action_programmes",
    "agencies",
    "assumptions",
    "classifications",
    "committee_members",
    "comparators",
    "cooperative_groups",
    "cooperative_unions",
    "cooperatives",
    "deadlines",
    "document_issuers",
    "document_kinds",
    "document_numbers",
    "document_registries",
    "documents",
    "eras",
    "findings",
    "governances",
    "income_statements",
    "indicators",
    "issuer_codes",
    "labelled_enums",
    "legal_rules",
    "levels",
    "listed_members",
    "meetings",
    "members",
    "network_snapshots",
    "objectives",
    "observations",
    "organizations",
    "pendulum_dates",
    "peoples_credit_funds",
    "progress_notes",
    "provinces",
    "rating_schemes",
    "recurrences",
    "register_types",
    "resolutions",
    "scenarios",
    "score_sheets",
    "series",
    "steering_committees",
    "structure_findings",
    "structure_rules",
    "support_units",
    "target_sets",
    "targets",
    "tasks",
]

#: The strategy Hypothesis uses for each kttt type, for ``st.from_type``.
TYPE_STRATEGIES: dict[type, Callable[[], st.SearchStrategy[object]]] = {
    # --- documents ---
    DocumentNumber: document_numbers,
    DocumentKind: document_kinds,
    Issuer: document_issuers,
    Document: documents,
    DocumentRegistry: document_registries,
    # --- geography ---
    Era: eras,
    Province: provinces,
    # --- organizations ---
    Members: members,
    CooperativeGroup: cooperative_groups,
    Cooperative: cooperatives,
    CooperativeUnion: cooperative_unions,
    PeoplesCreditFund: peoples_credit_funds,
    LegalRule: legal_rules,
    Finding: findings,
    Member: listed_members,
    Governance: governances,
    Resolution: resolutions,
    Meeting: meetings,
    IncomeStatement: income_statements,
    # --- targets and series ---
    Indicator: indicators,
    Comparator: comparators,
    Target: targets,
    TargetSet: target_sets,
    Observation: observations,
    Series: series,
    # --- rating ---
    RatingScheme: rating_schemes,
    ScoreSheet: score_sheets,
    Classification: classifications,
    # --- scenarios ---
    Assumption: assumptions,
    Scenario: scenarios,
    # --- programmes ---
    Agency: agencies,
    Recurrence: recurrences,
    Deadline: deadlines,
    ProgressNote: progress_notes,
    Objective: objectives,
    Task: tasks,
    TaskStatus: lambda: labelled_enums(TaskStatus),
    ActionProgramme: action_programmes,
    # --- committees ---
    CommitteeLevel: lambda: labelled_enums(CommitteeLevel),
    Role: lambda: labelled_enums(Role),
    StandingAgency: lambda: labelled_enums(StandingAgency),
    CommitteeMember: committee_members,
    SupportUnit: support_units,
    SteeringCommittee: steering_committees,
    StructureRule: structure_rules,
    StructureFinding: structure_findings,
    NetworkSnapshot: network_snapshots,
}


def register_types() -> None:
    """Register every type in `TYPE_STRATEGIES` with ``st.from_type``.

    Importing this module does it; call it again after
    ``st.register_type_strategy`` has replaced one of them.
    """
    for cls, strategy in TYPE_STRATEGIES.items():
        st.register_type_strategy(cls, strategy())


register_types()
