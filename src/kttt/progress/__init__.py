"""
Progress toward quantified targets, by the methods statisticians publish.

`assess` says where one `kttt.targets.Target` stands given a
`kttt.series.Series` of observations, with one of five methods:

- ``"statcan"`` (default): Statistics Canada's version of Eurostat's ratio
  of observed to required compound growth;
- ``"eurostat"``: Eurostat's ratio over the last five years;
- ``"unsd2022"``: the UNSD Progress Chart ratio (up to 2022);
- ``"projection"``: the projected target-year value against the target
  (UNSD 2023 onward, ESCAP), with a pluggable `Projector`;
- ``"destatis"``: the German weather symbols (linear trend of the last five
  changes).

Every method returns a `Progress` with the harmonised `ProgressStatus`, the
method's own `MethodLabel` and the numbers behind them;
`ProgressReport` assesses a whole `kttt.targets.TargetSet`.
"""

from __future__ import annotations

from kttt.progress._assess import DEFAULT_METHOD, Progress, assess
from kttt.progress._labels import DiagnosticKind, MethodLabel, ProgressStatus
from kttt.progress._methods import METHODS, Diagnostic
from kttt.progress._projectors import (
    CompoundGrowth,
    LinearTrend,
    Projector,
    TimeWeightedGeometric,
    WeightedLogit,
)
from kttt.progress._report import ProgressReport, ReportRow


__all__ = [
    "DEFAULT_METHOD",
    "METHOD_NAMES",
    "CompoundGrowth",
    "Diagnostic",
    "DiagnosticKind",
    "LinearTrend",
    "MethodLabel",
    "Progress",
    "ProgressReport",
    "ProgressStatus",
    "Projector",
    "ReportRow",
    "TimeWeightedGeometric",
    "WeightedLogit",
    "assess",
]

#: The names `assess` accepts for *method*, the default first.
METHOD_NAMES: tuple[str, ...] = tuple(METHODS)
