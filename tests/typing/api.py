"""
Never run: type-checked by mypy --strict and pyright to pin the public API.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import assert_type

import attrs
import pendulum

import kttt

from kttt import serialization


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


def progress(target: kttt.Target, series: kttt.Series) -> None:
    """Assess a target and report on a programme."""
    result = kttt.assess(target, series, as_of=pendulum.Date(2025, 12, 31))
    assert_type(result, kttt.Progress)
    assert_type(result.status, kttt.ProgressStatus)
    assert_type(target.is_met(60.0), bool)


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
