"""
Never run: type-checked by mypy --strict and pyright to pin the public API.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import assert_type

import attrs
import pandas as pd
import pendulum

from matplotlib.axes import Axes

import kttt

from kttt import plots, serialization
from kttt import rating as rating_room


def foundation() -> None:
    """Errors, text helpers, sources and enums."""
    assert_type(kttt.parse_number("1.200"), Decimal)
    assert_type(kttt.parse_percent("8,5%"), Decimal)
    assert_type(kttt.parse_range("1-2"), tuple[Decimal, Decimal])
    assert_type(kttt.fold("Hà Nội"), str)
    error = kttt.ValidationError("f", 1, "rule")
    assert_type(error.at_row(3), kttt.ValidationError)
    assert_type(error.row, int | None)
    source = kttt.Source(
        document="20-NQ/TW", retrieved=pendulum.Date(2026, 1, 1)
    )
    assert_type(source.cite(), str)
    assert_type(kttt.Sector.parse("nông nghiệp"), kttt.Sector)
    assert_type(kttt.OrganizationKind.COOPERATIVE.label_vi, str)
    assert_type(kttt.MemberType("official"), kttt.MemberType)


def serialising(source: kttt.Source) -> None:
    """Serialization keeps the requested type."""
    text = serialization.to_json(source)
    assert_type(serialization.from_json(text, kttt.Source), kttt.Source)
    rows = serialization.to_records([source])
    assert_type(rows, list[dict[str, str]])
    assert_type(
        list(serialization.from_records(rows, kttt.Source)), list[kttt.Source]
    )


def geography_and_documents() -> None:
    """Provinces and document numbers."""
    province = kttt.Province.get("Ninh Thuận")
    assert_type(province, kttt.Province)
    assert_type(province.successor(), kttt.Province)
    assert_type(
        kttt.Province.all(kttt.Era.PRE_2025), tuple[kttt.Province, ...]
    )
    number = kttt.parse_document_number("155-CTr/TU")
    assert_type(number, kttt.DocumentNumber)
    assert_type(kttt.get_document(number), kttt.Document)
    for match in kttt.find_document_numbers("Nghị quyết số 20-NQ/TW"):
        assert_type(match.number, kttt.DocumentNumber)


def rating(sheet: kttt.ScoreSheet) -> None:
    """Classify one sheet or many, and count the shares."""
    result = kttt.classify(sheet)
    assert_type(result, kttt.Classification)
    assert_type(result.rating, kttt.Rating | None)
    results = list(kttt.classify_many([sheet]))
    overall = kttt.rating_shares(results, denominator=kttt.Denominator.ALL)
    assert_type(overall, kttt.RatingShares)
    grouped = kttt.rating_shares(
        results, denominator=kttt.Denominator.RATED, by=kttt.GroupBy.YEAR
    )
    assert_type(grouped[2024], kttt.RatingShares)


def rating_tables(text: str) -> None:
    """Rate a table of sheets row by row, and count the shares."""
    rows = [
        row
        for row in rating_room.rate_csv(text)
        if isinstance(row, rating_room.RatedRow)
    ]
    assert_type(rows[0].cells, tuple[str, ...])
    assert_type(rows[0].rating, kttt.Rating | None)
    shares = rating_room.rating_shares(rows, denominator=kttt.Denominator.ALL)
    assert_type(shares, kttt.RatingShares)
    scheme = rating_room.TT_01_2020.load()
    assert_type(scheme, kttt.RatingScheme)


def progress(target: kttt.Target, series: kttt.Series) -> None:
    """Assess a target and report on a programme."""
    result = kttt.assess(target, series, as_of=pendulum.Date(2025, 12, 31))
    assert_type(result, kttt.Progress)
    assert_type(result.status, kttt.ProgressStatus)
    assert_type(target.is_met(60.0), bool)
    assert_type(result.required_growth_from_base, float | None)
    assert_type(result.required_growth_from_latest, float | None)
    assert_type(result.missed_by, float | None)
    assert_type(result.required_from_latest(), kttt.RequiredPace | None)
    pace = kttt.required_pace(target, 2025, 35_041.0)
    assert_type(pace.rate, float | None)
    assert_type(kttt.is_met_at(target, 2030, 45_000.0), bool)
    batch = kttt.assess_many(target, series, [[1.0, 2.0]], years=[2026, 2027])
    assert_type(batch, kttt.ProgressBatch)
    assert_type(batch.statuses, tuple[kttt.ProgressStatus, ...])
    assert_type(batch.progress(0), kttt.Progress)
    assert_type(kttt.met_share(target, [1.0, 2.0]), float)


def scenarios(
    target: kttt.Target, series: kttt.Series, programme: kttt.TargetSet
) -> None:
    """Project, simulate and compare scenarios."""
    growth = kttt.Assumption.normal(0.05, 0.02)
    assert_type(growth.kind, kttt.AssumptionKind)
    scenario = kttt.Scenario(
        name="5 %", assumptions={"cooperatives.count": growth}
    )
    steady = kttt.Assumption.constant_rate(0.05)
    assert_type(kttt.project(series, steady, until=2030), kttt.Series)
    assert_type(kttt.required_rate(target, series), kttt.RequiredPace)
    assert_type(kttt.year_met(target, series, steady), int | None)
    data = {"cooperatives.count": series}
    simulation = kttt.simulate(programme, data, scenario, draws=100, seed=1)
    assert_type(simulation, kttt.Simulation)
    row = simulation.get("cooperatives.count", 2030)
    assert_type(row, kttt.SimulatedTarget)
    assert_type(row.probability, float | None)
    assert_type(row.bands, tuple[kttt.QuantileBand, ...])
    comparison = kttt.compare([scenario], programme, data)
    assert_type(comparison, kttt.Comparison)
    cell = comparison.cell("5 %", "cooperatives.count", 2030)
    assert_type(cell, kttt.ComparisonCell)
    assert_type(cell.status, kttt.ProgressStatus)


def organisations(cooperative: kttt.Cooperative) -> None:
    """Compliance findings, histories and committee checks."""
    findings = kttt.check_compliance(cooperative, pendulum.Date(2025, 1, 1))
    assert_type(findings, tuple[kttt.Finding, ...])
    assert_type(kttt.check_compliance(cooperative), tuple[kttt.Finding, ...])
    assert_type(findings[0].due, pendulum.Date | None)
    breaches = kttt.check_history([cooperative])
    assert_type(breaches, tuple[kttt.Breach, ...])
    assert_type(breaches[0].revocable_from, pendulum.Date | None)
    assert_type(breaches[0].rule.revocation, kttt.Period | None)
    assert_type(breaches[0].rule.when, tuple[kttt.Condition, ...])
    member = kttt.Member(
        member_type=kttt.MemberType.OFFICIAL, person=kttt.PersonKind.CITIZEN
    )
    assert_type(member.age_on(pendulum.Date(2025, 1, 1)), int | None)
    governance = kttt.Governance(model=kttt.GovernanceModel.FULL)
    meeting = kttt.Meeting(
        organ=kttt.Organ.GENERAL_MEETING,
        held=pendulum.Date(2025, 1, 1),
        entitled=10,
        attending=6,
        resolutions=(
            kttt.Resolution(matter=kttt.Matter.OTHER, votes_for=4, votes=6),
        ),
    )
    income = kttt.IncomeStatement(year=2024)
    record = attrs.evolve(
        cooperative,
        member_list=(member,),
        governance=governance,
        meetings=(meeting,),
        income=income,
        pledged_indivisible_assets=(kttt.IndivisibleAsset.GIFTS,),
    )
    assert_type(record.income, kttt.IncomeStatement | None)
    assert_type(kttt.Measure.MEETING_QUORUM.of(record), Fraction | None)
    summary = kttt.network_summary(kttt.network_2023())
    assert_type(summary, kttt.NetworkSummary)


def provincial_programmes(path: str) -> None:
    """Programme sheets, tolerances, settings and the headline index."""
    plan = kttt.read_programme(path)
    assert_type(plan, kttt.TargetSet)
    assert_type(kttt.programme_to_csv(plan), str)
    assert_type(kttt.programme_from_csv("x"), kttt.TargetSet)
    assert_type(kttt.Tolerance.parse("±5 %"), kttt.Tolerance)
    settings = kttt.MethodSettings.published("statcan")
    assert_type(settings.target, tuple[float, ...])
    report = kttt.ProgressReport.build(plan, {}, settings=[settings])
    assert_type(report.index(), kttt.ProgrammeIndex)
    assert_type(report.index().current_status, float | None)
    error = kttt.InvalidFileError.of([kttt.DataError("year", "x", "a year")])
    assert_type(error.errors, tuple[kttt.KtttError, ...])


def notebooks(
    report: kttt.ProgressReport,
    simulation: kttt.Simulation,
    series: kttt.Series,
    sheet: kttt.ScoreSheet,
    cooperative: kttt.Cooperative,
) -> None:
    """DataFrames, rich display and charts."""
    frame = series.to_dataframe("en")
    assert_type(frame, pd.DataFrame)
    assert_type(kttt.Series.from_dataframe(frame), kttt.Series)
    assert_type(report.to_dataframe(), pd.DataFrame)
    assert_type(simulation.to_dataframe(), pd.DataFrame)
    assert_type(simulation.band_dataframe(), pd.DataFrame)
    stats = {"cooperatives.count": (series,)}
    assert_type(kttt.statistics_frame(stats), pd.DataFrame)
    results = [kttt.classify(sheet)]
    assert_type(kttt.classifications_frame(results), pd.DataFrame)
    grouped = kttt.rating_shares(
        results, denominator=kttt.Denominator.ALL, by=kttt.GroupBy.PROVINCE
    )
    assert_type(kttt.shares_frame(grouped, lang="en"), pd.DataFrame)
    sheets = kttt.sheets_frame([sheet])
    assert_type(
        kttt.ScoreSheet.from_dataframe(sheets), tuple[kttt.ScoreSheet, ...]
    )
    assert_type(kttt.organizations_frame([cooperative]), pd.DataFrame)
    with kttt.display_language("en"):
        assert_type(kttt.in_language(report, "vi").lang, str)
    row = simulation.get("cooperatives.count", 2030)
    assert_type(plots.trajectory(row.target, simulated=row), Axes)
    assert_type(plots.overview(report, lang="en"), Axes)
    assert_type(plots.rating_distribution(grouped), Axes)
