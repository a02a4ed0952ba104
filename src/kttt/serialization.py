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

import csv
import functools
import io
import json
import types
import typing

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar, cast

import attrs
import cattrs

from kttt import (
    _data,
    bodies,
    committees,
    documents,
    geography,
    organizations,
    programmes,
    rating,
    targets,
)
from kttt.errors import KtttError, ParseError
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

    It is the data layer's base converter (dates, exact numbers,
    enumerations) configured by each room's ``configure_converter``, in
    the order the rooms are layered.

    >>> import pendulum
    >>> from kttt.serialization import make_converter
    >>> conv = make_converter()
    >>> conv.structure("2025-07-01", pendulum.Date)
    Date(2025, 7, 1)
    """
    return _data.new_converter(*_CONFIGURE)


#: Each room's hooks, lowest room first.
_CONFIGURE: tuple[_data.Configure, ...] = (
    geography.configure_converter,
    documents.configure_converter,
    bodies.configure_converter,
    organizations.configure_converter,
    targets.configure_converter,
    rating.configure_converter,
    programmes.configure_converter,
    committees.configure_converter,
)

#: Records whose hooks read and write a nested shape of their own: flat
#: records and CSV keep each of them whole, as JSON in one cell.
_ONE_CELL: frozenset[type] = frozenset({RatingScheme})


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
        DataError: If *text* is not JSON (or has a key twice, a number
            too long, nesting too deep).
        KtttError: If the JSON does not describe a valid *cls*.
    """
    return structure(_data.load_json(text), cls)


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
    return _data.structure(conv or _shared_converter(), data, cls)


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
        ParseError: If *rows* is not an iterable of records, or a record
            is not a mapping of column names to text.
        KtttError: For the first bad row, with its 1-based row number.
    """
    if not _data.is_items(rows):
        raise ParseError("rows", rows, "records are a list of mappings")
    return _from_numbered(enumerate(rows, start=1), cls)


def _from_numbered(
    rows: Iterable[tuple[int, Mapping[str, str]]], cls: type[T]
) -> Iterator[T]:
    conv = _make_flat_converter()
    for number, row in rows:
        _check_record(row, number)
        data: object = _unflatten(row)
        if _is_single_cell(row, cls):
            data = row[_VALUE_COLUMN] or None
        try:
            yield structure(data, cls, conv=conv)
        except KtttError as error:
            raise error.at_row(number) from None


def _check_record(row: object, number: int) -> None:
    """Refuse a record that is not a mapping of column names to text."""
    if not isinstance(row, Mapping):
        raise ParseError(
            "row", row, "a record maps column names to cells"
        ).at_row(number)
    for column, cell in typing.cast("Mapping[object, object]", row).items():
        if not isinstance(column, str):
            raise ParseError("column", column, "a column name is text").at_row(
                number
            )
        if cell is not None and not isinstance(cell, str):
            raise ParseError(
                column, cell, "a cell holds text (or None)"
            ).at_row(number)


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

    Raises:
        DataError: If the text is not a table (a repeated or blank column
            name, a row with more or fewer cells than the header).
        KtttError: For the first bad row, with its row number.
    """
    source = text.read() if isinstance(text, io.TextIOBase) else text
    if not isinstance(cast("object", source), str):
        raise ParseError("text", source, "CSV is read from text")
    table = _data.read_csv(source, file="<csv>")
    return _from_numbered(table.rows, cls)


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
    return _data.new_converter(*_CONFIGURE, _configure_flat)


def _configure_flat(conv: cattrs.Converter) -> None:
    conv.register_structure_hook_factory(_is_json_cell, _json_cell)
    conv.register_structure_hook_factory(
        _is_optional_record, functools.partial(_optional_record, conv)
    )
    for cls in _ONE_CELL:
        conv.register_structure_hook(cls, _json_cell(cls))


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
                value = _data.load_json(value)
            except KtttError as error:
                raise ParseError(
                    "",
                    value,
                    f"a list or mapping cell holds JSON: {error.rule}",
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
