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
import unicodedata

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar, cast

import attrs

from kttt._data._dates import require_date
from kttt.errors import ValidationError
from kttt.text import nfc


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
    """A validator from a predicate, and the rules that explain a failure.

    *valid* decides in one call; only a value it refuses is run through
    *rules*, ``(test, rule)`` pairs in order, to name the rule it breaks
    (the last pair's rule is the one left when the others pass).
    """

    valid: Callable[[Any], bool]
    rules: tuple[tuple[Callable[[Any], bool], str], ...]

    def __call__(
        self, _: object, attribute: attrs.Attribute[Any], value: Any, /
    ) -> None:
        if not self.valid(value):
            self._refuse(attribute.name, value)

    def check(self, field: str, value: object) -> None:
        if not self.valid(value):
            self._refuse(field, value)

    def _refuse(self, field: str, value: object) -> None:
        *first, (_, last) = self.rules
        for test, rule in first:
            if not test(value):
                raise ValidationError(field, value, rule)
        raise ValidationError(field, value, last)


def _test(valid: Callable[[Any], bool], rule: str) -> _Test:
    return _Test(valid, ((valid, rule),))


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
class _Function(Validator):
    """A validator made of a function that checks a named value."""

    function: Callable[[str, object], object]

    def check(self, field: str, value: object) -> None:
        self.function(field, value)


@attrs.frozen
class _Date(Validator):
    """A `pendulum.Date`, not a date-time."""

    def check(self, field: str, value: object) -> None:
        require_date(field, value)


def checked(function: Callable[[str, object], object]) -> Validator:
    """Return a validator that calls *function* with the field and value.

    *function* raises `ValidationError` for a bad value.
    """
    return _Function(function)


def optional(validator: Validator) -> Validator:
    """Return *validator* letting `None` pass."""
    if isinstance(validator, _Test):
        valid = validator.valid
        return _Test(lambda v: v is None or valid(v), validator.rules)
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
    return _test(lambda v: isinstance(v, cls), rule or f"must be a {names}")


def tuple_of(item: type[object] | Validator) -> Validator:
    """Refuse anything but a tuple of items that pass *item*.

    *item* is a class (each item must be an instance) or a validator.
    """
    if isinstance(item, type):
        return _TupleOf(instance_of(item))
    return _TupleOf(item)


def flag() -> Validator:
    """Refuse anything but `True` and `False` (not 0, 1 or text)."""
    return _test(lambda v: isinstance(v, bool), "must be True or False")


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
    least = -math.inf if minimum is None else minimum
    most = math.inf if maximum is None else maximum
    rules: list[tuple[Callable[[Any], bool], str]] = [
        (_is_whole, "must be a whole number")
    ]
    if minimum is not None:
        below = rule or (
            "must not be negative"
            if minimum == 0
            else f"must be at least {minimum}"
        )
        rules.append((lambda v: v >= least, below))
    if maximum is not None:
        rules.append((lambda v: v <= most, rule or f"must be at most {most}"))
    return _Test(lambda v: _is_whole(v) and least <= v <= most, tuple(rules))


def year_in(first: int, last: int, what: str = "a year") -> Validator:
    """Refuse anything but a whole year from *first* to *last*.

    >>> year_in(2000, 2100, "a target year").check("horizon", 1999)
    Traceback (most recent call last):
    kttt.errors.ValidationError: horizon=1999: a target year is a whole year \
from 2000 to 2100
    """
    return _test(
        lambda v: _is_whole(v) and first <= v <= last,
        f"{what} is a whole year from {first} to {last}",
    )


def finite() -> Validator:
    """Refuse anything but a finite `int` or `float` (not a `bool`).

    An `int` too large to be a float is refused as well.
    """
    return _test(_is_finite, "must be a finite number")


def _is_finite(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def _is_printable(text: str) -> bool:
    # Spaces other than the ASCII one (a no-break space copied from a
    # word processor) are not printable to Python but are text.
    return text.isprintable() or all(
        char.isprintable() or unicodedata.category(char) == "Zs"
        for char in text
    )


def _printable_lines(text: str) -> bool:
    return all(map(_is_printable, text.split("\n")))


def text(*, unpadded: bool = False, lines: bool = False) -> Validator:
    r"""Refuse anything but printable, non-blank text.

    Control characters and invisible format characters (the zero-width
    space, bidirectional marks) are refused anywhere in the text.
    With *unpadded*, text may not begin or end with white space either;
    with *lines*, it may hold line breaks (``"\n"``) between printable
    lines.

    >>> text(lines=True).check("t", "a\nb")
    >>> text().check("t", "a\nb")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kttt.errors.ValidationError: t='a\nb': must not contain control or ...
    """
    printable = _printable_lines if lines else _is_printable
    rules: list[tuple[Callable[[Any], bool], str]] = [
        (lambda v: isinstance(v, str), "must be text"),
        (printable, "must not contain control or invisible characters"),
        (lambda v: bool(v.strip()), "must not be blank"),
    ]
    if unpadded:
        rules.append(
            (
                lambda v: v == v.strip(),
                "must not begin or end with white space",
            )
        )

    def valid(value: object) -> bool:
        if not isinstance(value, str) or not printable(value):
            return False
        stripped = value.strip()
        return bool(stripped) and (not unpadded or stripped == value)

    return _Test(valid, tuple(rules))


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
