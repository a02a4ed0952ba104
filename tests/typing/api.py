"""
Never run: type-checked by mypy --strict and pyright to pin the public API.
"""

from __future__ import annotations

from decimal import Decimal
from typing import assert_type

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
