"""Tests of time in the law: transition deadlines (Điều 115) and the
breaches of a history of records with their revocation dates (Điều 103)."""

from __future__ import annotations

from fractions import Fraction

import attrs
import pendulum
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from kttt import strategies as kst
from kttt.errors import ValidationError
from kttt.geography import Province
from kttt.organizations import (
    Breach,
    Cooperative,
    CooperativeGroup,
    CooperativeUnion,
    Members,
    Sector,
    check_compliance,
    check_history,
    legal_rules,
)
from kttt.serialization import from_json, to_json


CHARTER = 1_000_000_000
TRANSITION_ENDS = pendulum.Date(2026, 1, 1)


def _htx(record_date, official=8, foreign=0, largest=200_000_000, **fields):
    return Cooperative(
        **{
            "id": "4600123456",
            "name": "Hợp tác xã Chè Tân Cương",
            "province": Province.get("Thái Nguyên"),
            "sector": Sector.AGRICULTURE,
            "founded": pendulum.Date(2015, 3, 2),
            "record_date": record_date,
            "members": Members(official=official, foreign_official=foreign),
            "charter_capital": CHARTER,
            "contributed_capital": CHARTER,
            "largest_member_contribution": largest,
        }
        | fields
    )


def _rule(code):
    (rule,) = [r for r in legal_rules() if r.code == code]
    return rule


# --- transition ------------------------------------------------------------


def test_existing_cooperative_has_until_2026():
    """A 2015 cooperative with a member holding 35 % on 1 July 2024 has a
    deadline, not a breach: Điều 115 gives it 18 months."""
    htx = _htx(pendulum.Date(2024, 7, 1), largest=350_000_000)

    (finding,) = check_compliance(htx)

    assert ("htx-max-member-capital-2023", TRANSITION_ENDS, True) == (
        finding.rule.code,
        finding.due,
        finding.is_deadline,
    )
    assert finding.explain("en").endswith(
        "; transition until 2026-01-01 (17/2023/QH15, Điều 115, as kttt "
        "reads it)"
    )


@pytest.mark.parametrize(
    ("day", "due"),
    [
        (pendulum.Date(2025, 12, 31), TRANSITION_ENDS),
        (TRANSITION_ENDS, None),
    ],
)
def test_the_deadline_falls_due(day, due):
    """On the day the transition ends the deadline becomes a breach."""
    htx = _htx(day, largest=350_000_000)

    (finding,) = check_compliance(htx)

    assert due == finding.due


def test_new_cooperatives_have_no_transition():
    """A cooperative founded under the 2023 law complies from the start."""
    htx = _htx(
        pendulum.Date(2024, 7, 2),
        largest=350_000_000,
        founded=pendulum.Date(2024, 7, 1),
    )

    (finding,) = check_compliance(htx)

    assert None is finding.due


def test_judged_later_the_deadline_has_passed():
    """The latest record judged after the transition shows a breach."""
    htx = _htx(pendulum.Date(2025, 3, 31), largest=350_000_000)

    (finding,) = check_compliance(htx, pendulum.Date(2026, 3, 31))

    assert (None, pendulum.Date(2026, 3, 31)) == (finding.due, finding.as_of)


def test_minimum_members_have_no_transition():
    """The 2012 law asked for more members: no time is given for too few."""
    htx = _htx(pendulum.Date(2024, 7, 1), official=4)

    (finding,) = check_compliance(htx)

    assert ("htx-min-members-2023", None) == (finding.rule.code, finding.due)


def test_groups_have_18_months_to_register():
    """A group with capital and an open-ended contract must register; one
    formed before the law has until 1 January 2026."""
    group = CooperativeGroup(
        id="THT-7",
        name="Tổ hợp tác rau an toàn",
        province=Province.get("Hà Nội"),
        sector=Sector.AGRICULTURE,
        founded=pendulum.Date(2020, 5, 4),
        record_date=pendulum.Date(2025, 3, 31),
        members=Members(official=6),
        charter_capital=0,
        contributed_capital=60_000_000,
        open_ended_contract=True,
        registered=False,
    )

    (finding,) = check_compliance(group)

    assert ("tht-registration-open-ended-2023", TRANSITION_ENDS) == (
        finding.rule.code,
        finding.due,
    )
    assert ["tht-registration-open-ended-2023"] == [
        f.rule.code
        for f in check_compliance(group, TRANSITION_ENDS)
        if f.due is None
    ]


def test_transition_periods_cite_article_115():
    """Every transition is 18 months of Điều 115; revocation periods are
    those of Điều 103, on cooperatives only."""
    rules = legal_rules()
    transitions = {r.transition for r in rules if r.transition is not None}
    revocations = {
        r.code: r.revocation.months for r in rules if r.revocation is not None
    }

    assert {(18, "Điều 115")} == {(t.months, t.article) for t in transitions}
    assert {
        "htx-min-members-2023": 12,
        "htx-max-member-capital-2023": 12,
        "htx-foreign-members-2023": 6,
    } == revocations
    assert {"Điều 103"} == {
        r.revocation.article for r in rules if r.revocation is not None
    }


# --- one cooperative, 2015 to 2027 -----------------------------------------


def _history():
    # A cooperative founded in 2015: members fall to six in 2023 (too few
    # under the 2012 law), one member comes to hold 35 % and half the
    # members are foreign in late 2024 (under the 2023 law, with its
    # transition), the foreign share is put right in mid-2027 while
    # members fall to four.
    records = [_htx(pendulum.Date(year, 12, 31)) for year in range(2015, 2023)]
    records += [
        _htx(pendulum.Date(2023, 12, 31), official=6),
        _htx(pendulum.Date(2024, 6, 30), official=6),
    ]
    breaking = {"official": 6, "foreign": 3, "largest": 350_000_000}
    records += [
        _htx(day, **breaking)
        for day in (
            pendulum.Date(2024, 12, 31),
            pendulum.Date(2025, 6, 30),
            pendulum.Date(2025, 12, 31),
            pendulum.Date(2026, 6, 30),
            pendulum.Date(2026, 12, 31),
        )
    ]
    records.append(
        _htx(
            pendulum.Date(2027, 6, 30),
            official=4,
            foreign=1,
            largest=350_000_000,
        )
    )
    return records


def test_a_cooperative_through_2015_to_2027():
    """The transition deadline, the revocation timeline, the last findings."""
    records = _history()

    deadlines = check_compliance(records[11])
    breaches = {b.rule.code: b for b in check_history(reversed(records))}
    final = check_compliance(records[-1])

    # 30 June 2025: both new breaches are deadlines due 1 January 2026.
    assert {
        ("htx-max-member-capital-2023", TRANSITION_ENDS),
        ("htx-foreign-members-2023", TRANSITION_ENDS),
    } == {(f.rule.code, f.due) for f in deadlines}
    # Too few members under the 2012 law, until that law lapsed.
    old = breaches["htx-min-members-2012"]
    assert (
        pendulum.Date(2023, 12, 31),
        pendulum.Date(2024, 6, 30),
        pendulum.Date(2024, 12, 31),
        None,
    ) == (old.since, old.last_seen, old.ended, old.revocable_from)
    # The foreign share: a breach from 1 January 2026, a ground for
    # revocation six months later, put right by mid-2027.
    foreign = breaches["htx-foreign-members-2023"]
    assert (
        pendulum.Date(2024, 12, 31),
        TRANSITION_ENDS,
        pendulum.Date(2026, 7, 1),
        True,
        pendulum.Date(2027, 6, 30),
    ) == (
        foreign.first_seen,
        foreign.since,
        foreign.revocable_from,
        foreign.ground_for_revocation,
        foreign.ended,
    )
    # The capital cap: twelve months, a ground from 1 January 2027.
    capital = breaches["htx-max-member-capital-2023"]
    assert (TRANSITION_ENDS, pendulum.Date(2027, 1, 1), True, None) == (
        capital.since,
        capital.revocable_from,
        capital.ground_for_revocation,
        capital.ended,
    )
    # Four members: a new breach, a ground only if it lasts a year.
    few = breaches["htx-min-members-2023"]
    assert (
        pendulum.Date(2027, 6, 30),
        pendulum.Date(2028, 6, 30),
        False,
        Fraction(4),
    ) == (few.since, few.revocable_from, few.ground_for_revocation, few.value)
    assert {
        ("htx-min-members-2023", None),
        ("htx-max-member-capital-2023", None),
    } == {(f.rule.code, f.due) for f in final}
    assert 4 == len(breaches)


def test_a_breach_before_its_revocation_date_is_not_a_ground():
    """Foreign members on 30 June 2026, a day before six months are up."""
    history = _history()[:14]

    (foreign,) = [
        b
        for b in check_history(history)
        if b.rule.code == "htx-foreign-members-2023"
    ]

    assert (pendulum.Date(2026, 6, 30), False) == (
        foreign.last_seen,
        foreign.ground_for_revocation,
    )
    assert "if it lasts" in foreign.explain("en")
    assert "nếu kéo dài" in foreign.explain("vi")


def test_a_deadline_only_breach():
    """Seen only inside the transition, a breach has not started yet."""
    history = _history()[10:12]

    explained = [b.explain("en") for b in check_history(history)]

    assert all(b.since is None for b in check_history(history))
    assert all("still within its transition" in e for e in explained)


def test_breach_explains_itself():
    """A breach's timeline in one sentence, in either language."""
    capital = next(
        b
        for b in check_history(_history())
        if b.rule.code == "htx-max-member-capital-2023"
    )

    assert capital.explain("en") == (
        "4600123456: htx-max-member-capital-2023 (17/2023/QH15, Điều 74); "
        "in breach since 2026-01-01; still seen on the record of 2027-06-30; "
        "a ground for revoking the registration from 2027-01-01 "
        "(17/2023/QH15, Điều 103)"
    )
    assert capital.explain().startswith(
        "4600123456: htx-max-member-capital-2023 (17/2023/QH15, Điều 74); "
        "vi phạm từ 2026-01-01"
    )
    with pytest.raises(ValidationError, match="lang"):
        capital.explain("fr")


def test_breaches_round_trip():
    """Breaches come back from JSON equal."""
    breaches = list(check_history(_history()))

    assert breaches == from_json(to_json(breaches), list[Breach])


# --- arguments -------------------------------------------------------------


@pytest.mark.parametrize(
    ("records", "field"),
    [
        ([], "records"),
        ("4600123456", "records"),
        (_htx(pendulum.Date(2025, 1, 1)), "records"),
        ([_htx(pendulum.Date(2025, 1, 1)), "record"], "records[1]"),
        (
            [
                _htx(pendulum.Date(2025, 1, 1)),
                _htx(pendulum.Date(2025, 2, 1), id="0202"),
            ],
            "records[1]",
        ),
        (
            [
                _htx(pendulum.Date(2025, 1, 1)),
                CooperativeUnion(
                    **attrs.asdict(
                        _htx(pendulum.Date(2025, 2, 1)), recurse=False
                    )
                ),
            ],
            "records[1]",
        ),
        (
            [_htx(pendulum.Date(2025, 1, 1)), _htx(pendulum.Date(2025, 1, 1))],
            "records",
        ),
    ],
)
def test_bad_histories(records, field):
    """A history is of one organisation, one record a day."""
    with pytest.raises(ValidationError) as info:
        check_history(records)

    assert field == info.value.field


def test_bad_rules_in_a_history():
    """The rules of a history must be LegalRule values."""
    with pytest.raises(ValidationError) as info:
        check_history([_htx(pendulum.Date(2025, 1, 1))], rules=["rule"])

    assert "rules[0]" == info.value.field


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"last_seen": pendulum.Date(2024, 12, 31)}, "last_seen"),
        ({"ended": pendulum.Date(2025, 6, 30)}, "ended"),
        ({"due": pendulum.Date(2025, 1, 1)}, "due"),
        ({"value": 4}, "value"),
        ({"organization_id": " "}, "organization_id"),
    ],
)
def test_impossible_breaches(fields, field):
    """A breach ends after it was last seen; a deadline falls due later."""
    good = {
        "rule": _rule("htx-min-members-2023"),
        "organization_id": "4600123456",
        "first_seen": pendulum.Date(2025, 1, 1),
        "last_seen": pendulum.Date(2025, 6, 30),
        "value": Fraction(4),
    }

    with pytest.raises(ValidationError) as info:
        Breach(**good | fields)

    assert field == info.value.field


# --- properties ------------------------------------------------------------


@st.composite
def _histories(draw):
    # The records of one organisation at distinct dates from its drawn
    # record date on, its official members changing between them.
    org = draw(kst.organizations())
    gaps = draw(st.lists(st.integers(1, 800), min_size=1, max_size=6))
    day, records = org.record_date, []
    for gap in gaps:
        day = day.add(days=gap)
        records.append(attrs.evolve(org, record_date=day))
    return records


@settings(max_examples=50)
@given(_histories())
def test_history_agrees_with_each_record(records):
    """Each record's findings are exactly the breaches seen on its date,
    each under a rule in force that day."""
    breaches = check_history(records)

    for record in records:
        day = record.record_date
        seen = {
            b.rule.code for b in breaches if b.first_seen <= day <= b.last_seen
        }
        assert seen == {f.rule.code for f in check_compliance(record)}
    for breach in breaches:
        assert breach.rule.applies(records[0].kind, breach.first_seen)
        assert breach.rule.applies(records[0].kind, breach.last_seen)
        assert breach.ground_for_revocation <= (
            breach.rule.revocation is not None
        )
        assert (breach.since is None) == (
            breach.due is not None and breach.last_seen < breach.due
        )
