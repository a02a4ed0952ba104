"""
The views of kttt.rating, pinned whole: the short reprs and the HTML of
classifications and rating shares, and their DataFrames.
"""

from __future__ import annotations

import math

from decimal import Decimal

import pandas as pd
import pytest

from kttt.display import display_language
from kttt.errors import ParseError
from kttt.geography import Era, Province
from kttt.organizations import OrganizationKind, Sector
from kttt.rating import (
    Classification,
    Denominator,
    GroupBy,
    ScoreSheet,
    classifications_frame,
    classify,
    rating_shares,
    shares_frame,
    sheets_frame,
)


POINTS = {"I": 25, "II": 24, "III": 31}
VI_HEAD = "Xếp loại|Số lượng|Tỷ lệ"
EN_HEAD = "Rating|Count|Share"
VI_RATINGS = ("tốt", "khá", "trung bình", "yếu", "chưa xếp loại")
EN_RATINGS = ("good", "fair", "average", "weak", "not rated")
TH = '<th style="text-align: left">'


@pytest.fixture(scope="module")
def rated() -> Classification:
    """A good trade cooperative of Hà Nội, 80 points, with markup in it."""
    return classify(
        ScoreSheet(
            organization="HTX <A>",
            kind=OrganizationKind.COOPERATIVE,
            sector=Sector.TRADE_SERVICES,
            year=2024,
            province=Province.get("01"),
            points=POINTS,
        )
    )


@pytest.fixture(scope="module")
def excluded() -> Classification:
    """A new construction cooperative, not rated, without a province."""
    return classify(
        ScoreSheet(
            organization="HTX-2",
            kind=OrganizationKind.COOPERATIVE,
            sector=Sector.CONSTRUCTION,
            year=2024,
            points=POINTS,
            months_operating=3,
        )
    )


def fields_html(caption: str, pairs: list[tuple[str, str]]) -> str:
    """The HTML table of *pairs* under *caption*."""
    rows = "".join(
        f"<tr>{TH}{name}</th><td>{v}</td></tr>" for name, v in pairs
    )
    return (
        f'<table class="kttt"><caption>{caption}</caption><tbody>{rows}'
        "</tbody></table>"
    )


def table_html(caption: str, head: str, rows: list[tuple[str, ...]]) -> str:
    """The HTML table of *rows* under *caption* and the headers *head*."""
    heads = "".join(f"<th>{h}</th>" for h in head.split("|"))
    body = "".join(
        "<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return (
        f'<table class="kttt"><caption>{caption}</caption><thead><tr>{heads}'
        f"</tr></thead><tbody>{body}</tbody></table>"
    )


# --- classifications ---------------------------------------------------------


def test_classification_reprs(rated, excluded):
    """A classification's repr names the sheet, rating, total and reason."""
    assert (
        "<Classification 'HTX <A>' 2024 under TT-01-2020: good, 80 points"
        " (band)>"
    ) == repr(rated)
    assert (
        "<Classification 'HTX-2' 2024 under TT-01-2020: not rated"
        " (exclusion:new)>"
    ) == repr(excluded)


def test_classification_html_in_vietnamese(rated):
    """A rated classification shows as a table of fields in Vietnamese."""
    assert (
        fields_html(
            "HTX &lt;A&gt;",
            [
                ("Năm", "2024"),
                ("Loại hình", "hợp tác xã"),
                ("Lĩnh vực", "thương mại - dịch vụ"),
                ("Bộ tiêu chí", "TT-01-2020"),
                ("Xếp loại", "tốt"),
                (
                    "Giải thích",
                    (
                        "Tổng điểm 80/100 theo 01/2020/TT-BKHĐT: tốt"
                        " (80 ≤ tổng điểm ≤ 100)."
                    ),
                ),
            ],
        )
        == rated._repr_html_()
    )


def test_classification_html_in_english(rated):
    """In English the field names, labels and explanation are English."""
    with display_language("en"):
        html = rated._repr_html_()

    assert (
        fields_html(
            "HTX &lt;A&gt;",
            [
                ("Year", "2024"),
                ("Kind", "cooperative"),
                ("Sector", "trade and services"),
                ("Scheme", "TT-01-2020"),
                ("Rating", "good"),
                (
                    "Explanation",
                    (
                        "Total 80 of 100 under 01/2020/TT-BKHĐT: good"
                        " (80 ≤ total ≤ 100)."
                    ),
                ),
            ],
        )
        == html
    )


@pytest.mark.parametrize(
    ("lang", "names", "labels"),
    [
        (
            "vi",
            "Năm|Loại hình|Lĩnh vực|Bộ tiêu chí|Xếp loại|Giải thích",
            (
                "hợp tác xã",
                "xây dựng",
                "chưa xếp loại",
                (
                    "Không xếp loại theo 01/2020/TT-BKHĐT: hợp tác xã mới"
                    " thành lập, hoạt động dưới 12 tháng."
                ),
            ),
        ),
        (
            "en",
            "Year|Kind|Sector|Scheme|Rating|Explanation",
            (
                "cooperative",
                "construction",
                "not rated",
                (
                    "Not rated under 01/2020/TT-BKHĐT: newly founded,"
                    " operating for less than 12 months."
                ),
            ),
        ),
    ],
)
def test_unrated_classification_html(excluded, lang, names, labels):
    """An unrated classification says so in its rating field."""
    kind, sector, rating, why = labels
    values = ("2024", kind, sector, "TT-01-2020", rating, why)

    with display_language(lang):
        html = excluded._repr_html_()

    assert (
        fields_html("HTX-2", list(zip(names.split("|"), values, strict=True)))
        == html
    )


COLUMNS = {
    "organization": "string",
    "year": "int64",
    "kind": "string",
    "sector": "string",
    "province": "string",
    "province_code": "string",
    "scheme": "string",
    "rating": "category",
    "grade": "category",
    "total": "float64",
    "provisional": "bool",
    "decided_by": "string",
    "explanation": "string",
}


def cells(frame: pd.DataFrame) -> dict[str, list[object]]:
    """Every column's values, missing ones as None."""
    return {
        name: [None if pd.isna(v) else v for v in frame[name]]
        for name in frame.columns
    }


def test_classifications_frame_in_english(rated, excluded):
    """One row per classification: names, codes, labels in English."""
    frame = classifications_frame([rated, excluded], lang="en")

    assert COLUMNS == {n: str(d) for n, d in frame.dtypes.items()}
    assert {
        "organization": ["HTX <A>", "HTX-2"],
        "year": [2024, 2024],
        "kind": ["cooperative", "cooperative"],
        "sector": ["trade and services", "construction"],
        "province": ["Hà Nội", None],
        "province_code": ["01", None],
        "scheme": ["TT-01-2020", "TT-01-2020"],
        "rating": ["good", None],
        "grade": [None, None],
        "total": [80.0, None],
        "provisional": [False, False],
        "decided_by": ["band", "exclusion:new"],
        "explanation": [
            "Total 80 of 100 under 01/2020/TT-BKHĐT: good (80 ≤ total ≤ 100).",
            (
                "Not rated under 01/2020/TT-BKHĐT: newly founded,"
                " operating for less than 12 months."
            ),
        ],
    } == cells(frame)
    assert ["good", "fair", "average", "weak"] == list(
        frame["rating"].cat.categories
    )


def test_classifications_frame_in_vietnamese(rated):
    """In Vietnamese the kind, sector, rating and explanation are too."""
    frame = classifications_frame([rated])

    assert list(COLUMNS) == list(frame.columns)
    row = cells(frame)
    assert (["hợp tác xã"], ["thương mại - dịch vụ"], ["tốt"]) == (
        row["kind"],
        row["sector"],
        row["rating"],
    )
    assert ["tốt", "khá", "trung bình", "yếu"] == list(
        frame["rating"].cat.categories
    )


@pytest.fixture(scope="module")
def overridden() -> Classification:
    """A sanctioned agricultural cooperative: 90 points but weak."""
    return classify(
        ScoreSheet(
            organization="HTX-NN",
            kind=OrganizationKind.COOPERATIVE,
            sector=Sector.AGRICULTURE,
            year=2023,
            points={"TC1": 90, **{f"TC{i}": 0 for i in range(2, 7)}},
            sanctioned=True,
        )
    )


@pytest.fixture(scope="module")
def graded() -> Classification:
    """A people's credit fund of grade A, under a provisional cut-off."""
    return classify(
        ScoreSheet(
            organization="QTD-1",
            kind=OrganizationKind.PEOPLES_CREDIT_FUND,
            sector=Sector.CREDIT,
            year=2024,
            points={"TC1": 10, "TC2": 30, "TC3": 30, "TC4": 10, "TC5": 5},
        )
    )


def test_an_override_and_a_grade_in_repr_and_frame(overridden, graded):
    """An override is named in the repr and frame; a grade is a label."""
    frame = classifications_frame([overridden, graded], lang="en")

    assert (
        "<Classification 'HTX-NN' 2023 under TT-09-2017: weak, 90 points"
        " (override:sanctioned)>"
    ) == repr(overridden)
    assert (
        "<Classification 'QTD-1' 2024 under TT-42-2016: good, 85 points"
        " (band)>"
    ) == repr(graded)
    row = cells(frame)
    del row["explanation"]
    assert {
        "organization": ["HTX-NN", "QTD-1"],
        "year": [2023, 2024],
        "kind": ["cooperative", "people's credit fund"],
        "sector": ["agriculture", "credit"],
        "province": [None, None],
        "province_code": [None, None],
        "scheme": ["TT-09-2017", "TT-42-2016"],
        "rating": ["weak", "good"],
        "grade": [None, "grade A (good)"],
        "total": [90.0, 85.0],
        "provisional": [False, True],
        "decided_by": ["override:sanctioned", "band"],
    } == row
    assert [
        "grade A (good)",
        "grade B (fair)",
        "grade C (average)",
        "grade D (weak)",
    ] == list(frame["grade"].cat.categories)


def test_shares_by_year(overridden, graded, rated):
    """Years are Int64 groups in order; their repr shows the year."""
    by_year = rating_shares(
        [graded, overridden, rated],
        denominator=Denominator.ALL,
        by=GroupBy.YEAR,
    )

    frame = shares_frame(by_year)

    assert {
        "group": "Int64",
        "rating": "category",
        "count": "int64",
        "share": "float64",
        "denominator": "string",
    } == {n: str(d) for n, d in frame.dtypes.items()}
    assert {
        "group": [2023] * 5 + [2024] * 5,
        "rating": list(VI_RATINGS) * 2,
        "count": [0, 0, 0, 1, 0, 2, 0, 0, 0, 0],
        "share": [0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0],
        "denominator": ["all"] * 10,
    } == cells(frame)
    assert [
        (
            "<RatingShares 2023 of all: good 0, fair 0, average 0, weak 1,"
            " not rated 0>"
        ),
        (
            "<RatingShares 2024 of all: good 2, fair 0, average 0, weak 0,"
            " not rated 0>"
        ),
    ] == [repr(s) for s in by_year.values()]


# --- rating shares -----------------------------------------------------------


def test_shares_reprs(rated, excluded):
    """Shares show their group in English, the denominator and counts."""
    both = [rated, excluded]
    overall = rating_shares(both, denominator=Denominator.ALL)
    by_sector = rating_shares(
        both, denominator=Denominator.RATED, by=GroupBy.SECTOR
    )
    by_province = rating_shares(
        both, denominator=Denominator.RATED, by=GroupBy.PROVINCE
    )
    by_year = rating_shares(both, denominator=Denominator.ALL, by=GroupBy.YEAR)

    assert (
        "<RatingShares everything of all: good 1, fair 0, average 0,"
        " weak 0, not rated 1>"
    ) == repr(overall)
    assert [
        (
            "<RatingShares construction of rated: good 0, fair 0, average 0,"
            " weak 0, not rated 1>"
        ),
        (
            "<RatingShares trade and services of rated: good 1, fair 0,"
            " average 0, weak 0, not rated 0>"
        ),
    ] == [repr(s) for s in by_sector.values()]
    assert [
        (
            "<RatingShares Hà Nội of rated: good 1, fair 0, average 0, weak 0,"
            " not rated 0>"
        ),
        (
            "<RatingShares everything of rated: good 0, fair 0, average 0,"
            " weak 0, not rated 1>"
        ),
    ] == [repr(s) for s in by_province.values()]
    assert [
        (
            "<RatingShares 2024 of all: good 1, fair 0, average 0, weak 0,"
            " not rated 1>"
        )
    ] == [repr(s) for s in by_year.values()]


def test_shares_html_of_everything(rated, excluded):
    """Shares of everything show as a table of ratings, counts and shares."""
    shares = rating_shares([rated, excluded], denominator=Denominator.ALL)
    percents = ("50.0%", "0.0%", "0.0%", "0.0%", "50.0%")
    counts = ("1", "0", "0", "0", "1")

    with display_language("en"):
        english = shares._repr_html_()

    assert (
        table_html(
            "Tất cả (tất cả tổ chức)",
            VI_HEAD,
            list(zip(VI_RATINGS, counts, percents, strict=True)),
        )
        == shares._repr_html_()
    )
    assert (
        table_html(
            "All (all organisations)",
            EN_HEAD,
            list(zip(EN_RATINGS, counts, percents, strict=True)),
        )
        == english
    )


def test_shares_html_of_groups(rated, excluded):
    """A group's caption is its label; without a base the shares are empty."""
    by_sector = rating_shares(
        [rated, excluded], denominator=Denominator.RATED, by=GroupBy.SECTOR
    )
    building, trade = by_sector.values()

    with display_language("en"):
        english = building._repr_html_()

    assert (
        table_html(
            "construction (rated organisations)",
            EN_HEAD,
            [(r, "1" if r == "not rated" else "0", "") for r in EN_RATINGS],
        )
        == english
    )
    assert (
        table_html(
            "thương mại - dịch vụ (tổ chức được xếp loại)",
            VI_HEAD,
            list(
                zip(
                    VI_RATINGS,
                    ("1", "0", "0", "0", "0"),
                    ("100.0%", "0.0%", "0.0%", "0.0%", "0.0%"),
                    strict=True,
                )
            ),
        )
        == trade._repr_html_()
    )


def test_shares_frame_by_sector(rated, excluded):
    """One row per group and rating; shares are NaN without a base."""
    by_sector = rating_shares(
        [rated, excluded], denominator=Denominator.RATED, by=GroupBy.SECTOR
    )

    frame = shares_frame(by_sector, lang="en")

    assert {
        "group": "string",
        "rating": "category",
        "count": "int64",
        "share": "float64",
        "denominator": "string",
    } == {n: str(d) for n, d in frame.dtypes.items()}
    assert {
        "group": ["construction"] * 5 + ["trade and services"] * 5,
        "rating": list(EN_RATINGS) * 2,
        "count": [0, 0, 0, 0, 1, 1, 0, 0, 0, 0],
        "share": [None] * 5 + [1.0, 0.0, 0.0, 0.0, 0.0],
        "denominator": ["rated"] * 10,
    } == cells(frame)
    assert list(EN_RATINGS) == list(frame["rating"].cat.categories)
    assert math.isnan(frame["share"][0])


# --- score sheets from a DataFrame -------------------------------------------


@pytest.mark.parametrize("name", ["organization", "kind", "sector"])
def test_an_empty_required_cell_is_refused(name):
    """An empty organization, kind or sector cell is a ParseError."""
    row: dict[str, list[object]] = {
        "organization": ["HTX-1"],
        "kind": ["cooperative"],
        "sector": ["agriculture"],
        "year": [2024],
    }
    row[name] = [None]

    with pytest.raises(ParseError) as caught:
        ScoreSheet.from_dataframe(pd.DataFrame(row))

    error = caught.value
    assert (name, None, "required cell is empty", 1, name) == (
        error.field,
        error.value,
        error.rule,
        error.row,
        error.column,
    )
    assert (
        f"row 1, column {name!r}: {name}=None: required cell is empty"
        == str(error)
    )


@pytest.fixture(scope="module")
def sheets() -> tuple[ScoreSheet, ScoreSheet]:
    """A 2024 sheet with every field set, a 2025 one with few."""
    return (
        ScoreSheet(
            organization="A",
            kind=OrganizationKind.COOPERATIVE,
            sector=Sector.TRANSPORT,
            year=2024,
            province=Province.get("01", era=Era.PRE_2025),
            scheme="TT-01-2020",
            points={"I": Decimal("25.5"), "II": 24, "III": 31},
            measures={"m": Decimal("1.5"), "f": True},
            months_operating=11,
            months_suspended=2,
            sanctioned=True,
            special_control=True,
            licence_revocation=True,
        ),
        ScoreSheet(
            organization="B",
            kind=OrganizationKind.COOPERATIVE_UNION,
            sector=Sector.AGRICULTURE,
            year=2025,
            province=Province.get("01", era=Era.FROM_2025),
            points={"X": 1},
        ),
    )


SHEET_COLUMNS = {
    "organization": "string",
    "kind": "string",
    "sector": "string",
    "year": "int64",
    "province": "string",
    "scheme": "string",
    "months_operating": "Int64",
    "months_suspended": "Int64",
    "sanctioned": "bool",
    "special_control": "bool",
    "licence_revocation": "bool",
}


def test_sheets_frame_pinned(sheets):
    """Codes, Int64 months, bool flags, then every point and measure."""
    frame = sheets_frame(sheets)

    assert {
        **SHEET_COLUMNS,
        "points.I": "float64",
        "points.II": "float64",
        "points.III": "float64",
        "points.X": "float64",
        "measures.f": "boolean",
        "measures.m": "float64",
    } == {n: str(d) for n, d in frame.dtypes.items()}
    assert {
        "organization": ["A", "B"],
        "kind": ["cooperative", "cooperative_union"],
        "sector": ["transport", "agriculture"],
        "year": [2024, 2025],
        "province": ["01", "01"],
        "scheme": ["TT-01-2020", None],
        "months_operating": [11, 12],
        "months_suspended": [2, 0],
        "sanctioned": [True, False],
        "special_control": [True, False],
        "licence_revocation": [True, False],
        "points.I": [25.5, None],
        "points.II": [24.0, None],
        "points.III": [31.0, None],
        "points.X": [None, 1.0],
        "measures.f": [True, None],
        "measures.m": [1.5, None],
    } == cells(frame)


def test_sheets_read_back_with_the_units_of_their_year(sheets):
    """A province code is read among the units in force in the sheet's year."""
    assert sheets == ScoreSheet.from_dataframe(sheets_frame(sheets))


def test_no_sheets_make_the_fixed_columns_only():
    """Without sheets the frame has the fixed columns and reads back empty."""
    frame = sheets_frame([])

    assert SHEET_COLUMNS == {n: str(d) for n, d in frame.dtypes.items()}
    assert () == ScoreSheet.from_dataframe(frame)
