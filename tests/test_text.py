"""Tests for kttt.text: normalisation, folding and Vietnamese numbers."""

from __future__ import annotations

import contextlib
import unicodedata

from decimal import Decimal

import pytest

from hypothesis import given
from hypothesis import strategies as st

from kttt.errors import KtttError, ParseError
from kttt.text import (
    fold,
    is_blank,
    nfc,
    parse_flag,
    parse_number,
    parse_percent,
    parse_range,
)


def _vietnamese(n: int) -> str:
    """Write a whole number the Vietnamese way, '.' between thousands."""
    return f"{n:,}".replace(",", ".")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.200", Decimal(1200)),
        ("35.041", Decimal(35041)),
        ("8,5", Decimal("8.5")),
        ("60", Decimal(60)),
        ("2 triệu", Decimal(2_000_000)),
        ("1,5 tỷ", Decimal(1_500_000_000)),
        ("5,8 tỉ", Decimal(5_800_000_000)),
        ("71 nghìn", Decimal(71_000)),
        ("3 ngàn", Decimal(3000)),
        ("5.935 nghìn", Decimal(5_935_000)),
        ("-5", Decimal(-5)),
        ("−0,38", Decimal("-0.38")),
        ("  12  ", Decimal(12)),
        ("2 TRIEU", Decimal(2_000_000)),
    ],
)
def test_parse_number_examples(text, expected):
    """Numbers from the seeds and statistics read exactly, digits included."""
    assert str(expected) == str(parse_number(text))


@pytest.mark.parametrize(
    "text", ["1.5", "1.2000", "1,2,3", "abc", "", "12ab", "2 foo", "1.200,"]
)
def test_parse_number_refuses(text):
    """Ambiguous or malformed numbers raise ParseError naming the field."""
    with pytest.raises(ParseError) as info:
        parse_number(text, field="members")

    assert "members" == info.value.field
    assert text == info.value.value
    assert "members=" in str(info.value)


@given(st.integers(min_value=0, max_value=10**15))
def test_parse_number_round_trips_whole_numbers(n):
    """Every whole number written with thousands dots reads back."""
    assert Decimal(n) == parse_number(_vietnamese(n))


@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=999),
)
def test_parse_number_decimals(whole, frac):
    """A decimal comma separates the fraction."""
    text = f"{_vietnamese(whole)},{frac:03d}"

    assert Decimal(f"{whole}.{frac:03d}") == parse_number(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("60%", Decimal(60)), ("8,5%", Decimal("8.5")), (" 2 % ", Decimal(2))],
)
def test_parse_percent(text, expected):
    """Percentages keep their value in percent."""
    assert expected == parse_percent(text)


def test_parse_percent_needs_sign():
    """A number without '%' is not a percentage."""
    with pytest.raises(ParseError, match="must end with '%'"):
        parse_percent("60")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21.000-22.000", (Decimal(21000), Decimal(22000))),
        ("1.200 – 1.400", (Decimal(1200), Decimal(1400))),
        ("2-3 triệu", (Decimal(2_000_000), Decimal(3_000_000))),
        ("1 triệu - 2 tỷ", (Decimal(1_000_000), Decimal(2_000_000_000))),
        ("55% - 60%", (Decimal(55), Decimal(60))),
        ("5 đến 7", (Decimal(5), Decimal(7))),
        ("-5 - 3", (Decimal(-5), Decimal(3))),
    ],
)
def test_parse_range(text, expected):
    """Ranges as the programmes write them."""
    assert expected == parse_range(text)


@pytest.mark.parametrize("text", ["22.000-21.000", "21.000", "-", "a-b"])
def test_parse_range_refuses(text):
    """Reversed, one-sided or non-numeric ranges raise ParseError."""
    with pytest.raises(ParseError):
        parse_range(text)


@given(st.text(max_size=20))
def test_parsers_raise_only_kttt_errors(text):
    """Any text either parses or raises a KtttError, never anything else."""
    for parse in (parse_number, parse_percent, parse_range, parse_flag):
        with contextlib.suppress(KtttError):
            parse(text)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hoà Bình", "Hòa Bình"),
        ("Thanh Hoá", "thanh hoa"),
        ("Bà Rịa - Vũng Tàu", "Ba Ria – Vung Tau"),
        ("Đắk Lắk", "dak lak"),
        ("  Hà   Nội ", "HA NOI"),
    ],
)
def test_fold_matches_variants(a, b):
    """Tone-mark conventions, case, dashes and spacing fold to one key."""
    assert fold(a) == fold(b)


@given(st.text())
def test_fold_invariant_under_normal_forms(text):
    """NFC and NFD spellings fold to the same key."""
    assert fold(unicodedata.normalize("NFC", text)) == fold(
        unicodedata.normalize("NFD", text)
    )


@given(st.text())
def test_nfc_is_idempotent(text):
    """Normalising twice changes nothing."""
    assert nfc(text) == nfc(nfc(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Có", True),
        ("co", True),
        ("x", True),
        ("ĐÚNG", True),
        ("1", True),
        ("yes", True),
        ("không", False),
        ("Sai", False),
        ("0", False),
        ("FALSE", False),
    ],
)
def test_parse_flag(text, expected):
    """Yes/no cells in Vietnamese or English."""
    assert expected is parse_flag(text)


@pytest.mark.parametrize("text", ["", "maybe", "2", "có thể"])
def test_parse_flag_refuses(text):
    """Anything else is refused with the field named."""
    with pytest.raises(ParseError) as info:
        parse_flag(text, field="traceability")

    assert "traceability" == info.value.field


@pytest.mark.parametrize(
    ("text", "convention", "expected"),
    [
        ("12.5", "auto", Decimal("12.5")),
        ("55.2", "auto", Decimal("55.2")),
        ("1.234,5", "auto", Decimal("1234.5")),
        ("1,234.5", "auto", Decimal("1234.5")),
        ("1,234,567", "auto", Decimal(1234567)),
        ("2020", "auto", Decimal(2020)),
        ("1.200", "en", Decimal("1.200")),
        ("18,200", "en", Decimal(18200)),
        ("18,200", "vi", Decimal("18.200")),
        ("2,5 triệu", "auto", Decimal(2_500_000)),
    ],
)
def test_parse_number_conventions(text, convention, expected):
    """Each convention reads its own separators; auto reads either."""
    assert expected == parse_number(text, convention=convention)


@pytest.mark.parametrize("text", ["18,200", "1.200", "999,999", "-1.000"])
def test_parse_number_refuses_ambiguous_text_showing_both(text):
    """Text the two conventions read differently is refused, both shown."""
    with pytest.raises(ParseError, match=r"Vietnamese way.*English way"):
        parse_number(text, convention="auto")


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: parse_number(None), "number"),
        (lambda: parse_percent(5), "percent"),
        (lambda: parse_range(None), "range"),
        (lambda: nfc(None), "text"),
        (lambda: fold(3), "text"),
        (lambda: parse_number("1" * 41), "number"),
        (lambda: parse_number("٣"), "number"),
        (lambda: parse_number("²"), "number"),
        (lambda: parse_number("1", convention="us"), "convention"),
        (lambda: parse_number("1", convention=["vi"]), "convention"),
        (lambda: parse_percent("1%", convention={}), "convention"),
        (lambda: parse_number("1", field=None), "field"),
        (lambda: parse_flag(None), "flag"),
        (lambda: parse_flag("có", field=3), "field"),
        (lambda: is_blank(None), "text"),
    ],
)
def test_wrong_types_and_digits_are_parse_errors(call, field):
    """Non-text, non-ASCII digits and over-long numbers give ParseError."""
    with pytest.raises(ParseError) as info:
        call()

    assert field == info.value.field


@given(st.integers(min_value=0, max_value=10**12))
def test_auto_reads_whole_numbers_either_way_or_refuses(n):
    """A whole number written either way reads back, unless ambiguous."""
    for text in (f"{n:,}", _vietnamese(n)):
        if 1000 <= n < 1_000_000:
            with pytest.raises(ParseError, match="ambiguous"):
                parse_number(text, convention="auto")
        else:
            assert Decimal(n) == parse_number(text, convention="auto")


@pytest.mark.parametrize(
    ("text", "blank"),
    [
        ("", True),
        (" \t\n", True),
        ("\u200b", True),
        ("\u200e\u202a\ufeff", True),
        ("\u00ad", True),
        ("a", False),
        ("\u200ba", False),
        ("\u0300", False),
    ],
)
def test_is_blank_counts_invisible_characters_as_blank(text, blank):
    """Zero-width and bidirectional marks are blank; a letter is not."""
    assert blank == is_blank(text)
