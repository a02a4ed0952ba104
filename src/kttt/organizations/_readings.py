"""How each `Measure` reads a record: the table of readings.

Every reading takes the record, the day judged and the first day counted
(or `None`) and returns an exact fraction, or `None` when the record does
not allow it. The table is keyed by the measure's code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from typing import Final, Literal

import attrs
import pendulum

from kttt.organizations._funds import IncomeStatement, protected_pledges
from kttt.organizations._governance import (
    Governance,
    GovernanceModel,
    Organ,
    lowest_attendance,
    lowest_vote,
)
from kttt.organizations._members import (
    CAPITAL_TYPES,
    Member,
    MemberType,
    PersonKind,
)
from kttt.organizations._model import CooperativeGroup, Organization


#: What a measure's value is: a count, a share (``3/10`` is 30 %), whole
#: VND, years, months, or a yes/no flag (1 or 0).
Quantity = Literal["count", "share", "vnd", "years", "months", "flag"]

_Read = Callable[
    [Organization, pendulum.Date, pendulum.Date | None], Fraction | None
]


@attrs.frozen
class Reading:
    """What a measure reads, its quantity, and how."""

    field: str
    quantity: Quantity
    read: _Read


# --- helpers ---------------------------------------------------------------


def _share(part: int | None, whole: int | None) -> Fraction | None:
    if part is None or not whole:
        return None
    return Fraction(part, whole)


def _number(value: int | None) -> Fraction | None:
    return None if value is None else Fraction(value)


def _flag(value: bool | None) -> Fraction | None:
    return None if value is None else Fraction(int(value))


def months_between(start: pendulum.Date, end: pendulum.Date) -> Fraction:
    """Return the months from *start* to *end*, exactly.

    Whole calendar months, then the days left as a fraction of the next
    month: 1 January to 1 July is 6, to 2 July ``6 + 1/31``.
    """
    if end <= start:
        return Fraction(0)
    whole = (end.year - start.year) * 12 + end.month - start.month
    if start.add(months=whole) > end:
        whole -= 1
    anchor = start.add(months=whole)
    following = start.add(months=whole + 1)
    return whole + Fraction(
        anchor.diff(end).in_days(), anchor.diff(following).in_days()
    )


def _elapsed(
    start: pendulum.Date, on: pendulum.Date, since: pendulum.Date | None
) -> Fraction:
    begin = start if since is None else max(start, since)
    return months_between(begin, on)


def _above_charter(org: Organization) -> int | None:
    if org.contributed_capital is None:
        return None
    return org.contributed_capital - org.charter_capital


# --- members ---------------------------------------------------------------


def _listed(
    org: Organization,
    types: Iterable[MemberType],
    test: Callable[[Member], bool],
) -> Fraction | None:
    if org.member_list is None:
        return None
    wanted = frozenset(types)
    return Fraction(
        sum(1 for m in org.member_list if m.member_type in wanted and test(m))
    )


def _youngest(
    org: Organization, types: Iterable[MemberType], on: pendulum.Date
) -> Fraction | None:
    wanted = frozenset(types)
    ages = [
        m.age_on(on)
        for m in org.member_list or ()
        if m.member_type in wanted and m.person is PersonKind.CITIZEN
    ]
    known = [age for age in ages if age is not None]
    return _number(min(known, default=None))


def _longest_since_admission(
    org: Organization,
    on: pendulum.Date,
    since: pendulum.Date | None,
    late: Callable[[Member], bool],
) -> Fraction | None:
    if org.member_list is None:
        return None
    return max(
        (
            _elapsed(m.admitted or org.founded, on, since)
            for m in org.member_list
            if m.member_type in CAPITAL_TYPES and late(m)
        ),
        default=Fraction(0),
    )


def _below_minimum(
    org: Organization, on: pendulum.Date, since: pendulum.Date | None
) -> Fraction | None:
    minimum = org.minimum_contribution
    if minimum is None:
        return None
    return _longest_since_admission(
        org, on, since, lambda m: m.paid is not None and m.paid < minimum
    )


# --- audits and groups -----------------------------------------------------


def _since_audit(
    org: Organization, on: pendulum.Date, since: pendulum.Date | None
) -> Fraction | None:
    if org.audits is None:
        return None
    done = [day for day in org.audits if day <= on]
    return _elapsed(max(done, default=org.founded), on, since)


def _group(
    read: Callable[[CooperativeGroup], Fraction | None],
) -> Callable[[Organization], Fraction | None]:
    def measure(org: Organization) -> Fraction | None:
        return read(org) if isinstance(org, CooperativeGroup) else None

    return measure


def _registered(group: CooperativeGroup) -> Fraction | None:
    if group.registered_on is not None:
        return Fraction(1)
    return _flag(group.registered)


def _months_registered(
    org: Organization, on: pendulum.Date, _: pendulum.Date | None
) -> Fraction | None:
    if not isinstance(org, CooperativeGroup) or org.registered_on is None:
        return None
    return months_between(org.registered_on, on)


def _allocated(
    field: str, read: Callable[[IncomeStatement], Fraction | None]
) -> Reading:
    """A share of the record's income statement.

    A statement of a fiscal year that ended before *since* is left out.
    """

    def measure(
        org: Organization, _: pendulum.Date, since: pendulum.Date | None
    ) -> Fraction | None:
        income = org.income
        if income is None or (since is not None and income.year < since.year):
            return None
        return read(income)

    return Reading(f"income.{field}", "share", measure)


def _attendance(organ: Organ, *, reconvened: bool = False) -> Reading:
    """The lowest attendance of *organ*'s meetings since the day given."""
    return Reading(
        "meetings",
        "share",
        lambda org, on, since: lowest_attendance(
            org.meetings, organ, on, since, reconvened=reconvened
        ),
    )


def _votes(*, qualified: bool) -> Reading:
    """The lowest vote for a general meeting's (qualified) resolution."""
    return Reading(
        "meetings",
        "share",
        lambda org, on, since: lowest_vote(
            org.meetings, on, since, qualified=qualified
        ),
    )


# --- the table -------------------------------------------------------------


def _on_record(
    read: Callable[[Organization], Fraction | None],
) -> _Read:
    """A measure of the record alone, whatever the day."""
    return lambda org, _on, _since: read(org)


def _record(
    field: str,
    quantity: Quantity,
    read: Callable[[Organization], Fraction | None],
) -> Reading:
    return Reading(field, quantity, _on_record(read))


def _governed(
    field: str,
    quantity: Quantity,
    read: Callable[[Governance], Fraction | None],
) -> Reading:
    """A measure of the record's `Governance`; `None` without one."""

    def measure(org: Organization) -> Fraction | None:
        return None if org.governance is None else read(org.governance)

    return _record(f"governance.{field}", quantity, measure)


def _count_of(field: str, quantity: Quantity = "count") -> Reading:
    """A count the record's `Governance` holds in *field*."""
    return _governed(
        field, quantity, lambda governance: _number(getattr(governance, field))
    )


#: The reading of each measure, by the measure's code.
READINGS: Final[Mapping[str, Reading]] = {
    "official_members": _record(
        "members.official", "count", lambda org: Fraction(org.members.official)
    ),
    "largest_member_capital_share": _record(
        "largest_member_contribution",
        "share",
        lambda org: _share(
            org.largest_member_contribution, org.charter_capital
        ),
    ),
    "associate_capital_share": _record(
        "associate_contribution",
        "share",
        lambda org: _share(org.associate_contribution, org.charter_capital),
    ),
    "foreign_capital_share": _record(
        "foreign_contribution",
        "share",
        lambda org: _share(org.foreign_contribution, org.charter_capital),
    ),
    "foreign_official_member_share": _record(
        "members.foreign_official",
        "share",
        lambda org: _share(org.members.foreign_official, org.members.official),
    ),
    "capital_above_charter_share": _record(
        "contributed_capital",
        "share",
        lambda org: _share(_above_charter(org), org.charter_capital),
    ),
    "capital_above_charter_vnd": _record(
        "contributed_capital",
        "vnd",
        lambda org: _number(_above_charter(org)),
    ),
    "contributed_capital": _record(
        "contributed_capital",
        "vnd",
        lambda org: _number(org.contributed_capital),
    ),
    "youngest_capital_member_age": Reading(
        "member_list",
        "years",
        lambda org, on, _: _youngest(org, CAPITAL_TYPES, on),
    ),
    "youngest_non_capital_age": Reading(
        "member_list",
        "years",
        lambda org, on, _: _youngest(
            org, (MemberType.ASSOCIATE_NON_CAPITAL,), on
        ),
    ),
    "residents_contributing": _record(
        "member_list",
        "count",
        lambda org: _listed(
            org,
            CAPITAL_TYPES,
            lambda m: m.person is PersonKind.FOREIGN_RESIDENT,
        ),
    ),
    "non_cooperative_officials": _record(
        "member_list",
        "count",
        lambda org: _listed(
            org,
            (MemberType.OFFICIAL,),
            lambda m: m.person is not PersonKind.COOPERATIVE,
        ),
    ),
    "non_legal_person_associates": _record(
        "member_list",
        "count",
        lambda org: _listed(
            org,
            (MemberType.ASSOCIATE_CAPITAL, MemberType.ASSOCIATE_NON_CAPITAL),
            lambda m: not m.person.legal_person,
        ),
    ),
    "unpaid_capital_months": Reading(
        "member_list",
        "months",
        lambda org, on, since: _longest_since_admission(
            org, on, since, lambda m: m.unpaid is True
        ),
    ),
    "below_minimum_months": Reading("member_list", "months", _below_minimum),
    "full_governance": _governed(
        "model",
        "flag",
        lambda governance: _flag(governance.model is GovernanceModel.FULL),
    ),
    "board_members": _count_of("board_members"),
    "foreign_board_share": _governed(
        "foreign_board_members",
        "share",
        lambda governance: _share(
            governance.foreign_board_members, governance.board_members
        ),
    ),
    "board_term_years": _count_of("board_term_years", "years"),
    "director_term_years": _count_of("director_term_years", "years"),
    "supervisors": _count_of("supervisors"),
    "supervisor_term_years": _count_of("supervisor_term_years", "years"),
    "meeting_quorum": _attendance(Organ.GENERAL_MEETING),
    "reconvened_quorum": _attendance(Organ.GENERAL_MEETING, reconvened=True),
    "board_quorum": _attendance(Organ.BOARD),
    "qualified_vote": _votes(qualified=True),
    "ordinary_vote": _votes(qualified=False),
    "internal_lending": _record(
        "internal_lending", "flag", lambda org: _flag(org.internal_lending)
    ),
    "seeks_state_support": _record(
        "seeks_state_support",
        "flag",
        lambda org: _flag(org.seeks_state_support),
    ),
    "large": _record("large", "flag", lambda org: _flag(org.large)),
    "audits": _record(
        "audits",
        "count",
        lambda org: None if org.audits is None else Fraction(len(org.audits)),
    ),
    "months_since_audit": Reading("audits", "months", _since_audit),
    "indivisible_fund_share": _allocated(
        "indivisible_fund_allocation",
        lambda income: income.indivisible_fund_share,
    ),
    "use_and_labour_share": _allocated(
        "distributed_by_use_and_labour",
        lambda income: income.use_and_labour_share,
    ),
    "protected_collateral": _record(
        "pledged_indivisible_assets",
        "count",
        lambda org: protected_pledges(org.pledged_indivisible_assets),
    ),
    "registered": _record("registered", "flag", _group(_registered)),
    "contract_months": _record(
        "contract_months",
        "months",
        _group(lambda group: _number(group.contract_months)),
    ),
    "open_ended_contract": _record(
        "open_ended_contract",
        "flag",
        _group(lambda group: _flag(group.open_ended_contract)),
    ),
    "converting": _record(
        "converting", "flag", _group(lambda group: _flag(group.converting))
    ),
    "months_registered": Reading(
        "registered_on", "months", _months_registered
    ),
    "conversion_agreement_share": _record(
        "members_agreeing",
        "share",
        _group(
            lambda group: _share(
                group.members_agreeing, group.members.official
            )
        ),
    ),
}
