"""
Tests of kttt.progress around the target year: data past it, final
verdicts, the pace needed from now, stale data, bounded projections and
exact classification at band edges.
"""

from __future__ import annotations

import json
import math

import pendulum
import pytest

from hypothesis import assume, given
from hypothesis import strategies as st

from helpers import REVENUE, SHARE, SOURCE, WEAK, kinds, level, series
from kttt.errors import ValidationError
from kttt.progress import (
    METHOD_NAMES,
    STALE_AFTER_YEARS,
    CompoundGrowth,
    DiagnosticKind,
    LinearTrend,
    MethodLabel,
    ProgressReport,
    ProgressStatus,
    TimeWeightedGeometric,
    WeightedLogit,
    assess,
    is_met_at,
    required_pace,
)
from kttt.series import Observation, Series, national_series
from kttt.targets import (
    Comparator,
    Direction,
    Target,
    TargetSet,
    nq20_targets,
)


S = ProgressStatus
NQ20 = nq20_targets()
COOPERATIVES = NQ20.get("cooperatives.count", 2030)


# --- trap 1: data past the target year ---------------------------------------

#: The official 2025 count, then 2 %/yr to 2045 (the issue's scenario).
TWO_PERCENT = {2025 + k: 35_041 * 1.02**k for k in range(21)}


@pytest.mark.parametrize("method", METHOD_NAMES)
def test_values_after_the_target_year_never_decide_it(method):
    """2 %/yr reaches 45,000 in 2038, but 2030's 38,688 misses 42,750."""
    # 35,041 · 1.02⁵ = 38,688.1 < 42,750 (45,000 − 5 %); 35,041 · 1.02²⁰
    # = 52,068 would meet it, and was read as "achieved" before the fix.
    data = series(TWO_PERCENT, COOPERATIVES.indicator)
    progress = assess(COOPERATIVES, data, method=method)

    assert S.MISSED == progress.status
    assert 2030 == progress.latest_year
    assert math.isclose(38_688.095, progress.latest_value, rel_tol=1e-7)
    assert math.isclose(42_750 - 38_688.095, progress.missed_by, rel_tol=1e-6)
    assert DiagnosticKind.PAST_HORIZON_IGNORED in kinds(progress)
    assert "2031–2045" in {d.detail for d in progress.diagnostics}


def test_only_later_data_is_refused():
    """A series observed only after the target year cannot judge it."""
    with pytest.raises(ValidationError, match="target year") as info:
        assess(level(Comparator.AT_LEAST, 10, horizon=2025), series({2026: 1}))

    assert "series" == info.value.field


@given(
    st.dictionaries(
        st.integers(2010, 2030), st.integers(0, 10_000), min_size=1
    ),
    st.dictionaries(
        st.integers(2031, 2060), st.integers(0, 10_000), min_size=1
    ),
    st.sampled_from([Comparator.AT_LEAST, Comparator.AT_MOST]),
    st.integers(1, 10_000),
    st.sampled_from(METHOD_NAMES),
)
def test_data_past_the_horizon_never_changes_a_verdict(
    before, after, comparator, value, method
):
    """Appending any later observations changes no number of the verdict."""
    target = level(comparator, value)
    plain = assess(target, series(before), method=method)
    extended = assess(target, series({**before, **after}), method=method)

    assert plain.status == extended.status
    assert plain.method_label == extended.method_label
    assert plain.ratio == extended.ratio
    assert plain.projected_value == extended.projected_value
    assert kinds(extended) - kinds(plain) == {
        DiagnosticKind.PAST_HORIZON_IGNORED
    }


# --- final verdicts ----------------------------------------------------------


def test_observed_target_year_that_meets_is_achieved_and_final():
    """2025 observed at 1,400 against at least 1,380: achieved, final."""
    target = level(Comparator.AT_LEAST, 1_380, horizon=2025)
    progress = assess(target, series({2020: 1_000, 2025: 1_400}))

    assert S.ACHIEVED == progress.status
    assert progress.is_final
    assert progress.missed_by is None
    assert progress.required_from_latest() is None
    assert DiagnosticKind.HORIZON_REACHED in kinds(progress)
    assert "target met" == progress.summary("en")


def test_one_observation_in_the_target_year_is_enough():
    """A single value, in the target year, gives a final verdict."""
    target = level(Comparator.LESS_THAN, 2, indicator=WEAK, horizon=2025)
    progress = assess(target, series({2025: 3.5}, WEAK))

    # Less than 2 %: 3.5 misses by 2 − 3.5 signed down = 1.5.
    assert S.MISSED == progress.status
    assert 1.5 == progress.missed_by
    assert "không đạt, thiếu 1,5" == progress.summary("vi")


@given(
    st.dictionaries(
        st.integers(2015, 2024), st.integers(0, 1_000), max_size=6
    ),
    st.integers(0, 1_000),
    st.integers(1, 1_000),
    st.sampled_from(METHOD_NAMES),
)
def test_an_observed_target_year_is_never_on_track(
    before, final, value, method
):
    """With the target year observed the status is achieved or missed."""
    target = level(Comparator.AT_LEAST, value, horizon=2025)
    progress = assess(target, series({**before, 2025: final}), method=method)

    expected = S.ACHIEVED if final >= value else S.MISSED
    assert expected == progress.status
    assert (expected is S.MISSED) == (progress.missed_by is not None)


def test_a_passed_target_year_without_data_has_no_verdict_yet():
    """As of 2026, 2025 unobserved: no "on track" for a passed deadline."""
    target = level(Comparator.AT_LEAST, 200, horizon=2025)
    data = series({2020: 100, 2021: 120, 2022: 140, 2023: 160, 2024: 180})

    trend = assess(target, data)
    late = assess(target, data, as_of=pendulum.Date(2026, 3, 1))

    assert S.ON_TRACK == trend.status
    assert S.INSUFFICIENT_DATA == late.status
    assert MethodLabel.STATCAN_NOT_AVAILABLE == late.method_label
    assert trend.ratio == late.ratio
    assert DiagnosticKind.HORIZON_UNOBSERVED in kinds(late)


def test_missed_labels_every_method():
    """Each method names the final miss in its own code space."""
    codes = {
        method: assess(
            level(Comparator.AT_LEAST, 100, horizon=2025),
            series({2025: 50}),
            method=method,
        ).method_label.value
        for method in METHOD_NAMES
    }

    assert {f"{m}.target_missed" for m in METHOD_NAMES} == set(codes.values())


# --- trap 2: the pace needed from now ----------------------------------------


def test_cooperative_groups_need_fifteen_percent_from_now():
    """The method's +1.1 %/yr from 2020 is not what is needed from 2025."""
    target = NQ20.get("cooperative_groups.count", 2030)
    progress = assess(target, national_series("cooperative_groups.count"))

    # Goal 140,000 − 5 % = 133,000. From base 2020 (119,000):
    # (133,000 / 119,000)^(1/10) − 1 = 0.011185. From 2025 (66,000):
    # (133,000 / 66,000)^(1/5) − 1 = 0.150434; (133,000 − 66,000) / 5
    # = 13,400 a year.
    assert math.isclose(
        0.011185, progress.required_growth_from_base, rel_tol=1e-4
    )
    assert math.isclose(
        0.150434, progress.required_growth_from_latest, rel_tol=1e-5
    )
    assert 13_400 == progress.required_change_from_latest
    summary = progress.summary("en")
    assert "needs +15.0 %/yr (+13,400/yr) 2025→2030" in summary
    assert "(method: +1.1 %/yr from 2020)" in summary
    record = progress.as_record()
    assert (
        record["required_growth_from_base"]
        == progress.required_growth_from_base
    )
    assert (
        record["required_growth_from_latest"]
        == progress.required_growth_from_latest
    )
    assert 13_400 == record["required_change_from_latest"]


def test_report_detail_shows_the_pace_from_now():
    """Text, JSON and records of the report name both paces."""
    report = ProgressReport.build(
        NQ20,
        {
            "cooperative_groups.count": national_series(
                "cooperative_groups.count"
            )
        },
    )
    text = report.to_text("vi")
    document = json.loads(report.to_json())
    record = next(
        r
        for r in document["results"]
        if r["indicator"] == "cooperative_groups.count"
    )

    assert "cần +15,0 %/năm (+13.400/năm) 2025→2030" in text
    assert "(phương pháp: +1,1 %/năm từ 2020)" in text
    assert math.isclose(
        0.150434, record["required_growth_from_latest"], rel_tol=1e-5
    )
    assert math.isclose(
        0.011185, record["required_growth_from_base"], rel_tol=1e-4
    )


def test_pace_from_latest_without_enough_data_for_a_trend():
    """One point: too few data for a trend, but the pace needed is known."""
    progress = assess(level(Comparator.AT_LEAST, 121), series({2028: 100}))

    # (121 / 100)^(1/2) − 1 = 0.1; (121 − 100) / 2 = 10.5.
    assert S.INSUFFICIENT_DATA == progress.status
    assert math.isclose(0.1, progress.required_growth_from_latest)
    assert 10.5 == progress.required_change_from_latest
    assert progress.summary("en") == (
        "too few data; needs +10.0 %/yr (+10.5/yr) 2028→2030"
    )


def test_pace_to_zero_is_a_yearly_change_only():
    """No weak cooperatives left: compound growth cannot reach 0."""
    target = level(Comparator.NONE_LEFT, None, indicator=WEAK)
    progress = assess(target, series({2020: 10, 2025: 6}, WEAK))

    # (0 − 6) / 5 = −1.2 a year; no compound rate.
    assert progress.required_growth_from_latest is None
    assert -1.2 == progress.required_change_from_latest
    assert "needs -1.2/yr 2025→2030" in progress.summary("en")


@given(
    st.integers(1, 100_000),
    st.integers(1, 100_000),
    st.integers(2000, 2029),
)
def test_required_pace_lands_on_the_goal(start, goal, year):
    """Growing at the required rate or change reaches the goal on time."""
    target = level(Comparator.AT_LEAST, goal)
    pace = required_pace(target, year, start)
    years = 2030 - year

    assert math.isclose(goal, start * (1 + pace.rate) ** years, rel_tol=1e-9)
    assert math.isclose(goal, start + years * pace.change, rel_tol=1e-9)


def test_required_pace_describes_itself():
    """The pace is written with its span, in both languages."""
    pace = required_pace(COOPERATIVES, 2025, 35_041)

    # (42,750 / 35,041)^(1/5) − 1 = 0.040571; (42,750 − 35,041) / 5 = 1,541.8.
    assert "+4.1 %/yr (+1,542/yr) 2025→2030" == pace.describe("en")
    assert "+4,1 %/năm (+1.542/năm) 2025→2030" == pace.describe("vi")
    assert Direction.INCREASE == pace.direction


def test_required_pace_refuses_a_start_at_the_target_year():
    """No pace is needed from the target year itself."""
    with pytest.raises(ValidationError, match="year"):
        required_pace(COOPERATIVES, 2030, 40_000)


# --- is_met_at ---------------------------------------------------------------

GROWTH = Target.growth_rate(
    indicator=REVENUE, rate=7, base_year=2020, horizon=2025, source=SOURCE
)


def test_is_met_at_for_a_growth_rate_target():
    """7 %/yr from 100 in 2020: 100·1.07³ = 122.5 meets it in 2023."""
    target = GROWTH.with_base(100)

    assert is_met_at(target, 2023, 123)
    assert not is_met_at(target, 2023, 122)
    assert not is_met_at(target, 2020, 500)
    assert not is_met_at(target, 2023, -5)
    assert not is_met_at(target, 2023, 0)
    assert not is_met_at(target, 2019, 500)


def test_is_met_at_refuses_what_it_cannot_judge():
    """A growth-rate target without base, or a value out of bounds."""
    with pytest.raises(ValidationError, match="base_value"):
        is_met_at(GROWTH, 2023, 123)
    with pytest.raises(ValidationError, match="value"):
        is_met_at(level(Comparator.AT_LEAST, 50, indicator=SHARE), 2023, 140)


# --- stale data --------------------------------------------------------------


def test_stale_data_is_flagged_against_the_assessment_date():
    """As of 2026, a 2020 figure is more than three years old."""
    target = level(Comparator.AT_LEAST, 100)
    data = series({2018: 40, 2020: 60})

    old = assess(target, data, as_of=pendulum.Date(2026, 6, 30))
    tolerant = assess(
        target, data, as_of=pendulum.Date(2026, 6, 30), stale_after=6
    )
    fresh = assess(
        target, series({2021: 40, 2023: 60}), as_of=pendulum.Date(2026, 6, 30)
    )

    assert 3 == STALE_AFTER_YEARS
    assert DiagnosticKind.STALE_DATA in kinds(old)
    assert DiagnosticKind.STALE_DATA not in kinds(tolerant)
    assert DiagnosticKind.STALE_DATA not in kinds(fresh)


def test_stale_data_is_flagged_against_the_rest_of_the_report():
    """A share last measured in 2020 beside counts of 2024, in every output."""
    targets = TargetSet(
        code="1-KH/TEST",
        title="test",
        source=SOURCE,
        targets=(
            level(Comparator.AT_LEAST, 200),
            level(Comparator.AT_LEAST, 50, indicator=SHARE),
        ),
    )
    data = {
        "test.count": series({2020: 100, 2024: 150}),
        "test.share": series({2017: 30, 2020: 55}, SHARE),
    }
    report = ProgressReport.build(targets, data)
    count, share = report.rows

    assert DiagnosticKind.STALE_DATA not in kinds(count.results[0])
    assert DiagnosticKind.STALE_DATA in kinds(share.results[0])
    assert "stale data" in report.to_text("en")
    assert "2020: 55.0 % (stale)" in report.to_text("en")
    assert "số liệu cũ" in report.to_text("vi")
    assert "(số liệu cũ)" in report._repr_html_()
    assert "stale_data" in report.to_records()[1]["diagnostics"]
    assert "stale_data" in report.to_json()
    assert DiagnosticKind.STALE_DATA not in kinds(
        ProgressReport.build(targets, data, stale_after=4).rows[1].results[0]
    )


def test_stale_after_must_be_a_whole_number():
    """A negative or fractional number of years is refused."""
    target = level(Comparator.AT_LEAST, 100)
    for bad in (-1, 1.5, True):
        with pytest.raises(ValidationError, match="stale_after"):
            assess(target, series({2020: 1}), stale_after=bad)
    with pytest.raises(ValidationError, match="stale_after"):
        ProgressReport.build(NQ20, {}, stale_after=-1)


# --- bounds ------------------------------------------------------------------


def test_compound_projection_of_a_share_stays_below_100():
    """10 % → 60 % in five years is projected to 77,760 %, held at 100."""
    # 60 · (60/10)^(20/5) = 60 · 1,296 = 77,760; the target year is 2045.
    target = level(Comparator.AT_LEAST, 90, indicator=SHARE, horizon=2045)
    progress = assess(
        target,
        series({2020: 10, 2025: 60}, SHARE),
        method="projection",
        base_year=2020,
    )

    assert 100 == progress.projected_value
    assert S.ON_TRACK == progress.status
    assert DiagnosticKind.PROJECTION_BOUNDED in kinds(progress)


def test_linear_projection_of_a_count_never_goes_negative():
    """Falling 50 a year from 100 in 2025: −150 in 2030 is held at 0."""
    target = level(Comparator.AT_LEAST, 200)
    progress = assess(
        target,
        series({2020: 350, 2025: 100}),
        method="projection",
        projector=LinearTrend(),
    )

    assert 0 == progress.projected_value
    assert S.REGRESSING == progress.status


def test_destatis_projection_of_a_falling_share_stays_above_0():
    """−3 points a year from 12 % in 2025: −3 % in 2030 is held at 0."""
    target = level(Comparator.LESS_THAN, 2, indicator=WEAK)
    data = series({2020 + k: 27 - 3 * k for k in range(6)}, WEAK)
    progress = assess(target, data, method="destatis")

    assert 0 == progress.projected_value
    assert 0 == progress.shortfall
    assert S.ON_TRACK == progress.status


@given(
    st.lists(st.floats(0, 100), min_size=2, max_size=6),
    st.integers(2026, 2060),
    st.sampled_from(["projection", "destatis"]),
)
def test_projected_shares_stay_within_0_and_100(shares, horizon, method):
    """Whatever the trend, a projected share lies in 0–100 %."""
    values = {2025 - len(shares) + 1 + k: v for k, v in enumerate(shares)}
    target = level(Comparator.AT_LEAST, 100, indicator=SHARE, horizon=horizon)
    progress = assess(target, series(values, SHARE), method=method)

    assume(progress.projected_value is not None)
    assert 0 <= progress.projected_value <= 100


# --- exactness at band edges -------------------------------------------------


def test_destatis_shortfall_on_the_5_percent_edge_is_exact():
    """m is exactly 5 %, which floats compute as 4.99999999999998 %."""
    # Δ̄ = (11 − 1.5) / 5 = 1.9; x̂ = 11 + 2 · 1.9 = 14.8;
    # m = (15 − 14.8) / (15 − 11) = 0.05: sun behind cloud (5 % ≤ m).
    target = level(Comparator.AT_LEAST, 15, indicator=SHARE, horizon=2025)
    values = {2018: 1.5, 2019: 3.4, 2020: 5.3, 2021: 7.2, 2022: 9.1, 2023: 11}
    progress = assess(target, series(values, SHARE), method="destatis")

    assert MethodLabel.DESTATIS_SUN_CLOUD == progress.method_label
    assert 0.05 == progress.shortfall


# --- projected values --------------------------------------------------------


def test_projected_observations_are_named_in_every_output():
    """A verdict on projected values says so, and the report marks them."""
    observed = [
        Observation(year=2020, value=26_040),
        Observation(year=2025, value=35_041),
    ]
    projected = [
        Observation(year=2030, value=44_000, projected=True),
    ]
    data = Series.of(COOPERATIVES.indicator, observed + projected)
    progress = assess(COOPERATIVES, data)
    report = ProgressReport.build(NQ20, {"cooperatives.count": data})

    assert S.ACHIEVED == progress.status
    assert 2030 == progress.projected_from
    assert DiagnosticKind.PROJECTED_DATA in kinds(progress)
    assert "2030: 44,000 (projected)" in report.to_text("en")
    assert "2030: 44.000 (dự báo)" in report.to_text("vi")
    assert 2030 == report.to_records()[2]["projected_from"]


# --- other summaries ---------------------------------------------------------


def test_summary_of_a_projection_names_p_and_the_projection():
    """The projection method's summary: P, the projected value, the pace."""
    progress = assess(
        level(Comparator.AT_LEAST, 100),
        series({2020: 50, 2025: 60}),
        method="projection",
    )

    # x̂ = 60 · (60/50)^(5/5) = 72; P = (72 − 50) / (100 − 50) = 0.44.
    assert progress.summary("en").startswith("P = 0.44, projected 2030: 72.0;")


def test_summary_when_no_change_was_required():
    """A base already at the goal: judged on the direction only."""
    progress = assess(
        level(Comparator.MORE_THAN, 100), series({2020: 100, 2025: 100})
    )

    assert progress.summary("en").startswith("no change was required;")


def test_compound_projection_overflow_falls_back_to_linear():
    """x 10¹⁶³ a year cannot be continued in floats: linear, with a note."""
    with pytest.raises(ValidationError, match="overflows"):
        CompoundGrowth().project([2024, 2025], [1e-163, 1.0], 2027)
    progress = assess(
        level(Comparator.AT_LEAST, 100, indicator=SHARE, horizon=2027),
        series({2024: 1e-163, 2025: 1.0}, SHARE),
        method="projection",
    )

    # Linear: 1 + 2 · (1 − 1e-163) = 3.
    assert "linear" == progress.projector
    assert 3 == progress.projected_value


# --- base at the goal, windows and epsilons ----------------------------------


@pytest.mark.parametrize(
    ("latest", "status"),
    [(110, S.ON_TRACK), (100, S.LIMITED), (90, S.REGRESSING)],
)
@pytest.mark.parametrize("method", ["statcan", "projection"])
def test_base_at_the_goal_is_judged_by_direction(latest, status, method):
    """Base 100 for "more than 100": only the direction since counts."""
    target = level(Comparator.MORE_THAN, 100)
    progress = assess(target, series({2020: 100, 2025: latest}), method=method)

    expected = S.ACHIEVED if latest > 100 else status
    assert expected == progress.status
    if expected is not S.ACHIEVED:
        assert DiagnosticKind.BASE_AT_TARGET in kinds(progress)


def test_base_at_the_goal_projected_past_it_is_on_track():
    """From the goal 100 down to 90, back to 99: recent growth weighs more."""
    # Weights 10/7 and 10/5: (10/7 · ln 0.9 + 2 · ln 1.1) / (10/7 · 3 + 2 · 2)
    # = 0.00484 a year; x̂ = 99 · e^(5 · 0.00484) = 101.4 > 100.
    progress = assess(
        level(Comparator.MORE_THAN, 100),
        series({2020: 100, 2023: 90, 2025: 99}),
        method="projection",
        projector=TimeWeightedGeometric(),
        base_year=2020,
    )

    assert S.ON_TRACK == progress.status
    assert math.isclose(101.43, progress.projected_value, rel_tol=1e-3)
    assert DiagnosticKind.BASE_AT_TARGET in kinds(progress)


def test_eurostat_with_a_base_year_given():
    """Eurostat from a chosen base year rather than five years back."""
    data = series({2016: 100, 2020: 120, 2025: 150})
    progress = assess(
        level(Comparator.AT_LEAST, 300),
        data,
        method="eurostat",
        base_year=2016,
    )

    assert 2016 == progress.base_year


def test_epsilon_moves_a_share_at_100_for_the_logit():
    """A share of 100 % is moved to 99.9 for the logit, and noted."""
    target = level(Comparator.MORE_THAN, 99.95, indicator=SHARE)
    progress = assess(
        target,
        series({2020: 90, 2025: 99.9}, SHARE),
        method="projection",
        projector=WeightedLogit(),
        epsilon=0.1,
    )
    untouched = assess(
        target,
        series({2020: 90, 2024: 100, 2025: 99.9}, SHARE),
        method="projection",
        projector=WeightedLogit(),
        epsilon=0.1,
    )

    assert DiagnosticKind.ZERO_REPLACED not in kinds(progress)
    assert DiagnosticKind.ZERO_REPLACED in kinds(untouched)
    assert "escap_logit" == untouched.projector


def test_destatis_summary_names_the_shortfall():
    """Destatis' summary gives m and the projection."""
    values = {2020 + k: 60 + 4 * k for k in range(6)}
    progress = assess(
        level(Comparator.AT_LEAST, 100, indicator=SHARE),
        series(values, SHARE),
        method="destatis",
    )

    # Δ̄ = 4; x̂ = 80 + 5 · 4 = 100; m = 0: sun.
    assert progress.summary("en").startswith("m = +0.0 %, projected 2030: 100")


def test_destatis_with_four_consecutive_years():
    """Three changes instead of five are used, and noted."""
    data = series({2022: 10, 2023: 12, 2024: 14, 2025: 16})
    progress = assess(level(Comparator.AT_LEAST, 30), data, method="destatis")

    # Δ̄ = (16 − 10) / 3 = 2; x̂ = 16 + 5 · 2 = 26; m = 4 / 14 = 0.2857.
    assert 26 == progress.projected_value
    assert math.isclose(4 / 14, progress.shortfall)
    assert DiagnosticKind.SHORT_WINDOW in kinds(progress)


def test_time_weighted_projection_overflow_is_refused():
    """Growth of 10³⁰⁰ a year cannot be continued in floats."""
    with pytest.raises(ValidationError, match="overflows"):
        TimeWeightedGeometric().project([2024, 2025], [1e-300, 1.0], 2030)
