"""The built-in data: every dataset kttt ships, each with its sources.

Each dataset is one data file under ``kttt/data/`` in the one envelope of
kttt's data files (a description, its sources with the date each was
retrieved, and the rows), read by the room that owns it and validated on
load.
`names` lists them, `about` tells what one holds and where it comes from,
and `load` reads one, from kttt's own file or from a corrected or updated
copy of it in the same format:

>>> from kttt import datasets
>>> "documents/registry" in datasets.names()
True
>>> datasets.about("bodies/issuers").sources[0].document
'GLOSSARY.md'

The functions below the registry return the datasets as domain values.
"""

from __future__ import annotations

import importlib
import os

from typing import Any, Final, cast

import attrs

from kttt import _data
from kttt import committees as _committees
from kttt import documents as _documents
from kttt import organizations as _organizations
from kttt import programmes as _programmes
from kttt import rating as _rating
from kttt import series as _series
from kttt import targets as _targets
from kttt._data import PACKAGE_DATA, Dataset
from kttt.committees import NetworkSnapshot, SteeringCommittee
from kttt.documents import Document
from kttt.errors import NotFoundError
from kttt.geography import Era, Province
from kttt.organizations import LegalRule
from kttt.programmes import ActionProgramme
from kttt.series import Series
from kttt.sources import Source
from kttt.targets import TargetSet


__all__: list[str] = [
    "DatasetInfo",
    "about",
    "committee_network_2023",
    "documents",
    "legal_rules",
    "load",
    "names",
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


#: Every built-in dataset: its name (the file's path under ``kttt/data``
#: without ``.json``) and where its room declares it, as
#: ``(module, attribute)``; a room is imported only when one of its
#: datasets is asked for.
_REGISTRY: Final[dict[str, tuple[str, str]]] = {
    "bodies/agencies": ("kttt.bodies", "AGENCIES"),
    "bodies/issuers": ("kttt.bodies", "ISSUERS"),
    "committees/national": ("kttt.committees", "NATIONAL_COMMITTEES"),
    "committees/network-2023": ("kttt.committees", "NETWORK_2023"),
    "committees/provincial": ("kttt.committees", "PROVINCIAL_COMMITTEES"),
    "committees/structure-rules": ("kttt.committees", "STRUCTURE_RULES"),
    "documents/kind_codes": ("kttt.documents", "KIND_CODES"),
    "documents/registry": ("kttt.documents", "REGISTRY"),
    "geography/provinces": ("kttt.geography", "PROVINCES"),
    "programmes/bcd-2023": ("kttt.programmes", "BCD_2023"),
    "programmes/bcd-2026": ("kttt.programmes", "BCD_2026"),
    "programmes/ninh-thuan-155": ("kttt.programmes", "NINH_THUAN_155"),
    "programmes/quang-binh-2020": ("kttt.programmes", "QUANG_BINH_2020"),
    "organizations/legal_rules": ("kttt.organizations", "LEGAL_RULES"),
    "statistics/national": ("kttt.series", "NATIONAL"),
    "targets/ctr155-ninh-thuan": ("kttt.targets", "CTR155_NINH_THUAN"),
    "targets/indicators": ("kttt.targets", "INDICATORS"),
    "targets/nq106": ("kttt.targets", "NQ106"),
    "targets/nq20": ("kttt.targets", "NQ20"),
    "targets/qd1318": ("kttt.targets", "QD1318"),
    "targets/qd340": ("kttt.targets", "QD340"),
    "rating/tt-01-2020": ("kttt.rating", "TT_01_2020"),
    "rating/tt-09-2017": ("kttt.rating", "TT_09_2017"),
    "rating/tt-42-2016": ("kttt.rating", "TT_42_2016"),
}


@attrs.frozen(kw_only=True)
class DatasetInfo:
    """What a built-in dataset holds and where its facts come from."""

    #: The dataset's name (``"geography/provinces"``).
    name: str = attrs.field(validator=_data.text(unpadded=True))
    #: The file, under the installed package.
    file: str = attrs.field(validator=_data.text(unpadded=True))
    #: What the rows are.
    description: str = attrs.field(validator=_data.text())
    #: Every source of the file, with the date it was retrieved where
    #: recorded.
    sources: tuple[Source, ...] = attrs.field(validator=_data.tuple_of(Source))
    #: How many rows the file holds.
    rows: int = attrs.field(validator=_data.whole_number())


def names() -> tuple[str, ...]:
    """Return the name of every built-in dataset, sorted."""
    return tuple(sorted(_REGISTRY))


def _dataset(name: str) -> Dataset[Any]:
    entry = (
        _REGISTRY.get(name) if isinstance(cast("object", name), str) else None
    )
    if entry is None:
        raise NotFoundError(
            "dataset", name, f"the built-in datasets are: {', '.join(names())}"
        )
    module, attribute = entry
    dataset: Dataset[Any] = getattr(importlib.import_module(module), attribute)
    return dataset


def about(name: str) -> DatasetInfo:
    """Return what the built-in dataset *name* holds and its sources.

    Raises:
        NotFoundError: If kttt ships no dataset of that name.
    """
    dataset = _dataset(name)
    envelope = dataset.envelope()
    return DatasetInfo(
        name=dataset.name,
        file=f"{PACKAGE_DATA}/{dataset.file}",
        description=envelope.description,
        sources=envelope.sources,
        rows=len(envelope.rows),
    )


def load(name: str, path: str | os.PathLike[str] | None = None) -> Any:
    """Return the dataset *name* as domain values, validated.

    Args:
        name: A name from `names`.
        path: A file in the same format to read instead of kttt's own
            (a corrected or more recent copy); read at every call, while
            kttt's own file is read once.

    Raises:
        NotFoundError: If kttt ships no dataset of that name.
        DataError: If the file is malformed, naming the file and the row,
            column or path of what is wrong.
    """
    return _dataset(name).load(path)


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
