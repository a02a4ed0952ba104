"""The one envelope of kttt's data files, and reading it from anywhere.

Every data file, built in or the user's, is a JSON object with exactly
three keys::

    {
      "description": "What the rows are, in a sentence or two.",
      "sources": [
        {"key": "law-2023", "document": "17/2023/QH15",
         "url": "https://...", "retrieved": "2026-11-21"},
        {"document": "GLOSSARY.md", "retrieved": null, "note": "..."}
      ],
      "rows": [ {...}, {...} ]
    }

*sources* lists every source of the file, each stating when it was
retrieved (``null``: not recorded); a source with a *key* can be named by
the rows: a ``"source"`` written as that key, or as an object with
``"ref"`` and the fields that differ (``{"ref": "law-2023", "clause":
"Điều 4"}``), stands for that source.
*rows* is a list of records, or the name of a CSV file beside the
envelope whose rows are the records (a table too large to read as JSON).
"""

from __future__ import annotations

import contextlib
import functools
import os

from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Final, TypeVar, cast

import attrs
import cattrs

from kttt._data._convert import new_converter, structure
from kttt._data._json import as_list, as_mapping, load_json
from kttt._data._locate import as_data_error, join, reading
from kttt._data._tables import decode, read_csv
from kttt.errors import DataError, KtttError, NotFoundError
from kttt.sources import Source
from kttt.text import is_blank


T = TypeVar("T")

#: The keys of an envelope.
ENVELOPE_KEYS: Final = ("description", "sources", "rows")
#: The keys a source may have in an envelope; ``retrieved`` is required.
SOURCE_KEYS: Final = frozenset(
    {"key", "document", "clause", "title", "url", "retrieved", "note"}
)


@attrs.frozen
class Row:
    """One record of a data file, and where it stands in the file."""

    #: The record: a JSON value (named sources written out), or for a CSV
    #: table a mapping of column to cell.
    data: object
    #: Its number, counting from 1.
    number: int
    #: The file it was read from.
    file: str
    #: Whether it is a row of a CSV table (errors name row and column)
    #: rather than an item of a JSON list (errors name the path).
    tabular: bool = False

    @property
    def path(self) -> str:
        """The path of the row in its file (``rows[3]``; empty for CSV)."""
        return "" if self.tabular else f"rows[{self.number - 1}]"

    def reading(
        self, column: str | None = None
    ) -> contextlib.AbstractContextManager[None]:
        """Return a context that locates every `KtttError` at this row."""
        if self.tabular:
            return reading(self.file, row=self.number, column=column)
        return reading(self.file, path=self.path)

    def locate(self, error: KtttError) -> DataError:
        """Return *error* as a `DataError` at this row.

        In a table, the column is the first part of the error's field.
        """
        if self.tabular:
            return as_data_error(
                error,
                file=self.file,
                row=self.number,
                column=error.field.split(".", 1)[0] or None,
            )
        return as_data_error(error, file=self.file, path=self.path)

    def structure(self, conv: cattrs.Converter, cls: type[T]) -> T:
        """Structure the record into *cls*, errors located at this row."""
        try:
            return structure(conv, self.data, cls)
        except KtttError as error:
            raise self.locate(error) from None


@attrs.frozen
class Envelope:
    """A data file read: its description, sources and rows."""

    #: The file's name, as errors show it.
    file: str
    #: What the rows are.
    description: str
    #: Every source of the file.
    sources: tuple[Source, ...]
    #: The sources that have a key, by key.
    keys: Mapping[str, Source]
    #: The records.
    rows: tuple[Row, ...]

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def structure(self, conv: cattrs.Converter, cls: type[T]) -> tuple[T, ...]:
        """Structure every row into *cls*, errors located at their row."""
        return tuple(row.structure(conv, cls) for row in self.rows)

    def only(self) -> Row:
        """Return the one row of a file that holds one record.

        Raises:
            DataError: If the file holds another number of rows.
        """
        if len(self.rows) != 1:
            raise DataError(
                "rows",
                len(self.rows),
                "this file holds one record",
                file=self.file,
            )
        return self.rows[0]

    def source(self, key: str, *, row: int | None = None) -> Source:
        """Return the source with *key*.

        Raises:
            DataError: If no source of the file has it.
        """
        found = self.keys.get(key)
        if found is None:
            raise DataError(
                "source",
                key,
                f"names no source of the file ({', '.join(self.keys)})",
                row=row,
                file=self.file,
            )
        return found


#: Where the built-in data lives in the package.
PACKAGE_DATA: Final = "kttt/data"


def read_package(name: str, *, exact: bool = False) -> Envelope:
    """Read the built-in data file *name* (``"geography/provinces.json"``).

    With *exact*, numbers with a fraction are read as `decimal.Decimal`.

    Raises:
        DataError: If the file is missing or malformed (a bug in kttt).
    """
    folder = resources.files("kttt").joinpath("data")
    file = f"{PACKAGE_DATA}/{name}"

    def sibling(other: str) -> str:
        resource = folder.joinpath(*f"{Path(name).parent}/{other}".split("/"))
        return _text(resource.read_bytes, f"{PACKAGE_DATA}/{other}")

    text = _text(folder.joinpath(*name.split("/")).read_bytes, file)
    return parse_envelope(text, file=file, sibling=sibling, exact=exact)


def read_path(
    path: str | os.PathLike[str], *, exact: bool = False
) -> Envelope:
    """Read a data file of the user's.

    With *exact*, numbers with a fraction are read as `decimal.Decimal`.

    Raises:
        DataError: If it cannot be read or is not a valid envelope.
    """
    file = _path(path)

    def sibling(other: str) -> str:
        return _text(
            (file.parent / other).read_bytes, str(file.parent / other)
        )

    return parse_envelope(
        _text(file.read_bytes, str(file)),
        file=str(file),
        sibling=sibling,
        exact=exact,
    )


def read_text(path: str | os.PathLike[str]) -> str:
    """Return the text of a user's file, in whatever encoding `decode` reads.

    Raises:
        DataError: If the file cannot be read or is not text.
    """
    file = _path(path)
    return _text(file.read_bytes, str(file))


def _path(path: object) -> Path:
    rule = "a path is text or an os.PathLike"
    if not isinstance(path, str | os.PathLike):
        raise DataError("path", path, rule)
    try:
        return Path(cast("str | os.PathLike[str]", path))
    except TypeError:  # a PathLike that gives bytes
        raise DataError("path", cast("object", path), rule) from None


def _text(read: Callable[[], bytes], file: str) -> str:
    try:
        data = read()
    except (OSError, ValueError) as error:
        # ValueError: a name with a NUL character, which no file has.
        reason = getattr(error, "strerror", None) or error
        raise NotFoundError(
            "path", file, f"cannot be read: {reason}"
        ) from None
    return decode(data, file=file)


def parse_envelope(
    text: str,
    *,
    file: str,
    sibling: Callable[[str], str] | None = None,
    exact: bool = False,
) -> Envelope:
    """Read an envelope from JSON *text*.

    Args:
        text: The JSON text.
        file: The file's name, put into errors.
        sibling: Returns the text of a file beside this one, for *rows*
            that name a CSV file.
        exact: Read numbers with a fraction as `decimal.Decimal` instead
            of `float`.

    Raises:
        DataError: Naming the file and the path of what is wrong.
    """
    loaded: object = load_json(text, file=file, exact=exact)
    top = as_mapping(loaded)
    if top is None or set(top) != set(ENVELOPE_KEYS):
        shown = loaded if top is None else sorted(top)
        raise DataError(
            "$",
            shown,
            "a data file is an object with 'description', 'sources' and "
            "'rows'",
            file=file,
        )
    envelope = top
    description = envelope["description"]
    if not isinstance(description, str) or is_blank(description):
        raise DataError(
            "description", description, "must be non-blank text", file=file
        )
    raw_sources = _raw_sources(envelope["sources"], file)
    sources, keys = _sources(raw_sources, file)
    rows = envelope["rows"]
    if isinstance(rows, str):
        if sibling is None or "/" in rows or "\\" in rows:
            raise DataError(
                "rows", rows, "names a CSV file beside this one", file=file
            )
        return Envelope(
            file=file,
            description=description,
            sources=sources,
            keys=keys,
            rows=_table_rows(sibling(rows), f"{Path(file).parent}/{rows}"),
        )
    if not isinstance(rows, list):
        raise DataError(
            "rows", rows, "a list of records or a CSV file name", file=file
        )
    named = dict(zip(keys, _keyed(raw_sources), strict=True))
    return Envelope(
        file=file,
        description=description,
        sources=sources,
        keys=keys,
        rows=tuple(
            Row(
                data=_resolved(item, named, file, f"rows[{index}]"),
                number=index + 1,
                file=file,
            )
            for index, item in enumerate(cast("list[object]", rows))
        ),
    )


def _resolved(
    value: object, named: Mapping[str, dict[str, object]], file: str, path: str
) -> object:
    try:
        return _resolve(value, named, file, path)
    except RecursionError:
        raise DataError(
            path, "…", "nested too deeply to read", file=file
        ) from None


def _table_rows(text: str, file: str) -> tuple[Row, ...]:
    table = read_csv(text, file=file)
    return tuple(
        Row(data=cells, number=number, file=file, tabular=True)
        for number, cells in table.rows
    )


def _raw_sources(value: object, file: str) -> list[dict[str, object]]:
    items = as_list(value)
    if not items:
        raise DataError(
            "sources", value, "a non-empty list of sources", file=file
        )
    for index, item in enumerate(items):
        where = f"sources[{index}]"
        fields = as_mapping(item)
        if fields is None:
            raise DataError(where, item, "a source is an object", file=file)
        keys = set(fields)
        if not keys <= SOURCE_KEYS:
            raise DataError(
                where,
                sorted(keys - SOURCE_KEYS),
                "not a field of a source",
                file=file,
            )
        if "retrieved" not in keys:
            raise DataError(
                f"{where}.retrieved",
                None,
                "every source says when it was retrieved (null: not recorded)",
                file=file,
            )
    return cast("list[dict[str, object]]", items)


def _keyed(raw: list[dict[str, object]]) -> list[dict[str, object]]:
    return [
        {k: v for k, v in item.items() if k != "key"}
        for item in raw
        if "key" in item
    ]


@functools.cache
def _converter() -> cattrs.Converter:
    return new_converter()


def _sources(
    raw: list[dict[str, object]], file: str
) -> tuple[tuple[Source, ...], dict[str, Source]]:
    sources: list[Source] = []
    keys: dict[str, Source] = {}
    for index, item in enumerate(raw):
        fields = {k: v for k, v in item.items() if k != "key"}
        with reading(file, path=f"sources[{index}]"):
            source = structure(_converter(), fields, Source)
        sources.append(source)
        if "key" in item:
            key = item["key"]
            if not isinstance(key, str) or not key or key in keys:
                raise DataError(
                    f"sources[{index}].key",
                    key,
                    "a key is text, unique in the file",
                    file=file,
                )
            keys[key] = source
    return tuple(sources), keys


def _resolve(
    value: object, named: Mapping[str, dict[str, object]], file: str, path: str
) -> object:
    """Write out the sources *value* names by key, at any depth."""
    if isinstance(value, list):
        return [
            _resolve(item, named, file, f"{path}[{index}]")
            for index, item in enumerate(cast("list[object]", value))
        ]
    if not isinstance(value, dict):
        return value
    record = cast("dict[str, object]", value)
    resolved: dict[str, object] = {}
    for key, item in record.items():
        where = join(path, key)
        if key == "source":
            resolved[key] = _named(item, named, file, where)
        elif key == "sources" and isinstance(item, list):
            resolved[key] = [
                _named(one, named, file, f"{where}[{index}]")
                for index, one in enumerate(cast("list[object]", item))
            ]
        else:
            resolved[key] = _resolve(item, named, file, where)
    return resolved


def _named(
    value: object, named: Mapping[str, dict[str, object]], file: str, path: str
) -> object:
    if isinstance(value, str):
        return dict(_lookup(value, named, file, path))
    fields = as_mapping(value)
    if fields is not None and "ref" in fields:
        rest = {k: v for k, v in fields.items() if k != "ref"}
        return {**_lookup(fields["ref"], named, file, f"{path}.ref"), **rest}
    return value


def _lookup(
    key: object, named: Mapping[str, dict[str, object]], file: str, path: str
) -> dict[str, object]:
    if not isinstance(key, str) or key not in named:
        raise DataError(
            path,
            key,
            f"names no source of the file ({', '.join(named) or 'none'})",
            file=file,
        )
    return named[key]
