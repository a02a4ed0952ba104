"""
The built-in data: every dataset kttt ships, each with its sources.

Each loader returns domain values, validated on load; the data files live
in the package (``kttt/data/``) and carry their sources inside them.
"""

from __future__ import annotations

from kttt import committees as _committees
from kttt import documents as _documents
from kttt import organizations as _organizations
from kttt import programmes as _programmes
from kttt import rating as _rating
from kttt import series as _series
from kttt import targets as _targets
from kttt.committees import NetworkSnapshot, SteeringCommittee
from kttt.documents import Document
from kttt.geography import Era, Province
from kttt.organizations import LegalRule
from kttt.programmes import ActionProgramme
from kttt.series import Series
from kttt.targets import TargetSet


__all__: list[str] = [
    "committee_network_2023",
    "documents",
    "legal_rules",
    "national_committee_history",
    "national_statistics",
    "nq20_targets",
    "programme",
    "programmes",
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


# --- programmes ---


def programmes() -> tuple[ActionProgramme, ...]:
    """Return the built-in action programmes and plans, oldest first.

    Quảng Bình's 2020 conclusions (seed 004), Ninh Thuận's 155-CTr/TU
    (seed 003) and the steering committee's 2023 and 2026 activity plans
    (seeds 002 and 001); see `kttt.programmes`.

    >>> from kttt import datasets
    >>> [p.key for p in datasets.programmes()][-1]
    'bcd-2026'
    """
    return _programmes.programmes()


def programme(key: str) -> ActionProgramme:
    """Return one built-in programme by key or document number.

    >>> from kttt import datasets
    >>> len(datasets.programme("155-CTr/TU").tasks)
    20

    Raises:
        NotFoundError: If no built-in programme matches.
    """
    return _programmes.get_programme(key)


# --- committees ---


def national_committee_history() -> tuple[SteeringCommittee, ...]:
    """Return the national steering committee in 2017, 2023 and 2025.

    >>> from kttt import datasets
    >>> [str(c.decision) for c in datasets.national_committee_history()]
    ['352/QĐ-TTg', '352/QĐ-TTg', '1948/QĐ-TTg']
    """
    return _committees.national_committee_history()


def committee_network_2023() -> NetworkSnapshot:
    """Return the 2023 provincial committee network of seed 000.

    >>> from kttt import datasets
    >>> len(datasets.committee_network_2023().provinces)
    63
    """
    return _committees.network_2023()
