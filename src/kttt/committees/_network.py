"""The committee network province by province, and its regrouping onto 2025.

A `NetworkSnapshot` records, for each province of an era, what a source
says about its committee; `network_summary` counts it, on its own
provinces or regrouped onto the 34 provinces of 2025 (`regroup`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any, Final, cast

import attrs
import pendulum

from kttt import _data
from kttt._labels import LabelledEnum
from kttt.committees._model import OPTIONAL_COUNT, StandingAgency, maybe
from kttt.errors import ValidationError
from kttt.geography import Era, Province
from kttt.sources import Source


# --- enumerations ------------------------------------------------------------


class NetworkAspect(LabelledEnum):
    """A fact the network snapshot records per province."""

    STANDING_AGENCY = (
        "standing_agency",
        "cơ quan thường trực Ban Chỉ đạo cấp tỉnh",
        "standing agency of the provincial committee",
    )
    SUPPORT_TEAM = (
        "support_team",
        "tổ giúp việc Ban Chỉ đạo cấp tỉnh",
        "support team of the provincial committee",
    )
    DISTRICT_COMMITTEES = (
        "district_committees",
        "Ban Chỉ đạo cấp huyện",
        "district committees",
    )
    COMMUNE_FOCAL_OFFICERS = (
        "commune_focal_officers",
        "cán bộ đầu mối cấp xã",
        "commune focal officers",
    )


#: Refuses anything but `None`, `True` and `False`.
_FLAG: Final = _data.optional(_data.flag())


# --- the network snapshot ----------------------------------------------------


@attrs.frozen(kw_only=True)
class ProvinceNetwork:
    """What a network snapshot knows about one province (`None`: unknown)."""

    #: The province.
    province: Province = attrs.field(validator=_data.instance_of(Province))
    #: The kind of body that is its committee's standing agency.
    standing_agency: StandingAgency | None = attrs.field(
        default=None, validator=maybe(StandingAgency)
    )
    #: Whether its committee has a support team (tổ giúp việc).
    support_team: bool | None = attrs.field(default=None, validator=_FLAG)
    #: Whether it has set up district committees.
    district_committees: bool | None = attrs.field(
        default=None, validator=_FLAG
    )
    #: Whether it has commune-level focal officers.
    commune_focal_officers: bool | None = attrs.field(
        default=None, validator=_FLAG
    )
    #: Where the facts come from.
    sources: tuple[Source, ...] = attrs.field(
        default=(), validator=_data.tuple_of(Source), repr=False
    )

    def has(self, aspect: NetworkAspect) -> bool | None:
        """Tell whether the province has *aspect* (`None`: unknown).

        For ``NetworkAspect.STANDING_AGENCY`` this tells whether the standing
        agency is known.
        """
        if aspect is NetworkAspect.STANDING_AGENCY:
            return self.standing_agency is not None
        return cast("bool | None", getattr(self, aspect.value))


@attrs.frozen(kw_only=True)
class StatedCount:
    """A count a source states for the whole network ("45/63 provinces").

    For ``NetworkAspect.STANDING_AGENCY`` it counts the provinces whose
    standing agency is one of `standing_agencies`; for the other aspects,
    the provinces that have the aspect.
    """

    #: What is counted.
    aspect: NetworkAspect = attrs.field(
        validator=_data.instance_of(NetworkAspect)
    )
    #: How many provinces.
    count: int = attrs.field(validator=_data.whole_number())
    #: Out of how many.
    of: int = attrs.field(validator=_data.whole_number())
    #: The standing agencies counted (``NetworkAspect.STANDING_AGENCY``).
    standing_agencies: tuple[StandingAgency, ...] = attrs.field(
        default=(), validator=_data.tuple_of(StandingAgency)
    )
    #: Where it is stated.
    source: Source | None = attrs.field(default=None, validator=maybe(Source))

    def __attrs_post_init__(self) -> None:
        if self.count > self.of:
            raise ValidationError(
                "count", self.count, f"cannot exceed {self.of}"
            )
        agencies = self.aspect is NetworkAspect.STANDING_AGENCY
        if agencies != bool(self.standing_agencies):
            raise ValidationError(
                "standing_agencies",
                self.standing_agencies,
                "given exactly for a count of standing agencies",
            )

    def matches(self, entry: ProvinceNetwork) -> bool | None:
        """Tell whether *entry* is one of the provinces counted."""
        if self.aspect is NetworkAspect.STANDING_AGENCY:
            found = entry.standing_agency
            return None if found is None else found in self.standing_agencies
        return entry.has(self.aspect)


def _each_province_once(
    _: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    codes = Counter(
        e.province.code for e in cast("tuple[ProvinceNetwork, ...]", value)
    )
    for code, times in codes.items():
        if times > 1:
            raise ValidationError(
                attribute.name, code, "each province appears once"
            )


@attrs.frozen(kw_only=True)
class NetworkSnapshot:
    """The state of the committee network on one date, province by province.

    Where the source names provinces, each `ProvinceNetwork` holds the fact;
    where it gives only a count, the provinces hold `None` and a
    `StatedCount` holds the number.
    The snapshot covers every province of its era, and every stated count
    must be consistent with the per-province facts.

    >>> from kttt.committees import network_2023
    >>> snapshot = network_2023()
    >>> quang_binh = snapshot.province("Quảng Bình")
    >>> len(snapshot.provinces), quang_binh.standing_agency.value
    (63, 'cooperative_alliance')
    """

    #: The date the snapshot describes.
    as_of: pendulum.Date = attrs.field(validator=_data.date())
    #: The map of provinces it uses.
    era: Era = attrs.field(validator=_data.instance_of(Era))
    #: One entry per province of the era.
    provinces: tuple[ProvinceNetwork, ...] = attrs.field(
        validator=[_data.tuple_of(ProvinceNetwork), _each_province_once],
        repr=False,
    )
    #: Counts the source states.
    counts: tuple[StatedCount, ...] = attrs.field(
        default=(), validator=_data.tuple_of(StatedCount), repr=False
    )
    #: Where the snapshot comes from.
    source: Source | None = attrs.field(default=None, validator=maybe(Source))

    def __attrs_post_init__(self) -> None:
        expected = {p.code for p in Province.all(self.era)}
        for entry in self.provinces:
            if entry.province.era is not self.era:
                raise ValidationError(
                    "provinces",
                    entry.province.name,
                    f"every province is one of {self.era.label_en}",
                )
        missing = expected - {e.province.code for e in self.provinces}
        if missing:
            raise ValidationError(
                "provinces", sorted(missing), "every province has an entry"
            )
        for stated in self.counts:
            self._check_count(stated)

    def _check_count(self, stated: StatedCount) -> None:
        verdicts = [stated.matches(entry) for entry in self.provinces]
        known = verdicts.count(True)
        unknown = verdicts.count(None)
        if stated.of != len(self.provinces) or not (
            known <= stated.count <= known + unknown
        ):
            raise ValidationError(
                "counts",
                f"{stated.count}/{stated.of}",
                f"{stated.aspect.value}: the provinces give {known} known "
                f"and {unknown} unknown of {len(self.provinces)}",
            )

    def province(self, name_or_code: str) -> ProvinceNetwork:
        """Return the entry of one province, by name or NSO code.

        Raises:
            UnknownProvinceError: If no province of the era matches.
        """
        wanted = Province.get(name_or_code, era=self.era)
        return next(
            e for e in self.provinces if e.province.code == wanted.code
        )


@attrs.frozen(kw_only=True)
class RegroupedProvince:
    """One of the 34 provinces of 2025 with its predecessors' entries."""

    #: The province of the 34.
    province: Province = attrs.field(validator=_data.instance_of(Province))
    #: The entries of the provinces it was formed from.
    predecessors: tuple[ProvinceNetwork, ...] = attrs.field(
        validator=_data.tuple_of(ProvinceNetwork)
    )

    @property
    def standing_agencies(self) -> frozenset[StandingAgency]:
        """The standing agencies its predecessors used (known ones)."""
        return frozenset(
            p.standing_agency
            for p in self.predecessors
            if p.standing_agency is not None
        )

    def any(self, aspect: NetworkAspect) -> bool | None:
        """Tell whether any predecessor had *aspect*.

        ``True`` if one did, ``False`` if none did, `None` if that depends on
        unknown facts.
        """
        verdicts = [p.has(aspect) for p in self.predecessors]
        if True in verdicts:
            return True
        return None if None in verdicts else False


_COUNT: Final = _data.whole_number()


def _check_agency_counts(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, Mapping):
        raise ValidationError(
            attribute.name, value, "must map standing agencies to counts"
        )
    counts = cast("Mapping[object, object]", value)
    for agency, count in counts.items():
        _data.instance_of(StandingAgency).check(attribute.name, agency)
        _COUNT.check(f"{attribute.name}[{agency}]", count)


@attrs.frozen(kw_only=True)
class NetworkSummary:
    """The figures of a network snapshot, on the 63 or the 34 provinces.

    On the 34, a province counts under a standing agency (or a support
    team) if any of the provinces it was formed from does; the `notes`
    say what could not be regrouped.
    """

    #: The date of the snapshot.
    as_of: pendulum.Date = attrs.field(validator=_data.date())
    #: The map of provinces the figures are on.
    era: Era = attrs.field(validator=_data.instance_of(Era))
    #: The number of provinces.
    province_count: int = attrs.field(validator=_COUNT)
    #: Provinces per standing agency.
    standing_agency: Mapping[StandingAgency, int] = attrs.field(
        validator=_check_agency_counts
    )
    #: Provinces with a standing agency other than the planning department.
    not_planning_department: int = attrs.field(validator=_COUNT)
    #: Provinces whose standing agency is not known.
    standing_agency_unknown: int = attrs.field(validator=_COUNT)
    #: Provinces with a support team (`None`: cannot be told).
    support_team: int | None = attrs.field(validator=OPTIONAL_COUNT)
    #: Provinces with district committees (`None`: cannot be told).
    district_committees: int | None = attrs.field(validator=OPTIONAL_COUNT)
    #: Provinces with commune focal officers (`None`: cannot be told).
    commune_focal_officers: int | None = attrs.field(validator=OPTIONAL_COUNT)
    #: How the figures were obtained and what could not be regrouped.
    notes: tuple[str, ...] = attrs.field(
        default=(), validator=_data.tuple_of(_data.text())
    )


def regroup(snapshot: NetworkSnapshot) -> tuple[RegroupedProvince, ...]:
    """Regroup a snapshot of the 63 provinces onto the 34 of 2025.

    >>> from kttt.committees import network_2023
    >>> units = {u.province.name: u for u in regroup(network_2023())}
    >>> [p.province.name for p in units["Quảng Trị"].predecessors]
    ['Quảng Bình', 'Quảng Trị']

    Raises:
        ValidationError: If *snapshot* is not a snapshot of the 63.
    """
    if not isinstance(cast("object", snapshot), NetworkSnapshot):
        raise ValidationError(
            "snapshot", snapshot, "must be a NetworkSnapshot"
        )
    if snapshot.era is not Era.PRE_2025:
        raise ValidationError(
            "snapshot", snapshot.era, "only a snapshot of the 63 is regrouped"
        )
    entries = {e.province.code: e for e in snapshot.provinces}
    return tuple(
        RegroupedProvince(
            province=unit,
            predecessors=tuple(entries[p.code] for p in unit.predecessors()),
        )
        for unit in Province.all(Era.FROM_2025)
    )


def network_summary(
    snapshot: NetworkSnapshot, *, era: Era | None = None
) -> NetworkSummary:
    """Count a snapshot's figures, on its own provinces or on the 34 of 2025.

    Counts come from the per-province facts where they are all known, and
    otherwise from the source's stated count; on the 34, aspects known only
    as counts cannot be regrouped and are `None`, with a note.

    >>> from kttt.committees import network_2023
    >>> summary = network_summary(network_2023())
    >>> summary.not_planning_department, summary.support_team
    (12, 5)
    >>> summary.district_committees, summary.commune_focal_officers
    (45, 15)

    Raises:
        ValidationError: If *snapshot* is not a snapshot, or *era* asks for
            the 63 from a snapshot of the 34.
    """
    if not isinstance(cast("object", snapshot), NetworkSnapshot):
        raise ValidationError(
            "snapshot", snapshot, "must be a NetworkSnapshot"
        )
    target = snapshot.era if era is None else era
    if target is snapshot.era:
        return _summary_same_era(snapshot)
    return _summary_regrouped(snapshot, regroup(snapshot))


def _summary_same_era(snapshot: NetworkSnapshot) -> NetworkSummary:
    entries = snapshot.provinces
    notes: list[str] = []
    flags: dict[NetworkAspect, int | None] = {}
    for aspect in _FLAG_ASPECTS:
        verdicts = [e.has(aspect) for e in entries]
        stated = [c for c in snapshot.counts if c.aspect is aspect]
        if None not in verdicts:
            flags[aspect] = verdicts.count(True)
        elif stated:
            flags[aspect] = stated[0].count
            notes.append(
                f"{aspect.label_en}: {stated[0].count} of {stated[0].of} as "
                "the source states; it does not name the provinces"
            )
        else:
            flags[aspect] = None
            notes.append(f"{aspect.label_en}: not known")
    return _build_summary(
        snapshot,
        snapshot.era,
        [frozenset(_known(e.standing_agency)) for e in entries],
        flags,
        notes,
    )


def _known(agency: StandingAgency | None) -> tuple[StandingAgency, ...]:
    return () if agency is None else (agency,)


def _summary_regrouped(
    snapshot: NetworkSnapshot, units: tuple[RegroupedProvince, ...]
) -> NetworkSummary:
    notes = [
        (
            "a province of the 34 counts under every standing agency its "
            "predecessors used, so the counts can add up to more than 34"
        )
    ]
    mixed = [u.province.name for u in units if len(u.standing_agencies) > 1]
    if mixed:
        notes.append(
            "formed from provinces with different standing agencies: "
            + ", ".join(mixed)
        )
    flags: dict[NetworkAspect, int | None] = {}
    for aspect in _FLAG_ASPECTS:
        verdicts = [unit.any(aspect) for unit in units]
        if None in verdicts:
            flags[aspect] = None
            notes.append(
                f"{aspect.label_en}: cannot be regrouped, the source gives "
                "a count without naming the provinces"
            )
        else:
            flags[aspect] = verdicts.count(True)
    return _build_summary(
        snapshot,
        Era.FROM_2025,
        [u.standing_agencies for u in units],
        flags,
        notes,
        unknown=sum(
            any(p.standing_agency is None for p in u.predecessors)
            for u in units
        ),
    )


_FLAG_ASPECTS: Final = (
    NetworkAspect.SUPPORT_TEAM,
    NetworkAspect.DISTRICT_COMMITTEES,
    NetworkAspect.COMMUNE_FOCAL_OFFICERS,
)


def _build_summary(
    snapshot: NetworkSnapshot,
    era: Era,
    agencies: list[frozenset[StandingAgency]],
    flags: Mapping[NetworkAspect, int | None],
    notes: list[str],
    *,
    unknown: int | None = None,
) -> NetworkSummary:
    counts = Counter(a for found in agencies for a in found)
    planning = StandingAgency.PLANNING_DEPARTMENT
    return NetworkSummary(
        as_of=snapshot.as_of,
        era=era,
        province_count=len(agencies),
        standing_agency={a: counts[a] for a in StandingAgency if counts[a]},
        not_planning_department=sum(
            bool(found - {planning}) for found in agencies
        ),
        standing_agency_unknown=(
            sum(not found for found in agencies)
            if unknown is None
            else unknown
        ),
        support_team=flags[NetworkAspect.SUPPORT_TEAM],
        district_committees=flags[NetworkAspect.DISTRICT_COMMITTEES],
        commune_focal_officers=flags[NetworkAspect.COMMUNE_FOCAL_OFFICERS],
        notes=tuple(notes),
    )
