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

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Final

import attrs

from kttt._extras import require
from kttt.errors import DataError, NotFoundError
from kttt.text import nfc


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
    stream = io.StringIO(text, newline="")
    first = text.split("\n", 1)[0]
    found = delimiter or sniff_delimiter(first)
    reader = csv.reader(stream, delimiter=found, strict=True)
    try:
        table = table_of(reader, file=file)
    except csv.Error as error:
        raise DataError(
            "csv", None, f"not CSV: {error}", row=reader.line_num, file=file
        ) from None
    return attrs.evolve(table, delimiter=found)


def table_of(cells: Iterator[list[str]], *, file: str) -> Table:
    """Return the table whose header and rows *cells* yields, checked.

    Raises:
        DataError: For no header, a blank or repeated column name, or a
            row with more or fewer cells than the header.
    """
    header = next(cells, None)
    if header is None:
        raise DataError("header", None, "the file is empty", file=file)
    columns = _columns(header, file)
    return Table(columns=columns, rows=tuple(_rows(cells, columns, file)))


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
    rows = (
        [_cell_text(value) for value in row]
        for row in workbook.worksheets[0].iter_rows(values_only=True)
    )
    return table_of(_trimmed(rows), file=file)


def _trimmed(rows: Iterator[list[str]]) -> Iterator[list[str]]:
    # A sheet pads its rows with empty cells up to its widest row: drop
    # the empty cells beyond the header's width.
    width: int | None = None
    for cells in rows:
        if width is None:
            while cells and not cells[-1]:
                cells.pop()
            width = len(cells)
        elif len(cells) > width and not any(cells[width:]):
            del cells[width:]
        yield cells


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


def _columns(header: list[str], file: str) -> tuple[str, ...]:
    columns = tuple(cell.strip() for cell in header)
    seen: set[str] = set()
    for index, name in enumerate(columns, start=1):
        if not name:
            raise DataError(
                "header", header, f"column {index} has no name", file=file
            )
        if name in seen:
            raise DataError(
                "header", name, "a column name appears twice", file=file
            )
        seen.add(name)
    return columns


def _rows(
    reader: Iterator[list[str]], columns: tuple[str, ...], file: str
) -> Iterator[tuple[int, Mapping[str, str]]]:
    width = len(columns)
    for number, cells in enumerate(reader, start=1):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != width:
            column = columns[-1] if len(cells) > width else columns[len(cells)]
            raise DataError(
                "cells",
                cells[width:] if len(cells) > width else len(cells),
                f"the row has {len(cells)} cells, the header {width}",
                row=number,
                column=column,
                file=file,
            )
        yield number, dict(zip(columns, cells, strict=True))
