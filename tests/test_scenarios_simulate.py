"""
Tests of kttt.scenarios.simulate and compare: probabilities, bands, seeds,
independence of targets, the closed form for log-normal growth, and the
tables they print.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import textwrap

import pytest

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpers import (
    MEMBERS,
    REVENUE,
    SHARE,
    SOURCE,
    level,
    programme,
    series,
)
from kttt.errors import NotFoundError, ValidationError
from kttt.progress import ProgressStatus, assess
from kttt.scenarios import (
    QUANTILES,
    Assumption,
    Scenario,
    compare,
    project,
    simulate,
)
from kttt.series import Series, national_statistics
from kttt.targets import (
    Comparator,
    Direction,
    Indicator,
    Target,
    Unit,
    nq20_targets,
)


NQ20 = nq20_targets()
STATISTICS = national_statistics()


def scenario(**assumptions: Assumption) -> Scenario:
    return Scenario(
        name="test",
        assumptions={
            f"test.{code}": assumption
            for code, assumption in assumptions.items()
        },
    )


def one(target: Target, data: Series, assumption: Assumption, **options):
    """Simulate one target and return its row."""
    code = target.indicator.code.removeprefix("test.")
    result = simulate(
        programme(target),
        {target.indicator.code: data},
        scenario(**{code: assumption}),
        **options,
    )
    return result.rows[0]


def lognormal_chance(start, goal, rate, sd, years):
    """P(start·exp(n·ln(1+rate) + sd·√n·Z) ≥ goal), Z standard normal."""
    z = (years * math.log1p(rate) - math.log(goal / start)) / (
        sd * math.sqrt(years)
    )
    return 0.5 * (1 + math.erf(z / math.sqrt(2)))


# --- probabilities -----------------------------------------------------------


def test_lognormal_example_matches_the_closed_form():
    """1,000 to at least 1,300 in 5 years at 5 % ± 2 %: Φ(0.5286) = 70.1 %."""
    # z = (5 · ln 1.05 − ln 1.3) / (0.02 · √5) = (0.243951 − 0.262364)
    # / 0.044721 = −0.41173; Φ(−0.41173) = 0.3403.
    row = one(
        level(Comparator.AT_LEAST, 1_300),
        series({2024: 900, 2025: 1_000}),
        Assumption.normal(0.05, 0.02),
        draws=40_000,
        seed=7,
    )

    assert math.isclose(
        0.3403, lognormal_chance(1_000, 1_300, 0.05, 0.02, 5), abs_tol=1e-4
    )
    assert abs(row.probability - 0.3403) < 0.01
    assert [2026, 2027, 2028, 2029, 2030] == [b.year for b in row.bands]
    # The median path is 1,000 · 1.05ᵏ: 1,276.3 in 2030.
    assert math.isclose(1_276.28, row.median, rel_tol=0.005)


@settings(max_examples=25)
@given(
    st.integers(100, 10_000),
    st.floats(0.5, 2.0),
    st.floats(-0.1, 0.2),
    st.floats(0.01, 0.2),
    st.integers(1, 20),
    st.integers(0, 2**32),
)
def test_probability_equals_the_lognormal_closed_form(  # noqa: PLR0917
    start, ratio, rate, sd, years, seed
):
    """Within five standard errors of the exact chance, for 20,000 draws."""
    goal = round(start * ratio)
    assume(goal > start * 1.001 or goal < start * 0.999)
    target = level(Comparator.AT_LEAST, goal, horizon=2025 + years)
    exact = lognormal_chance(start, goal, rate, sd, years)

    row = one(
        target,
        series({2025: start}),
        Assumption.normal(rate, sd),
        draws=20_000,
        seed=seed,
    )

    assert abs(row.probability - exact) <= 5 * math.sqrt(
        max(exact * (1 - exact), 1e-4) / 20_000
    )


@given(
    st.sampled_from(
        [
            Assumption.normal(0.03, 0.05),
            Assumption.uniform(-0.05, 0.1),
            Assumption.triangular(-0.1, 0.02, 0.1),
            Assumption.resampled(),
        ]
    ),
    st.integers(0, 1_000_000),
    st.integers(0, 2**32),
)
def test_probabilities_lie_between_0_and_1(assumption, goal, seed):
    """Every kind of draw gives a share of draws, and ordered bands."""
    row = one(
        level(Comparator.AT_LEAST, goal),
        series({2020: 26_040, 2022: 29_378, 2025: 35_041}),
        assumption,
        draws=500,
        seed=seed,
    )

    assert 0 <= row.probability <= 1
    for band in row.bands:
        assert band.q05 <= band.q25 <= band.median <= band.q75 <= band.q95


@given(
    st.floats(-0.2, 0.2),
    st.floats(-0.2, 0.2),
    st.floats(0.0, 0.3),
    st.integers(0, 2**32),
)
def test_probability_rises_with_the_mean_rate(low, high, sd, seed):
    """For an at-least target a higher assumed rate never lowers the chance."""
    low, high = sorted((low, high))
    target = level(Comparator.AT_LEAST, 45_000)
    data = series({2025: 35_041})

    chances = [
        one(target, data, Assumption.normal(rate, sd), draws=500, seed=seed)
        for rate in (low, high)
    ]

    assert chances[0].probability <= chances[1].probability


@given(
    st.integers(1, 10**6),
    st.integers(1, 10**6),
    st.floats(-0.3, 0.3),
    st.integers(1, 20),
)
def test_zero_variance_gives_the_deterministic_verdict(
    start, goal, rate, years
):
    """sd = 0 gives probability 1 exactly when the projection achieves."""
    horizon = 2025 + years
    target = level(Comparator.AT_LEAST, goal, horizon=horizon)
    data = series({2025: start})
    path = project(data, Assumption.constant_rate(rate), until=horizon)
    assume(abs(path.latest().value - goal) > 1e-9 * goal)
    verdict = assess(target, path).status

    for assumption in (
        Assumption.normal(rate, 0.0),
        Assumption.uniform(rate, rate),
        Assumption.triangular(rate, rate, rate),
    ):
        row = one(target, data, assumption, draws=50)

        assert (row.probability == 1) == (verdict is ProgressStatus.ACHIEVED)
        assert row.probability in {0, 1}


def test_same_seed_same_result_other_seed_other_draws():
    """The seed alone decides the draws."""
    target = level(Comparator.AT_LEAST, 1_300)
    data = series({2025: 1_000})
    normal = Assumption.normal(0.05, 0.05)

    first = one(target, data, normal, draws=2_000, seed=11)
    again = one(target, data, normal, draws=2_000, seed=11)
    other = one(target, data, normal, draws=2_000, seed=12)

    assert first == again
    assert first.bands != other.bands


@given(st.integers(0, 2**32), st.booleans())
def test_a_target_does_not_depend_on_the_others(seed, reverse):
    """Other targets, their order and a later target year change nothing."""
    count = level(Comparator.AT_LEAST, 1_500)
    members = level(Comparator.AT_LEAST, 9_000, indicator=MEMBERS)
    later = level(Comparator.AT_LEAST, 2_000, horizon=2045)
    data = {
        "test.count": series({2024: 900, 2025: 1_000}),
        "test.members": series({2025: 8_000}, MEMBERS),
    }
    normal = scenario(
        count=Assumption.normal(0.05, 0.1),
        members=Assumption.triangular(-0.02, 0.01, 0.05),
    )
    targets = [count, members, later]
    if reverse:
        targets.reverse()

    together = simulate(
        programme(*targets), data, normal, draws=300, seed=seed
    )
    only = scenario(count=Assumption.normal(0.05, 0.1))
    alone = simulate(programme(count), data, only, draws=300, seed=seed)

    assert alone.get("test.count", 2030) == together.get("test.count", 2030)
    assert len(together.get("test.count", 2045).bands) == 20


# --- bounds, resampling and final verdicts -----------------------------------


def test_a_share_saturates_at_100():
    """90 % growing 10 % ± 10 % a year: many draws are held at 100 %."""
    row = one(
        level(Comparator.AT_LEAST, 99, indicator=SHARE),
        series({2025: 90}, SHARE),
        Assumption.normal(0.1, 0.1),
        draws=2_000,
    )

    assert row.held_at_bound > 0.5
    assert all(band.q95 <= 100 for band in row.bands)
    assert row.bands[-1].median == 100


def test_a_count_with_a_lower_bound_above_zero_is_held_there():
    """A count that cannot fall below 50 stays at 50 when it would."""
    floor = Indicator(
        code="test.count",
        label_vi="số lượng",
        label_en="count",
        unit=Unit.COUNT,
        direction=Direction.INCREASE,
        lower=50,
    )
    row = one(
        level(Comparator.AT_LEAST, 200, indicator=floor),
        series({2025: 60}, floor),
        Assumption.uniform(-0.5, -0.4),
        draws=200,
    )

    # 60 · 0.6 = 36 < 50 already in 2026.
    assert 1 == row.held_at_bound
    assert all(band.q95 == 50 for band in row.bands)
    assert 0 == row.probability


def test_resampling_steady_growth_repeats_it():
    """Growth of 10 %/yr, resampled: 146.41 in 2024, 161.051 in 2025."""
    data = series({2020: 100, 2021: 110, 2023: 133.1})

    row = one(
        level(Comparator.AT_LEAST, 160, horizon=2025),
        data,
        Assumption.resampled(),
        draws=100,
    )

    # 110 → 133.1 over two years is 1.21 = 1.1²: every resampled rate is 10 %.
    assert math.isclose(146.41, row.bands[0].median)
    assert math.isclose(161.051, row.bands[1].q05)
    assert 1 == row.probability


def test_resampling_needs_positive_values_and_a_window():
    """Resampling from a zero, or from a single observation, is refused."""
    target = level(Comparator.AT_LEAST, 100)
    with pytest.raises(ValidationError, match="above zero"):
        one(target, series({2024: 0, 2025: 5}), Assumption.resampled())
    with pytest.raises(ValidationError, match="two observations"):
        one(target, series({2010: 3, 2025: 5}), Assumption.resampled(5))


def test_growth_rate_target_probability():
    """7 %/yr since 2020 from 100: 140.26 is needed in 2025."""
    target = Target.growth_rate(
        indicator=REVENUE, rate=7, base_year=2020, horizon=2025, source=SOURCE
    )
    data = series({2020: 100, 2024: 131}, REVENUE)

    # 131 · 1.07 = 140.17 < 140.26 but 131 · 1.071 = 140.30 ≥ 140.26.
    below = one(target, data, Assumption.uniform(0.05, 0.0705))
    above = one(target, data, Assumption.uniform(0.071, 0.09))

    assert 0 == below.probability
    assert 1 == above.probability


def test_growth_rate_target_from_a_zero_base_is_never_met():
    """No compound rate starts from a zero base."""
    target = Target.growth_rate(
        indicator=REVENUE, rate=7, base_year=2020, horizon=2025, source=SOURCE
    )
    row = one(
        target,
        series({2020: 0, 2024: 131}, REVENUE),
        Assumption.normal(0.1, 0.1),
        draws=100,
    )

    assert 0 == row.probability


def test_an_observed_target_year_is_final():
    """With 2030 observed the probability is 1 or 0, and nothing is drawn."""
    met = one(
        level(Comparator.AT_LEAST, 100),
        series({2029: 90, 2030: 120, 2031: 10}),
        Assumption.normal(-0.5, 0.1),
    )
    missed = one(
        level(Comparator.AT_LEAST, 100),
        series({2030: 80}),
        Assumption.normal(0.5, 0.1),
    )

    assert (1, ()) == (met.probability, met.bands)
    assert 120 == met.median
    assert (0, 80) == (missed.probability, missed.median)


def test_deterministic_assumptions_give_one_path():
    """A constant rate draws nothing: bands are the projection itself."""
    row = one(
        level(Comparator.AT_LEAST, 1_100),
        series({2025: 1_000}),
        Assumption.constant_rate(0.02),
    )

    # 1,000 · 1.02⁵ = 1,104.08 ≥ 1,100.
    assert 1 == row.probability
    assert math.isclose(1_104.0808032, row.median)
    assert row.bands[0].q05 == row.bands[0].q95 == 1_020


def test_rows_without_data_or_assumption_are_not_simulated():
    """No data, no assumption, or data only after the target year."""
    result = simulate(
        programme(
            level(Comparator.AT_LEAST, 10),
            level(Comparator.AT_LEAST, 10, indicator=MEMBERS),
            level(Comparator.AT_LEAST, 10, indicator=SHARE),
        ),
        {
            "test.members": series({2025: 5}, MEMBERS),
            "test.share": series({2031: 5}, SHARE),
        },
        scenario(
            count=Assumption.normal(0.1, 0.1),
            share=Assumption.normal(0.1, 0.1),
        ),
    )

    assert [None, None, None] == [row.probability for row in result.rows]
    assert [None, 5, None] == [row.median for row in result.rows]


# --- refusals ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"draws": 0}, "draws"),
        ({"draws": 10.0}, "draws"),
        ({"seed": -1}, "seed"),
        ({"seed": True}, "seed"),
    ],
)
def test_bad_draws_and_seeds(options, field):
    """Draws and seeds are whole numbers."""
    with pytest.raises(ValidationError) as info:
        simulate(
            NQ20, STATISTICS, Scenario(name="x", assumptions={}), **options
        )

    assert field == info.value.field


def test_assumption_on_an_unknown_indicator():
    """A scenario may only speak of the programme's indicators."""
    with pytest.raises(NotFoundError, match="assumptions"):
        simulate(NQ20, STATISTICS, scenario(count=Assumption.resampled()))


def test_empty_list_of_series():
    """An empty list of series is refused, naming the indicator."""
    with pytest.raises(ValidationError, match=r"data\.cooperatives\.count"):
        simulate(
            NQ20,
            {"cooperatives.count": []},
            Scenario(
                name="x",
                assumptions={"cooperatives.count": Assumption.resampled()},
            ),
        )


def test_missing_numpy_names_the_extra():
    """Without NumPy, drawing at random says what to install."""
    script = textwrap.dedent(
        """
        import sys
        sys.modules["numpy"] = None
        from kttt.errors import MissingExtraError
        from kttt.scenarios import Assumption, Scenario, simulate
        from kttt.series import national_statistics
        from kttt.targets import nq20_targets
        rate = Assumption.constant_rate(0.02)
        both = {"cooperatives.count": rate}
        plain = Scenario(name="plain", assumptions=both)
        simulate(nq20_targets(), national_statistics(), plain)
        normal = Assumption.normal(0.02, 0.01)
        drawn = Scenario(name="x", assumptions={"cooperatives.count": normal})
        try:
            simulate(nq20_targets(), national_statistics(), drawn)
        except MissingExtraError as error:
            print(error.field, error.rule)
        """
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
    )

    assert "pip install 'kttt[simulation]'" in result.stdout
    assert result.stdout.startswith("simulation ")


# --- results and their outputs -----------------------------------------------

NORMAL = Scenario(
    name="5 % ± 2",
    assumptions={"cooperatives.count": Assumption.normal(0.05, 0.02)},
)


@pytest.fixture(name="simulation", scope="module")
def _simulation():
    return simulate(NQ20, STATISTICS, NORMAL, draws=2_000, seed=3)


def test_simulation_of_nq20(simulation):
    """The cooperative count has a chance; the rest are not simulated."""
    row = simulation.get("cooperatives.count", 2030)

    assert 0.5 < row.probability < 1
    assert [b.year for b in row.bands] == list(range(2026, 2031))
    assert 5 == len(QUANTILES)
    assert [row] == [r for r in simulation.rows if r.probability is not None]
    with pytest.raises(NotFoundError):
        simulation.get("cooperatives.count", 2040)


def test_simulation_records_and_json(simulation):
    """One record per target, one band record per target and year."""
    records = simulation.to_records()
    bands = simulation.band_records()
    document = json.loads(simulation.to_json())

    assert len(NQ20) == len(records)
    assert {"5 % ± 2"} == {r["scenario"] for r in records}
    assert 5 == len(bands)
    assert all(b["projected"] for b in bands)
    assert document["results"] == records
    assert document["bands"] == bands
    assert (2_000, 3) == (document["draws"], document["seed"])


def test_simulation_text(simulation):
    """The table gives the chance and the projected spread, in vi and en."""
    row = simulation.get("cooperatives.count", 2030)
    en = simulation.to_text("en")
    vi = simulation.to_text("vi")

    assert f"{row.probability * 100:.0f} %" in en
    assert "Projected at target year (5–95 %)" in en
    assert "normal growth +5.0 %/yr ± 2.0 %" in en
    assert "Xác suất đạt" in vi
    with pytest.raises(ValidationError, match="lang"):
        simulation.to_text("fr")


# --- compare -----------------------------------------------------------------

TWO = Scenario(
    name="2 %/năm",
    assumptions={"cooperatives.count": Assumption.constant_rate(0.02)},
)
FIVE = Scenario(
    name="5 %/năm",
    assumptions={"cooperatives.count": Assumption.constant_rate(0.05)},
)


@pytest.fixture(name="comparison", scope="module")
def _comparison():
    return compare([TWO, FIVE, NORMAL], NQ20, STATISTICS, draws=2_000, seed=3)


def test_compare_gives_final_verdicts_at_the_target_year(comparison):
    """2 %/yr misses 42,750 with 38,688; 5 %/yr meets it with 44,722."""
    # 35,041 · 1.02⁵ = 38,688.1; 35,041 · 1.05⁵ = 44,722.2.
    two = comparison.cell("2 %/năm", "cooperatives.count", 2030)
    five = comparison.cell("5 %/năm", "cooperatives.count", 2030)

    assert ProgressStatus.MISSED == two.status
    assert math.isclose(38_688.1, two.projected_value, rel_tol=1e-6)
    assert ProgressStatus.ACHIEVED == five.status
    assert math.isclose(44_722.2, five.projected_value, rel_tol=1e-6)
    assert None is two.probability
    assert 2025 == two.latest.year


def test_compare_simulated_scenario_uses_the_median(comparison, simulation):
    """The simulated cell: the median's verdict and the simulated chance."""
    cell = comparison.cell("5 % ± 2", "cooperatives.count", 2030)
    row = simulation.get("cooperatives.count", 2030)

    assert row.probability == cell.probability
    assert row.median == cell.projected_value
    assert ProgressStatus.ACHIEVED == cell.status


def test_compare_leaves_other_indicators_as_observed(comparison):
    """Without an assumption the cell is the method's verdict on the data."""
    cell = comparison.cell("2 %/năm", "cooperative_groups.count", 2030)
    empty = comparison.cell("2 %/năm", "organizations.good_fair_share", 2030)

    assert ProgressStatus.REGRESSING == cell.status
    assert None is cell.assumption
    assert ProgressStatus.INSUFFICIENT_DATA == empty.status
    assert None is empty.progress
    with pytest.raises(NotFoundError):
        comparison.cell("3 %", "cooperatives.count", 2030)


def test_compare_outputs(comparison):
    """Records, JSON and text name every scenario."""
    records = comparison.to_records()
    document = json.loads(comparison.to_json())
    en = comparison.to_text("en")

    assert 3 * len(NQ20) == len(records)
    assert document["results"] == records
    assert ["2 %/năm", "5 %/năm", "5 % ± 2"] == document["scenarios"]
    assert "missed · 38,688" in en
    assert "achieved · 44,722" in en
    assert "không đạt · 38.688" in comparison.to_text("vi")
    assert "target-year values are projected" in en
    with pytest.raises(ValidationError, match="lang"):
        comparison.to_text("fr")


def test_compare_on_a_target_year_already_observed():
    """A target whose year is observed keeps its final verdict."""
    target = level(Comparator.AT_LEAST, 100, horizon=2025)
    result = compare(
        [scenario(count=Assumption.normal(0.5, 0.1))],
        programme(target),
        {"test.count": series({2024: 50, 2025: 80})},
    )
    cell = result.cells[0]

    assert ProgressStatus.MISSED == cell.status
    assert 0 == cell.probability


def test_compare_without_data_up_to_the_target_year():
    """Data only after the target year: no verdict."""
    result = compare(
        [scenario(count=Assumption.constant_rate(0.1))],
        programme(level(Comparator.AT_LEAST, 100, horizon=2025)),
        {"test.count": series({2026: 50})},
    )

    assert ProgressStatus.INSUFFICIENT_DATA == result.cells[0].status
    assert "insufficient_data" == result.to_records()[0]["status"]


@pytest.mark.parametrize(
    ("scenarios", "error"),
    [
        ([], ValidationError),
        ([TWO, TWO], ValidationError),
        ([scenario(count=Assumption.resampled())], NotFoundError),
    ],
)
def test_compare_refuses(scenarios, error):
    """No scenarios, two of one name, or an unknown indicator."""
    with pytest.raises(error, match="scenario"):
        compare(scenarios, NQ20, STATISTICS)


def test_at_most_targets_and_upper_bounds_without_a_lower_one():
    """Less than 2 % weak; an unbounded-below revenue capped at 1,000."""
    weak = Indicator(
        code="test.share",
        label_vi="tỷ lệ yếu kém",
        label_en="weak share",
        unit=Unit.PERCENT,
        direction=Direction.DECREASE,
    )
    capped = Indicator(
        code="test.revenue",
        label_vi="doanh thu",
        label_en="revenue",
        unit=Unit.VND,
        direction=Direction.INCREASE,
        upper=1_000,
    )
    falling = one(
        level(Comparator.LESS_THAN, 2, indicator=weak),
        series({2025: 10}, weak),
        Assumption.uniform(-0.9, -0.8),
    )
    held = one(
        level(Comparator.AT_LEAST, 1_000, indicator=capped),
        series({2025: 900}, capped),
        Assumption.uniform(0.5, 0.6),
        draws=100,
    )

    # 10 · 0.2⁵ = 0.0032 at most: below 2 % in every draw.
    assert 1 == falling.probability
    assert 1 == held.held_at_bound
    assert 1 == held.probability
