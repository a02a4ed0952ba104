"""Composite indices: one headline figure for a programme.

ESCAP's Current Status Index (how much of the distance from the base to
the target has been covered) and Anticipated Progress Index (how much of
it the projection to the target year covers), each averaged over the
targets with a number and data, and each method's share of targets by
status.

Per target, with ``d`` the desired direction, ``x0`` the base value (the
target's base year, else 2015, or the nearest year observed), ``xt`` the
latest value, ``x̂_T`` the projection to the target year and ``x*`` the
level aimed at::

    CS = min(1, d·(xt − x0) / |x* − x0|)      (1 once the target is met)
    AP = min(1, d·(x̂_T − x0) / |x* − x0|)     (1 once the target is met)

A target met counts 1, the most a target can count, so the index of a
programme whose targets are all met is 1; a regression counts below 0.
MENARO's code scales the same index to 0–10.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction

import attrs

from kttt.progress._labels import ProgressStatus
from kttt.progress._progress import Progress


@attrs.frozen(kw_only=True)
class ProgrammeIndex:
    """The headline figures of a programme (or a group of its targets).

    >>> from kttt.targets import nq20_targets
    >>> from kttt.series import national_statistics
    >>> from kttt.progress import ProgressReport
    >>> report = ProgressReport.build(nq20_targets(), national_statistics())
    >>> index = report.index(horizon=2030)
    >>> index.counted, index.targets, index.expected
    (7, 9, 0.5)
    """

    #: The mean of the targets' current status (ESCAP CSI), ``None``
    #: without any target to count.
    current_status: float | None
    #: The mean of the targets' anticipated progress (ESCAP API).
    anticipated_progress: float | None
    #: The mean share of each target's span elapsed (ESCAP's expected
    #: progress to date, to compare with `current_status`).
    expected: float | None
    #: How many targets the indices count (with a number and data).
    counted: int
    #: How many targets were considered.
    targets: int
    #: For each method, the share of the targets in each status.
    shares: Mapping[str, Mapping[ProgressStatus, Fraction]]


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _current(progress: Progress) -> float | None:
    if progress.status is ProgressStatus.ACHIEVED:
        return 1.0
    covered = progress.distance_covered
    return None if covered is None else min(1.0, covered)


def _anticipated(progress: Progress) -> float | None:
    if progress.status is ProgressStatus.ACHIEVED:
        return 1.0
    if progress.status is ProgressStatus.MISSED:
        covered = progress.distance_covered
        return None if covered is None else min(1.0, covered)
    return None if progress.ratio is None else min(1.0, progress.ratio)


def shares_of(
    statuses: Iterable[ProgressStatus],
) -> dict[ProgressStatus, Fraction]:
    """Return the share of each status among *statuses* (empty: none)."""
    found = list(statuses)
    return {
        status: Fraction(found.count(status), len(found))
        for status in ProgressStatus
        if found and status in found
    }


def programme_index(
    rows: Iterable[tuple[Progress | None, tuple[ProgressStatus, ...]]],
    methods: tuple[str, ...],
) -> ProgrammeIndex:
    """Return the index of report rows.

    Each row is its projection-method `Progress` (``None`` without data
    or a number) and its status by each of *methods*.
    """
    current: list[float] = []
    anticipated: list[float] = []
    elapsed: list[float] = []
    by_method: list[list[ProgressStatus]] = [[] for _ in methods]
    count = 0
    for progress, statuses in rows:
        count += 1
        for found, status in zip(by_method, statuses, strict=True):
            found.append(status)
        if progress is None:
            continue
        for values, value in (
            (current, _current(progress)),
            (anticipated, _anticipated(progress)),
            (elapsed, progress.time_elapsed),
        ):
            if value is not None:
                values.append(value)
    return ProgrammeIndex(
        current_status=_mean(current),
        anticipated_progress=_mean(anticipated),
        expected=_mean([min(1.0, e) for e in elapsed]),
        counted=len(current),
        targets=count,
        shares={
            name: shares_of(found)
            for name, found in zip(methods, by_method, strict=True)
        },
    )
