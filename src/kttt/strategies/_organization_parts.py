"""Strategies for the parts of a record the law's rules read.

A member list that fits the record's counts, governance, meetings with
their resolutions, an income statement, and the fields of a cooperative
group; `kttt.strategies._organizations` draws records with them.
"""

from __future__ import annotations

import datetime as dt

from typing import Any

import attrs
import pendulum

from hypothesis import strategies as st

from kttt.organizations import (
    Governance,
    GovernanceModel,
    IncomeStatement,
    IndivisibleAsset,
    Matter,
    Meeting,
    Member,
    Members,
    MemberType,
    Organ,
    PersonKind,
    Resolution,
)
from kttt.strategies._base import labelled_enums, pendulum_dates


#: Amounts of VND are drawn up to 1 000 billion (nghìn tỷ).
MAX_VND = 10**12


def optional(
    strategy: st.SearchStrategy[int],
) -> st.SearchStrategy[int | None]:
    return st.one_of(st.none(), strategy)


def plain(date: dt.date) -> dt.date:
    return dt.date(date.year, date.month, date.day)


#: Member lists are drawn only for records of at most this many members.
MAX_LISTED = 12
_BORN_FROM = dt.date(1930, 1, 1)
_FOREIGN_PERSONS = [p for p in PersonKind if p.foreign]
_OTHER_PERSONS = [p for p in PersonKind if not p.foreign]


def _between(
    first: pendulum.Date, last: pendulum.Date
) -> st.SearchStrategy[pendulum.Date]:
    return pendulum_dates(min_value=plain(first), max_value=plain(last))


@st.composite
def _listed_member(
    draw: st.DrawFn,
    member_type: MemberType | None = None,
    person: PersonKind | None = None,
    founded: pendulum.Date | None = None,
    record_date: pendulum.Date | None = None,
) -> Member:
    kind = member_type or draw(labelled_enums(MemberType))
    who = person or draw(labelled_enums(PersonKind))
    last = record_date or pendulum.Date(2030, 12, 31)
    born = None
    if who.individual:
        born = draw(
            st.one_of(
                st.none(),
                pendulum_dates(min_value=_BORN_FROM, max_value=plain(last)),
            )
        )
    first = founded or pendulum.Date(1990, 1, 1)
    if born is not None:
        first = max(first, born)
    admitted = draw(st.one_of(st.none(), _between(first, last)))
    capital = kind is not MemberType.ASSOCIATE_NON_CAPITAL
    vnd = optional(st.integers(0, 10**10)) if capital else st.none()
    return Member(
        member_type=kind,
        person=who,
        born=born,
        admitted=admitted,
        pledged=draw(vnd),
        paid=draw(vnd),
    )


def listed_members(
    *,
    member_type: MemberType | None = None,
    person: PersonKind | None = None,
) -> st.SearchStrategy[Member]:
    """Draw `kttt.organizations.Member` values, as a member list has them.

    Args:
        member_type: Fix the member type.
        person: Fix who the member is.
    """
    return _listed_member(member_type, person)


@st.composite
def _member_list(
    draw: st.DrawFn,
    counts: Members,
    founded: pendulum.Date,
    record_date: pendulum.Date,
) -> tuple[Member, ...] | None:
    if counts.total > MAX_LISTED or not draw(st.booleans()):
        return None
    foreign = counts.foreign_official
    if foreign is None:
        foreign = draw(st.integers(0, counts.official))
    persons = [draw(st.sampled_from(_FOREIGN_PERSONS)) for _ in range(foreign)]
    persons += [
        draw(st.sampled_from(_OTHER_PERSONS))
        for _ in range(counts.official - foreign)
    ]
    listed = [
        draw(_listed_member(MemberType.OFFICIAL, who, founded, record_date))
        for who in persons
    ]
    for kind in (
        MemberType.ASSOCIATE_CAPITAL,
        MemberType.ASSOCIATE_NON_CAPITAL,
    ):
        listed += [
            draw(_listed_member(kind, None, founded, record_date))
            for _ in range(counts.count(kind))
        ]
    codes = draw(
        st.lists(
            st.one_of(st.none(), st.integers(0, 10**9)),
            min_size=len(listed),
            max_size=len(listed),
            unique_by=lambda n: object() if n is None else n,
        )
    )
    return tuple(
        attrs.evolve(m, id=None if code is None else f"TV{code}")
        for m, code in zip(listed, codes, strict=True)
    )


def governances(
    *, model: GovernanceModel | None = None
) -> st.SearchStrategy[Governance]:
    """Draw `kttt.organizations.Governance` values.

    Args:
        model: Fix the governance model; under the simplified one there
            is no board and at most a single controller.
    """
    return _governance(model)


@st.composite
def _governance(draw: st.DrawFn, model: GovernanceModel | None) -> Governance:
    chosen = model or draw(labelled_enums(GovernanceModel))
    terms = optional(st.integers(1, 8))
    if chosen is GovernanceModel.SIMPLIFIED:
        return Governance(
            model=chosen,
            director_term_years=draw(terms),
            supervisors=draw(st.sampled_from([None, 1])),
            supervisor_term_years=draw(terms),
        )
    board = draw(optional(st.integers(0, 20)))
    foreign = None if board is None else draw(optional(st.integers(0, board)))
    return Governance(
        model=chosen,
        board_members=board,
        foreign_board_members=foreign,
        board_term_years=draw(terms),
        director_term_years=draw(terms),
        supervisors=draw(optional(st.integers(0, 7))),
        supervisor_term_years=draw(terms),
    )


def resolutions() -> st.SearchStrategy[Resolution]:
    """Draw `kttt.organizations.Resolution` values, with their votes."""
    return _resolution()


@st.composite
def _resolution(draw: st.DrawFn) -> Resolution:
    votes = draw(st.integers(1, 500))
    return Resolution(
        matter=draw(labelled_enums(Matter)),
        votes_for=draw(st.integers(0, votes)),
        votes=votes,
    )


def meetings(
    *,
    organ: Organ | None = None,
    held: pendulum.Date | None = None,
) -> st.SearchStrategy[Meeting]:
    """Draw `kttt.organizations.Meeting` values.

    Args:
        organ: Fix the organ that met.
        held: Fix the day it met.
    """
    return _meeting(organ, held, None, None)


@st.composite
def _meeting(
    draw: st.DrawFn,
    organ: Organ | None,
    held: pendulum.Date | None,
    first: pendulum.Date | None,
    last: pendulum.Date | None,
) -> Meeting:
    who = organ or draw(labelled_enums(Organ))
    day = held or draw(
        _between(
            first or pendulum.Date(1990, 1, 1),
            last or pendulum.Date(2030, 12, 31),
        )
    )
    entitled = draw(st.integers(1, 300))
    general = who is Organ.GENERAL_MEETING
    return Meeting(
        organ=who,
        held=day,
        entitled=entitled,
        attending=draw(st.integers(0, entitled)),
        reconvened=general and draw(st.booleans()),
        resolutions=tuple(
            draw(st.lists(_resolution(), max_size=3 if general else 0))
        ),
    )


def income_statements(
    *, year: int | None = None
) -> st.SearchStrategy[IncomeStatement]:
    """Draw `kttt.organizations.IncomeStatement` values.

    Allocations never exceed the income they come from.

    Args:
        year: Fix the fiscal year.
    """
    return _income(year, 1990, 2030)


@st.composite
def _income(
    draw: st.DrawFn, year: int | None, first: int, last: int
) -> IncomeStatement:
    amounts = optional(st.integers(-MAX_VND, MAX_VND))
    external, internal = draw(amounts), draw(amounts)
    return IncomeStatement(
        year=year or draw(st.integers(first, last)),
        external_income=external,
        indivisible_fund_allocation=draw(_part_of(external)),
        internal_income_remaining=internal,
        distributed_by_use_and_labour=draw(_part_of(internal)),
    )


def _part_of(income: int | None) -> st.SearchStrategy[int | None]:
    if income is None:
        return optional(st.integers(0, MAX_VND))
    return optional(st.integers(0, max(income, 0)))


@st.composite
def law_records(
    draw: st.DrawFn,
    counts: Members,
    founded: pendulum.Date,
    record_date: pendulum.Date,
) -> dict[str, Any]:
    # The optional parts the law's rules read, each fitting the record.
    days = _between(founded, record_date)
    return {
        "member_list": draw(_member_list(counts, founded, record_date)),
        "minimum_contribution": draw(optional(st.integers(0, 10**9))),
        "governance": draw(st.one_of(st.none(), _governance(None))),
        "meetings": tuple(
            draw(
                st.lists(
                    _meeting(None, None, founded, record_date), max_size=3
                )
            )
        ),
        "internal_lending": draw(st.booleans()),
        "seeks_state_support": draw(st.booleans()),
        "large": draw(st.booleans()),
        "audits": draw(
            st.one_of(st.none(), st.lists(days, max_size=3).map(tuple))
        ),
        "income": draw(
            st.one_of(
                st.none(),
                _income(None, founded.year, record_date.year),
            )
        ),
        "pledged_indivisible_assets": tuple(
            draw(st.lists(labelled_enums(IndivisibleAsset), unique=True))
        ),
    }


def group_fields(draw: st.DrawFn, fields: dict[str, Any]) -> dict[str, Any]:
    founded, record_date = fields["founded"], fields["record_date"]
    registered = draw(st.sampled_from([None, True, False]))
    registered_on = None
    if registered is not False:
        registered_on = draw(
            st.one_of(st.none(), _between(founded, record_date))
        )
    open_ended = draw(st.booleans())
    return {
        "registered": registered,
        "registered_on": registered_on,
        "contract_months": None
        if open_ended
        else draw(optional(st.integers(1, 120))),
        "open_ended_contract": open_ended,
        "converting": draw(st.booleans()),
        "members_agreeing": draw(
            optional(st.integers(0, fields["members"].official))
        ),
    }
