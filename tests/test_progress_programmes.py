"""Provincial programmes: targets without a number, settings, indices."""

from __future__ import annotations

import pytest

from hypothesis import given
from hypothesis import strategies as st

from kttt.errors import KtttError
from kttt.geography import Era, Province
from kttt.progress import (
    DiagnosticKind,
    MethodLabel,
    MethodSettings,
    ProgressReport,
    ProgressStatus,
    assess,
)
from kttt.series import Series
from kttt.sources import Source
from kttt.targets import (
    Comparator,
    Indicator,
    Target,
    programme_from_csv,
    read_programme,
)


S = ProgressStatus
SOURCE = Source(document="12-KH/UBND")
REVENUE = Indicator.get("cooperatives.revenue_average")
COUNT = Indicator.get("cooperatives.count")


def rising(horizon: int = 2030) -> Target:
    return Target(
        indicator=REVENUE,
        comparator=Comparator.INCREASE,
        horizon=horizon,
        source=SOURCE,
    )


def test_targetless_growth_is_classified_by_each_method():
    """2015: 100, 2020: 105 → CAGR = 1.05^(1/5) − 1 = 0.98 % a year."""
    # 1.05 ** 0.2 = 1.009806..., so g = 0.9806 %.
    data = Series.from_values(REVENUE, {2015: 100.0, 2020: 105.0})

    statcan = assess(rising(), data, method="statcan")
    eurostat = assess(rising(), data, method="eurostat")
    unsd = assess(rising(), data, method="unsd2022")

    assert statcan.observed_growth == pytest.approx(0.009806, abs=1e-6)
    # StatCan: 0.5 % ≤ 0.98 % < 1.5 % (revenue has no limit, C = 1).
    assert (S.NEEDS_ACCELERATION, MethodLabel.STATCAN_MODERATE) == (
        statcan.status,
        statcan.method_label,
    )
    # Eurostat: 0 ≤ 0.98 % ≤ 1 %: moderate progress.
    assert MethodLabel.EUROSTAT_MODERATE == eurostat.method_label
    # UNSD 2022: 0.5 % ≤ 0.98 % ≤ 1 %: fair progress.
    assert MethodLabel.UNSD2022_FAIR == unsd.method_label
    assert statcan.goal is None
    assert DiagnosticKind.NO_TARGET in {d.kind for d in statcan.diagnostics}


def test_targetless_decline_moves_away():
    """2015: 100, 2020: 90 → CAGR = 0.9^(1/5) − 1 = −2.09 % a year."""
    data = Series.from_values(REVENUE, {2015: 100.0, 2020: 90.0})

    progress = assess(rising(), data, method="eurostat")

    # −2.09 % < −1 %: significant movement away.
    assert MethodLabel.EUROSTAT_SIGNIFICANT_AWAY == progress.method_label
    assert S.REGRESSING == progress.status


def test_statcan_natural_limit_scales_the_thresholds():
    """A share at 90 % of its limit: C = 1 − 0.9^4.44 = 0.3731."""
    share = Indicator.get("cooperatives.effective_share")
    target = Target(
        indicator=share,
        comparator=Comparator.INCREASE,
        horizon=2030,
        source=SOURCE,
    )
    # 90 → 94.5 over 5 years: g = 1.05^(1/5) − 1 = 0.98 %. Scaled
    # thresholds: 1.5 % · 0.3731 = 0.56 %, 0.5 % · 0.3731 = 0.19 %, so
    # 0.98 % is substantial progress (unscaled it would be moderate).
    data = Series.from_values(share, {2015: 90.0, 2020: 94.5})

    assert S.ON_TRACK == assess(target, data).status


def test_destatis_directional_signals():
    """Mean of the last changes up, latest change down: sun behind cloud."""
    data = Series.from_values(
        REVENUE, {2016: 100.0, 2017: 104.0, 2018: 108.0, 2019: 106.0}
    )
    # Mean change (106 − 100) / 3 = +2 (right way); last 106 − 108 = −2.

    progress = assess(rising(), data, method="destatis")

    assert MethodLabel.DESTATIS_SUN_CLOUD == progress.method_label


def test_settings_move_the_thresholds():
    """R = 0.7 is moderate by default, on track with a 0.6 threshold."""
    # Level 1 000 in 2015, 1 100 in 2020, target 1 500 in 2030:
    # CAGR_obs = 1.1^(1/5) − 1 = 1.924 %, CAGR_req = 1.5^(1/15) − 1
    # = 2.740 %, R = 0.702.
    target = Target(
        indicator=COUNT,
        comparator=Comparator.AT_LEAST,
        value=1_500,
        horizon=2030,
        source=SOURCE,
    )
    data = Series.from_values(COUNT, {2015: 1_000.0, 2020: 1_100.0})
    lax = MethodSettings(method="statcan", target=(0.6, 0.3, 0.0))

    default = assess(target, data)
    moved = assess(target, data, settings=lax)

    assert default.ratio == pytest.approx(0.702, abs=1e-3)
    assert (S.NEEDS_ACCELERATION, S.ON_TRACK) == (default.status, moved.status)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"method": "statcan", "target": (0.95, 0.6)}, "target"),
        ({"method": "statcan", "target": (0.6, 0.95, 0.0)}, "target"),
        (
            {"method": "eurostat", "no_target": (0.01, float("nan"), 0)},
            "no_target",
        ),
        ({"method": "destatis", "target": (0.2, 0.05)}, "target"),
        ({"method": "nowhere"}, "method"),
    ],
)
def test_settings_are_validated(fields, field):
    """Too few, unordered, non-finite thresholds or unknown methods."""
    with pytest.raises(KtttError) as info:
        MethodSettings(**fields)

    assert field == info.value.field


def test_settings_of_another_method_are_refused():
    """Statcan's settings cannot drive Eurostat."""
    with pytest.raises(KtttError):
        assess(
            rising(),
            Series.from_values(REVENUE, {2015: 1.0, 2020: 2.0}),
            method="eurostat",
            settings=MethodSettings.published("statcan"),
        )


def test_growth_target_without_its_base_year_shifts():
    """A 7 %/yr target from 2020 with data from 2021 starts from 2021."""
    target = Target.growth_rate(
        indicator=REVENUE, rate=7, base_year=2020, horizon=2025, source=SOURCE
    )
    data = Series.from_values(REVENUE, {2021: 100.0, 2023: 120.0})

    progress = assess(target, data)

    assert 2021 == progress.target.base_year
    # Goal 100 · 1.07^4 = 131.08.
    assert progress.goal == pytest.approx(131.0796, abs=1e-4)
    assert DiagnosticKind.BASE_SHIFTED in {
        d.kind for d in progress.diagnostics
    }


def test_increment_without_any_earlier_year_is_insufficient_data():
    """No year before the target year: insufficient data, no exception."""
    target = Target.increment(
        indicator=COUNT,
        increment=380,
        base_year=2020,
        horizon=2025,
        source=SOURCE,
    )
    data = Series.from_values(COUNT, {2025: 1_000.0})

    progress = assess(target, data)

    assert (S.INSUFFICIENT_DATA, None) == (progress.status, progress.goal)
    assert DiagnosticKind.BASE_UNOBSERVED in {
        d.kind for d in progress.diagnostics
    }


def test_successor_data_is_assessed_with_a_note():
    """Khánh Hòa (34) data against Ninh Thuận's 2022 programme says so."""
    ninh_thuan = Province.get("Ninh Thuận", era=Era.PRE_2025)
    target = Target(
        indicator=COUNT,
        comparator=Comparator.AT_LEAST,
        value=200,
        horizon=2030,
        source=SOURCE,
        scope=ninh_thuan,
    )
    data = Series.from_values(
        COUNT, {2024: 300.0, 2025: 320.0}, scope=ninh_thuan.successor()
    )

    progress = assess(target, data)

    notes = [
        d
        for d in progress.diagnostics
        if d.kind is DiagnosticKind.OTHER_TERRITORY
    ]
    assert notes
    assert "not the same territory" in notes[0].detail


def test_index_is_pinned_to_hand_computed_numbers():
    """Two targets: CS = 0.5 and 1 (met) → CSI 0.75."""
    # Target A: at least 200 by 2030 from 100 in 2015; 150 in 2020:
    # CS = (150 − 100) / (200 − 100) = 0.5; elapsed (2020 − 2015) / 15.
    # Target B: at least 50, 60 observed: met, CS = AP = 1.
    plan = programme_from_csv(
        "field,value\ncode,1-KH\ntitle,x\n\n"
        "indicator,year,comparator,value\n"
        "cooperatives.count,2030,ít nhất,200\n"
        "cooperative_unions.count,2030,ít nhất,50\n"
    )
    data = {
        "cooperatives.count": {2015: 100.0, 2020: 150.0},
        "cooperative_unions.count": {2015: 40.0, 2020: 60.0},
    }

    index = ProgressReport.build(plan, data).index()

    assert index.current_status == pytest.approx(0.75)
    # A's projection (compound growth): 150 · 1.5^(10/5) = 337.5, past 200:
    # AP = min(1, (337.5 − 100) / 100) = 1; B is met: 1.
    assert index.anticipated_progress == pytest.approx(1.0)
    assert index.expected == pytest.approx((1 / 3 + 1 / 3) / 2)
    assert {S.ACHIEVED: 1 / 2, S.ON_TRACK: 1 / 2} == index.shares["statcan"]


@given(st.floats(1, 500), st.floats(1, 500), st.floats(1, 500))
def test_targetless_class_is_monotone_in_the_observed_rate(x0, low, high):
    """A faster rise never gets a worse class; ranks stay in bounds."""
    low, high = sorted((low, high))
    slow = Series.from_values(REVENUE, {2015: x0, 2020: low})
    fast = Series.from_values(REVENUE, {2015: x0, 2020: high})
    for method in ("statcan", "eurostat", "unsd2022", "projection"):
        before = assess(rising(), slow, method=method).status.rank
        after = assess(rising(), fast, method=method).status.rank

        assert 1 <= before <= after <= 4


@given(
    st.lists(st.integers(1, 10_000), min_size=1, max_size=5),
    st.integers(0, 10_000),
)
def test_index_of_achieved_targets_is_the_maximum(levels, extra):
    """Every target met: CSI = API = 1, the most an index can be."""
    rows = "".join(
        f"cooperatives.{name},2030,ít nhất,{level}\n"
        for name, level in zip(("count", "members"), levels, strict=False)
    )
    plan = programme_from_csv(
        "field,value\ncode,1-KH\ntitle,x\n\nindicator,year,comparator,value\n"
        + rows
    )
    data = {
        target.indicator.code: {
            2015: 0.0,
            2020: float(target.value or 0) + extra,
        }
        for target in plan
    }

    index = ProgressReport.build(plan, data).index()

    assert (index.current_status, index.anticipated_progress) == (1.0, 1.0)


@given(
    st.integers(1, 1_000),
    st.integers(0, 2_000),
    st.integers(1, 2_000),
)
def test_index_is_bounded_and_monotone_in_the_latest_value(x0, xt, more):
    """CSI ≤ 1, and a higher latest value never lowers it."""
    plan = programme_from_csv(
        "field,value\ncode,1-KH\ntitle,x\n\nindicator,year,comparator,value\n"
        "cooperatives.count,2030,ít nhất,3000\n"
    )
    low = ProgressReport.build(
        plan, {"cooperatives.count": {2015: float(x0), 2020: float(xt)}}
    ).index()
    high = ProgressReport.build(
        plan, {"cooperatives.count": {2015: float(x0), 2020: float(xt + more)}}
    ).index()

    assert low.current_status is not None
    assert high.current_status is not None
    assert low.current_status <= high.current_status <= 1


def test_three_provinces_programmes_from_sheets_are_assessed(tmp_path):
    """Three provinces write their programmes as sheets; kttt assesses them."""
    sheets = {
        "tay-ninh.csv": (
            "Tây Ninh",
            "15/3/2022",
            (
                "cooperatives.count,2030,khoảng,150\n"
                "cooperatives.revenue_average,2030,tăng,\n"
            ),
        ),
        "quang-binh.csv": (
            "Quảng Bình",
            "6/2/2020",
            (
                "cooperatives.new_count,2025,ít nhất,40\n"
                "cooperative_unions.count,2025,khoảng,2\n"
            ),
        ),
        "lam-dong.csv": (
            "Lamdong",
            "1/9/2025",
            (
                "cooperatives.good_fair_share,2030,bảo đảm,80%\n"
                "cooperatives.nominal_count,2030,không còn,0\n"
            ),
        ),
    }
    data = {
        "cooperatives.count": {2020: 100.0, 2023: 130.0},
        "cooperatives.revenue_average": {2020: 2e9, 2023: 2.3e9},
        "cooperatives.new_count": {2019: 39.0, 2021: 35.0},
        "cooperative_unions.count": {2019: 1.0, 2021: 2.0},
        "cooperatives.good_fair_share": {2024: 70.0, 2025: 74.0},
        "cooperatives.nominal_count": {2024: 12.0, 2025: 9.0},
    }
    reports = {}
    for name, (province, adopted, rows) in sheets.items():
        path = tmp_path / name
        path.write_text(
            f"field,value\ncode,{name}\ntitle,Chương trình\nscope,{province}\n"
            f"adopted,{adopted}\ntolerance,±5 %\n\n"
            "indicator,year,comparator,value,tolerance\n"
            + rows.replace("khoảng,2\n", "khoảng,2,±1\n")
            .replace("\n", ",\n")
            .replace(",±1,\n", ",±1\n"),
            encoding="utf-8",
        )
        plan = read_programme(path)
        reports[name] = ProgressReport.build(plan, data)

    assert {r.target_set.scope.era for r in reports.values()} == {
        Era.PRE_2025,
        Era.FROM_2025,
    }
    tay_ninh = reports["tay-ninh.csv"]
    # 100 → 130 in 3 years, about 150 (142.5 reached? no: 130 < 142.5).
    assert tay_ninh.rows[0].status() is not S.INSUFFICIENT_DATA
    assert tay_ninh.rows[1].results[0].goal is None
    assert reports["lam-dong.csv"].index().counted == 2
    for report in reports.values():
        assert report.to_text("en")
