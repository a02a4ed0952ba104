"""
The built-in data: every dataset kttt ships, each with its sources.

Each loader returns domain values, validated on load; the data files live
in the package (``kttt/data/``) and carry their sources inside them.
"""

from __future__ import annotations

from kttt import documents as _documents
from kttt import organizations as _organizations
from kttt import rating as _rating
from kttt import series as _series
from kttt import targets as _targets
from kttt.documents import Document
from kttt.geography import Era, Province
from kttt.organizations import LegalRule
from kttt.series import Series
from kttt.targets import TargetSet


__all__: list[str] = [
    "legal_rules",
    "documents",
    "national_statistics",
    "nq20_targets",
    "provinces",
    "rating_schemes",
    "target_set",
    "target_sets",
]


# --- documents ---


def documents() -> tuple[Document, ...]:
    """Return every party and state document the sources cite.

    The registry and its sources ship as ``kttt/data/documents/``; see
    `kttt.documents` for lookups and implementation chains.

    >>> from kttt import datasets
    >>> str(datasets.documents()[0].number)
    '13-NQ/TW'
    """
    return _documents.documents()


# --- organizations ---


def legal_rules() -> tuple[LegalRule, ...]:
    """Return the legal rules of the Laws on Cooperatives 2012 and 2023.

    The rules `kttt.organizations.check_compliance` measures by default:
    minimum members, capital caps and foreign-member caps, each with its
    source; see `kttt.organizations.legal_rules`.

    >>> from kttt import datasets
    >>> [rule.code for rule in datasets.legal_rules()][:2]
    ['htx-min-members-2012', 'lhhtx-min-members-2012']
    """
    return _organizations.legal_rules()


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


# --- rating ---


def rating_schemes() -> tuple[_rating.RatingScheme, ...]:
    """Return the built-in rating schemes, validated on load.

    TT 01/2020/TT-BKHĐT, TT 09/2017/TT-BNNPTNT and TT 42/2016/TT-NHNN,
    each with its source and what is known and unknown about it; see
    `kttt.rating.builtin_schemes` and the rating-schemes sources page.

    >>> from kttt import datasets
    >>> [s.code for s in datasets.rating_schemes()]
    ['TT-01-2020', 'TT-09-2017', 'TT-42-2016']
    """
    return _rating.builtin_schemes()
