"""Tests of the rules of Luật 17/2023/QH15 on members, governance, funds,
cooperative groups and audits: each at and beside its limit, pinned to
its article; and of the records' parts those rules read."""

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
    Cooperative,
    CooperativeGroup,
    CooperativeUnion,
    Governance,
    GovernanceModel,
    IncomeStatement,
    IndivisibleAsset,
    Matter,
    Measure,
    Meeting,
    Member,
    Members,
    MemberType,
    Organ,
    PersonKind,
    Resolution,
    Sector,
    Severity,
    check_compliance,
    legal_rules,
)
from kttt.serialization import from_csv, from_json, to_csv, to_json


FOUNDED = pendulum.Date(2025, 1, 2)
RECORD = pendulum.Date(2025, 12, 31)
LAW_2023 = "17/2023/QH15"

OFFICIAL = MemberType.OFFICIAL
CAPITAL = MemberType.ASSOCIATE_CAPITAL
NON_CAPITAL = MemberType.ASSOCIATE_NON_CAPITAL


def _person(member_type=OFFICIAL, person=PersonKind.CITIZEN, **fields):
    return Member(member_type=member_type, person=person, **fields)


def _counted(listed):
    # The counts a member list implies.
    return Members(
        official=sum(m.member_type is OFFICIAL for m in listed),
        associate_capital=sum(m.member_type is CAPITAL for m in listed),
        associate_non_capital=sum(
            m.member_type is NON_CAPITAL for m in listed
        ),
    )


CLASSES = {
    "htx": Cooperative,
    "union": CooperativeUnion,
    "group": CooperativeGroup,
}


def _record(kind="htx", **fields):
    base = {
        "id": "0101234567",
        "name": "Tổ chức kinh tế tập thể Tân Tiến",
        "province": Province.get("Hà Nội"),
        "sector": Sector.AGRICULTURE,
        "founded": FOUNDED,
        "record_date": RECORD,
        "members": Members(official=10),
        "charter_capital": 1_000_000_000,
    }
    if fields.get("member_list") is not None:
        base["members"] = _counted(fields["member_list"])
    return CLASSES[kind](**base | fields)


def _findings(org, code):
    return [f for f in check_compliance(org) if f.rule.code == code]


def _adults(count, member_type=OFFICIAL):
    return tuple(
        _person(member_type, born=pendulum.Date(1980, 1, 1))
        for _ in range(count)
    )


def _born_aged(years):
    # Born so as to turn *years* on the record date.
    return RECORD.subtract(years=years)


def _full(**fields):
    return Governance(model=GovernanceModel.FULL, **fields)


def _simplified(**fields):
    return Governance(model=GovernanceModel.SIMPLIFIED, **fields)


def _meeting(entitled, attending, *resolutions, **fields):
    return Meeting(
        organ=fields.pop("organ", Organ.GENERAL_MEETING),
        held=pendulum.Date(2025, 6, 1),
        entitled=entitled,
        attending=attending,
        resolutions=resolutions,
        **fields,
    )


def _vote(matter, votes_for, votes=100):
    return Resolution(matter=matter, votes_for=votes_for, votes=votes)


def _income(**fields):
    return IncomeStatement(year=2025, **fields)


def _union_members(*others):
    return (
        *(
            _person(person=PersonKind.COOPERATIVE, id=f"C{i}")
            for i in range(3)
        ),
        *others,
    )


def _group(**fields):
    return {"members": Members(official=4), **fields}


# Each case: the rule, its article, the kind of record, the fields that keep
# the rule at its limit, and those that break it just beside the limit.
CASES = [
    (
        "htx-capital-member-age-2023",
        "Điều 30 khoản 1",
        "htx",
        {"member_list": (*_adults(4), _person(born=_born_aged(18)))},
        {"member_list": (*_adults(4), _person(born=_born_aged(17)))},
    ),
    (
        "htx-non-capital-age-2023",
        "Điều 30 khoản 2",
        "htx",
        {
            "member_list": (
                *_adults(5),
                _person(NON_CAPITAL, born=_born_aged(15)),
            )
        },
        {
            "member_list": (
                *_adults(5),
                _person(NON_CAPITAL, born=_born_aged(14)),
            )
        },
    ),
    (
        "htx-foreign-residents-2023",
        "Điều 30 khoản 1, khoản 2",
        "htx",
        {
            "member_list": (
                *_adults(5),
                _person(NON_CAPITAL, PersonKind.FOREIGN_RESIDENT),
            )
        },
        {
            "member_list": (
                *_adults(5),
                _person(CAPITAL, PersonKind.FOREIGN_RESIDENT),
            )
        },
    ),
    (
        "lhhtx-official-cooperatives-2023",
        "Điều 34 khoản 1",
        "union",
        {"member_list": _union_members()},
        {
            "member_list": _union_members(
                _person(OFFICIAL, PersonKind.LEGAL_PERSON)
            )
        },
    ),
    (
        "lhhtx-associates-2023",
        "Điều 34 khoản 1",
        "union",
        {
            "member_list": _union_members(
                _person(CAPITAL, PersonKind.LEGAL_PERSON),
                _person(NON_CAPITAL, PersonKind.FOREIGN_INVESTED_ORGANIZATION),
            )
        },
        {
            "member_list": _union_members(
                _person(NON_CAPITAL, PersonKind.HOUSEHOLD_OR_GROUP)
            )
        },
    ),
    (
        "capital-payment-2023",
        "Điều 74",
        "htx",
        {
            "record_date": pendulum.Date(2025, 7, 2),
            "member_list": (
                *_adults(4),
                _person(pledged=100, paid=99),
            ),
        },
        {
            "record_date": pendulum.Date(2025, 7, 3),
            "member_list": (
                *_adults(4),
                _person(pledged=100, paid=99),
            ),
        },
    ),
    (
        "membership-lapse-2023",
        "Điều 74",
        "htx",
        {
            "record_date": pendulum.Date(2025, 7, 2),
            "minimum_contribution": 100,
            "member_list": (*_adults(4), _person(pledged=100, paid=0)),
        },
        {
            "record_date": pendulum.Date(2025, 7, 3),
            "minimum_contribution": 100,
            "member_list": (*_adults(4), _person(pledged=100, paid=0)),
        },
    ),
    (
        "lhhtx-full-model-2023",
        "Điều 56",
        "union",
        {"members": Members(official=9), "governance": _simplified()},
        {"members": Members(official=10), "governance": _simplified()},
    ),
    (
        "htx-large-full-model-2023",
        "Điều 56",
        "htx",
        {"large": True, "governance": _full()},
        {"large": True, "governance": _simplified()},
    ),
    (
        "board-min-2023",
        "Điều 65",
        "htx",
        {"governance": _full(board_members=3)},
        {"governance": _full(board_members=2)},
    ),
    (
        "board-max-2023",
        "Điều 65",
        "union",
        {"governance": _full(board_members=15)},
        {"governance": _full(board_members=16)},
    ),
    (
        "board-foreign-seats-2023",
        "Điều 65",
        "htx",
        {"governance": _full(board_members=20, foreign_board_members=6)},
        {"governance": _full(board_members=20, foreign_board_members=7)},
    ),
    (
        "board-term-2023",
        "Điều 65",
        "htx",
        {"governance": _full(board_term_years=5)},
        {"governance": _full(board_term_years=6)},
    ),
    (
        "director-term-2023",
        "Điều 68, Điều 71",
        "htx",
        {"governance": _simplified(director_term_years=5)},
        {"governance": _simplified(director_term_years=6)},
    ),
    (
        "supervisory-board-term-2023",
        "Điều 69",
        "htx",
        {"governance": _full(supervisor_term_years=5)},
        {"governance": _full(supervisor_term_years=6)},
    ),
    (
        "controller-term-2023",
        "Điều 72",
        "htx",
        {"governance": _simplified(supervisor_term_years=5)},
        {"governance": _simplified(supervisor_term_years=6)},
    ),
    (
        "meeting-quorum-2023",
        "Điều 59",
        "htx",
        {"meetings": (_meeting(100, 50),)},
        {"meetings": (_meeting(100, 49),)},
    ),
    (
        "reconvened-quorum-2023",
        "Điều 59",
        "htx",
        {"meetings": (_meeting(100, 33, reconvened=True),)},
        {"meetings": (_meeting(100, 32, reconvened=True),)},
    ),
    (
        "board-quorum-2023",
        "Điều 65",
        "htx",
        {"meetings": (_meeting(9, 6, organ=Organ.BOARD),)},
        {"meetings": (_meeting(9, 5, organ=Organ.BOARD),)},
    ),
    (
        "qualified-vote-2023",
        "Điều 61",
        "htx",
        {"meetings": (_meeting(100, 90, _vote(Matter.CHARTER, 65)),)},
        {"meetings": (_meeting(100, 90, _vote(Matter.CHARTER, 64)),)},
    ),
    (
        "ordinary-vote-2023",
        "Điều 61",
        "union",
        {"meetings": (_meeting(100, 90, _vote(Matter.OTHER, 51)),)},
        {"meetings": (_meeting(100, 90, _vote(Matter.OTHER, 50)),)},
    ),
    (
        "lending-full-model-2023",
        "Điều 83",
        "htx",
        {"internal_lending": True, "governance": _full()},
        {"internal_lending": True, "governance": _simplified()},
    ),
    (
        "lending-supervisors-2023",
        "Điều 83",
        "htx",
        {"internal_lending": True, "governance": _full(supervisors=3)},
        {"internal_lending": True, "governance": _full(supervisors=2)},
    ),
    (
        "htx-indivisible-fund-2023",
        "Điều 84, Điều 87",
        "htx",
        {
            "income": _income(
                external_income=1000, indivisible_fund_allocation=50
            )
        },
        {
            "income": _income(
                external_income=1000, indivisible_fund_allocation=49
            )
        },
    ),
    (
        "lhhtx-indivisible-fund-2023",
        "Điều 84, Điều 87",
        "union",
        {
            "income": _income(
                external_income=1000, indivisible_fund_allocation=100
            )
        },
        {
            "income": _income(
                external_income=1000, indivisible_fund_allocation=99
            )
        },
    ),
    (
        "htx-use-and-labour-2023",
        "Điều 86",
        "htx",
        {
            "income": _income(
                internal_income_remaining=100,
                distributed_by_use_and_labour=51,
            )
        },
        {
            "income": _income(
                internal_income_remaining=100,
                distributed_by_use_and_labour=50,
            )
        },
    ),
    (
        "htx-indivisible-collateral-2023",
        "Điều 88 khoản 3 điểm d",
        "htx",
        {"pledged_indivisible_assets": (IndivisibleAsset.FUND_ASSETS,)},
        {"pledged_indivisible_assets": (IndivisibleAsset.STATE_LAND,)},
    ),
    (
        "tht-registration-term-2023",
        "Điều 107",
        "group",
        _group(contributed_capital=1, contract_months=11, registered=False),
        _group(contributed_capital=1, contract_months=12, registered=False),
    ),
    (
        "tht-registration-open-ended-2023",
        "Điều 107",
        "group",
        _group(
            contributed_capital=1, open_ended_contract=True, registered=True
        ),
        _group(
            contributed_capital=1, open_ended_contract=True, registered=False
        ),
    ),
    (
        "tht-registration-support-2023",
        "Điều 107",
        "group",
        _group(seeks_state_support=True, registered_on=FOUNDED),
        _group(seeks_state_support=True, registered=False),
    ),
    (
        "tht-conversion-registered-2023",
        "Điều 108",
        "group",
        _group(
            founded=pendulum.Date(2024, 1, 2),
            converting=True,
            registered_on=RECORD.subtract(months=12),
        ),
        _group(
            founded=pendulum.Date(2024, 1, 2),
            converting=True,
            registered_on=RECORD.subtract(months=12).add(days=1),
        ),
    ),
    (
        "tht-conversion-agreement-2023",
        "Điều 108",
        "group",
        _group(converting=True, members_agreeing=4),
        _group(converting=True, members_agreeing=3),
    ),
    (
        "lhhtx-audit-2023",
        "Điều 106",
        "union",
        {"record_date": pendulum.Date(2027, 1, 2), "audits": (FOUNDED,)},
        {"record_date": pendulum.Date(2027, 1, 3), "audits": (FOUNDED,)},
    ),
    (
        "htx-large-audit-2023",
        "Điều 106",
        "htx",
        {
            "large": True,
            "record_date": pendulum.Date(2027, 1, 2),
            "audits": (),
        },
        {
            "large": True,
            "record_date": pendulum.Date(2027, 1, 3),
            "audits": (),
        },
    ),
    (
        "htx-support-audit-2023",
        "Điều 106",
        "htx",
        {"seeks_state_support": True, "audits": (FOUNDED,)},
        {"seeks_state_support": True, "audits": ()},
    ),
]


@pytest.mark.parametrize(
    ("code", "article", "kind", "at_limit", "beside"),
    CASES,
    ids=[case[0] for case in CASES],
)
def test_rule_at_and_beside_its_limit(code, article, kind, at_limit, beside):
    """Each rule keeps at its limit, breaks beside it, cites its article."""
    kept = _record(kind, **at_limit)
    broken = _record(kind, **beside)

    (finding,) = _findings(broken, code)

    assert [] == _findings(kept, code)
    assert (LAW_2023, article) == (finding.law, finding.article)
    assert (None, finding.rule.text("en")) == (
        finding.due,
        finding.rule.text_en,
    )


def test_every_new_rule_has_a_case():
    """Every 2023 rule added beyond the first fourteen is tested above."""
    tested = {case[0] for case in CASES}

    assert tested == {rule.code for rule in legal_rules()[14:]}


@pytest.mark.parametrize(("code", "_a", "kind", "_k", "beside"), CASES)
def test_not_under_the_2012_law(code, _a, kind, _k, beside):
    """None of these rules applies before 1 July 2024."""
    broken = _record(kind, **beside)
    day = pendulum.Date(2024, 6, 30)
    early = attrs.evolve(
        broken,
        founded=pendulum.Date(2015, 1, 2),
        record_date=day,
        audits=None,
        meetings=(),
        income=None,
        member_list=None,
        **({"registered_on": None} if kind == "group" else {}),
    )

    assert [] == _findings(early, code)


def test_members_lose_time_to_pay_from_the_law():
    """A member admitted before the law has 6 months from 1 July 2024."""
    late = _person(admitted=pendulum.Date(2016, 3, 1), pledged=10, paid=0)
    htx = _record(
        founded=pendulum.Date(2016, 1, 4),
        record_date=pendulum.Date(2025, 1, 2),
        member_list=(*_adults(4), late),
    )

    (finding,) = _findings(htx, "capital-payment-2023")

    assert Fraction(6) + Fraction(1, 31) == finding.value
    assert "1 July 2024" in finding.explain("en")


def test_membership_lapse_is_a_warning_kttt_reads():
    """A member still listed after losing membership is kttt's warning."""
    htx = _record(**CASES[6][4])

    (finding,) = _findings(htx, "membership-lapse-2023")

    assert Severity.WARNING is finding.severity
    assert "kttt's reading" in finding.explain("en")
    assert "cách hiểu của kttt" in finding.explain("vi")


def test_meetings_before_the_law_are_not_judged_by_it():
    """A 2023 meeting with 40 % attendance is not judged by the 2023 law."""
    old = attrs.evolve(_meeting(100, 40), held=pendulum.Date(2023, 5, 1))
    htx = _record(founded=pendulum.Date(2016, 1, 4), meetings=(old,))

    assert [] == _findings(htx, "meeting-quorum-2023")
    assert Fraction(2, 5) == Measure.MEETING_QUORUM.of(htx)


def test_old_income_is_not_judged_by_the_law():
    """The allocation of a fiscal year that ended before the law is not."""
    income = IncomeStatement(
        year=2023, external_income=1000, indivisible_fund_allocation=0
    )
    htx = _record(founded=pendulum.Date(2016, 1, 4), income=income)

    assert [] == _findings(htx, "htx-indivisible-fund-2023")


def test_flag_findings_explain_themselves():
    """A yes/no rule says what is missing, in both languages."""
    (finding,) = _findings(_record("group", **CASES[27][4]), CASES[27][0])

    assert finding.explain("en").startswith(
        "0101234567: registered with the business registration office: no; "
        "required (17/2023/QH15, Điều 107)"
    )
    assert "đăng ký tại cơ quan đăng ký kinh doanh: không; bắt buộc" in (
        finding.explain()
    )


def test_months_and_years_are_written_with_their_unit():
    """Months and years read as such, in each language's numbers."""
    (late,) = _findings(_record(**CASES[5][4]), "capital-payment-2023")
    (term,) = _findings(_record(**CASES[12][4]), "board-term-2023")

    assert "6.03 months" in late.explain("en")
    assert "6,03 tháng" in late.explain("vi")
    assert "is 6 years; it must be at most 5 years" in term.explain("en")


def test_an_unknown_condition_skips_the_rule():
    """A group whose capital the record leaves unknown is not judged on it."""
    group = _record(
        "group",
        **_group(
            contributed_capital=None, registered=False, contract_months=24
        ),
    )

    assert [] == _findings(group, "tht-registration-term-2023")


# --- the records' parts ----------------------------------------------------


def test_groups_have_no_associates():
    """A cooperative group has no member types: associates are refused."""
    with pytest.raises(ValidationError, match="no associate") as info:
        _record("group", members=Members(official=3, associate_capital=1))

    assert "members.associate_capital" == info.value.field


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"registered": False, "registered_on": FOUNDED}, "registered_on"),
        ({"registered_on": FOUNDED.subtract(days=1)}, "registered_on"),
        (
            {"open_ended_contract": True, "contract_months": 12},
            "contract_months",
        ),
        ({"members_agreeing": 5}, "members_agreeing"),
    ],
)
def test_impossible_groups(fields, field):
    """Registration and contract facts that clash are refused."""
    with pytest.raises(ValidationError) as info:
        _record("group", **_group(**fields))

    assert field == info.value.field


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"person": PersonKind.LEGAL_PERSON, "born": FOUNDED}, "born"),
        ({"member_type": NON_CAPITAL, "pledged": 1}, "pledged"),
        ({"member_type": NON_CAPITAL, "paid": 1}, "paid"),
        (
            {"born": FOUNDED, "admitted": FOUNDED.subtract(days=1)},
            "admitted",
        ),
        ({"person": "citizen"}, "person"),
        ({"id": " 01"}, "id"),
        ({"paid": -1}, "paid"),
    ],
)
def test_impossible_members(fields, field):
    """A member that cannot be is refused, naming the field."""
    with pytest.raises(ValidationError) as info:
        _person(**fields)

    assert field == info.value.field


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"member_list": _adults(4)}, "member_list"),
        (
            {
                "members": Members(official=2, foreign_official=0),
                "member_list": (
                    _person(person=PersonKind.FOREIGN_INVESTOR),
                    _person(),
                ),
            },
            "member_list",
        ),
        (
            {
                "members": Members(official=2),
                "member_list": (_person(id="A"), _person(id="A")),
            },
            "member_list",
        ),
        (
            {
                "members": Members(official=1),
                "member_list": (_person(admitted=RECORD.add(days=1)),),
            },
            "member_list[0].admitted",
        ),
        (
            {
                "members": Members(official=1),
                "member_list": (_person(born=RECORD.add(days=1)),),
            },
            "member_list[0].born",
        ),
        (
            {
                "meetings": (
                    attrs.evolve(_meeting(9, 9), held=RECORD.add(days=1)),
                )
            },
            "meetings[0].held",
        ),
        ({"audits": (FOUNDED.subtract(days=1),)}, "audits[0]"),
        ({"income": IncomeStatement(year=2024)}, "income.year"),
        ({"meetings": [_meeting(9, 9)]}, "meetings"),
        (
            {
                "pledged_indivisible_assets": (
                    IndivisibleAsset.GIFTS,
                    IndivisibleAsset.GIFTS,
                )
            },
            "pledged_indivisible_assets",
        ),
        ({"governance": "full"}, "governance"),
    ],
)
def test_impossible_records(fields, field):
    """Parts that contradict the record are refused, naming the field."""
    with pytest.raises(ValidationError) as info:
        Cooperative(
            **{
                "id": "0101234567",
                "name": "Hợp tác xã Tân Tiến",
                "province": Province.get("Hà Nội"),
                "sector": Sector.AGRICULTURE,
                "founded": FOUNDED,
                "record_date": RECORD,
                "members": Members(official=5),
                "charter_capital": 1,
            }
            | fields
        )

    assert field == info.value.field


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: _simplified(board_members=3), "board_members"),
        (lambda: _simplified(supervisors=3), "supervisors"),
        (
            lambda: _full(board_members=3, foreign_board_members=4),
            "foreign_board_members",
        ),
        (lambda: _full(board_term_years=0), "board_term_years"),
        (
            lambda: Resolution(matter=Matter.OTHER, votes_for=3, votes=2),
            "votes_for",
        ),
        (
            lambda: Resolution(matter=Matter.OTHER, votes_for=0, votes=0),
            "votes",
        ),
        (lambda: _meeting(9, 10), "attending"),
        (
            lambda: _meeting(9, 9, organ=Organ.BOARD, reconvened=True),
            "reconvened",
        ),
        (
            lambda: _income(
                external_income=10, indivisible_fund_allocation=11
            ),
            "indivisible_fund_allocation",
        ),
        (
            lambda: _income(
                external_income=-10, indivisible_fund_allocation=1
            ),
            "indivisible_fund_allocation",
        ),
        (
            lambda: _income(
                internal_income_remaining=10, distributed_by_use_and_labour=11
            ),
            "distributed_by_use_and_labour",
        ),
        (lambda: IncomeStatement(year=1989), "year"),
    ],
)
def test_impossible_parts(build, field):
    """Governance, meetings, votes and income that cannot be are refused."""
    with pytest.raises(ValidationError) as info:
        build()

    assert field == info.value.field


def test_member_ages_and_payment():
    """A member's age is counted on the day; unpaid if paid less."""
    member = _person(born=pendulum.Date(2007, 7, 1), pledged=10, paid=9)

    assert (17, 18, True, None) == (
        member.age_on(pendulum.Date(2025, 6, 30)),
        member.age_on(pendulum.Date(2025, 7, 1)),
        member.unpaid,
        _person().age_on(RECORD),
    )


def test_person_kinds():
    """Foreign for the caps, legal persons for unions, individuals aged."""
    assert {p for p in PersonKind if p.foreign} == {
        PersonKind.FOREIGN_INVESTOR,
        PersonKind.FOREIGN_INVESTED_ORGANIZATION,
    }
    assert {p for p in PersonKind if p.legal_person} == {
        PersonKind.LEGAL_PERSON,
        PersonKind.FOREIGN_INVESTED_ORGANIZATION,
        PersonKind.COOPERATIVE,
    }
    assert {p for p in PersonKind if p.individual} == {
        PersonKind.CITIZEN,
        PersonKind.FOREIGN_INVESTOR,
        PersonKind.FOREIGN_RESIDENT,
    }


def test_matters_and_collateral():
    """Only 'other matters' pass by a simple majority; three kinds of
    indivisible asset may not back a loan."""
    assert [Matter.OTHER] == [m for m in Matter if not m.qualified]
    assert {
        IndivisibleAsset.STATE_LAND,
        IndivisibleAsset.STATE_SUPPORTED,
        IndivisibleAsset.COMMUNITY_WORKS,
    } == {a for a in IndivisibleAsset if not a.may_back_a_loan}


def test_a_loss_has_no_share():
    """No income, no share of it: the fund rules are skipped."""
    statement = _income(external_income=-5, internal_income_remaining=0)

    assert (None, None) == (
        statement.indivisible_fund_share,
        statement.use_and_labour_share,
    )


@pytest.mark.parametrize("measure", list(Measure))
def test_every_measure_reads_a_record(measure):
    """Every measure reads a bare record (None where it has nothing)."""
    value = measure.of(_record())

    assert value is None or isinstance(value, Fraction)
    assert measure.quantity in {
        "count",
        "share",
        "vnd",
        "years",
        "months",
        "flag",
    }


# --- properties ------------------------------------------------------------

ROUND_TRIPS = settings(max_examples=25)


@ROUND_TRIPS
@given(kst.governances(), kst.income_statements(), kst.resolutions())
def test_parts_round_trip(governance, income, resolution):
    """Governance, income statements and resolutions come back equal."""
    assert (governance, income, resolution) == (
        from_json(to_json(governance), Governance),
        from_json(to_json(income), IncomeStatement),
        from_json(to_json(resolution), Resolution),
    )


@ROUND_TRIPS
@given(
    st.lists(kst.meetings(), max_size=4),
    st.lists(kst.listed_members(), max_size=4),
)
def test_meetings_and_members_round_trip(meetings, members):
    """Meetings and members come back from JSON and CSV equal."""
    assert meetings == from_json(to_json(meetings), list[Meeting])
    assert members == list(from_csv(to_csv(members), Member))


@pytest.mark.parametrize(
    "cls", [Governance, Meeting, Resolution, Member, IncomeStatement]
)
@settings(max_examples=10)
@given(data=st.data())
def test_type_strategies(cls, data):
    """The new parts can be drawn through st.from_type."""
    assert isinstance(data.draw(st.from_type(cls)), cls)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: Measure.OFFICIAL_MEMBERS.of("htx"), "organization"),
        (lambda: Measure.OFFICIAL_MEMBERS.of(_record(), on="2025"), "on"),
        (
            lambda: Measure.MEETING_QUORUM.of(_record(), since=2024),
            "since",
        ),
        (lambda: legal_rules()[0].covers(None, RECORD), "organization"),
        (lambda: legal_rules()[0].covers(_record(), "2025"), "as_of"),
        (lambda: legal_rules()[0].due("htx"), "organization"),
        (lambda: legal_rules()[5].transition.after("2024-07-01"), "day"),
        (lambda: _person().age_on(2025), "day"),
        (lambda: check_compliance(_record(), rules=7), "rules"),
    ],
)
def test_bad_arguments(call, field):
    """Bad arguments raise a ValidationError naming the argument."""
    with pytest.raises(ValidationError) as info:
        call()

    assert field == info.value.field
