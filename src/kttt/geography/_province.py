"""`Province`: one province-level unit, and finding units by code or name."""

from __future__ import annotations

import datetime as dt
import difflib
import functools

from decimal import Decimal
from typing import Any, cast

import attrs
import pendulum

from kttt import _data
from kttt.errors import UnknownProvinceError, ValidationError
from kttt.geography._eras import Era, ProvinceKind, check_date, check_era
from kttt.geography._table import CODE, PROVINCES, Table, lookup_key
from kttt.sources import Source


def _check_code(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not (isinstance(value, str) and CODE.fullmatch(value)):
        raise ValidationError(
            attribute.name, value, "an NSO province code is two digits"
        )


def _check_area(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    # Not even compared with the table unless finite: a signalling NaN
    # raises when compared.
    if value is not None and not (
        isinstance(value, Decimal) and value.is_finite()
    ):
        raise ValidationError(
            attribute.name, value, "an area is a finite Decimal or None"
        )


def _texts(values: Any) -> Any:
    # Lists of names become tuples; anything else is left to the validator.
    given: object = values
    items = _data.as_list(given)
    if items is None:
        if not isinstance(given, tuple):
            return given
        items = list(cast("tuple[object, ...]", given))
    return tuple(map(_data.nfc_text, items))


_NAMES = _data.tuple_of(_data.text())


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
    era: Era = attrs.field(
        validator=_data.instance_of(
            Era, "must be Era.PRE_2025 ('63') or Era.FROM_2025 ('34')"
        )
    )
    #: The short name (``"Hà Nội"``).
    name: str = attrs.field(converter=_data.nfc_text, validator=_data.text())
    #: The official name with its prefix (``"Thành phố Hà Nội"``).
    full_name: str = attrs.field(
        converter=_data.nfc_text, validator=_data.text()
    )
    #: Province or centrally-run city.
    kind: ProvinceKind = attrs.field(validator=_data.instance_of(ProvinceKind))
    #: Names the unit had earlier in its era, before `renamed_on`
    #: (``"Thừa Thiên Huế"`` until 31 December 2024); lookups accept them.
    former_names: tuple[str, ...] = attrs.field(
        default=(), converter=_texts, validator=_NAMES, repr=False
    )
    #: The day the current name took effect, if it changed within the era.
    renamed_on: pendulum.Date | None = attrs.field(
        default=None, repr=False, validator=_data.optional(_data.date())
    )
    #: Other spellings that lookups accept (``"TP HCM"``, ``"Hanoi"``).
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_texts, validator=_NAMES, repr=False
    )
    #: Area in km² as published with Resolution 202/2025/QH15 (the 34
    #: units only; `None` for the 63).
    area_km2: Decimal | None = attrs.field(
        default=None,
        repr=False,
        validator=_check_area,
    )
    #: Population ("quy mô dân số") as published with Resolution
    #: 202/2025/QH15 (the 34 units only; `None` for the 63).
    #: These figures sum to about 112 million, on a broader basis than the
    #: statistics office's 101,3 million: do not mix them with its data.
    population: int | None = attrs.field(
        default=None,
        repr=False,
        validator=_data.optional(_data.whole_number()),
    )
    #: Where the facts of this unit come from.
    sources: tuple[Source, ...] = attrs.field(
        default=(), repr=False, validator=_data.tuple_of(Source)
    )

    def __attrs_post_init__(self) -> None:
        expected = _table().rows.get((self.era, self.code))
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
        former names ("Thừa Thiên Huế") and the listed `aliases` match too,
        and so do names written without spaces between syllables
        ("Kontum", "Daklak", "Danang", "Lamdong").

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
        units = _units()
        if era is not None and isinstance(cast("object", key), str):
            # A code in its era, the common case of reading data: no folding.
            found = units.get((check_era(era), key))
            if found is not None:
                return found
        table = _table()
        wanted = lookup_key(_check_key(key))
        for candidate in eras:
            found_in = table.index[check_era(candidate)]
            code = found_in.get(wanted) or found_in.get(
                wanted.replace(" ", "")
            )
            if code is not None:
                return units[candidate, code]
        raise UnknownProvinceError("province", key, _not_found(wanted, eras))

    @classmethod
    def all(cls, era: Era = Era.FROM_2025) -> tuple[Province, ...]:
        """Return every unit of *era*, sorted by code.

        >>> len(Province.all()), len(Province.all(Era.PRE_2025))
        (34, 63)

        Raises:
            ValidationError: If *era* is not an `Era`.
        """
        return _units_of(check_era(era))

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
        day = check_date(date)
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


def _table() -> Table:
    return PROVINCES.load()


@functools.cache
def _units() -> dict[tuple[Era, str], Province]:
    return {place: Province(**unit) for place, unit in _table().rows.items()}


@functools.cache
def _units_of(era: Era) -> tuple[Province, ...]:
    return tuple(
        sorted(
            (unit for (e, _), unit in _units().items() if e is era),
            key=lambda unit: unit.code,
        )
    )
