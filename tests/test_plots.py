"""
Tests of kttt.plots under the non-interactive Agg backend: what each chart
drew (lines, bands, bars, colours, labels).
"""

from __future__ import annotations

import sys

import matplotlib as mpl
import pytest


mpl.use("Agg")

import matplotlib.pyplot as plt

from matplotlib.collections import PolyCollection
from matplotlib.colors import to_hex

from kttt import plots
from kttt.errors import NotFoundError
from kttt.geography import Province
from kttt.organizations import OrganizationKind, Sector
from kttt.progress import ProgressReport, ProgressStatus
from kttt.rating import (
    Denominator,
    GroupBy,
    Rating,
    ScoreSheet,
    classify,
    rating_shares,
)
from kttt.scenarios import Assumption, Scenario, project, simulate
from kttt.series import national_series, national_statistics
from kttt.sources import Source
from kttt.targets import Comparator, Indicator, Target, nq20_targets


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def simulated():
    scenario = Scenario(
        name="4 % ± 3",
        assumptions={"cooperatives.count": Assumption.normal(0.04, 0.03)},
    )
    simulation = simulate(
        nq20_targets(), national_statistics(), scenario, draws=500, seed=3
    )
    return simulation.get("cooperatives.count", 2030)


def labels(ax) -> list[str]:
    """Return the labels of the legend's entries."""
    return [text.get_text() for text in ax.get_legend().get_texts()]


def bands(ax) -> list[PolyCollection]:
    """Return the filled areas drawn."""
    return [c for c in ax.collections if isinstance(c, PolyCollection)]


def test_trajectory_draws_data_fan_band_and_base(simulated):
    """The fan chart has the data, two quantile bands, the median, the
    target band in 2030 and the base year."""
    ax = plots.trajectory(
        simulated.target, simulated=simulated, base_year=2020, lang="en"
    )

    assert [
        "observed",
        "5–95 %",
        "25–75 %",
        "median",
        "target 2030",
        "base year 2020",
    ] == labels(ax)
    observed, median, base = ax.get_lines()
    assert list(simulated.series.years) == list(observed.get_xdata())
    assert [2025, 2026, 2027, 2028, 2029, 2030] == list(median.get_xdata())
    assert pytest.approx(simulated.bands[-1].median) == median.get_ydata()[-1]
    assert [2020, 2020] == list(base.get_xdata())
    outer, _, target = bands(ax)
    top = outer.get_paths()[0].vertices[:, 1].max()
    assert pytest.approx(simulated.bands[-1].q95) == top
    low, high = (
        target.get_paths()[0].vertices[:, 1].min(),
        target.get_paths()[0].vertices[:, 1].max(),
    )
    band = simulated.target.band()
    assert (band.lower, band.upper) == pytest.approx((low, high))
    assert "cooperatives (hợp tác xã): about 45,000 (2030)" == ax.get_title()


def test_trajectory_draws_a_projection_dashed():
    """Projected values continue the data as a dashed line."""
    counts = national_series("cooperatives.count")
    ahead = project(counts, Assumption.constant_rate(0.02), until=2030)
    target = nq20_targets().get("cooperatives.count", 2030)

    ax = plots.trajectory(target, ahead, lang="vi")

    _, projected = ax.get_lines()
    assert "--" == projected.get_linestyle()
    assert [2025, 2026, 2027, 2028, 2029, 2030] == list(projected.get_xdata())
    assert ["số liệu", "dự báo", "mục tiêu 2030"] == labels(ax)
    assert "Năm" == ax.get_xlabel()


def test_trajectory_draws_on_the_axes_given(simulated):
    """Given axes, the chart draws there and returns them."""
    _, ax = plt.subplots()

    assert ax is plots.trajectory(simulated.target, simulated=simulated, ax=ax)


def test_a_one_sided_target_is_shaded_from_its_edge():
    """An "at least" target is shaded from its edge upward."""
    target = Target(
        indicator=Indicator.get("cooperatives.count"),
        comparator=Comparator.AT_LEAST,
        value=40_000,
        horizon=2030,
        source=Source(document="20-NQ/TW"),
    )
    series = national_series("cooperatives.count")

    ax = plots.trajectory(target, series, lang="en")

    (band,) = bands(ax)
    bottom = band.get_paths()[0].vertices[:, 1].min()
    assert pytest.approx(target.bounds()[0]) == bottom


def test_overview_has_a_bar_per_target_coloured_by_status():
    """One bar per target, top to bottom, in the colour of its status."""
    report = ProgressReport.build(nq20_targets(), national_statistics())

    ax = plots.overview(report, lang="en")

    bars = ax.patches
    assert len(report.rows) == len(bars)
    top = max(bars, key=lambda bar: bar.get_y())
    assert (
        to_hex(top.get_facecolor())
        == plots.STATUS_COLOURS[report.rows[0].status()]
    )
    statuses = {t.get_text() for t in ax.texts}
    assert {"on track", "regressing", "insufficient data"} <= statuses
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert "cooperatives (hợp tác xã) (2030)" in ticks
    assert [100, 100] == list(ax.get_lines()[0].get_xdata())


def test_overview_bars_measure_the_share_of_the_goal():
    """A bar's length is the latest value as a percentage of the goal."""
    report = ProgressReport.build(nq20_targets(), national_statistics())
    index = next(
        i
        for i, row in enumerate(report.rows)
        if row.target.indicator.code == "cooperatives.count"
        and row.target.horizon == 2030
    )

    ax = plots.overview(report)

    progress = report.rows[index].results[0]
    bar = sorted(ax.patches, key=lambda b: -b.get_y())[index]
    expected = 100 * progress.latest_value / progress.goal
    assert pytest.approx(expected) == bar.get_width()


def test_every_status_has_a_colour():
    """No status is left without a colour."""
    assert set(ProgressStatus) == set(plots.STATUS_COLOURS)


@pytest.fixture(scope="module")
def by_province():
    sheets = [
        ScoreSheet(
            organization=f"HTX-{number}",
            kind=OrganizationKind.COOPERATIVE,
            sector=Sector.TRADE_SERVICES,
            year=2024,
            province=Province.get(name),
            points=dict(zip(("I", "II", "III"), points, strict=True)),
            months_operating=months,
        )
        for number, (name, points, months) in enumerate(
            [
                ("Hà Nội", (25, 24, 31), 12),
                ("Hà Nội", (10, 10, 10), 12),
                ("Huế", (25, 24, 31), 12),
                ("Huế", (25, 24, 31), 3),
            ]
        )
    ]
    return rating_shares(
        [classify(s) for s in sheets],
        denominator=Denominator.ALL,
        by=GroupBy.PROVINCE,
    )


def test_rating_distribution_stacks_the_shares(by_province):
    """Each province's bar adds up to 100 %, good first, not rated last."""
    ax = plots.rating_distribution(by_province, lang="en")

    assert ["good", "fair", "average", "weak", "not rated"] == labels(ax)
    bars = ax.patches
    assert 2 * 5 == len(bars)
    for y in {bar.get_y() for bar in bars}:
        row = [bar for bar in bars if bar.get_y() == y]
        assert pytest.approx(100) == sum(bar.get_width() for bar in row)
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ["Hà Nội", "Huế"] == ticks
    good = [
        bar
        for bar in bars
        if to_hex(bar.get_facecolor()) == plots.RATING_COLOURS[Rating.GOOD]
    ]
    assert [50.0, 50.0] == [bar.get_width() for bar in good]


def test_rating_distribution_of_everything():
    """Shares not grouped give one bar labelled for everything."""
    overall = rating_shares([], denominator=Denominator.RATED)

    ax = plots.rating_distribution(overall, lang="vi")

    assert ["Tất cả"] == [t.get_text() for t in ax.get_yticklabels()]
    assert 5 == len(ax.patches)


def test_without_matplotlib_the_extra_is_named(monkeypatch):
    """Without matplotlib, a NotFoundError says which extra to install."""
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    report = ProgressReport.build(nq20_targets(), national_statistics())

    with pytest.raises(NotFoundError) as caught:
        plots.overview(report)

    assert "pip install 'kttt[plot]'" in caught.value.rule
