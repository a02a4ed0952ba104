"""Reading tables: bytes to text, and CSV text to numbered rows.

Spreadsheets saved by hand come in several encodings and with commas,
semicolons or tabs between cells; `decode` and `read_csv` accept what
offices produce and refuse, with the row and the column, what would lose
or shift a cell.
"""

from __future__ import annotations

import codecs
import csv
import io

from collections.abc import Iterator, Mapping, Sequence
from typing import Final

import attrs

from kttt.errors import DataError
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
    rows = stream_csv(text, file=file, delimiter=delimiter)
    width = len(rows.columns)
    table: list[tuple[int, Mapping[str, str]]] = []
    for number, cells in rows:
        if len(cells) != width:
            column = (
                rows.columns[-1]
                if len(cells) > width
                else rows.columns[len(cells)]
            )
            raise DataError(
                "cells",
                cells[width:] if len(cells) > width else len(cells),
                f"the row has {len(cells)} cells, the header {width}",
                row=number,
                column=column,
                file=file,
            )
        table.append((number, dict(zip(rows.columns, cells, strict=True))))
    return Table(
        columns=rows.columns, rows=tuple(table), delimiter=rows.delimiter
    )


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
            if "".join(cells).strip():
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
