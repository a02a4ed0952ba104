"""Exact numbers for rating: points as scaled whole numbers, never rounded.

A `decimal.Decimal` sum follows the caller's context: under
``localcontext(prec=3)`` 30 + 29.99 + 20 is 80.0.
Rating never adds Decimals in the caller's context: points are held as
whole numbers of a power of ten (``7999`` at exponent ``-2`` is 79.99)
and added as `int`, and the few Decimal sums left (the maxima of a scheme)
use `EXACT`, a context that raises instead of rounding.
"""

from __future__ import annotations

import decimal
import functools

from collections.abc import Iterable
from decimal import Decimal
from typing import Final

from kttt import _data
from kttt.errors import KtttError, ValidationError


#: The arithmetic of rating: enough digits for any sum of numbers of at
#: most `kttt._data.MAX_DIGITS` digits, and an error rather than rounding.
EXACT: Final = decimal.Context(
    prec=4 * _data.MAX_DIGITS,
    traps=[decimal.Inexact, decimal.InvalidOperation, decimal.Overflow],
)

_ZERO: Final = Decimal(0)
#: Whole numbers longer than this are refused before they are converted.
_MAX_BITS: Final = 4 * _data.MAX_DIGITS


def exact_sum(values: Iterable[Decimal]) -> Decimal:
    """Return the sum of *values*, exactly, whatever the caller's context."""
    return functools.reduce(EXACT.add, values, _ZERO)


def exponent_of(value: Decimal) -> int:
    """Return the exponent of the last digit *value* carries, at most 0."""
    exponent = value.as_tuple().exponent
    return min(exponent, 0) if isinstance(exponent, int) else 0


def scaled(value: Decimal, exponent: int) -> int:
    """Return *value* as a whole number of ``10**exponent``, exactly.

    Raises:
        decimal.Inexact: If *value* has digits below ``10**exponent``.
    """
    return int(EXACT.scaleb(value, -exponent))


def floor_scaled(value: Decimal, exponent: int) -> int:
    """Return the largest whole number of ``10**exponent`` not above *value*.

    For whole numbers ``n``, ``n > value`` exactly when
    ``n > floor_scaled(value, exponent)``.
    """
    shifted = EXACT.scaleb(value, -exponent)
    return int(shifted.to_integral_value(decimal.ROUND_FLOOR))


def ceil_scaled(value: Decimal, exponent: int) -> int:
    """Return the smallest whole number of ``10**exponent`` not below *value*.

    For whole numbers ``n``, ``n >= value`` exactly when
    ``n >= ceil_scaled(value, exponent)``.
    """
    shifted = EXACT.scaleb(value, -exponent)
    return int(shifted.to_integral_value(decimal.ROUND_CEILING))


def decimal_of(number: int, exponent: int) -> Decimal:
    """Return ``number * 10**exponent`` without trailing fractional zeros.

    >>> decimal_of(7990, -2), decimal_of(8000, -2), decimal_of(0, -3)
    (Decimal('79.9'), Decimal('80'), Decimal('0'))
    """
    while exponent < 0 and not number % 10:
        number //= 10
        exponent += 1
    if not exponent:
        return Decimal(number)
    return EXACT.scaleb(Decimal(number), exponent)


def check_points(field: str, value: object) -> Decimal:
    """Return *value* (a `Decimal` or `int`) as a Decimal of points.

    Raises:
        ValidationError: Naming *field*, unless *value* is a finite number
            of at least 0 with at most `kttt._data.MAX_DIGITS` digits.
    """
    exact = check_number(field, value, "points")
    if exact < 0:
        raise ValidationError(field, value, "points are at least 0")
    return exact


def check_number(
    field: str, value: object, what: str = "a measure"
) -> Decimal:
    """Return *value*, a `Decimal` or `int` (not `bool`), as a Decimal.

    Raises:
        ValidationError: Naming *field*, unless *value* is such a number,
            finite, with at most `kttt._data.MAX_DIGITS` digits.
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise ValidationError(
            field, value, f"{what} is a finite Decimal (or int)"
        )
    if isinstance(value, int) and value.bit_length() > _MAX_BITS:
        raise ValidationError(
            field, value, f"has more than {_data.MAX_DIGITS} digits"
        )
    try:
        return _data.exact_number(value, field)
    except KtttError as error:
        raise ValidationError(field, value, error.rule) from None


def _points_field(field: str, value: object) -> None:
    if not isinstance(value, Decimal):
        raise ValidationError(field, value, "must be a Decimal")
    check_points(field, value)


def _number_field(field: str, value: object) -> None:
    if not isinstance(value, Decimal):
        raise ValidationError(field, value, "must be a Decimal")
    check_number(field, value, "a bound")


#: Refuses anything but a finite `Decimal` of at least 0, of at most
#: `kttt._data.MAX_DIGITS` digits.
POINTS: Final = _data.checked(_points_field)
#: Refuses anything but a finite `Decimal` of at most
#: `kttt._data.MAX_DIGITS` digits.
NUMBER: Final = _data.checked(_number_field)
