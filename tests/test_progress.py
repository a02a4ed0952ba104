"""
Tests of kttt.progress: the methods pinned to hand-computed numbers, the
invariants every method keeps, and bad input.
"""

from __future__ import annotations

import math

from fractions import Fraction

import pendulum
import pytest

from hypothesis import given
from hypothesis import strategies as st

from helpers import (
    COUNT,
    PROFIT,
    REVENUE,
    SHARE,
    SOURCE,
    WEAK,
    kinds,
    level,
    series,
)
from kttt.errors import (
    IncompatibleSeriesError,
    NotFoundError,
    ValidationError,
)
from kttt.progress import (
    METHOD_NAMES,
    CompoundGrowth,
    DiagnosticKind,
    LinearTrend,
    MethodLabel,
    Progress,
    ProgressStatus,
    TimeWeightedGeometric,
    WeightedLogit,
    assess,
)
from kttt.series import Observation, Series
from kttt.targets import Comparator, Target


S = ProgressStatus
Date = pendulum.Date
#: The note of a method that compares annual changes.
LINEAR = (
    "compound growth is undefined with a zero or a change of sign; annual"
    " changes compared instead"
)


def notes(progress: Progress) -> list[tuple[DiagnosticKind, str]]:
    """Return each diagnostic of *progress* as (kind, detail)."""
    return [(d.kind, d.detail) for d in progress.diagnostics]


# --- StatCan (default) -------------------------------------------------------

STEADY = {2015: 100, 2016: 105, 2017: 110, 2018: 115, 2019: 120, 2020: 125}


def test_statcan_pinned_ratio_and_score():
    """R = (1.25^(1/5) − 1) / (2^(1/15) − 1) = 0.96502; score 2.6073."""
    progress = assess(level(Comparator.AT_LEAST, 200), series(STEADY))

    assert S.ON_TRACK == progress.status
    assert MethodLabel.STATCAN_SUBSTANTIAL == progress.method_label
    assert 2015 == progress.base_year
    assert math.isclose(0.0456395, progress.observed_growth, rel_tol=1e-5)
    assert math.isclose(
        0.0472941, progress.required_growth_from_base, rel_tol=1e-5
    )
    assert math.isclose(0.965015, progress.ratio, rel_tol=1e-5)
    assert math.isclose(2.607252, progress.score, rel_tol=1e-5)
    assert 5 == progress.observed_change
    assert 0.25 == progress.distance_covered
    assert 1 / 3 == progress.time_elapsed
    assert 15 == progress.years_to_target


def test_base_past_target_that_falls_back_is_regressing():
    """Base 120 past 100, fallen to 90: the naive ratio's +4.63 is refused."""
    target = level(Comparator.AT_LEAST, 100)
    data = series({2015: 120, 2020: 90})
    naive = (0.75 ** (1 / 5) - 1) / ((100 / 120) ** (1 / 15) - 1)

    for method in ("statcan", "eurostat", "unsd2022", "projection"):
        progress = assess(target, data, method=method)

        assert S.REGRESSING == progress.status, method
        assert DiagnosticKind.BASE_PAST_TARGET in kinds(progress)
    statcan = assess(target, data)

    assert naive > 4
    assert math.isclose(-naive, statcan.ratio, rel_tol=1e-9)
    assert -5 == statcan.score


@pytest.mark.parametrize(
    ("values", "plain", "ratio"),
    [
        # Compound: (0.75^(1/5) − 1) / ((100/120)^(1/15) − 1) = 4.628.
        ({2015: 120, 2020: 90}, "4.628", -4.628057685067176),
        # 20 to −10: annual changes, −30 / 5 against 20 / 15 a year.
        ({2015: 20, 2020: -10}, "undefined", -4.5),
    ],
)
def test_base_past_target_names_the_plain_ratio(values, plain, ratio):
    """The note gives the ratio the direction-signed one replaces."""
    goal = 100 if values[2015] > 100 else 0
    progress = assess(
        level(Comparator.AT_LEAST, goal, indicator=PROFIT),
        series(values, PROFIT),
    )
    base = values[2015]
    detail = (
        f"the base value {base} (2015) was already past the target; the"
        f" plain ratio would be {plain}, the direction-signed ratio is used"
    )

    assert S.REGRESSING == progress.status
    assert ratio == pytest.approx(progress.ratio, rel=1e-12)
    assert (DiagnosticKind.BASE_PAST_TARGET, detail) == notes(progress)[-1]


@pytest.mark.parametrize("epsilon", [None, 1.0])
def test_zero_goal_from_a_negative_base_uses_annual_changes(epsilon):
    """−100 to −50 toward 0: 10 a year against 100 / 15, R = 1.5."""
    progress = assess(
        level(Comparator.AT_LEAST, 0, indicator=PROFIT),
        series({2015: -100, 2020: -50}, PROFIT),
        epsilon=epsilon,
    )
    replaced = [(DiagnosticKind.ZERO_REPLACED, "target 0 replaced by 1.0")]

    assert (S.ON_TRACK, None) == (progress.status, progress.observed_growth)
    assert 1.5 == pytest.approx(progress.ratio, rel=1e-12)
    assert [
        *(replaced if epsilon else []),
        (DiagnosticKind.LINEAR_RATES, LINEAR),
    ] == notes(progress)


def test_a_zero_base_replaced_by_epsilon_is_noted():
    """0 in 2015 becomes 0.5, and the note says which value it was."""
    progress = assess(
        level(Comparator.AT_LEAST, 100),
        series({2015: 0, 2020: 50}),
        epsilon=0.5,
    )

    assert S.ON_TRACK == progress.status
    assert [
        (DiagnosticKind.ZERO_REPLACED, "base value 0 replaced by 0.5")
    ] == notes(progress)


def test_projection_base_past_target_pinned():
    """x̂ = 90 · 0.75² = 50.625; P = (50.625 − 120) / 20 = −3.47 (not +3.47)."""
    progress = assess(
        level(Comparator.AT_LEAST, 100),
        series({2015: 120, 2020: 90}),
        method="projection",
    )

    assert math.isclose(50.625, progress.projected_value)
    assert math.isclose(-3.46875, progress.ratio)
    assert MethodLabel.PROJECTION_REGRESSION == progress.method_label


def test_destatis_falling_back_is_a_thunderstorm():
    """Six points falling from 120 to 90: a thunderstorm."""
    data = series(
        {2015: 120, 2016: 115, 2017: 110, 2018: 100, 2019: 95, 2020: 90}
    )
    progress = assess(level(Comparator.AT_LEAST, 100), data, method="destatis")

    assert S.REGRESSING == progress.status
    assert MethodLabel.DESTATIS_THUNDERSTORM == progress.method_label
    assert -6 == progress.observed_change
    assert 30 == progress.projected_value


# --- a zero target -----------------------------------------------------------

WEAK_DATA = {2020: 10, 2021: 9.2, 2022: 8.4, 2023: 7.6, 2024: 6.8, 2025: 6}


def none_left() -> Target:
    return level(Comparator.NONE_LEFT, None, indicator=WEAK)


def test_zero_target_uses_linear_rates_without_epsilon():
    """Change −0.8/yr against −1/yr needed: R = 0.8 exactly, score 10/7."""
    progress = assess(none_left(), series(WEAK_DATA, WEAK), base_year=2020)

    assert S.NEEDS_ACCELERATION == progress.status
    assert 0.8 == progress.ratio
    assert math.isclose(10 / 7, progress.score)
    assert progress.required_growth_from_base is None
    assert DiagnosticKind.LINEAR_RATES in kinds(progress)


def test_zero_target_with_epsilon_as_statcan_does():
    """0 → 0.001: R = (1 − 0.6^(1/5)) / (1 − 10^(−0.4)) = 0.1617, limited."""
    progress = assess(
        none_left(), series(WEAK_DATA, WEAK), base_year=2020, epsilon=0.001
    )
    expected = (1 - 0.6 ** (1 / 5)) / (1 - 10 ** (-0.4))

    assert S.LIMITED == progress.status
    assert math.isclose(expected, progress.ratio, rel_tol=1e-6)
    assert DiagnosticKind.ZERO_REPLACED in kinds(progress)


def test_zero_target_projection_pinned():
    """x̂ = 6 · 0.6 = 3.6; P = (10 − 3.6) / 10 = 0.64, moderate."""
    progress = assess(
        none_left(),
        series({2020: 10, 2025: 6}, WEAK),
        method="projection",
        base_year=2020,
    )

    assert math.isclose(3.6, progress.projected_value)
    assert math.isclose(0.64, progress.ratio)
    assert MethodLabel.PROJECTION_MODERATE == progress.method_label


def test_zero_target_destatis_pinned():
    """Δ̄ = −0.8; x̂ = 2; m = 2 / 6 = 1/3: cloud."""
    progress = assess(none_left(), series(WEAK_DATA, WEAK), method="destatis")

    assert MethodLabel.DESTATIS_CLOUD == progress.method_label
    assert S.LIMITED == progress.status
    assert math.isclose(2, progress.projected_value)
    assert math.isclose(1 / 3, progress.shortfall)


# --- thresholds at their edges -----------------------------------------------


def test_ratio_exactly_095_statcan_on_track_unsd_not():
    """From 0 to 47.5 of 100: R = 0.95; StatCan ≥ 0.95, UNSD 2022 > 0.95."""
    target = level(Comparator.AT_LEAST, 100)
    data = series({2020: 0, 2025: 47.5})

    statcan = assess(target, data)
    unsd = assess(target, data, method="unsd2022")

    assert S.ON_TRACK == statcan.status
    assert S.NEEDS_ACCELERATION == unsd.status
    assert MethodLabel.UNSD2022_FAIR == unsd.method_label


@pytest.mark.parametrize(
    ("start", "label"),
    [
        (60.5, MethodLabel.DESTATIS_SUN),
        (61, MethodLabel.DESTATIS_SUN_CLOUD),
        (64, MethodLabel.DESTATIS_SUN_CLOUD),
        (65, MethodLabel.DESTATIS_CLOUD),
    ],
)
def test_destatis_band_edges(start, label):
    """From *start* to 80 toward 100: m = (start − 60) / 20; 5 % and 20 %."""
    step = (80 - start) / 5
    values = {2020 + i: start + i * step for i in range(5)}
    data = series({**values, 2025: 80})
    progress = assess(level(Comparator.AT_LEAST, 100), data, method="destatis")

    assert label == progress.method_label
    assert float(Fraction(start - 60) / 20) == progress.shortfall


def test_eurostat_window_is_last_five_years():
    """Eurostat starts at latest − 5; StatCan at 2015."""
    data = series(
        {year: 100 + 5 * (year - 2013) for year in range(2013, 2026)}
    )
    target = level(Comparator.AT_LEAST, 300)

    assert 2020 == assess(target, data, method="eurostat").base_year
    assert 2015 == assess(target, data).base_year


def test_eurostat_needs_three_years():
    """Only 2024 and 2025 in the window: not assessed."""
    data = series({2010: 50, 2024: 90, 2025: 95})
    progress = assess(level(Comparator.AT_LEAST, 300), data, method="eurostat")

    assert MethodLabel.EUROSTAT_NOT_ASSESSED == progress.method_label


def test_statcan_shifts_a_missing_base_year():
    """No 2015 value: the next year with data is the base, with a note."""
    progress = assess(
        level(Comparator.AT_LEAST, 300), series({2017: 100, 2020: 120})
    )

    assert 2017 == progress.base_year
    assert DiagnosticKind.BASE_SHIFTED in kinds(progress)


def test_unsd_takes_the_nearest_base_year():
    """2014 and 2017 around 2015: 2014 is nearer."""
    data = series({2014: 100, 2017: 110, 2020: 120})
    progress = assess(level(Comparator.AT_LEAST, 300), data, method="unsd2022")

    assert 2014 == progress.base_year


def test_base_at_the_goal_moving_away_is_noted_whole():
    """More than 100 from 100: no growth required, judged on direction."""
    progress = assess(
        level(Comparator.MORE_THAN, 100), series({2015: 100, 2022: 95})
    )

    assert (S.REGRESSING, MethodLabel.STATCAN_DETERIORATION, None) == (
        progress.status,
        progress.method_label,
        progress.ratio,
    )
    assert [
        (
            DiagnosticKind.BASE_AT_TARGET,
            "no growth was required; judged on the direction only",
        )
    ] == notes(progress)


@pytest.mark.parametrize("method", ["statcan", "eurostat", "unsd2022"])
def test_negative_base_to_a_small_positive_value_uses_linear_rates(method):
    """From −10 to 0.5 (at most −20): signs differ, annual changes rule."""
    progress = assess(
        level(Comparator.AT_MOST, -20, indicator=PROFIT),
        series({2015: -10, 2016: -12, 2018: -11, 2020: 0.5}, PROFIT),
        method=method,
    )

    # −(0.5 + 10) / 5 a year against |−20 + 10| / 15: R = −2.1 / (2 / 3).
    assert (S.REGRESSING, 2015, None) == (
        progress.status,
        progress.base_year,
        progress.observed_growth,
    )
    assert -3.15 == pytest.approx(progress.ratio)
    assert [(DiagnosticKind.LINEAR_RATES, LINEAR)] == notes(progress)


# --- target forms ------------------------------------------------------------


def test_about_target_is_judged_on_its_band():
    """About 45,000 ± 5 %: 43,000 is met, the goal is 42,750."""
    target = level(Comparator.ABOUT, 45_000, tolerance=0.05)

    met = assess(target, series({2020: 26_040, 2025: 43_000}))
    short = assess(target, series({2020: 26_040, 2025: 35_041}))

    assert S.ACHIEVED == met.status
    assert 42_750 == short.goal


def test_growth_rate_target_compares_rates():
    """6 %/yr observed against 7 %/yr required: R = 0.06 / 0.07."""
    target = Target.growth_rate(
        indicator=REVENUE, rate=7, base_year=2020, horizon=2025, source=SOURCE
    )
    data = series({2020: 100, 2023: 100 * 1.06**3}, REVENUE)
    progress = assess(target, data)

    assert S.NEEDS_ACCELERATION == progress.status
    assert math.isclose(6 / 7, progress.ratio, rel_tol=1e-9)
    assert math.isclose(0.07, progress.required_growth_from_base, rel_tol=1e-9)


def test_growth_rate_target_met_by_the_observed_rate():
    """8 %/yr observed against 7 %/yr: achieved."""
    target = Target.growth_rate(
        indicator=REVENUE, rate=7, base_year=2020, horizon=2025, source=SOURCE
    )
    data = series({2020: 100, 2022: 100 * 1.08**2}, REVENUE)

    assert S.ACHIEVED == assess(target, data).status


#: An increment of 10 from 2020, by 2025, on a count and on a share.
MORE_BY_2025 = Target.increment(
    indicator=COUNT, increment=10, base_year=2020, horizon=2025, source=SOURCE
)
SHARE_BY_2025 = Target.increment(
    indicator=SHARE, increment=10, base_year=2020, horizon=2025, source=SOURCE
)
CANNOT = " cannot stand for it: test.share cannot be above 100"


@pytest.mark.parametrize(
    ("values", "base_year"),
    [
        ({2018: 10, 2022: 13, 2023: 14}, 2022),
        ({2017: 10, 2019: 12, 2022: 13, 2023: 14}, 2019),
        ({2019: 15, 2023: 14, 2026: 40}, 2019),
        ({2021: 10, 2023: 14}, 2021),
    ],
)
def test_a_missing_base_year_takes_the_nearest_earlier_one(values, base_year):
    """Nearest before the target year; the later of two as near."""
    progress = assess(MORE_BY_2025, series(values))

    assert (base_year, values[base_year] + 10) == (
        progress.target.base_year,
        progress.goal,
    )
    assert (
        DiagnosticKind.BASE_SHIFTED,
        f"no data for the target's base year 2020; {base_year} used instead",
    ) in notes(progress)


@pytest.mark.parametrize(
    ("target", "values", "why"),
    [
        (MORE_BY_2025, {2025: 30}, "no year before it was observed"),
        (SHARE_BY_2025, {2019: 95, 2023: 96}, f"2019{CANNOT}"),
        (SHARE_BY_2025, {2019: 80, 2021: 95, 2023: 96}, f"2021{CANNOT}"),
    ],
)
def test_a_base_year_nothing_can_stand_for(target, values, why):
    """No earlier year, or one that breaks the target: insufficient data."""
    progress = assess(target, series(values, target.indicator))

    assert (S.INSUFFICIENT_DATA, None) == (progress.status, progress.goal)
    assert [
        (DiagnosticKind.BASE_UNOBSERVED, f"2020 has no observation and {why}")
    ] == notes(progress)


def test_increment_target_uses_the_base_year():
    """+380 over 1,000 in 2020: the goal is 1,380."""
    target = Target.increment(
        indicator=COUNT,
        increment=380,
        base_year=2020,
        horizon=2025,
        source=SOURCE,
    )
    progress = assess(target, series({2020: 1_000, 2023: 1_300}))

    assert 1_380 == progress.goal
    assert 2020 == progress.base_year


def test_all_target_projects_with_logit():
    """All (100 %) from 20 % and 50 %: the logit projection stays below 100."""
    target = level(Comparator.ALL, None, indicator=SHARE)
    progress = assess(
        target,
        series({2020: 20, 2025: 50}, SHARE),
        method="projection",
        projector=WeightedLogit(),
    )

    assert math.isclose(80, progress.projected_value)
    assert "escap_logit" == progress.projector


def test_logit_falls_back_loudly_at_the_bound():
    """A share of 0 cannot take a logit: linear projection, with a note."""
    progress = assess(
        level(Comparator.AT_LEAST, 50, indicator=SHARE),
        series({2020: 0, 2025: 20}, SHARE),
        method="projection",
        projector=WeightedLogit(),
    )

    assert "linear" == progress.projector
    assert DiagnosticKind.LINEAR_RATES in kinds(progress)


def test_fallback_projects_the_values_as_observed():
    """Compound growth refuses −5; the line goes through 0, not epsilon."""
    progress = assess(
        level(Comparator.AT_LEAST, 100, indicator=PROFIT),
        series({2015: 0, 2018: 10, 2020: -5}, PROFIT),
        method="projection",
        epsilon=1.0,
    )

    assert ("linear", -15.0, S.REGRESSING) == (
        progress.projector,
        pytest.approx(progress.projected_value),
        progress.status,
    )
    assert [
        (
            DiagnosticKind.ZERO_REPLACED,
            "values at a bound moved by epsilon 1.0",
        ),
        (
            DiagnosticKind.LINEAR_RATES,
            (
                "the compound projector cannot take this series (the"
                " compound projector needs values above zero); linear"
                " projection used"
            ),
        ),
    ] == notes(progress)


def test_projection_notes_values_moved_by_epsilon():
    """A share of 0 is moved by the epsilon, and the note says by how much."""
    progress = assess(
        level(Comparator.AT_LEAST, 80, indicator=SHARE),
        series({2020: 0, 2022: 10, 2025: 30}, SHARE),
        method="projection",
        epsilon=0.5,
    )

    assert (
        DiagnosticKind.ZERO_REPLACED,
        "values at a bound moved by epsilon 0.5",
    ) in notes(progress)
    assert (
        DiagnosticKind.ZERO_REPLACED,
        "values at a bound moved by epsilon 0.5",
    ) not in notes(
        assess(
            level(Comparator.AT_LEAST, 80, indicator=SHARE),
            series({2020: 5, 2022: 10, 2025: 30}, SHARE),
            method="projection",
            epsilon=0.5,
        )
    )


def test_logit_with_epsilon_moves_the_bound():
    """With epsilon, the 0 becomes 0.1 and the logit is used."""
    progress = assess(
        level(Comparator.AT_LEAST, 50, indicator=SHARE),
        series({2020: 0, 2025: 20}, SHARE),
        method="projection",
        projector=WeightedLogit(),
        epsilon=0.1,
    )

    assert "escap_logit" == progress.projector
    assert DiagnosticKind.ZERO_REPLACED in kinds(progress)


def test_horizon_reached_gives_a_final_missed_verdict():
    """Data at the target year: 80 of 100 is missed by 20, for every method."""
    target = level(Comparator.AT_LEAST, 100, horizon=2025)
    data = series({2016: 30, 2020: 50, 2021: 60, 2022: 65, 2023: 70, 2025: 80})

    for method in METHOD_NAMES:
        progress = assess(target, data, method=method)

        assert S.MISSED == progress.status, method
        assert progress.method_label.value.endswith(".target_missed")
        assert 20 == progress.missed_by
        assert progress.is_final
        assert progress.required_growth_from_latest is None
        assert DiagnosticKind.HORIZON_REACHED in kinds(progress)
        assert "missed by 20.0" == progress.summary("en")


def test_as_of_ignores_later_observations():
    """As of mid-2024, the 2024 and 2025 values are unknown."""
    data = series({2020: 100, 2022: 120, 2024: 150, 2025: 200})
    target = level(Comparator.AT_LEAST, 190)

    progress = assess(target, data, as_of=pendulum.Date(2024, 6, 30))

    assert 2022 == progress.latest_year
    assert S.ACHIEVED == assess(target, data).status
    assert DiagnosticKind.LATER_DATA_IGNORED in kinds(progress)


def test_as_of_uses_publication_dates():
    """A preliminary 2025 figure published on 12/12/2025 counts on 31/12."""
    observations = [
        Observation(year=2020, value=100),
        Observation(year=2025, value=150, as_of=pendulum.Date(2025, 12, 12)),
    ]
    data = Series.of(COUNT, observations)
    target = level(Comparator.AT_LEAST, 140)

    assert (
        S.ACHIEVED
        == assess(target, data, as_of=pendulum.Date(2025, 12, 12)).status
    )


def test_later_data_ignored_names_the_years_not_yet_published():
    """As of 1/1/2023 the 2022 and 2023 figures were not yet published."""
    published = {2021: (2022, 6), 2022: (2023, 6), 2023: (2024, 6)}
    observations = [
        Observation(year=2020, value=100),
        *(
            Observation(
                year=year, value=90 + 10 * (year - 2019), as_of=Date(*when, 1)
            )
            for year, when in published.items()
        ),
    ]
    progress = assess(
        level(Comparator.AT_LEAST, 200),
        Series.of(COUNT, observations),
        as_of=Date(2023, 1, 1),
    )

    assert (2021, 110) == (progress.latest_year, progress.latest_value)
    assert [
        (DiagnosticKind.BASE_SHIFTED, "no data for 2015; base year 2020 used"),
        (
            DiagnosticKind.LATER_DATA_IGNORED,
            "not yet known on 2023-01-01: [2022, 2023]",
        ),
    ] == notes(progress)


def test_as_of_after_every_publication_ignores_nothing():
    """Everything published by the date: no note of data left out."""
    progress = assess(
        level(Comparator.AT_LEAST, 190),
        series({2015: 100, 2022: 120}),
        as_of=Date(2024, 6, 30),
    )

    assert (2022, []) == (progress.latest_year, notes(progress))


def test_summary_and_record():
    """The summary names the ratio; the record is flat and JSON-ready."""
    progress = assess(level(Comparator.AT_LEAST, 200), series(STEADY))
    record = progress.as_record()

    assert progress.summary("en").startswith("R = 0.97")
    assert progress.summary("vi").startswith("R = 0,97")
    assert "on_track" == record["status"]
    assert "increase" == record["direction"]
    assert "" == record["diagnostics"]


# --- bad input ---------------------------------------------------------------


def test_unknown_method():
    """An unknown method name is refused, naming the field."""
    with pytest.raises(NotFoundError, match="method"):
        assess(level(Comparator.AT_LEAST, 200), series(STEADY), method="x")


def test_as_of_before_any_data():
    """Nothing known by as_of is an error, not a status."""
    with pytest.raises(ValidationError, match="as_of"):
        assess(
            level(Comparator.AT_LEAST, 200),
            series(STEADY),
            as_of=pendulum.Date(2014, 1, 1),
        )


def test_empty_series():
    """An empty series is refused."""
    with pytest.raises(ValidationError, match="no observation"):
        assess(level(Comparator.AT_LEAST, 200), Series.of(COUNT, []))


def test_mismatched_indicator():
    """A series of another indicator is refused."""
    with pytest.raises(IncompatibleSeriesError, match="indicator"):
        assess(level(Comparator.AT_LEAST, 200), series({2020: 1}, SHARE))


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"projector": LinearTrend()}, "projector"),
        ({"epsilon": 0.0}, "epsilon"),
        ({"epsilon": math.nan}, "epsilon"),
        ({"method": "destatis", "base_year": 2015}, "base_year"),
        ({"base_year": 2031}, "base_year"),
    ],
)
def test_bad_options(options, field):
    """Options that do not fit are refused, naming the field."""
    with pytest.raises(ValidationError, match=field):
        assess(level(Comparator.AT_LEAST, 200), series(STEADY), **options)


# --- projectors --------------------------------------------------------------


def test_projector_examples():
    """Each projector on a small series computed by hand."""
    assert math.isclose(
        146.41, CompoundGrowth().project([2020, 2022], [100, 121], 2024)
    )
    assert 150 == LinearTrend().project([2020, 2022], [100, 120], 2025)
    assert math.isclose(
        133.1, TimeWeightedGeometric().project([2020, 2021], [100, 110], 2023)
    )
    assert math.isclose(
        80, WeightedLogit().project([2020, 2025], [20, 50], 2030)
    )


def test_time_weighted_geometric_weights_recent_growth():
    """Growth 10 %, then 20 %: the recent growth weighs more."""
    projected = TimeWeightedGeometric().project(
        [2020, 2021, 2022], [100, 110, 132], 2026
    )
    w2, w3 = 6 / 5, 6 / 4
    mean = (w2 * math.log(1.1) + w3 * math.log(1.2)) / (w2 + w3)

    assert math.isclose(132 * math.exp(4 * mean), projected)


@pytest.mark.parametrize(
    ("projector", "years", "values", "horizon", "field"),
    [
        (LinearTrend(), [2020], [1], 2030, "years"),
        (LinearTrend(), [2020, 2021], [1], 2030, "values"),
        (LinearTrend(), [2021, 2020], [1, 2], 2030, "years"),
        (LinearTrend(), [2020, 2021], [1, 2], 2021, "horizon"),
        (LinearTrend(), [2020, 2021], [1, math.inf], 2030, "values"),
        (CompoundGrowth(), [2020, 2021], [0, 2], 2030, "values"),
        (TimeWeightedGeometric(), [2020, 2021], [1, -2], 2030, "values"),
        (WeightedLogit(), [2020, 2021], [1, 100], 2030, "values"),
    ],
)
def test_projector_bad_input(projector, years, values, horizon, field):
    """Projectors refuse what they cannot extrapolate, naming the field."""
    with pytest.raises(ValidationError, match=field):
        projector.project(years, values, horizon)


def test_logit_scale_must_be_positive():
    """A logit scale of 0 is refused."""
    with pytest.raises(ValidationError, match="scale"):
        WeightedLogit(scale=0)


def test_logit_far_projection_does_not_overflow():
    """A steep fall projected far ahead stays at 0 without overflow."""
    projected = WeightedLogit().project([2020, 2021], [99.999, 0.001], 2100)

    assert 0 <= projected < 1e-100


def test_status_ranks():
    """Statuses are ordered from achieved to missed."""
    ranks = [s.rank for s in ProgressStatus]

    assert [5, 4, 3, 2, 1, 0, None] == ranks


# --- properties --------------------------------------------------------------

YEARS = st.integers(min_value=2010, max_value=2024)
COMPARATORS = st.sampled_from(
    [
        Comparator.AT_LEAST,
        Comparator.MORE_THAN,
        Comparator.AT_MOST,
        Comparator.LESS_THAN,
        Comparator.ABOUT,
    ]
)


@st.composite
def count_series(
    draw: st.DrawFn, *, min_size: int = 1, consecutive: bool = False
) -> dict[int, int]:
    start = draw(YEARS)
    size = draw(st.integers(min_value=min_size, max_value=8))
    if consecutive:
        years = list(range(start - size + 1, start + 1))
    else:
        years = sorted(
            draw(
                st.sets(
                    st.integers(min_value=2005, max_value=2024),
                    min_size=min_size,
                    max_size=8,
                )
            )
        )
    values = draw(
        st.lists(
            st.integers(min_value=0, max_value=100_000),
            min_size=len(years),
            max_size=len(years),
        )
    )
    return dict(zip(years, values, strict=True))


@st.composite
def count_targets(draw: st.DrawFn) -> Target:
    comparator = draw(COMPARATORS)
    # ±5 % of a count below 20 admits no other count: 'about' ≠ 'exactly'.
    about = comparator is Comparator.ABOUT
    value = draw(st.integers(min_value=20 if about else 1, max_value=100_000))
    more = {"tolerance": 0.05} if about else {}
    return level(comparator, value, **more)


METHODS = st.sampled_from(METHOD_NAMES)


@given(count_targets(), count_series(), METHODS)
def test_achieved_exactly_when_latest_satisfies(target, values, method):
    """ACHIEVED ⇔ the latest value satisfies the comparator."""
    data = series(values)
    progress = assess(target, data, method=method)

    assert target.is_met(data.latest().value) == (
        S.ACHIEVED == progress.status
    )


@given(
    count_targets(),
    count_series(min_size=2),
    st.integers(min_value=2, max_value=50),
    METHODS,
)
def test_scaling_a_count_changes_no_status(target, values, factor, method):
    """Multiplying series and target by the same factor keeps the status."""
    scaled_target = level(
        target.comparator,
        (target.value or 0) * factor,
        tolerance=target.tolerance,
    )
    scaled = {year: value * factor for year, value in values.items()}

    assert (
        assess(target, series(values), method=method).status
        == assess(scaled_target, series(scaled), method=method).status
    )


@given(
    st.sampled_from([Comparator.AT_LEAST, Comparator.AT_MOST]),
    st.integers(min_value=1, max_value=100_000),
    count_series(min_size=2, consecutive=True),
    st.integers(min_value=1, max_value=100_000),
    METHODS,
)
def test_raising_latest_never_worsens(
    comparator, value, values, raise_by, method
):
    """Raising the latest value never worsens an at-least status (mirror)."""
    latest = max(values)
    raised = {**values, latest: values[latest] + raise_by}
    target = level(comparator, value)

    before = assess(target, series(values), method=method).status
    after = assess(target, series(raised), method=method).status
    if comparator is Comparator.AT_MOST:
        before, after = after, before

    assert before.rank is None or after.rank >= before.rank


@given(count_targets(), st.integers(min_value=0, max_value=100_000), YEARS)
def test_methods_agree_on_achieved_and_insufficient(target, value, year):
    """One point: every method says achieved, or insufficient data."""
    data = series({year: value})
    statuses = {assess(target, data, method=m).status for m in METHOD_NAMES}
    expected = S.ACHIEVED if target.is_met(value) else S.INSUFFICIENT_DATA

    assert {expected} == statuses


@given(count_targets(), count_series(min_size=2), METHODS)
def test_methods_agree_on_achieved(target, values, method):
    """Every method reports ACHIEVED exactly when StatCan does."""
    data = series(values)

    assert (S.ACHIEVED == assess(target, data).status) == (
        S.ACHIEVED == assess(target, data, method=method).status
    )


@given(
    st.integers(min_value=1, max_value=1000),
    st.fractions(min_value=Fraction(1, 2), max_value=2, max_denominator=20),
    st.integers(min_value=2, max_value=8),
    st.integers(min_value=1, max_value=20),
)
def test_compound_growth_projects_geometric_series(first, ratio, size, ahead):
    """x_k = a·r^k is projected to a·r^(n+h) by CompoundGrowth."""
    years = list(range(2000, 2000 + size))
    values = [first * float(ratio) ** k for k in range(size)]
    horizon = years[-1] + ahead

    projected = CompoundGrowth().project(years, values, horizon)

    expected = first * float(ratio) ** (size - 1 + ahead)
    assert math.isclose(expected, projected, rel_tol=1e-9)


@given(
    st.lists(
        st.floats(min_value=0.01, max_value=99.99), min_size=2, max_size=8
    ),
    st.integers(min_value=1, max_value=60),
)
def test_logit_projection_stays_in_bounds(shares, ahead):
    """Shares projected by the logit projector stay within 0–100."""
    years = list(range(2010, 2010 + len(shares)))

    projected = WeightedLogit().project(years, shares, years[-1] + ahead)

    assert 0 <= projected <= 100
