"""
Tests of kttt.progress.ProgressReport on the built-in NQ 20 targets.
"""

from __future__ import annotations

import json

from fractions import Fraction

import pandas as pd
import pendulum
import pytest

from helpers import SOURCE, WEAK, level, series
from kttt.display import display_language
from kttt.errors import (
    IncompatibleSeriesError,
    NotFoundError,
    ValidationError,
)
from kttt.progress import (
    METHOD_NAMES,
    LinearTrend,
    ProgressReport,
    ProgressStatus,
    assess,
)
from kttt.series import national_statistics
from kttt.targets import (
    Comparator,
    Direction,
    Indicator,
    TargetSet,
    Unit,
    nq20_targets,
)


S = ProgressStatus


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


def test_proxy_of_a_row_without_data_ends_its_frame_row():
    """Nothing known yet: the frame row still names the proxy, last."""
    report = ProgressReport.build(
        nq20_targets(),
        national_statistics(),
        proxies=PROXY,
        as_of=pendulum.Date(2010, 1, 1),
    )
    frame = report.to_dataframe("en")
    line = frame[frame["indicator"] == GOOD_FAIR].iloc[0]
    cells = [None if pd.isna(value) else value for value in line]

    assert () == next(
        r.results for r in report.rows if r.target.indicator.code == GOOD_FAIR
    )
    assert ("statcan", "insufficient data") == (cells[7], cells[8])
    assert [None] * 24 == cells[9:33]
    assert "cooperatives.good_fair_share" == cells[33]


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


# --- a small programme, its report pinned whole ------------------------------

LINKED = Indicator(
    code="test.linked",
    label_vi="số hợp tác xã tham gia liên kết chuỗi giá trị nông sản",
    label_en="cooperatives taking part in value chains of farm produce",
    unit=Unit.COUNT,
    direction=Direction.INCREASE,
)


#: Linked cooperatives at least 200 by 2030 and 300 by 2045 (the data are
#: plain {year: value}); the weak share at most 5 % by 2030, without data.
PROGRAMME = TargetSet(
    code="KH-01",
    title="Kế hoạch thử",
    source=SOURCE,
    targets=(
        level(Comparator.AT_LEAST, 200, indicator=LINKED, horizon=2030),
        level(Comparator.AT_MOST, 5, indicator=WEAK, horizon=2030),
        level(Comparator.AT_LEAST, 300, indicator=LINKED, horizon=2045),
    ),
)
STEADY = {2015: 100, 2016: 105, 2017: 110, 2018: 115, 2019: 120, 2020: 125}
MID_2024 = pendulum.Date(2024, 6, 30)
STALE = (
    "stale data: the latest observation is from 2020, more than 3 years"
    " before 2024-06-30"
)
#: R = (1.25^(1/5) − 1) / (2^(1/15) − 1) = 0.97 by 2030 and
#: (1.25^(1/5) − 1) / (3^(1/30) − 1) = 1.22 by 2045; from 2020, 1.6^(1/10)
#: − 1 = 4.8 % (75 / 10 = 7.5 a year) and 2.4^(1/25) − 1 = 3.6 % (7 a year).
DETAIL_2030 = (
    "R = 0.97; needs +4.8 %/yr (+7.5/yr) 2020→2030 (method: +4.7 %/yr from"
    " 2015)"
)
DETAIL_2045 = (
    "R = 1.22; needs +3.6 %/yr (+7.0/yr) 2020→2045 (method: +3.7 %/yr from"
    " 2015)"
)
RULE = f"{'-' * 40}  {'-' * 12}  {'-' * 17}  {'-' * 17}  {'-' * 75}"
HEAD = (
    f"{'Indicator':<40}  {'Target':<12}  {'Latest':<17}  {'statcan':<17}"
    "  Detail"
)
LONG_LINE = "cooperatives taking part in value chains"
SHORT_TEXT = (
    "Progress toward the targets of KH-01 (as of: 2024-06-30; method:"
    " statcan)\n"
    "\n"
    "By 2030\n"
    f"{HEAD}\n"
    f"{RULE}\n"
    f"{LONG_LINE}  at least 200  2020: 125 (stale)  on track           "
    f"{DETAIL_2030}\n"
    "of farm produce\n"
    f"{'weak share':<40}  at most 5 %   no data            insufficient data\n"
    "\n"
    "By 2045\n"
    f"{HEAD}\n"
    f"{RULE}\n"
    f"{LONG_LINE}  at least 300  2020: 125 (stale)  on track           "
    f"{DETAIL_2045}\n"
    "of farm produce\n"
    "\n"
    "Notes:\n"
    f"- {LINKED.label_en} (2030): {STALE}\n"
    f"- {LINKED.label_en} (2045): {STALE}\n"
)


@pytest.fixture(name="small")
def _small() -> ProgressReport:
    return ProgressReport.build(
        PROGRAMME, {"test.linked": STEADY}, as_of=MID_2024
    )


def test_small_report_text_pinned(small):
    """Sections by year, widths, wrapped labels, details and notes."""
    assert SHORT_TEXT == small.to_text("en")


def test_small_report_in_vietnamese_by_default(small):
    """The same table in Vietnamese, the default language."""
    text = small.to_text()
    table = text.split("\n\nGhi chú:\n")[0]

    assert text == small.to_text("vi")
    assert [
        (
            "Tiến độ thực hiện mục tiêu KH-01 (tính đến: 2024-06-30; phương"
            " pháp: statcan)"
        ),
        "",
        "Đến năm 2030",
    ] == table.splitlines()[:3]
    assert (
        "số hợp tác xã tham gia liên kết chuỗi     ít nhất 200  2020: 125"
        " (số liệu cũ)  đúng lộ trình     R = 0,97; cần +4,8 %/năm"
        " (+7,5/năm) 2020→2030 (phương pháp: +4,7 %/năm từ 2015)"
    ) == table.splitlines()[5]
    assert "giá trị nông sản" == table.splitlines()[6]
    assert small.title("vi") == small.title()
    assert small.notes("vi") == small.notes()
    heads = [
        f"- {LINKED.label_vi} ({year}): số liệu cũ: " for year in (2030, 2045)
    ]

    assert heads == [
        note[: len(head)]
        for note, head in zip(small.notes(), heads, strict=True)
    ]


def test_small_report_table_pinned(small):
    """One row per target, the target year first; English headers."""
    assert (
        ["Year", "Indicator", "Target", "Latest", "statcan", "Detail"],
        [
            [
                "2030",
                LINKED.label_en,
                "at least 200",
                "2020: 125 (stale)",
                "on track",
                DETAIL_2030,
            ],
            [
                "2030",
                "weak share",
                "at most 5 %",
                "no data",
                "insufficient data",
                "",
            ],
            [
                "2045",
                LINKED.label_en,
                "at least 300",
                "2020: 125 (stale)",
                "on track",
                DETAIL_2045,
            ],
        ],
    ) == small.table("en")
    assert "Năm" == small.table()[0][0]


def test_small_report_records_and_json(small):
    """A target without data has a short record; JSON keeps Vietnamese."""
    records = small.to_records()
    document = small.to_json()

    assert {
        "indicator": "test.weak_share",
        "horizon": 2030,
        "comparator": "at_most",
        "target_value": 5,
        "as_of": "2024-06-30",
        "method": "statcan",
        "status": "insufficient_data",
        "proxy": None,
    } == records[1]
    assert [("test.linked", 2045, 300, "2024-06-30", "stale_data", None)] == [
        (
            r["indicator"],
            r["horizon"],
            r["target_value"],
            r["as_of"],
            r["diagnostics"],
            r["proxy"],
        )
        for r in records[2:]
    ]
    assert document.startswith('{\n  "programme": "KH-01",\n  "as_of": ')
    assert {
        "programme": "KH-01",
        "as_of": "2024-06-30",
        "methods": ["statcan"],
        "results": records,
    } == json.loads(document)
    unassessed = ProgressReport.build(PROGRAMME, {}, methods=["destatis"])
    flat = unassessed.to_json(indent=None)

    assert "\n" not in flat
    assert (None, "destatis") == (
        json.loads(flat)["as_of"],
        unassessed.to_records()[0]["method"],
    )


def test_report_refuses_other_languages(small):
    """Only vi and en: the error names the language asked for."""
    with pytest.raises(ValidationError) as info:
        small.to_text("fr")

    assert "lang='fr': must be 'vi' or 'en'" == str(info.value)


def test_small_programme_index_pinned():
    """ESCAP's indices over the two targets with data, and the shares."""
    report = ProgressReport.build(PROGRAMME, {"test.linked": STEADY})
    # 2030: covered (125 − 100) / 100 = 0.25 in (2020 − 2015) / 15 of the
    # span; projected 125 · 1.25² = 195.3, P = 0.953. 2045: 25 / 200 =
    # 0.125 in 5 / 30; projected 125 · 1.25⁵ = 381.5, P = 1.41, counted 1.
    index = report.index()

    assert (0.1875, 0.9765625, 0.25, 2, 3) == pytest.approx(
        (
            index.current_status,
            index.anticipated_progress,
            index.expected,
            index.counted,
            index.targets,
        )
    )
    assert {
        "statcan": {
            S.ON_TRACK: Fraction(2, 3),
            S.INSUFFICIENT_DATA: Fraction(1, 3),
        }
    } == index.shares


def test_small_programme_index_of_a_group():
    """By target year, by indicator, and with another projector."""
    report = ProgressReport.build(
        PROGRAMME, {"test.linked": STEADY}, methods=("statcan", "projection")
    )
    by_2030 = report.index(horizon=2030)
    weak = report.index(indicators=["test.weak_share"])
    # Straight lines: 125 + 10 · 5 = 175 and 125 + 25 · 5 = 250: P = 0.75.
    linear = report.index(projector=LinearTrend())

    assert (0.25, 0.953125, 1 / 3, 1, 2) == pytest.approx(
        (
            by_2030.current_status,
            by_2030.anticipated_progress,
            by_2030.expected,
            by_2030.counted,
            by_2030.targets,
        )
    )
    assert (None, None, None, 0, 1) == (
        weak.current_status,
        weak.anticipated_progress,
        weak.expected,
        weak.counted,
        weak.targets,
    )
    assert {
        "statcan": {S.INSUFFICIENT_DATA: 1},
        "projection": {S.INSUFFICIENT_DATA: 1},
    } == weak.shares
    assert 0.75 == pytest.approx(linear.anticipated_progress)
    assert report.index().anticipated_progress == pytest.approx(0.9765625)


# --- short repr, HTML and frame, pinned whole -------------------------------

#: The columns of a report frame, in order.
FRAME_COLUMNS = [
    "indicator",
    "name",
    "horizon",
    "target",
    "comparator",
    "target_value",
    "as_of",
    "method",
    "status",
    "method_label",
    "direction",
    "latest_year",
    "base_year",
    "projected_from",
    "projector",
    "latest_value",
    "goal",
    "base_value",
    "observed_growth",
    "required_growth_from_base",
    "ratio",
    "projected_value",
    "shortfall",
    "score",
    "observed_change",
    "required_change_from_base",
    "required_growth_from_latest",
    "required_change_from_latest",
    "distance_covered",
    "time_elapsed",
    "years_to_target",
    "missed_by",
    "diagnostics",
    "proxy",
]


def test_report_short_repr_counts_the_statuses(small):
    """The repr names the programme, date, methods and statuses counted."""
    latest = ProgressReport.build(PROGRAMME, {"test.linked": STEADY})
    empty = ProgressReport.build(
        PROGRAMME, {}, methods=["destatis", "statcan"]
    )

    assert (
        "<ProgressReport KH-01 as of 2024-06-30 by statcan: 3 targets:"
        " 2 on_track, 1 insufficient_data>"
    ) == repr(small)
    assert (
        "<ProgressReport KH-01 as of latest data by statcan: 3 targets:"
        " 2 on_track, 1 insufficient_data>"
    ) == repr(latest)
    assert (
        "<ProgressReport KH-01 as of latest data by destatis, statcan:"
        " 3 targets: 3 insufficient_data>"
    ) == repr(empty)


def test_report_frame_columns_and_a_row_without_data(small):
    """Every column in order; a target without data fills only its head."""
    frame = small.to_dataframe("en")
    unassessed = [None if pd.isna(value) else value for value in frame.iloc[1]]

    assert FRAME_COLUMNS == list(frame.columns)
    assert (3, len(FRAME_COLUMNS)) == frame.shape
    assert [
        "test.weak_share",
        "weak share",
        2030,
        "at most 5 %",
        "at_most",
        5.0,
        pd.Timestamp(2024, 6, 30),
        "statcan",
        "insufficient data",
        *[None] * 24,
        None,
    ] == unassessed
    assert "tỷ lệ yếu kém" == small.to_dataframe().iloc[1]["name"]
    assert "không đủ số liệu" == small.to_dataframe().iloc[1]["status"]


def test_report_frame_row_of_an_assessed_target(small):
    """An assessed target's row carries its result, number by number."""
    line = small.to_dataframe("en").iloc[0]
    progress = small.rows[0].results[0]

    assert (
        "test.linked",
        LINKED.label_en,
        2030,
        "at least 200",
        "at_least",
        200.0,
        "statcan",
        "on track",
        2020,
        2015,
        "stale data",
        None,
    ) == (
        line["indicator"],
        line["name"],
        line["horizon"],
        line["target"],
        line["comparator"],
        line["target_value"],
        line["method"],
        line["status"],
        line["latest_year"],
        line["base_year"],
        line["diagnostics"],
        None if pd.isna(line["proxy"]) else line["proxy"],
    )
    assert (125.0, progress.ratio) == (line["latest_value"], line["ratio"])


def test_frame_joins_the_diagnostics_of_a_result(small):
    """Several diagnostics are joined by "; ", in the frame's language."""
    report = ProgressReport.build(
        PROGRAMME, {"test.linked": {2016: 100, 2020: 125}}, as_of=MID_2024
    )

    assert [
        "base year shifted; stale data",
        None,
        "base year shifted; stale data",
    ] == [
        None if pd.isna(v) else v
        for v in report.to_dataframe("en")["diagnostics"]
    ]
    assert "dời năm gốc; số liệu cũ" == report.to_dataframe()["diagnostics"][0]
    assert "stale data" == small.to_dataframe("en")["diagnostics"][0]


def test_index_projects_with_the_data_known_by_the_report_date():
    """A projector given to index sees no more than the report did."""
    later = {"test.linked": {**STEADY, 2024: 500}}
    known = ProgressReport.build(PROGRAMME, later, as_of=MID_2024)
    latest = ProgressReport.build(PROGRAMME, later)

    # 2024's 500 was not known by mid-2024: 125 + 5 a year, as without it.
    assert 0.75 == known.index(projector=LinearTrend()).anticipated_progress
    assert 1.0 == latest.index(projector=LinearTrend()).anticipated_progress


def test_index_skips_a_target_whose_data_all_follow_it():
    """Data only after 2030: that target counts for no index, by any way."""
    data = {"test.linked": {2031: 150, 2032: 160}}
    for methods in (("statcan",), ("statcan", "projection")):
        report = ProgressReport.build(PROGRAMME, data, methods=methods)
        index = report.index()

        assert (1, 3) == (index.counted, index.targets), methods
        assert report.rows[0].series is not None
        assert () == report.rows[0].results
        by_2030 = report.index(horizon=2030)
        assert (None, None, None, 0, 2) == (
            by_2030.current_status,
            by_2030.anticipated_progress,
            by_2030.expected,
            by_2030.counted,
            by_2030.targets,
        )


def test_index_as_of_before_any_data():
    """As of 2014 nothing was known: no target counts, none fails."""
    report = ProgressReport.build(
        PROGRAMME,
        {"test.linked": STEADY},
        as_of=pendulum.Date(2014, 1, 1),
        methods=("statcan", "projection"),
    )
    index = report.index(projector=LinearTrend())

    assert (None, 0, 3) == (
        index.anticipated_progress,
        index.counted,
        index.targets,
    )
    assert (None, 0) == (
        report.index().anticipated_progress,
        report.index().counted,
    )


def test_json_keeps_vietnamese_letters_unescaped():
    """JSON writes Vietnamese labels as they are, not as \\u escapes."""
    document = ProgressReport.build(
        PROGRAMME, {"test.linked": STEADY}
    ).to_json()

    assert "\\u" not in document
    assert json.loads(document)["programme"] == "KH-01"


# --- one assessment: repr and HTML -----------------------------------------

_CELL = '<tr><th style="text-align: left">{}</th><td>{}</td></tr>'


def _table(caption: str, cells: list[tuple[str, str]]) -> str:
    rows = "".join(_CELL.format(name, value) for name, value in cells)
    return (
        f'<table class="kttt"><caption>{caption}</caption><tbody>{rows}'
        "</tbody></table>"
    )


def test_progress_repr_and_html_in_both_languages():
    """Target, status, method, latest value with its unit, detail."""
    progress = assess(
        level(Comparator.AT_MOST, 5, indicator=WEAK),
        series({2015: 20, 2020: 12.5}, WEAK),
        method="projection",
    )

    assert (
        "<Progress test.weak_share 2030 by projection: on_track, 2020 = 12.5>"
    ) == repr(progress)
    assert (
        _table(
            "tỷ lệ yếu kém",
            [
                ("Mục tiêu", "tối đa 5 % (2030)"),
                ("Trạng thái", "đúng lộ trình"),
                ("Phương pháp", "projection: đúng lộ trình"),
                ("Số liệu mới nhất", "2020: 12,5 %"),
                (
                    "Chi tiết",
                    (
                        "P = 1,01, dự báo 2030: 4,9; cần -8,8 %/năm (-0,8/năm)"
                        " 2020→2030"
                    ),
                ),
            ],
        )
        == progress._repr_html_()
    )
    with display_language("en"):
        html = progress._repr_html_()
    assert (
        _table(
            "weak share",
            [
                ("Target", "at most 5 % (2030)"),
                ("Status", "on track"),
                ("Method", "projection: on track"),
                ("Latest", "2020: 12.5 %"),
                (
                    "Detail",
                    (
                        "P = 1.01, projected 2030: 4.9; needs -8.8 %/yr"
                        " (-0.8/yr) 2020→2030"
                    ),
                ),
            ],
        )
        == html
    )


def test_progress_html_shows_each_note(small):
    """A diagnostic is a note row, labelled in the display language."""
    progress = small.rows[0].results[0]
    stale = (
        "the latest observation is from 2020, more than 3 years before"
        " 2024-06-30"
    )

    assert (
        "<Progress test.linked 2030 by statcan: on_track, 2020 = 125>"
    ) == repr(progress)
    assert (
        _table(
            LINKED.label_vi,
            [
                ("Mục tiêu", "ít nhất 200 (2030)"),
                ("Trạng thái", "đúng lộ trình"),
                ("Phương pháp", "statcan: tiến bộ đáng kể (đúng lộ trình)"),
                ("Số liệu mới nhất", "2020: 125"),
                (
                    "Chi tiết",
                    (
                        "R = 0,97; cần +4,8 %/năm (+7,5/năm) 2020→2030 (phương"
                        " pháp: +4,7 %/năm từ 2015)"
                    ),
                ),
                ("Ghi chú", f"số liệu cũ: {stale}"),
            ],
        )
        == progress._repr_html_()
    )
    with display_language("en"):
        html = progress._repr_html_()
    assert (
        _table(
            LINKED.label_en,
            [
                ("Target", "at least 200 (2030)"),
                ("Status", "on track"),
                ("Method", "statcan: substantial progress (on track)"),
                ("Latest", "2020: 125"),
                ("Detail", DETAIL_2030),
                ("Note", f"stale data: {stale}"),
            ],
        )
        == html
    )
