"""
Tests of kttt.scenarios: assumptions and scenarios, deterministic
projection, required paces and the year a target is met.
"""

from __future__ import annotations

import math

import pytest

from hypothesis import assume, given
from hypothesis import strategies as st

from helpers import COUNT, REVENUE, SHARE, SOURCE, level, series
from kttt import strategies as kst
from kttt.errors import NotFoundError, ValidationError
from kttt.progress import ProgressStatus, assess
from kttt.scenarios import (
    Assumption,
    AssumptionKind,
    Scenario,
    project,
    required_rate,
    simulate,
    year_met,
)
from kttt.series import Series, national_series, national_statistics
from kttt.targets import (
    Comparator,
    Target,
    nq20_targets,
)


NQ20 = nq20_targets()
COOPERATIVES = NQ20.get("cooperatives.count", 2030)
COUNTS = national_series("cooperatives.count")


# --- assumptions -------------------------------------------------------------


@pytest.mark.parametrize(
    ("assumption", "en", "vi"),
    [
        (Assumption.constant_rate(0.05), "+5.0 %/yr", "+5,0 %/năm"),
        (Assumption.constant_increment(1500), "+1,500/yr", "+1.500/năm"),
        (Assumption.constant_increment(-2.5), "-2.5/yr", "-2,5/năm"),
        (
            Assumption.observed_trend(5),
            "observed trend (compound, last 5 years)",
            "theo xu hướng đã quan sát (kép, 5 năm qua)",
        ),
        (
            Assumption.observed_trend(3, linear=True),
            "observed trend (linear, last 3 years)",
            "theo xu hướng đã quan sát (tuyến tính, 3 năm qua)",
        ),
        (
            Assumption.normal(0.05, 0.02),
            "normal growth +5.0 %/yr ± 2.0 %",
            "tăng trưởng ngẫu nhiên (chuẩn) +5,0 %/năm ± 2,0 %",
        ),
        (
            Assumption.triangular(0.0, 0.04, 0.08),
            "triangular growth +0.0 % / +4.0 % / +8.0 %/yr",
            "tăng trưởng ngẫu nhiên (tam giác) +0,0 % / +4,0 % / +8,0 %/năm",
        ),
        (
            Assumption.uniform(-0.01, 0.03),
            "uniform growth -1.0 % / +3.0 %/yr",
            "tăng trưởng ngẫu nhiên (đều) -1,0 % / +3,0 %/năm",
        ),
        (
            Assumption.resampled(),
            "growth resampled from the series",
            "tăng trưởng lấy mẫu lại từ số liệu",
        ),
        (
            Assumption.resampled(10),
            "growth resampled from the series (last 10)",
            "tăng trưởng lấy mẫu lại từ số liệu (năm 10)",
        ),
    ],
)
def test_assumptions_describe_themselves(assumption, en, vi):
    """Every kind reads in both languages."""
    assert en == assumption.describe("en")
    assert vi == assumption.describe("vi")


def test_uncertain_kinds():
    """Only the four random kinds are uncertain."""
    uncertain = {k for k in AssumptionKind if k.is_uncertain}

    assert {
        AssumptionKind.NORMAL,
        AssumptionKind.TRIANGULAR,
        AssumptionKind.UNIFORM,
        AssumptionKind.RESAMPLED,
    } == uncertain


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "constant_rate", "rate": 0.05}, "kind"),
        ({"kind": AssumptionKind.CONSTANT_RATE}, "rate"),
        ({"kind": AssumptionKind.CONSTANT_RATE, "rate": -1.0}, "rate"),
        ({"kind": AssumptionKind.CONSTANT_RATE, "rate": math.nan}, "rate"),
        ({"kind": AssumptionKind.CONSTANT_RATE, "rate": "5 %"}, "rate"),
        ({"kind": AssumptionKind.CONSTANT_RATE, "rate": True}, "rate"),
        (
            {"kind": AssumptionKind.CONSTANT_RATE, "rate": 0.1, "sd": 0.1},
            "sd",
        ),
        ({"kind": AssumptionKind.CONSTANT_INCREMENT}, "increment"),
        ({"kind": AssumptionKind.OBSERVED_TREND, "years": 0}, "years"),
        ({"kind": AssumptionKind.OBSERVED_TREND, "years": 2.5}, "years"),
        ({"kind": AssumptionKind.OBSERVED_TREND, "years": True}, "years"),
        (
            {"kind": AssumptionKind.CONSTANT_RATE, "rate": 0.1, "years": 3},
            "years",
        ),
        (
            {
                "kind": AssumptionKind.CONSTANT_RATE,
                "rate": 0.1,
                "linear": True,
            },
            "linear",
        ),
        ({"kind": AssumptionKind.NORMAL, "rate": 0.1, "sd": -0.1}, "sd"),
        (
            {"kind": AssumptionKind.UNIFORM, "low": 0.1, "high": 0.0},
            "high",
        ),
        (
            {"kind": AssumptionKind.UNIFORM, "low": -1.5, "high": 0.0},
            "low",
        ),
        (
            {
                "kind": AssumptionKind.TRIANGULAR,
                "low": 0.0,
                "mode": 0.2,
                "high": 0.1,
            },
            "mode",
        ),
        ({"kind": AssumptionKind.RESAMPLED, "years": 0}, "years"),
    ],
)
def test_invalid_assumptions_name_the_field(fields, field):
    """Each broken rule is refused with a ValidationError naming its field."""
    with pytest.raises(ValidationError) as info:
        Assumption(**fields)

    assert field == info.value.field


@given(kst.assumptions())
def test_drawn_assumptions_describe_themselves(assumption):
    """Every valid assumption has a description in both languages."""
    assert assumption.describe("en")
    assert assumption.describe("vi")


# --- scenarios ---------------------------------------------------------------


def test_scenario_freezes_and_sorts_its_assumptions():
    """Assumptions are read-only, sorted by code, the name NFC."""
    rate = Assumption.constant_rate(0.02)
    scenario = Scenario(
        name="Ca\u0301c",
        assumptions={"b.count": rate, "a.count": rate},
    )

    assert ["a.count", "b.count"] == list(scenario.assumptions)
    assert "Các" == scenario.name
    assert not scenario.is_uncertain
    with pytest.raises(TypeError):
        scenario.assumptions["c.count"] = rate  # type: ignore[index]
    assert hash(scenario) == hash(Scenario(name="Các", assumptions={}))


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": " ", "assumptions": {}}, "name"),
        ({"name": 5, "assumptions": {}}, "name"),
        ({"name": "x", "assumptions": [("a", 1)]}, "assumptions"),
        (
            {
                "name": "x",
                "assumptions": {"Not A Code": Assumption.resampled()},
            },
            "assumptions.Not A Code",
        ),
        ({"name": "x", "assumptions": {"a.b": 0.05}}, "assumptions.a.b"),
    ],
)
def test_invalid_scenarios_name_the_field(fields, field):
    """A blank name, a bad code or a bare number is refused."""
    with pytest.raises(ValidationError) as info:
        Scenario(**fields)

    assert field == info.value.field


def test_scenario_on_an_unknown_indicator_is_refused():
    """An assumption on an indicator the programme has no target on."""
    scenario = Scenario(
        name="x", assumptions={"test.count": Assumption.resampled()}
    )

    with pytest.raises(NotFoundError) as info:
        scenario.check_indicators(NQ20)

    assert "test.count" == info.value.value
    assert "assumptions" in info.value.field


# --- project -----------------------------------------------------------------


def test_project_at_a_constant_rate():
    """35,041 · 1.05 = 36,793.05; · 1.05² = 38,632.70."""
    ahead = project(COUNTS, Assumption.constant_rate(0.05), until=2027)

    assert COUNTS.observations == ahead.observations[: len(COUNTS)]
    assert [2026, 2027] == [o.year for o in ahead if o.projected]
    assert math.isclose(36_793.05, ahead.at(2026).value)
    assert math.isclose(38_632.7025, ahead.at(2027).value)


def test_project_a_constant_increment():
    """+1,500 a year from 35,041."""
    ahead = project(COUNTS, Assumption.constant_increment(1500), until=2028)

    assert [36_541, 38_041, 39_541] == [o.value for o in ahead if o.projected]


def test_project_the_observed_compound_trend():
    """100 in 2020 to 161.051 in 2025 is +10 %/yr: 177.1561 in 2026."""
    data = series({2015: 50, 2020: 100, 2025: 161.051})

    ahead = project(data, Assumption.observed_trend(5), until=2026)

    assert math.isclose(177.1561, ahead.at(2026).value)


def test_project_the_observed_linear_trend():
    """100 in 2022 to 130 in 2025 is +10 a year (the 2015 value is older)."""
    data = series({2015: 500, 2022: 100, 2025: 130})

    ahead = project(
        data, Assumption.observed_trend(3, linear=True), until=2027
    )

    assert [140, 150] == [o.value for o in ahead if o.projected]


@given(
    st.lists(st.integers(1, 10**6), min_size=2, max_size=8),
    st.integers(1, 10),
    st.integers(1, 25),
)
def test_observed_trend_reproduces_the_series_own_growth(values, years, ahead):
    """The projection grows at the window's own compound rate."""
    data = series(
        {2025 - len(values) + 1 + k: v for k, v in enumerate(values)}
    )
    latest = data.latest()
    start = next(o for o in data if o.year >= latest.year - years)
    assume(start.year < latest.year)
    observed = (latest.value / start.value) ** (1 / (latest.year - start.year))

    projected = project(
        data, Assumption.observed_trend(years), until=2025 + ahead
    ).latest()

    grown = (projected.value / latest.value) ** (1 / ahead)
    assert math.isclose(observed, grown, rel_tol=1e-9)


@given(
    st.lists(st.integers(0, 10**6), min_size=2, max_size=8),
    st.integers(1, 10),
)
def test_linear_trend_reproduces_the_series_own_change(values, years):
    """The projection changes by the window's own average yearly change."""
    data = series(
        {2025 - len(values) + 1 + k: v for k, v in enumerate(values)}
    )
    latest = data.latest()
    start = next(o for o in data if o.year >= latest.year - years)
    assume(start.year < latest.year)
    change = (latest.value - start.value) / (latest.year - start.year)
    assume(latest.value + change >= 0)

    projected = project(
        data, Assumption.observed_trend(years, linear=True), until=2026
    ).latest()

    assert math.isclose(change, projected.value - latest.value, abs_tol=1e-6)


@pytest.mark.parametrize(
    ("data", "assumption", "until", "field"),
    [
        (COUNTS, Assumption.constant_rate(0.05), 2025, "until"),
        (COUNTS, Assumption.constant_rate(0.05), 2101, "until"),
        (COUNTS, Assumption.normal(0.05, 0.01), 2030, "assumption"),
        (COUNTS, Assumption.constant_increment(-8000), 2030, "assumption"),
        (
            series({2024: 90}, SHARE),
            Assumption.constant_rate(0.05),
            2030,
            "assumption",
        ),
        (series({2024: 90}), Assumption.observed_trend(5), 2030, "years"),
        (
            series({2010: 5, 2024: 90}),
            Assumption.observed_trend(5),
            2030,
            "years",
        ),
        (
            series({2020: 0, 2024: 90}),
            Assumption.observed_trend(5),
            2030,
            "series",
        ),
    ],
)
def test_project_refuses_what_it_cannot_continue(
    data, assumption, until, field
):
    """Bad horizons, random growth, a share past 100 %, a negative count."""
    with pytest.raises(ValidationError) as info:
        project(data, assumption, until=until)

    assert field == info.value.field


def test_a_share_pushed_past_100_names_year_and_bound():
    """+5 %/yr from 90 %: 94.5 in 2025, 99.2 in 2026, 104.2 in 2027."""
    with pytest.raises(ValidationError, match=r"to 104\.186 in 2027, above"):
        project(
            series({2024: 90}, SHARE),
            Assumption.constant_rate(0.05),
            until=2030,
        )


def test_project_an_empty_series():
    """An empty series has no latest value to continue."""
    with pytest.raises(NotFoundError):
        project(
            Series.of(COUNT, []), Assumption.constant_rate(0.1), until=2030
        )


def test_projected_values_rest_a_verdict_on_projection():
    """Assessed, a projection to the target year gives a final verdict."""
    ahead = project(COUNTS, Assumption.constant_rate(0.05), until=2030)

    progress = assess(COOPERATIVES, ahead)

    # 35,041 · 1.05⁵ = 44,722.2 ≥ 42,750.
    assert ProgressStatus.ACHIEVED == progress.status
    assert 2026 == progress.projected_from


# --- required_rate -----------------------------------------------------------


def test_required_rate_from_the_latest_value():
    """(42,750 / 35,041)^(1/5) − 1 = 4.057 %; 1,541.8 a year."""
    pace = required_rate(COOPERATIVES, COUNTS)

    assert 2025 == pace.start_year
    assert math.isclose(0.0405715, pace.rate, rel_tol=1e-5)
    assert math.isclose(1_541.8, pace.change)


def test_required_rate_from_a_chosen_year():
    """From 26,040 in 2020: (42,750 / 26,040)^(1/10) − 1 = 5.08 %."""
    pace = required_rate(COOPERATIVES, COUNTS, start=2020)

    assert math.isclose(0.0508, pace.rate, rel_tol=1e-3)
    assert math.isclose(1_671, pace.change)


def test_required_rate_for_a_growth_rate_target():
    """7 %/yr from 100 in 2020 to 2025 is 140.255; from 120 in 2023."""
    target = Target.growth_rate(
        indicator=REVENUE, rate=7, base_year=2020, horizon=2025, source=SOURCE
    )
    data = series({2020: 100, 2023: 120}, REVENUE)

    pace = required_rate(target, data)

    # 100 · 1.07⁵ = 140.2552; (140.2552 / 120)^(1/2) − 1 = 8.111 %.
    assert math.isclose(140.2552, pace.goal, rel_tol=1e-6)
    assert math.isclose(0.081110, pace.rate, rel_tol=1e-4)


def test_required_rate_refuses_unknown_or_late_starts():
    """A start year without data, or at the target year."""
    with pytest.raises(NotFoundError, match="year"):
        required_rate(COOPERATIVES, COUNTS, start=2023)
    with pytest.raises(ValidationError, match="year"):
        required_rate(
            level(Comparator.AT_LEAST, 10, horizon=2025), series({2025: 5})
        )


@st.composite
def count_cases(draw: st.DrawFn) -> tuple[Target, Series]:
    comparator = draw(
        st.sampled_from(
            [Comparator.AT_LEAST, Comparator.AT_MOST, Comparator.ABOUT]
        )
    )
    # ±5 % of a count below 20 admits no other count: 'about' ≠ 'exactly'.
    about = comparator is Comparator.ABOUT
    value = draw(st.integers(20 if about else 1, 10**6))
    more = {"tolerance": 0.05} if about else {}
    target = level(
        comparator, value, horizon=draw(st.integers(2026, 2060)), **more
    )
    values = draw(st.lists(st.integers(1, 10**6), min_size=1, max_size=5))
    data = series(
        {2025 - len(values) + 1 + k: v for k, v in enumerate(values)}
    )
    return target, data


@given(count_cases())
def test_project_with_the_required_rate_meets_the_target(case):
    """Growing at the required rate or change lands on the goal on time."""
    target, data = case
    pace = required_rate(target, data)

    for assumption in (
        Assumption.constant_rate(pace.rate),
        Assumption.constant_increment(pace.change),
    ):
        final = project(data, assumption, until=target.horizon).latest()

        assert target.horizon == final.year
        assert math.isclose(pace.goal, final.value, rel_tol=1e-9)


# --- year_met ----------------------------------------------------------------


def test_year_met_at_two_percent():
    """35,041 · 1.02ᵏ ≥ 42,750 first for k = 11 (1.02¹⁰ = 1.219 < 1.22)."""
    assert 2036 == year_met(
        COOPERATIVES, COUNTS, Assumption.constant_rate(0.02)
    )


def test_year_met_already():
    """A target already met is met in the latest year."""
    target = level(Comparator.AT_LEAST, 30_000, indicator=COUNTS.indicator)

    assert 2025 == year_met(target, COUNTS, Assumption.constant_rate(-0.5))


def test_year_met_never():
    """A falling count never reaches a higher target."""
    assert None is year_met(
        COOPERATIVES, COUNTS, Assumption.constant_rate(-0.01), until=2060
    )


def test_year_met_for_a_growth_rate_target():
    """7 %/yr since 2020 from 100: 8 %/yr from 120 in 2023 meets it in 2026."""
    target = Target.growth_rate(
        indicator=REVENUE, rate=7, base_year=2020, horizon=2025, source=SOURCE
    )
    data = series({2020: 100, 2023: 120}, REVENUE)

    # 2024: 129.6 = 100 · 1.0670⁴, short of 7 %; 2025: 139.97 < 140.26;
    # 2026: 151.17 ≥ 100 · 1.07⁶ = 150.07.
    assert 2026 == year_met(target, data, Assumption.constant_rate(0.08))


def test_year_met_refuses_a_far_horizon_and_a_negative_count():
    """Past 2100, or falling below 0 before meeting, is refused."""
    with pytest.raises(ValidationError, match="until"):
        year_met(
            COOPERATIVES, COUNTS, Assumption.constant_rate(0.1), until=2200
        )
    falling = level(Comparator.AT_MOST, 100, indicator=COUNTS.indicator)
    with pytest.raises(ValidationError, match="below its bound 0"):
        year_met(falling, COUNTS, Assumption.constant_increment(-10_000))


@given(kst.assumptions(kind=AssumptionKind.TRIANGULAR), kst.scenarios())
def test_strategies_draw_assumptions_and_scenarios(triangular, drawn):
    """The public strategies draw valid values of the asked kind."""
    assert AssumptionKind.TRIANGULAR is triangular.kind
    assert triangular.low <= triangular.mode <= triangular.high
    assert all(isinstance(a, Assumption) for a in drawn.assumptions.values())


# --- found by the fuzz suite (tests/test_fuzz_entry.py) ----------------------


def test_a_year_of_the_wrong_type_is_refused():
    """project and year_met refuse an *until* that is not a whole number."""
    counts = national_series("cooperatives.count")
    target = nq20_targets().get("cooperatives.count", 2030)
    pace = Assumption.constant_rate(0.05)

    for call in (
        lambda: project(counts, pace, until=None),
        lambda: year_met(target, counts, pace, until="2040"),
    ):
        with pytest.raises(ValidationError) as info:
            call()
        assert ("until", "a year, as a whole number") == (
            info.value.field,
            info.value.rule,
        )


def test_a_pace_beyond_any_float_is_refused():
    """A rate that overflows a float names the assumption (no overflow)."""
    counts = national_series("cooperative_groups.count")

    with pytest.raises(ValidationError) as info:
        project(counts, Assumption.constant_rate(1.6e16), until=2044)

    assert "assumption" == info.value.field
    assert "beyond any number" in info.value.rule


def test_a_rate_too_large_for_a_float_is_refused():
    """An int rate of 400 digits is 'must be finite', not OverflowError."""
    with pytest.raises(ValidationError) as info:
        Assumption.constant_rate(10**400)

    assert ("rate", "must be finite") == (info.value.field, info.value.rule)


def test_simulate_refuses_data_that_is_not_a_mapping():
    """simulate names *data* when it is not a mapping of series."""
    pytest.importorskip("numpy")

    with pytest.raises(ValidationError) as info:
        simulate(nq20_targets(), None, Scenario(name="s", assumptions={}))

    assert "data" == info.value.field


def test_more_draws_than_an_array_can_hold_are_refused():
    """draws of 400 digits is refused, not numpy's ValueError."""
    pytest.importorskip("numpy")
    scenario = Scenario(
        name="s",
        assumptions={"cooperatives.count": Assumption.normal(0.05, 0.02)},
    )

    with pytest.raises(ValidationError) as info:
        simulate(
            nq20_targets(), national_statistics(), scenario, draws=10**400
        )

    assert ("draws", "at most 100,000,000") == (
        info.value.field,
        info.value.rule,
    )
