"""Observed values of an indicator over the years, each with its source.

A `Series` holds the observations (`Observation`) of one indicator for
one scope (the country or a province) from one source, sorted by year.
Where sources disagree, the built-in national statistics keep one series
per source and name the primary one (`national_statistics`).
"""

from __future__ import annotations

from kttt.series._model import (
    FIRST_OBSERVED_YEAR,
    LAST_OBSERVED_YEAR,
    Observation,
    Series,
    check_compatible,
    fill_base,
)
from kttt.series._national import (
    NATIONAL,
    national_series,
    national_statistics,
)
from kttt.series._views import statistics_frame


__all__ = [
    "FIRST_OBSERVED_YEAR",
    "LAST_OBSERVED_YEAR",
    "NATIONAL",
    "Observation",
    "Series",
    "check_compatible",
    "fill_base",
    "national_series",
    "national_statistics",
    "statistics_frame",
]
