"""Scenarios: growth assumptions, projections, required paces, probabilities.

An `Assumption` says how one indicator moves from its latest value on: a
constant rate or yearly increment, the series' own observed trend, or a
yearly growth rate drawn at random (normal, triangular, uniform, or
resampled from the series' own yearly changes).
A `Scenario` names one assumption per indicator.

- `project` continues a series under a deterministic assumption; the
  projected observations are marked as such, and `kttt.progress.assess`
  judges them against the target year (a final verdict once it is reached).
- `required_rate` gives the constant pace that meets a target exactly at
  its horizon; `year_met` the first year a pace meets it.
- `simulate` draws every target's indicator to its target year
  (Monte Carlo, with a seed) and gives the chance of meeting each target
  and yearly quantile bands; it needs NumPy
  (``pip install 'kttt[simulation]'``).
- `compare` puts several scenarios side by side on a whole programme.

Rates are fractions per year (``0.05`` is 5 % a year), as in
`kttt.progress`.
"""

from __future__ import annotations

from kttt.scenarios._assumptions import Assumption, AssumptionKind, Scenario
from kttt.scenarios._compare import Comparison, ComparisonCell, compare
from kttt.scenarios._project import project, required_rate, year_met
from kttt.scenarios._simulate import (
    DEFAULT_DRAWS,
    QUANTILES,
    QuantileBand,
    SimulatedTarget,
    Simulation,
    simulate,
)


__all__ = [
    "DEFAULT_DRAWS",
    "QUANTILES",
    "Assumption",
    "AssumptionKind",
    "Comparison",
    "ComparisonCell",
    "QuantileBand",
    "Scenario",
    "SimulatedTarget",
    "Simulation",
    "compare",
    "project",
    "required_rate",
    "simulate",
    "year_met",
]
