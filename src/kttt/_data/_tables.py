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
    stream = io.StringIO(text, newline="")
    first = text.split("\n", 1)[0]
    found = delimiter or sniff_delimiter(first)
    reader = csv.reader(stream, delimiter=found, strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise DataError(
                "header", text[:20], "the file is empty", file=file
            )
        columns = _columns(header, file)
        rows = tuple(_rows(reader, columns, file))
    except csv.Error as error:
        raise DataError(
            "csv", None, f"not CSV: {error}", row=reader.line_num, file=file
        ) from None
    return Table(columns=columns, rows=rows, delimiter=found)


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


def _rows(
    reader: Iterator[list[str]], columns: tuple[str, ...], file: str
) -> Iterator[tuple[int, Mapping[str, str]]]:
    width = len(columns)
    for number, cells in enumerate(reader, start=1):
        if all(map(is_blank, cells)):
            continue
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
        yield number, dict(zip(columns, cells, strict=True))
