"""Vietnamese text at the boundary: normalisation, folding and numbers.

Vietnamese official texts write numbers with ``.`` between thousands and
``,`` before decimals ("1.200", "8,5%"), often with a word for the
magnitude ("2 triệu", "1,5 tỷ").
These helpers read them exactly, as `decimal.Decimal`, and refuse anything
ambiguous instead of guessing.
"""

from __future__ import annotations

import re
import unicodedata

from decimal import Decimal
from typing import Final, Literal, cast

from kttt.errors import ParseError


__all__ = [
    "MAX_NUMBER_DIGITS",
    "fold",
    "is_blank",
    "nfc",
    "parse_flag",
    "parse_number",
    "parse_percent",
    "parse_range",
]

_MAGNITUDES = {
    "nghin": 10**3,
    "ngan": 10**3,
    "trieu": 10**6,
    "ty": 10**9,
    "ti": 10**9,
}
#: How a number may be written: Vietnamese ("1.200,5"), English
#: ("1,200.5"), or either where the two readings agree.
NumberConvention = Literal["vi", "en", "auto"]

#: The most digits a number read from text may have.
MAX_NUMBER_DIGITS = 40


def _number_pattern(group: str, decimal: str) -> re.Pattern[str]:
    return re.compile(
        rf"""
        (?P<sign>[-−])?
        (?P<int>[0-9]{{1,3}}(?:{re.escape(group)}[0-9]{{3}})+|[0-9]+)
        (?:{re.escape(decimal)}(?P<frac>[0-9]+))?
        """,
        re.VERBOSE,
    )


_NUMBERS: Final = {
    "vi": (_number_pattern(".", ","), "."),
    "en": (_number_pattern(",", "."), ","),
}
_RANGE_SEPARATOR = re.compile(r"\s*(?:[-–—]|đến|den)\s*")
_YES = frozenset({"co", "x", "true", "yes", "1", "dung"})
_NO = frozenset({"khong", "false", "no", "0", "sai"})


def nfc(text: str) -> str:
    """Return *text* in Unicode normal form C, the form kttt stores.

    >>> nfc("Ho\u0300a Bi\u0300nh") == "Hòa Bình"
    True
    """
    return unicodedata.normalize("NFC", _text(text, "text"))


def is_blank(text: str) -> bool:
    r"""Whether *text* holds nothing visible.

    White space, and format characters such as the zero-width space or
    the bidirectional marks, are not visible; ``str.strip`` keeps the
    latter, so ``"\u200b".strip()`` is not empty although nothing shows.

    >>> is_blank(" \u200b\u200e "), is_blank("a\u200b")
    (True, False)

    Raises:
        ParseError: If *text* is not text.
    """
    return all(
        char.isspace() or unicodedata.category(char) == "Cf"
        for char in _text(text, "text")
    )


def fold(text: str) -> str:
    """Return a key for matching names: no diacritics, lower case, one space.

    "Đ" and "đ" fold to "d", and the two tone-mark conventions ("Hoà"/"Hòa")
    fold to the same key.

    >>> fold("  Bà Rịa – Vũng Tàu ")
    'ba ria - vung tau'
    """
    decomposed = unicodedata.normalize(
        "NFD", _text(text, "text").replace("đ", "d").replace("Đ", "D")
    )
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    dashed = re.sub(r"\s*[-–—]\s*", " - ", stripped)
    return " ".join(dashed.casefold().split())


def parse_flag(text: str, *, field: str = "flag") -> bool:
    """Read a yes/no cell: có/không, đúng/sai, x, true/false, yes/no, 1/0.

    >>> parse_flag("Có"), parse_flag("khong"), parse_flag("x")
    (True, False, True)

    Raises:
        ParseError: If *text* is none of those words.
    """
    key = fold(_text(text, field))
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise ParseError(
        field,
        text,
        "a yes/no cell is có/không, đúng/sai, x, true/false or 1/0",
    )


def parse_number(
    text: str, *, field: str = "number", convention: NumberConvention = "vi"
) -> Decimal:
    """Read a number written the Vietnamese way (or the English way).

    >>> parse_number("1.200")
    Decimal('1200')
    >>> parse_number("8,5")
    Decimal('8.5')
    >>> parse_number("2 triệu")
    Decimal('2000000')
    >>> parse_number("1,5 tỷ")
    Decimal('1500000000')

    With ``convention="auto"`` either way is read where the text allows
    one reading only, and text that the two conventions read differently
    is refused with both readings:

    >>> parse_number("12.5", convention="auto")
    Decimal('12.5')
    >>> parse_number("18,200", convention="auto")
    Traceback (most recent call last):
    kttt.errors.ParseError: number='18,200': ambiguous: 18.2 the Vietnamese \
way, 18200 the English way; say which convention the data uses

    Args:
        text: The number, with an optional magnitude word
            (nghìn/ngàn, triệu, tỷ/tỉ).
        field: The name to put in the error if *text* is not a number.
        convention: ``"vi"`` (``.`` between thousands, ``,`` before
            decimals), ``"en"`` (the other way round) or ``"auto"``.

    Raises:
        ParseError: If *text* is not exactly one such number, has more
            than `MAX_NUMBER_DIGITS` digits, or is ambiguous.
    """
    value, rest = _leading_number(text, field, _convention(convention))
    if not rest:
        return value
    scale = _MAGNITUDES.get(fold(rest))
    if scale is None:
        raise ParseError(
            field,
            text,
            f"{_RULES[convention]}, optionally followed by nghìn, triệu or tỷ",
        )
    return _whole_if_integral(value * scale)


def parse_percent(
    text: str, *, field: str = "percent", convention: NumberConvention = "vi"
) -> Decimal:
    """Read a percentage such as "60%" or "8,5 %" and return it in percent.

    >>> parse_percent("8,5%")
    Decimal('8.5')

    Raises:
        ParseError: If *text* is not a number followed by "%".
    """
    _convention(convention)
    stripped = nfc(_text(text, field)).strip()
    if not stripped.endswith("%"):
        raise ParseError(field, text, "a percentage must end with '%'")
    return parse_number(stripped[:-1], field=field, convention=convention)


def parse_range(text: str, *, field: str = "range") -> tuple[Decimal, Decimal]:
    """Read a range such as "21.000-22.000" or "1.200 – 1.400".

    A "%" on either or both ends is accepted, and so is a magnitude word
    after the second end ("2-3 triệu" is 2 to 3 million).

    >>> parse_range("21.000-22.000")
    (Decimal('21000'), Decimal('22000'))
    >>> parse_range("2 - 3 triệu")
    (Decimal('2000000'), Decimal('3000000'))

    Raises:
        ParseError: If *text* is not two numbers with a dash between them,
            or if the lower end is above the upper end.
    """
    stripped = nfc(_text(text, field)).strip()
    low_text, sep, high_text = _split_range(stripped)
    if not sep:
        raise ParseError(field, text, "a range is two numbers joined by '-'")
    high_clean = high_text.removesuffix("%").strip()
    low_clean = low_text.removesuffix("%").strip()
    high = parse_number(high_clean, field=field)
    low_value, low_rest = _leading_number(low_clean, field)
    if low_rest:
        low = parse_number(low_clean, field=field)
    else:
        _, high_rest = _leading_number(high_clean, field)
        scale = _MAGNITUDES.get(fold(high_rest), 1) if high_rest else 1
        low = _whole_if_integral(low_value * scale)
    if low > high:
        raise ParseError(
            field, text, "the lower end must not exceed the upper"
        )
    return low, high


def _whole_if_integral(value: Decimal) -> Decimal:
    """Drop a fraction of zeros that scaling left ("1,5 tỷ" is 1500000000)."""
    integral = value.to_integral_value()
    return integral if integral == value else value


def _split_range(text: str) -> tuple[str, str, str]:
    # Skip a leading minus sign so that it is not taken for the separator.
    start = 1 if text[:1] in {"-", "−"} else 0
    match = _RANGE_SEPARATOR.search(text, start)
    if match is None or match.start() == 0:
        return text, "", ""
    return text[: match.start()], match.group(), text[match.end() :]


def _text(text: object, field: object) -> str:
    """Return *text* if it is text, else raise naming *field*.

    *field* itself must be text: it names the value in errors.
    """
    if not isinstance(field, str):
        raise ParseError("field", field, "the name of a field is text")
    if not isinstance(text, str):
        raise ParseError(field, text, "must be text")
    return text


_RULES: Final = {
    "vi": "a Vietnamese number uses '.' between thousands and ',' before "
    "decimals, e.g. '1.200' or '8,5'",
    "en": "an English number uses ',' between thousands and '.' before "
    "decimals, e.g. '1,200' or '8.5'",
    "auto": "a number is written '1.200' or '8,5' (or '1,200' or '8.5')",
}


def _convention(convention: object) -> NumberConvention:
    """Return *convention* if it is one kttt knows, else raise."""
    if not isinstance(convention, str) or convention not in _RULES:
        raise ParseError(
            "convention", convention, "must be 'vi', 'en' or 'auto'"
        )
    return cast("NumberConvention", convention)


def _leading_number(
    text: str, field: str, convention: NumberConvention = "vi"
) -> tuple[Decimal, str]:
    stripped = nfc(_text(text, field)).strip()
    if sum(c.isdigit() for c in stripped) > MAX_NUMBER_DIGITS:
        raise ParseError(
            field, text, f"has more than {MAX_NUMBER_DIGITS} digits"
        )
    conventions = ("vi", "en") if convention == "auto" else (convention,)
    readings: dict[str, tuple[Decimal, str]] = {}
    for name in conventions:
        found = _reading(stripped, name)
        if found is not None:
            readings[name] = found
    if not readings:
        raise ParseError(field, text, _RULES[convention])
    values = {value for value, _ in readings.values()}
    if len(values) > 1:
        vi, en = readings["vi"][0], readings["en"][0]
        raise ParseError(
            field,
            text,
            f"ambiguous: {vi.normalize():f} the Vietnamese way, "
            f"{en.normalize():f} the English way;"
            " say which convention the data uses",
        )
    return next(iter(readings.values()))


def _reading(text: str, convention: str) -> tuple[Decimal, str] | None:
    pattern, group = _NUMBERS[convention]
    match = pattern.match(text)
    rest = text[match.end() :] if match else text
    if match is None or (rest and not rest[0].isspace()):
        return None
    digits = match["int"].replace(group, "")
    if match["frac"]:
        digits += "." + match["frac"]
    value = Decimal(digits)
    return (-value if match["sign"] else value), rest.strip()
