"""Tests of kttt.organizations.check_compliance and the legal rules."""

from __future__ import annotations

import json

from fractions import Fraction
from importlib import resources

import attrs
import pendulum
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from kttt import datasets
from kttt import strategies as kst
from kttt.errors import DataError, ValidationError
from kttt.geography import Province
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
from kttt.serialization import from_csv, from_json, to_csv, to_json
from kttt.sources import Source


LAST_DAY_2012 = pendulum.Date(2024, 6, 30)
FIRST_DAY_2023 = pendulum.Date(2024, 7, 1)
CHARTER = 1_000_000_000


def _fields(official, **overrides):
    fields = {
        "id": "0101234567",
        "name": "Hợp tác xã Tân Tiến",
        "province": Province.get("Hà Nội"),
        "sector": Sector.AGRICULTURE,
        "founded": pendulum.Date(2014, 1, 2),
        "record_date": pendulum.Date(2024, 12, 31),
        "members": Members(official=official),
        "charter_capital": CHARTER,
    }
    return fields | overrides


def _codes(org, as_of):
    return [finding.rule.code for finding in check_compliance(org, as_of)]


# --- minimum members at each edge ------------------------------------------


@pytest.mark.parametrize(
    ("cls", "official", "as_of", "expected"),
    [
        (Cooperative, 4, FIRST_DAY_2023, ["htx-min-members-2023"]),
        (Cooperative, 5, FIRST_DAY_2023, []),
        (Cooperative, 6, LAST_DAY_2012, ["htx-min-members-2012"]),
        (Cooperative, 7, LAST_DAY_2012, []),
        (Cooperative, 6, FIRST_DAY_2023, []),
        (Cooperative, 4, pendulum.Date(2013, 6, 30), []),
        (Cooperative, 4, pendulum.Date(2013, 7, 1), ["htx-min-members-2012"]),
        (CooperativeUnion, 2, FIRST_DAY_2023, ["lhhtx-min-members-2023"]),
        (CooperativeUnion, 3, FIRST_DAY_2023, []),
        (CooperativeUnion, 3, LAST_DAY_2012, ["lhhtx-min-members-2012"]),
        (CooperativeUnion, 4, LAST_DAY_2012, []),
        (CooperativeGroup, 1, FIRST_DAY_2023, ["tht-min-members-2023"]),
        (CooperativeGroup, 2, FIRST_DAY_2023, []),
        (CooperativeGroup, 0, LAST_DAY_2012, []),
    ],
)
def test_minimum_members(cls, official, as_of, expected):
    """The law of the day sets the minimum: 7/4, then 5/3/2 from 2024-07-01."""
    org = cls(**_fields(official, founded=pendulum.Date(2013, 1, 2)))

    assert expected == _codes(org, as_of)


def test_credit_fund_minimum():
    """People's credit funds are held to the cooperative minimum."""
    fund = PeoplesCreditFund(**_fields(4, sector=Sector.CREDIT))

    assert ["htx-min-members-2023"] == _codes(fund, FIRST_DAY_2023)


def test_finding_fields():
    """A finding cites the law, the article, the field, value and limit."""
    htx = Cooperative(**_fields(4))

    (finding,) = check_compliance(htx, FIRST_DAY_2023)

    assert (
        "17/2023/QH15",
        "Điều 4 khoản 7",
        "members.official",
        Fraction(4),
        Fraction(5),
        Severity.VIOLATION,
        "0101234567",
        FIRST_DAY_2023,
    ) == (
        finding.law,
        finding.article,
        finding.field,
        finding.value,
        finding.limit,
        finding.severity,
        finding.organization_id,
        finding.as_of,
    )


def test_explain():
    """A finding explains itself in Vietnamese and English."""
    htx = Cooperative(**_fields(6))

    (finding,) = check_compliance(htx, LAST_DAY_2012)

    assert (
        (
            "0101234567: số thành viên chính thức là 6; phải ít nhất 7 "
            "(23/2012/QH13, Điều 3 khoản 1)"
        ),
        (
            "0101234567: number of official members is 6; it must be at least "
            "7 (23/2012/QH13, Điều 3 khoản 1)"
        ),
    ) == (finding.explain(), finding.explain("en"))


def test_explain_unknown_language():
    """Only Vietnamese and English are spoken."""
    (finding,) = check_compliance(Cooperative(**_fields(6)), LAST_DAY_2012)

    with pytest.raises(ValidationError, match="lang"):
        finding.explain("fr")


# --- capital and foreign members -------------------------------------------


def _capital_case(cls, **fields):
    members = Members(official=10, associate_capital=2, foreign_official=0)
    return cls(
        **_fields(10, members=members, contributed_capital=CHARTER) | fields
    )


@pytest.mark.parametrize(
    ("cls", "fields", "expected"),
    [
        (Cooperative, {"largest_member_contribution": 300_000_000}, []),
        (
            Cooperative,
            {"largest_member_contribution": 300_000_001},
            ["htx-max-member-capital-2023"],
        ),
        (CooperativeUnion, {"largest_member_contribution": 400_000_000}, []),
        (
            CooperativeUnion,
            {"largest_member_contribution": 400_000_001},
            ["lhhtx-max-member-capital-2023"],
        ),
        (Cooperative, {"associate_contribution": 300_000_000}, []),
        (
            Cooperative,
            {"associate_contribution": 300_000_001},
            ["htx-max-associate-capital-2023"],
        ),
        (CooperativeUnion, {"associate_contribution": 400_000_000}, []),
        (
            CooperativeUnion,
            {"associate_contribution": 400_000_001},
            ["lhhtx-max-associate-capital-2023"],
        ),
        (Cooperative, {"foreign_contribution": 300_000_000}, []),
        (
            CooperativeUnion,
            {"foreign_contribution": 300_000_001},
            ["max-foreign-capital-2023"],
        ),
    ],
)
def test_capital_caps(cls, fields, expected):
    """One member 30 %/40 %, associates 30 %/40 %, foreigners 30 %."""
    assert expected == _codes(_capital_case(cls, **fields), FIRST_DAY_2023)


def test_capital_caps_not_in_2012():
    """The 2012 law's caps are not modelled: no finding before 2024-07-01."""
    htx = _capital_case(Cooperative, largest_member_contribution=CHARTER)

    assert [] == _codes(htx, LAST_DAY_2012)


@pytest.mark.parametrize(
    ("cls", "foreign", "expected"),
    [
        (Cooperative, 6, []),
        (Cooperative, 7, ["htx-foreign-members-2023"]),
        (CooperativeUnion, 6, []),
        (CooperativeUnion, 7, ["lhhtx-foreign-members-2023"]),
    ],
)
def test_foreign_members(cls, foreign, expected):
    """Foreign official members must be under 35 %: 7 of 20 is too many."""
    members = Members(official=20, foreign_official=foreign)
    org = cls(**_fields(20, members=members))

    assert expected == _codes(org, FIRST_DAY_2023)


@pytest.mark.parametrize(
    ("contributed", "expected"),
    [
        (CHARTER, []),
        (1_049_999_999, []),
        (1_050_000_000, ["capital-change-share-2023"]),
    ],
)
def test_unregistered_capital_share(contributed, expected):
    """Capital 5 % above the charter is a change that needs registering."""
    htx = Cooperative(**_fields(9, contributed_capital=contributed))

    assert expected == _codes(htx, FIRST_DAY_2023)


def test_unregistered_capital_amount():
    """So is capital 1 billion VND above it, whatever the share."""
    htx = Cooperative(
        **_fields(
            9, charter_capital=50 * CHARTER, contributed_capital=51 * CHARTER
        )
    )

    findings = check_compliance(htx, FIRST_DAY_2023)

    assert (["capital-change-amount-2023"], Severity.WARNING) == (
        [finding.rule.code for finding in findings],
        findings[0].severity,
    )


def test_zero_charter_capital():
    """Shares of a zero charter capital are not defined, so not checked."""
    htx = Cooperative(
        **_fields(
            9,
            charter_capital=0,
            contributed_capital=10,
            largest_member_contribution=10,
        )
    )

    assert [] == _codes(htx, FIRST_DAY_2023)


def test_unknown_figures_are_skipped():
    """A rule whose figures the record leaves empty is not reported."""
    htx = Cooperative(**_fields(9))

    assert (None, None) == (
        Measure.FOREIGN_OFFICIAL_MEMBER_SHARE.of(htx),
        Measure.CAPITAL_ABOVE_CHARTER_VND.of(htx),
    )


@pytest.mark.parametrize(
    "status", [OperatingStatus.DISSOLVED, OperatingStatus.BANKRUPT]
)
def test_ended_organisations(status):
    """Dissolved and bankrupt organisations break no rule."""
    htx = Cooperative(**_fields(0, status=status))

    assert () == check_compliance(htx, FIRST_DAY_2023)


def test_suspended_organisations():
    """A suspended cooperative is still held to the law."""
    htx = Cooperative(**_fields(0, status=OperatingStatus.SUSPENDED))

    assert ["htx-min-members-2023"] == _codes(htx, FIRST_DAY_2023)


# --- arguments -------------------------------------------------------------


@pytest.mark.parametrize(
    ("org", "as_of", "rules", "field"),
    [
        ("not an organisation", FIRST_DAY_2023, None, "organization"),
        (None, "2024-07-01", None, "as_of"),
        (None, pendulum.datetime(2024, 7, 1), None, "as_of"),
        (None, pendulum.Date(2014, 1, 1), None, "as_of"),
        (None, FIRST_DAY_2023, ["htx-min-members-2023"], "rules"),
    ],
)
def test_bad_arguments(org, as_of, rules, field):
    """Bad arguments raise a ValidationError naming the argument."""
    htx = Cooperative(**_fields(4)) if org is None else org

    with pytest.raises(ValidationError) as info:
        check_compliance(htx, as_of, rules=rules)

    assert field == info.value.field


def _rule(**overrides):
    fields = {
        "code": "provincial-min-members",
        "law": "12/2025/NQ-HĐND",
        "article": "Điều 2",
        "kinds": (OrganizationKind.COOPERATIVE,),
        "measure": Measure.OFFICIAL_MEMBERS,
        "bound": RuleBound.AT_LEAST,
        "limit": Fraction(10),
        "severity": Severity.WARNING,
        "in_force_from": pendulum.Date(2025, 1, 1),
        "text_vi": "Hợp tác xã được hỗ trợ có ít nhất 10 thành viên.",
        "text_en": "A supported cooperative has at least 10 members.",
        "source": Source(document="12/2025/NQ-HĐND", clause="Điều 2"),
    }
    return LegalRule(**fields | overrides)


def test_own_rules():
    """Users check against their own rules."""
    htx = Cooperative(**_fields(9))

    findings = check_compliance(
        htx, pendulum.Date(2025, 1, 1), rules=[_rule()]
    )

    assert [("provincial-min-members", Fraction(9))] == [
        (finding.rule.code, finding.value) for finding in findings
    ]


def test_rule_period():
    """A rule applies from its first day up to, not including, its last."""
    rule = _rule(in_force_until=pendulum.Date(2026, 1, 1))

    assert [False, True, True, False, False] == [
        rule.applies(OrganizationKind.COOPERATIVE, pendulum.Date(*day))
        for day in [(2024, 12, 31), (2025, 1, 1), (2025, 12, 31), (2026, 1, 1)]
    ] + [
        rule.applies(
            OrganizationKind.COOPERATIVE_UNION, pendulum.Date(2025, 6, 1)
        )
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("in_force_until", pendulum.Date(2025, 1, 1)),
        ("kinds", ()),
        ("kinds", (OrganizationKind.COOPERATIVE,) * 2),
        ("kinds", ("cooperative",)),
        ("kinds", [OrganizationKind.COOPERATIVE]),
        ("limit", Fraction(-1)),
        ("limit", 10),
        ("measure", "official_members"),
        ("source", "Luật 17/2023/QH15"),
        ("text_en", ""),
    ],
)
def test_impossible_rules(field, value):
    """A rule must be well formed."""
    with pytest.raises(ValidationError) as info:
        _rule(**{field: value})

    assert field == info.value.field


def test_rule_text():
    """A rule reads in either language."""
    rule = _rule()

    assert (rule.text_vi, rule.text_en) == (rule.text(), rule.text("en"))
    with pytest.raises(ValidationError):
        rule.text("de")


@pytest.mark.parametrize(
    ("bound", "value", "expected"),
    [
        (RuleBound.AT_LEAST, 5, True),
        (RuleBound.AT_LEAST, 4, False),
        (RuleBound.AT_MOST, 5, True),
        (RuleBound.AT_MOST, 6, False),
        (RuleBound.BELOW, 4, True),
        (RuleBound.BELOW, 5, False),
    ],
)
def test_bounds(bound, value, expected):
    """At least and at most include the limit; below does not."""
    assert expected is bound.holds(Fraction(value), Fraction(5))


def test_finding_must_break_its_rule():
    """A finding with a value within the limit cannot exist."""
    with pytest.raises(ValidationError, match="value"):
        Finding(
            rule=_rule(),
            organization_id="0101234567",
            as_of=pendulum.Date(2025, 1, 1),
            value=Fraction(10),
        )


@pytest.mark.parametrize(
    ("field", "value"),
    [("value", 9), ("rule", "provincial-min-members"), ("as_of", None)],
)
def test_impossible_findings(field, value):
    """A finding holds a rule, a date and a fraction."""
    fields = {
        "rule": _rule(),
        "organization_id": "0101234567",
        "as_of": pendulum.Date(2025, 1, 1),
        "value": Fraction(9),
    }

    with pytest.raises(ValidationError) as info:
        Finding(**fields | {field: value})

    assert field == info.value.field


# --- the built-in rules ----------------------------------------------------


def test_builtin_rules():
    """Fourteen rules, each citing its law and article as its source."""
    rules = datasets.legal_rules()

    assert 14 == len(rules)
    assert all(
        (rule.source.document, rule.source.clause) == (rule.law, rule.article)
        for rule in rules
    )
    assert rules == legal_rules()


def test_builtin_rule_periods():
    """The 2012 rules end where the 2023 rules begin, on 2024-07-01."""
    periods = {
        rule.law: (rule.in_force_from, rule.in_force_until)
        for rule in legal_rules()
    }

    assert {
        "23/2012/QH13": (pendulum.Date(2013, 7, 1), FIRST_DAY_2023),
        "17/2023/QH15": (FIRST_DAY_2023, None),
    } == periods


def _builtin_json():
    path = ("data", "organizations", "legal_rules.json")
    return json.loads(
        resources.files("kttt").joinpath(*path).read_text(encoding="utf-8")
    )


def test_parse_own_file():
    """A user's rule file in the built-in shape parses."""
    data = _builtin_json()
    data["rules"] = data["rules"][:2]

    rules = parse_legal_rules(json.dumps(data), origin="my_rules.json")

    assert legal_rules()[:2] == rules


def _broken(path, value):
    data = _builtin_json()
    target = data
    *parents, leaf = path
    for key in parents:
        target = target[key]
    if value is KeyError:
        del target[leaf]
    else:
        target[leaf] = value
    return json.dumps(data)


@pytest.mark.parametrize(
    ("text", "field", "row"),
    [
        ("{", "rules.json", None),
        ("[]", "rules.json", None),
        (_broken(["rules"], {}), "rules.json:rules", None),
        (_broken(["sources"], []), "rules.json:sources", None),
        (
            _broken(["sources", "luat-2012", "page"], 3),
            "rules.json:sources.luat-2012",
            None,
        ),
        (_broken(["rules", 0], "rule"), "rules.json:rule", 1),
        (_broken(["rules", 1, "extra"], 1), "rules.json:extra", 2),
        (_broken(["rules", 2, "limit"], KeyError), "rules.json:limit", 3),
        (_broken(["rules", 2, "source"], "luat-2025"), "rules.json:source", 3),
        (_broken(["rules", 2, "kinds"], "cooperative"), "rules.json:kinds", 3),
        (_broken(["rules", 2, "kinds"], ["bank"]), "rules.json:kinds", 3),
        (_broken(["rules", 2, "measure"], 7), "rules.json:measure", 3),
        (_broken(["rules", 2, "limit"], "3/0"), "rules.json:limit", 3),
        (_broken(["rules", 2, "limit"], "-1"), "rules.json:limit", 3),
        (
            _broken(["rules", 2, "in_force_from"], "1/7/2024"),
            "rules.json:in_force_from",
            3,
        ),
        (
            _broken(["sources", "luat-2023", "retrieved"], "hôm qua"),
            "rules.json:source.retrieved",
            3,
        ),
        (
            _broken(["rules", 3, "code"], "htx-min-members-2023"),
            "rules.json:code",
            4,
        ),
    ],
)
def test_bad_rule_files(text, field, row):
    """A broken file raises a DataError naming the file, rule and field."""
    with pytest.raises(DataError) as info:
        parse_legal_rules(text, origin="rules.json")

    assert (field, row) == (info.value.field, info.value.row)


# --- properties ------------------------------------------------------------


def _as_of(data, org):
    return data.draw(
        kst.pendulum_dates(
            min_value=pendulum.Date(
                org.founded.year, org.founded.month, org.founded.day
            ),
            max_value=pendulum.Date(2030, 12, 31).add(days=1),
        ),
        label="as_of",
    )


def _plus_one_official(org):
    # One more official member; a union listing its members also lists
    # the newcomer, under a code no other member (nor the union) has.
    members = org.members.add(MemberType.OFFICIAL)
    if (
        isinstance(org, CooperativeUnion)
        and org.member_cooperative_ids is not None
    ):
        newcomer = "+" + org.id + "".join(org.member_cooperative_ids)
        return attrs.evolve(
            org,
            members=members,
            member_cooperative_ids=(*org.member_cooperative_ids, newcomer),
        )
    return attrs.evolve(org, members=members)


@given(kst.organizations(), st.data())
def test_adding_an_official_member_is_monotone(org, data):
    """Adding an official member never adds a (minimum-members) finding."""
    as_of = _as_of(data, org)

    before = {f.rule.code for f in check_compliance(org, as_of)}
    after = {
        f.rule.code for f in check_compliance(_plus_one_official(org), as_of)
    }

    assert after <= before
    assert (
        not {
            f.rule.code
            for f in check_compliance(_plus_one_official(org), as_of)
            if f.rule.measure is Measure.OFFICIAL_MEMBERS
        }
        - before
    )


@given(kst.organizations(), st.data())
def test_findings_explain_themselves(org, data):
    """Each finding applies that day, measures the record, breaks its rule."""
    as_of = _as_of(data, org)

    for finding in check_compliance(org, as_of):
        rule = finding.rule
        assert rule.applies(org.kind, as_of)
        assert rule.measure.of(org) == finding.value
        assert not rule.bound.holds(finding.value, rule.limit)
        assert finding.explain("en").startswith(org.id)


@settings(max_examples=25)
@given(st.lists(kst.findings(), min_size=1, max_size=8))
def test_finding_round_trips(findings):
    """Findings and their rules come back from JSON and CSV equal."""
    assert findings == from_json(to_json(findings), list[Finding])
    assert findings == list(from_csv(to_csv(findings), Finding))


@given(kst.legal_rules())
def test_rule_round_trip(rule):
    """Rules come back from JSON equal."""
    assert rule == from_json(to_json(rule), LegalRule)


@given(kst.findings(rule=legal_rules()[0]))
def test_findings_rule_knob(finding):
    """The findings strategy keeps a fixed rule."""
    assert "htx-min-members-2012" == finding.rule.code


@pytest.mark.parametrize("cls", [Organization, Members, Finding, LegalRule])
@settings(max_examples=10)
@given(data=st.data())
def test_type_strategies(cls, data):
    """Every organisation type can be drawn through st.from_type."""
    assert isinstance(data.draw(st.from_type(cls)), cls)
