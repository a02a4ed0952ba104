"""What a command prints, in the format asked for, where it is asked.

Every command that prints a table builds a `Document`: a title, the
column headers, the rows and notes, and, where it has one, its own text
and JSON.
`emit` writes it as text, JSON, CSV (UTF-8 with a byte-order mark, so
that Excel shows Vietnamese), Markdown or an Excel workbook (the
``excel`` extra), to standard output or to ``--output FILE``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

import attrs

from kttt._extras import require
from kttt.errors import ValidationError


#: The formats every table command can write.
FORMATS: Final = ("text", "json", "csv", "markdown", "xlsx")

#: Characters that make a spreadsheet read a cell as a formula.
_FORMULA: Final = ("=", "+", "-", "@", "\t", "\r")


@attrs.frozen(kw_only=True)
class Document:
    """A command's output: a table with a title and notes."""

    #: The title, above the table.
    title: str
    #: The column headers.
    columns: tuple[str, ...]
    #: The rows, one cell per column.
    rows: tuple[tuple[str, ...], ...]
    #: Notes below the table.
    notes: tuple[str, ...] = ()
    #: The command's own text layout, if it has one.
    text: str | None = None
    #: The command's own JSON text, if it has one (else the rows as
    #: records).
    json: str | None = None


def add_output_options(
    parser: argparse.ArgumentParser, *, default: str | None = "text"
) -> None:
    """Add ``--format`` and ``--output`` to *parser*.

    With *default* `argparse.SUPPRESS`, neither option has a default of
    its own: a parent parser that shares them with a subcommand sets
    them.
    """
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=default,
        help=(
            "text (default), json, csv (UTF-8 with BOM, for Excel), "
            "markdown, or xlsx (needs kttt[excel])"
        ),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        default=argparse.SUPPRESS if default == argparse.SUPPRESS else None,
        help="write to FILE instead of the screen",
    )


def emit(document: Document, args: argparse.Namespace) -> None:
    """Write *document* in ``args.format`` to ``args.output`` or stdout.

    Raises:
        KtttError: If the format needs a file (xlsx without ``--output``),
            or the extra it needs is missing, or the file cannot be
            written.
    """
    output: Path | None = args.output
    if args.format == "xlsx":
        if output is None:
            raise ValidationError(
                "format", "xlsx", "an Excel workbook needs --output FILE"
            )
        _write(output, _xlsx(document))
        return
    text = _RENDER[args.format](document)
    if args.format == "csv":
        # With a byte-order mark, Excel reads the file as UTF-8.
        text = "\ufeff" + text
    if output is None:
        sys.stdout.write(text)
    else:
        _write(output, text.encode("utf-8"))


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except (OSError, ValueError) as error:
        raise unwritable(path, error) from None


def unwritable(path: Path, error: OSError | ValueError) -> ValidationError:
    """Return the error of an output file that cannot be written.

    An `OSError` says why in its own words; a `ValueError` is a name the
    system refuses (a NUL character in it).
    """
    why = (
        error.strerror
        if isinstance(error, OSError)
        else "not a name a file can have"
    )
    return ValidationError("output", str(path), f"cannot be written: {why}")


def safe_cell(text: str) -> str:
    """Return *text* so that a spreadsheet shows it and never runs it.

    A cell that starts like a formula gets a leading apostrophe, which
    spreadsheets hide and which turns the cell into text.

    >>> safe_cell("=HYPERLINK(1)"), safe_cell("-5"), safe_cell("Hà Nội")
    ("'=HYPERLINK(1)", "'-5", 'Hà Nội')
    """
    return f"'{text}" if text.startswith(_FORMULA) else text


def _text(document: Document) -> str:
    if document.text is not None:
        return document.text
    widths = [len(c) for c in document.columns]
    for row in document.rows:
        widths = [
            max(w, len(cell)) for w, cell in zip(widths, row, strict=True)
        ]
    lines = [document.title, "", _line(document.columns, widths)]
    lines.append(_line(["-" * w for w in widths], widths))
    lines.extend(_line(row, widths) for row in document.rows)
    if document.notes:
        lines.extend(["", *document.notes])
    return "\n".join(lines) + "\n"


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(
        cell.ljust(width) for cell, width in zip(cells, widths, strict=True)
    ).rstrip()


def _json(document: Document) -> str:
    if document.json is not None:
        return document.json
    data = {
        "title": document.title,
        "rows": [
            dict(zip(document.columns, row, strict=True))
            for row in document.rows
        ],
        "notes": list(document.notes),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _csv(document: Document) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in document.columns])
    writer.writerows([safe_cell(c) for c in row] for row in document.rows)
    return buffer.getvalue()


def _markdown(document: Document) -> str:
    def row(cells: Sequence[str]) -> str:
        escaped = (c.replace("|", "\\|").replace("\n", " ") for c in cells)
        return "| " + " | ".join(escaped) + " |"

    lines = [f"## {document.title}", "", row(document.columns)]
    lines.append("|" + "|".join("---" for _ in document.columns) + "|")
    lines.extend(row(cells) for cells in document.rows)
    if document.notes:
        lines.extend(
            ["", *(f"- {note.lstrip('- ')}" for note in document.notes)]
        )
    return "\n".join(lines) + "\n"


_RENDER: Final[dict[str, Callable[[Document], str]]] = {
    "text": _text,
    "json": _json,
    "csv": _csv,
    "markdown": _markdown,
}


def _xlsx(document: Document) -> bytes:
    openpyxl = require("openpyxl", extra="excel", feature="writing Excel")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "kttt"
    sheet.append([document.title])
    sheet.append(list(document.columns))
    for row in document.rows:
        sheet.append([safe_cell(cell) for cell in row])
    if document.notes:
        notes = workbook.create_sheet("notes")
        for note in document.notes:
            notes.append([safe_cell(note)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
