"""Projectors: extrapolate a series to its target year.

Each projector takes the observed years and values and returns the value
expected in the horizon year if the observed pace goes on.
The ``"projection"`` method of `kttt.progress.assess` accepts any of them.
"""

from __future__ import annotations

import itertools
import math

from collections.abc import Sequence
from typing import Protocol, SupportsFloat

import attrs

from kttt.errors import ValidationError


__all__ = [
    "CompoundGrowth",
    "LinearTrend",
    "Projector",
    "TimeWeightedGeometric",
    "WeightedLogit",
]


class Projector(Protocol):
    """Anything that extrapolates observations to a horizon year."""

    @property
    def name(self) -> str:
        """A short code for reports (``"compound"``, ``"logit"``...)."""
        ...  # pragma: no cover

    def project(
        self,
        years: Sequence[int],
        values: Sequence[SupportsFloat],
        horizon: int,
    ) -> float:
        """Return the value expected in *horizon* from the observations."""
        ...  # pragma: no cover


def _checked(
    years: Sequence[int],
    values: Sequence[SupportsFloat],
    horizon: int,
) -> tuple[list[int], list[float]]:
    if len(years) != len(values):
        raise ValidationError("values", values, "one value per year is needed")
    if len(years) < 2:
        raise ValidationError(
            "years", years, "a projection needs at least two observations"
        )
    if any(b <= a for a, b in itertools.pairwise(years)):
        raise ValidationError(
            "years", years, "years must be strictly increasing"
        )
    if horizon <= years[-1]:
        raise ValidationError(
            "horizon", horizon, "must be after the last observed year"
        )
    floats = [float(v) for v in values]
    if not all(math.isfinite(v) for v in floats):
        raise ValidationError("values", values, "values must be finite")
    return list(years), floats


def _require_positive(values: Sequence[float], projector: str) -> None:
    if min(values) <= 0:
        raise ValidationError(
            "values",
            values,
            f"the {projector} projector needs values above zero",
        )


def _finite(projected: float, projector: str) -> float:
    """Return *projected*, refusing a value beyond the float range."""
    if not math.isfinite(projected):
        raise ValidationError(
            "values",
            projected,
            f"the {projector} projection overflows the float range",
        )
    return projected


@attrs.frozen
class CompoundGrowth:
    """Continue the compound annual growth rate of the first to the last point.

    This is UNSD's projection (SDG Report 2023 onward):
    ``x̂_T = x_n · (x_n / x_1) ** ((T − t_n) / (t_n − t_1))``.

    >>> CompoundGrowth().project([2020, 2022], [100, 121], 2024)
    146.41
    """

    @property
    def name(self) -> str:
        """``"compound"``."""
        return "compound"

    def project(
        self,
        years: Sequence[int],
        values: Sequence[SupportsFloat],
        horizon: int,
    ) -> float:
        """Return the compound-growth projection of *values* to *horizon*.

        Raises:
            ValidationError: If there are fewer than two points, years do
                not increase, the horizon is not after them, a value is
                not above zero, or the projection overflows.
        """
        t, x = _checked(years, values, horizon)
        _require_positive([x[0], x[-1]], self.name)
        exponent = (horizon - t[-1]) / (t[-1] - t[0])
        try:
            projected: float = x[-1] * (x[-1] / x[0]) ** exponent
        except OverflowError:
            projected = math.inf
        return _finite(projected, self.name)


@attrs.frozen
class LinearTrend:
    """Continue the average annual change of the first to the last point.

    ``x̂_T = x_n + (T − t_n) · (x_n − x_1) / (t_n − t_1)``.

    >>> LinearTrend().project([2020, 2022], [100, 120], 2025)
    150.0
    """

    @property
    def name(self) -> str:
        """``"linear"``."""
        return "linear"

    def project(
        self,
        years: Sequence[int],
        values: Sequence[SupportsFloat],
        horizon: int,
    ) -> float:
        """Return the straight-line projection of *values* to *horizon*.

        Raises:
            ValidationError: If there are fewer than two points, years do
                not increase or the horizon is not after them.
        """
        t, x = _checked(years, values, horizon)
        slope = (x[-1] - x[0]) / (t[-1] - t[0])
        return x[-1] + (horizon - t[-1]) * slope


def _escap_weights(years: Sequence[int], horizon: int) -> list[float]:
    """ESCAP WP04 weights ``w_i = (T − t_min) / (T − t_i)``."""
    return [(horizon - years[0]) / (horizon - year) for year in years]


@attrs.frozen
class TimeWeightedGeometric:
    """ESCAP's time-weighted geometric extrapolation, for unbounded counts.

    Each year-on-year growth factor gets the weight
    ``w_i = (T − t_min) / (T − t_i)``, so recent changes count more
    (Bidarbakht Nia 2017, ESCAP SD/WP/04); the weighted mean growth goes on
    from the last value:
    ``x̂_T = x_n · [Π (x_i / x_{i−1}) ** w_i] ** ((T − t_n) / W)``.
    A gap of several years counts as that many annual steps of equal
    growth, which gives the published formula for annual data.

    >>> geometric = TimeWeightedGeometric()
    >>> round(geometric.project([2020, 2021], [100, 110], 2023), 6)
    133.1
    """

    @property
    def name(self) -> str:
        """``"escap_geometric"``."""
        return "escap_geometric"

    def project(
        self,
        years: Sequence[int],
        values: Sequence[SupportsFloat],
        horizon: int,
    ) -> float:
        """Return the time-weighted geometric projection to *horizon*.

        Raises:
            ValidationError: If there are fewer than two points, years do
                not increase, the horizon is not after them, a value is
                not above zero, or the projection overflows.
        """
        t, x = _checked(years, values, horizon)
        _require_positive(x, self.name)
        weights = _escap_weights(t, horizon)
        log_sum = 0.0
        weight_sum = 0.0
        for i in range(1, len(t)):
            step = t[i] - t[i - 1]
            log_sum += weights[i] * (math.log(x[i]) - math.log(x[i - 1]))
            weight_sum += weights[i] * step
        try:
            growth = math.exp(log_sum / weight_sum * (horizon - t[-1]))
        except OverflowError:
            growth = math.inf
        return _finite(x[-1] * growth, self.name)


def _check_scale(_: object, __: attrs.Attribute[float], value: float) -> None:
    if not (math.isfinite(value) and value > 0):
        raise ValidationError("scale", value, "must be a positive number")


@attrs.frozen
class WeightedLogit:
    """ESCAP's weighted logit regression, for shares bounded by *scale*.

    The logits ``ln(p / (1 − p))`` of ``p = x / scale`` are fitted on the
    centred years by least squares with the ESCAP weights
    ``w_i = (T − t_min) / (T − t_i)``; the fitted line at the horizon is
    turned back into a share.
    The projection never leaves the interval from 0 to *scale*.

    >>> round(WeightedLogit().project([2020, 2025], [20, 50], 2030), 4)
    80.0
    """

    #: The upper bound of the share (100 for percentages).
    scale: float = attrs.field(
        default=100.0, kw_only=True, validator=_check_scale
    )

    @property
    def name(self) -> str:
        """``"escap_logit"``."""
        return "escap_logit"

    def project(
        self,
        years: Sequence[int],
        values: Sequence[SupportsFloat],
        horizon: int,
    ) -> float:
        """Return the weighted logit projection of the shares to *horizon*.

        Raises:
            ValidationError: If there are fewer than two points, years do
                not increase, the horizon is not after them, or a share is
                not strictly between 0 and the scale.
        """
        t, x = _checked(years, values, horizon)
        if not all(0 < v < self.scale for v in x):
            raise ValidationError(
                "values",
                values,
                f"the logit projector needs shares strictly between 0 and "
                f"{self.scale:g}",
            )
        weights = _escap_weights(t, horizon)
        mean_t = sum(t) / len(t)
        centred = [year - mean_t for year in t]
        logits = [math.log(v / (self.scale - v)) for v in x]
        w_sum = sum(weights)
        wt = sum(w * c for w, c in zip(weights, centred, strict=True))
        wl = sum(w * lg for w, lg in zip(weights, logits, strict=True))
        wtl = sum(
            w * c * lg
            for w, c, lg in zip(weights, centred, logits, strict=True)
        )
        wtt = sum(w * c * c for w, c in zip(weights, centred, strict=True))
        slope = (wtl - wt * wl / w_sum) / (wtt - wt * wt / w_sum)
        intercept = (wl - slope * wt) / w_sum
        fitted = intercept + slope * (horizon - mean_t)
        return self.scale * _expit(fitted)


def _expit(value: float) -> float:
    """The logistic function, without overflow for large ``|value|``."""
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    exp = math.exp(value)
    return exp / (1.0 + exp)
