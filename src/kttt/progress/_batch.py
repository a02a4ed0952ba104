"""`assess_many`: many scenario paths of one series, assessed at once."""

from __future__ import annotations

import itertools

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from kttt.errors import NotFoundError, ValidationError
from kttt.progress._assess import DEFAULT_METHOD, assess, check_options
from kttt.progress._labels import ProgressStatus
from kttt.progress._progress import Progress
from kttt.series import (
    LAST_OBSERVED_YEAR,
    Observation,
    Series,
    check_compatible,
    fill_base,
)
from kttt.targets import Target, TargetForm


def continued(
    series: Series, years: Sequence[int], path: Sequence[float]
) -> Series:
    """Return *series* continued by *path*, marked as projected."""
    ahead = tuple(
        Observation(year=year, value=float(value), projected=True)
        for year, value in zip(years, path, strict=True)
    )
    return attrs.evolve(series, observations=series.observations + ahead)


@attrs.frozen(kw_only=True)
class ProgressBatch:
    """The verdicts on many scenario paths continuing one series.

    What `assess_many` returns: one status (and ratio, for the ratio
    methods) per path, in the order given; `ProgressBatch.progress`
    explains any of them.
    """

    #: The target assessed (with its base value, if it needs one).
    target: Target
    #: The observed series the paths continue.
    series: Series
    #: The years of the paths, after the series' latest year.
    years: tuple[int, ...]
    #: One path per scenario, with a value for each of *years*.
    paths: tuple[tuple[float, ...], ...]
    #: The method (see `assess`).
    method: str
    #: The method's base year, if one was asked for (see `assess`).
    base_year: int | None = None
    #: The epsilon replacing a zero, if one was asked for (see `assess`).
    epsilon: float | None = None
    #: The harmonised status of each path.
    statuses: tuple[ProgressStatus, ...]
    #: The method's ratio for each path (``None`` where there is none).
    ratios: tuple[float | None, ...]

    def __len__(self) -> int:
        return len(self.paths)

    def progress(self, index: int) -> Progress:
        """Return the full, explained `Progress` of path *index*.

        The same verdict as in `statuses`, from `assess` on the series
        continued by the path.

        Raises:
            NotFoundError: If there is no such path.
        """
        if not 0 <= index < len(self.paths):
            raise NotFoundError(
                "index", index, f"there are {len(self.paths)} paths"
            )
        return assess(
            self.target,
            continued(self.series, self.years, self.paths[index]),
            method=self.method,
            base_year=self.base_year,
            epsilon=self.epsilon,
        )

    def share(self, status: ProgressStatus) -> float:
        """Return the share of paths with *status*."""
        return self.statuses.count(status) / len(self.statuses)

    def to_records(self) -> list[dict[str, Any]]:
        """Return one flat record per path: its index, status and ratio."""
        code = self.target.indicator.code
        return [
            {
                "indicator": code,
                "horizon": self.target.horizon,
                "method": self.method,
                "path": index,
                "status": status.value,
                "ratio": ratio,
            }
            for index, (status, ratio) in enumerate(
                zip(self.statuses, self.ratios, strict=True)
            )
        ]


def _check_years(series: Series, years: Sequence[int]) -> tuple[int, ...]:
    if not isinstance(years, Iterable) or isinstance(years, str):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ValidationError("years", years, "an iterable of whole years")
    chosen = tuple(years)
    after = series.observations[-1].year if series.observations else 0
    if (
        not chosen
        or any(type(y) is not int for y in chosen)
        or chosen[0] <= after
        or chosen[-1] > LAST_OBSERVED_YEAR
        or any(b <= a for a, b in itertools.pairwise(chosen))
    ):
        raise ValidationError(
            "years",
            chosen,
            f"increasing whole years after the series' latest ({after}), "
            f"up to {LAST_OBSERVED_YEAR}",
        )
    return chosen


def _without_numpy() -> NotFoundError:
    return NotFoundError(
        "numpy", None, "this needs NumPy: pip install 'kttt[simulation]'"
    )


def met_share(
    target: Target, values: Sequence[float], *, year: int | None = None
) -> float:
    """Return the share of *values*, observed in *year*, that meet *target*.

    `is_met_at` for many values at once (the draws of a simulation, say),
    with NumPy (``pip install 'kttt[simulation]'``); *year* defaults to the
    target year. The values are not checked against the indicator's bounds.

    >>> from kttt.targets import nq20_targets
    >>> target = nq20_targets().get("cooperatives.count", 2030)
    >>> met_share(target, [40_000, 43_000, 46_000, 50_000])
    0.75

    Raises:
        NotFoundError: Without NumPy.
        ValidationError: Without values, or for a growth-rate target
            without its base value.
    """
    try:
        from kttt.progress import _vector  # noqa: PLC0415 - optional extra
    except ImportError:
        raise _without_numpy() from None
    return _vector.share(
        target, target.horizon if year is None else year, values
    )


def assess_many(
    target: Target,
    series: Series,
    paths: Sequence[Sequence[float]],
    *,
    years: Sequence[int],
    method: str = DEFAULT_METHOD,
    base_year: int | None = None,
    epsilon: float | None = None,
) -> ProgressBatch:
    """Assess many scenario paths that continue *series*, at once.

    Each path gives a value for each of *years*; the verdict on a path is
    that of `assess` on the series continued by it (all its data, no
    *as_of*). The Statistics Canada, Eurostat and UNSD 2022 ratios and the
    final verdicts are computed for all paths together with NumPy (``pip
    install 'kttt[simulation]'``); a path whose ratio sits on a threshold,
    or needs linear rates or an epsilon, and every path under the other
    methods, goes through `assess` itself, so the statuses are always those
    `assess` gives.

    >>> from kttt.series import national_series
    >>> from kttt.targets import nq20_targets
    >>> target = nq20_targets().get("cooperatives.count", 2030)
    >>> counts = national_series("cooperatives.count")
    >>> paths = [[35_041 * (1 + r) ** k for k in (1, 2)] for r in (0, 0.1)]
    >>> batch = assess_many(target, counts, paths, years=[2026, 2027])
    >>> [s.value for s in batch.statuses]
    ['needs_acceleration', 'on_track']

    Args:
        target: The target to assess.
        series: The observed series the paths continue.
        paths: One row per scenario, one value per year of *years* (a list
            of lists, or a two-dimensional NumPy array).
        years: The years the paths cover, after the series' latest.
        method: As for `assess`.
        base_year: As for `assess`.
        epsilon: As for `assess`.

    Raises:
        NotFoundError: For an unknown method, or without NumPy.
        IncompatibleSeriesError: If *series* observes something else.
        ValidationError: For years that do not follow the series, paths of
            the wrong length or out of the indicator's bounds, and what
            `assess` refuses.
    """
    check_options(target, method, base_year=base_year, epsilon=epsilon)
    check_compatible(target, series)
    if target.form is not TargetForm.LEVEL:
        target = fill_base(target, series)
    chosen = _check_years(series, years)
    try:
        from kttt.progress import _vector  # noqa: PLC0415 - optional extra
    except ImportError:
        raise _without_numpy() from None
    matrix = _vector.matrix(target.indicator, paths, len(chosen))
    batch = ProgressBatch(
        target=target,
        series=series,
        years=chosen,
        paths=tuple(map(tuple, matrix.tolist())),
        method=method,
        base_year=base_year,
        epsilon=epsilon,
        statuses=(),
        ratios=(),
    )
    statuses, ratios = _vector.verdicts(batch, matrix)
    return attrs.evolve(batch, statuses=statuses, ratios=ratios)
