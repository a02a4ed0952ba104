"""Strategies for steering committees, structure rules and the network."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from kttt.committees import (
    CommitteeLevel,
    CommitteeMember,
    Engagement,
    FindingStatus,
    NetworkAspect,
    NetworkSnapshot,
    ProvinceNetwork,
    Role,
    RuleKind,
    StandingAgency,
    StatedCount,
    SteeringCommittee,
    StructureFinding,
    StructureRule,
    SupportUnit,
    SupportUnitKind,
)
from kttt.geography import Era, Province
from kttt.sources import Source
from kttt.strategies._base import labelled_enums, pendulum_dates
from kttt.strategies._documents import document_numbers, vietnamese_words
from kttt.strategies._geography import provinces
from kttt.strategies._programmes import agencies


__all__ = [
    "committee_members",
    "network_snapshots",
    "steering_committees",
    "structure_findings",
    "structure_rules",
    "support_units",
]

_FROM = dt.date(2017, 1, 1)
_TO = dt.date(2035, 12, 31)
_NAMES = ("Nguyễn Văn A", "Trần Thị B", "Lê Minh C")
_SOURCE = Source(document="352/QĐ-TTg")


def _plain(date: dt.date) -> dt.date:
    return dt.date(date.year, date.month, date.day)


def committee_members(
    *, role: Role | None = None
) -> st.SearchStrategy[CommitteeMember]:
    """Draw a `kttt.committees.CommitteeMember`.

    Args:
        role: Use this role; by default draw one.

    Shrinks towards a nameless head.
    """
    return st.builds(
        CommitteeMember,
        person=st.none() | st.sampled_from(_NAMES),
        position=vietnamese_words(),
        agency=st.none() | agencies(builtin=True),
        role=st.just(role) if role else labelled_enums(Role),
        engagement=st.none() | labelled_enums(Engagement),
    )


@st.composite
def _support_units(draw: st.DrawFn) -> SupportUnit:
    kind = draw(labelled_enums(SupportUnitKind))
    if kind is SupportUnitKind.NONE:
        return SupportUnit(kind=kind)
    staff = st.none() | st.integers(0, 100)
    return SupportUnit(
        kind=kind,
        name=draw(st.none() | vietnamese_words()),
        full_time_staff=draw(staff),
        concurrent_staff=draw(staff),
    )


def support_units() -> st.SearchStrategy[SupportUnit]:
    """Draw a `kttt.committees.SupportUnit`, shrinking towards an office."""
    return _support_units()


@st.composite
def _committees(
    draw: st.DrawFn, level: CommitteeLevel | None
) -> SteeringCommittee:
    chosen = level or draw(labelled_enums(CommitteeLevel))
    as_of = draw(pendulum_dates(min_value=_FROM, max_value=_TO))
    era = Era.on(as_of)
    roles = [Role.HEAD, Role.STANDING_DEPUTY_HEAD]
    members = [
        draw(committee_members(role=role))
        for role in roles
        if draw(st.booleans())
    ]
    members += draw(
        st.lists(
            committee_members(role=Role.DEPUTY_HEAD)
            | committee_members(role=Role.MEMBER),
            max_size=5,
        )
    )
    listed = sum(m.role is Role.MEMBER for m in members)
    decision_date = draw(
        st.none() | pendulum_dates(min_value=_FROM, max_value=_plain(as_of))
    )
    return SteeringCommittee(
        level=chosen,
        name=draw(vietnamese_words()),
        as_of=as_of,
        jurisdiction=None
        if chosen is CommitteeLevel.NATIONAL
        else draw(provinces(era=era)),
        district=draw(vietnamese_words())
        if chosen is CommitteeLevel.DISTRICT
        else None,
        decision=draw(st.none() | document_numbers()),
        decision_date=decision_date,
        members=tuple(members),
        member_count=draw(st.none() | st.integers(listed, listed + 30)),
        standing_agency=draw(st.none() | labelled_enums(StandingAgency)),
        support_unit=draw(st.none() | support_units()),
    )


def steering_committees(
    *, level: CommitteeLevel | None = None
) -> st.SearchStrategy[SteeringCommittee]:
    """Draw a `kttt.committees.SteeringCommittee` described in 2017–2035.

    Its province (for provincial and district committees) is one of the
    units in force on its date.

    Args:
        level: Use this level; by default draw one.
    """
    return _committees(level)


@st.composite
def _rules(draw: st.DrawFn) -> StructureRule:
    kind = draw(labelled_enums(RuleKind))
    start = draw(st.none() | pendulum_dates(min_value=_FROM, max_value=_TO))
    end = draw(
        st.none()
        | pendulum_dates(
            min_value=_plain(start or _FROM), max_value=dt.date(2040, 1, 1)
        )
    )
    levels = draw(
        st.lists(labelled_enums(CommitteeLevel), min_size=1, unique=True)
    )
    return StructureRule(
        code=draw(st.from_regex(r"[a-z]{1,8}(-[a-z]{1,8})?", fullmatch=True)),
        kind=kind,
        levels=tuple(levels),
        requirement=draw(vietnamese_words()),
        source=_SOURCE,
        jurisdiction=draw(st.none() | provinces(era=Era.PRE_2025)),
        valid_from=start,
        valid_until=end,
        standing_agency=draw(labelled_enums(StandingAgency))
        if kind is RuleKind.STANDING_AGENCY
        else None,
        min_full_time_staff=draw(st.integers(0, 5))
        if kind is RuleKind.FULL_TIME_STAFF
        else None,
    )


def structure_rules() -> st.SearchStrategy[StructureRule]:
    """Draw a `kttt.committees.StructureRule` of any kind."""
    return _rules()


def structure_findings() -> st.SearchStrategy[StructureFinding]:
    """Draw a `kttt.committees.StructureFinding`, with or without a rule."""
    return st.builds(
        StructureFinding,
        aspect=labelled_enums(RuleKind),
        status=labelled_enums(FindingStatus),
        detail=vietnamese_words(),
        rule=st.none() | structure_rules(),
    )


@st.composite
def _snapshots(draw: st.DrawFn, era: Era | None) -> NetworkSnapshot:
    chosen = era or draw(labelled_enums(Era))
    entries = [
        ProvinceNetwork(
            province=unit,
            standing_agency=draw(st.none() | labelled_enums(StandingAgency)),
            support_team=draw(st.none() | st.booleans()),
            district_committees=draw(st.none() | st.booleans()),
            commune_focal_officers=draw(st.none() | st.booleans()),
        )
        for unit in Province.all(chosen)
    ]
    counts: list[StatedCount] = []
    for aspect in NetworkAspect:
        if aspect is NetworkAspect.STANDING_AGENCY or not draw(st.booleans()):
            continue
        verdicts = [entry.has(aspect) for entry in entries]
        known = verdicts.count(True)
        count = draw(st.integers(known, known + verdicts.count(None)))
        counts.append(StatedCount(aspect=aspect, count=count, of=len(entries)))
    return NetworkSnapshot(
        as_of=draw(pendulum_dates(min_value=_FROM, max_value=_TO)),
        era=chosen,
        provinces=tuple(entries),
        counts=tuple(counts),
    )


def network_snapshots(
    *, era: Era | None = None
) -> st.SearchStrategy[NetworkSnapshot]:
    """Draw a `kttt.committees.NetworkSnapshot` covering every province.

    Each per-province fact is known or unknown at random; stated counts,
    where drawn, are consistent with the known facts.

    Args:
        era: Use this map of provinces; by default draw one.
    """
    return _snapshots(era)
