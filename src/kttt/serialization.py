"""Converting kttt values to and from JSON, flat records and CSV.

`make_converter` returns a fresh `cattrs.Converter` that knows every kttt
type; it never touches cattrs' global converter.
Dates come back as `pendulum.Date` (not `datetime.date`), exact numbers as
`decimal.Decimal` written as strings, enumerations as their codes.

Every failure to structure raises a `kttt.errors.KtttError` that names the
field path, the value and the rule; the record and CSV readers add the row
number.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import io
import json
import types
import typing

from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, TypeVar

import attrs
import cattrs
import pendulum

from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from kttt._labels import LabelledEnum
from kttt.documents import DocumentNumber, parse_document_number
from kttt.errors import KtttError, ParseError, ValidationError
from kttt.geography import Era, Province
from kttt.organizations import (
    Cooperative,
    CooperativeGroup,
    CooperativeUnion,
    Organization,
    OrganizationKind,
    PeoplesCreditFund,
)
from kttt.rating import RatingScheme


__all__ = [
    "from_csv",
    "from_json",
    "from_records",
    "make_converter",
    "to_csv",
    "to_json",
    "to_records",
]

T = TypeVar("T")


def make_converter() -> cattrs.Converter:
    """Return a new converter for every kttt type.

    >>> import pendulum
    >>> from kttt.serialization import make_converter
    >>> conv = make_converter()
    >>> conv.structure("2025-07-01", pendulum.Date)
    Date(2025, 7, 1)
    """
    conv = cattrs.Converter(forbid_extra_keys=True)
    _register_scalars(conv)
    for register in _DOMAIN_HOOKS:
        register(conv)
    return conv


def _register_scalars(conv: cattrs.Converter) -> None:
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
    if isinstance(value, dt.datetime) or not isinstance(value, str | dt.date):
        raise ParseError("", value, "a date is an ISO 8601 'YYYY-MM-DD'")
    if isinstance(value, dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise ParseError(
            "", value, "a date is an ISO 8601 'YYYY-MM-DD'"
        ) from None
    return pendulum.Date(parsed.year, parsed.month, parsed.day)


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


def _structure_decimal(value: object, _: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise ParseError("", value, "an exact number is a string or int")
    try:
        result = Decimal(value)
    except InvalidOperation:
        raise ParseError("", value, "not a decimal number") from None
    if not result.is_finite():
        raise ParseError("", value, "must be finite")
    return result


def _structure_fraction(value: object, _: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ParseError("", value, "a fraction is a string or int")
    try:
        return Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise ParseError("", value, "not a fraction 'p/q'") from None


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise ParseError("", value, "must be a whole number")


def _structure_float(value: object, _: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return float(value)
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


#: Functions that add the hooks of one domain module to a converter.
#: Domain modules with values that need more than attrs' defaults add a
#: function here (see `_register_geography` below for the pattern).
_DOMAIN_HOOKS: list[Callable[[cattrs.Converter], None]] = []

#: Records whose hooks read and write a nested shape of their own: flat
#: records and CSV keep each of them whole, as JSON in one cell.
_ONE_CELL: set[type] = set()


# --- geography -------------------------------------------------------------


def _register_geography(conv: cattrs.Converter) -> None:
    # A Province is written as its code and era and read back through
    # Province.get, so only the units of the built-in table come back.
    conv.register_unstructure_hook(Province, _province_to_dict)
    conv.register_structure_hook(Province, _structure_province)


def _province_to_dict(value: Province) -> dict[str, str]:
    return {"code": value.code, "era": value.era.value}


def _structure_province(value: object, _: object) -> Province:
    fields = _province_fields(value)
    if set(fields) != {"code", "era"}:
        raise ValidationError(
            "province", value, "a province is {'code': '25', 'era': '34'}"
        )
    code, era = fields["code"], fields["era"]
    if not isinstance(era, str) or era not in {e.value for e in Era}:
        raise ParseError("era", era, "must be '63' or '34'")
    if not (isinstance(code, str) and len(code) == 2 and code.isdigit()):
        raise ParseError("code", code, "an NSO code is two digits")
    try:
        return Province.get(code, era=Era(era))
    except KtttError as error:
        raise type(error)("code", code, error.rule) from None


def _province_fields(value: object) -> Mapping[str, object]:
    if isinstance(value, Mapping):
        return typing.cast("Mapping[str, object]", value)
    return {}


_DOMAIN_HOOKS.append(_register_geography)


# --- documents -------------------------------------------------------------


def _register_documents(conv: cattrs.Converter) -> None:
    # A DocumentNumber is written in its canonical form ("20-NQ/TW") and
    # read back with parse_document_number.
    conv.register_unstructure_hook(DocumentNumber, str)
    conv.register_structure_hook(DocumentNumber, _structure_document_number)


def _structure_document_number(value: object, _: object) -> DocumentNumber:
    if not isinstance(value, str):
        raise ParseError(
            "number", value, "a reference number is text such as '20-NQ/TW'"
        )
    return parse_document_number(value)


_DOMAIN_HOOKS.append(_register_documents)


# --- rating ----------------------------------------------------------------


def _register_rating(conv: cattrs.Converter) -> None:
    # A RatingScheme is written in the scheme file format (exact numbers as
    # strings, defaults left out) and read back with its validation.
    conv.register_unstructure_hook(RatingScheme, RatingScheme.to_dict)
    _ONE_CELL.add(RatingScheme)
    conv.register_structure_hook(
        RatingScheme, lambda value, _: RatingScheme.from_dict(value)
    )
    # A measured value is yes/no (a JSON bool) or an exact number.
    conv.register_structure_hook(Decimal | bool, _structure_measure)


def _structure_measure(value: object, _: object) -> Decimal | bool:
    if isinstance(value, bool):
        return value
    return _structure_decimal(value, Decimal)


_DOMAIN_HOOKS.append(_register_rating)


#: The concrete class of each kind (what each class's ``kind`` returns).
_ORGANIZATIONS: dict[OrganizationKind, type[Organization]] = {
    OrganizationKind.COOPERATIVE_GROUP: CooperativeGroup,
    OrganizationKind.COOPERATIVE: Cooperative,
    OrganizationKind.COOPERATIVE_UNION: CooperativeUnion,
    OrganizationKind.PEOPLES_CREDIT_FUND: PeoplesCreditFund,
}


def _register_organizations(conv: cattrs.Converter) -> None:
    # Every organisation is written with its kind, so that a registry of
    # mixed kinds reads back as `Organization` (or `list[Organization]`).
    for kind, cls in _ORGANIZATIONS.items():
        conv.register_unstructure_hook(cls, _with_kind(conv, cls))
        conv.register_structure_hook(cls, _without_kind(conv, cls, kind))

    def structure(value: object, _: object) -> Organization:
        if not isinstance(value, Mapping):
            raise ParseError("", value, "an organisation is a JSON object")
        record = typing.cast("Mapping[str, object]", value)
        code = record.get("kind")
        if not isinstance(code, str):
            raise ParseError("kind", code, "names the organisation's kind")
        cls = _ORGANIZATIONS.get(OrganizationKind.parse(code))
        if cls is None:
            raise ParseError("kind", code, "is not a kind kttt models")
        organization: Organization = conv.structure(value, cls)
        return organization

    conv.register_structure_hook(Organization, structure)


def _with_kind(
    conv: cattrs.Converter, cls: type[Organization]
) -> Callable[[Organization], dict[str, object]]:
    fields = make_dict_unstructure_fn(cls, conv)

    def unstructure(value: Organization) -> dict[str, object]:
        return {"kind": value.kind.value, **fields(value)}

    return unstructure


def _without_kind(
    conv: cattrs.Converter, cls: type[Organization], kind: OrganizationKind
) -> Callable[[object, object], Organization]:
    fields = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)

    names = {field.name for field in attrs.fields(cls)}

    def structure(value: object, _: object) -> Organization:
        if not isinstance(value, Mapping):
            raise ParseError("", value, "an organisation is a JSON object")
        # A CSV of mixed kinds has empty cells for the fields of the other
        # kinds: they hold nothing, so they are left out.
        record = {
            key: item
            for key, item in typing.cast("Mapping[str, object]", value).items()
            if key in names or item is not None or key == "kind"
        }
        code = record.pop("kind", None)
        if code is not None and code != kind.value:
            raise ParseError("kind", code, f"a {cls.__name__} is {kind}")
        return fields(record, cls)

    return structure


_DOMAIN_HOOKS.append(_register_organizations)


# --- JSON ------------------------------------------------------------------


def to_json(value: object, *, indent: int | None = 2) -> str:
    """Serialise a kttt value (or a list or tuple of them) to a JSON string."""
    conv = _shared_converter()
    return json.dumps(
        conv.unstructure(value), ensure_ascii=False, indent=indent
    )


@typing.overload
def from_json(text: str, cls: type[T]) -> T: ...
@typing.overload
def from_json(text: str, cls: Any) -> Any: ...
def from_json(text: str, cls: Any) -> Any:
    """Read a value of type *cls* from a JSON string.

    Raises:
        ParseError: If *text* is not JSON.
        KtttError: If the JSON does not describe a valid *cls*.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ParseError("json", text[:80], f"not JSON: {error}") from None
    return structure(data, cls)


@typing.overload
def structure(
    data: object, cls: type[T], *, conv: cattrs.Converter | None = None
) -> T: ...
@typing.overload
def structure(
    data: object, cls: Any, *, conv: cattrs.Converter | None = None
) -> Any: ...
def structure(
    data: object, cls: Any, *, conv: cattrs.Converter | None = None
) -> Any:
    """Structure plain data (dicts, lists, strings, numbers) into *cls*.

    Raises:
        KtttError: Naming the path of the first invalid field.
    """
    converter = conv or _shared_converter()
    try:
        return converter.structure(data, cls)
    except KtttError:
        raise
    except (ClassValidationError, IterableValidationError) as group:
        raise _first_error(group, "$") from None
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise ValidationError(
            getattr(cls, "__name__", str(cls)), data, str(error)
        ) from None


def _first_error(error: BaseException, path: str) -> KtttError:
    """Turn the first leaf of a cattrs error tree into a KtttError at *path*."""
    if isinstance(error, BaseExceptionGroup):
        group = typing.cast("BaseExceptionGroup[BaseException]", error)
        sub = group.exceptions[0]
        return _first_error(sub, path + _path_step(sub))
    field = path.removeprefix("$").removeprefix(".") or "$"
    if isinstance(error, KtttError):
        if error.field and field.rpartition(".")[2] != error.field:
            field = error.field if field == "$" else f"{field}.{error.field}"
        return type(error)(field, error.value, error.rule, row=error.row)
    if isinstance(error, ForbiddenExtraKeysError):
        extra = ", ".join(sorted(error.extra_fields))
        return ValidationError(field, extra, "unknown field(s)")
    if isinstance(error, KeyError):
        return ValidationError(field, None, "required field is missing")
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


# --- flat records and CSV --------------------------------------------------


def to_records(values: Iterable[object]) -> list[dict[str, str]]:
    """Turn kttt values into flat records: one dict of strings per value.

    Nested values become dotted column names (``province.code``); lists and
    tuples are written as JSON in one cell; `None` is the empty string.
    A value that is not a record (an enumeration member, a number) fills
    one column named ``value``.
    """
    conv = _shared_converter()
    return [_flatten(conv.unstructure(value), value) for value in values]


def from_records(
    rows: Iterable[Mapping[str, str]], cls: type[T]
) -> Iterator[T]:
    """Read values of type *cls* from flat records, as written by `to_records`.

    Raises:
        KtttError: For the first bad row, with its 1-based row number.
    """
    conv = _make_flat_converter()
    for number, row in enumerate(rows, start=1):
        data: object = _unflatten(row)
        if _is_single_cell(row, cls):
            data = row[_VALUE_COLUMN] or None
        try:
            yield structure(data, cls, conv=conv)
        except KtttError as error:
            raise error.at_row(number) from None


def to_csv(values: Iterable[object]) -> str:
    """Write kttt values as CSV text with a header row (UTF-8, commas)."""
    records = to_records(values)
    columns: dict[str, None] = {}
    for record in records:
        columns.update(dict.fromkeys(record))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns))
    writer.writeheader()
    writer.writerows(records)
    return buffer.getvalue()


def from_csv(text: str | io.TextIOBase, cls: type[T]) -> Iterator[T]:
    """Read values of type *cls* from CSV text written by `to_csv`.

    Row numbers in errors count data rows from 1 (the header is row 0).
    """
    source = io.StringIO(text, newline="") if isinstance(text, str) else text
    return from_records(csv.DictReader(source), cls)


_VALUE_COLUMN = "value"


def _flatten(
    data: object, value: object, path: str | None = None
) -> dict[str, str]:
    """Flatten the unstructured *data* of *value* into cells.

    Records become dotted columns; anything else (lists, mappings, scalars)
    one cell, named ``value`` at the top level.
    """
    if _is_flat_record(type(value)) and isinstance(data, Mapping):
        flat: dict[str, str] = {}
        fields = typing.cast("Mapping[str, object]", data)
        for name, item in fields.items():
            column = name if path is None else f"{path}.{name}"
            flat.update(_flatten(item, getattr(value, name, None), column))
        return flat
    column = _VALUE_COLUMN if path is None else path
    if data is None:
        return {column: ""}
    if isinstance(data, str):
        return {column: data}
    return {column: json.dumps(data, ensure_ascii=False)}


def _is_flat_record(cls: type) -> bool:
    return attrs.has(cls) and cls not in _ONE_CELL


def _is_single_cell(row: Mapping[str, str], cls: type) -> bool:
    """Whether *row* holds a whole value in its ``value`` column."""
    if set(row) != {_VALUE_COLUMN}:
        return False
    return not _is_flat_record(cls) or (
        _VALUE_COLUMN not in attrs.fields_dict(cls)
    )


def _unflatten(row: Mapping[str, str]) -> dict[str, object]:
    nested: dict[str, object] = {}
    for key, cell in row.items():
        target = nested
        *parents, leaf = key.split(".")
        for parent in parents:
            child = target.get(parent)
            if not isinstance(child, dict):
                child = target[parent] = {}
            target = typing.cast("dict[str, object]", child)
        if cell != "":
            target[leaf] = cell
        else:
            target.setdefault(leaf, None)
    return nested


@functools.cache
def _shared_converter() -> cattrs.Converter:
    """The converter the module's own functions use (never handed out)."""
    return make_converter()


@functools.cache
def _make_flat_converter() -> cattrs.Converter:
    """The converter for flat records: cells are strings, lists are JSON."""
    conv = make_converter()
    conv.register_structure_hook_factory(_is_json_cell, _json_cell)
    conv.register_structure_hook_factory(
        _is_optional_record, functools.partial(_optional_record, conv)
    )
    for cls in _ONE_CELL:
        conv.register_structure_hook(cls, _json_cell(cls))
    return conv


def _is_json_cell(cls: object) -> bool:
    origin = typing.get_origin(cls) or cls
    return isinstance(origin, type) and issubclass(
        origin, (list, tuple, set, frozenset, dict, Mapping)
    )


def _json_cell(cls: Any) -> Callable[[object, object], object]:
    """Decode a JSON cell, then structure it as the plain converter does."""
    hook = _shared_converter().get_structure_hook(cls)

    def load(value: object, target: object) -> object:
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                raise ParseError(
                    "cell", value, "a list or mapping cell holds JSON"
                ) from None
        return hook(value, target)

    return load


def _is_optional_record(cls: object) -> bool:
    args = typing.get_args(cls)
    return (
        typing.get_origin(cls) in {typing.Union, types.UnionType}
        and type(None) in args
        and len(args) == 2
        and any(attrs.has(a) for a in args)
    )


def _optional_record(
    conv: cattrs.Converter, cls: Any
) -> Callable[[object, object], object]:
    """Read an optional record: all of its cells empty means `None`."""
    inner = next(a for a in typing.get_args(cls) if a is not type(None))
    hook = conv.get_structure_hook(inner)

    def load(value: object, _: object) -> object:
        if _all_empty(value):
            return None
        return hook(value, inner)

    return load


def _all_empty(value: object) -> bool:
    """Whether *value* is None or a mapping of nothing but empty cells."""
    if isinstance(value, Mapping):
        return all(
            _all_empty(v)
            for v in typing.cast("Mapping[str, object]", value).values()
        )
    return value is None
