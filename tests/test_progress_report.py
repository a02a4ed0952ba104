"""
Tests of kttt.progress.ProgressReport on the built-in NQ 20 targets.
"""

from __future__ import annotations

import json

import pendulum
import pytest

from kttt.errors import (
    IncompatibleSeriesError,
    NotFoundError,
    ValidationError,
)
from kttt.progress import METHOD_NAMES, ProgressReport, ProgressStatus
from kttt.series import national_statistics
from kttt.targets import nq20_targets


@pytest.fixture(name="report")
def _report() -> ProgressReport:
    return ProgressReport.build(nq20_targets(), national_statistics())


def test_one_row_per_target(report):
    """Every NQ 20 target has a row, in the set's order."""
    assert [r.target for r in report.rows] == list(nq20_targets())


def test_cooperatives_row_matches_assess(report):
    """The cooperatives row is the StatCan assessment of the primary series."""
    row = next(
        r
        for r in report.rows
        if r.target.indicator.code == "cooperatives.count"
    )

    assert ProgressStatus.ON_TRACK == row.status()
    assert 2025 == row.results[0].latest_year


def test_rows_without_data_are_insufficient(report):
    """A target without a series is reported, not dropped."""
    row = next(r for r in report.rows if r.series is None)

    assert ProgressStatus.INSUFFICIENT_DATA == row.status()
    assert () == row.results


def test_text_in_both_languages(report):
    """The table has both horizons and the labels of the language."""
    vi = report.to_text("vi")
    en = report.to_text("en")

    assert "Đến năm 2030" in vi
    assert "Đến năm 2045" in vi
    assert "35.041" in vi
    assert "By 2045" in en
    assert "35,041" in en
    assert "on track" in en


def test_side_by_side_methods():
    """With every method, each row has one result and one column per method."""
    report = ProgressReport.build(
        nq20_targets(), national_statistics(), methods=METHOD_NAMES
    )
    text = report.to_text("en")

    assert METHOD_NAMES == report.methods
    assert all(len(r.results) in {0, len(METHOD_NAMES)} for r in report.rows)
    assert all(name in text for name in METHOD_NAMES)


def test_as_of_before_a_series_starts():
    """As of 2019 no cooperative count was known: insufficient data."""
    report = ProgressReport.build(
        nq20_targets(),
        national_statistics(),
        as_of=pendulum.Date(2019, 12, 31),
    )

    assert {ProgressStatus.INSUFFICIENT_DATA} == {
        r.status() for r in report.rows
    }
    assert "2019-12-31" in report.to_text("en")


def test_json_and_records(report):
    """JSON holds the programme, the methods and one record per target."""
    document = json.loads(report.to_json())

    assert "20-NQ/TW" == document["programme"]
    assert ["statcan"] == document["methods"]
    assert len(report.rows) == len(document["results"])
    assert document["results"] == report.to_records()


def test_html(report):
    """The notebook view is a table with escaped cells."""
    html = report._repr_html_()

    assert html.startswith('<table class="kttt">')
    assert "số hợp tác xã" in html


def test_a_list_of_series_uses_the_first():
    """Given several series, the first (primary) one is used."""
    stats = national_statistics()
    report = ProgressReport.build(
        nq20_targets(),
        {"cooperatives.count": list(stats["cooperatives.count"])},
    )
    row = next(r for r in report.rows if r.series is not None)

    assert stats["cooperatives.count"][0] == row.series


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"methods": ()}, ValidationError),
        ({"methods": ("nope",)}, NotFoundError),
    ],
)
def test_bad_methods(options, error):
    """No method or an unknown one is refused."""
    with pytest.raises(error, match="method"):
        ProgressReport.build(nq20_targets(), {}, **options)


def test_empty_list_of_series():
    """An empty list of series for an indicator is refused."""
    with pytest.raises(ValidationError, match="data"):
        ProgressReport.build(nq20_targets(), {"cooperatives.count": []})


def test_bad_language(report):
    """Only vi and en are known."""
    with pytest.raises(ValidationError, match="lang"):
        report.to_text("fr")


GOOD_FAIR = "organizations.good_fair_share"
PROXY = {GOOD_FAIR: "cooperatives.good_fair_share"}


def test_proxy_measures_a_target_without_data():
    """A proxy series stands in, relabelled, and the row records it."""
    report = ProgressReport.build(
        nq20_targets(), national_statistics(), proxies=PROXY
    )
    row = next(r for r in report.rows if r.target.indicator.code == GOOD_FAIR)

    assert "cooperatives.good_fair_share" == row.proxy.code
    assert row.target.indicator == row.series.indicator
    assert ProgressStatus.ACHIEVED == row.status()
    assert 78.1 == row.results[0].latest_value
    assert "measured instead by the data on" in report.to_text("en")
    records = [r for r in report.to_records() if r["indicator"] == GOOD_FAIR]
    assert ["cooperatives.good_fair_share"] == [r["proxy"] for r in records]


def test_no_proxy_by_default(report):
    """Without proxies a target without its own data stays without."""
    row = next(r for r in report.rows if r.target.indicator.code == GOOD_FAIR)

    assert None is row.proxy
    assert ProgressStatus.INSUFFICIENT_DATA == row.status()


def test_own_data_wins_over_a_proxy():
    """A proxy is used only when the target has no series of its own."""
    data = national_statistics()
    proxies = {"cooperatives.count": "cooperative_unions.count"}

    report = ProgressReport.build(nq20_targets(), data, proxies=proxies)

    assert all(r.proxy is None for r in report.rows)


def test_proxy_in_another_unit_is_refused():
    """A count cannot measure a share."""
    proxies = {GOOD_FAIR: "cooperatives.count"}

    with pytest.raises(IncompatibleSeriesError) as info:
        ProgressReport.build(
            nq20_targets(), national_statistics(), proxies=proxies
        )

    assert f"proxies.{GOOD_FAIR}" == info.value.field
