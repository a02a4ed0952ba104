"""Example tests of kttt.rating: band edges, schemes, errors, explanations."""

from __future__ import annotations

import itertools

from decimal import Decimal

import attrs
import pytest

from kttt.errors import KtttError, NotFoundError, ScoreError, ValidationError
from kttt.geography import Province
from kttt.organizations import OrganizationKind, Sector
from kttt.rating import (
    FIRST_RATED_YEAR,
    LAST_RATED_YEAR,
    Grade,
    Rating,
    ScoreSheet,
    SizeBasis,
    SizeClass,
    builtin_scheme,
    classify,
    classify_many,
    scheme_for,
    size_by_capital,
    size_by_members,
)


COOP = OrganizationKind.COOPERATIVE
PCF = OrganizationKind.PEOPLES_CREDIT_FUND
TT01 = builtin_scheme("TT-01-2020")
TT09 = builtin_scheme("TT-09-2017")
TT42 = builtin_scheme("TT-42-2016")


def tt01_sheet(total: str, **facts: object) -> ScoreSheet:
    """A TT 01/2020 sheet with the groups filled up to *total*."""
    left = Decimal(total)
    points = {}
    for code, most in (("I", 30), ("II", 30), ("III", 40)):
        points[code] = min(left, Decimal(most))
        left -= points[code]
    return ScoreSheet(
        organization="HTX-1",
        kind=COOP,
        sector=Sector.TRANSPORT,
        year=2024,
        points=points,
        **facts,  # type: ignore[arg-type]
    )


def tt09_sheet(total: str, **facts: object) -> ScoreSheet:
    """A TT 09/2017 sheet whose six criteria add up to *total*."""
    value = Decimal(total)
    return ScoreSheet(
        organization="HTX-NN",
        kind=COOP,
        sector=Sector.AGRICULTURE,
        year=2024,
        points={"TC1": value, **{f"TC{i}": 0 for i in range(2, 7)}},
        **facts,  # type: ignore[arg-type]
    )


def pcf_sheet(total: str, **facts: object) -> ScoreSheet:
    """A TT 42/2016 sheet whose five criteria add up to *total*."""
    left = Decimal(total)
    points = {}
    for code, most in (
        ("TC1", 10),
        ("TC2", 30),
        ("TC3", 30),
        ("TC4", 10),
        ("TC5", 20),
    ):
        points[code] = min(left, Decimal(most))
        left -= points[code]
    return ScoreSheet(
        organization="QTD-1",
        kind=PCF,
        sector=Sector.CREDIT,
        year=2024,
        points=points,
        **facts,  # type: ignore[arg-type]
    )


BAND_EDGES = [
    ("100", Rating.GOOD),
    ("80", Rating.GOOD),
    ("79.99", Rating.FAIR),
    ("65", Rating.FAIR),
    ("64.99", Rating.AVERAGE),
    ("50", Rating.AVERAGE),
    ("49.99", Rating.WEAK),
    ("0", Rating.WEAK),
]


@pytest.mark.parametrize(("total", "expected"), BAND_EDGES)
def test_tt01_band_edges(total, expected):
    """Every band edge of TT 01/2020 falls on the side Điều 8 says."""
    result = classify(tt01_sheet(total))

    assert (expected, Decimal(total)) == (result.rating, result.total)


@pytest.mark.parametrize(("total", "expected"), BAND_EDGES)
def test_tt09_band_edges(total, expected):
    """TT 09/2017 has the same bands (Điều 6)."""
    assert expected == classify(tt09_sheet(total)).rating


@pytest.mark.parametrize(
    ("total", "grade"),
    [
        ("100", Grade.A),
        ("80.01", Grade.A),
        ("80", Grade.B),
        ("70", Grade.B),
        ("69.99", Grade.C),
        ("60", Grade.C),
        ("59.99", Grade.D),
        ("0", Grade.D),
    ],
)
def test_tt42_provisional_grades(total, grade):
    """The draft cut-offs of TT 42/2016 grade funds A-D, provisionally."""
    result = classify(pcf_sheet(total))

    assert (grade, True) == (result.grade, result.provisional)


def test_tt42_provisional_in_explanation():
    """The provisional cut-off is visible in both explanations."""
    result = classify(pcf_sheet("85"))

    assert "tạm tính" in result.explain("vi")
    assert "provisional" in result.explain("en")
    assert "grade A (good)" in result.explain("en")


def test_tt01_not_provisional():
    """TT 01/2020 bands are verified: results are not provisional."""
    result = classify(tt01_sheet("90"))

    assert (False, None) == (result.provisional, result.grade)
    assert result.band == result.decided_by


def test_explanations_pinned():
    """The Vietnamese and English explanations name total, band and rule."""
    result = classify(tt01_sheet("79.99"))

    assert (
        "Tổng điểm 79,99/100 theo 01/2020/TT-BKHĐT: khá (65 ≤ tổng điểm < 80)."
        == result.explain("vi")
    )
    assert (
        "Total 79.99 of 100 under 01/2020/TT-BKHĐT: fair (65 ≤ total < 80)."
        == result.explain("en")
    )
    weak = classify(tt01_sheet("10"))
    assert "weak (total < 50)" in weak.explain("en")
    assert result.explain("vi") == result.explain()


def test_explain_refuses_unknown_language():
    """Only Vietnamese and English explanations exist."""
    with pytest.raises(ValidationError) as info:
        classify(tt01_sheet("90")).explain("fr")

    assert "lang" == info.value.field


# --- eligibility, overrides ------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "rated"),
    [
        ({"months_operating": 11}, False),
        ({"months_operating": 12}, True),
        ({"months_suspended": 3}, True),
        ({"months_suspended": 4}, False),
    ],
)
def test_tt01_exclusions(facts, rated):
    """New (under 12 months) and long-suspended (over 3) are not rated."""
    result = classify(tt01_sheet("90", **facts))

    assert (rated, rated) == (result.rated, result.total is not None)


def test_excluded_sheet_explains_reason():
    """A sheet not rated says why, in both languages, with no points."""
    result = classify(tt01_sheet("90", months_suspended=5))

    assert "suspended" == result.exclusion.code
    assert result.exclusion == result.decided_by
    assert (
        "Không xếp loại theo 01/2020/TT-BKHĐT: tạm ngừng hoạt động trên 3 "
        "tháng trong năm." == result.explain("vi")
    )
    assert {} == result.points
    assert {} == result.subtotals
    assert result.grade is None


def test_excluded_sheet_needs_no_points_but_refuses_unknown_codes():
    """An excluded sheet may be empty, but its codes are still checked."""
    empty = ScoreSheet(
        organization="HTX-2",
        kind=COOP,
        sector=Sector.TRANSPORT,
        year=2024,
        months_operating=3,
    )
    assert classify(empty).rating is None
    bad = ScoreSheet(
        organization="HTX-2",
        kind=COOP,
        sector=Sector.TRANSPORT,
        year=2024,
        months_operating=3,
        points={"TC99": 1},
    )
    with pytest.raises(ScoreError) as info:
        classify(bad)

    assert "points.TC99" == info.value.field


def test_sanctioned_agricultural_cooperative_is_weak():
    """TT 09/2017 Điều 6: sanctioned in the year means weak, even at 85."""
    result = classify(tt09_sheet("85", sanctioned=True))

    assert Rating.WEAK == result.rating
    assert Rating.GOOD == result.band.rating
    assert "sanctioned" == result.override.code
    assert result.override == result.decided_by
    assert result.provisional is False
    assert "but administratively sanctioned" in result.explain("en")
    assert "nhưng bị xử phạt" in result.explain("vi")


def test_sanction_does_not_change_a_tt01_rating():
    """TT 01/2020 has no override rule: a sanction changes nothing."""
    assert Rating.GOOD == classify(tt01_sheet("85", sanctioned=True)).rating


def test_pcf_under_special_control_is_not_rated():
    """TT 42/2016 does not apply to funds under special control."""
    for facts in ({"special_control": True}, {"licence_revocation": True}):
        assert classify(pcf_sheet("90", **facts)).rating is None


# --- scoring rules ---------------------------------------------------------


def tt09_measured(**measures: object) -> ScoreSheet:
    """A TT 09/2017 sheet scoring criterion 1 from measured values."""
    base = {
        "revenue_to_plan_pct": Decimal(100),
        "revenue_vnd": Decimal(0),
        "income_per_member_vnd": Decimal(0),
        "after_tax_profit": False,
        "development_fund_20pct": False,
        "reserve_fund_5pct": False,
    }
    base.update(measures)
    return ScoreSheet(
        organization="HTX-NN",
        kind=COOP,
        sector=Sector.AGRICULTURE,
        year=2024,
        points={f"TC{i}": 0 for i in range(2, 7)},
        measures=base,
    )


@pytest.mark.parametrize(
    ("measure", "value", "code", "points"),
    [
        ("revenue_to_plan_pct", "99.99", "TC1a", 0),
        ("revenue_to_plan_pct", "100", "TC1a", 4),
        ("revenue_to_plan_pct", "119.99", "TC1a", 4),
        ("revenue_to_plan_pct", "120", "TC1a", 8),
        ("revenue_vnd", "999999999", "TC1b", 4),
        ("revenue_vnd", "1000000000", "TC1b", 6),
        ("revenue_vnd", "5000000000", "TC1b", 8),
        ("revenue_vnd", "10000000000", "TC1b", 10),
        ("development_fund_20pct", True, "TC1d", 5),
        ("reserve_fund_5pct", True, "TC1e", 5),
    ],
)
def test_tt09_criterion_1_rules(measure, value, code, points):
    """The known scoring rules of TT 09/2017 criterion 1, edge by edge."""
    given = Decimal(value) if isinstance(value, str) else value
    result = classify(tt09_measured(**{measure: given}))

    assert Decimal(points) == result.points[code]


@pytest.mark.parametrize(
    ("profit", "income", "points"),
    [
        (False, "20000000", 0),
        (True, "0", 2),
        (True, "999999", 2),
        (True, "1000000", 4),
        (True, "5000000", 7),
        (True, "10000000", 10),
    ],
)
def test_tt09_income_needs_after_tax_profit(profit, income, points):
    """Income per member scores only with an after-tax profit."""
    result = classify(
        tt09_measured(
            after_tax_profit=profit, income_per_member_vnd=Decimal(income)
        )
    )

    assert Decimal(points) == result.points["TC1c"]


def test_tt09_total_from_rules_and_points():
    """Computed and entered points add up to the total and the subtotals."""
    sheet = tt09_measured(
        revenue_to_plan_pct=Decimal(125),
        revenue_vnd=Decimal(6_000_000_000),
        after_tax_profit=True,
        income_per_member_vnd=Decimal(3_000_000),
        development_fund_20pct=True,
    )
    result = classify(sheet)

    assert Decimal(8 + 8 + 4 + 5) == result.total
    assert Decimal(25) == result.subtotals["TC1"]


@pytest.mark.parametrize(
    ("measures", "expected"),
    [
        ({"capital_adequacy_pct": Decimal("7.99")}, 0),
        ({"capital_adequacy_pct": Decimal(8)}, 1),
        ({"capital_adequacy_pct": Decimal(9)}, 3),
        ({"capital_adequacy_pct": Decimal(10)}, 5),
        ({"charter_to_legal_capital_pct": Decimal(299)}, 0),
        ({"charter_to_legal_capital_pct": Decimal(300)}, 1),
        ({"charter_to_legal_capital_pct": Decimal(400)}, 2),
        ({"charter_to_legal_capital_pct": Decimal(500)}, 3),
        ({"capital_adequacy_breaches": Decimal(0)}, 2),
        ({"capital_adequacy_breaches": Decimal(1)}, 1),
        ({"capital_adequacy_breaches": Decimal(5)}, 0),
    ],
)
def test_tt42_capital_rules(measures, expected):
    """The capital scoring rules of TT 42/2016, edge by edge."""
    base = {
        "charter_to_legal_capital_pct": Decimal(0),
        "capital_adequacy_pct": Decimal(0),
        "capital_adequacy_breaches": Decimal(9),
    }
    base.update(measures)
    sheet = ScoreSheet(
        organization="QTD-1",
        kind=PCF,
        sector=Sector.CREDIT,
        year=2024,
        points={"TC2": 0, "TC3": 0, "TC4": 0, "TC5": 0},
        measures=base,
    )

    assert Decimal(expected) == classify(sheet).subtotals["TC1"]


@pytest.mark.parametrize(
    ("breaches", "points"), [(0, 8), (1, 4), (2, 1), (3, 0)]
)
def test_tt42_solvency_rules(breaches, points):
    """Each solvency ratio scores by how often it was breached."""
    sheet = ScoreSheet(
        organization="QTD-1",
        kind=PCF,
        sector=Sector.CREDIT,
        year=2024,
        points={"TC1": 0, "TC2": 0, "TC3": 0, "TC4": 0, "TC5c": 0},
        measures={
            "next_day_solvency_breaches": breaches,
            "seven_day_solvency_breaches": 0,
        },
    )
    result = classify(sheet)

    assert Decimal(points) == result.points["TC5a"]
    assert Decimal(points + 8) == result.subtotals["TC5"]


# --- bad points ------------------------------------------------------------


def coop(points: dict[str, object], **more: object) -> ScoreSheet:
    """A cooperative in transport (TT 01/2020) with these points."""
    return ScoreSheet(
        organization="HTX-1",
        kind=COOP,
        sector=Sector.TRANSPORT,
        year=2024,
        points=points,
        **more,  # type: ignore[arg-type]
    )


FULL_TT01 = {
    "TC1": 7,
    "TC2": 6,
    "TC3": 11,
    "TC4": 6,
    "TC5": 8,
    "TC6": 6,
    "TC7": 6,
    "TC8": 6,
    "TC9": 4,
    "TC10": 5,
    "TC11": 5,
    "TC12": 5,
    "TC13": 5,
    "TC14": 5,
    "TC15": 5,
}


@pytest.mark.parametrize(
    ("points", "field", "words"),
    [
        ({**FULL_TT01, "TC1": 8}, "points.TC1", "maximum of 7"),
        ({**FULL_TT01, "TC99": 1}, "points.TC99", "not a criterion"),
        (
            {k: v for k, v in FULL_TT01.items() if k != "TC5"},
            "points.TC5",
            "missing",
        ),
        ({**FULL_TT01, "TC10": 16}, "points.III", "maximum 40"),
        ({**FULL_TT01, "TC1a": 1}, "points.TC1a", "enter one level"),
        ({"I": 30, "II": 30}, "points.III", "missing"),
        ({"I": 30, "II": 30, "TC10": 1}, "points.TC11", "missing"),
        (
            {"I": 30, "II": 30, "III": Decimal("40.01")},
            "points.III",
            "maximum of 40",
        ),
    ],
)
def test_bad_points_name_criterion_value_and_limit(points, field, words):
    """Bad points raise ScoreError naming the criterion and the rule."""
    with pytest.raises(ScoreError) as info:
        classify(coop(points))

    assert field == info.value.field
    assert words in info.value.rule


def test_total_above_scheme_total():
    """TT 09/2017 maxima are unknown: the total of 100 bounds them."""
    sheet = ScoreSheet(
        organization="HTX-NN",
        kind=COOP,
        sector=Sector.AGRICULTURE,
        year=2024,
        points={"TC1": 50, "TC2": 50, "TC3": 1, "TC4": 0, "TC5": 0, "TC6": 0},
    )
    with pytest.raises(ScoreError) as info:
        classify(sheet)

    assert ("points", Decimal(101)) == (info.value.field, info.value.value)
    assert "100" in info.value.rule


@pytest.mark.parametrize(
    ("measures", "field"),
    [
        ({"unknown_measure": Decimal(1)}, "measures.unknown_measure"),
        ({"revenue_to_plan_pct": True}, "measures.revenue_to_plan_pct"),
        (
            {"development_fund_20pct": Decimal(1)},
            "measures.development_fund_20pct",
        ),
        ({"revenue_to_plan_pct": Decimal(-1)}, "measures.revenue_to_plan_pct"),
    ],
)
def test_bad_measures(measures, field):
    """Unknown, mistyped or out-of-range measures raise ScoreError."""
    with pytest.raises(ScoreError) as info:
        classify(tt09_measured(**measures))

    assert field == info.value.field


def test_rule_needs_all_its_measures():
    """Income per member without the profit flag leaves TC1c unscored."""
    sheet = ScoreSheet(
        organization="HTX-NN",
        kind=COOP,
        sector=Sector.AGRICULTURE,
        year=2024,
        points={
            "TC1a": 0,
            "TC1b": 0,
            "TC1d": 0,
            "TC1e": 0,
            **{f"TC{i}": 0 for i in range(2, 7)},
        },
        measures={"income_per_member_vnd": Decimal(1)},
    )
    with pytest.raises(ScoreError) as info:
        classify(sheet)

    assert "points.TC1c" == info.value.field
    assert "after_tax_profit" in info.value.rule


def test_measure_for_entered_criterion_is_refused():
    """A measure whose criterion's points were entered is not dropped."""
    sheet = ScoreSheet(
        organization="HTX-NN",
        kind=COOP,
        sector=Sector.AGRICULTURE,
        year=2024,
        points={f"TC{i}": 0 for i in range(1, 7)},
        measures={"revenue_vnd": Decimal(5)},
    )
    with pytest.raises(ScoreError) as info:
        classify(sheet)

    assert "measures.revenue_vnd" == info.value.field


# --- sub-criteria, points and subtotals -----------------------------------


def test_sub_criteria_add_up():
    """Points entered per sub-criterion add up to criteria and groups."""
    points = {
        **FULL_TT01,
        "TC1a": 5,
        "TC1b": 1,
    }
    del points["TC1"]
    result = classify(coop(points))

    assert Decimal(6) == result.points["TC1"]
    assert {"I": Decimal(29), "II": Decimal(30), "III": Decimal(30)} == dict(
        result.subtotals
    )
    assert Decimal(89) == result.total
    assert list(TT01.codes()).index("I") == 0


# --- choosing the scheme ---------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "sector", "year", "code"),
    [
        (COOP, Sector.TRANSPORT, 2024, "TT-01-2020"),
        (COOP, Sector.TRANSPORT, 2020, "TT-01-2020"),
        (COOP, Sector.AGRICULTURE, 2024, "TT-09-2017"),
        (COOP, Sector.AGRICULTURE, 2017, "TT-09-2017"),
        (
            OrganizationKind.COOPERATIVE_UNION,
            Sector.AGRICULTURE,
            2024,
            "TT-01-2020",
        ),
        (PCF, Sector.CREDIT, 2017, "TT-42-2016"),
    ],
)
def test_scheme_for(kind, sector, year, code):
    """The default scheme follows kind, sector and year."""
    assert code == scheme_for(kind, sector, year).code


@pytest.mark.parametrize(
    ("kind", "sector", "year"),
    [
        (COOP, Sector.TRANSPORT, 2019),
        (OrganizationKind.COOPERATIVE_GROUP, Sector.AGRICULTURE, 2024),
        (OrganizationKind.COOPERATIVE_BANK, Sector.CREDIT, 2024),
    ],
)
def test_no_scheme(kind, sector, year):
    """Where no scheme applies, NotFoundError says so."""
    with pytest.raises(NotFoundError) as info:
        scheme_for(kind, sector, year)

    assert "kind" == info.value.field
    assert "load_scheme" in info.value.rule


def test_sheet_names_its_scheme():
    """A sheet naming TT 01/2020 is rated under it even in agriculture."""
    sheet = ScoreSheet(
        organization="HTX-NN",
        kind=COOP,
        sector=Sector.AGRICULTURE,
        year=2024,
        scheme="TT-01-2020",
        points={"I": 30, "II": 30, "III": 40},
        sanctioned=True,
    )

    assert Rating.GOOD == classify(sheet).rating


def test_scheme_conflicts():
    """A scheme that does not fit the sheet is refused, never applied."""
    sheet = tt01_sheet("90")
    named = coop({"I": 1}, scheme="TT-09-2017")
    with pytest.raises(ValidationError) as info:
        classify(sheet, TT42)
    assert "scheme" == info.value.field
    with pytest.raises(ValidationError):
        classify(named, TT01)
    with pytest.raises(ValidationError):
        classify(named)
    with pytest.raises(NotFoundError):
        classify(coop({"I": 1}, scheme="NOPE"))


def test_classify_many_in_order_with_row_numbers():
    """classify_many keeps order and names the row of a bad sheet."""
    sheets = [tt01_sheet("90"), tt09_sheet("70"), coop({"I": 31})]
    results = classify_many(sheets)

    assert Rating.GOOD == next(results).rating
    assert Rating.FAIR == next(results).rating
    with pytest.raises(KtttError) as info:
        next(results)
    assert 3 == info.value.row


def test_classify_many_chooses_each_sheets_own_scheme():
    """Sheets alike but for their kind, sector or year differ in scheme."""
    tt01 = {"I": 25, "II": 24, "III": 31}
    union = attrs.evolve(
        tt01_sheet("80"),
        kind=OrganizationKind.COOPERATIVE_UNION,
        sector=Sector.AGRICULTURE,
    )
    sheets = [
        tt09_sheet("70"),
        union,
        attrs.evolve(union, kind=COOP, points=tt01),
    ]
    results = classify_many(sheets)

    assert [
        ("TT-09-2017", Rating.FAIR),
        ("TT-01-2020", Rating.GOOD),
    ] == [(r.scheme.code, r.rating) for r in itertools.islice(results, 2)]
    with pytest.raises(ScoreError) as info:
        next(results)
    assert (3, "points.I") == (info.value.row, info.value.field)


@pytest.mark.parametrize(
    ("change", "kind", "field"),
    [
        ({"kind": OrganizationKind.COOPERATIVE_GROUP}, NotFoundError, "kind"),
        ({"year": 2019}, NotFoundError, "kind"),
        ({"scheme": "TT-09-2017"}, ValidationError, "scheme"),
    ],
)
def test_classify_many_checks_the_scheme_of_each_sheet(change, kind, field):
    """A sheet like the one before but for one field may have no scheme."""
    union = attrs.evolve(
        tt01_sheet("80"),
        kind=OrganizationKind.COOPERATIVE_UNION,
        sector=Sector.TRADE_SERVICES,
    )
    results = classify_many([union, attrs.evolve(union, **change)])

    assert "TT-01-2020" == next(results).scheme.code
    with pytest.raises(kind) as info:
        next(results)
    assert (2, field) == (info.value.row, info.value.field)


def test_classify_many_goes_on_after_an_unrated_sheet():
    """An excluded sheet is one result among the others."""
    sheets = [tt01_sheet("90", months_operating=1), tt01_sheet("50")]

    assert [None, Rating.AVERAGE] == [r.rating for r in classify_many(sheets)]


def test_classify_many_with_a_given_scheme():
    """A scheme given to classify_many is used for every sheet."""
    results = list(classify_many([tt01_sheet("50"), tt01_sheet("65")], TT01))

    assert [Rating.AVERAGE, Rating.FAIR] == [r.rating for r in results]


def test_classification_source_is_the_scheme_source():
    """The result names its scheme and the scheme's source document."""
    result = classify(tt01_sheet("70"))

    assert "01/2020/TT-BKHĐT" == result.source.document
    assert TT01 == result.scheme


# --- size classes ----------------------------------------------------------


@pytest.mark.parametrize(
    ("members", "size"),
    [
        (0, SizeClass.MICRO),
        (49, SizeClass.MICRO),
        (50, SizeClass.SMALL),
        (300, SizeClass.SMALL),
        (301, SizeClass.MEDIUM),
        (1000, SizeClass.MEDIUM),
        (1001, SizeClass.LARGE),
        (1100, SizeClass.LARGE),
    ],
)
def test_size_by_members(members, size):
    """TT 01/2020 Điều 4 member classes, edge by edge."""
    assert size == size_by_members(members)


@pytest.mark.parametrize(
    ("capital", "size"),
    [
        (0, SizeClass.MICRO),
        (999_999_999, SizeClass.MICRO),
        (1_000_000_000, SizeClass.SMALL),
        (4_999_999_999, SizeClass.SMALL),
        (5_000_000_000, SizeClass.MEDIUM),
        (49_999_999_999, SizeClass.MEDIUM),
        (50_000_000_000, SizeClass.LARGE),
    ],
)
def test_size_by_capital(capital, size):
    """TT 01/2020 Điều 5 capital classes, edge by edge."""
    assert size == size_by_capital(capital)


@pytest.mark.parametrize("bad", [-1, True, 1.5, "50"])
def test_size_refuses_bad_values(bad):
    """Sizes need a whole number at least 0."""
    with pytest.raises(ValidationError) as info:
        size_by_members(bad)

    assert "members" == info.value.field


def test_size_needs_a_scale():
    """A scheme without size classes says so."""
    with pytest.raises(NotFoundError):
        TT09.size_class(SizeBasis.MEMBERS, 10)


# --- score sheets ----------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"points": {"TC1": -1}}, "points.TC1"),
        ({"points": {"TC1": 1.5}}, "points.TC1"),
        ({"points": {"TC1": True}}, "points.TC1"),
        ({"points": {"TC1": Decimal("NaN")}}, "points.TC1"),
        ({"points": {" TC1": 1}}, "points"),
        ({"points": [("TC1", 1)]}, "points"),
        ({"measures": {"x": "1"}}, "measures.x"),
        ({"measures": {"": 1}}, "measures"),
        ({"months_operating": 13}, "months_operating"),
        ({"months_suspended": -1}, "months_suspended"),
        ({"year": 1989}, "year"),
        ({"year": True}, "year"),
        ({"organization": "  "}, "organization"),
        ({"province": "Hà Nội"}, "province"),
        ({"kind": "cooperative"}, "kind"),
    ],
)
def test_score_sheet_refuses_bad_values(change, field):
    """A sheet is valid by construction; errors name the field."""
    fields = {
        "organization": "HTX-1",
        "kind": COOP,
        "sector": Sector.TRANSPORT,
        "year": 2024,
    }
    fields.update(change)
    with pytest.raises(ValidationError) as info:
        ScoreSheet(**fields)  # type: ignore[arg-type]

    assert info.value.field.startswith(field)


def test_score_sheet_points_are_read_only_and_sorted():
    """Points are stored sorted by code, as Decimal, read-only."""
    sheet = coop({"TC2": 1, "TC10": Decimal("2.5")})

    assert ["TC10", "TC2"] == list(sheet.points)
    assert Decimal(1) == sheet.points["TC2"]
    with pytest.raises(TypeError):
        sheet.points["TC2"] = Decimal(3)  # type: ignore[index]
    assert hash(sheet) == hash(coop({"TC10": Decimal("2.5"), "TC2": 1}))


def test_score_sheet_with_province():
    """A sheet may carry its province for grouping."""
    sheet = coop({}, province=Province.get("Hà Nội"))

    assert "01" == sheet.province.code


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        (7, True),
        (Decimal("7.0"), True),
        (Decimal("7.01"), False),
        (Decimal("6.999"), True),
        (Decimal("7.0001"), False),
        (8, False),
        (Decimal("0.7E+1"), True),
    ],
)
def test_limits_are_exact_at_every_decimal_place(value, ok):
    """Points are checked exactly whatever decimal places they carry."""
    for first in (FULL_TT01, {**FULL_TT01, "TC2": Decimal("5.5")}):
        classify(coop(first))
    sheet = coop({**FULL_TT01, "TC1": value})
    if ok:
        assert Decimal(value) == classify(sheet).points["TC1"]
    else:
        with pytest.raises(ScoreError) as info:
            classify(sheet)
        assert "points.TC1" == info.value.field


def test_group_limit_exact_with_fine_decimals():
    """A group sum just above its maximum is caught at any precision."""
    points = {**FULL_TT01, "TC10": Decimal("15.0001")}
    with pytest.raises(ScoreError) as info:
        classify(coop(points))
    assert "points.III" == info.value.field
    points["TC10"] = Decimal("15.000")
    assert Decimal(40) == classify(coop(points)).subtotals["III"]


# --- points held exactly and compactly -------------------------------------


def test_points_read_back_exactly_without_trailing_zeros():
    """Points are held exactly; trailing fractional zeros do not count."""
    sheet = coop({"TC1": Decimal("7.00"), "TC2": Decimal("0.125"), "TC3": 9})
    same = coop({"TC1": 7, "TC2": Decimal("0.1250"), "TC3": Decimal("9.0")})

    assert {"TC1": "7", "TC2": "0.125", "TC3": "9"} == {
        code: str(value) for code, value in sheet.points.items()
    }
    assert sheet == same
    assert sheet.points == dict(same.points)
    assert "TC4" not in sheet.points


def hundredths(number: int) -> Decimal:
    """*number* hundredths of a point, as a Decimal."""
    return Decimal(number).scaleb(-2)


@pytest.mark.parametrize(
    "number",
    [
        0,
        1,
        2**31 - 1,
        2**31,
        2**32 + 12345,
        2**63 - 1,
        2**63,
        2**70 + 1,
        10**38 - 1,
    ],
)
def test_points_of_any_size_read_back_exactly(number):
    """Points small and huge, alone or beside others, read back exactly."""
    value = hundredths(number)
    finer = value + Decimal("0.001")
    for points in (
        {"A": value},
        {"A": value, "B": Decimal("0.01"), "C": 0},
        {"A": finer, "B": value},
    ):
        sheet = coop(points)
        row = ScoreSheet.from_row(
            {
                "organization": "HTX-1",
                "kind": "cooperative",
                "sector": "transport",
                "year": "2024",
                **{
                    f"points.{code}": format(Decimal(v), "f").replace(".", ",")
                    for code, v in points.items()
                },
            }
        )

        assert points == dict(sheet.points)
        assert points == dict(row.points)
        assert sheet == row
        assert f"Points({dict(sheet.points)!r})" == repr(sheet.points)


@pytest.mark.parametrize(
    "number",
    [
        Decimal("1E-300000"),
        Decimal("1E+300000"),
        Decimal("1" * 100_000),
        Decimal("0." + "1" * 100_000),
        10**100_000,
    ],
    ids=["tiny", "huge", "100k digits", "100k decimals", "huge int"],
)
def test_points_with_too_many_digits_are_refused(number):
    """Points of thousands of digits are refused, not added up."""
    with pytest.raises(ValidationError) as info:
        coop({"TC1": number})

    assert "points.TC1" == info.value.field
    assert "digits" in info.value.rule


@pytest.mark.parametrize("year", [FIRST_RATED_YEAR, LAST_RATED_YEAR])
def test_the_first_and_last_rated_years_are_accepted(year):
    """FIRST_RATED_YEAR and LAST_RATED_YEAR are themselves rated years."""
    sheet = ScoreSheet(
        organization="HTX-1", kind=COOP, sector=Sector.TRANSPORT, year=year
    )
    row = ScoreSheet.from_row(
        {
            "organization": "HTX-1",
            "kind": "cooperative",
            "sector": "transport",
            "year": str(year),
        }
    )

    assert (year, sheet) == (sheet.year, row)


@pytest.mark.parametrize(
    "year", [FIRST_RATED_YEAR - 1, LAST_RATED_YEAR + 1, 2024.0]
)
def test_rated_years_are_bounded(year):
    """A sheet rates a year from FIRST_RATED_YEAR to LAST_RATED_YEAR."""
    with pytest.raises(ValidationError) as info:
        ScoreSheet(
            organization="HTX-1",
            kind=COOP,
            sector=Sector.TRANSPORT,
            year=year,  # type: ignore[arg-type]
        )

    assert "year" == info.value.field


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"sanctioned": 1}, "sanctioned"),
        ({"scheme": " TT-01-2020"}, "scheme"),
        ({"organization": "HTX\u200b"}, "organization"),
        ({"measures": {"x": Decimal("1E-300000")}}, "measures.x"),
    ],
)
def test_score_sheet_checks_every_field(change, field):
    """Flags are booleans, codes are unpadded, names are printable."""
    fields = {
        "organization": "HTX-1",
        "kind": COOP,
        "sector": Sector.TRANSPORT,
        "year": 2024,
    }
    fields.update(change)
    with pytest.raises(ValidationError) as info:
        ScoreSheet(**fields)  # type: ignore[arg-type]

    assert field == info.value.field


def test_organization_is_stored_in_nfc():
    """A name typed in decomposed form is stored composed."""
    sheet = ScoreSheet(
        organization="HTX Ho\u0300a Bi\u0300nh",
        kind=COOP,
        sector=Sector.TRANSPORT,
        year=2024,
    )

    assert "HTX Hòa Bình" == sheet.organization
