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

The table is package data (``kttt/data/geography/provinces.json`` with the
``provinces.csv`` beside it) with its sources, read once and validated on
load.
"""

from __future__ import annotations

import cattrs

from kttt import _data
from kttt.errors import KtttError, ParseError, ValidationError
from kttt.geography._eras import MERGE_DATE, Era, ProvinceKind
from kttt.geography._province import Province
from kttt.geography._table import PROVINCES
from kttt.text import fold


__all__ = [
    "MERGE_DATE",
    "PROVINCES",
    "Era",
    "Province",
    "ProvinceKind",
    "configure_converter",
]

_FIELDS = frozenset({"code", "era", "name"})


def configure_converter(conv: cattrs.Converter) -> None:
    """Write a `Province` as its code, era and name; read it back the same.

    Reading looks the unit up in the built-in table, so only its units
    come back; ``name`` may be left out, and if given must name the unit
    (compared without diacritics or case).
    """
    conv.register_unstructure_hook(Province, _province_to_dict)
    conv.register_structure_hook(Province, _structure_province)


def _province_to_dict(value: Province) -> dict[str, str]:
    return {"code": value.code, "era": value.era.value, "name": value.name}


def _structure_province(value: object, _: object) -> Province:
    fields = _data.as_mapping(value)
    if fields is None or not {"code", "era"} <= set(fields) <= _FIELDS:
        raise ValidationError(
            "",
            value,
            "a province is {'code': '25', 'era': '34'} with an optional "
            "'name'",
        )
    code, era, name = fields["code"], fields["era"], fields.get("name")
    if not isinstance(era, str) or era not in {e.value for e in Era}:
        raise ParseError("era", era, "must be '63' or '34'")
    if not isinstance(code, str):
        raise ParseError("code", code, "an NSO code is two digits")
    try:
        province = Province.get(code, era=Era(era))
    except KtttError as error:
        raise error.__class__("code", code, error.rule) from None
    if province.code != code:
        raise ParseError("code", code, "an NSO code is two digits")
    if name is not None and (
        not isinstance(name, str) or fold(name) != fold(province.name)
    ):
        raise ValidationError(
            "name",
            name,
            f"unit {province.code} of {province.era.label_en} is "
            f"{province.name}",
        )
    return province
