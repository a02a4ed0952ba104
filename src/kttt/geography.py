"""Vietnam's province-level units: the 63 until 2025 and the 34 after.

Resolution 202/2025/QH15 merged the 63 provinces and centrally-run cities
into 34 units, in force from 1 July 2025 (`MERGE_DATE`).
Each unit is a `Province` value with its national statistics office (NSO)
code; every one of the 63 names the unit it merged into
(`Province.successor`) and every one of the 34 the units it was formed from
(`Province.predecessors`).

Look a unit up by its code or by its name, written with or without the
"Tỉnh"/"Thành phố" prefix, with or without diacritics, in any Unicode
normalisation:

>>> Province.get("Ninh Thuan").successor().full_name
'Tỉnh Khánh Hòa'

The table is package data (``kttt/data/geography/provinces.csv``) with its
sources (``provinces.sources.json``), read once and validated on load.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import functools
import io
import json
import re

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Final, TypedDict, TypeVar, cast

import attrs
import pendulum

from kttt._labels import LabelledEnum
from kttt.errors import DataError, UnknownProvinceError, ValidationError
from kttt.sources import Source
from kttt.text import fold, nfc


__all__ = ["MERGE_DATE", "Era", "Province", "ProvinceKind"]

#: The day the 34 units replaced the 63, by Resolution 202/2025/QH15
#: (adopted on 12 June 2025 and in force on adoption, with the new
#: provincial authorities operating from 1 July 2025; source
#: ``nq202-merge-map`` in ``provinces.sources.json``).
MERGE_DATE: Final = pendulum.Date(2025, 7, 1)


class ProvinceKind(LabelledEnum):
    """Whether a province-level unit is a province or a centrally-run city."""

    PROVINCE = "province", "tỉnh", "province"
    CITY = "city", "thành phố trực thuộc trung ương", "centrally-run city"


class Era(LabelledEnum):
    """Which map of province-level units: the 63 before or the 34 after 2025.

    The code is the number of units.
    """

    PRE_2025 = (
        "63",
        "63 tỉnh, thành phố (đến 30/6/2025)",
        "the 63 units (until 30 June 2025)",
    )
    FROM_2025 = (
        "34",
        "34 tỉnh, thành phố (từ 1/7/2025)",
        "the 34 units (from 1 July 2025)",
    )

    @classmethod
    def on(cls, date: dt.date) -> Era:
        """Return the era in force on *date*.

        >>> import pendulum
        >>> Era.on(pendulum.Date(2025, 6, 30))
        <Era.PRE_2025: '63'>

        Raises:
            ValidationError: If *date* is not a date.
        """
        return (
            cls.PRE_2025 if _check_date(date) < MERGE_DATE else cls.FROM_2025
        )


#: The official prefix of the full name of each kind of unit.
_PREFIXES: Final = {
    ProvinceKind.PROVINCE: "Tỉnh",
    ProvinceKind.CITY: "Thành phố",
}


def _check_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(
            "date", value, "must be a date (pendulum.Date), not a time"
        )
    return value


def _check_code(
    _: object, attribute: attrs.Attribute[str], value: object
) -> None:
    if not (isinstance(value, str) and _CODE.fullmatch(value)):
        raise ValidationError(
            attribute.name, value, "an NSO province code is two digits"
        )


def _check_era_field(_: object, __: object, value: Era) -> None:
    _check_era(value)


def _text(value: str) -> str:
    # Refuse non-text with a KtttError before normalising.
    if not isinstance(value, str):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ValidationError("province", value, "a name is text")
    return nfc(value)


def _texts(values: Iterable[str]) -> tuple[str, ...]:
    if not isinstance(values, tuple | list):
        raise ValidationError("province", values, "names are a tuple")
    return tuple(_text(value) for value in values)


@attrs.frozen(kw_only=True)
class Province:
    """A province-level unit: a province (tỉnh) or a centrally-run city.

    Get one with `Province.get`, `Province.all` or `Province.on`.
    Only the units in the built-in table exist: constructing a `Province`
    whose fields differ from the table raises an error.

    >>> hue = Province.get("Thừa Thiên Huế")
    >>> hue.full_name, hue.era.value, hue.successor().era.value
    ('Thành phố Huế', '63', '34')
    """

    #: The two-digit NSO code (``"01"`` is Hà Nội).
    code: str = attrs.field(validator=_check_code)
    #: Whether this is one of the 63 units or one of the 34.
    era: Era = attrs.field(validator=_check_era_field)
    #: The short name (``"Hà Nội"``).
    name: str = attrs.field(converter=_text)
    #: The official name with its prefix (``"Thành phố Hà Nội"``).
    full_name: str = attrs.field(converter=_text)
    #: Province or centrally-run city.
    kind: ProvinceKind
    #: Names the unit had earlier in its era, before `renamed_on`
    #: (``"Thừa Thiên Huế"`` until 31 December 2024); lookups accept them.
    former_names: tuple[str, ...] = attrs.field(
        default=(), converter=_texts, repr=False
    )
    #: The day the current name took effect, if it changed within the era.
    renamed_on: pendulum.Date | None = attrs.field(default=None, repr=False)
    #: Other spellings that lookups accept (``"TP HCM"``, ``"Hanoi"``).
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_texts, repr=False
    )
    #: Area in km² as published with Resolution 202/2025/QH15 (the 34
    #: units only; `None` for the 63).
    area_km2: Decimal | None = attrs.field(default=None, repr=False)
    #: Population ("quy mô dân số") as published with Resolution
    #: 202/2025/QH15 (the 34 units only; `None` for the 63).
    #: These figures sum to about 112 million, on a broader basis than the
    #: statistics office's 101,3 million: do not mix them with its data.
    population: int | None = attrs.field(default=None, repr=False)
    #: Where the facts of this unit come from.
    sources: tuple[Source, ...] = attrs.field(default=(), repr=False)

    def __attrs_post_init__(self) -> None:
        table = _table()
        expected = table.rows.get((self.era, self.code))
        if expected is None:
            raise UnknownProvinceError(
                "code",
                self.code,
                f"no unit has this code among {self.era.label_en}",
            )
        for field, value in expected.items():
            if getattr(self, field) != value:
                raise ValidationError(
                    field,
                    getattr(self, field),
                    f"unit {self.code} of {self.era.label_en} has "
                    f"{field}={value!r}; use Province.get",
                )

    def __str__(self) -> str:
        return self.name

    @classmethod
    def get(cls, key: str, *, era: Era | None = None) -> Province:
        """Find a unit by its NSO code or by any form of its name.

        Names match with or without the "Tỉnh"/"Thành phố"/"TP" prefix,
        with or without diacritics, in either tone-mark convention
        ("Hoà"/"Hòa"), in NFC or NFD, ignoring case, dashes and dots;
        former names ("Thừa Thiên Huế") and the listed `aliases` match too.

        >>> Province.get("tinh ha giang").successor().name
        'Tuyên Quang'
        >>> Province.get("TP.HCM").predecessors()[0].name
        'Bình Dương'

        Args:
            key: A two-digit NSO code or a name.
            era: Search only this era. By default the 34 current units are
                searched first, then the 63.

        Raises:
            UnknownProvinceError: If no unit has this code or name.
        """
        eras = (Era.FROM_2025, Era.PRE_2025) if era is None else (era,)
        table = _table()
        wanted = _key(_check_key(key))
        for candidate in eras:
            code = table.index[_check_era(candidate)].get(wanted)
            if code is not None:
                return _units()[candidate, code]
        raise UnknownProvinceError("province", key, _not_found(wanted, eras))

    @classmethod
    def all(cls, era: Era = Era.FROM_2025) -> tuple[Province, ...]:
        """Return every unit of *era*, sorted by code.

        >>> len(Province.all()), len(Province.all(Era.PRE_2025))
        (34, 63)

        Raises:
            ValidationError: If *era* is not an `Era`.
        """
        return _units_of(_check_era(era))

    @classmethod
    def on(cls, date: dt.date) -> tuple[Province, ...]:
        """Return the units in force on *date*, sorted by code.

        The 63 units are taken to be in force on every day before
        `MERGE_DATE`: kttt does not model the changes before them.

        >>> import pendulum
        >>> len(Province.on(pendulum.Date(2025, 7, 1)))
        34

        Raises:
            ValidationError: If *date* is not a date.
        """
        return _units_of(Era.on(date))

    def in_force(self, date: dt.date) -> bool:
        """Tell whether this unit exists on *date*.

        Raises:
            ValidationError: If *date* is not a date.
        """
        return Era.on(date) is self.era

    def name_on(self, date: dt.date) -> str:
        """Return the name the unit had on *date*.

        >>> import pendulum
        >>> Province.get("46", era=Era.PRE_2025).name_on(
        ...     pendulum.Date(2024, 12, 31)
        ... )
        'Thừa Thiên Huế'

        Raises:
            ValidationError: If *date* is not a date.
        """
        day = _check_date(date)
        if self.renamed_on is not None and day < self.renamed_on:
            return self.former_names[0]
        return self.name

    def successor(self) -> Province:
        """Return the unit of the 34 this one became (itself if it is one).

        >>> Province.get("Quảng Bình").successor().name
        'Quảng Trị'
        """
        if self.era is Era.FROM_2025:
            return self
        return _units()[Era.FROM_2025, _table().successor[self.code]]

    def predecessors(self) -> tuple[Province, ...]:
        """Return the units of the 63 this one was formed from, by code.

        For one of the 63 this is ``(self,)``.

        >>> [p.name for p in Province.get("Khánh Hòa").predecessors()]
        ['Khánh Hòa', 'Ninh Thuận']
        """
        if self.era is Era.PRE_2025:
            return (self,)
        units = _units()
        return tuple(
            units[Era.PRE_2025, code]
            for code in _table().predecessors[self.code]
        )


# --- lookups ---------------------------------------------------------------

_CODE: Final = re.compile(r"\d{2}")


def _key(text: str) -> str:
    # fold() already removes diacritics and case; dots and dashes are
    # dropped too, so "TP.HCM", "Bà Rịa–Vũng Tàu" and "Ba Ria Vung Tau"
    # meet their table spellings.
    return " ".join(re.sub(r"[-.]", " ", fold(text)).split())


def _spellings(row: _Row) -> list[str]:
    name = row["name"]
    extra = (
        [f"TP {name}", f"{name} City"]
        if row["kind"] is ProvinceKind.CITY
        else [f"{name} Province"]
    )
    return [
        row["code"],
        name,
        row["full_name"],
        *extra,
        *row["former_names"],
        *row["aliases"],
    ]


def _not_found(wanted: str, eras: tuple[Era, ...]) -> str:
    table = _table()
    where = " or ".join(era.label_en for era in eras)
    for era in Era:
        code = table.index[era].get(wanted)
        if code is not None:
            name = table.rows[era, code]["name"]
            return (
                f"no unit of {where} has this code or name; "
                f"it names {name} ({code}) of {era.label_en}"
            )
    keys = {key: era for era in eras for key in table.index[era]}
    close = difflib.get_close_matches(wanted, keys, n=3, cutoff=0.75)
    names = dict.fromkeys(
        table.rows[keys[key], table.index[keys[key]][key]]["name"]
        for key in close
    )
    hint = f"; did you mean {', '.join(names)}?" if names else ""
    return f"no unit of {where} has this code or name{hint}"


def _check_key(key: object) -> str:
    if not isinstance(key, str):
        raise UnknownProvinceError(
            "province", key, "a province is named by its code or name"
        )
    return key


def _check_era(era: object) -> Era:
    if not isinstance(era, Era):
        raise ValidationError(
            "era", era, "must be Era.PRE_2025 ('63') or Era.FROM_2025 ('34')"
        )
    return era


# --- the table -------------------------------------------------------------

_CSV: Final = "provinces.csv"
_SOURCES: Final = "provinces.sources.json"
_COLUMNS: Final = (
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
_SOURCE_FIELDS: Final = frozenset(
    {"document", "clause", "title", "url", "retrieved", "note"}
)
_E = TypeVar("_E", bound=LabelledEnum)


class _Row(TypedDict):
    # The keyword arguments of one Province.
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
class _Table:
    # (era, code) -> the row of that unit
    rows: dict[tuple[Era, str], _Row]
    # old code -> new code, and new code -> old codes
    successor: dict[str, str]
    predecessors: dict[str, tuple[str, ...]]
    # era -> lookup key -> code
    index: dict[Era, dict[str, str]]


@functools.cache
def _table() -> _Table:
    folder = resources.files("kttt").joinpath("data", "geography")
    return _parse_table(
        folder.joinpath(_CSV).read_text(encoding="utf-8"),
        folder.joinpath(_SOURCES).read_text(encoding="utf-8"),
    )


@functools.cache
def _units() -> dict[tuple[Era, str], Province]:
    return {key: Province(**row) for key, row in _table().rows.items()}


@functools.cache
def _units_of(era: Era) -> tuple[Province, ...]:
    return tuple(
        sorted(
            (unit for (e, _), unit in _units().items() if e is era),
            key=lambda unit: unit.code,
        )
    )


def _parse_table(csv_text: str, sources_text: str) -> _Table:
    """Read and check the province table and its sources.

    Raises:
        DataError: Naming the file, the row, the column and the value.
    """
    sources = _parse_sources(sources_text)
    reader = csv.DictReader(io.StringIO(csv_text))
    if tuple(reader.fieldnames or ()) != _COLUMNS:
        raise DataError(
            f"{_CSV}:header",
            reader.fieldnames,
            f"the columns must be {', '.join(_COLUMNS)}",
        )
    rows: dict[tuple[Era, str], _Row] = {}
    links: dict[tuple[Era, str], tuple[int, tuple[str, ...]]] = {}
    for number, raw in enumerate(reader, start=1):
        cells = _cells(raw, number)
        row, link = _parse_row(cells, sources, number)
        key = (row["era"], row["code"])
        if key in rows:
            raise _bad("code", row["code"], "duplicate in its era", number)
        rows[key] = row
        links[key] = (number, link)
    _check_counts(rows)
    successor, predecessors = _check_merge_map(links)
    return _Table(
        rows=rows,
        successor=successor,
        predecessors=predecessors,
        index=_build_index(rows, links),
    )


def _cells(raw: Mapping[str | None, object], number: int) -> dict[str, str]:
    cells = {key: value for key, value in raw.items() if key is not None}
    if None in raw or any(value is None for value in cells.values()):
        raise DataError(
            _CSV, raw.get(None), f"a row has {len(_COLUMNS)} cells", row=number
        )
    return {key: str(value) for key, value in cells.items()}


def _bad(column: str, value: object, rule: str, row: int) -> DataError:
    return DataError(f"{_CSV}:{column}", value, rule, row=row)


def _parse_row(
    cells: Mapping[str, str], sources: Mapping[str, Source], number: int
) -> tuple[_Row, tuple[str, ...]]:
    era = _enum(Era, cells, "era", number)
    kind = _enum(ProvinceKind, cells, "kind", number)
    code = cells["code"]
    if not _CODE.fullmatch(code):
        raise _bad("code", code, "an NSO code is two digits", number)
    for column in ("name", "full_name", "former_names", "aliases"):
        if cells[column] != nfc(cells[column]):
            raise _bad(column, cells[column], "must be in Unicode NFC", number)
    name = _required(cells, "name", number)
    prefix = _PREFIXES[kind]
    if cells["full_name"] != f"{prefix} {name}":
        raise _bad(
            "full_name",
            cells["full_name"],
            f"the full name of a {kind} is '{prefix} {name}'",
            number,
        )
    former = _split(cells, "former_names", "|", number)
    renamed_on = _date(cells, number)
    if bool(former) != (renamed_on is not None):
        raise _bad(
            "renamed_on",
            cells["renamed_on"],
            "renamed_on is given exactly when former_names are",
            number,
        )
    idents = _split(cells, "sources", " ", number)
    if not idents:
        raise _bad("sources", "", "every row names its sources", number)
    row = _Row(
        code=code,
        era=era,
        name=name,
        full_name=cells["full_name"],
        kind=kind,
        former_names=former,
        renamed_on=renamed_on,
        aliases=_split(cells, "aliases", "|", number),
        area_km2=_area(cells, number),
        population=_population(cells, number),
        sources=tuple(_source(sources, i, number) for i in idents),
    )
    return row, _link(cells, old=era is Era.PRE_2025, number=number)


def _enum(
    cls: type[_E], cells: Mapping[str, str], column: str, number: int
) -> _E:
    try:
        return cls(cells[column])
    except ValueError:
        codes = ", ".join(repr(member.value) for member in cls)
        raise _bad(
            column, cells[column], f"must be one of {codes}", number
        ) from None


def _required(cells: Mapping[str, str], column: str, number: int) -> str:
    value = cells[column].strip()
    if not value or value != cells[column]:
        raise _bad(
            column, cells[column], "must be non-empty, unpadded", number
        )
    return value


def _split(
    cells: Mapping[str, str], column: str, sep: str, number: int
) -> tuple[str, ...]:
    if not cells[column]:
        return ()
    parts = tuple(cells[column].split(sep))
    if any(not part or part.strip() != part for part in parts):
        raise _bad(
            column,
            cells[column],
            f"items are separated by one {sep!r}",
            number,
        )
    return parts


def _date(cells: Mapping[str, str], number: int) -> pendulum.Date | None:
    text = cells["renamed_on"]
    if not text:
        return None
    try:
        parsed = dt.date.fromisoformat(text)
    except ValueError:
        raise _bad(
            "renamed_on", text, "a date is written YYYY-MM-DD", number
        ) from None
    return pendulum.Date(parsed.year, parsed.month, parsed.day)


def _area(cells: Mapping[str, str], number: int) -> Decimal | None:
    text = cells["area_km2"]
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal(-1)
    if not (value.is_finite() and value > 0) or "e" in text.lower():
        raise _bad(
            "area_km2", text, "an area is a positive decimal like 12.5", number
        )
    return value


def _population(cells: Mapping[str, str], number: int) -> int | None:
    text = cells["population"]
    if not text:
        return None
    if not (text.isascii() and text.isdigit() and int(text) > 0):
        raise _bad(
            "population", text, "a population is a positive integer", number
        )
    return int(text)


def _source(sources: Mapping[str, Source], ident: str, number: int) -> Source:
    if ident not in sources:
        raise _bad("sources", ident, f"not an id in {_SOURCES}", number)
    return sources[ident]


def _link(
    cells: Mapping[str, str], *, old: bool, number: int
) -> tuple[str, ...]:
    # The 63 name one successor; the 34 name their predecessors.
    mine, other = (
        ("successor_code", "predecessor_codes")
        if old
        else ("predecessor_codes", "successor_code")
    )
    if cells[other]:
        raise _bad(other, cells[other], "must be empty in this era", number)
    codes = _split(cells, mine, " ", number)
    if not codes or any(not _CODE.fullmatch(code) for code in codes):
        raise _bad(mine, cells[mine], "one or more two-digit codes", number)
    if old and len(codes) != 1:
        raise _bad(mine, cells[mine], "an old unit has one successor", number)
    return codes


def _check_counts(rows: Mapping[tuple[Era, str], object]) -> None:
    for era in Era:
        count = sum(1 for e, _ in rows if e is era)
        if count != int(era.value):
            raise DataError(
                f"{_CSV}:era", era.value, f"has {count} rows, not {era.value}"
            )


def _check_merge_map(
    links: Mapping[tuple[Era, str], tuple[int, tuple[str, ...]]],
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
    for (era, code), (number, codes) in links.items():
        if era is Era.PRE_2025 and code not in predecessors.get(codes[0], ()):
            raise _bad(
                "successor_code",
                codes[0],
                "must be a unit of the 34 that lists this one as predecessor",
                number,
            )
        if era is Era.FROM_2025 and (
            code not in codes
            or any(successor.get(old) != code for old in codes)
        ):
            raise _bad(
                "predecessor_codes",
                " ".join(codes),
                "must be units of the 63 that name this one as successor, "
                "including its own code",
                number,
            )
    return successor, predecessors


def _build_index(
    rows: Mapping[tuple[Era, str], _Row],
    links: Mapping[tuple[Era, str], tuple[int, object]],
) -> dict[Era, dict[str, str]]:
    index: dict[Era, dict[str, str]] = {era: {} for era in Era}
    for (era, code), row in rows.items():
        for spelling in _spellings(row):
            key = _key(spelling)
            if index[era].setdefault(key, code) != code:
                raise _bad(
                    "name",
                    spelling,
                    f"the same name as unit {index[era][key]} in its era",
                    links[era, code][0],
                )
    return index


def _parse_sources(text: str) -> dict[str, Source]:
    top = _as_mapping(_load_json(text)) or {}
    entries = _as_mapping(top.get("sources"))
    if not entries:
        raise DataError(
            f"{_SOURCES}:sources",
            top.get("sources"),
            "the file maps 'sources' to an object of sources by id",
        )
    return {
        ident: _parse_source(ident, entry) for ident, entry in entries.items()
    }


def _as_mapping(value: object) -> dict[str, object] | None:
    return (
        cast("dict[str, object]", value) if isinstance(value, dict) else None
    )


def _load_json(text: str) -> object:
    try:
        return cast("object", json.loads(text))
    except json.JSONDecodeError as error:
        raise DataError(_SOURCES, text[:40], f"not JSON: {error}") from None


def _parse_source(ident: str, entry: object) -> Source:
    field = f"{_SOURCES}:{ident}"
    fields = _as_mapping(entry)
    if fields is None or not all(
        key in _SOURCE_FIELDS and isinstance(value, str)
        for key, value in fields.items()
    ):
        raise DataError(
            field,
            entry,
            f"a source maps some of {', '.join(sorted(_SOURCE_FIELDS))} "
            "to text",
        )
    text = cast("dict[str, str]", fields)
    try:
        day = dt.date.fromisoformat(text.get("retrieved", "0001-01-01"))
        return Source(
            document=text.get("document"),
            clause=text.get("clause"),
            title=text.get("title"),
            url=text.get("url"),
            retrieved=pendulum.Date(day.year, day.month, day.day)
            if "retrieved" in text
            else None,
            note=text.get("note"),
        )
    except ValueError as error:
        raise DataError(field, entry, str(error)) from None
