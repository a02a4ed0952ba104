"""The province table: read from package data, checked, indexed for lookups."""

from __future__ import annotations

import re

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Final, TypedDict, TypeVar, cast

import attrs
import pendulum

from kttt._data import Dataset, Envelope, Row, parse_iso_date, text
from kttt._labels import LabelledEnum
from kttt.errors import DataError, KtttError, ValidationError
from kttt.geography._eras import PREFIXES, Era, ProvinceKind
from kttt.sources import Source
from kttt.text import fold


#: A name in the table: printable, not blank, no space around it.
_NAME: Final = text(unpadded=True)

#: The two digits of an NSO code.
CODE: Final = re.compile(r"\d{2}")

#: The columns of ``provinces.csv``, in order.
COLUMNS: Final = (
    "era",
    "code",
    "name",
    "full_name",
    "kind",
    "successor_code",
    "predecessor_codes",
    "former_names",
    "renamed_on",
    "aliases",
    "area_km2",
    "population",
    "sources",
)
_E = TypeVar("_E", bound=LabelledEnum)


class UnitFields(TypedDict):
    """The keyword arguments of one `kttt.geography.Province`."""

    code: str
    era: Era
    name: str
    full_name: str
    kind: ProvinceKind
    former_names: tuple[str, ...]
    renamed_on: pendulum.Date | None
    aliases: tuple[str, ...]
    area_km2: Decimal | None
    population: int | None
    sources: tuple[Source, ...]


@attrs.frozen
class Table:
    """The units of both eras, the merge map and the lookup index."""

    #: (era, code) -> the fields of that unit.
    rows: dict[tuple[Era, str], UnitFields]
    #: Old code -> new code.
    successor: dict[str, str]
    #: New code -> old codes.
    predecessors: dict[str, tuple[str, ...]]
    #: Era -> lookup key -> code.
    index: dict[Era, dict[str, str]]


def lookup_key(text: str) -> str:
    """Return the lookup key of a name or code.

    `kttt.text.fold` removes diacritics and case; dots and dashes are
    dropped too, so "TP.HCM", "Bà Rịa–Vũng Tàu" and "Ba Ria Vung Tau" meet
    their table spellings.
    """
    return " ".join(re.sub(r"[-.]", " ", fold(text)).split())


def _spellings(unit: UnitFields) -> list[str]:
    name = unit["name"]
    extra = (
        [f"TP {name}", f"{name} City"]
        if unit["kind"] is ProvinceKind.CITY
        else [f"{name} Province"]
    )
    return [
        unit["code"],
        name,
        unit["full_name"],
        *extra,
        *unit["former_names"],
        *unit["aliases"],
    ]


def _parse_table(envelope: Envelope) -> Table:
    """Read and check the province table.

    Raises:
        DataError: Naming the file, the row, the column and the value.
    """
    rows: dict[tuple[Era, str], UnitFields] = {}
    links: dict[tuple[Era, str], tuple[Row, tuple[str, ...]]] = {}
    for row in envelope:
        cells = _cells(row)
        unit, link = _parse_row(cells, envelope, row)
        place = (unit["era"], unit["code"])
        if place in rows:
            raise _bad(row, "code", unit["code"], "duplicate in its era")
        rows[place] = unit
        links[place] = (row, link)
    table_file = envelope.rows[0].file if envelope.rows else envelope.file
    _check_counts(rows, table_file)
    successor, predecessors = _check_merge_map(links)
    return Table(
        rows=rows,
        successor=successor,
        predecessors=predecessors,
        index=_build_index(rows, links),
    )


def _cells(row: Row) -> Mapping[str, str]:
    cells = cast("Mapping[str, str]", row.data)
    if tuple(cells) != COLUMNS:
        raise row.locate(
            DataError(
                "header",
                list(cells),
                f"the columns must be {', '.join(COLUMNS)}",
            )
        )
    return cells


def _bad(row: Row, column: str, value: object, rule: str) -> DataError:
    return row.locate(DataError(column, value, rule))


def _parse_row(
    cells: Mapping[str, str], envelope: Envelope, row: Row
) -> tuple[UnitFields, tuple[str, ...]]:
    era = _enum(Era, cells, "era", row)
    kind = _enum(ProvinceKind, cells, "kind", row)
    code = cells["code"]
    if not CODE.fullmatch(code):
        raise _bad(row, "code", code, "an NSO code is two digits")
    name = _required(cells, "name", row)
    prefix = PREFIXES[kind]
    if cells["full_name"] != f"{prefix} {name}":
        raise _bad(
            row,
            "full_name",
            cells["full_name"],
            f"the full name of a {kind} is '{prefix} {name}'",
        )
    former = _split(cells, "former_names", "|", row)
    renamed_on = _date(cells, row)
    if bool(former) != (renamed_on is not None):
        raise _bad(
            row,
            "renamed_on",
            cells["renamed_on"],
            "renamed_on is given exactly when former_names are",
        )
    keys = _split(cells, "sources", " ", row)
    if not keys:
        raise _bad(row, "sources", "", "every row names its sources")
    unit = UnitFields(
        code=code,
        era=era,
        name=name,
        full_name=cells["full_name"],
        kind=kind,
        former_names=former,
        renamed_on=renamed_on,
        aliases=_split(cells, "aliases", "|", row),
        area_km2=_area(cells, row),
        population=_population(cells, row),
        sources=tuple(_source(envelope, k, row) for k in keys),
    )
    return unit, _link(cells, old=era is Era.PRE_2025, row=row)


def _enum(
    cls: type[_E], cells: Mapping[str, str], column: str, row: Row
) -> _E:
    try:
        return cls(cells[column])
    except ValueError:
        codes = ", ".join(repr(member.value) for member in cls)
        raise _bad(
            row, column, cells[column], f"must be one of {codes}"
        ) from None


def _required(cells: Mapping[str, str], column: str, row: Row) -> str:
    with row.reading(column):
        _NAME.check(column, cells[column])
    return cells[column]


def _split(
    cells: Mapping[str, str], column: str, sep: str, row: Row
) -> tuple[str, ...]:
    if not cells[column]:
        return ()
    parts = tuple(cells[column].split(sep))
    for part in parts:
        try:
            _NAME.check(column, part)
        except ValidationError:
            raise _bad(
                row,
                column,
                cells[column],
                f"items are separated by one {sep!r}",
            ) from None
    return parts


def _date(cells: Mapping[str, str], row: Row) -> pendulum.Date | None:
    text = cells["renamed_on"]
    if not text:
        return None
    with row.reading("renamed_on"):
        return parse_iso_date(text, field="renamed_on")


def _area(cells: Mapping[str, str], row: Row) -> Decimal | None:
    text = cells["area_km2"]
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal(-1)
    if not (value.is_finite() and value > 0) or "e" in text.lower():
        raise _bad(
            row, "area_km2", text, "an area is a positive decimal like 12.5"
        )
    return value


def _population(cells: Mapping[str, str], row: Row) -> int | None:
    text = cells["population"]
    if not text:
        return None
    if not (
        text.isascii() and text.isdigit() and len(text) < 12 and int(text)
    ):
        raise _bad(
            row, "population", text, "a population is a positive integer"
        )
    return int(text)


def _source(envelope: Envelope, name: str, row: Row) -> Source:
    try:
        return envelope.source(name)
    except KtttError as error:
        raise _bad(row, "sources", name, error.rule) from None


def _link(cells: Mapping[str, str], *, old: bool, row: Row) -> tuple[str, ...]:
    # The 63 name one successor; the 34 name their predecessors.
    mine, other = (
        ("successor_code", "predecessor_codes")
        if old
        else ("predecessor_codes", "successor_code")
    )
    if cells[other]:
        raise _bad(row, other, cells[other], "must be empty in this era")
    codes = _split(cells, mine, " ", row)
    if not codes or any(not CODE.fullmatch(code) for code in codes):
        raise _bad(row, mine, cells[mine], "one or more two-digit codes")
    if old and len(codes) != 1:
        raise _bad(row, mine, cells[mine], "an old unit has one successor")
    return codes


def _check_counts(rows: Mapping[tuple[Era, str], object], file: str) -> None:
    for era in Era:
        count = sum(1 for e, _ in rows if e is era)
        if count != int(era.value):
            raise DataError(
                "era",
                era.value,
                f"has {count} rows, not {era.value}",
                column="era",
                file=file,
            )


def _check_merge_map(
    links: Mapping[tuple[Era, str], tuple[Row, tuple[str, ...]]],
) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    successor = {
        code: codes[0]
        for (era, code), (_, codes) in links.items()
        if era is Era.PRE_2025
    }
    predecessors = {
        code: codes
        for (era, code), (_, codes) in links.items()
        if era is Era.FROM_2025
    }
    for (era, code), (row, codes) in links.items():
        if era is Era.PRE_2025 and code not in predecessors.get(codes[0], ()):
            raise _bad(
                row,
                "successor_code",
                codes[0],
                "must be a unit of the 34 that lists this one as predecessor",
            )
        if era is Era.FROM_2025 and (
            code not in codes
            or any(successor.get(old) != code for old in codes)
        ):
            raise _bad(
                row,
                "predecessor_codes",
                " ".join(codes),
                "must be units of the 63 that name this one as successor, "
                "including its own code",
            )
    return successor, predecessors


def _build_index(
    rows: Mapping[tuple[Era, str], UnitFields],
    links: Mapping[tuple[Era, str], tuple[Row, object]],
) -> dict[Era, dict[str, str]]:
    index: dict[Era, dict[str, str]] = {era: {} for era in Era}
    for (era, code), unit in rows.items():
        for spelling in _spellings(unit):
            key = lookup_key(spelling)
            # "Kontum", "Daklak", "Danang": names run together match too,
            # and must not collide with another unit's in the same era.
            for each in dict.fromkeys((key, key.replace(" ", ""))):
                found = index[era].setdefault(each, code)
                if found != code:
                    raise _bad(
                        links[era, code][0],
                        "name",
                        spelling,
                        f"the same name as unit {found} in its era",
                    )
    return index


#: The province table (``kttt/data/geography/provinces.json`` and the
#: ``provinces.csv`` beside it).
PROVINCES: Final = Dataset("geography/provinces.json", _parse_table)
