"""
The built-in data: every dataset kttt ships, each with its sources.

Each loader returns domain values, validated on load; the data files live
in the package (``kttt/data/``) and carry their sources inside them.
"""

from __future__ import annotations

from kttt.geography import Era, Province


__all__: list[str] = ["provinces"]


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
