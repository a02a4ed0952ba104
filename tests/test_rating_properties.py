"""Property tests of kttt.rating: totals, monotonicity, exclusions, shares."""

from __future__ import annotations

import decimal

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kttt import strategies as kst
from kttt.errors import ScoreError, ValidationError
from kttt.geography import Province
from kttt.organizations import OrganizationKind, Sector
from kttt.rating import (
    Classification,
    Denominator,
    GroupBy,
    Rating,
    ScoreSheet,
    builtin_scheme,
    classify,
    classify_csv,
    rating_shares,
)


TT09 = builtin_scheme("TT-09-2017")
schemes_and_sheets = kst.rating_schemes().flatmap(
    lambda scheme: st.tuples(
        st.just(scheme), kst.score_sheets(scheme=scheme, eligible=True)
    )
)


@given(schemes_and_sheets)
def test_total_is_the_sum_of_the_points(pair):
    """The total equals the sum of the group subtotals (and of the points)."""
    scheme, sheet = pair
    result = classify(sheet, scheme)
    assume(result.rated)

    assert result.total == sum(result.subtotals.values(), Decimal(0))
    computed = sum((result.points[c] for c in sheet.points), Decimal(0))
    ruled = sum(
        (
            result.points[c]
            for c in result.points
            if scheme.criterion(c).rule is not None and c not in sheet.points
        ),
        Decimal(0),
    )
    assert result.total == computed + ruled


@given(schemes_and_sheets, st.data())
def test_more_points_never_lower_the_rating(pair, data):
    """Raising any criterion's points never lowers the rating."""
    scheme, sheet = pair
    assume(sheet.points)
    before = classify(sheet, scheme)
    code = data.draw(st.sampled_from(sorted(sheet.points)))
    extra = Decimal(data.draw(st.integers(1, 2000))) / 100
    raised = attrs.evolve(
        sheet, points={**sheet.points, code: sheet.points[code] + extra}
    )
    try:
        after = classify(raised, scheme)
    except ScoreError:
        assume(False)
        raise
    assert after.rating.rank <= before.rating.rank


@given(kst.score_sheets())
def test_excluded_sheets_are_never_rated(sheet):
    """A sheet meeting an exclusion is not rated; otherwise it is."""
    scheme = builtin_scheme(sheet.scheme)
    excluded = any(e.when.holds(sheet) for e in scheme.exclusions)
    result = classify(sheet)

    assert excluded == (result.rating is None)
    assert excluded == (result.exclusion is not None)


@given(kst.score_sheets(scheme=TT09, eligible=True, sanctioned=True))
def test_sanctioned_agricultural_cooperative_is_weak(sheet):
    """Under TT 09/2017 a sanctioned cooperative is weak whatever its score."""
    assert Rating.WEAK == classify(sheet).rating


@settings(max_examples=40)
@given(
    st.lists(kst.classifications(), max_size=8),
    st.sampled_from(list(Denominator)),
)
def test_shares_sum_to_one(results, denominator):
    """Shares of the ratings (and of the unrated, for ALL) sum to 1."""
    shares = rating_shares(results, denominator=denominator)
    assume(shares.base)

    assert Fraction(1) == sum(shares.shares.values()) + shares.share_not_rated
    assert len(results) == shares.organizations


@settings(max_examples=40)
@given(
    st.lists(kst.classifications(), max_size=8).flatmap(
        lambda items: st.tuples(st.just(items), st.permutations(items))
    ),
    st.sampled_from(list(GroupBy)),
    st.sampled_from(list(Denominator)),
)
def test_shares_do_not_depend_on_order(pair, by, denominator):
    """Permuting the classifications never changes the shares."""
    items, permuted = pair

    assert rating_shares(
        items, by=by, denominator=denominator
    ) == rating_shares(permuted, by=by, denominator=denominator)


@given(kst.score_sheets(eligible=True))
def test_band_edges_are_exact(sheet):
    """The rating is the band a plain Decimal comparison gives."""
    result = classify(sheet)
    assume(result.override is None)
    bands = result.scheme.bands
    expected = next(
        b
        for b in bands
        if result.total > b.minimum
        or (b.inclusive and result.total == b.minimum)
    )

    assert expected.rating == result.rating


@given(kst.rating_schemes(), st.data())
def test_band_for_is_the_first_band_a_total_reaches(scheme, data):
    """band_for and Band.contains agree with the minima, edges included."""
    edges = [b.minimum for b in scheme.bands]
    total = data.draw(
        st.sampled_from(edges)
        | st.decimals(0, scheme.total, places=2)
        | st.decimals(0, scheme.total, places=0)
    )
    reached = [
        total > b.minimum or (b.inclusive and total == b.minimum)
        for b in scheme.bands
    ]

    assert reached == [b.contains(total) for b in scheme.bands]
    assert scheme.bands[reached.index(True)] is scheme.band_for(total)


def test_band_for_around_an_exclusive_minimum():
    """TT 42/2016's A starts above 80: 80 is B, 80.01 is A, 70 is B."""
    tt42 = builtin_scheme("TT-42-2016")
    a, b, c, d = tt42.bands

    assert [d, d, c, b, b, a, a] == [
        tt42.band_for(Decimal(text))
        for text in ("0", "59.99", "60", "70", "80", "80.01", "100")
    ]


# --- shares, by hand -------------------------------------------------------


def _result(rating: Rating | None, **sheet: object) -> Classification:
    fields = {
        "organization": "X",
        "kind": OrganizationKind.COOPERATIVE,
        "sector": Sector.TRANSPORT,
        "year": 2024,
    }
    fields.update(sheet)
    scheme = builtin_scheme("TT-01-2020")
    band = None if rating is None else scheme.band_of(rating)
    return Classification(
        sheet=ScoreSheet(**fields),  # type: ignore[arg-type]
        scheme=scheme,
        total=None if rating is None else band.minimum,
        band=band,
        exclusion=scheme.exclusions[0] if rating is None else None,
    )


def test_shares_by_hand():
    """Ten results: 3 good, 2 fair, 1 average, 2 weak, 2 not rated."""
    ratings = (
        [Rating.GOOD] * 3
        + [Rating.FAIR] * 2
        + [Rating.AVERAGE]
        + [Rating.WEAK] * 2
        + [None] * 2
    )
    results = [_result(r) for r in ratings]
    everyone = rating_shares(results, denominator=Denominator.ALL)
    rated = rating_shares(results, denominator=Denominator.RATED)

    assert (10, 8, 2) == (
        everyone.organizations,
        everyone.rated,
        everyone.not_rated,
    )
    assert Fraction(1, 2) == everyone.share_good_or_fair
    assert Fraction(5, 8) == rated.share_good_or_fair
    assert Fraction(1, 5) == everyone.share_weak
    assert Fraction(1, 5) == everyone.share_not_rated
    assert Fraction(0) == rated.share_not_rated
    assert Denominator.RATED == rated.denominator
    assert 3 == everyone.counts[Rating.GOOD]


def test_shares_grouped_and_sorted():
    """Groups come sorted; sheets without a province come last."""
    hanoi = Province.get("01", era=None)
    results = [
        _result(Rating.GOOD, year=2024, province=hanoi),
        _result(None, year=2023),
        _result(Rating.WEAK, year=2024, sector=Sector.AGRICULTURE),
    ]
    by_year = rating_shares(
        results, by=GroupBy.YEAR, denominator=Denominator.ALL
    )
    by_province = rating_shares(
        results, by=GroupBy.PROVINCE, denominator=Denominator.ALL
    )
    by_sector = rating_shares(
        results, by=GroupBy.SECTOR, denominator=Denominator.ALL
    )
    by_kind = rating_shares(
        results, by=GroupBy.KIND, denominator=Denominator.ALL
    )
    rated_by_year = rating_shares(
        results, by=GroupBy.YEAR, denominator=Denominator.RATED
    )

    assert [2023, 2024] == list(by_year)
    assert Fraction(0) == by_year[2023].share_good_or_fair
    assert [hanoi, None] == list(by_province)
    assert [Sector.AGRICULTURE, Sector.TRANSPORT] == list(by_sector)
    assert [OrganizationKind.COOPERATIVE] == list(by_kind)
    empty = rated_by_year[2023]
    assert (None, None, None) == (
        empty.shares,
        empty.share_weak,
        empty.share_not_rated,
    )


def test_shares_need_an_explicit_denominator():
    """The denominator is a Denominator, never guessed."""
    with pytest.raises(ValidationError) as info:
        rating_shares([], denominator="all")  # type: ignore[arg-type]
    assert "denominator" == info.value.field
    with pytest.raises(ValidationError):
        rating_shares([], by="year", denominator=Denominator.ALL)  # type: ignore[call-overload]


def test_classification_must_be_consistent():
    """A rating without a band, or an exclusion with a rating, is refused."""
    good = _result(Rating.GOOD)
    with pytest.raises(ValidationError) as info:
        attrs.evolve(good, band=None)
    assert "exclusion" == info.value.field
    with pytest.raises(ValidationError):
        attrs.evolve(good, exclusion=good.scheme.exclusions[0])


# --- band edges, exact whatever the caller's decimal context -------------


EXACT = decimal.Context(prec=200)
#: Each built-in scheme with the maxima its top criteria are filled to.
FILLS = (
    ("TT-01-2020", (30, 30, 40)),
    ("TT-09-2017", (100, 0, 0, 0, 0, 0)),
    ("TT-42-2016", (10, 30, 30, 10, 20)),
)


def _sheet_with_total(code: str, maxima: tuple[int, ...], total: Decimal):
    """A sheet of *code* whose top criteria add up to *total*."""
    scheme = builtin_scheme(code)
    left = total
    points = {}
    for criterion, most in zip(scheme.criteria, maxima, strict=True):
        points[criterion.code] = min(left, Decimal(most))
        left = EXACT.subtract(left, points[criterion.code])
    kind = next(iter(sorted(scheme.kinds, key=lambda k: k.value)))
    sector = next(iter(scheme.sectors), Sector.TRANSPORT)
    if kind is OrganizationKind.PEOPLES_CREDIT_FUND:
        sector = Sector.CREDIT
    return ScoreSheet(
        organization="HTX-1",
        kind=kind,
        sector=sector,
        year=2024,
        scheme=code,
        points=points,
    )


@settings(max_examples=300)
@given(
    st.sampled_from(FILLS).flatmap(
        lambda fill: st.tuples(
            st.just(fill),
            st.sampled_from(builtin_scheme(fill[0]).bands),
        )
    ),
    st.integers(1, 30),
    st.sampled_from([-1, 0, 1]),
    st.integers(1, 6),
)
def test_band_edges_are_exact_in_any_context(pair, places, side, precision):
    """A total a fraction (up to 30 digits) off a band edge falls on its side.

    The caller's context keeps as few as one significant digit; the sheet
    is rated from its values and from a CSV row, and the total is exact.
    """
    (code, maxima), band = pair
    total = EXACT.add(band.minimum, Decimal(side).scaleb(-places))
    assume(Decimal(0) <= total <= Decimal(100))
    sheet = _sheet_with_total(code, maxima, total)
    expected = next(
        b.rating
        for b in builtin_scheme(code).bands
        if total > b.minimum or (b.inclusive and total == b.minimum)
    )

    with decimal.localcontext(prec=precision):
        result = classify(sheet)
        (read,) = classify_csv(_csv_of(sheet))

    assert (expected, total) == (result.band.rating, result.total)
    assert (expected, total) == (read.band.rating, read.total)


def _csv_of(sheet: ScoreSheet) -> str:
    """A CSV of one row: a sheet's kind, sector, year, scheme and points."""
    codes = list(sheet.points)
    head = ["organization", "kind", "sector", "year", "scheme"]
    cells = [
        sheet.organization,
        sheet.kind.value,
        sheet.sector.value,
        str(sheet.year),
        sheet.scheme or "",
        *(format(sheet.points[c], "f").replace(".", ",") for c in codes),
    ]
    quoted = ",".join('"' + cell + '"' for cell in cells)
    header = ",".join([*head, *(f"points.{code}" for code in codes)])
    return f"{header}\n{quoted}\n"


@pytest.mark.parametrize(
    ("points", "precision", "rating"),
    [
        (("30", "30", "19." + "9" * 30), 28, Rating.FAIR),
        (("30", "29.99", "20"), 3, Rating.FAIR),
        (("30", "29.99", "20.01"), 3, Rating.GOOD),
    ],
)
def test_the_band_edges_the_issue_names(points, precision, rating):
    """30 + 30 + 19.99…9 (30 nines) is fair, as is 30 + 29.99 + 20 at prec 3.

    Added up in the caller's context, both come to 80: kttt adds exactly.
    """
    values = [Decimal(value) for value in points]
    sheet = ScoreSheet(
        organization="HTX-1",
        kind=OrganizationKind.COOPERATIVE,
        sector=Sector.TRANSPORT,
        year=2024,
        points=dict(zip(("I", "II", "III"), values, strict=True)),
    )
    with decimal.localcontext(prec=precision):
        result = classify(sheet)

    assert rating == result.rating
    assert EXACT.add(EXACT.add(*values[:2]), values[2]) == result.total
