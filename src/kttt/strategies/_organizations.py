"""Strategies for organisations, their members and the legal rules.

Records are drawn with the optional parts the law's rules read (a member
list, governance, meetings, audits, an income statement, pledged
indivisible assets) present or absent, each consistent with the rest of
the record.
"""

from __future__ import annotations

import datetime as dt
import math

from collections.abc import Callable
from fractions import Fraction
from typing import Any, TypeVar

import pendulum

from hypothesis import strategies as st

from kttt.geography import Province
from kttt.organizations import (
    OCOP_STARS,
    Cooperative,
    CooperativeGroup,
    CooperativeUnion,
    Finding,
    LegalRule,
    Members,
    OperatingStatus,
    Organization,
    OrganizationKind,
    PeoplesCreditFund,
    RuleBound,
    Sector,
)
from kttt.organizations import legal_rules as builtin_legal_rules
from kttt.strategies._base import labelled_enums, pendulum_dates
from kttt.strategies._geography import provinces
from kttt.strategies._organization_parts import (
    MAX_LISTED,
    MAX_VND,
    group_fields,
    law_records,
    optional,
    plain,
)


OrgT = TypeVar("OrgT", bound=Organization)

_FOUNDED_FROM = dt.date(1990, 1, 1)
_FOUNDED_TO = dt.date(2030, 12, 31)
#: A record describes its organisation at most this many days after its
#: founding.
_MAX_RECORD_AGE = 20 * 366


def _texts() -> st.SearchStrategy[str]:
    # Printable text that neither starts nor ends with white space: a
    # letter or digit, then letters, marks, digits, punctuation, symbols
    # and spaces.
    head = st.characters(categories=("L", "N"))
    body = st.text(
        st.characters(
            categories=("L", "M", "N", "P", "S"), include_characters=" "
        ),
        max_size=40,
    )
    return st.builds(_joined, head, body)


def _joined(head: str, body: str) -> str:
    return (head + body).rstrip()


def _codes() -> st.SearchStrategy[str]:
    # Registration codes are usually ten-digit tax codes.
    ten_digits = st.integers(0, 10**10 - 1).map("{:010d}".format)
    return st.one_of(ten_digits, _texts())


def members(
    *,
    official: int | None = None,
    associate_capital: int | None = None,
    associate_non_capital: int | None = None,
    foreign_official: int | None = None,
    max_count: int = 1000,
) -> st.SearchStrategy[Members]:
    """Draw `kttt.organizations.Members`.

    Args:
        official: Fix the number of official members.
        associate_capital: Fix the number of capital-associate members.
        associate_non_capital: Fix the number of other associates.
        foreign_official: Fix the number of foreign official members; by
            default it is unknown (`None`) or drawn up to *official*.
        max_count: The largest count drawn.

    Shrinks towards no members at all.
    """
    counts = st.integers(0, max_count)

    @st.composite
    def draw_members(draw: st.DrawFn) -> Members:
        n = draw(counts) if official is None else official
        foreign = foreign_official
        if foreign is None:
            foreign = draw(optional(st.integers(0, n)))
        return Members(
            official=n,
            associate_capital=draw(counts)
            if associate_capital is None
            else associate_capital,
            associate_non_capital=draw(counts)
            if associate_non_capital is None
            else associate_non_capital,
            foreign_official=foreign,
        )

    return draw_members()


@st.composite
def _dates(
    draw: st.DrawFn,
    founded: pendulum.Date | None,
    record_date: pendulum.Date | None,
) -> tuple[pendulum.Date, pendulum.Date]:
    age = dt.timedelta(days=draw(st.integers(0, _MAX_RECORD_AGE)))
    if founded is None and record_date is None:
        founded = draw(
            pendulum_dates(min_value=_FOUNDED_FROM, max_value=_FOUNDED_TO)
        )
    if founded is None:
        assert record_date is not None  # noqa: S101 (narrowing for mypy)
        founded = record_date - age
    return founded, founded + age if record_date is None else record_date


@st.composite
def _capital(draw: st.DrawFn, members: Members) -> dict[str, int | None]:
    # Amounts that fit together: the largest official contribution and the
    # capital associates' total fit in the contributed capital, and nobody
    # contributes who is not there.
    vnd = st.integers(0, MAX_VND)
    contributed = draw(optional(vnd))
    room = MAX_VND if contributed is None else contributed
    largest = (
        draw(optional(st.integers(0, room))) if members.official else None
    )
    room -= largest or 0
    associates = (
        draw(optional(st.integers(0, room)))
        if members.associate_capital
        else None
    )
    return {
        "charter_capital": draw(vnd),
        "contributed_capital": contributed,
        "largest_member_contribution": largest,
        "associate_contribution": associates,
        "foreign_contribution": draw(
            optional(
                st.integers(0, MAX_VND if contributed is None else contributed)
            )
        ),
        "indivisible_assets": draw(optional(vnd)),
        "revenue": draw(optional(st.integers(0, 10 * MAX_VND))),
        "profit": draw(optional(st.integers(-MAX_VND, MAX_VND))),
        "workers": draw(optional(st.integers(0, 100_000))),
    }


@st.composite
def _organization(
    draw: st.DrawFn,
    cls: type[OrgT],
    knobs: dict[str, Any],
    extra: Callable[[st.DrawFn, dict[str, Any]], dict[str, Any]] | None = None,
    max_members: int = 1000,
) -> OrgT:
    founded, record_date = draw(_dates(knobs["founded"], knobs["record_date"]))
    # A cooperative group has no associates.
    no_associates = 0 if knobs.get("group") else None
    drawn_members = knobs["members"] or draw(
        st.one_of(
            *(
                members(
                    max_count=most,
                    associate_capital=no_associates,
                    associate_non_capital=no_associates,
                )
                # Small organisations often, so that member lists are drawn.
                for most in (MAX_LISTED // 3, max_members)
            )
        )
    )
    fields: dict[str, Any] = {
        "id": draw(_codes()),
        "name": draw(_texts()),
        "province": knobs["province"] or draw(provinces()),
        "sector": knobs.get("sector") or draw(labelled_enums(Sector)),
        "founded": founded,
        "record_date": record_date,
        "members": drawn_members,
        "status": knobs["status"] or draw(labelled_enums(OperatingStatus)),
        "applies_high_technology": draw(st.booleans()),
        "value_chain_linked": draw(st.booleans()),
        "digital_transformation": draw(st.booleans()),
        "ocop_stars": draw(optional(st.sampled_from(OCOP_STARS))),
        "traceability": draw(st.booleans()),
        **draw(_capital(drawn_members)),
    }
    fields.update(draw(law_records(drawn_members, founded, record_date)))
    if extra is not None:
        fields.update(extra(draw, fields))
    return cls(**fields)


def cooperative_groups(
    *,
    province: Province | None = None,
    sector: Sector | None = None,
    members: Members | None = None,
    status: OperatingStatus | None = None,
    founded: pendulum.Date | None = None,
    record_date: pendulum.Date | None = None,
) -> st.SearchStrategy[CooperativeGroup]:
    """Draw `kttt.organizations.CooperativeGroup` values.

    Every knob left `None` is drawn; the founding date never follows the
    record date, and the capital figures fit together.
    A group has no associates: fixed *members* must have none.
    """
    return _organization(
        CooperativeGroup, {**locals(), "group": True}, group_fields
    )


def cooperatives(
    *,
    province: Province | None = None,
    sector: Sector | None = None,
    members: Members | None = None,
    status: OperatingStatus | None = None,
    founded: pendulum.Date | None = None,
    record_date: pendulum.Date | None = None,
) -> st.SearchStrategy[Cooperative]:
    """Draw `kttt.organizations.Cooperative` values.

    Never a people's credit fund: see `peoples_credit_funds`.
    Knobs as in `cooperative_groups`.
    """
    return _organization(Cooperative, locals().copy())


def peoples_credit_funds(
    *,
    province: Province | None = None,
    members: Members | None = None,
    status: OperatingStatus | None = None,
    founded: pendulum.Date | None = None,
    record_date: pendulum.Date | None = None,
) -> st.SearchStrategy[PeoplesCreditFund]:
    """Draw `kttt.organizations.PeoplesCreditFund` values (sector credit).

    Knobs as in `cooperative_groups`.
    """
    return _organization(
        PeoplesCreditFund, {**locals(), "sector": Sector.CREDIT}
    )


def _member_ids(draw: st.DrawFn, fields: dict[str, Any]) -> dict[str, Any]:
    if not draw(st.booleans()):
        return {}
    # One code more than needed, so that the union's own code, if drawn
    # among them, can be left out.
    wanted: int = fields["members"].official
    numbers = draw(
        st.lists(
            st.integers(0, 10**10 - 1),
            min_size=wanted + 1,
            max_size=wanted + 1,
            unique=True,
        )
    )
    codes = [f"{n:010d}" for n in numbers]
    return {
        "member_cooperative_ids": tuple(
            code for code in codes if code != fields["id"]
        )[:wanted]
    }


def cooperative_unions(
    *,
    province: Province | None = None,
    sector: Sector | None = None,
    members: Members | None = None,
    status: OperatingStatus | None = None,
    founded: pendulum.Date | None = None,
    record_date: pendulum.Date | None = None,
) -> st.SearchStrategy[CooperativeUnion]:
    """Draw `kttt.organizations.CooperativeUnion` values.

    A union has up to 50 member cooperatives unless *members* says
    otherwise; their codes are listed or not (`None`).
    Knobs as in `cooperative_groups`.
    """
    return _organization(
        CooperativeUnion, locals().copy(), _member_ids, max_members=50
    )


def organizations(
    *,
    kind: OrganizationKind | None = None,
    province: Province | None = None,
    members: Members | None = None,
    status: OperatingStatus | None = None,
    founded: pendulum.Date | None = None,
    record_date: pendulum.Date | None = None,
) -> st.SearchStrategy[Organization]:
    """Draw any `kttt.organizations.Organization`.

    A cooperative group, a cooperative, a union or a people's credit fund;
    not a group if fixed *members* have associates.

    Args:
        kind: Draw only this kind (not ``OrganizationKind.COOPERATIVE_BANK``,
            which has no record type).
        province: Fix the province.
        members: Fix the members.
        status: Fix the operating status.
        founded: Fix the founding date.
        record_date: Fix the record date.
    """
    knobs: dict[str, Any] = {
        "province": province,
        "members": members,
        "status": status,
        "founded": founded,
        "record_date": record_date,
    }
    by_kind: dict[OrganizationKind, st.SearchStrategy[Organization]] = {
        OrganizationKind.COOPERATIVE_GROUP: cooperative_groups(**knobs),
        OrganizationKind.COOPERATIVE: cooperatives(**knobs),
        OrganizationKind.COOPERATIVE_UNION: cooperative_unions(**knobs),
        OrganizationKind.PEOPLES_CREDIT_FUND: peoples_credit_funds(**knobs),
    }
    if kind is not None:
        return by_kind[kind]
    if members is not None and members.total != members.official:
        # A cooperative group has no associates.
        del by_kind[OrganizationKind.COOPERATIVE_GROUP]
    return st.one_of(*by_kind.values())


def legal_rules() -> st.SearchStrategy[LegalRule]:
    """Draw one of the built-in `kttt.organizations.LegalRule` values."""
    return st.sampled_from(builtin_legal_rules())


def _breaking(rule: LegalRule) -> st.SearchStrategy[Fraction]:
    # A value that breaks the rule: below an "at least" limit, at or below
    # a "more than" one, above an "at most" one, at or above a "below"
    # one.  Counts, years, flags and amounts of VND stay whole; shares and
    # months get a fractional part.
    fractional = rule.measure.quantity in {"share", "months"}
    limit = rule.limit
    step = st.integers(1, 10**6).map(
        (lambda n: Fraction(n, 10**6)) if fractional else Fraction
    )
    if rule.bound in {RuleBound.AT_LEAST, RuleBound.ABOVE}:
        top = limit if rule.bound is RuleBound.ABOVE else limit - 1
        if not fractional:
            return st.integers(0, math.floor(top)).map(Fraction)
        if rule.bound is RuleBound.ABOVE:
            scale = st.integers(0, 10**6)
        else:
            scale = st.integers(0, 10**6 - 1)
        return scale.map(lambda n: limit * Fraction(n, 10**6))
    if rule.bound is RuleBound.AT_MOST:
        return step.map(lambda extra: limit + extra)
    return st.one_of(st.just(limit), step.map(lambda extra: limit + extra))


@st.composite
def _finding(draw: st.DrawFn, rule: LegalRule | None) -> Finding:
    chosen = draw(legal_rules()) if rule is None else rule
    until = chosen.in_force_until
    last = _FOUNDED_TO if until is None else plain(until) - dt.timedelta(1)
    first = plain(chosen.in_force_from)
    as_of = draw(pendulum_dates(min_value=first, max_value=last))
    transition = chosen.transition
    due = None
    if transition is not None and draw(st.booleans()):
        # A finding on an organisation founded before the rule, still in
        # its transition.
        end = transition.after(chosen.in_force_from)
        due = end if as_of < end else None
    return Finding(
        rule=chosen,
        organization_id=draw(_codes()),
        as_of=as_of,
        value=draw(_breaking(chosen)),
        due=due,
    )


def findings(*, rule: LegalRule | None = None) -> st.SearchStrategy[Finding]:
    """Draw `kttt.organizations.Finding` values for the built-in rules.

    Args:
        rule: Fix the rule broken (one whose limit can be broken).
    """
    return _finding(rule)
