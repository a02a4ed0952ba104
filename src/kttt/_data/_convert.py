"""The base cattrs converter: scalar hooks, and errors that name a path.

`new_converter` makes a converter that reads and writes dates, exact
numbers, enumerations and `kttt.sources.Source`; each domain room adds the
hooks of its own types with a ``configure_converter(conv)`` function, in
the style of `cattrs.preconf`.
`structure` runs a converter and turns whatever it raises into one
`kttt.errors.KtttError` naming the path of the first bad field.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import math
import typing

from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Final, TypeVar, cast

import attrs
import cattrs
import pendulum

from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    StructureHandlerNotFoundError,
)

from kttt._data._dates import parse_iso_date
from kttt._data._locate import join
from kttt._labels import LabelledEnum
from kttt.errors import KtttError, ParseError, ValidationError


T = TypeVar("T")

#: A function that adds the hooks of one room's types to a converter.
Configure = Callable[[cattrs.Converter], None]

#: The most digits an exact number read from data may carry.
#: Scores, amounts and limits have a few dozen at most; far longer numbers
#: only make arithmetic on them slow.
MAX_DIGITS = 100


class Converter(cattrs.Converter):
    """A converter with detailed validation, and its twin without.

    `structure` reads with the twin, which is several times faster, and
    only when that fails reads again with detailed validation to find the
    path of the first bad value.
    Hooks must therefore be registered through `new_converter`'s
    *configure* functions, which are applied to both.
    """

    __slots__ = ("fast",)

    fast: cattrs.Converter


def new_converter(*configure: Configure) -> Converter:
    """Return a new converter with the scalar hooks, then *configure* each.

    Extra keys are refused: a misspelt field is an error, not a default.

    >>> new_converter().structure("2025-07-01", pendulum.Date)
    Date(2025, 7, 1)
    """
    conv = Converter(forbid_extra_keys=True)
    conv.fast = cattrs.Converter(
        forbid_extra_keys=True, detailed_validation=False
    )
    for each in (conv, conv.fast):
        _configure(each, configure)
    return conv


def _configure(
    conv: cattrs.Converter, configure: tuple[Configure, ...]
) -> None:
    conv.register_unstructure_hook(pendulum.Date, _date_to_iso)
    conv.register_structure_hook(pendulum.Date, _structure_date)
    conv.register_unstructure_hook(pendulum.DateTime, _datetime_to_iso)
    conv.register_structure_hook(pendulum.DateTime, _structure_datetime)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Fraction, str)
    conv.register_structure_hook(Fraction, _structure_fraction)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook_func(_is_labelled_enum, _structure_enum)
    conv.register_structure_hook_factory(
        _is_sequence, functools.partial(_sequence_hook, conv)
    )
    for function in configure:
        function(conv)


_SEQUENCES: Final = (tuple, list, frozenset, set)


def _is_sequence(cls: object) -> bool:
    origin = typing.get_origin(cls)
    args = typing.get_args(cls)
    if origin is tuple:
        return len(args) == 2 and args[1] is Ellipsis
    return origin in _SEQUENCES and len(args) == 1


def _sequence_hook(
    conv: cattrs.Converter, cls: Any
) -> Callable[[object, object], object]:
    """Read a homogeneous list; text or a mapping is not a list of items."""
    origin = typing.get_origin(cls)
    item_type = typing.get_args(cls)[0]
    item_hook = conv.get_structure_hook(item_type)

    def structure_items(value: object, _: object) -> object:
        if not isinstance(value, list | tuple):
            raise ParseError("", value, "must be a list")
        items: list[object] = []
        for index, item in enumerate(cast("list[object]", value)):
            try:
                items.append(item_hook(item, item_type))
            except KtttError as error:
                raise _at(error, f"[{index}]") from None
            except (ClassValidationError, IterableValidationError) as group:
                raise first_error(group, f"$[{index}]") from None
            except (TypeError, ValueError, KeyError, AttributeError) as error:
                given: object = item
                rule = (
                    f"a {_name(item_type)} is written as an object"
                    if attrs.has(item_type) and not isinstance(given, Mapping)
                    else str(error)
                )
                raise ValidationError(f"[{index}]", item, rule) from None
        return origin(items)

    return structure_items


def _at(error: KtttError, step: str) -> KtttError:
    return error.about(f"{step}.{error.field}" if error.field else step)


def _is_labelled_enum(cls: object) -> bool:
    return isinstance(cls, type) and issubclass(cls, LabelledEnum)


def _structure_enum(value: object, cls: type[LabelledEnum]) -> LabelledEnum:
    if not isinstance(value, str):
        raise ParseError("", value, f"a {cls.__name__} is written as its code")
    try:
        return cls.parse(value)
    except ParseError as error:
        raise ParseError("", value, error.rule) from None


def _date_to_iso(value: dt.date) -> str:
    return value.isoformat()


def _datetime_to_iso(value: dt.datetime) -> str:
    return value.isoformat()


def _structure_date(value: object, _: object) -> pendulum.Date:
    if isinstance(value, dt.datetime):
        raise ParseError("", value, "a date is an ISO 8601 'YYYY-MM-DD'")
    if isinstance(value, dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    return parse_iso_date(value, field="")


def _structure_datetime(value: object, _: object) -> pendulum.DateTime:
    rule = "a date-time is ISO 8601 with a UTC offset"
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            raise ParseError("", value, rule) from None
    else:
        raise ParseError("", value, rule)
    if parsed.tzinfo is None:
        raise ParseError("", value, rule)
    return pendulum.instance(parsed)


def exact_number(value: object, field: str = "") -> Decimal:
    """Read an exact number: a `Decimal`, an `int` or its text.

    Raises:
        ParseError: For anything else, a number that is not finite, or one
            with more than `MAX_DIGITS` digits.
    """
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise ParseError(field, value, "an exact number is a string or int")
    if isinstance(value, str) and len(value) > 2 * MAX_DIGITS:
        raise ParseError(field, value, f"has more than {MAX_DIGITS} digits")
    try:
        result = Decimal(value)
    except (InvalidOperation, ValueError):
        raise ParseError(field, value, "not a decimal number") from None
    if not result.is_finite():
        raise ParseError(field, value, "must be finite")
    digits = result.as_tuple()
    exponent = int(digits.exponent)
    if max(len(digits.digits), abs(exponent)) > MAX_DIGITS:
        raise ParseError(field, value, f"has more than {MAX_DIGITS} digits")
    return result


def _structure_decimal(value: object, _: object) -> Decimal:
    return exact_number(value)


def _structure_fraction(value: object, _: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ParseError("", value, "a fraction is a string or int")
    if isinstance(value, str) and len(value) > 2 * MAX_DIGITS:
        raise ParseError("", value, f"has more than {MAX_DIGITS} digits")
    try:
        return Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise ParseError("", value, "not a fraction 'p/q'") from None


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if (
        isinstance(value, str)
        and value.isascii()
        and value.strip().lstrip("-").isdigit()
        and len(value) <= MAX_DIGITS
    ):
        return int(value)
    raise ParseError("", value, "must be a whole number")


def _structure_float(value: object, _: object) -> float:
    if isinstance(value, str) and len(value) <= MAX_DIGITS:
        with contextlib.suppress(ValueError):
            value = float(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            result = float(value)
        except OverflowError:
            raise ParseError("", value, "too large for a number") from None
        if math.isfinite(result):
            return result
        raise ParseError("", value, "must be a finite number")
    raise ParseError("", value, "must be a number")


def _structure_bool(value: object, _: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in {"true", "false"}:
        return value.lower() == "true"
    raise ParseError("", value, "must be true or false")


def _structure_str(value: object, _: object) -> str:
    if isinstance(value, str):
        return value
    raise ParseError("", value, "must be text")


@typing.overload
def structure(conv: cattrs.Converter, data: object, cls: type[T]) -> T: ...
@typing.overload
def structure(conv: cattrs.Converter, data: object, cls: Any) -> Any: ...
def structure(conv: cattrs.Converter, data: object, cls: Any) -> Any:
    """Structure plain data (dicts, lists, strings, numbers) into *cls*.

    Raises:
        KtttError: Of the class the failing hook raised, its field the path
            of the first invalid value (``targets[2].value``).
        ValidationError: If *cls* is not a type the converter reads.
    """
    if not _is_type(cls):
        raise ValidationError("cls", cls, "must be a type")
    if isinstance(conv, Converter):
        # The fast twin reads valid data; what it refuses is read again
        # with detailed validation, which locates the error.
        with contextlib.suppress(Exception):
            return conv.fast.structure(data, cls)
    try:
        return conv.structure(data, cls)
    except KtttError:
        raise
    except StructureHandlerNotFoundError:
        raise ValidationError("cls", cls, "is not a type kttt reads") from None
    except (ClassValidationError, IterableValidationError) as group:
        raise first_error(group, "$") from None
    except RecursionError:
        raise ValidationError(
            _name(cls), "…", "nested too deeply to read"
        ) from None
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        given: object = data
        if attrs.has(cls) and not isinstance(data, Mapping):
            rule = f"a {_name(cls)} is written as an object"
            raise ValidationError("", given, rule) from None
        raise ValidationError(_name(cls), given, str(error)) from None


def _is_type(cls: object) -> bool:
    """Whether *cls* is a class or a generic type (``list[Target]``)."""
    return isinstance(cls, type) or typing.get_origin(cls) is not None


def _name(cls: object) -> str:
    return str(getattr(cls, "__name__", cls))


def first_error(error: BaseException, path: str) -> KtttError:
    """Turn the first leaf of a cattrs error tree into an error at *path*."""
    if isinstance(error, BaseExceptionGroup):
        group = typing.cast("BaseExceptionGroup[BaseException]", error)
        sub = group.exceptions[0]
        return first_error(sub, path + _path_step(sub))
    field = path.removeprefix("$").removeprefix(".") or "$"
    if isinstance(error, KtttError):
        last = field.rpartition(".")[2]
        if error.field and last != error.field:
            field = error.field if field == "$" else join(field, error.field)
        return error.about(field)
    if isinstance(error, ForbiddenExtraKeysError):
        extra = ", ".join(sorted(error.extra_fields))
        return ValidationError(field, extra, "unknown field(s)")
    if isinstance(error, KeyError):
        return ValidationError(field, None, "required field is missing")
    if isinstance(error, RecursionError):
        return ValidationError(field, "…", "nested too deeply to read")
    return ValidationError(field, None, str(error))


def _path_step(error: BaseException) -> str:
    for note in getattr(error, "__notes__", []):
        name = getattr(note, "name", None)
        if isinstance(name, str):
            return f".{name}"
        index = getattr(note, "index", None)
        if index is not None:
            return f"[{index!r}]"
    return ""
