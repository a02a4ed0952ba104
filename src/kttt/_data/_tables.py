"""Reading tables: bytes to text, and CSV text to numbered rows.

Spreadsheets saved by hand come in several encodings and with commas,
semicolons or tabs between cells; `decode` and `read_csv` accept what
offices produce and refuse, with the row and the column, what would lose
or shift a cell.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Final

import attrs

from kttt._extras import require
from kttt.errors import DataError, NotFoundError
from kttt.text import is_blank, nfc


#: The delimiters `read_csv` recognises, in order of preference.
DELIMITERS: Final = (",", ";", "\t")

#: Encodings tried, in order, for text without a byte-order mark.
_FALLBACKS: Final = ("utf-8", "cp1258")


def decode(data: bytes, *, file: str) -> str:
    """Return the text of *data*, in Unicode normal form C.

    UTF-8 (with or without a byte-order mark) and UTF-16 with its
    byte-order mark (as Excel saves "Unicode text") are recognised;
    other text is read as Windows-1258, the Vietnamese code page, whose
    tone marks are combining characters that NFC puts back together.

    Raises:
        DataError: If *data* is none of these, naming the encoding tried.
    """
    if data.startswith(codecs.BOM_UTF8):
        encodings: Sequence[str] = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        encodings = _FALLBACKS
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return nfc(text)
    raise DataError(
        "encoding",
        data[:20],
        f"not text in {' or '.join(encodings)}; save the file as "
        "UTF-8 (CSV UTF-8 in Excel)",
        file=file,
    )


@attrs.frozen
class Table:
    """The rows of a CSV text, each a mapping of column to cell."""

    #: The column names, in file order.
    columns: tuple[str, ...]
    #: The rows that hold anything, with their numbers (the first row
    #: after the header is 1; blank rows are skipped but counted).
    rows: tuple[tuple[int, Mapping[str, str]], ...]
    #: The delimiter found.
    delimiter: str = ","


def sniff_delimiter(header: str) -> str:
    """Return the delimiter of a header line: the one it holds most of.

    A comma wins ties, so that a one-column file is read as CSV.

    >>> sniff_delimiter("năm;giá trị"), sniff_delimiter("year,value")
    (';', ',')
    """
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))
    return best if counts[best] else ","


def read_csv(text: str, *, file: str, delimiter: str | None = None) -> Table:
    """Read CSV text with a header row into a `Table`.

    Args:
        text: The CSV text.
        file: The name of the file, put into errors.
        delimiter: The cell delimiter; by default the one the header
            uses (`sniff_delimiter`).

    Raises:
        DataError: For an empty text, a blank or repeated column name, or
            a row with more or fewer cells than the header, naming the row
            and the column.
    """
    rows = stream_csv(text, file=file, delimiter=delimiter)
    return attrs.evolve(
        table_of(rows.columns, rows, file=file), delimiter=rows.delimiter
    )


def table_of(
    columns: tuple[str, ...],
    rows: Iterable[tuple[int, list[str]]],
    *,
    file: str,
) -> Table:
    """Return the table of numbered *rows* under *columns*, checked.

    Raises:
        DataError: For a row with more or fewer cells than the header,
            naming the row and the column.
    """
    width = len(columns)
    table: list[tuple[int, Mapping[str, str]]] = []
    for number, cells in rows:
        if len(cells) != width:
            # The first missing column, or the last one the row overruns
            # (none for a header without columns).
            column = (
                columns[len(cells)]
                if len(cells) < width
                else (columns[-1] if columns else None)
            )
            raise DataError(
                "cells",
                cells[width:] if len(cells) > width else len(cells),
                f"the row has {len(cells)} cells, the header {width}",
                row=number,
                column=column,
                file=file,
            )
        table.append((number, dict(zip(columns, cells, strict=True))))
    return Table(columns=columns, rows=tuple(table))


def read_table(path: str | os.PathLike[str]) -> Table:
    """Read a table file: CSV in any encoding `decode` reads, or ``.xlsx``.

    An Excel workbook's first sheet is read (its values, not formulas);
    numbers become text as they are written (``21``, ``78.5``) and dates
    ISO dates, so that a cell reads the same from either kind of file.

    Raises:
        NotFoundError: If the file cannot be read.
        DataError: If it is not a table.
        MissingExtraError: For ``.xlsx`` without the ``excel`` extra.
    """
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise NotFoundError(
            "path", str(file), f"cannot be read: {error.strerror}"
        ) from None
    if file.suffix.lower() == ".xlsx":
        return _xlsx_table(data, str(file))
    return read_csv(decode(data, file=str(file)), file=str(file))


def _xlsx_table(data: bytes, file: str) -> Table:
    openpyxl = require("openpyxl", extra="excel", feature="reading Excel")
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True
        )
    except Exception as error:  # noqa: BLE001  (openpyxl raises many kinds)
        raise DataError(
            "xlsx", None, f"not an Excel workbook: {error}", file=file
        ) from None
    sheet = workbook.worksheets[0].iter_rows(values_only=True)
    header = [_cell_text(value) for value in next(sheet, ())]
    while header and not header[-1]:
        header.pop()
    if not header:
        raise DataError("header", None, "the sheet is empty", file=file)
    columns = _columns(header, file)
    rows = (
        (number, _within(columns, [_cell_text(value) for value in row]))
        for number, row in enumerate(sheet, start=1)
    )
    return table_of(
        columns, ((n, cells) for n, cells in rows if any(cells)), file=file
    )


def _within(columns: tuple[str, ...], cells: list[str]) -> list[str]:
    # A sheet pads its rows with empty cells up to its widest row: drop
    # the empty cells beyond the header's width.
    if len(cells) > len(columns) and not any(cells[len(columns) :]):
        del cells[len(columns) :]
    return cells


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat() if value.time() else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return nfc(str(value))


@attrs.frozen
class CsvRows:
    """The rows of a CSV text, read one at a time as they are iterated.

    Each row that holds anything comes with its number (the first row
    after the header is 1; blank rows are skipped but counted) and its
    cells, as many as the row has: a row may have more or fewer cells
    than the header, for the reader to refuse or to pad.
    """

    #: The column names, in file order.
    columns: tuple[str, ...]
    #: The delimiter found.
    delimiter: str
    _reader: Iterator[list[str]] = attrs.field(repr=False)
    _file: str = attrs.field(repr=False)

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        number = 0
        while True:
            number += 1
            try:
                cells = next(self._reader, None)
            except csv.Error as error:
                raise DataError(
                    "csv",
                    None,
                    f"not CSV: {error}",
                    row=number,
                    file=self._file,
                ) from None
            if cells is None:
                return
            if not all(map(is_blank, cells)):
                yield number, cells


def stream_csv(
    text: str, *, file: str, delimiter: str | None = None
) -> CsvRows:
    """Read the header of CSV text; its rows are read as they are iterated.

    Args:
        text: The CSV text.
        file: The name of the file, put into errors.
        delimiter: The cell delimiter; by default the one the header
            uses (`sniff_delimiter`).

    Raises:
        DataError: For an empty text or a blank or repeated column name
            (and, while iterating, for text that is not CSV, naming the
            row).
    """
    stream = io.StringIO(text, newline="")
    first = text.split("\n", 1)[0]
    found = delimiter or sniff_delimiter(first)
    reader = csv.reader(stream, delimiter=found, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise DataError(
            "header", None, f"not CSV: {error}", file=file
        ) from None
    if header is None:
        raise DataError("header", text[:20], "the file is empty", file=file)
    return CsvRows(_columns(header, file), found, reader, file)


def _columns(header: list[str], file: str) -> tuple[str, ...]:
    columns = tuple(cell.strip() for cell in header)
    seen: set[str] = set()
    for index, name in enumerate(columns, start=1):
        if is_blank(name):
            raise DataError(
                "header", header, f"column {index} has no name", file=file
            )
        if name in seen:
            raise DataError(
                "header", name, "a column name appears twice", file=file
            )
        seen.add(name)
    return columns
