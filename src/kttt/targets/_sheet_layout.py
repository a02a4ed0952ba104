"""A programme sheet's layout: its two blocks, their fields and columns.

The sheet has two blocks separated by a blank row. The first, under a
``field``/``value`` header, gives the programme (`SET_FIELDS`); the
second, under its own header (`COLUMNS`), has one row per target. Rows
are numbered as a spreadsheet program shows them, the first row being 1.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final, NamedTuple

from kttt import _data
from kttt.errors import DataError, InvalidFileError, KtttError, ParseError


#: The fields of the programme block, in the order they are written.
SET_FIELDS: Final = (
    "code",
    "title",
    "scope",
    "era",
    "adopted",
    "tolerance",
    "source",
    "clause",
    "source_title",
    "source_url",
    "source_note",
    "source_retrieved",
)
#: The cells that define an indicator the catalogue lacks.
INDICATOR_COLUMNS: Final = (
    "label_vi",
    "label_en",
    "unit",
    "direction",
    "of",
    "minimum",
    "maximum",
)
#: The cells of a target's (or the programme's) source.
SOURCE_COLUMNS: Final = (
    "source",
    "clause",
    "source_title",
    "source_url",
    "source_note",
    "source_retrieved",
)
#: The columns of the targets block, in the order they are written.
COLUMNS: Final = (
    "indicator",
    *INDICATOR_COLUMNS,
    "year",
    "comparator",
    "value",
    "upper",
    "tolerance",
    "form",
    "base_year",
    "base_value",
    "text_vi",
    *SOURCE_COLUMNS,
)
#: The columns every targets block has.
REQUIRED: Final = ("indicator", "year", "comparator")


class Line(NamedTuple):
    """One row of a sheet: its number and its cells by column."""

    number: int
    cells: Mapping[str, str]


class Grid(NamedTuple):
    """A sheet split into its two blocks."""

    #: The file, for errors.
    file: str | None
    #: The rows of the programme block (without its header).
    head: Sequence[tuple[int, Sequence[str]]]
    #: The targets block: the row of its header, its columns and rows.
    header_row: int
    columns: tuple[str, ...]
    rows: Sequence[Line]


class Problems:
    """The problems found so far, each located at a row and column."""

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.found: list[DataError] = []

    def add(self, error: KtttError, row: int, column: str) -> None:
        """Record *error* at *row* and *column*."""
        self.found.append(
            _data.as_data_error(error, file=self.file, row=row, column=column)
        )

    def raise_any(self) -> None:
        """Raise every problem found so far, if there is any."""
        if self.found:
            raise InvalidFileError.of(list(self.found), file=self.file)


def split_blocks(
    records: Sequence[tuple[int, Sequence[str]]], file: str | None
) -> tuple[list[tuple[int, Sequence[str]]], int]:
    """Return the programme block's records and the targets header's index.

    *records* are the sheet's rows with their numbers; the programme block
    starts with a ``field``/``value`` header and ends at the first blank
    row.

    Raises:
        DataError: If the sheet does not have this layout.
    """
    filled = [i for i, (_, cells) in enumerate(records) if _filled(cells)]
    if not filled or [c.strip() for c in records[filled[0]][1][:2]] != [
        "field",
        "value",
    ]:
        raise DataError(
            "header",
            list(records[filled[0]][1]) if filled else [],
            "a programme sheet starts with a 'field', 'value' header",
            row=records[filled[0]][0] if filled else 1,
            file=file,
        )
    start = filled[0]
    end = next(
        (
            i
            for i in range(start + 1, len(records))
            if not _filled(records[i][1])
        ),
        len(records),
    )
    header = next((i for i in filled if i > end), None)
    if header is None:
        raise DataError(
            "header",
            None,
            "after a blank row, the targets block starts with its header "
            f"({', '.join(REQUIRED)}, ...)",
            row=records[-1][0],
            file=file,
        )
    return list(records[start + 1 : end]), header


def _filled(cells: Sequence[str]) -> bool:
    return any(cell.strip() for cell in cells)


def head_of(
    records: Sequence[tuple[int, Sequence[str]]], problems: Problems
) -> dict[str, tuple[int, str]]:
    """Return the programme block as field -> (row, value)."""
    head: dict[str, tuple[int, str]] = {}
    for number, cells in records:
        field = cells[0].strip() if cells else ""
        value = cells[1].strip() if len(cells) > 1 else ""
        if field not in SET_FIELDS:
            problems.add(
                ParseError(
                    field, value, f"fields are {', '.join(SET_FIELDS)}"
                ),
                number,
                "field",
            )
        elif field in head:
            problems.add(
                ParseError(field, value, "each field appears once"),
                number,
                "field",
            )
        elif any(cell.strip() for cell in cells[2:]):
            problems.add(
                ParseError(field, list(cells), "a field has one value"),
                number,
                "value",
            )
        else:
            head[field] = (number, value)
    return head


def check_columns(
    columns: Sequence[str], row: int, problems: Problems
) -> None:
    """Record a problem for each unknown, repeated or missing column."""
    seen: set[str] = set()
    for column in columns:
        if column not in COLUMNS:
            problems.add(
                ParseError(
                    "header", column, f"columns are {', '.join(COLUMNS)}"
                ),
                row,
                column,
            )
        elif column in seen:
            problems.add(
                ParseError("header", column, "a column appears once"),
                row,
                column,
            )
        seen.add(column)
    for column in REQUIRED:
        if column not in seen:
            problems.add(
                ParseError("header", list(columns), "a required column"),
                row,
                column,
            )
