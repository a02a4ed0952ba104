"""The NumPy side of `assess_many`: all paths' verdicts at once.

Imported only when `assess_many` runs, so that NumPy stays an optional
extra. The ratio family (Statistics Canada, Eurostat, UNSD 2022) is
computed here for every path whose verdict follows from the plain formula;
every other path goes through `assess`, which therefore decides every
edge: a ratio within `EDGE` of a threshold, a zero or a change of sign
(linear rates), a base at the goal, an epsilon, the other methods.
"""

from __future__ import annotations

import math

from collections.abc import Sequence
from typing import cast

import numpy as np

from numpy.typing import NDArray

from kttt.errors import ValidationError
from kttt.progress._bands import EDGE
from kttt.progress._batch import ProgressBatch
from kttt.progress._goal import goal_of
from kttt.progress._labels import ProgressStatus
from kttt.progress._methods import RATIO_METHODS
from kttt.targets import Indicator, Target, TargetForm


Floats = NDArray[np.float64]
Flags = NDArray[np.bool_]


def matrix(indicator: Indicator, paths: object, width: int) -> Floats:
    """Return *paths* as a float matrix, one row per path.

    Raises:
        ValidationError: Unless every path has *width* finite values within
            the indicator's bounds.
    """
    try:
        values = np.asarray(paths, dtype=np.float64)
    except (TypeError, ValueError):
        values = np.empty((0, 0))
    if values.ndim != 2 or values.shape[0] == 0 or values.shape[1] != width:
        raise ValidationError(
            "paths", paths, f"one or more paths of {width} numbers each"
        )
    if not np.isfinite(values).all():
        raise ValidationError("paths", paths, "values must be finite")
    lower, upper = indicator.lower, indicator.upper
    if lower is not None and (values < lower).any():
        raise ValidationError(
            "paths",
            float(values.min()),
            f"{indicator.code} cannot be below {lower:g}",
        )
    if upper is not None and (values > upper).any():
        raise ValidationError(
            "paths",
            float(values.max()),
            f"{indicator.code} cannot be above {upper:g}",
        )
    return values


def met_mask(target: Target, year: int, values: Floats) -> Flags:
    """Return which *values*, observed in *year*, meet *target*.

    `kttt.progress.is_met_at` for many values: a growth-rate target
    compares the compound annual rate since its base value.
    """
    measured = values
    possible = np.ones(values.shape, dtype=np.bool_)
    if target.form is TargetForm.GROWTH_RATE:
        base = target.base_value
        if base is None:
            raise ValidationError(
                "base_value",
                None,
                "a growth-rate target needs its base value; use fill_base()",
            )
        span = year - (target.base_year or year)
        if span <= 0 or base == 0:
            return np.zeros(values.shape, dtype=np.bool_)
        ratio = values / base
        possible = ratio > 0
        safe = np.where(possible, ratio, 1.0)
        measured = (np.power(safe, 1 / span) - 1) * 100
    interval = target.interval()
    if interval.lower is not None:
        possible &= (
            measured > interval.lower
            if interval.lower_open
            else measured >= interval.lower
        )
    if interval.upper is not None:
        possible &= (
            measured < interval.upper
            if interval.upper_open
            else measured <= interval.upper
        )
    return possible


def share(target: Target, year: int, values: object) -> float:
    """Return the share of *values* that meet *target* in *year*.

    Raises:
        ValidationError: Unless *values* are one or more numbers.
    """
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        array = np.empty(0)
    if array.ndim != 1 or array.size == 0:
        raise ValidationError("values", values, "one or more numbers")
    return float(met_mask(target, year, array).mean())


def verdicts(
    batch: ProgressBatch, paths: Floats
) -> tuple[tuple[ProgressStatus, ...], tuple[float | None, ...]]:
    """Return each path's status and ratio, as `assess` gives them."""
    target, series = batch.target, batch.series
    horizon = target.horizon
    years = (*series.years, *batch.years)
    kept = sum(1 for year in years if year <= horizon)
    count = paths.shape[0]
    statuses = np.empty(count, dtype=object)
    ratios = np.full(count, np.nan)
    pending = np.ones(count, dtype=np.bool_)
    if kept:
        observed = np.broadcast_to(
            np.asarray(series.values, dtype=np.float64),
            (count, len(series)),
        )
        full = np.hstack((observed, paths))[:, :kept]
        achieved = met_mask(target, years[kept - 1], full[:, -1])
        statuses[achieved] = ProgressStatus.ACHIEVED
        pending &= ~achieved
        if years[kept - 1] == horizon:
            statuses[pending] = ProgressStatus.MISSED
            pending[:] = False
        elif (
            kept > 1
            and batch.epsilon is None
            and batch.method in RATIO_METHODS
        ):
            _ratio_family(batch, years[:kept], full, pending, statuses, ratios)
    for index in np.flatnonzero(pending).tolist():
        progress = batch.progress(index)
        statuses[index] = progress.status
        ratios[index] = math.nan if progress.ratio is None else progress.ratio
    numbers = ratios.astype(object)
    numbers[np.isnan(ratios)] = None
    return (
        cast("tuple[ProgressStatus, ...]", tuple(statuses.tolist())),
        cast("tuple[float | None, ...]", tuple(numbers.tolist())),
    )


def _ratio_family(  # noqa: PLR0917 - the shared arrays
    batch: ProgressBatch,
    years: Sequence[int],
    full: Floats,
    pending: Flags,
    statuses: NDArray[np.object_],
    ratios: Floats,
) -> None:
    """Classify the pending paths whose ratio needs no special case.

    They are taken out of *pending*; the others stay for `assess`.
    """
    spec = RATIO_METHODS[batch.method]
    target = batch.target
    base_year = (
        batch.base_year if batch.base_year is not None else target.base_year
    )
    _, index = spec.base(years, base_year)
    if index is None:
        statuses[pending] = ProgressStatus.INSUFFICIENT_DATA
        pending[:] = False
        return
    goal, direction = goal_of(target)
    sign = direction.sign
    x0, xt = full[:, index], full[:, -1]
    t0, t = years[index], years[-1]
    with np.errstate(all="ignore"):
        observed = (xt / x0) ** (1 / (t - t0)) - 1
        required = (goal / x0) ** (1 / (target.horizon - t0)) - 1
        ratio = np.where(x0 < 0, -sign, sign) * observed / np.abs(required)
    same = ((goal > 0) & (x0 > 0)) | ((goal < 0) & (x0 < 0))
    following = (xt == 0) | ((xt > 0) & (x0 > 0)) | ((xt < 0) & (x0 < 0))
    plain = pending & same & following & (required != 0) & np.isfinite(ratio)
    for band in spec.bands:
        if band.floor is not None:
            plain &= np.abs(ratio - band.floor) > EDGE
    # No plain ratio sits on a floor, so whether a floor belongs to its band
    # decides nothing here.
    open_ = plain.copy()
    for band in spec.bands:
        chosen = open_ if band.floor is None else open_ & (ratio > band.floor)
        statuses[chosen] = band.status
        open_ &= ~chosen
    ratios[plain] = ratio[plain]
    pending &= ~plain
