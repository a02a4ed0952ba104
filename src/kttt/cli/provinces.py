"""The ``kttt provinces`` command: the province table and name lookups."""

from __future__ import annotations

import argparse
import json

from typing import Final, TypedDict

from kttt._labels import pick
from kttt.cli._output import Document, add_output_options, emit
from kttt.geography import Era, Province


_LABELS: Final = {
    "vi": {
        "code": "Mã",
        "name": "Tên",
        "kind": "Loại",
        Era.FROM_2025: "Hợp nhất từ",
        Era.PRE_2025: "Sáp nhập vào",
        "full_name": "Tên đầy đủ",
        "former_names": "Tên cũ",
        "until": "đến",
        "area_km2": "Diện tích (km²)",
        "population": "Dân số",
    },
    "en": {
        "code": "Code",
        "name": "Name",
        "kind": "Kind",
        Era.FROM_2025: "Formed from",
        Era.PRE_2025: "Became",
        "full_name": "Full name",
        "former_names": "Former names",
        "until": "until",
        "area_km2": "Area (km²)",
        "population": "Population",
    },
}


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],  # pyright: ignore[reportPrivateUsage]
) -> None:
    """Add the ``provinces`` command and its ``lookup`` subcommand."""
    parser = subparsers.add_parser(
        "provinces",
        help="list the province-level units and the 2025 merge map",
        description=(
            "List the 34 province-level units in force from 1 July 2025 "
            "(or the 63 before) with the units each was formed from "
            "(or became), or look one up by code or name."
        ),
    )
    _add_options(parser)
    parser.set_defaults(
        run=_run_list, era=None, lang="vi", format="text", output=None
    )
    actions = parser.add_subparsers(dest="action", metavar="{lookup}")
    lookup = actions.add_parser(
        "lookup",
        help="find a unit by NSO code or by name",
        description=(
            "Find a unit by its NSO code or its name, with or without "
            "diacritics or the 'Tỉnh'/'Thành phố' prefix. Without --era "
            "the 34 current units are searched first, then the 63."
        ),
    )
    lookup.add_argument("name", help="an NSO code or a name, e.g. 'Hue'")
    _add_options(lookup)
    lookup.set_defaults(run=_run_lookup)


def _add_options(parser: argparse.ArgumentParser) -> None:
    # Both parsers take the options, without defaults of their own (the
    # `provinces` parser sets them), so that `provinces --lang en lookup Hue`
    # and `provinces lookup Hue --lang en` both work.
    parser.add_argument(
        "--era",
        type=Era,
        choices=list(Era),
        default=argparse.SUPPRESS,
        help="34 (from 1 July 2025) or 63 (before); the list shows the 34 "
        "by default, lookup searches the 34 then the 63",
    )
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        default=argparse.SUPPRESS,
        help="language of the table's headers and labels (default vi)",
    )
    add_output_options(parser, default=argparse.SUPPRESS)


def _run_list(args: argparse.Namespace) -> int:
    era: Era = args.era or Era.FROM_2025
    units = Province.all(era)
    emit(_document(units, args.lang, _table(units, args.lang)), args)
    return 0


def _run_lookup(args: argparse.Namespace) -> int:
    unit = Province.get(args.name, era=args.era)
    emit(_document((unit,), args.lang, _details(unit, args.lang)), args)
    return 0


def _document(units: tuple[Province, ...], lang: str, text: str) -> Document:
    records = [_record(unit) for unit in units]
    title = pick(lang, "Đơn vị hành chính cấp tỉnh", "Province-level units")
    return Document(
        title=f"{title}: {units[0].era.label(lang)}",
        columns=tuple(records[0]),
        rows=tuple(
            tuple(_cell(value) for value in record.values())
            for record in records
        ),
        text=text,
        json=json.dumps(records, ensure_ascii=False, indent=2) + "\n",
    )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(item) for item in value)  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
    return str(value)


class _Record(TypedDict):
    code: str
    era: str
    name: str
    full_name: str
    kind: str
    successor_code: str
    predecessor_codes: list[str]
    area_km2: str | None
    population: int | None


def _record(unit: Province) -> _Record:
    return _Record(
        code=unit.code,
        era=unit.era.value,
        name=unit.name,
        full_name=unit.full_name,
        kind=unit.kind.value,
        successor_code=unit.successor().code,
        predecessor_codes=[p.code for p in unit.predecessors()],
        area_km2=None if unit.area_km2 is None else str(unit.area_km2),
        population=unit.population,
    )


def _merge(unit: Province) -> str:
    linked = (
        unit.predecessors()
        if unit.era is Era.FROM_2025
        else (unit.successor(),)
    )
    return ", ".join(f"{other.name} ({other.code})" for other in linked)


def _table(units: tuple[Province, ...], lang: str) -> str:
    labels = _LABELS[lang]
    header = [
        labels["code"],
        labels["name"],
        labels["kind"],
        labels[units[0].era],
    ]
    rows = [header] + [
        [unit.code, unit.name, unit.kind.label(lang), _merge(unit)]
        for unit in units
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "".join(
        "  ".join(
            cell.ljust(width) for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        + "\n"
        for row in rows
    )


def _details(unit: Province, lang: str) -> str:
    labels = _LABELS[lang]
    lines = [
        (labels["full_name"], unit.full_name),
        (labels["kind"], unit.kind.label(lang)),
    ]
    if unit.renamed_on is not None:
        lines.append(
            (
                labels["former_names"],
                (
                    f"{', '.join(unit.former_names)} "
                    f"({labels['until']} {unit.renamed_on.subtract(days=1)})"
                ),
            )
        )
    lines.append((labels[unit.era], _merge(unit)))
    if unit.area_km2 is not None:
        lines.append((labels["area_km2"], str(unit.area_km2)))
    if unit.population is not None:
        lines.append((labels["population"], str(unit.population)))
    width = max(len(label) for label, _ in lines) + 1
    body = "".join(
        f"  {label + ':':<{width}} {value}\n" for label, value in lines
    )
    return f"{unit.name} ({unit.code}), {unit.era.label(lang)}\n{body}"
