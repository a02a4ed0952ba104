"""
The built-in data: every dataset kttt ships, each with its sources.

Each loader returns domain values, validated on load; the data files live
in the package (``kttt/data/``) and carry their sources inside them.
"""

from __future__ import annotations

from kttt import series as _series
from kttt import targets as _targets
from kttt.geography import Era, Province
from kttt.series import Series
from kttt.targets import TargetSet


__all__: list[str] = [
    "national_statistics",
    "nq20_targets",
    "provinces",
    "target_set",
    "target_sets",
]


# --- geography ---


def provinces(era: Era = Era.FROM_2025) -> tuple[Province, ...]:
    """Return the province-level units of *era*, sorted by NSO code.

    The table and its sources ship as ``kttt/data/geography/``; see
    `kttt.geography.Province` for lookups and the merge map.

    >>> from kttt import datasets
    >>> [p.name for p in datasets.provinces()][:3]
    ['Hà Nội', 'Cao Bằng', 'Tuyên Quang']

    Raises:
        ValidationError: If *era* is not an `kttt.geography.Era`.
    """
    return Province.all(era)


# --- targets and statistics ---


def nq20_targets() -> TargetSet:
    """Return the 2030 and 2045 targets of Resolution 20-NQ/TW.

    >>> from kttt import datasets
    >>> len(datasets.nq20_targets().by_horizon(2030))
    9

    See `kttt.targets.nq20_targets`.
    """
    return _targets.nq20_targets()


def target_sets() -> tuple[TargetSet, ...]:
    """Return every built-in target set (see `kttt.targets.target_sets`)."""
    return _targets.target_sets()


def target_set(code: str) -> TargetSet:
    """Return the built-in target set of document *code*, e.g. ``155-CTr/TU``.

    Raises:
        NotFoundError: If no built-in set has this code.
    """
    return _targets.target_set(code)


def national_statistics() -> dict[str, tuple[Series, ...]]:
    """Return the built-in national statistics 2013–2025.

    A mapping of indicator code to its series, the primary series first;
    see `kttt.series.national_statistics` and the data-sources page.
    """
    return _series.national_statistics()
