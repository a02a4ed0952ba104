"""Tests for the built-in national statistics (kttt.series)."""

from __future__ import annotations

import pendulum
import pytest

from helpers import write_envelope
from kttt import datasets
from kttt.errors import DataError, NotFoundError
from kttt.series import national_series, national_statistics
from kttt.targets import nq20_targets, target_set


HEADER = (
    "indicator,series,primary,year,value,as_of,document,clause,title,url,"
    "retrieved,note"
)
ROW = "cooperatives.count,MPI/MoF,yes,2024,33335,,,,,https://x.vn,,"


def test_every_series_is_national_and_sourced():
    """Every built-in observation is national and cites a URL."""
    for found in national_statistics().values():
        for series in found:
            assert series.scope is None
            for observation in series:
                assert observation.source is not None
                assert (observation.source.url or "").startswith("http")


def test_primary_series_come_first():
    """Each indicator has exactly one primary series, listed first."""
    for found in national_statistics().values():
        assert found[0].primary
        assert not any(s.primary for s in found[1:])


def test_years_within_2012_2025():
    """The statistics cover 2012–2025 (the good or fair share of 2012)."""
    years = {
        year
        for found in national_statistics().values()
        for series in found
        for year in series.years
    }

    assert (2012, 2025) == (min(years), max(years))


@pytest.mark.parametrize(
    ("code", "label", "year", "value"),
    [
        ("cooperatives.count", "MPI/MoF", 2022, 29_378),
        ("cooperatives.count", "MPI/MoF", 2025, 35_041),
        ("cooperatives.count", "VCA", 2024, 33_557),
        ("cooperatives.count", "VCA deck", 2013, 18_891),
        ("cooperatives.count", "GSO", 2018, 22_861),
        ("cooperatives.count", "Báo Quốc tế", 2022, 28_237),
        ("cooperative_unions.count", "MPI/MoF", 2025, 164),
        ("cooperative_groups.count", "MPI/MoF", 2024, 63_650),
        ("cooperative_groups.members", "MPI/MoF", 2024, 944_587),
        ("cooperatives.members", "MPI/MoF", 2022, 5_935_000),
        ("cooperatives.members", "VNA", 2020, 8_100_000),
        ("cooperatives.members", "GSO", 2018, 5_998_378),
        ("cooperative_unions.member_cooperatives", "MPI/MoF", 2022, 851),
        ("cooperatives.good_fair_share", "compiled", 2025, 78.1),
        ("cooperatives.high_tech_count", "compiled", 2025, 2_600),
        ("cooperatives.value_chain_count", "compiled", 2025, 4_700),
        ("cooperatives.managers_degree_share", "MPI/MoF", 2024, 24.7),
        ("population.total", "GSO average", 2022, 99_467_926),
        ("population.total", "GSO 1 April", 2024, 101_112_656),
        ("cooperatives.new_count", "MPI/MoF", 2024, 2_197),
        ("cooperatives.new_count", "VCA", 2024, 1_942),
        ("cooperatives.new_count", "VCA", 2017, 2_226),
        ("cooperatives.new_count", "VCA deck", 2018, 1_610),
        ("agricultural_cooperatives.count", "VCA", 2024, 22_415),
        ("agricultural_cooperatives.count", "VCA", 2023, 20_710),
        ("agricultural_cooperatives.count", "MPI/MoF", 2020, 18_327),
        ("agricultural_cooperatives.count", "Vietnam FDI", 2020, 17_000),
        ("agricultural_cooperatives.count", "Báo Quốc tế", 2022, 18_785),
        (
            "agricultural_cooperatives.good_fair_share",
            "Saigon Times",
            2022,
            65,
        ),
        ("cooperatives.good_fair_share", "compiled", 2012, 10),
        ("non_agricultural_cooperatives.count", "Báo Quốc tế", 2022, 9_452),
        ("peoples_credit_funds.count", "VCA", 2024, 1_181),
        ("cooperatives.average_revenue", "MPI/MoF", 2025, 4_560_000_000),
        ("cooperatives.average_profit", "VCA", 2024, 203_400_000),
        ("cooperatives.revenue", "VCA", 2024, 95_273_695_000_000),
        ("cooperatives.profit", "GSO", 2018, 2_575_000_000_000),
        ("cooperatives.workers", "MPI/MoF", 2024, 897_109),
        ("cooperatives.worker_income", "MPI/MoF", 2025, 64_000_000),
        ("collective_economy.gdp_share", "VnEconomy", 2020, 4.8),
        ("collective_economy.gdp_share", "VCA", 2017, 4.5),
    ],
)
def test_pinned_figures(code, label, year, value):
    """Figures are exactly those of the sources in the domain notes."""
    assert value == national_series(code, label=label).at(year).value


@pytest.mark.parametrize(
    ("code", "year", "labels"),
    [
        ("cooperatives.count", 2024, {"MPI/MoF", "VCA"}),
        ("cooperatives.count", 2022, {"MPI/MoF", "Báo Quốc tế"}),
        ("cooperatives.count", 2018, {"VCA deck", "GSO"}),
        ("cooperatives.count", 2017, {"VCA deck", "VCA"}),
        ("cooperatives.members", 2020, {"MPI/MoF", "VNA"}),
        ("cooperatives.members", 2024, {"MPI/MoF", "VCA"}),
        ("population.total", 2022, {"GSO average", "GSO 1 April"}),
        ("cooperatives.new_count", 2024, {"MPI/MoF", "VCA"}),
        ("cooperatives.new_count", 2017, {"VCA", "VCA deck"}),
        ("agricultural_cooperatives.count", 2020, {"MPI/MoF", "Vietnam FDI"}),
        (
            "agricultural_cooperatives.count",
            2022,
            {"Báo Quốc tế", "Saigon Times"},
        ),
        ("cooperatives.average_revenue", 2024, {"MPI/MoF", "VCA"}),
        ("cooperatives.average_profit", 2024, {"MPI/MoF", "VCA"}),
    ],
)
def test_disagreements_are_separate_series(code, year, labels):
    """Where sources disagree, each keeps its own series and value."""
    found = {s.label: s for s in national_statistics()[code] if year in s}

    assert labels == set(found)
    assert len(labels) == len({found[k].at(year).value for k in labels})


def test_preliminary_2025_carries_its_report_date():
    """MoF's 2025 figures are dated by report 768/BC-BTC."""
    observation = national_series("cooperatives.count").latest()

    assert pendulum.Date(2025, 12, 12) == observation.as_of
    assert "768/BC-BTC" == observation.source.document


def test_every_nq20_2030_count_has_a_primary_series():
    """Each NQ 20 count target for 2030 has data to be assessed against."""
    for target in nq20_targets().by_horizon(2030)[:6]:
        series = national_series(target.indicator.code)

        assert target.indicator == series.indicator
        assert len(series) >= 3


def test_plan_2025_cooperatives_met():
    """35.041 cooperatives in 2025 meet the plan's 'about 35.000'."""
    target = target_set("1318/QĐ-TTg").get("cooperatives.count", 2025)

    assert target.is_met(national_series("cooperatives.count").at(2025).value)


def test_national_series_lookup_errors():
    """Unknown codes and labels raise NotFoundError."""
    with pytest.raises(NotFoundError) as info:
        national_series("organizations.ica_top300_count")

    assert "indicator" == info.value.field
    with pytest.raises(NotFoundError) as info:
        national_series("cooperatives.count", label="nobody")

    assert "MPI/MoF" in info.value.rule


def test_datasets_national_statistics():
    """kttt.datasets returns the same statistics, a fresh dict each time."""
    first = datasets.national_statistics()
    first.clear()

    assert national_statistics() == datasets.national_statistics()
    assert national_statistics() == dict(datasets.load("statistics/national"))


def test_statistics_file_and_its_sources():
    """The table has an envelope listing its publishers, dates not invented."""
    info = datasets.about("statistics/national")

    assert 106 == info.rows
    assert all(source.retrieved is None for source in info.sources)
    assert "768/BC-BTC" in info.sources[0].note


def _write(tmp_path, text: str):
    (tmp_path / "mine.csv").write_text(text, encoding="utf-8")
    return write_envelope(tmp_path, "mine.csv", name="national.json")


def test_parse_minimal_file(tmp_path):
    """A one-row file gives one primary series."""
    found = datasets.load(
        "statistics/national", _write(tmp_path, f"{HEADER}\n{ROW}\n")
    )

    assert (2024,) == found["cooperatives.count"][0].years


@pytest.mark.parametrize(
    ("text", "field", "row", "column"),
    [
        ("a,b\n1,2\n", "header", None, None),
        (f"{HEADER}\n{ROW.replace('MPI/MoF', '')}\n", "series", 1, "series"),
        (
            f"{HEADER}\n{ROW.replace('yes', 'maybe')}\n",
            "primary",
            1,
            "primary",
        ),
        (f"{HEADER}\n{ROW.replace('33335', 'many')}\n", "value", 1, "value"),
        (f"{HEADER}\n{ROW.replace('33335', '-5')}\n", "value", 1, "value"),
        (f"{HEADER}\n{ROW.replace('2024', '1800')}\n", "year", 1, "year"),
        (f"{HEADER}\n{ROW.replace('2024', '20x4')}\n", "year", 1, "year"),
        (
            f"{HEADER}\n{ROW.replace('cooperatives.count', 'x.y')}\n",
            "indicator",
            1,
            "indicator",
        ),
        (
            f"{HEADER}\n{ROW.replace(',,,,,https', ',2024-13-01,,,,https')}\n",
            "as_of",
            1,
            "as_of",
        ),
        (f"{HEADER}\n{ROW.replace('https://x.vn', '')}\n", "url", 1, "url"),
        (
            (
                f"{HEADER}\n{ROW}\n"
                f"{ROW.replace('2024', '2025').replace('yes', 'no')}\n"
            ),
            "primary",
            2,
            "primary",
        ),
        (f"{HEADER}\n{ROW}\n{ROW}\n", "year", 2, "year"),
        (f"{HEADER}\n{ROW},extra\n", "cells", 1, "note"),
        (f"{HEADER}\n{ROW.replace('yes', 'no')}\n", "primary", None, None),
        (f"{HEADER}\n", "rows", None, None),
    ],
)
def test_bad_statistics_rows(tmp_path, text, field, row, column):
    """Malformed rows raise a DataError naming file, row and column."""
    path = _write(tmp_path, text)

    with pytest.raises(DataError) as info:
        datasets.load("statistics/national", path)

    assert field == info.value.field
    assert row == info.value.row
    assert column == info.value.column
    expected = path if field == "rows" else tmp_path / "mine.csv"
    assert str(expected) == info.value.file


SECTORS_2024 = (
    "cooperatives.industry_handicraft_count",
    "cooperatives.trade_services_count",
    "cooperatives.transport_count",
    "cooperatives.construction_count",
    "peoples_credit_funds.count",
    "cooperatives.environment_count",
    "cooperatives.other_sector_count",
)


def test_sectors_2024_add_up():
    """The VCA's 2024 sectors sum to its non-agricultural and total counts."""
    non_agricultural = sum(
        national_series(code).at(2024).value for code in SECTORS_2024
    )
    agricultural = national_series("agricultural_cooperatives.count")

    assert (
        11_142
        == non_agricultural
        == (
            national_series("non_agricultural_cooperatives.count")
            .at(2024)
            .value
        )
    )
    assert national_series("cooperatives.count", label="VCA").at(
        2024
    ).value == (agricultural.at(2024).value + non_agricultural)


def test_gdp_share_disagreement_is_kept():
    """The GDP share keeps both publishers, each saying how it was read."""
    primary, other = national_statistics()["collective_economy.gdp_share"]

    assert ("VnEconomy", "VCA") == (primary.label, other.label)
    assert "2016–2020" in (primary.latest().source.note or "")
    assert "upper end" in (other.latest().source.note or "")


def test_nq106_target_set():
    """NQ 106/NQ-CP: at least 60 % of agricultural cooperatives good or fair
    by 2025, on an indicator the statistics observe."""
    (target,) = target_set("106/NQ-CP").targets
    series = national_series(target.indicator.code)

    assert ("agricultural_cooperatives.good_fair_share", 60, 2025) == (
        target.indicator.code,
        target.value,
        target.horizon,
    )
    assert target.is_met(60)
    assert not target.is_met(59.9)
    assert target.is_met(series.latest().value)
    assert target_set("106/NQ-CP") == datasets.load("targets/nq106")
