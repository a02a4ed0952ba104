"""
The errors of kttt.rating, each pinned whole: its class, and the message
that names the field, shows the value and states the rule.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pendulum
import pytest

from kttt.errors import (
    DataError,
    KtttError,
    NotFoundError,
    ParseError,
    ScoreError,
    ValidationError,
)
from kttt.organizations import OrganizationKind, Sector
from kttt.rating import (
    Band,
    Condition,
    Criterion,
    Denominator,
    Fact,
    Rating,
    RatingScheme,
    ScoreSheet,
    SizeBasis,
    SizeClass,
    SizeScale,
    SizeStep,
    Step,
    StepRule,
    YesNoRule,
    builtin_scheme,
    classify,
    classify_csv,
    rate_csv,
    rating_shares,
    scheme_for,
)
from kttt.sources import Source


D = Decimal
TT01 = builtin_scheme("TT-01-2020")
TT09 = builtin_scheme("TT-09-2017")
TT42 = builtin_scheme("TT-42-2016")
COOP = OrganizationKind.COOPERATIVE
TRANSPORT = Sector.TRANSPORT
FARMING = Sector.AGRICULTURE
REVENUE_RULE = TT09.criterion("TC1b").rule
NO_SCHEME = (
    "kind='cooperative': no rating scheme rates a cooperative in transport"
    " for 2024; load one with load_scheme"
)


def sheet(points: object = None, **fields: object) -> ScoreSheet:
    """A 2024 sheet of a transport cooperative."""
    given: dict[str, object] = {
        "organization": "HTX-1",
        "kind": COOP,
        "sector": TRANSPORT,
        "year": 2024,
    }
    if points is not None:
        given["points"] = points
    given.update(fields)
    return ScoreSheet(**given)  # type: ignore[arg-type]


def crit(
    code: str, maximum: str | None, *parts: Criterion, **more
) -> Criterion:
    """A criterion named after its code."""
    return Criterion(
        code=code,
        label_vi=f"tiêu chí {code}",
        label_en=f"criterion {code}",
        maximum=None if maximum is None else D(maximum),
        parts=parts,
        **more,
    )


def band(rating: Rating, minimum: int, **more) -> Band:
    return Band(rating=rating, minimum=D(minimum), **more)


def scheme(*criteria: Criterion, **more: object) -> RatingScheme:
    """A province's scheme of one 100-point criterion, unless told."""
    fields: dict[str, object] = {
        "code": "TINH-Y",
        "name_vi": "Bộ tiêu chí tỉnh Y",
        "name_en": "Province Y scheme",
        "source": Source(document="7/2023/QĐ-UBND"),
        "in_force": pendulum.Date(2020, 1, 1),
        "kinds": [COOP],
        "criteria": criteria or (crit("A", "100"),),
        "bands": (band(Rating.GOOD, 80), band(Rating.WEAK, 0)),
    }
    fields.update(more)
    return RatingScheme(**fields)  # type: ignore[arg-type]


def tt09_file(rule: object) -> dict[str, object]:
    """TT 09/2017 as file data, its first criterion scored by *rule*."""
    data = TT09.to_dict()
    first = {**data["criteria"][0], "parts": [], "rule": rule}  # type: ignore[index]
    return {**data, "criteria": [first]}


def step(at_least: int, points: int) -> Step:
    return Step(at_least=D(at_least), points=D(points))


ERRORS: list[tuple[str, Callable[[], object], type[KtttError], str]] = [
    # --- conditions, criteria, bands, rules: the parts of a scheme ---
    (
        "a month count without a limit",
        lambda: Condition(fact=Fact.MONTHS_OPERATING),
        ValidationError,
        (
            "when='months_operating': a month count is tested with exactly"
            " one of below/above"
        ),
    ),
    (
        "a yes/no fact with a limit",
        lambda: Condition(fact=Fact.SANCTIONED, below=3),
        ValidationError,
        "when='sanctioned': a yes/no fact takes no below/above",
    ),
    (
        "a month limit above 12",
        lambda: Condition(fact=Fact.MONTHS_SUSPENDED, above=13),
        ValidationError,
        "above=13: a month limit is a whole number 0 to 12",
    ),
    (
        "parts and a rule",
        lambda: crit(
            "X", "4", crit("Y", "4"), rule=YesNoRule(measure="m", yes=D(4))
        ),
        ValidationError,
        "parts='X': a criterion has parts or a scoring rule, not both",
    ),
    (
        "parts above their group",
        lambda: crit("G", "10", crit("P", "6"), crit("Q", "6")),
        ValidationError,
        "parts=['6', '6']: the maxima must add up to the maximum 10 of G",
    ),
    (
        "parts below their group",
        lambda: crit("G", "10", crit("P", "6"), crit("Q", "3")),
        ValidationError,
        "parts=['6', '3']: the maxima must add up to the maximum 10 of G",
    ),
    (
        "a rule above its maximum",
        lambda: crit("X", "3", rule=YesNoRule(measure="m", yes=D(5))),
        ValidationError,
        "rule='5': a rule gives at most the maximum 3 of X",
    ),
    (
        "a float minimum",
        lambda: Band(rating=Rating.GOOD, minimum=1.5),  # type: ignore[arg-type]
        ValidationError,
        "minimum=1.5: must be a Decimal",
    ),
    (
        "a float step",
        lambda: Step(at_least=1.5, points=D(1)),  # type: ignore[arg-type]
        ValidationError,
        "at_least=1.5: must be a Decimal",
    ),
    (
        "a step from NaN",
        lambda: Step(at_least=D("NaN"), points=D(1)),
        ValidationError,
        "at_least=Decimal('NaN'): must be finite",
    ),
    (
        "a step from minus infinity",
        lambda: Step(at_least=D("-Infinity"), points=D(1)),
        ValidationError,
        "at_least=Decimal('-Infinity'): must be finite",
    ),
    (
        "a step of negative points",
        lambda: Step(at_least=D(1), points=D(-1)),
        ValidationError,
        "points=Decimal('-1'): points are at least 0",
    ),
    (
        "a step of infinite points",
        lambda: Step(at_least=D(1), points=D("Infinity")),
        ValidationError,
        "points=Decimal('Infinity'): must be finite",
    ),
    (
        "a step rule without steps",
        lambda: StepRule(measure="m", unit="%", steps=()),
        ValidationError,
        "steps=(): a step rule has steps",
    ),
    (
        "steps that do not rise",
        lambda: StepRule(
            measure="m", unit="%", steps=(step(10, 1), step(10, 2))
        ),
        ValidationError,
        (
            "steps=[Decimal('10'), Decimal('10')]: steps rise strictly by"
            " their lower bound"
        ),
    ),
    (
        "size steps from 1",
        lambda: SizeScale(
            basis=SizeBasis.MEMBERS,
            steps=[SizeStep(size=SizeClass.MICRO, at_least=1)],
        ),
        ValidationError,
        "steps=[1]: size steps start at 0 and rise strictly",
    ),
    # --- schemes ---
    (
        "maxima above the total",
        lambda: scheme(crit("A", "60"), crit("B", "50")),
        ValidationError,
        "criteria=['60', '50']: the maxima must add up to the total 100",
    ),
    (
        "a repeated code",
        lambda: scheme(crit("A", "50"), crit("A", "50")),
        ValidationError,
        "criteria='A': criterion codes must be unique",
    ),
    (
        "a part above its parent's limit",
        lambda: scheme(crit("A", None, crit("P", "150"))),
        ValidationError,
        "criteria.P.maximum='150': P cannot exceed the 100 points above it",
    ),
    (
        "no kinds",
        lambda: scheme(kinds=[]),
        ValidationError,
        "kinds=frozenset(): must not be empty",
    ),
    (
        "kinds as text",
        lambda: scheme(kinds=["cooperative"]),
        ValidationError,
        "kinds='cooperative': must be a OrganizationKind",
    ),
    (
        "a repeated exclusion",
        lambda: scheme(exclusions=[TT09.exclusions[0]] * 2),
        ValidationError,
        "exclusions=['new', 'new']: codes must be unique",
    ),
    (
        "two scales on one basis",
        lambda: scheme(size_scales=[TT01.size_scales[0]] * 2),
        ValidationError,
        "size_scales=['members', 'members']: one scale per basis",
    ),
    (
        "bands from worst to best",
        lambda: scheme(bands=[band(Rating.WEAK, 0), band(Rating.GOOD, 80)]),
        ValidationError,
        "bands=['0', '80']: bands go from best to worst",
    ),
    (
        "two bands of one rating",
        lambda: scheme(bands=[band(Rating.GOOD, 80), band(Rating.GOOD, 0)]),
        ValidationError,
        "bands=['good', 'good']: one band per rating",
    ),
    (
        "a lowest band from 10",
        lambda: scheme(bands=[band(Rating.GOOD, 80), band(Rating.WEAK, 10)]),
        ValidationError,
        "bands='10': the lowest band starts at 0 inclusive",
    ),
    (
        "a lowest band above 0",
        lambda: scheme(
            bands=[
                band(Rating.GOOD, 80),
                band(Rating.WEAK, 0, inclusive=False),
            ]
        ),
        ValidationError,
        "bands='0': the lowest band starts at 0 inclusive",
    ),
    (
        "a band above the total",
        lambda: scheme(bands=[band(Rating.GOOD, 101), band(Rating.WEAK, 0)]),
        ValidationError,
        "bands='101': a band cannot start above 100",
    ),
    (
        "a rule that is not an object, in a file",
        lambda: RatingScheme.from_dict(tt09_file("x")),
        DataError,
        "<data>: criteria[0].rule='x': a rule is an object with a 'kind'",
    ),
    (
        "a rule of an unknown kind, in a file",
        lambda: RatingScheme.from_dict(tt09_file({"kind": "other"})),
        DataError,
        "<data>: criteria[0].rule.kind='other': must be 'steps' or 'yes_no'",
    ),
    (
        "a file without a source",
        lambda: RatingScheme.from_dict({**TT01.to_dict(), "source": None}),
        DataError,
        "<data>: source=None: a scheme names its source",
    ),
    # --- looking things up ---
    (
        "an unknown built-in scheme",
        lambda: builtin_scheme("NOPE"),
        NotFoundError,
        (
            "scheme='NOPE': not a built-in scheme (TT-01-2020, TT-09-2017,"
            " TT-42-2016)"
        ),
    ),
    (
        "no scheme among those given",
        lambda: scheme_for(COOP, TRANSPORT, 2024, schemes=[TT42]),
        NotFoundError,
        NO_SCHEME,
    ),
    (
        "no scheme at all",
        lambda: scheme_for(COOP, TRANSPORT, 2024, schemes=[]),
        NotFoundError,
        NO_SCHEME,
    ),
    (
        "no such criterion",
        lambda: TT01.criterion("Z"),
        NotFoundError,
        "criterion='Z': not a criterion of TT-01-2020",
    ),
    (
        "no band for a rating",
        lambda: scheme(bands=[band(Rating.GOOD, 0)]).band_of(Rating.WEAK),
        NotFoundError,
        "rating='weak': no band of TINH-Y",
    ),
    (
        "a negative total",
        lambda: TT01.band_for(D("-0.01")),
        ValidationError,
        "total=Decimal('-0.01'): a total is at least 0",
    ),
    (
        "size classes a scheme lacks",
        lambda: TT42.size_class(SizeBasis.MEMBERS, 3),
        NotFoundError,
        "basis='members': TT-42-2016 defines no size classes on it",
    ),
    # --- score sheets ---
    (
        "negative points",
        lambda: sheet({"I": D(-1)}),
        ValidationError,
        "points.I=Decimal('-1'): points are at least 0",
    ),
    (
        "points of more than 100 digits",
        lambda: sheet({"I": 10**121}),
        ValidationError,
        f"points.I={10**121}: has more than 100 digits",
    ),
    (
        "NaN points",
        lambda: sheet({"I": D("NaN")}),
        ValidationError,
        "points.I=Decimal('NaN'): must be finite",
    ),
    (
        "binary floats as points",
        lambda: sheet({"I": D(1), "II": 1.5}),
        ValidationError,
        "points.II=1.5: points is a finite Decimal (or int)",
    ),
    (
        "text as a measure",
        lambda: sheet({"I": 1}, measures={"m": "x"}),
        ValidationError,
        "measures.m='x': a measure is a finite Decimal (or int)",
    ),
    (
        "points that are not a mapping",
        lambda: sheet("x"),
        ValidationError,
        "points='x': must be a mapping of codes",
    ),
    (
        "measures that are not a mapping",
        lambda: sheet({"I": 1}, measures=["m"]),
        ValidationError,
        "measures=['m']: must be a mapping of names",
    ),
    (
        "13 months",
        lambda: sheet({"I": 1}, months_operating=13),
        ValidationError,
        "months_operating=13: a whole number of months, 0 to 12",
    ),
    (
        "a row with more cells than columns",
        lambda: ScoreSheet.from_row(
            {"organization": "HTX-1", None: ["x", "y"]}  # type: ignore[dict-item]
        ),
        ParseError,
        "row=['x', 'y']: more cells than columns",
    ),
    # --- classifying ---
    (
        "a sheet scored under another scheme",
        lambda: classify(sheet({"I": 1}, scheme="TT-09-2017"), TT01),
        ValidationError,
        (
            "scheme='TT-09-2017': the sheet was scored under TT-09-2017, not"
            " TT-01-2020"
        ),
    ),
    (
        "a scheme that does not rate the sheet",
        lambda: classify(sheet({"I": 1}), TT42),
        ValidationError,
        (
            "scheme='TT-42-2016': does not rate a cooperative in transport"
            " for 2024"
        ),
    ),
    (
        "an unknown criterion",
        lambda: classify(sheet({"Z": 1})),
        ScoreError,
        (
            "points.Z=Decimal('1'): not a criterion of TT-01-2020 (criteria:"
            " I, TC1, TC1a, TC1b, TC2, TC2a, TC2b, TC3, TC3a, TC3b, TC3c, TC4,"
            " TC4a, TC4b, TC4c, II, TC5, TC6, TC7, TC7a, TC7b, TC7c, TC8, TC9,"
            " III, TC10, TC11, TC12, TC13, TC14, TC15)"
        ),
    ),
    (
        "points above a maximum",
        lambda: classify(sheet({"I": 31, "II": 1, "III": 1})),
        ScoreError,
        (
            "points.I=Decimal('31'): above the maximum of 30 points for I"
            " (Finance) in TT-01-2020"
        ),
    ),
    (
        "points at two levels",
        lambda: classify(sheet({"TC1": 1, "TC1a": 1}, sector=FARMING)),
        ScoreError,
        (
            "points.TC1a=Decimal('1'): points are also entered for TC1, which"
            " includes it: enter one level only"
        ),
    ),
    (
        "a measure nothing reads",
        lambda: classify(
            sheet({"I": 1, "II": 1, "III": 1}, measures={"m": D(1)})
        ),
        ScoreError,
        (
            "measures.m=Decimal('1'): no criterion of TT-01-2020 left to"
            " score reads it (unknown measure, or the criterion's points were"
            " entered)"
        ),
    ),
    (
        "a missing group",
        lambda: classify(sheet({"I": 1, "II": 1})),
        ScoreError,
        (
            "points.III=None: required criterion of TT-01-2020 is missing:"
            " enter its points (at most 40) or those of TC10, TC11, TC12,"
            " TC13, TC14, TC15"
        ),
    ),
    (
        "a missing criterion scored by a rule",
        lambda: classify(
            sheet(
                dict.fromkeys(
                    (
                        "TC1a",
                        "TC1c",
                        "TC1d",
                        "TC1e",
                        "TC2",
                        "TC3",
                        "TC4",
                        "TC5",
                        "TC6",
                    ),
                    1,
                ),
                sector=FARMING,
            )
        ),
        ScoreError,
        (
            "points.TC1b=None: required criterion of TT-09-2017 is missing:"
            " enter its points (at most 10) or the measures revenue_vnd"
        ),
    ),
    (
        "a measured value below the lowest step",
        lambda: REVENUE_RULE.score({"revenue_vnd": D(-1)}, "TC1b"),
        ScoreError,
        (
            "measures.revenue_vnd=Decimal('-1'): below the lowest step (0"
            " VND) of criterion TC1b"
        ),
    ),
    (
        "a measure missing",
        lambda: REVENUE_RULE.score({}, "TC1b"),
        ScoreError,
        (
            "measures.revenue_vnd=None: criterion TC1b needs this measure (or"
            " its points)"
        ),
    ),
    (
        "a number where yes/no is wanted",
        lambda: YesNoRule(measure="m", yes=D(1)).score({"m": D(1)}, "X"),
        ScoreError,
        "measures.m=Decimal('1'): criterion X needs yes/no here",
    ),
    (
        "yes/no where a number is wanted",
        lambda: REVENUE_RULE.score({"revenue_vnd": True}, "TC1b"),
        ScoreError,
        "measures.revenue_vnd=True: criterion TC1b needs a number here",
    ),
    # --- shares ---
    (
        "a denominator as text",
        lambda: rating_shares([], denominator="all"),  # type: ignore[call-overload]
        ValidationError,
        "denominator='all': a Denominator: ALL or RATED",
    ),
    (
        "grouping as text",
        lambda: rating_shares(
            [],
            denominator=Denominator.ALL,
            by="kind",  # type: ignore[call-overload]
        ),
        ValidationError,
        "by='kind': a GroupBy or None",
    ),
]


@pytest.mark.parametrize(
    ("call", "kind", "message"),
    [pytest.param(*case[1:], id=case[0]) for case in ERRORS],
)
def test_error_names_field_value_and_rule(call, kind, message):
    """The error is of its class and its message is exactly as pinned."""
    with pytest.raises(KtttError) as info:
        call()

    assert (kind, message) == (type(info.value), str(info.value))


def test_a_float_is_refused_even_after_its_text_was_seen():
    """1.5 (a float) is refused though Decimal("1.5") was just read."""
    assert D("1.5") == sheet({"I": D("1.5")}).points["I"]

    with pytest.raises(ValidationError) as info:
        sheet({"I": 1.5})

    assert "points.I=1.5: points is a finite Decimal (or int)" == str(
        info.value
    )


# --- found by the fuzz suite (tests/test_fuzz_entry.py) ----------------------


def test_a_year_cell_too_long_for_int_is_refused():
    """A year of 5000 digits is a ParseError, not int()'s ValueError."""
    text = (
        "organization,kind,sector,year,points.I,points.II,points.III\n"
        f"HTX A,hợp tác xã,vận tải,{'1' * 5000},25,24,31\n"
    )
    (outcome,) = rate_csv(text)

    assert isinstance(outcome, ParseError)
    assert ("year", "has more than 100 digits") == (
        outcome.field,
        outcome.rule,
    )


@pytest.mark.parametrize(
    ("call", "field", "rule"),
    [
        (
            lambda: classify("HTX A"),
            "sheet",
            "must be a ScoreSheet",
        ),
        (
            lambda: list(rate_csv("organization\n", [])),
            "scheme",
            "must be a RatingScheme or None",
        ),
        (
            lambda: rate_csv("organization\n", file=["a.csv"]),
            "file",
            "must be a file name, as text",
        ),
        (
            lambda: classify_csv(3),
            "source",
            "must be CSV text or a file",
        ),
        (
            lambda: rating_shares([None], denominator=Denominator.ALL),
            "classifications[0]",
            "must be a Classification or a RatedRow",
        ),
        (
            lambda: rating_shares(None, denominator=Denominator.ALL),
            "classifications",
            "must be an iterable of Classification or RatedRow",
        ),
    ],
)
def test_arguments_of_the_wrong_type_are_refused(call, field, rule):
    """Wrong types are a ValidationError naming the argument, not a crash."""
    with pytest.raises(ValidationError) as info:
        call()

    assert (field, rule) == (info.value.field, info.value.rule)
