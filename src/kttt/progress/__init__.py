"""Progress toward quantified targets, by the methods statisticians publish.

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
method's own `MethodLabel` and the numbers behind them; a target without a
number ("tăng", "giảm") is classified by its observed growth alone, by the
method's "no quantified target" branch. `MethodSettings` holds each
method's thresholds (the published ones by default).
`ProgressReport` assesses a whole `kttt.targets.TargetSet`, and
`ProgressReport.index` gives its headline figures (`ProgrammeIndex`: ESCAP's
current status and anticipated progress indices, each method's share of
targets by status).
Only observations up to the target year decide a target, and once that
year is observed the verdict is final (achieved or missed).
`required_pace` gives the constant pace that meets a target from a value;
`is_met_at` says whether a value observed in a year meets it.
`assess_many` assesses many scenario paths of one series at once (NumPy).
"""

from __future__ import annotations

from kttt.progress._assess import DEFAULT_METHOD, STALE_AFTER_YEARS, assess
from kttt.progress._batch import ProgressBatch, assess_many, met_share
from kttt.progress._case import Diagnostic
from kttt.progress._goal import RequiredPace, is_met_at, required_pace
from kttt.progress._indices import ProgrammeIndex
from kttt.progress._labels import DiagnosticKind, MethodLabel, ProgressStatus
from kttt.progress._methods import METHODS
from kttt.progress._progress import Progress
from kttt.progress._projectors import (
    CompoundGrowth,
    LinearTrend,
    Projector,
    TimeWeightedGeometric,
    WeightedLogit,
)
from kttt.progress._report import ProgressReport, ReportRow
from kttt.progress._settings import MethodSettings


__all__ = [
    "DEFAULT_METHOD",
    "METHOD_NAMES",
    "STALE_AFTER_YEARS",
    "CompoundGrowth",
    "Diagnostic",
    "DiagnosticKind",
    "LinearTrend",
    "MethodLabel",
    "MethodSettings",
    "ProgrammeIndex",
    "Progress",
    "ProgressBatch",
    "ProgressReport",
    "ProgressStatus",
    "Projector",
    "ReportRow",
    "RequiredPace",
    "TimeWeightedGeometric",
    "WeightedLogit",
    "assess",
    "assess_many",
    "is_met_at",
    "met_share",
    "required_pace",
]

#: The names `assess` accepts for *method*, the default first.
METHOD_NAMES: tuple[str, ...] = tuple(METHODS)
