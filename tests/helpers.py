"""Helpers shared by the test files: builders and plain-data dumps."""

from __future__ import annotations

import datetime as dt
import enum
import json
import pathlib

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

from kttt.progress import DiagnosticKind, Progress
from kttt.series import Series
from kttt.sources import Source
from kttt.targets import (
    Comparator,
    Direction,
    Indicator,
    Target,
    TargetSet,
    Unit,
)


def plain(value: object) -> object:
    """Return every field of *value*, recursively, as JSON-ready data.

    Unlike `kttt.serialization`, which writes a province as its code, this
    shows every field of every value, so that a snapshot of a dataset
    changes whenever any of its facts does.
    """
    if attrs.has(type(value)):
        return {
            field.name: plain(getattr(value, field.name))
            for field in attrs.fields(type(value))
        }
    if isinstance(value, Mapping):
        items = {_key(key): plain(item) for key, item in value.items()}
        return dict(sorted(items.items()))
    if isinstance(value, frozenset | set):
        return sorted((plain(item) for item in value), key=json.dumps)
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return _scalar(value)


def _scalar(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal | Fraction):
        return str(value)
    return value


def _key(key: object) -> str:
    if isinstance(key, tuple):
        return "/".join(_key(part) for part in key)
    if isinstance(key, enum.Enum):
        return str(key.value)
    return str(key)


def dump(value: object) -> str:
    """Return `plain` of *value* as indented JSON text, one fact per line."""
    return json.dumps(plain(value), ensure_ascii=False, indent=1) + "\n"


def envelope(
    rows: object,
    *,
    document: str = "x",
    key: str | None = None,
    description: str = "test rows",
) -> dict[str, object]:
    """Return a data file's envelope: one source (*document*) and *rows*.

    *rows* is a list of records, or the name of a CSV file beside it.
    """
    source: dict[str, object] = {"document": document, "retrieved": None}
    if key is not None:
        source = {"key": key, **source}
    return {"description": description, "sources": [source], "rows": rows}


def write_envelope(
    folder: pathlib.Path,
    rows: object,
    *,
    name: str = "mine.json",
    **fields: str,
) -> pathlib.Path:
    """Write `envelope` of *rows* into *folder* as *name*; return its path.

    *fields* are those of `envelope` (``document``, ``key``...).
    """
    path = folder / name
    text = json.dumps(envelope(rows, **fields), ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


# --- progress and scenarios: test indicators and targets ---------------------

#: The source of the test targets.
SOURCE = Source(document="TEST")


def _indicator(
    code: str, label: str, unit: Unit, *, up: bool = True
) -> Indicator:
    direction = Direction.INCREASE if up else Direction.DECREASE
    return Indicator(
        code=f"test.{code}",
        label_vi=label,
        label_en=code.replace("_", " "),
        unit=unit,
        direction=direction,
    )


#: Test indicators: a count, persons, a share, a share to reduce, VND.
COUNT = _indicator("count", "số lượng", Unit.COUNT)
MEMBERS = _indicator("members", "thành viên", Unit.PERSONS)
SHARE = _indicator("share", "tỷ lệ", Unit.PERCENT)
WEAK = _indicator("weak_share", "tỷ lệ yếu kém", Unit.PERCENT, up=False)
REVENUE = _indicator("revenue", "doanh thu", Unit.VND)
#: A result that may be negative (no lower bound): signs may change.
PROFIT = _indicator("profit", "lãi", Unit.VND)


def level(
    comparator: Comparator,
    value: float | None,
    *,
    indicator: Indicator = COUNT,
    horizon: int = 2030,
    **more: object,
) -> Target:
    """Return a level target on *indicator* by *horizon* (default 2030)."""
    return Target(
        indicator=indicator,
        comparator=comparator,
        value=value,
        horizon=horizon,
        source=SOURCE,
        **more,  # type: ignore[arg-type]
    )


def series(values: dict[int, float], indicator: Indicator = COUNT) -> Series:
    """Return a series of *indicator* from ``{year: value}``."""
    return Series.from_values(indicator, values)


def programme(*targets: Target) -> TargetSet:
    """Return a national target set of *targets*."""
    return TargetSet(
        code="1-KH/TEST", title="test", source=SOURCE, targets=targets
    )


def kinds(progress: Progress) -> set[DiagnosticKind]:
    """Return the kinds of *progress*'s diagnostics."""
    return {d.kind for d in progress.diagnostics}
