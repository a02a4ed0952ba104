"""Programme spreadsheets on disk: CSV, and Excel through the ``excel`` extra.

`read_programme` reads a ``.csv`` (any encoding and delimiter the data
layer recognises) or an ``.xlsx`` file into a `TargetSet`;
`write_programme` and `programme_to_csv` write one back, so that reading
what was written gives an equal set.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import zipfile

from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pendulum

from kttt import _data
from kttt.errors import DataError, KtttError, ValidationError
from kttt.sources import Source
from kttt.targets._cells import write_day, write_number
from kttt.targets._indicators import Catalogue, Indicator
from kttt.targets._sets import TargetSet
from kttt.targets._sheet import read_grid
from kttt.targets._sheet_layout import COLUMNS, Grid, Line, split_blocks
from kttt.targets._target import Target


#: A cell as written: text, or a number for Excel.
_Cell = str | int | float


def read_programme(
    path: str | os.PathLike[str], *, catalogue: Catalogue | None = None
) -> TargetSet:
    """Read a programme spreadsheet (``.csv`` or ``.xlsx``) into a set.

    See :doc:`/guides/province-programme` for the layout. Indicators are
    those the sheet defines, then *catalogue*'s (default: the built-in
    catalogue).

    Raises:
        InvalidFileError: Listing every problem of the sheet, each with
            its row (as a spreadsheet program numbers it) and column.
        DataError: If the file cannot be read, or ``.xlsx`` is read
            without openpyxl (``pip install kttt[excel]``).
    """
    file = str(Path(path))
    if Path(path).suffix.lower() == ".xlsx":
        return read_grid(_xlsx_grid(path, file), catalogue)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise DataError("file", file, f"cannot read: {error}") from None
    return programme_from_csv(
        _data.decode(data, file=file), file=file, catalogue=catalogue
    )


def programme_from_csv(
    text: str, *, file: str | None = None, catalogue: Catalogue | None = None
) -> TargetSet:
    """Read a programme sheet from CSV text, as `read_programme` does.

    Raises:
        InvalidFileError: Listing every problem of the sheet.
        DataError: If the text is not a programme sheet.
        ValidationError: If *text* or *file* is not text.
    """
    if not isinstance(text, str):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ValidationError("text", text, "must be CSV text")
    if file is not None and not isinstance(file, str):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ValidationError("file", file, "must be a file name, as text")
    name = file or "csv"
    delimiter = _data.sniff_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[tuple[int, Sequence[str]]] = []
    ends: list[int] = []
    try:
        for number, cells in enumerate(reader, start=1):
            records.append((number, cells))
            ends.append(reader.line_num)
    except csv.Error as error:
        raise DataError(
            "csv", None, f"not CSV: {error}", row=len(records) + 1, file=name
        ) from None
    head, header = split_blocks(records, name)
    lines = text.splitlines(keepends=True)
    block = "".join(lines[ends[header - 1] if header else 0 :])
    first = records[header][0]
    try:
        table = _data.read_csv(block, file=name, delimiter=delimiter)
    except KtttError as error:
        row = None if error.row is None else first + error.row
        raise _data.as_data_error(error, file=name, row=row) from None
    rows = [Line(first + number, cells) for number, cells in table.rows]
    return read_grid(Grid(file, head, first, table.columns, rows), catalogue)


def _openpyxl(file: str) -> ModuleType:
    try:
        import openpyxl  # noqa: PLC0415 - an optional extra, loaded on use
    except ImportError:
        raise DataError(
            "file",
            file,
            "reading or writing .xlsx needs openpyxl: pip install kttt[excel]",
        ) from None
    return openpyxl


def _xlsx_grid(path: str | os.PathLike[str], file: str) -> Grid:
    openpyxl = _openpyxl(file)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
        raise DataError("file", file, f"not an .xlsx file: {error}") from None
    try:
        sheet = book.worksheets[0]
        records = [
            (number, [_text(value) for value in values])
            for number, values in enumerate(
                sheet.iter_rows(values_only=True), start=1
            )
        ]
    finally:
        book.close()
    head, header = split_blocks(records, file)
    first, names = records[header]
    while names and not names[-1].strip():
        names = names[:-1]
    columns = tuple(name.strip() for name in names)
    rows: list[Line] = []
    for number, cells in records[header + 1 :]:
        if not any(cell.strip() for cell in cells):
            continue
        extra = [c for c in cells[len(columns) :] if c.strip()]
        if extra:
            raise DataError(
                "cells",
                extra,
                "a cell beyond the header's columns",
                row=number,
                file=file,
            )
        rows.append(Line(number, dict(zip(columns, cells, strict=False))))
    return Grid(file, head, first, columns, rows)


def _text(value: object) -> str:
    """Return an Excel cell's value as the text a CSV cell would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return write_number(float(value))
    if isinstance(value, dt.date):
        return write_day(_day(value))
    return str(value)


def _day(value: dt.date) -> pendulum.Date:
    return pendulum.Date(value.year, value.month, value.day)


# --- writing -----------------------------------------------------------------


def programme_rows(target_set: TargetSet) -> list[list[_Cell]]:
    """Return the sheet of *target_set*: the programme block, then targets.

    Numbers are numbers (for Excel); `programme_to_csv` writes them as
    Vietnamese text.
    """
    head: list[list[_Cell]] = [["field", "value"]]
    head.append(["code", target_set.code])
    head.append(["title", target_set.title])
    if target_set.scope is not None:
        head.append(["scope", target_set.scope.name])
        head.append(["era", target_set.scope.era.value])
    if target_set.adopted is not None:
        head.append(["adopted", write_day(target_set.adopted)])
    if target_set.tolerance is not None:
        head.append(["tolerance", target_set.tolerance.describe()])
    head.extend(
        [field, value]
        for field, value in _source_cells(target_set.source).items()
        if value
    )
    builtin = Catalogue.builtin()
    rows = [
        [cells.get(column, "") for column in COLUMNS]
        for cells in (
            _target_cells(target, target_set, builtin)
            for target in target_set.targets
        )
    ]
    return [*head, [], list(COLUMNS), *rows]


def _source_cells(source: Source) -> dict[str, str]:
    return {
        "source": source.document or "",
        "clause": source.clause or "",
        "source_title": source.title or "",
        "source_url": source.url or "",
        "source_note": source.note or "",
        "source_retrieved": ""
        if source.retrieved is None
        else write_day(source.retrieved),
    }


def _indicator_cells(indicator: Indicator) -> dict[str, _Cell]:
    natural_lower, natural_upper = indicator.unit.natural_bounds
    cells: dict[str, _Cell] = {
        "label_vi": indicator.label_vi,
        "label_en": indicator.label_en,
        "unit": indicator.unit.value,
        "direction": indicator.direction.value,
        "of": indicator.of or "",
    }
    if indicator.lower is not None and indicator.lower != natural_lower:
        cells["minimum"] = indicator.lower
    if indicator.upper is not None and indicator.upper != natural_upper:
        cells["maximum"] = indicator.upper
    return cells


def _target_cells(
    target: Target, target_set: TargetSet, builtin: Catalogue
) -> dict[str, _Cell]:
    indicator = target.indicator
    cells: dict[str, _Cell] = {
        "indicator": indicator.code,
        "year": target.horizon,
        "comparator": target.comparator.label_vi,
        "form": target.form.value,
        "text_vi": target.text_vi or "",
    }
    if (
        indicator.code not in builtin
        or builtin.get(indicator.code) != indicator
    ):
        cells.update(_indicator_cells(indicator))
    for name in ("value", "upper", "base_year", "base_value"):
        number = getattr(target, name)
        if number is not None:
            cells[name] = number
    if (
        target.tolerance is not None
        and target.tolerance != target_set.tolerance
    ):
        cells["tolerance"] = target.tolerance.describe()
    if target.source != target_set.source:
        cells.update(_source_cells(target.source))
    return cells


def programme_to_csv(target_set: TargetSet) -> str:
    """Return the programme sheet of *target_set* as CSV text.

    `programme_from_csv` reads it back into an equal set.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in programme_rows(target_set):
        writer.writerow(
            write_number(cell) if isinstance(cell, float) else cell
            for cell in row
        )
    return buffer.getvalue()


def write_programme(
    target_set: TargetSet, path: str | os.PathLike[str]
) -> None:
    """Write the programme sheet of *target_set* to *path*.

    An ``.xlsx`` path is written with openpyxl (``pip install
    kttt[excel]``); any other as CSV in UTF-8 with a byte-order mark, which
    Excel opens with its Vietnamese letters intact.

    Raises:
        DataError: If ``.xlsx`` is asked for without openpyxl.
    """
    if Path(path).suffix.lower() != ".xlsx":
        Path(path).write_text(
            programme_to_csv(target_set), encoding="utf-8-sig", newline=""
        )
        return
    openpyxl = _openpyxl(str(path))
    book = openpyxl.Workbook()
    sheet = book.active
    for row in programme_rows(target_set):
        # Excel keeps whole numbers exactly; other numbers are written as
        # text, which `read_programme` reads back digit for digit.
        sheet.append([_excel(cell) for cell in row])
    book.save(path)


def _excel(cell: _Cell) -> _Cell:
    if isinstance(cell, float):
        return (
            int(cell)
            if cell.is_integer() and abs(cell) < 2**53
            else (write_number(cell))
        )
    return cell
