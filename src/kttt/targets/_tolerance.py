"""How far an "about" target reaches: a relative or an absolute tolerance."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, cast

import attrs
import cattrs

from kttt import _data
from kttt.errors import ParseError, ValidationError
from kttt.text import fold, parse_number


_FINITE: Final = _data.finite()

#: Words after an absolute tolerance of a percentage: percentage points.
_POINTS: Final = ("diem phan tram", "diem %", "percentage points", "pp")


def _check_amount(instance: Tolerance, _: object, value: float) -> None:
    _FINITE.check("amount", value)
    if instance.absolute:
        if not value > 0:
            raise ValidationError(
                "amount", value, "an absolute tolerance is above 0"
            )
    elif not 0 < value < 1:
        raise ValidationError(
            "amount",
            value,
            "a relative tolerance is a fraction of the level between 0 and 1",
        )


def _whole_as_float(value: Any) -> Any:
    """Write a whole number as the float it stands for (``1`` is ``1.0``).

    A number too large for a float is left for the validator to refuse.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return float(value)
        except OverflowError:
            return value
    return value


@attrs.frozen(kw_only=True)
class Tolerance:
    """How far an "about" (khoảng) target reaches either side of its value.

    Relative, a fraction of the value (``Tolerance(amount=0.05)`` is
    ±5 %), or absolute, in the indicator's unit (``Tolerance(amount=1,
    absolute=True)`` is ±1 cooperative, or ±1 percentage point for a
    share). No document says how far "about" reaches, so a target states
    it, or inherits it from its `TargetSet`.

    >>> Tolerance.parse("±5 %")
    Tolerance(amount=0.05, absolute=False)
    >>> Tolerance.parse("±1 điểm %")
    Tolerance(amount=1.0, absolute=True)
    """

    #: The deviation accepted: a fraction of the value when relative, a
    #: quantity in the indicator's unit when absolute.
    amount: float = attrs.field(
        converter=_whole_as_float, validator=_check_amount
    )
    #: Whether *amount* is in the indicator's unit rather than a fraction.
    absolute: bool = attrs.field(default=False, validator=_data.flag())

    def spread(self, value: Fraction) -> Fraction:
        """Return how far the band reaches either side of *value*, exactly."""
        if self.absolute:
            return Fraction(self.amount)
        return abs(value) * Fraction(self.amount)

    def describe(self, lang: str = "vi", *, percent: bool = False) -> str:
        """Return the tolerance in words: ``"±5 %"``, ``"±1"``.

        With *percent* (the indicator is a share), an absolute tolerance
        is in percentage points (``"±1 điểm %"``, ``"±1 pp"``).
        """
        if not self.absolute:
            return f"±{_decimal_text(Decimal(repr(self.amount)) * 100)} %"
        amount = _decimal_text(Decimal(repr(self.amount)))
        if not percent:
            return f"±{amount}"
        return f"±{amount} {'điểm %' if lang == 'vi' else 'pp'}"

    @classmethod
    def parse(cls, text: str, *, field: str = "tolerance") -> Tolerance:
        """Read a tolerance written as documents and offices write it.

        A number followed by "%" is relative (``"±5 %"``, ``"5%"``); a
        number alone is absolute, in the indicator's unit (``"±1"``); a
        number followed by "điểm %", "điểm phần trăm" or "pp" is absolute
        in percentage points. Numbers are written the Vietnamese way
        (``"2,5 %"``).

        Raises:
            ParseError: If *text* is none of these.
            ValidationError: If the amount is out of range.
        """
        if not isinstance(cast("object", text), str):
            raise ParseError(field, text, "a tolerance is text such as '±5 %'")
        body = text.strip().removeprefix("±").removeprefix("+/-").strip()
        key = fold(body)
        absolute = True
        for words in (*_POINTS, "%"):
            if key.endswith(words):
                absolute = words != "%"
                body = body[: len(body) - len(words)].strip()
                break
        try:
            number = parse_number(body, field=field)
        except ParseError:
            raise ParseError(
                field,
                text,
                "a tolerance is '±5 %' (relative), '±1' (in the "
                "indicator's unit) or '±1 điểm %' (percentage points)",
            ) from None
        amount = number if absolute else number / 100
        try:
            return cls(amount=float(amount), absolute=absolute)
        except ValidationError as error:
            raise ValidationError(field, text, error.rule) from None


def _decimal_text(value: Decimal) -> str:
    """Write *value* the Vietnamese way, without exponent or trailing 0."""
    text = f"{value.normalize():f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def as_tolerance(value: Any) -> Any:
    """Read a bare number as a relative tolerance; leave anything else.

    The converter of `Target.tolerance`, so that ``tolerance=0.05`` keeps
    meaning ±5 %; a `Tolerance` (or anything to refuse) passes through.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return Tolerance(amount=value)
        except ValidationError as error:
            raise ValidationError("tolerance", value, error.rule) from None
    return value


def structure_tolerance(value: object, conv: cattrs.Converter) -> Tolerance:
    """Read a tolerance from JSON: a number (relative) or an object.

    The object is ``{"relative": 0.05}`` or ``{"absolute": 1}``; *conv*
    reads the number (strictly, or from text in flat records).

    Raises:
        KtttError: For anything else, or an amount out of range.
    """
    fields = _data.as_mapping(value)
    if fields is None:
        return cast("Tolerance", as_tolerance(conv.structure(value, float)))
    # A flat record leaves the other kind's column empty (None).
    given = {k: v for k, v in fields.items() if v is not None}
    if len(given) == 1:
        ((kind, amount),) = given.items()
        if kind in {"absolute", "relative"}:
            number = conv.structure(amount, float)
            try:
                return Tolerance(amount=number, absolute=kind == "absolute")
            except ValidationError as error:
                raise ValidationError(kind, amount, error.rule) from None
    raise ValidationError(
        "",
        value,
        "a tolerance is a fraction (0.05 for ±5 %) or "
        "{'absolute': 1} in the indicator's unit",
    )


def unstructure_tolerance(value: Tolerance) -> dict[str, float]:
    """Write a tolerance as ``{"relative": 0.05}`` or ``{"absolute": 1}``."""
    return {"absolute" if value.absolute else "relative": value.amount}
