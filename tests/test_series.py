"""Tests for kttt.series: observations, series and target compatibility."""

from __future__ import annotations

import math

import attrs
import pendulum
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from kttt import serialization
from kttt import strategies as kst
from kttt.errors import (
    IncompatibleSeriesError,
    KtttError,
    NotFoundError,
    ValidationError,
)
from kttt.geography import Province
from kttt.series import (
    Observation,
    Series,
    check_compatible,
    fill_base,
    national_series,
)
from kttt.sources import Source
from kttt.targets import Comparator, Indicator, Target, TargetSet


COUNT = Indicator.get("cooperatives.count")
SHARE = Indicator.get("cooperatives.good_fair_share")
SOURCE = Source(document="768/BC-BTC")


def test_observation_fields():
    """An observation keeps its year, value, source and publication date."""
    observation = Observation(
        year=2025,
        value=35_041,
        source=SOURCE,
        as_of=pendulum.Date(2025, 12, 12),
    )

    assert (2025, 35_041, "768/BC-BTC") == (
        observation.year,
        observation.value,
        observation.source.document,
    )
    assert isinstance(observation.as_of, pendulum.Date)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"year": 1800, "value": 1.0}, "year"),
        ({"year": 2020.0, "value": 1.0}, "year"),
        ({"year": True, "value": 1.0}, "year"),
        ({"year": 2020, "value": math.nan}, "value"),
        ({"year": 2020, "value": math.inf}, "value"),
        ({"year": 2020, "value": "1"}, "value"),
        ({"year": 2020, "value": True}, "value"),
        (
            {"year": 2020, "value": 1.0, "as_of": pendulum.Date(2019, 12, 31)},
            "as_of",
        ),
    ],
)
def test_observation_rejects_bad_fields(kwargs, field):
    """Bad observations raise a ValidationError naming the field."""
    with pytest.raises(ValidationError) as info:
        Observation(**kwargs)

    assert field == info.value.field


def test_series_of_sorts_by_year():
    """Series.of sorts observations; helpers read them back."""
    series = Series.from_values(
        COUNT, {2024: 33_335, 2020: 26_040, 2022: 29_378}, source=SOURCE
    )

    assert (2020, 2022, 2024) == series.years
    assert (26_040, 29_378, 33_335) == series.values
    assert 33_335 == series.latest().value
    assert 29_378 == series.at(2022).value
    assert (2020, 2022) == series.until(2023).years
    assert 3 == len(series) == len(list(series))
    assert 2022 in series
    assert 2021 not in series
    assert all(o.source == SOURCE for o in series)


def test_series_rejects_unsorted_and_duplicates():
    """Unsorted or repeated years raise, naming the observation."""
    first, second = (
        Observation(year=2021, value=1),
        Observation(year=2020, value=2),
    )
    with pytest.raises(ValidationError) as info:
        Series(indicator=COUNT, observations=(first, second))

    assert "observations[1].year" == info.value.field
    assert "Series.of" in info.value.rule
    with pytest.raises(ValidationError) as info:
        Series.of(COUNT, [first, attrs.evolve(first, value=3)])

    assert "one observation per year" == info.value.rule


def test_series_rejects_values_outside_bounds():
    """A share of 140 % or a negative count cannot be observed."""
    with pytest.raises(ValidationError) as info:
        Series.from_values(SHARE, {2024: 140})

    assert "observations[0].value" == info.value.field
    with pytest.raises(ValidationError):
        Series.from_values(COUNT, {2024: -1})


def test_series_rejects_blank_label():
    """A series label is non-blank text (NFC)."""
    with pytest.raises(ValidationError):
        Series.of(COUNT, [], label="  ")

    assert (
        "Bộ Tài chính"
        == Series.of(COUNT, [], label="Bo\u0302\u0323 Tài chính").label
    )


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Series.of(COUNT, [], label=5), "label"),
        (lambda: Series.of(COUNT, [], primary=1), "primary"),
        (lambda: Series.of("cooperatives.count", []), "indicator"),
        (lambda: Series(indicator=COUNT, observations=[]), "observations"),
        (lambda: Series.of(COUNT, [], scope="58"), "scope"),
        (lambda: Observation(year=2020, value=1, source="x"), "source"),
        (
            lambda: Observation(year=2020, value=1, as_of="2020-12-31"),
            "as_of",
        ),
        (lambda: Observation(year=2020, value=10**400), "value"),
        (lambda: Series(indicator="x", observations=()), "indicator"),
        (lambda: Series.of(COUNT, None), "observations"),
        (lambda: Series.of(COUNT, "2020"), "observations"),
        (lambda: Series.of(COUNT, [2020]), "observations[0]"),
        (lambda: Series.from_values(COUNT, None), "values"),
        (lambda: Series.from_values(COUNT, {2020: "1"}), "value"),
        (lambda: Series.of(COUNT, []).until("2020"), "year"),
        (lambda: check_compatible(None, Series.of(COUNT, [])), "target"),
        (lambda: fill_base(target(), "series"), "series"),
    ],
)
def test_wrong_types_raise_validation_errors(build, field):
    """Wrong types are refused by name, never a TypeError or AttributeError."""
    with pytest.raises(ValidationError) as info:
        build()

    assert field == info.value.field


@pytest.mark.parametrize("tiny", [1e-300, 5e-324, math.ulp(0.0)])
def test_a_series_of_tiny_values_is_kept_exactly(tiny):
    """A series starting at a subnormal value is built, its values exact."""
    series = Series.from_values(SHARE, {2020: tiny, 2021: 2 * tiny})
    growth = Target.growth_rate(
        indicator=COUNT,
        rate=50.0,
        base_year=2020,
        horizon=2030,
        source=SOURCE,
    )
    based = fill_base(growth, Series.from_values(COUNT, {2020: tiny}))

    assert (tiny, 2 * tiny) == series.values
    assert 0 < based.horizon_level() < 1


def test_national_series_of_a_code_that_is_not_text_is_not_found():
    """A national series looked up by a list is not found (no TypeError)."""
    with pytest.raises(NotFoundError) as info:
        national_series(["cooperatives.count"])

    assert "indicator" == info.value.field


def test_empty_series():
    """An empty series has no latest value and no years."""
    series = Series.of(COUNT, [])

    assert () == series.years
    with pytest.raises(NotFoundError):
        series.latest()
    with pytest.raises(NotFoundError) as info:
        series.at(2020)

    assert "year" == info.value.field


# --- compatibility with targets ----------------------------------------------


def target(indicator: Indicator = COUNT, **kw) -> Target:
    return Target(
        indicator=indicator,
        comparator=Comparator.AT_LEAST,
        value=40_000,
        horizon=2030,
        source=SOURCE,
        **kw,
    )


def test_check_compatible_accepts_same_indicator_and_scope():
    """A series of the target's indicator and scope passes."""
    check_compatible(target(), Series.of(COUNT, []))


def test_check_compatible_rejects_other_indicator():
    """A series of another indicator is refused."""
    with pytest.raises(IncompatibleSeriesError) as info:
        check_compatible(target(), Series.of(SHARE, []))

    assert "series.indicator" == info.value.field


def test_check_compatible_rejects_mixed_units():
    """The same code in another unit is refused as mixed units."""
    persons = attrs.evolve(COUNT, unit=COUNT.unit.PERSONS)

    with pytest.raises(IncompatibleSeriesError) as info:
        check_compatible(target(), Series.of(persons, []))

    assert "series.indicator.unit" == info.value.field


def test_check_compatible_rejects_other_scope():
    """A provincial series does not measure a national target."""
    hue = Province.get("Huế")
    with pytest.raises(IncompatibleSeriesError) as info:
        check_compatible(target(), Series.of(COUNT, [], scope=hue))

    assert "series.scope" == info.value.field
    assert "the whole country" in info.value.rule
    with pytest.raises(IncompatibleSeriesError) as info:
        check_compatible(target(scope=hue), Series.of(COUNT, []))

    assert "Huế" in info.value.rule


def test_fill_base_reads_the_base_year():
    """An increment target takes its base from the series."""
    increment = Target.increment(
        indicator=COUNT,
        increment=380,
        base_year=2020,
        horizon=2025,
        source=SOURCE,
    )
    series = Series.from_values(COUNT, {2020: 26_040, 2024: 33_335})

    filled = fill_base(increment, series)

    assert 26_040 == filled.base_value
    assert 26_420.0 == filled.level()
    assert filled is fill_base(filled, series)
    plain = target()
    assert plain is fill_base(plain, series)
    with pytest.raises(NotFoundError):
        fill_base(attrs.evolve(increment, base_year=2019), series)


# --- properties --------------------------------------------------------------


@given(kst.series())
def test_series_is_sorted_and_bounded(series):
    """Every drawn series is strictly increasing and within bounds."""
    assert list(series.years) == sorted(set(series.years))
    for value in series.values:
        series.indicator.check(value)


@given(kst.series(min_size=1), st.integers(1990, 2040))
def test_until_keeps_a_prefix(series, year):
    """until(year) keeps exactly the observations up to year."""
    cut = series.until(year)

    assert tuple(o for o in series if o.year <= year) == cut.observations


@given(kst.series(), st.randoms(use_true_random=False))
def test_of_is_order_independent(series, random):
    """Series.of gives the same series whatever the input order."""
    shuffled = list(series.observations)
    random.shuffle(shuffled)

    assert series == Series.of(
        series.indicator,
        shuffled,
        scope=series.scope,
        label=series.label,
        primary=series.primary,
    )


@given(kst.series())
def test_series_json_round_trip(series):
    """A series survives kttt.serialization's JSON, dates as pendulum."""
    back = serialization.from_json(serialization.to_json(series), Series)

    assert series == back
    for observation in back:
        assert (
            observation.as_of is None
            or type(observation.as_of) is pendulum.Date
        )


@given(st.lists(kst.observations(), max_size=5))
def test_observations_csv_round_trip(observations):
    """Observations survive kttt.serialization's CSV."""
    text = serialization.to_csv(observations)

    assert observations == list(serialization.from_csv(text, Observation))


@given(
    kst.series(indicator=SHARE, min_size=1, last_year=2050),
    st.sampled_from([math.nan, math.inf, -1.0, 101.0]),
)
def test_impossible_values_raise_kttt_errors(series, bad):
    """A share that is not finite or leaves 0–100 raises a KtttError."""
    year = series.latest().year + 1
    with pytest.raises(KtttError):
        Series.of(
            SHARE, [*series.observations, Observation(year=year, value=bad)]
        )


@given(kst.series(min_size=1), st.data())
def test_duplicate_years_raise_kttt_errors(series, data):
    """Observing a year twice raises a KtttError."""
    again = data.draw(st.sampled_from(series.observations))

    with pytest.raises(KtttError):
        Series.of(series.indicator, [*series.observations, again])


@pytest.mark.parametrize(
    "cls", [Indicator, Comparator, Target, TargetSet, Observation, Series]
)
@settings(max_examples=10)
@given(data=st.data())
def test_types_have_strategies(cls, data):
    """st.from_type draws valid values of every targets and series type."""
    assert cls in kst.TYPE_STRATEGIES
    assert isinstance(data.draw(st.from_type(cls)), cls)
