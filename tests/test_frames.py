"""
Tests of DataFrames: pinned dtypes, exact round trips of series and score
sheets, errors naming the row and the column, and the missing extra.
"""

from __future__ import annotations

import sys

from decimal import Decimal

import attrs
import pandas as pd
import pendulum
import pytest

from hypothesis import given, settings

from kttt import strategies as kst
from kttt.errors import KtttError, NotFoundError, ValidationError
from kttt.geography import Province
from kttt.organizations import (
    Organization,
    OrganizationKind,
    Sector,
    organizations_frame,
)
from kttt.progress import ProgressReport, ProgressStatus
from kttt.rating import (
    Denominator,
    GroupBy,
    Rating,
    ScoreSheet,
    classifications_frame,
    classify,
    rating_shares,
    shares_frame,
    sheets_frame,
)
from kttt.scenarios import Assumption, Scenario, compare, simulate
from kttt.series import (
    Series,
    national_series,
    national_statistics,
    statistics_frame,
)
from kttt.targets import Indicator, nq20_targets


STATUSES_EN = [
    "achieved",
    "on track",
    "needs acceleration",
    "limited progress",
    "regressing",
    "missed",
    "insufficient data",
]


def dtypes(frame: pd.DataFrame) -> dict[str, str]:
    """Return each column's dtype as text."""
    return {name: str(dtype) for name, dtype in frame.dtypes.items()}


@pytest.fixture(scope="module")
def report():
    return ProgressReport.build(nq20_targets(), national_statistics())


@pytest.fixture(scope="module")
def simulation():
    scenario = Scenario(
        name="4 % ± 3",
        assumptions={"cooperatives.count": Assumption.normal(0.04, 0.03)},
    )
    return simulate(
        nq20_targets(), national_statistics(), scenario, draws=500, seed=7
    )


@pytest.fixture(scope="module")
def classified():
    sheets = [
        ScoreSheet(
            organization=f"HTX-{number}",
            kind=OrganizationKind.COOPERATIVE,
            sector=sector,
            year=2024,
            province=Province.get(province),
            points=dict(zip(("I", "II", "III"), points, strict=True)),
        )
        for number, (sector, province, points) in enumerate(
            [
                (Sector.TRADE_SERVICES, "Hà Nội", (25, 24, 31)),
                (Sector.TRADE_SERVICES, "Hà Nội", (10, 10, 10)),
                (Sector.TRADE_SERVICES, "Huế", (20, 20, 25)),
            ]
        )
    ]
    return [
        classify(ScoreSheet.from_dataframe(sheets_frame([s]))[0])
        for s in sheets
    ]


# --- dtypes ------------------------------------------------------------------


def test_series_dtypes():
    """A series frame has integer years, float values, dates and text."""
    frame = national_series("cooperatives.count").to_dataframe("en")

    assert {
        "indicator": "string",
        "name": "string",
        "series": "string",
        "primary": "bool",
        "scope": "string",
        "scope_era": "string",
        "year": "int64",
        "value": "float64",
        "projected": "bool",
        "as_of": "datetime64[ns]",
        "source_document": "string",
        "source_clause": "string",
        "source_title": "string",
        "source_url": "string",
        "source_retrieved": "datetime64[ns]",
        "source_note": "string",
    } == dtypes(frame)
    assert "cooperatives (hợp tác xã)" == frame["name"].iloc[0]


def test_statistics_frame_holds_every_series():
    """The national statistics become one frame, one row per observation."""
    stats = national_statistics()
    frame = statistics_frame(stats, lang="vi")

    expected = sum(len(s) for found in stats.values() for s in found)
    assert expected == len(frame)
    assert {"MPI/MoF", "VCA"} <= set(frame["series"].dropna())
    assert dtypes(frame) == dtypes(
        national_series("cooperatives.count").to_dataframe()
    )


def test_report_dtypes(report):
    """Statuses are ordered categoricals, years integers, numbers floats."""
    frame = report.to_dataframe("en")
    types = dtypes(frame)

    assert "int64" == types["horizon"]
    assert "Int64" == types["latest_year"] == types["base_year"]
    assert "float64" == types["ratio"] == types["target_value"]
    assert "datetime64[ns]" == types["as_of"]
    assert "string" == types["indicator"] == types["diagnostics"]
    status = frame["status"].dtype
    assert status.ordered
    assert STATUSES_EN == list(status.categories)
    assert len(report.rows) == len(frame)


def test_report_statuses_sort_best_first(report):
    """Sorting by status puts the best first, and labels follow *lang*."""
    frame = report.to_dataframe("vi").sort_values("status")

    assert ProgressStatus.ON_TRACK.label_vi == frame["status"].iloc[0]
    assert frame["status"].cat.codes.is_monotonic_increasing
    last = frame["status"].iloc[-1]
    assert ProgressStatus.INSUFFICIENT_DATA.label_vi == last


def test_report_without_data_row(report):
    """A target without data has one row, insufficient data, no numbers."""
    frame = report.to_dataframe("en")
    row = frame[frame["indicator"] == "organizations.good_fair_share"].iloc[0]

    assert "insufficient data" == row["status"]
    assert pd.isna(row["latest_year"])
    assert pd.isna(row["ratio"])


def test_simulation_dtypes(simulation):
    """A simulation frame has one row per target; bands one per year."""
    frame = simulation.to_dataframe("en")
    bands = simulation.band_dataframe("en")

    assert len(simulation.rows) == len(frame)
    assert "float64" == dtypes(frame)["probability"]
    assert "Int64" == dtypes(frame)["latest_year"]
    row = frame[frame["indicator"] == "cooperatives.count"].iloc[0]
    assert 0 < row["probability"] < 1
    assert {
        "scenario": "string",
        "indicator": "string",
        "name": "string",
        "horizon": "int64",
        "year": "int64",
        "q05": "float64",
        "q25": "float64",
        "median": "float64",
        "q75": "float64",
        "q95": "float64",
    } == dtypes(bands)
    assert [2026, 2027, 2028, 2029, 2030] == bands["year"].tolist()


def test_comparison_dtypes():
    """A comparison frame has the status as an ordered categorical."""
    steady = Scenario(
        name="2 %",
        assumptions={"cooperatives.count": Assumption.constant_rate(0.02)},
    )
    comparison = compare([steady], nq20_targets(), national_statistics())
    frame = comparison.to_dataframe("en")

    assert frame["status"].dtype.ordered
    assert (
        "missed"
        == frame.loc[frame.indicator == "cooperatives.count", "status"].iloc[0]
    )
    assert "float64" == dtypes(frame)["projected_value"]


def test_classifications_dtypes(classified):
    """Ratings are ordered categoricals of labels, best first."""
    frame = classifications_frame(classified, lang="en")

    rating = frame["rating"].dtype
    assert rating.ordered
    assert ["good", "fair", "average", "weak"] == list(rating.categories)
    assert "int64" == dtypes(frame)["year"]
    assert "float64" == dtypes(frame)["total"]
    assert "bool" == dtypes(frame)["provisional"]
    assert ["Hà Nội", "Hà Nội", "Huế"] == frame["province"].tolist()


def test_shares_frame_grouped_and_not(classified):
    """Shares by group have one row per group and rating, then not rated."""
    grouped = rating_shares(
        classified, denominator=Denominator.ALL, by=GroupBy.PROVINCE
    )
    frame = shares_frame(grouped, lang="en")
    overall = rating_shares(classified, denominator=Denominator.ALL)

    assert 2 * 5 == len(frame)
    assert ["good", "fair", "average", "weak", "not rated"] == list(
        frame["rating"].cat.categories
    )
    assert {"int64"} == {dtypes(frame)["count"]}
    assert 2 == frame.loc[frame.group == "Hà Nội", "count"].sum()
    assert 1.0 == pytest.approx(frame.loc[frame.group == "Huế", "share"].sum())
    single = overall.to_dataframe("en")
    assert 5 == len(single)
    assert single["group"].isna().all()
    assert 3 == single["count"].sum()


def test_shares_by_year_are_integers(classified):
    """Groups that are years stay integers."""
    by_year = rating_shares(
        classified, denominator=Denominator.RATED, by=GroupBy.YEAR
    )

    assert "Int64" == dtypes(shares_frame(by_year))["group"]


@settings(max_examples=20)
@given(kst.organizations())
def test_organizations_frame_has_every_field(organization):
    """A registry frame has a column for every field of an organisation."""
    frame = organizations_frame([organization], lang="en")

    assert "datetime64[ns]" == dtypes(frame)["founded"]
    assert "int64" == dtypes(frame)["members.official"]
    assert "Int64" == dtypes(frame)["revenue"]
    assert "bool" == dtypes(frame)["traceability"]
    assert organization.kind.label_en == frame["kind"].iloc[0]
    names = {name.partition(".")[0] for name in frame.columns}
    assert {f.name for f in attrs.fields(Organization)} <= names


def test_empty_frames_keep_their_dtypes():
    """A frame of nothing still has its columns and dtypes."""
    frame = classifications_frame([], lang="en")

    assert 0 == len(frame)
    assert frame["rating"].dtype.ordered
    assert "int64" == dtypes(frame)["year"]


def test_lang_is_checked(report):
    """A language other than vi or en is refused."""
    with pytest.raises(ValidationError) as caught:
        report.to_dataframe("fr")

    assert "lang" == caught.value.field


# --- round trips -------------------------------------------------------------


@settings(max_examples=60)
@given(kst.series(min_size=1))
def test_series_round_trip(series):
    """A series read back from its frame is equal to it."""
    frame = series.to_dataframe("en")

    assert series == Series.from_dataframe(frame, series.indicator)


@settings(max_examples=20)
@given(kst.series(max_size=0))
def test_empty_series_round_trip(series):
    """A series without observations comes back from its arguments."""
    frame = series.to_dataframe()

    assert series == Series.from_dataframe(
        frame,
        series.indicator,
        scope=series.scope,
        label=series.label,
        primary=series.primary,
    )


@settings(max_examples=40)
@given(kst.score_sheets())
def test_score_sheets_round_trip(sheet):
    """Score sheets read back from their frame are equal to them."""
    frame = sheets_frame([sheet, sheet])

    assert (sheet, sheet) == ScoreSheet.from_dataframe(frame)


def test_built_in_series_round_trip_by_code():
    """A built-in series comes back with its indicator read from the frame."""
    series = national_series("cooperatives.count")

    assert series == Series.from_dataframe(series.to_dataframe())


def test_a_plain_frame_makes_a_series():
    """Two columns, year and value, in any order, make a series."""
    frame = pd.DataFrame({"year": [2021, 2020], "value": [27_342, 26_040]})
    indicator = Indicator.get("cooperatives.count")

    series = Series.from_dataframe(frame, indicator)

    assert (2020, 2021) == series.years
    assert (26_040.0, 27_342.0) == tuple(o.value for o in series)


# --- errors name the row and the column --------------------------------------


def error_of(call, *args, **kwargs) -> KtttError:
    with pytest.raises(KtttError) as caught:
        call(*args, **kwargs)
    return caught.value


def test_a_text_value_names_row_and_column():
    """A value that is not a number names its row and column."""
    frame = pd.DataFrame({"year": [2020, 2021], "value": [1.0, "1.200"]})

    error = error_of(
        Series.from_dataframe, frame, Indicator.get("cooperatives.count")
    )

    assert (2, "value", "1.200") == (error.row, error.column, error.value)
    assert "row 2, column 'value'" in str(error)


def test_a_value_out_of_bounds_names_row_and_column():
    """A share above 100 % names its row and the value column."""
    frame = pd.DataFrame({"year": [2020, 2021, 2022], "value": [50, 60, 140]})

    error = error_of(
        Series.from_dataframe,
        frame,
        Indicator.get("cooperatives.good_fair_share"),
    )

    assert (3, "value") == (error.row, error.column)


def test_a_year_twice_names_both_rows():
    """A year given twice names the second row and the first."""
    frame = pd.DataFrame({"year": [2020, 2021, 2020], "value": [1, 2, 3]})

    error = error_of(
        Series.from_dataframe, frame, Indicator.get("cooperatives.count")
    )

    assert (3, "year") == (error.row, error.column)
    assert "row 1" in error.rule


def test_a_fractional_year_names_row_and_column():
    """A year with a fraction is refused where it is."""
    frame = pd.DataFrame({"year": [2020.0, 2020.5], "value": [1, 2]})

    error = error_of(
        Series.from_dataframe, frame, Indicator.get("cooperatives.count")
    )

    assert (2, "year", 2020.5) == (error.row, error.column, error.value)


def test_an_unknown_column_is_named():
    """A column the series has no field for is refused by name."""
    frame = pd.DataFrame({"year": [2020], "value": [1], "note": ["x"]})

    error = error_of(
        Series.from_dataframe, frame, Indicator.get("cooperatives.count")
    )

    assert "note" == error.column
    assert "unknown column" in error.rule


def test_a_missing_column_is_named():
    """A frame without values says which column is missing."""
    error = error_of(
        Series.from_dataframe,
        pd.DataFrame({"year": [2020]}),
        Indicator.get("cooperatives.count"),
    )

    assert "value" == error.column


def test_two_series_in_one_frame_are_refused():
    """Rows of two indicators cannot make one series."""
    frame = statistics_frame(national_statistics())

    error = error_of(Series.from_dataframe, frame)

    assert error.column in {"indicator", "series"}
    assert error.row > 1


def test_an_argument_must_agree_with_the_column():
    """An indicator given and a different one in the frame are refused."""
    frame = national_series("cooperatives.count").to_dataframe()

    error = error_of(
        Series.from_dataframe, frame, Indicator.get("cooperatives.members")
    )

    assert "indicator" == error.field


def test_a_bad_date_names_row_and_column():
    """A publication date with a time of day is refused where it is."""
    frame = pd.DataFrame(
        {
            "year": [2024],
            "value": [1],
            "as_of": [pd.Timestamp("2025-01-02 10:30")],
        }
    )

    error = error_of(
        Series.from_dataframe, frame, Indicator.get("cooperatives.count")
    )

    assert (1, "as_of") == (error.row, error.column)


def test_a_date_before_its_year_names_row_and_column():
    """A value published before its year names the as_of column."""
    frame = pd.DataFrame(
        {"year": [2024], "value": [1], "as_of": ["2023-12-31"]}
    )

    error = error_of(
        Series.from_dataframe, frame, Indicator.get("cooperatives.count")
    )

    assert (1, "as_of") == (error.row, error.column)


def test_a_bad_point_names_row_and_column(classified):
    """Points that are text name the sheet's row and the points column."""
    frame = sheets_frame(c.sheet for c in classified)
    frame["points.I"] = frame["points.I"].astype(object)
    frame.loc[2, "points.I"] = "20,5"

    error = error_of(ScoreSheet.from_dataframe, frame)

    assert (3, "points.I") == (error.row, error.column)


def test_a_bad_kind_names_row_and_column():
    """An unknown kind of organisation names the row and the kind column."""
    frame = pd.DataFrame(
        {
            "organization": ["HTX-1", "HTX-2"],
            "kind": ["hợp tác xã", "doanh nghiệp"],
            "sector": ["nông nghiệp", "nông nghiệp"],
            "year": [2024, 2024],
        }
    )

    error = error_of(ScoreSheet.from_dataframe, frame)

    assert (2, "kind") == (error.row, error.column)


def test_negative_points_name_row_and_column():
    """Points below zero are refused with their row and column."""
    frame = pd.DataFrame(
        {
            "organization": ["HTX-1"],
            "kind": ["cooperative"],
            "sector": ["agriculture"],
            "year": [2024],
            "points.I": [-1.0],
        }
    )

    error = error_of(ScoreSheet.from_dataframe, frame)

    assert (1, "points.I") == (error.row, error.column)


def test_a_column_twice_is_refused():
    """A frame with two columns of one name says which."""
    frame = pd.DataFrame([[2020, 1, 2]], columns=["year", "value", "value"])

    error = error_of(
        Series.from_dataframe, frame, Indicator.get("cooperatives.count")
    )

    assert ("value", "a column appears once") == (error.column, error.rule)


@pytest.mark.parametrize(
    ("column", "cells", "row"),
    [
        ("year", [2020, None], 2),
        ("projected", [False, "yes"], 2),
        ("series", ["MPI/MoF", 3], 2),
        ("as_of", [None, 20240101], 2),
    ],
)
def test_a_cell_of_the_wrong_kind_names_row_and_column(column, cells, row):
    """An empty year, a flag in words, a number as text are refused."""
    frame = pd.DataFrame({"year": [2020, 2021], "value": [1.0, 2.0]})
    frame[column] = pd.Series(cells, dtype=object)

    error = error_of(
        Series.from_dataframe, frame, Indicator.get("cooperatives.count")
    )

    assert (row, column) == (error.row, error.column)


def test_dates_may_be_days_or_midnight_timestamps():
    """Publication dates may be dates, midnight timestamps or ISO text."""
    frame = pd.DataFrame(
        {
            "year": [2020, 2021, 2022],
            "value": [1.0, 2.0, 3.0],
            "as_of": pd.Series(
                [
                    pendulum.Date(2021, 3, 1),
                    pd.Timestamp("2022-03-01"),
                    "2023-03-01",
                ],
                dtype=object,
            ),
        }
    )

    series = Series.from_dataframe(frame, Indicator.get("cooperatives.count"))

    assert [2021, 2022, 2023] == [o.as_of.year for o in series]


def test_an_unknown_column_name_that_is_not_text_is_refused():
    """A column named by a number is not one of the series' columns."""
    frame = pd.DataFrame({"year": [2020], "value": [1.0], 0: [1]})

    error = error_of(
        Series.from_dataframe, frame, Indicator.get("cooperatives.count")
    )

    assert "0" == error.column


def test_measures_of_both_kinds_make_an_object_column():
    """A measure that is a number on one sheet and yes/no on another."""
    base = {
        "organization": "HTX-1",
        "kind": OrganizationKind.COOPERATIVE,
        "sector": Sector.TRADE_SERVICES,
        "year": 2024,
    }
    sheets = [
        ScoreSheet(**base, measures={"m": Decimal("1.5")}),
        ScoreSheet(**base, measures={"m": True}),
        ScoreSheet(**base),
    ]

    frame = sheets_frame(sheets)

    assert "object" == dtypes(frame)["measures.m"]
    assert tuple(sheets) == ScoreSheet.from_dataframe(frame)


def test_not_a_frame_is_refused():
    """Reading something that is not a DataFrame says so."""
    error = error_of(ScoreSheet.from_dataframe, [{"organization": "x"}])

    assert "frame" == error.field


def test_measures_read_as_numbers_and_flags():
    """Measured values come back as exact numbers or yes/no."""
    frame = pd.DataFrame(
        {
            "organization": ["HTX-1"],
            "kind": ["cooperative"],
            "sector": ["agriculture"],
            "year": [2024],
            "measures.revenue": [1.5],
            "measures.audited": [True],
        }
    )

    (sheet,) = ScoreSheet.from_dataframe(frame)

    assert {"audited": True, "revenue": Decimal("1.5")} == dict(sheet.measures)


# --- the extra ---------------------------------------------------------------


def test_without_pandas_the_extra_is_named(monkeypatch):
    """Without pandas, a NotFoundError says which extra to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)

    with pytest.raises(NotFoundError) as caught:
        national_series("cooperatives.count").to_dataframe()

    assert "pip install 'kttt[pandas]'" in caught.value.rule


def test_ratings_follow_the_enum_order(classified):
    """The rating categories follow `Rating`, best first."""
    frame = classifications_frame(classified, lang="vi")

    assert [r.label_vi for r in Rating] == list(frame["rating"].cat.categories)
