"""Benchmark: loading and validating cooperative records against pydantic v2.

Run ``python bench/bench_loading.py [--n N ...] [--repeat R]``.
The same records (written by `kttt.serialization.to_json` and `to_csv`)
are read by kttt (`from_json(text, list[Organization])`, `from_csv`) and
by pydantic v2 models with the same fields and the same validation:
whole non-negative amounts, ISO dates, the founding date not after the
record date, members counted by type with foreign members no more than
official ones, contributions within the capital, NFC non-blank text,
enumerations by code, and the province looked up in the same table by its
era and code (name checked).
Both run in this process; the script prints the best of *R* times and
their ratio (kttt / pydantic).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
import unicodedata

from collections.abc import Callable
from typing import Annotated, Literal

import pendulum
import pydantic

from kttt.geography import Era, Province
from kttt.organizations import (
    Cooperative,
    Members,
    OperatingStatus,
    Organization,
    Sector,
)
from kttt.serialization import from_csv, from_json, to_csv, to_json


_UNITS = {(p.era.value, p.code): p for era in Era for p in Province.all(era)}


def _text(value: str) -> str:
    value = unicodedata.normalize("NFC", value)
    if not value.strip() or value != value.strip() or not value.isprintable():
        message = "must be printable, non-blank, unpadded text"
        raise ValueError(message)
    return value


Text = Annotated[str, pydantic.AfterValidator(_text)]
Amount = Annotated[int, pydantic.Field(ge=0)]


class ProvinceModel(pydantic.BaseModel, extra="forbid", frozen=True):
    code: str
    era: Literal["63", "34"]
    name: str | None = None

    @pydantic.model_validator(mode="after")
    def _known(self) -> ProvinceModel:
        unit = _UNITS.get((self.era, self.code))
        if unit is None or (self.name is not None and self.name != unit.name):
            message = "not a province of the table"
            raise ValueError(message)
        return self


class MembersModel(pydantic.BaseModel, extra="forbid", frozen=True):
    official: Amount
    associate_capital: Amount = 0
    associate_non_capital: Amount = 0
    foreign_official: Amount | None = None

    @pydantic.model_validator(mode="after")
    def _foreign(self) -> MembersModel:
        if (
            self.foreign_official is not None
            and self.foreign_official > self.official
        ):
            message = "more foreign official members than official members"
            raise ValueError(message)
        return self


class CooperativeModel(pydantic.BaseModel, extra="forbid", frozen=True):
    kind: Literal["cooperative"]
    id: Text
    name: Text
    province: ProvinceModel
    sector: Sector
    founded: dt.date
    record_date: dt.date
    members: MembersModel
    charter_capital: Amount
    contributed_capital: Amount | None = None
    largest_member_contribution: Amount | None = None
    associate_contribution: Amount | None = None
    foreign_contribution: Amount | None = None
    indivisible_assets: Amount | None = None
    revenue: Amount | None = None
    profit: int | None = None
    workers: Amount | None = None
    status: OperatingStatus = OperatingStatus.OPERATING
    applies_high_technology: bool = False
    value_chain_linked: bool = False
    digital_transformation: bool = False
    ocop_stars: Annotated[int, pydantic.Field(ge=3, le=5)] | None = None
    traceability: bool = False
    # The law's details: the records carry none, so only their shapes
    # are read (lists and objects), on both sides.
    member_list: list[dict[str, object]] | None = None
    minimum_contribution: Amount | None = None
    governance: dict[str, object] | None = None
    meetings: list[dict[str, object]] = []
    internal_lending: bool = False
    seeks_state_support: bool = False
    large: bool = False
    audits: list[dt.date] | None = None
    income: dict[str, object] | None = None
    pledged_indivisible_assets: list[dict[str, object]] = []

    @pydantic.model_validator(mode="after")
    def _consistent(self) -> CooperativeModel:
        if self.founded > self.record_date:
            message = "founded after the record date"
            raise ValueError(message)
        capital = self.contributed_capital
        if capital is not None:
            for part in (
                self.largest_member_contribution,
                self.foreign_contribution,
            ):
                if part is not None and part > capital:
                    message = "a contribution above the contributed capital"
                    raise ValueError(message)
        return self


def make_records(n: int) -> list[Cooperative]:
    """Return *n* cooperatives of several provinces and sizes."""
    units = Province.all(Era.PRE_2025)
    return [
        Cooperative(
            id=f"01{i:08d}",
            name=f"Hợp tác xã Nông nghiệp số {i}",
            province=units[i % len(units)],
            sector=(Sector.AGRICULTURE, Sector.TRADE_SERVICES)[i % 2],
            founded=pendulum.Date(2010 + i % 14, 1 + i % 12, 1 + i % 28),
            record_date=pendulum.Date(2024, 12, 31),
            members=Members(official=7 + i % 50, associate_capital=i % 3),
            charter_capital=1_000_000 * (1 + i % 900),
            contributed_capital=900_000 * (1 + i % 900),
            revenue=5_000_000 * (i % 1000),
            workers=i % 40,
        )
        for i in range(n)
    ]


def best(run: Callable[[], object], repeat: int) -> float:
    """Return the best wall time of *repeat* runs of *run*."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Time both libraries on JSON and CSV and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[2_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    json_model = pydantic.TypeAdapter(list[CooperativeModel])
    csv_model = pydantic.TypeAdapter(list[CooperativeModel])
    for n in args.n:
        _compare(n, args.repeat, json_model, csv_model)


def _compare(
    n: int,
    repeat: int,
    json_model: pydantic.TypeAdapter[list[CooperativeModel]],
    csv_model: pydantic.TypeAdapter[list[CooperativeModel]],
) -> None:
    records = make_records(n)
    text = to_json(records, indent=None)
    table = to_csv(records)
    assert from_json(text, list[Organization]) == records  # noqa: S101
    assert len(json_model.validate_json(text)) == n  # noqa: S101
    assert len(list(from_csv(table, Cooperative))) == n  # noqa: S101
    kttt_json = best(lambda: from_json(text, list[Organization]), repeat)
    pyd_json = best(lambda: json_model.validate_json(text), repeat)
    kttt_csv = best(lambda: list(from_csv(table, Cooperative)), repeat)
    pyd_csv = best(
        lambda: csv_model.validate_python(
            [_nested(row) for row in _rows(table)]
        ),
        repeat,
    )
    for name, ours, theirs in (
        ("JSON", kttt_json, pyd_json),
        ("CSV", kttt_csv, pyd_csv),
    ):
        print(
            f"{n:>9,} records from {name}: kttt {ours / n * 1e6:6.1f} µs,"
            f" pydantic {theirs / n * 1e6:6.1f} µs per record;"
            f" ratio {ours / theirs:.2f}"
        )


def _rows(text: str) -> list[dict[str, str]]:
    import csv  # noqa: PLC0415
    import io  # noqa: PLC0415

    return list(csv.DictReader(io.StringIO(text)))


def _nested(row: dict[str, str]) -> dict[str, object]:
    nested: dict[str, object] = {}
    for key, text in row.items():
        if text == "":
            continue
        # Lists and objects are written as JSON in one cell, as kttt does.
        cell: object = json.loads(text) if text[0] in "[{" else text
        head, _, leaf = key.partition(".")
        if leaf:
            part = nested.setdefault(head, {})
            assert isinstance(part, dict)  # noqa: S101
            part[leaf] = cell
        else:
            nested[key] = cell
    return nested


if __name__ == "__main__":
    main()
