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
    Member,
    Members,
    MemberType,
    OperatingStatus,
    Organization,
    OrganizationKind,
    PeoplesCreditFund,
    PersonKind,
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
        "record_date": LAST_DAY_2012,
        "members": Members(official=official),
        "charter_capital": CHARTER,
    }
    return fields | overrides


def _codes(org, as_of):
    # The codes of the rules the record breaks, judged on its own date.
    record = attrs.evolve(org, record_date=as_of)
    return [finding.rule.code for finding in check_compliance(record)]


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
        (None, pendulum.Date(2024, 6, 29), None, "as_of"),
        (None, FIRST_DAY_2023, ["htx-min-members-2023"], "rules[0]"),
        (None, FIRST_DAY_2023, 5, "rules"),
        (None, FIRST_DAY_2023, "htx-min-members-2023", "rules"),
    ],
)
def test_bad_arguments(org, as_of, rules, field):
    """Bad arguments raise a ValidationError naming the argument."""
    htx = Cooperative(**_fields(4)) if org is None else org

    with pytest.raises(ValidationError) as info:
        check_compliance(htx, as_of, rules=rules)

    assert field == info.value.field


def test_as_of_before_the_record_date():
    """A record says nothing of the days before it: a 2025 record is not
    judged under the 2012 law."""
    htx = Cooperative(**_fields(6, record_date=pendulum.Date(2025, 3, 31)))

    with pytest.raises(ValidationError, match="before the record date"):
        check_compliance(htx, LAST_DAY_2012)


def test_as_of_defaults_to_the_record_date():
    """Without as_of the record is judged on its own date, by its law."""
    htx = Cooperative(**_fields(6))

    (finding,) = check_compliance(htx)

    assert (LAST_DAY_2012, "23/2012/QH13") == (finding.as_of, finding.law)


def test_later_as_of_takes_the_figures_to_hold():
    """Judged later, the latest record is held to the law of that day."""
    htx = Cooperative(**_fields(6))

    assert ([], FIRST_DAY_2023) == (
        [f.rule.code for f in check_compliance(htx, FIRST_DAY_2023)],
        attrs.evolve(htx).record_date.add(days=1),
    )


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
    ("field", "value", "where"),
    [
        ("in_force_until", pendulum.Date(2025, 1, 1), "in_force_until"),
        ("kinds", (), "kinds"),
        ("kinds", (OrganizationKind.COOPERATIVE,) * 2, "kinds"),
        ("kinds", ("cooperative",), "kinds[0]"),
        ("kinds", [OrganizationKind.COOPERATIVE], "kinds"),
        ("limit", Fraction(-1), "limit"),
        ("limit", 10, "limit"),
        ("measure", "official_members", "measure"),
        ("source", "Luật 17/2023/QH15", "source"),
        ("text_en", "", "text_en"),
    ],
)
def test_impossible_rules(field, value, where):
    """A rule must be well formed; the error names the field (or item)."""
    with pytest.raises(ValidationError) as info:
        _rule(**{field: value})

    assert where == info.value.field


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
    """Forty-nine rules, each citing its law and article as its source."""
    rules = datasets.legal_rules()

    assert 49 == len(rules)
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
    """A user's rule file in the built-in format parses."""
    data = _builtin_json()
    data["rows"] = data["rows"][:2]

    rules = parse_legal_rules(json.dumps(data), origin="my_rules.json")

    assert legal_rules()[:2] == rules


def test_rule_cites_its_source():
    """A rule's law and article are its source's document and clause."""
    rule = legal_rules()[2]

    assert (
        "htx-min-members-2023",
        "17/2023/QH15",
        "Điều 4 khoản 7",
        "Luật Hợp tác xã 2023",
    ) == (rule.code, rule.law, rule.article, rule.source.title)


def test_rule_with_a_source_of_its_own():
    """A rule may write its source out instead of naming one by key."""
    data = _builtin_json()
    data["rows"] = [
        data["rows"][0]
        | {"source": {"document": "12/2025/NQ-HĐND", "clause": "Điều 2"}}
    ]

    (rule,) = parse_legal_rules(json.dumps(data))

    assert ("12/2025/NQ-HĐND", "Điều 2", None) == (
        rule.law,
        rule.article,
        rule.source.url,
    )


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
    ("text", "field"),
    [
        ("{", "json"),
        ("[]", "$"),
        (_broken(["rows"], {}), "rows"),
        (_broken(["sources"], []), "sources"),
        (_broken(["sources"], {"luat-2012": {}}), "sources"),
        (_broken(["sources", 0, "page"], 3), "sources[0]"),
        (
            _broken(["sources", 1, "retrieved"], "hôm qua"),
            "sources[1].retrieved",
        ),
        (
            _broken(["sources", 1, "retrieved"], KeyError),
            "sources[1].retrieved",
        ),
        (_broken(["rows", 0], "rule"), "rows[0]"),
        (_broken(["rows", 1, "extra"], 1), "rows[1]"),
        (_broken(["rows", 1, "article"], "Điều 3"), "rows[1].article"),
        (_broken(["rows", 1, "law"], "23/2012/QH13"), "rows[1].law"),
        (_broken(["rows", 2, "limit"], KeyError), "rows[2].limit"),
        (_broken(["rows", 2, "source"], "luat-2025"), "rows[2].source"),
        (
            _broken(["rows", 2, "source", "ref"], "luat-2025"),
            "rows[2].source.ref",
        ),
        (_broken(["rows", 2, "source"], KeyError), "rows[2].source"),
        (
            _broken(["rows", 2, "source", "clause"], KeyError),
            "rows[2].source.clause",
        ),
        (
            _broken(["rows", 2, "source", "clause"], " Điều 4"),
            "rows[2].source.clause",
        ),
        (
            _broken(
                ["rows", 2, "source"], {"url": "https://x", "clause": "4"}
            ),
            "rows[2].source.document",
        ),
        (
            _broken(["rows", 2, "source", "retrieved"], "hôm qua"),
            "rows[2].source.retrieved",
        ),
        (_broken(["rows", 2, "kinds"], "cooperative"), "rows[2].kinds"),
        (_broken(["rows", 2, "kinds"], ["bank"]), "rows[2].kinds[0]"),
        (_broken(["rows", 2, "kinds"], []), "rows[2].kinds"),
        (_broken(["rows", 2, "measure"], 7), "rows[2].measure"),
        (_broken(["rows", 2, "limit"], "3/0"), "rows[2].limit"),
        (_broken(["rows", 2, "limit"], "-1"), "rows[2].limit"),
        (
            _broken(["rows", 2, "in_force_from"], "1/7/2024"),
            "rows[2].in_force_from",
        ),
        (
            _broken(["rows", 3, "code"], "htx-min-members-2023"),
            "rows[3].code",
        ),
    ],
)
def test_bad_rule_files(text, field):
    """A broken file raises a DataError naming the file and the path."""
    with pytest.raises(DataError) as info:
        parse_legal_rules(text, origin="rules.json")

    assert ("rules.json", field, None) == (
        info.value.file,
        info.value.field,
        info.value.row,
    )


def test_rules_dataset():
    """The rules are a built-in dataset, with their sources."""
    info = datasets.about("organizations/legal_rules")

    assert "organizations/legal_rules" in datasets.names()
    assert (49, ["23/2012/QH13", "17/2023/QH15"]) == (
        info.rows,
        [source.document for source in info.sources],
    )
    assert legal_rules() == datasets.load("organizations/legal_rules")


def test_own_rules_file_loads(tmp_path):
    """A corrected copy of the rules file loads through the dataset."""
    data = _builtin_json()
    data["rows"] = data["rows"][-1:]
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    assert legal_rules()[-1:] == datasets.load(
        "organizations/legal_rules", path
    )


def test_own_rules_file_refused(tmp_path):
    """A malformed copy is refused, naming the user's file and the path."""
    path = tmp_path / "rules.json"
    path.write_text(_broken(["rows", 5, "bound"], "beyond"), encoding="utf-8")

    with pytest.raises(DataError, match="must be one of") as info:
        datasets.load("organizations/legal_rules", path)

    assert (str(path), "rows[5].bound") == (
        info.value.file,
        info.value.field,
    )


# --- properties ------------------------------------------------------------


def _as_of(data, org):
    # The record date or a day in the years after it.
    day = org.record_date
    return data.draw(
        kst.pendulum_dates(
            min_value=pendulum.Date(day.year, day.month, day.day),
            max_value=pendulum.Date(day.year + 8, 12, 31),
        ),
        label="as_of",
    )


def _plus_one_official(org):
    # One more official member; a union listing its members also lists
    # the newcomer, under a code no other member (nor the union) has, and
    # a member list lists it too.
    ids = getattr(org, "member_cooperative_ids", None)
    listed = org.member_list
    newcomer = "+" + org.id + "".join(ids or ())
    newcomer += "".join(m.id or "" for m in listed or ())
    changes = {"members": org.members.add(MemberType.OFFICIAL)}
    if ids is not None:
        changes["member_cooperative_ids"] = (*ids, newcomer)
    if listed is not None:
        joiner = Member(
            member_type=MemberType.OFFICIAL,
            person=PersonKind.COOPERATIVE,
            id=newcomer,
        )
        changes["member_list"] = (*listed, joiner)
    return attrs.evolve(org, **changes)


@given(kst.organizations(), st.data())
def test_adding_an_official_member_is_monotone(org, data):
    """Adding an official member never adds a minimum-members finding.

    It may add others: a union of ten must use the full model and be
    audited, and a share of the members may fall.
    """
    as_of = _as_of(data, org)

    before = {f.rule.code for f in check_compliance(org, as_of)}

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
    """Each finding is in force that day, measures the record, breaks its rule.

    No finding cites a rule not in force on the day judged, nor one whose
    conditions the record does not meet; a deadline falls due after it.
    """
    as_of = _as_of(data, org)

    for finding in check_compliance(org, as_of):
        rule = finding.rule
        assert rule.applies(org.kind, as_of)
        assert rule.in_force_from <= finding.as_of == as_of
        assert rule.covers(org, as_of)
        assert rule.value_of(org, as_of) == finding.value
        assert not rule.bound.holds(finding.value, rule.limit)
        assert finding.due is None or (
            rule.transition is not None and as_of < finding.due
        )
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
