"""
Whole assessments pinned to hand-computed numbers: every field of the
record, the summary and the notes in both languages, for each method.
"""

from __future__ import annotations

import pendulum
import pytest

from helpers import PROFIT, REVENUE, kinds, level, series
from kttt.progress import DiagnosticKind, WeightedLogit, assess, required_pace
from kttt.targets import Comparator


# From 100 in 2015 by 5 a year to 125 in 2020, toward at least 200 in 2030,
# assessed in mid-2024: the data is more than three years old.
STEADY = {2015: 100, 2016: 105, 2017: 110, 2018: 115, 2019: 120, 2020: 125}
AT_LEAST_200 = level(Comparator.AT_LEAST, 200)
MID_2024 = pendulum.Date(2024, 6, 30)

#: The part of the record every method shares on STEADY: observed change
#: 25 / 5 = 5 a year, 100 / 15 required from 2015; from 2020, 75 / 10 =
#: 7.5 a year or 1.6^(1/10) − 1 = 4.8122 %; a quarter of the way in a
#: third of the time; 75 / 5 = 15 more years at the observed pace.
COMMON = {
    "indicator": "test.count",
    "horizon": 2030,
    "comparator": "at_least",
    "target_value": 200,
    "as_of": "2024-06-30",
    "direction": "increase",
    "latest_year": 2020,
    "latest_value": 125,
    "goal": 200.0,
    "base_year": 2015,
    "base_value": 100,
    "projected_from": None,
    "observed_change": 5.0,
    "required_change_from_base": 100 / 15,
    "required_growth_from_latest": 1.6**0.1 - 1,
    "required_change_from_latest": 7.5,
    "distance_covered": 0.25,
    "time_elapsed": 1 / 3,
    "years_to_target": 15.0,
    "missed_by": None,
    "diagnostics": "stale_data",
}
#: R = (1.25^(1/5) − 1) / (2^(1/15) − 1) = 0.965015: score 50/7 · 0.365015.
RATIO = (1.25**0.2 - 1) / (2 ** (1 / 15) - 1)
GROWTH = {
    "observed_growth": 1.25**0.2 - 1,
    "required_growth_from_base": 2 ** (1 / 15) - 1,
    "ratio": RATIO,
    "projected_value": None,
    "projector": None,
    "shortfall": None,
}
NEEDED_EN = "needs +4.8 %/yr (+7.5/yr) 2020→2030"
NEEDED_VI = "cần +4,8 %/năm (+7,5/năm) 2020→2030"


@pytest.mark.parametrize(
    ("method", "record", "summary_en", "summary_vi"),
    [
        (
            "statcan",
            {
                **GROWTH,
                "status": "on_track",
                "method_label": "statcan.substantial_progress",
                "score": 50 / 7 * (RATIO - 0.6),
            },
            f"R = 0.97; {NEEDED_EN} (method: +4.7 %/yr from 2015)",
            f"R = 0,97; {NEEDED_VI} (phương pháp: +4,7 %/năm từ 2015)",
        ),
        (
            "eurostat",
            {
                **GROWTH,
                "status": "on_track",
                "method_label": "eurostat.significant_progress",
                "score": 50 / 7 * (RATIO - 0.6),
            },
            f"R = 0.97; {NEEDED_EN} (method: +4.7 %/yr from 2015)",
            f"R = 0,97; {NEEDED_VI} (phương pháp: +4,7 %/năm từ 2015)",
        ),
        (
            "unsd2022",
            {
                **GROWTH,
                "status": "on_track",
                "method_label": "unsd2022.substantial_progress",
                "score": None,
            },
            f"R = 0.97; {NEEDED_EN} (method: +4.7 %/yr from 2015)",
            f"R = 0,97; {NEEDED_VI} (phương pháp: +4,7 %/năm từ 2015)",
        ),
        # x̂ = 125 · 1.25² = 195.3125; P = 95.3125 / 100.
        (
            "projection",
            {
                "status": "on_track",
                "method_label": "projection.on_track",
                "observed_growth": None,
                "required_growth_from_base": None,
                "ratio": 0.953125,
                "projected_value": 195.3125,
                "projector": "compound",
                "shortfall": None,
                "score": None,
            },
            f"P = 0.95, projected 2030: 195; {NEEDED_EN}",
            f"P = 0,95, dự báo 2030: 195; {NEEDED_VI}",
        ),
        # x̂ = 125 + 10 · 5 = 175; m = (200 − 175) / (200 − 125) = 1/3.
        (
            "destatis",
            {
                "status": "limited",
                "method_label": "destatis.cloud",
                "observed_growth": None,
                "required_growth_from_base": None,
                "ratio": None,
                "projected_value": 175.0,
                "projector": "destatis_linear",
                "shortfall": 1 / 3,
                "score": None,
            },
            f"m = +33.3 %, projected 2030: 175; {NEEDED_EN}",
            f"m = +33,3 %, dự báo 2030: 175; {NEEDED_VI}",
        ),
    ],
)
def test_steady_growth_by_each_method(method, record, summary_en, summary_vi):
    """Each method's whole verdict on STEADY, as of mid-2024."""
    progress = assess(
        AT_LEAST_200, series(STEADY), method=method, as_of=MID_2024
    )

    assert {**COMMON, "method": method, **record} == pytest.approx(
        progress.as_record()
    )
    assert MID_2024 == progress.as_of
    assert summary_en == progress.summary("en")
    assert summary_vi == progress.summary("vi")
    assert [
        (
            "stale data: the latest observation is from 2020, more than 3"
            " years before 2024-06-30"
        )
    ] == [d.describe("en") for d in progress.diagnostics]


# --- targets without a number ---------------------------------------------

RISING = level(Comparator.INCREASE, None, indicator=REVENUE)
#: No 2015: the ratio methods start in 2016 (StatCan's first year after
#: 2015, Eurostat's 2020 − 5 moved to 2016, the nearest year for UNSD and
#: the projection); Destatis' run of consecutive years is 2016 to 2020.
REVENUES = {2013: 90, 2016: 100, 2017: 104, 2018: 108, 2019: 106, 2020: 110}
TARGETLESS_COMMON = {
    "indicator": "test.revenue",
    "horizon": 2030,
    "comparator": "increase",
    "target_value": None,
    "as_of": None,
    "direction": "increase",
    "latest_year": 2020,
    "latest_value": 110,
    "goal": None,
    "base_year": 2016,
    "base_value": 100,
    "required_growth_from_base": None,
    "ratio": None,
    "projected_value": None,
    "projector": None,
    "shortfall": None,
    "score": None,
    "projected_from": None,
    "observed_change": 2.5,
    "required_change_from_base": None,
    "required_growth_from_latest": None,
    "required_change_from_latest": None,
    "distance_covered": None,
    "time_elapsed": 4 / 14,
    "years_to_target": None,
    "missed_by": None,
}
NO_TARGET_NOTE = (
    "no quantified target: classified by the observed growth: the programme"
    " names a direction only; the observed compound growth per year is"
    " classified by the method's thresholds"
)


@pytest.mark.parametrize(
    ("method", "label"),
    [
        ("statcan", "statcan.substantial_progress"),
        ("eurostat", "eurostat.significant_progress"),
        ("unsd2022", "unsd2022.substantial_progress"),
        ("projection", "projection.on_track"),
    ],
)
def test_targetless_growth_by_each_ratio_method(method, label):
    """(110 / 100)^(1/4) − 1 = 2.41 % a year: the best class of each."""
    progress = assess(RISING, series(REVENUES, REVENUE), method=method)

    assert {
        **TARGETLESS_COMMON,
        "method": method,
        "status": "on_track",
        "method_label": label,
        "observed_growth": 1.1**0.25 - 1,
        "diagnostics": "no_target;base_shifted",
    } == pytest.approx(progress.as_record())
    assert "growth +2.4 %/yr" == progress.summary("en")
    assert "tăng +2,4 %/năm" == progress.summary("vi")
    assert [
        NO_TARGET_NOTE,
        "base year shifted: no data for 2015; base year 2016 used",
    ] == [d.describe("en") for d in progress.diagnostics]


def test_targetless_destatis_signs_of_the_changes():
    """Mean (110 − 100) / 4 = 2.5 and last 110 − 106 = 4, both up: sun."""
    progress = assess(RISING, series(REVENUES, REVENUE), method="destatis")

    assert {
        **TARGETLESS_COMMON,
        "method": "destatis",
        "status": "on_track",
        "method_label": "destatis.sun",
        "observed_growth": None,
        "diagnostics": "no_target",
    } == pytest.approx(progress.as_record())


GAP_BEFORE_LATEST = {2015: 100, 2016: 104, 2017: 108, 2018: 110, 2020: 116}


@pytest.mark.parametrize("goal", [None, 200])
def test_destatis_needs_the_latest_years_in_a_row(goal):
    """2019 is missing: the run ending in 2020 is one year, too short."""
    wanted = RISING if goal is None else level(Comparator.AT_LEAST, goal)
    data = series(GAP_BEFORE_LATEST, wanted.indicator)

    progress = assess(wanted, data, method="destatis")

    assert ("insufficient_data", "destatis.not_assessed") == (
        progress.status.value,
        progress.method_label.value,
    )
    assert (None, None) == (progress.base_year, progress.base_value)


def test_destatis_run_starts_after_a_gap():
    """2012 then 2016 to 2020: four changes from 2016, and a note."""
    data = series(
        {2012: 50, 2016: 100, 2017: 110, 2018: 120, 2019: 130, 2020: 140}
    )

    progress = assess(AT_LEAST_200, data, method="destatis")

    # Δ̄ = 40 / 4 = 10; x̂ = 140 + 10 · 10 = 240 ≥ 200: m = 0, sun.
    assert (2016, 100, 240.0, 0.0) == (
        progress.base_year,
        progress.base_value,
        progress.projected_value,
        progress.shortfall,
    )
    assert "destatis.sun" == progress.method_label.value
    assert [
        (
            "shorter window than the method's standard: 4 annual changes"
            " used instead of 5"
        )
    ] == [d.describe("en") for d in progress.diagnostics]


def test_targetless_with_one_observation_has_too_few_data():
    """A single year gives no growth: insufficient, said in both languages."""
    progress = assess(RISING, series({2020: 100}, REVENUE))

    assert "insufficient_data" == progress.status.value
    assert "không đủ số liệu" == progress.summary()
    assert "too few data" == progress.summary("en")


# --- words: Vietnamese unless English is asked for -----------------------


def test_progress_words_are_vietnamese_by_default():
    """Summaries, notes and paces speak Vietnamese unless told otherwise."""
    progress = assess(
        AT_LEAST_200, series(STEADY), method="destatis", as_of=MID_2024
    )
    (note,) = progress.diagnostics
    pace = required_pace(AT_LEAST_200, 2020, 125)

    assert progress.summary("vi") == progress.summary()
    assert note.describe("vi") == note.describe()
    assert note.describe().startswith("số liệu cũ: ")
    assert "+4,8 %/năm (+7,5/năm) 2020→2030" == pace.describe()


@pytest.mark.parametrize(
    ("year", "value", "text"),
    [
        # (1000 − 0) / 10 = 100 a year exactly: no decimal from 100 up.
        (2020, 0, "+100/yr 2020→2030"),
        # 1000 / 502 = 1.992: 14.77 %; (1000 − 502) / 5 = 99.6 a year.
        (2025, 502, "+14.8 %/yr (+99.6/yr) 2025→2030"),
        (2025, 500, "+14.9 %/yr (+100/yr) 2025→2030"),
    ],
)
def test_required_pace_writes_yearly_changes_of_100_whole(year, value, text):
    """Changes of 100 or more are whole; below 100 they keep one decimal."""
    wanted = level(Comparator.AT_LEAST, 1000)

    assert text == required_pace(wanted, year, value).describe("en")


# --- projectors, pinned ---------------------------------------------------


def test_logit_projection_below_one_half():
    """40 % then 20 %: logit ln(3/32) in 2030, a share of 3/35."""
    projected = WeightedLogit().project([2020, 2025], [40, 20], 2030)

    assert 300 / 35 == pytest.approx(projected, rel=1e-12)


def test_logit_projection_on_a_scale_below_one():
    """Shares of 0.5: 0.1 and 0.2 are 20 % and 40 %; 2030 gives 16/25."""
    logit = WeightedLogit(scale=0.5)

    assert 0.32 == pytest.approx(logit.project([2020, 2025], [0.1, 0.2], 2030))


# --- verdicts every method shares -----------------------------------------

#: What an achieved or missed verdict leaves unset: the method's window.
UNSET = dict.fromkeys(
    (
        "base_year",
        "base_value",
        "observed_growth",
        "required_growth_from_base",
        "ratio",
        "projected_value",
        "projector",
        "shortfall",
        "projected_from",
        "observed_change",
        "required_change_from_base",
        "required_growth_from_latest",
        "required_change_from_latest",
        "distance_covered",
        "time_elapsed",
        "years_to_target",
    )
)
ACHIEVED_LABELS = {
    "statcan": "statcan.target_achieved",
    "eurostat": "eurostat.target_met",
    "unsd2022": "unsd2022.target_met",
    "projection": "projection.target_met",
    "destatis": "destatis.sun",
}
SCORED = {"statcan", "eurostat"}


@pytest.mark.parametrize("method", list(ACHIEVED_LABELS))
def test_achieved_before_the_target_year(method):
    """125 already meets at least 120: achieved, scored 5 where scored."""
    progress = assess(
        level(Comparator.AT_LEAST, 120), series(STEADY), method=method
    )

    assert {
        **COMMON,
        **UNSET,
        "target_value": 120,
        "goal": 120.0,
        "as_of": None,
        "method": method,
        "status": "achieved",
        "method_label": ACHIEVED_LABELS[method],
        "score": 5.0 if method in SCORED else None,
        "diagnostics": "",
    } == progress.as_record()
    assert ("đạt mục tiêu", "target met") == (
        progress.summary(),
        progress.summary("en"),
    )


@pytest.mark.parametrize("method", list(ACHIEVED_LABELS))
def test_missed_in_the_target_year(method):
    """At least 225 by 2020, 125 observed in 2020: missed by 100, final."""
    progress = assess(
        level(Comparator.AT_LEAST, 225, horizon=2020),
        series(STEADY),
        method=method,
    )

    assert {
        **COMMON,
        **UNSET,
        "horizon": 2020,
        "target_value": 225,
        "goal": 225.0,
        "as_of": None,
        "method": method,
        "status": "missed",
        "method_label": f"{method}.target_missed",
        "score": None,
        "missed_by": 100.0,
        "diagnostics": "horizon_reached",
    } == progress.as_record()
    assert ("không đạt, thiếu 100", "missed by 100") == (
        progress.summary(),
        progress.summary("en"),
    )
    assert [
        "target year observed, the verdict is final: 2020: 125 against 225"
    ] == [d.describe("en") for d in progress.diagnostics]


@pytest.mark.parametrize("method", ["statcan", "projection"])
@pytest.mark.parametrize(
    ("values", "epsilon", "expected"),
    [
        # A loss shrinking from 100 to 80: 0.8^(1/5) − 1 = −4.36 %, which
        # on a negative base is progress.
        ({2015: -100, 2020: -80}, None, ("on_track", 1 - 0.8**0.2, False)),
        # From 0 no compound growth exists, unless 0 is replaced by 0.5:
        # (50 / 0.5)^(1/5) − 1 = 151.2 %.
        ({2015: 0, 2020: 50}, None, ("insufficient_data", None, True)),
        ({2015: 0, 2020: 50}, 0.5, ("on_track", 100**0.2 - 1, False)),
        # Down to 0: none either, unless 0 is 1: (1 / 50)^(1/5) − 1.
        ({2015: 50, 2020: 0}, None, ("insufficient_data", None, True)),
        ({2015: 50, 2020: 0}, 1, ("regressing", 0.02**0.2 - 1, False)),
    ],
)
def test_targetless_growth_around_zero(method, values, epsilon, expected):
    """Compound growth from or to 0, and from a negative value."""
    progress = assess(
        level(Comparator.INCREASE, None, indicator=PROFIT),
        series(values, PROFIT),
        method=method,
        epsilon=epsilon,
    )

    status, growth, linear = expected

    assert (status, pytest.approx(growth), 2015) == (
        progress.status.value,
        progress.observed_growth,
        progress.base_year,
    )
    assert linear == (DiagnosticKind.LINEAR_RATES in kinds(progress))


def test_targetless_projection_base_ties_go_to_the_later_year():
    """2013 and 2017 are both two years from 2015: 2017 is the base."""
    data = series({2013: 100, 2017: 110, 2020: 120}, PROFIT)

    progress = assess(
        level(Comparator.INCREASE, None, indicator=PROFIT),
        data,
        method="projection",
    )

    assert (2017, 110) == (progress.base_year, progress.base_value)
    assert pytest.approx((12 / 11) ** (1 / 3) - 1) == progress.observed_growth
