"""Quantified targets: indicators, comparators, targets and target sets.

A `Target` says what an `Indicator` must reach by a horizon year ("khoảng
45.000 hợp tác xã" by 2030, "trên 60 %" rated good or fair), in one of three
forms: a level, an increment over a base year or an annual growth rate.
A `TargetSet` holds the targets of one programme (Resolution 20-NQ/TW, a
province's action programme) and is read from and written to JSON.
The built-in catalogue and target sets ship as package data, each target
with the clause it came from.
"""

from __future__ import annotations

from kttt.targets._builtin import (
    CTR155_NINH_THUAN,
    NQ20,
    NQ106,
    QD340,
    QD1318,
    nq20_targets,
    target_set,
    target_sets,
)
from kttt.targets._comparators import Comparator, Interval, TargetForm
from kttt.targets._indicators import (
    INDICATORS,
    Catalogue,
    Direction,
    Indicator,
    Unit,
    configure_converter,
    indicators,
)
from kttt.targets._sets import TargetSet
from kttt.targets._sheet_io import (
    programme_from_csv,
    programme_to_csv,
    read_programme,
    write_programme,
)
from kttt.targets._target import (
    FIRST_TARGET_YEAR,
    LAST_TARGET_YEAR,
    Target,
    TargetFields,
)
from kttt.targets._tolerance import Tolerance


__all__ = [
    "CTR155_NINH_THUAN",
    "FIRST_TARGET_YEAR",
    "INDICATORS",
    "LAST_TARGET_YEAR",
    "NQ20",
    "NQ106",
    "QD340",
    "QD1318",
    "Catalogue",
    "Comparator",
    "Direction",
    "Indicator",
    "Interval",
    "Target",
    "TargetFields",
    "TargetForm",
    "TargetSet",
    "Tolerance",
    "Unit",
    "configure_converter",
    "indicators",
    "nq20_targets",
    "programme_from_csv",
    "programme_to_csv",
    "read_programme",
    "target_set",
    "target_sets",
    "write_programme",
]
