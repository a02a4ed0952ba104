"""The cells of a programme spreadsheet: numbers, years and dates as text.

Numbers are read and written the Vietnamese way ("1.200", "8,5"); a
number too small or too large to write out in 40 digits is written in
exponent form with a decimal comma ("1,5e-07"), which reads back exactly.
"""

from __future__ import annotations

import re

from decimal import Decimal
from typing import Final

import pendulum

from kttt import _data
from kttt.errors import ParseError
from kttt.text import MAX_NUMBER_DIGITS, nfc, parse_number


#: A number in exponent form, with a decimal comma.
_EXPONENT: Final = re.compile(r"-?\d+(?:,\d+)?e[+-]?\d+")
#: The suffixes a percentage or a yearly rate may carry.
_PERCENT: Final = ("%/năm", "%/nam", "%/year", "%")
#: How the writer separates the two ends of a range.
RANGE_DASH: Final = " – "


def read_number(text: str, field: str) -> float:
    """Read a number cell: Vietnamese digits, or the exponent form.

    Raises:
        ParseError: Naming *field*, if the cell is not a number.
    """
    stripped = nfc(text).strip()
    if _EXPONENT.fullmatch(stripped):
        return float(Decimal(stripped.replace(",", ".")))
    return float(parse_number(stripped, field=field))


def strip_percent(text: str) -> tuple[str, bool]:
    """Return *text* without a trailing "%" (or "%/năm"), and if it had one."""
    stripped = nfc(text).strip()
    for suffix in _PERCENT:
        if stripped.endswith(suffix):
            return stripped[: -len(suffix)].strip(), True
    return stripped, False


def read_year(text: str, field: str) -> int:
    """Read a year cell ("2030").

    Raises:
        ParseError: Naming *field*, if the cell is not four digits.
    """
    stripped = text.strip().removesuffix(".0")
    if not (stripped.isascii() and stripped.isdigit() and len(stripped) == 4):
        raise ParseError(field, text, "a year such as 2030")
    return int(stripped)


def read_day(text: str, field: str) -> pendulum.Date:
    """Read a date cell, dd/mm/yyyy or ISO.

    Raises:
        KtttError: Naming *field*, if the cell is not a date.
    """
    return _data.parse_day(text.strip(), field=field)


def write_number(value: float) -> str:
    """Write *value* so that `read_number` gives it back exactly.

    >>> write_number(1200.0), write_number(8.5), write_number(1.5e-300)
    ('1200', '8,5', '1,5e-300')
    """
    if value == int(value) and abs(value) < 10**15:
        return str(int(value))
    exact = Decimal(repr(value))
    text = f"{exact:f}"
    if sum(c.isdigit() for c in text) > MAX_NUMBER_DIGITS:
        mantissa, _, exponent = repr(value).partition("e")
        text = f"{mantissa}e{exponent}"
    return text.replace(".", ",")


def write_day(day: pendulum.Date) -> str:
    """Write a date the Vietnamese way, dd/mm/yyyy."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
