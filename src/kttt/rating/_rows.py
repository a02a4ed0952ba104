"""Score sheets in tables: the fields of a sheet and the cells of a CSV row.

`SheetReader` reads the rows of one table (its columns known), so that
`kttt.rating.ScoreSheet.from_row` and the batch path of
`kttt.rating.rate_csv` read cells the same way and refuse the same cells
with the same errors.
"""

from __future__ import annotations

import contextlib
import decimal
import operator

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final, NamedTuple, cast

from kttt import _data
from kttt.errors import ParseError, ValidationError
from kttt.geography import Era, Province
from kttt.organizations import OrganizationKind, Sector
from kttt.rating._bands import MONTHS_IN_YEAR
from kttt.rating._exact import EXACT, check_points
from kttt.rating._points import (
    HUNDREDTHS,
    NO_MEASURES,
    Points,
    general_points,
    layout_of,
    measures_of,
    picker,
    remember_in,
)
from kttt.text import nfc, parse_flag, parse_number


#: The first year a score sheet may rate. Older records predate the
#: collective-economy statistics kttt works with.
FIRST_RATED_YEAR: Final = 1990
#: The last year a score sheet may rate: the horizon of every target kttt
#: knows (the 2045 vision) with room to spare.
LAST_RATED_YEAR: Final = 2100


def _months(field: str, value: object) -> None:
    """Refuse anything but a whole number of months of the year, 0 to 12."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 0 <= value <= MONTHS_IN_YEAR
    ):
        raise ValidationError(
            field, value, "a whole number of months, 0 to 12"
        )


#: The validators of a score sheet's fields (also used on table cells).
ORGANIZATION: Final = _data.text()
KIND: Final = _data.instance_of(
    OrganizationKind, "an OrganizationKind (use .parse for text)"
)
SECTOR: Final = _data.instance_of(Sector, "a Sector (use .parse for text)")
YEAR: Final = _data.year_in(FIRST_RATED_YEAR, LAST_RATED_YEAR, "a rated year")
PROVINCE: Final = _data.optional(
    _data.instance_of(Province, "a Province or None (use Province.get)")
)
SCHEME: Final = _data.optional(_data.text(unpadded=True))
MONTHS: Final = _data.checked(_months)
FLAG: Final = _data.flag()


class SheetFields(NamedTuple):
    """The fields of a score sheet, read and checked (see `ScoreSheet`)."""

    organization: str
    kind: OrganizationKind
    sector: Sector
    year: int
    province: Province | None
    scheme: str | None
    points: Points
    measures: Any
    months_operating: int
    months_suspended: int
    sanctioned: bool
    special_control: bool
    licence_revocation: bool


#: The columns of a table of sheets other than points and measures.
FIELD_COLUMNS: Final = (
    "organization",
    "kind",
    "sector",
    "year",
    "province",
    "scheme",
    "months_operating",
    "months_suspended",
    "sanctioned",
    "special_control",
    "licence_revocation",
)
_REQUIRED: Final = ("organization", "kind", "sector", "year")
_FLAGS: Final = ("sanctioned", "special_control", "licence_revocation")
_PREFIXES: Final = frozenset({"points", "measures"})
_UNKNOWN: Final = (
    "unknown column; use organization, kind, sector, year, province, "
    "scheme, the eligibility facts, points.<code> or measures.<name>"
)
#: The longest cell of a number: twice `kttt._data.MAX_DIGITS` leaves room
#: for separators and a magnitude word.
_LONGEST: Final = 2 * _data.MAX_DIGITS
#: Cell texts of numbers (written the Vietnamese way) to their hundredths.
_CELL_HUNDREDTHS: dict[str, int] = {}


class SheetReader:
    """Reads score sheets from the rows of one table.

    The columns are those of `kttt.rating.ScoreSheet.from_row`; names,
    kinds, provinces and numbers already read are looked up, not read
    again.
    """

    def __init__(self, columns: Sequence[str]) -> None:
        self.columns = tuple(columns)
        self._width = len(self.columns)
        known = set(FIELD_COLUMNS)
        self._unknown = next(
            (
                (index, column)
                for index, column in enumerate(self.columns)
                if column not in known and not _is_valued(column)
            ),
            None,
        )
        # Absent columns read as the empty cell appended to every row.
        where = {column: i for i, column in enumerate(self.columns)}
        self._fields = operator.itemgetter(
            *(where.get(c, self._width) for c in FIELD_COLUMNS)
        )
        points = sorted(
            (column.partition(".")[2], index)
            for index, column in enumerate(self.columns)
            if column.partition(".")[0] == "points" and _is_valued(column)
        )
        self._codes = tuple(code for code, _ in points)
        self._point_cells = picker([index for _, index in points])
        self._full = layout_of(self._codes, "points") if points else None
        self._measures = tuple(
            (index, column)
            for index, column in enumerate(self.columns)
            if column.partition(".")[0] == "measures" and _is_valued(column)
        )
        self._kinds: dict[str, OrganizationKind] = {}
        self._sectors: dict[str, Sector] = {}
        self._provinces: dict[tuple[str, Era], Province] = {}
        self._numbers: dict[tuple[str, str], int] = {}
        self._flags: dict[str, bool] = {}

    def read(self, cells: Sequence[str]) -> SheetFields:
        """Return the fields of the sheet in *cells* (one row, in order).

        Empty cells count as not given; a row shorter than the header is
        padded with empty cells.

        Raises:
            ParseError: If a cell cannot be read, a required cell is
                empty, the row has more cells than columns or a column is
                unknown; the field is the column.
            ValidationError: If the values break a rule of a score sheet.
        """
        if len(cells) > self._width:
            raise ParseError(
                "row", list(cells[self._width :]), "more cells than columns"
            )
        row = [*map(str.strip, cells)]
        row += [""] * (self._width - len(cells) + 1)
        if self._unknown is not None:
            index, column = self._unknown
            raise ParseError(column, row[index], _UNKNOWN)
        (
            organization,
            kind,
            sector,
            year,
            province,
            scheme,
            operating,
            suspended,
            *flags,
        ) = self._fields(row)
        if not (organization and kind and sector and year):
            for column, cell in zip(
                _REQUIRED, (organization, kind, sector, year), strict=True
            ):
                if not cell:
                    raise ParseError(
                        column, "", "required column is missing or empty"
                    )
        rated = self._whole(year, "year", YEAR)
        organization = nfc(organization)
        if not organization.isprintable():
            ORGANIZATION.check("organization", organization)
        if scheme:
            SCHEME.check("scheme", scheme)
        return SheetFields(
            organization,
            self._kind(kind),
            self._sector(sector),
            rated,
            self._province(province, rated) if province else None,
            scheme or None,
            self._points(row),
            self._read_measures(row) if self._measures else NO_MEASURES,
            self._whole(operating or "12", "months_operating", MONTHS),
            self._whole(suspended or "0", "months_suspended", MONTHS),
            *(
                self._flag(cell, column) if cell else False
                for cell, column in zip(flags, _FLAGS, strict=True)
            ),
        )

    def _whole(self, cell: str, field: str, rule: _data.Validator) -> int:
        found = self._numbers.get((cell, field))
        if found is None:
            if not (cell.isascii() and cell.isdigit()):
                raise ParseError(field, cell, "must be a whole number")
            if len(cell) > _data.MAX_DIGITS:
                # int() refuses a long enough cell, and no year or month
                # count needs more digits.
                raise ParseError(
                    field, cell, f"has more than {_data.MAX_DIGITS} digits"
                )
            found = int(cell)
            rule.check(field, found)
            self._numbers[cell, field] = found
        return found

    def _flag(self, cell: str, field: str) -> bool:
        found = self._flags.get(cell)
        if found is None:
            found = self._flags[cell] = parse_flag(cell, field=field)
        return found

    def _kind(self, cell: str) -> OrganizationKind:
        found = self._kinds.get(cell)
        if found is None:
            found = self._kinds[cell] = OrganizationKind.parse(cell)
        return found

    def _sector(self, cell: str) -> Sector:
        found = self._sectors.get(cell)
        if found is None:
            found = self._sectors[cell] = Sector.parse(cell)
        return found

    def _province(self, cell: str, year: int) -> Province:
        # Looked up among the units in force at the end of the year.
        era = Era.PRE_2025 if year < 2025 else Era.FROM_2025
        found = self._provinces.get((cell, era))
        if found is None:
            found = Province.get(cell, era=era)
            self._provinces[cell, era] = found
        return found

    def _points(self, row: list[str]) -> Points:
        texts: tuple[str, ...] = self._point_cells(row)
        if self._full is not None and "" not in texts:
            known = tuple(map(_CELL_HUNDREDTHS.get, texts))
            if None not in known:
                whole = cast("tuple[int, ...]", known)
                return Points(
                    self._full, self._full.pack_small(whole), HUNDREDTHS
                )
        given = [
            (code, text)
            for code, text in zip(self._codes, texts, strict=True)
            if text
        ]
        layout = layout_of(tuple(code for code, _ in given), "points")
        values = tuple(
            _points_cell(text, f"points.{code}") for code, text in given
        )
        return general_points(layout, values, "points")

    def _read_measures(self, row: list[str]) -> Any:
        return measures_of(
            {
                column.partition(".")[2]: read_measure(row[index], column)
                for index, column in self._measures
                if row[index]
            }
        )


def _is_valued(column: str) -> bool:
    prefix, _, name = column.partition(".")
    return bool(name) and prefix in _PREFIXES


def read_number(cell: str, field: str) -> Decimal:
    """Read a number cell written the Vietnamese way, exactly.

    Raises:
        ParseError: If the cell is not such a number or is too long.
    """
    if len(cell) > _LONGEST:
        raise ParseError(
            field, cell, f"has more than {_data.MAX_DIGITS} digits"
        )
    with decimal.localcontext(EXACT):
        return parse_number(cell, field=field)


def _points_cell(cell: str, field: str) -> Decimal:
    value = check_points(field, read_number(cell, field))
    remember_in(_CELL_HUNDREDTHS, cell, value)
    return value


def read_measure(cell: str, field: str) -> Decimal | bool:
    """Read a measure cell: a number ("1" is one) or yes/no in words.

    Raises:
        ParseError: If the cell is neither.
    """
    if not cell.strip().isdigit():
        with contextlib.suppress(ParseError):
            return parse_flag(cell, field=field)
    return read_number(cell, field)
