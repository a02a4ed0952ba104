"""Deterministic projections, required paces and the year a target is met."""

from __future__ import annotations

import itertools
import math

from collections.abc import Iterator

import attrs

from kttt.errors import ValidationError
from kttt.progress import RequiredPace, is_met_at, required_pace
from kttt.scenarios._assumptions import Assumption, AssumptionKind
from kttt.series import (
    LAST_OBSERVED_YEAR,
    Observation,
    Series,
    check_compatible,
    fill_base,
)
from kttt.targets import Indicator, Target, TargetForm


def _window_start(series: Series, years: int) -> Observation:
    """Return the first observation of the last *years* years but the latest.

    Raises:
        ValidationError: If there is none.
    """
    latest = series.latest()
    for observation in series.observations[:-1]:
        if observation.year >= latest.year - years:
            return observation
    raise ValidationError(
        "years",
        years,
        f"{series.indicator.code} has no observation in the {years} years "
        f"before {latest.year}",
    )


def _positive(observations: list[Observation]) -> None:
    if any(o.value <= 0 for o in observations):
        raise ValidationError(
            "series",
            [o.value for o in observations],
            "compound growth needs values above zero; use a linear "
            "assumption (observed_trend(linear=True), constant_increment)",
        )


def pace_of(
    series: Series, assumption: Assumption
) -> tuple[float | None, float | None]:
    """Return the yearly rate or the yearly change *assumption* means.

    Exactly one of the two is set; an observed trend is read from *series*.

    Raises:
        ValidationError: For an uncertain assumption, or an observed trend
            the series cannot give.
        NotFoundError: If the series is empty.
    """
    kind = assumption.kind
    if kind.is_uncertain:
        raise ValidationError(
            "assumption",
            kind.value,
            "growth drawn at random is simulated, not projected: use "
            "simulate()",
        )
    if kind is AssumptionKind.CONSTANT_RATE:
        return assumption.rate, None
    if kind is AssumptionKind.CONSTANT_INCREMENT:
        return None, assumption.increment
    latest = series.latest()
    start = _window_start(series, assumption.years or 0)
    span = latest.year - start.year
    if assumption.linear:
        return None, (latest.value - start.value) / span
    _positive([start, latest])
    return (latest.value / start.value) ** (1 / span) - 1, None


def check_bounds(
    indicator: Indicator, assumption: Assumption, year: int, value: float
) -> None:
    """Refuse a projected *value* outside *indicator*'s bounds.

    Raises:
        ValidationError: Naming the assumption, the year and the bound.
    """
    upper, lower = indicator.upper, indicator.lower
    for bound, side in (
        (upper if upper is not None and value > upper else None, "above"),
        (lower if lower is not None and value < lower else None, "below"),
    ):
        if bound is not None:
            raise ValidationError(
                "assumption",
                assumption,
                f"takes {indicator.code} to {value:.6g} in {year}, {side} "
                f"its bound {bound:g}",
            )


def path(
    series: Series, assumption: Assumption, until: int
) -> Iterator[tuple[int, float]]:
    """Yield each year after the latest observation up to *until*, valued.

    Raises:
        ValidationError: See `pace_of` and `check_bounds`; also if the
            pace takes the value beyond any float.
    """
    rate, change = pace_of(series, assumption)
    latest = series.latest()
    for year in range(latest.year + 1, until + 1):
        ahead = year - latest.year
        try:
            value = (
                latest.value * (1 + rate) ** ahead
                if rate is not None
                else latest.value + ahead * (change or 0.0)
            )
        except OverflowError:
            value = math.inf
        if not math.isfinite(value):
            raise ValidationError(
                "assumption",
                assumption,
                f"takes {series.indicator.code} beyond any number in {year}",
            )
        check_bounds(series.indicator, assumption, year, value)
        yield year, value


def project(series: Series, assumption: Assumption, *, until: int) -> Series:
    """Continue *series* under *assumption* up to *until*.

    The new observations are marked `kttt.series.Observation.projected`, so
    that `kttt.progress.assess` and every table say they are not data.

    >>> from kttt.series import national_series
    >>> counts = national_series("cooperatives.count")
    >>> ahead = project(counts, Assumption.constant_rate(0.05), until=2027)
    >>> [(o.year, round(o.value), o.projected) for o in ahead][-3:]
    [(2025, 35041, False), (2026, 36793, True), (2027, 38633, True)]

    Raises:
        ValidationError: If *until* is not after the latest observation (or
            past 2100), the assumption is drawn at random (see
            `simulate`), an observed trend cannot be read from the series,
            or the projection leaves the indicator's bounds (a share above
            100 %, a negative count).
        NotFoundError: If the series is empty.
    """
    _check_year("until", until)
    latest = series.latest()
    if not latest.year < until <= LAST_OBSERVED_YEAR:
        raise ValidationError(
            "until",
            until,
            f"must be after the latest observation ({latest.year}) and at "
            f"most {LAST_OBSERVED_YEAR}",
        )
    ahead = tuple(
        Observation(year=year, value=value, projected=True)
        for year, value in path(series, assumption, until)
    )
    return attrs.evolve(series, observations=series.observations + ahead)


def _check_year(field: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, value, "a year, as a whole number")


def _filled(target: Target, series: Series) -> Target:
    check_compatible(target, series)
    if target.form is TargetForm.LEVEL:
        return target
    return fill_base(target, series)


def required_rate(
    target: Target, series: Series, start: int | None = None
) -> RequiredPace:
    """Return the constant pace that meets *target* exactly at its horizon.

    From the latest observation, or from the year *start* of *series*; the
    `kttt.progress.RequiredPace` holds the compound rate and the yearly
    change.

    >>> from kttt.series import national_series
    >>> from kttt.targets import nq20_targets
    >>> target = nq20_targets().get("cooperatives.count", 2030)
    >>> pace = required_rate(target, national_series("cooperatives.count"))
    >>> round(pace.rate, 4), round(pace.change)
    (0.0406, 1542)

    Raises:
        IncompatibleSeriesError: If *series* observes something else.
        NotFoundError: If the series is empty or *start* is not observed.
        ValidationError: If the start is not before the target year.
    """
    target = _filled(target, series)
    observation = series.latest() if start is None else series.at(start)
    return required_pace(target, observation.year, observation.value)


def year_met(
    target: Target,
    series: Series,
    assumption: Assumption,
    *,
    until: int = LAST_OBSERVED_YEAR,
) -> int | None:
    """Return the first year *target* is met at the pace of *assumption*.

    The latest observation's year if it already meets the target; ``None``
    if the pace does not meet it by *until*. Any year counts, before or
    after the target's horizon ("at this pace, in 2034").

    >>> from kttt.series import national_series
    >>> from kttt.targets import nq20_targets
    >>> target = nq20_targets().get("cooperatives.count", 2030)
    >>> counts = national_series("cooperatives.count")
    >>> year_met(target, counts, Assumption.constant_rate(0.02))
    2036

    Raises:
        IncompatibleSeriesError: If *series* observes something else.
        ValidationError: As `project`, also if the pace leaves the
            indicator's bounds before meeting the target.
    """
    _check_year("until", until)
    if until > LAST_OBSERVED_YEAR:
        raise ValidationError("until", until, f"at most {LAST_OBSERVED_YEAR}")
    target = _filled(target, series)
    latest = series.latest()
    if is_met_at(target, latest.year, latest.value):
        return latest.year
    for year, value in path(series, assumption, until):
        if is_met_at(target, year, value):
            return year
    return None


def yearly_rates(series: Series, years: int | None) -> list[float]:
    """Return the compound yearly rates between consecutive observations.

    Of the last *years* years (``None``: all); a gap of several years gives
    its average rate once per year of the gap.

    Raises:
        ValidationError: With fewer than two observations in the window, or
            a value not above zero.
    """
    observations = list(series.observations)
    if years is not None and observations:
        first = observations[-1].year - years
        observations = [o for o in observations if o.year >= first]
    if len(observations) < 2:
        raise ValidationError(
            "years",
            years,
            f"resampling {series.indicator.code} needs two observations in "
            "the window",
        )
    _positive(observations)
    rates: list[float] = []
    for before, after in itertools.pairwise(observations):
        gap = after.year - before.year
        rates.extend([(after.value / before.value) ** (1 / gap) - 1] * gap)
    return rates
