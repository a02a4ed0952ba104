"""Tests for kttt.errors and the bilingual enumerations."""

from __future__ import annotations

import pickle

import pytest

from kttt import errors
from kttt.errors import KtttError, ParseError, ValidationError
from kttt.organizations import OrganizationKind, Sector


def test_message_names_field_value_rule():
    """The message carries field, value and rule."""
    error = ValidationError("members", -1, "must not be negative")

    assert "members=-1: must not be negative" == str(error)


def test_at_row_adds_the_row():
    """at_row returns a copy of the same class with the row number."""
    error = ParseError("year", "x", "a year is four digits").at_row(7)

    assert isinstance(error, ParseError)
    assert 7 == error.row
    assert "row 7: year='x': a year is four digits" == str(error)


@pytest.mark.parametrize("name", errors.__all__)
def test_every_error_is_a_kttt_error_and_pickles(name):
    """All public errors derive from KtttError and survive pickling."""
    cls = getattr(errors, name)
    error = cls("field", 1, "rule", row=3)

    assert isinstance(error, KtttError)
    assert str(error) == str(pickle.loads(pickle.dumps(error)))  # noqa: S301


def test_enum_labels_and_codes():
    """Members carry a code and two labels."""
    assert "cooperative" == OrganizationKind.COOPERATIVE.value
    assert "hợp tác xã" == OrganizationKind.COOPERATIVE.label_vi
    assert "cooperative" == str(OrganizationKind.COOPERATIVE)
    assert "union of cooperatives" == OrganizationKind.COOPERATIVE_UNION.label(
        "en"
    )
    assert OrganizationKind.COOPERATIVE is OrganizationKind("cooperative")


@pytest.mark.parametrize(
    "text",
    [
        "agriculture",
        "Nông nghiệp",
        "NONG NGHIEP",
        "nông nghiệp",
        "AGRICULTURE",
    ],
)
def test_enum_parse_is_tolerant(text):
    """Codes, labels and names match regardless of case and diacritics."""
    assert Sector.AGRICULTURE is Sector.parse(text)


def test_enum_parse_refuses_unknown():
    """An unknown label raises ParseError listing the choices."""
    with pytest.raises(ParseError, match="agriculture"):
        Sector.parse("mining")


@pytest.mark.parametrize("value", ["mining", "", None, [], 3])
def test_enum_call_refuses_unknown_codes_with_parse_error(value):
    """An unknown code is a ParseError naming the enumeration (issue 11)."""
    with pytest.raises(ParseError, match="agriculture") as info:
        Sector(value)

    assert "Sector" == info.value.field
    assert value == info.value.value


def test_label_refuses_unknown_language():
    """Only Vietnamese and English labels exist."""
    with pytest.raises(ValidationError, match="lang"):
        Sector.CREDIT.label("fr")
