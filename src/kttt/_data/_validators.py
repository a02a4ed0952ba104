"""Validator factories for attrs fields, in the style of `attrs.validators`.

Each factory returns a validator that attrs calls with the instance, the
attribute and the value, and that can be called directly as
``validator.check(field, value)``; both raise
`kttt.errors.ValidationError` naming the field, the value and the rule.
The rooms keep their ranges as named constants and pass them in
(``year_in(FIRST_TARGET_YEAR, LAST_YEAR)``).
"""

from __future__ import annotations

import abc
import math

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar, cast

import attrs

from kttt._data._dates import require_date
from kttt.errors import ValidationError
from kttt.text import is_blank, nfc


T = TypeVar("T")


class Validator(abc.ABC):
    """An attrs validator that can also check a value by field name."""

    __slots__ = ()

    def __call__(
        self, _: object, attribute: attrs.Attribute[Any], value: Any, /
    ) -> None:
        """Check *value* of *attribute* (attrs calls this)."""
        self.check(attribute.name, value)

    @abc.abstractmethod
    def check(self, field: str, value: object) -> None:
        """Raise `ValidationError` naming *field* unless *value* is valid."""


@attrs.frozen
class _Test(Validator):
    """A validator from a predicate and the rule it stands for."""

    test: Callable[[Any], bool]
    rule: str

    def check(self, field: str, value: object) -> None:
        if not self.test(value):
            raise ValidationError(field, value, self.rule)


@attrs.frozen
class _All(Validator):
    """Validators applied in turn; the first that fails raises."""

    parts: tuple[Validator, ...]

    def check(self, field: str, value: object) -> None:
        for part in self.parts:
            part.check(field, value)


@attrs.frozen
class _Optional(Validator):
    """A validator that lets `None` pass."""

    inner: Validator

    def check(self, field: str, value: object) -> None:
        if value is not None:
            self.inner.check(field, value)


@attrs.frozen
class _TupleOf(Validator):
    """A tuple whose items each pass *item*, errors naming the index."""

    item: Validator

    def check(self, field: str, value: object) -> None:
        if not isinstance(value, tuple):
            raise ValidationError(field, value, "must be a tuple")
        for index, item in enumerate(cast("tuple[object, ...]", value)):
            self.item.check(f"{field}[{index}]", item)


@attrs.frozen
class _Date(Validator):
    """A `pendulum.Date`, not a date-time."""

    def check(self, field: str, value: object) -> None:
        require_date(field, value)


def all_of(*validators: Validator) -> Validator:
    """Return a validator that applies each of *validators* in turn."""
    return _All(validators)


def optional(validator: Validator) -> Validator:
    """Return *validator* letting `None` pass."""
    return _Optional(validator)


def instance_of(
    cls: type[object] | tuple[type[object], ...], rule: str | None = None
) -> Validator:
    """Refuse values that are not instances of *cls*.

    >>> instance_of(int).check("count", "3")
    Traceback (most recent call last):
    kttt.errors.ValidationError: count='3': must be a int
    """
    names = (
        " or ".join(c.__name__ for c in cls)
        if isinstance(cls, tuple)
        else cls.__name__
    )
    return _Test(lambda v: isinstance(v, cls), rule or f"must be a {names}")


def tuple_of(item: type[object] | Validator) -> Validator:
    """Refuse anything but a tuple of items that pass *item*.

    *item* is a class (each item must be an instance) or a validator.
    """
    if isinstance(item, type):
        return _TupleOf(instance_of(item))
    return _TupleOf(item)


def flag() -> Validator:
    """Refuse anything but `True` and `False` (not 0, 1 or text)."""
    return _Test(lambda v: isinstance(v, bool), "must be True or False")


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def whole_number(
    minimum: int | None = 0,
    rule: str | None = None,
    *,
    maximum: int | None = None,
) -> Validator:
    """Refuse anything but an `int` (not a `bool`) of at least *minimum*.

    *minimum* `None` allows any whole number (a profit may be negative);
    *maximum*, if given, is the largest allowed. *rule* replaces the
    message for a number out of range.

    >>> whole_number(3, maximum=5).check("stars", 6)
    Traceback (most recent call last):
    kttt.errors.ValidationError: stars=6: must be at most 5
    """
    parts = [_Test(_is_whole, "must be a whole number")]
    if minimum is not None:
        least = minimum
        below = rule or (
            "must not be negative"
            if least == 0
            else f"must be at least {least}"
        )
        parts.append(_Test(lambda v: v >= least, below))
    if maximum is not None:
        most = maximum
        parts.append(
            _Test(lambda v: v <= most, rule or f"must be at most {most}")
        )
    return parts[0] if len(parts) == 1 else _All(tuple(parts))


def year_in(first: int, last: int, what: str = "a year") -> Validator:
    """Refuse anything but a whole year from *first* to *last*.

    >>> year_in(2000, 2100, "a target year").check("horizon", 1999)
    Traceback (most recent call last):
    kttt.errors.ValidationError: horizon=1999: a target year is a whole year \
from 2000 to 2100
    """
    return _Test(
        lambda v: _is_whole(v) and first <= v <= last,
        f"{what} is a whole year from {first} to {last}",
    )


def finite() -> Validator:
    """Refuse anything but a finite `int` or `float` (not a `bool`).

    An `int` too large to be a float is refused as well.
    """
    return _Test(_is_finite, "must be a finite number")


def _is_finite(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def _is_padded(text: str) -> bool:
    return bool(text) and (is_blank(text[0]) or is_blank(text[-1]))


def text(*, unpadded: bool = False, lines: bool = False) -> Validator:
    r"""Refuse anything but printable, non-blank text.

    With *unpadded*, text may not begin or end with white space or an
    invisible character either; with *lines*, it may hold line breaks
    (``"\n"``) between printable lines.

    >>> text(lines=True).check("t", "a\nb")
    >>> text().check("t", "a\nb")
    Traceback (most recent call last):
    kttt.errors.ValidationError: t='a\nb': must not contain control characters
    """
    printable = _printable_lines if lines else str.isprintable
    parts: list[Validator] = [
        _Test(lambda v: isinstance(v, str), "must be text"),
        _Test(lambda v: not is_blank(v), "must not be blank"),
        _Test(printable, "must not contain control characters"),
    ]
    if unpadded:
        parts.append(
            _Test(
                lambda v: not _is_padded(v),
                "must not begin or end with white space",
            )
        )
    return _All(tuple(parts))


def _printable_lines(text: str) -> bool:
    return all(map(str.isprintable, text.split("\n")))


def items_of(field: str, value: object, cls: type[T]) -> tuple[T, ...]:
    """Return the items of the iterable *value*, refusing any not a *cls*.

    Text is not an iterable of items here, nor is a mapping.

    >>> items_of("years", iter([2020, 2021]), int)
    (2020, 2021)
    >>> items_of("years", [2020, "2021"], int)
    Traceback (most recent call last):
    kttt.errors.ValidationError: years[1]='2021': must be a int
    """
    if not is_items(value):
        raise ValidationError(
            field, value, f"must be an iterable of {cls.__name__}"
        )
    items = tuple(cast("Iterable[object]", value))
    tuple_of(cls).check(field, items)
    return cast("tuple[T, ...]", items)


def is_items(value: object) -> bool:
    """Whether *value* is an iterable of items: not text nor a mapping."""
    return isinstance(value, Iterable) and not isinstance(
        value, str | bytes | Mapping
    )


def date() -> Validator:
    """Refuse anything but a `pendulum.Date` (not a date-time)."""
    return _Date()


def nfc_text(value: Any) -> Any:
    r"""Convert text to NFC; leave anything else for the validator to refuse.

    >>> nfc_text("Ho\u0300a") == "Hòa", nfc_text(None)
    (True, None)
    """
    return nfc(value) if isinstance(value, str) else value
