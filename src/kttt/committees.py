"""Steering committees for the collective economy and their network.

A `SteeringCommittee` (Ban Chỉ đạo) sits at national, provincial or district
level; the district level ends with the 2025 reform.
It has a head, deputy heads and members (`CommitteeMember`), a
`StandingAgency` (cơ quan thường trực) and perhaps a `SupportUnit` (an
office or a support team).

`check_structure` compares a committee with what the documents call for on
a given date: the rules are data (`StructureRule`, loaded with
`structure_rules`), each with its source.
The national committee's history (`national_committee_history`) and the
2023 state of the provincial network (`network_2023`, summarised by
`network_summary` and regrouped onto the 34 provinces of 2025 by
`regroup`) are built in.
"""

from __future__ import annotations

import functools

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, cast

import attrs
import pendulum

from kttt._labels import LabelledEnum
from kttt._validators import (
    check_date,
    check_optional_date,
    instance_of,
    optional_nfc,
    require_date,
    tuple_of,
)
from kttt.documents import DocumentNumber
from kttt.errors import ValidationError
from kttt.geography import Era, Province
from kttt.programmes import Agency, DataRecord, read_data_json
from kttt.sources import Source
from kttt.text import nfc


__all__ = [
    "CommitteeLevel",
    "CommitteeMember",
    "Engagement",
    "FindingStatus",
    "NetworkAspect",
    "NetworkSnapshot",
    "NetworkSummary",
    "PlannedChange",
    "ProvinceNetwork",
    "RegroupedProvince",
    "Role",
    "RuleKind",
    "StandingAgency",
    "StatedCount",
    "SteeringCommittee",
    "StructureFinding",
    "StructureRule",
    "SupportUnit",
    "SupportUnitKind",
    "check_structure",
    "national_committee_history",
    "network_2023",
    "network_summary",
    "provincial_committees",
    "regroup",
    "structure_rules",
]


# --- enumerations ----------------------------------------------------------


class CommitteeLevel(LabelledEnum):
    """The tier of a steering committee."""

    NATIONAL = "national", "Ban Chỉ đạo quốc gia (trung ương)", "national"
    PROVINCIAL = "provincial", "Ban Chỉ đạo cấp tỉnh", "provincial"
    DISTRICT = "district", "Ban Chỉ đạo cấp huyện", "district"


class Role(LabelledEnum):
    """A member's role on a committee."""

    HEAD = "head", "Trưởng ban", "head"
    STANDING_DEPUTY_HEAD = (
        "standing_deputy_head",
        "Phó Trưởng ban Thường trực",
        "standing deputy head",
    )
    DEPUTY_HEAD = "deputy_head", "Phó Trưởng ban", "deputy head"
    MEMBER = "member", "thành viên", "member"


class Engagement(LabelledEnum):
    """Whether someone serves full-time or alongside another post."""

    FULL_TIME = "full_time", "chuyên trách", "full-time"
    CONCURRENT = "concurrent", "kiêm nhiệm", "concurrent"


class StandingAgency(LabelledEnum):
    """The kind of body that is a committee's standing agency.

    At national level "department" means the ministry: the planning
    ministry (Bộ Kế hoạch và Đầu tư) until 2025, the Ministry of Finance
    after.
    ``AGRICULTURE_DEPARTMENT`` also covers the seed's "Sở Nông nghiệp và Phát
    triển nông thôn cùng cơ quan khác" (with other bodies).
    """

    PLANNING_DEPARTMENT = (
        "planning_department",
        "Sở (Bộ) Kế hoạch và Đầu tư",
        "planning and investment department (ministry)",
    )
    FINANCE_DEPARTMENT = (
        "finance_department",
        "Sở (Bộ) Tài chính",
        "finance department (ministry)",
    )
    COOPERATIVE_ALLIANCE = (
        "cooperative_alliance",
        "Liên minh Hợp tác xã",
        "cooperative alliance",
    )
    AGRICULTURE_DEPARTMENT = (
        "agriculture_department",
        "Sở Nông nghiệp và Phát triển nông thôn (cùng cơ quan khác)",
        "agriculture department (with other bodies)",
    )
    OTHER = "other", "cơ quan khác", "other body"


class SupportUnitKind(LabelledEnum):
    """The kind of body that supports a committee's work, if any."""

    OFFICE = "office", "Văn phòng", "office"
    TEAM = "team", "Tổ giúp việc", "support team"
    NONE = "none", "không có bộ phận giúp việc", "no support unit"


class RuleKind(LabelledEnum):
    """What part of a committee's organisation a rule is about."""

    STANDING_AGENCY = (
        "standing_agency",
        "cơ quan thường trực",
        "standing agency",
    )
    SUPPORT_UNIT = "support_unit", "bộ phận giúp việc", "support unit"
    FULL_TIME_STAFF = (
        "full_time_staff",
        "cán bộ chuyên trách",
        "full-time staff",
    )
    LEVEL_ABOLISHED = (
        "level_abolished",
        "cấp hành chính không còn",
        "level abolished",
    )


class FindingStatus(LabelledEnum):
    """The verdict of one structure check."""

    MET = "met", "đạt", "met"
    NOT_MET = "not_met", "chưa đạt", "not met"
    UNKNOWN = "unknown", "chưa rõ", "unknown: the committee lacks the fact"
    NO_RULE = (
        "no_rule",
        "không có quy định",
        "no rule in kttt's sources for this date",
    )


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


# --- validators --------------------------------------------------------------


def _maybe(
    cls: type[object],
) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    return attrs.validators.optional(instance_of(cls))


def _count(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or value < 0
    ):
        raise ValidationError(
            attribute.name, value, "must be a whole number >= 0"
        )


def _flag(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, bool):
        raise ValidationError(
            attribute.name, value, "must be true, false or None"
        )


def _same_province(a: Province, b: Province) -> bool:
    return (a.code, a.era) == (b.code, b.era)


# --- committees --------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CommitteeMember:
    """A seat on a committee: who holds it, in which post, in what role.

    >>> head = CommitteeMember(
    ...     person="Nguyễn Chí Dũng",
    ...     position="Phó Thủ tướng Chính phủ",
    ...     role=Role.HEAD,
    ... )
    >>> head.role.label_vi
    'Trưởng ban'
    """

    #: The person's name; `None` where the source gives only the post.
    person: str | None = attrs.field(default=None, converter=optional_nfc)
    #: The post that brings the seat (``"Bộ trưởng Bộ Tài chính"``).
    position: str = attrs.field(converter=nfc)
    #: The body the member represents, if it is in the agency registry.
    agency: Agency | None = attrs.field(default=None, validator=_maybe(Agency))
    #: Head, deputy head or member.
    role: Role = attrs.field(default=Role.MEMBER, validator=instance_of(Role))
    #: Full-time or concurrent, if the source says.
    engagement: Engagement | None = attrs.field(
        default=None, validator=_maybe(Engagement)
    )

    def __attrs_post_init__(self) -> None:
        if not self.position.strip():
            raise ValidationError(
                "position", self.position, "must not be empty"
            )
        if self.person is not None and not self.person.strip():
            raise ValidationError(
                "person", self.person, "a name is not empty (use None)"
            )


@attrs.frozen(kw_only=True)
class SupportUnit:
    """The office or team that does a committee's day-to-day work.

    Use ``SupportUnitKind.NONE`` to record that a committee has none.

    >>> office = SupportUnit(
    ...     kind=SupportUnitKind.OFFICE, full_time_staff=2, concurrent_staff=57
    ... )
    >>> office.staff
    59
    """

    #: Office, team, or none.
    kind: SupportUnitKind = attrs.field(validator=instance_of(SupportUnitKind))
    #: Its name (``"Văn phòng Đổi mới, phát triển kinh tế tập thể, hợp tác
    #: xã"``).
    name: str | None = attrs.field(default=None, converter=optional_nfc)
    #: Its full-time (chuyên trách) staff, if known.
    full_time_staff: int | None = attrs.field(default=None, validator=_count)
    #: Its concurrent (kiêm nhiệm) staff, if known.
    concurrent_staff: int | None = attrs.field(default=None, validator=_count)

    def __attrs_post_init__(self) -> None:
        if self.kind is SupportUnitKind.NONE and (
            self.name is not None
            or self.full_time_staff
            or self.concurrent_staff
        ):
            raise ValidationError(
                "kind", self.kind, "'no support unit' has no name or staff"
            )

    @property
    def staff(self) -> int | None:
        """All staff, if both counts are known."""
        if self.full_time_staff is None or self.concurrent_staff is None:
            return None
        return self.full_time_staff + self.concurrent_staff


@attrs.frozen(kw_only=True)
class PlannedChange:
    """A change to a committee that a source announces but has not made."""

    #: The change in the source's words.
    description: str = attrs.field(converter=nfc)
    #: The change in English.
    description_en: str
    #: The seats it would add, as far as the source describes them.
    adds: tuple[CommitteeMember, ...] = attrs.field(
        default=(), validator=tuple_of(CommitteeMember)
    )
    #: Where it is announced.
    source: Source | None = attrs.field(default=None, validator=_maybe(Source))

    def __attrs_post_init__(self) -> None:
        if not self.description.strip():
            raise ValidationError(
                "description", self.description, "must not be empty"
            )


def _check_members(
    _: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    tuple_of(CommitteeMember)(_, attribute, value)
    roles = Counter(m.role for m in cast("tuple[CommitteeMember, ...]", value))
    for role in (Role.HEAD, Role.STANDING_DEPUTY_HEAD):
        if roles[role] > 1:
            raise ValidationError(
                attribute.name, roles[role], f"a committee has one {role}"
            )


@attrs.frozen(kw_only=True)
class SteeringCommittee:
    """A steering committee as it stood on one date.

    >>> history = national_committee_history()
    >>> [c.as_of.year for c in history]
    [2017, 2023, 2025]
    >>> history[-1].head.person, history[-1].standing_agency.value
    ('Nguyễn Chí Dũng', 'finance_department')
    """

    #: National, provincial or district.
    level: CommitteeLevel = attrs.field(validator=instance_of(CommitteeLevel))
    #: Its name as the source gives it.
    name: str = attrs.field(converter=nfc)
    #: The date this description holds on.
    as_of: pendulum.Date = attrs.field(validator=check_date)
    #: The province; `None` for the national committee.
    jurisdiction: Province | None = attrs.field(
        default=None, validator=_maybe(Province)
    )
    #: The district's name, for a district committee.
    district: str | None = attrs.field(default=None, converter=optional_nfc)
    #: The founding or latest reorganising decision known.
    decision: DocumentNumber | None = attrs.field(
        default=None, validator=_maybe(DocumentNumber)
    )
    #: The date of that decision.
    decision_date: pendulum.Date | None = attrs.field(
        default=None, validator=check_optional_date
    )
    #: The seats the source lists, head and deputies included.
    members: tuple[CommitteeMember, ...] = attrs.field(
        default=(), validator=_check_members
    )
    #: The number of members the source states, if it does; the listed
    #: `members` may be fewer.
    member_count: int | None = attrs.field(default=None, validator=_count)
    #: The kind of body that is its standing agency, if known.
    standing_agency: StandingAgency | None = attrs.field(
        default=None, validator=_maybe(StandingAgency)
    )
    #: Its support unit; `None` if not known.
    support_unit: SupportUnit | None = attrs.field(
        default=None, validator=_maybe(SupportUnit)
    )
    #: Changes announced but not yet made.
    planned_changes: tuple[PlannedChange, ...] = attrs.field(
        default=(), validator=tuple_of(PlannedChange)
    )
    #: Facts the source gives that have no field of their own.
    notes: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    #: Where the facts come from.
    sources: tuple[Source, ...] = attrs.field(
        default=(), validator=tuple_of(Source), repr=False
    )

    def __attrs_post_init__(self) -> None:
        if not self.name.strip():
            raise ValidationError("name", self.name, "must not be empty")
        if (self.level is CommitteeLevel.NATIONAL) != (
            self.jurisdiction is None
        ):
            raise ValidationError(
                "jurisdiction",
                self.jurisdiction,
                "only the national committee has no province",
            )
        if (self.level is CommitteeLevel.DISTRICT) != (
            self.district is not None
        ):
            raise ValidationError(
                "district",
                self.district,
                "a district committee, and only one, names its district",
            )
        if self.decision_date is not None and self.decision_date > self.as_of:
            raise ValidationError(
                "decision_date",
                self.decision_date,
                "the decision cannot come after the date described",
            )
        listed = sum(m.role is Role.MEMBER for m in self.members)
        if self.member_count is not None and self.member_count < listed:
            raise ValidationError(
                "member_count",
                self.member_count,
                f"cannot be fewer than the {listed} members listed",
            )

    @property
    def head(self) -> CommitteeMember | None:
        """The head (Trưởng ban), if listed."""
        return next((m for m in self.members if m.role is Role.HEAD), None)

    @property
    def deputy_heads(self) -> tuple[CommitteeMember, ...]:
        """The deputy heads, the standing deputy first."""
        order = (Role.STANDING_DEPUTY_HEAD, Role.DEPUTY_HEAD)
        return tuple(
            m for role in order for m in self.members if m.role is role
        )


# --- structure rules and checks ----------------------------------------------


@attrs.frozen(kw_only=True)
class StructureRule:
    """One thing the documents call for in a committee's organisation.

    A rule applies to committees of its `levels` (and its `jurisdiction`,
    if set) on the dates from `valid_from` to `valid_until`, both included.
    """

    #: A short identifier (``"national-standing-agency-2025"``).
    code: str
    #: What the rule is about.
    kind: RuleKind = attrs.field(validator=instance_of(RuleKind))
    #: The levels of committee it applies to.
    levels: tuple[CommitteeLevel, ...] = attrs.field(
        validator=tuple_of(CommitteeLevel)
    )
    #: What it calls for, in English.
    requirement: str
    #: Where it is set out.
    source: Source = attrs.field(validator=instance_of(Source))
    #: The one province it applies to; `None` for all.
    jurisdiction: Province | None = attrs.field(
        default=None, validator=_maybe(Province)
    )
    #: The first day it applies; `None` for no start.
    valid_from: pendulum.Date | None = attrs.field(
        default=None, validator=check_optional_date
    )
    #: The last day it applies; `None` for no end.
    valid_until: pendulum.Date | None = attrs.field(
        default=None, validator=check_optional_date
    )
    #: The standing agency called for (``RuleKind.STANDING_AGENCY``).
    standing_agency: StandingAgency | None = attrs.field(
        default=None, validator=_maybe(StandingAgency)
    )
    #: The fewest full-time staff called for (``RuleKind.FULL_TIME_STAFF``).
    min_full_time_staff: int | None = attrs.field(
        default=None, validator=_count
    )

    def __attrs_post_init__(self) -> None:
        if not self.levels:
            raise ValidationError("levels", self.levels, "must not be empty")
        if (
            self.valid_from is not None
            and self.valid_until is not None
            and self.valid_until < self.valid_from
        ):
            raise ValidationError(
                "valid_until", self.valid_until, "cannot be before valid_from"
            )
        needs = {
            "standing_agency": self.kind is RuleKind.STANDING_AGENCY,
            "min_full_time_staff": self.kind is RuleKind.FULL_TIME_STAFF,
        }
        for field, needed in needs.items():
            if needed != (getattr(self, field) is not None):
                raise ValidationError(
                    field,
                    getattr(self, field),
                    f"set exactly when the rule is about {field}",
                )

    def applies_to(
        self, committee: SteeringCommittee, as_of: pendulum.Date
    ) -> bool:
        """Tell whether the rule covers *committee* on *as_of*."""
        if committee.level not in self.levels:
            return False
        if self.jurisdiction is not None and (
            committee.jurisdiction is None
            or not _same_province(self.jurisdiction, committee.jurisdiction)
        ):
            return False
        starts = self.valid_from is None or self.valid_from <= as_of
        ends = self.valid_until is None or as_of <= self.valid_until
        return starts and ends


@attrs.frozen(kw_only=True)
class StructureFinding:
    """The verdict of one rule on one committee, with the rule's source."""

    #: What was checked.
    aspect: RuleKind
    #: Met, not met, unknown, or no rule.
    status: FindingStatus
    #: What was found, in English.
    detail: str
    #: The rule applied; `None` when no rule covers the date.
    rule: StructureRule | None = None

    @property
    def source(self) -> Source | None:
        """The source of the rule applied."""
        return None if self.rule is None else self.rule.source


def check_structure(
    committee: SteeringCommittee,
    as_of: pendulum.Date,
    *,
    rules: Iterable[StructureRule] | None = None,
) -> tuple[StructureFinding, ...]:
    """Check a committee against what the documents call for on *as_of*.

    Each aspect (standing agency, support unit, full-time staff) gets one
    finding per rule that covers the committee on that date, or one
    ``FindingStatus.NO_RULE`` finding if none does; a district committee
    checked after the 2025 reform gets a ``RuleKind.LEVEL_ABOLISHED``
    finding.

    >>> import pendulum
    >>> qb = provincial_committees()[0]
    >>> [f.status.value for f in check_structure(qb, qb.as_of)]
    ['no_rule', 'no_rule', 'no_rule']
    >>> later = check_structure(qb, pendulum.Date(2023, 6, 1))
    >>> later[0].status.value, later[0].rule.code
    ('not_met', 'provincial-standing-agency-planning')

    Args:
        committee: The committee to check.
        as_of: The date whose rules apply.
        rules: The rules to apply; the built-in `structure_rules` by
            default.

    Raises:
        ValidationError: If *committee* is not a `SteeringCommittee` or
            *as_of* not a date.
    """
    if not isinstance(cast("object", committee), SteeringCommittee):
        raise ValidationError(
            "committee", committee, "must be a SteeringCommittee"
        )
    require_date("as_of", as_of)
    chosen = structure_rules() if rules is None else tuple(rules)
    findings: list[StructureFinding] = []
    for aspect in RuleKind:
        applicable = [
            rule
            for rule in chosen
            if rule.kind is aspect and rule.applies_to(committee, as_of)
        ]
        if not applicable and aspect is not RuleKind.LEVEL_ABOLISHED:
            findings.append(
                StructureFinding(
                    aspect=aspect,
                    status=FindingStatus.NO_RULE,
                    detail=f"no rule on the {aspect.label_en} of a "
                    f"{committee.level.label_en} committee on {as_of}",
                )
            )
        findings.extend(
            _CHECKS[aspect](committee, rule) for rule in applicable
        )
    return tuple(findings)


def _check_standing_agency(
    committee: SteeringCommittee, rule: StructureRule
) -> StructureFinding:
    wanted = cast("StandingAgency", rule.standing_agency)
    found = committee.standing_agency
    if found is None:
        status, detail = FindingStatus.UNKNOWN, "standing agency not recorded"
    elif found is wanted:
        status, detail = (
            FindingStatus.MET,
            f"standing agency: {found.label_en}",
        )
    else:
        status = FindingStatus.NOT_MET
        detail = (
            f"standing agency is the {found.label_en}; "
            f"the rule calls for the {wanted.label_en}"
        )
    return StructureFinding(
        aspect=rule.kind, status=status, detail=detail, rule=rule
    )


def _check_support_unit(
    committee: SteeringCommittee, rule: StructureRule
) -> StructureFinding:
    unit = committee.support_unit
    if unit is None:
        status, detail = FindingStatus.UNKNOWN, "support unit not recorded"
    elif unit.kind is SupportUnitKind.NONE:
        status, detail = (
            FindingStatus.NOT_MET,
            "the committee has no support unit",
        )
    else:
        status, detail = (
            FindingStatus.MET,
            f"support unit: {unit.kind.label_en}",
        )
    return StructureFinding(
        aspect=rule.kind, status=status, detail=detail, rule=rule
    )


def _check_full_time_staff(
    committee: SteeringCommittee, rule: StructureRule
) -> StructureFinding:
    wanted = cast("int", rule.min_full_time_staff)
    unit = committee.support_unit
    staff = None if unit is None else unit.full_time_staff
    if unit is not None and unit.kind is SupportUnitKind.NONE:
        staff = 0
    if staff is None:
        status = FindingStatus.UNKNOWN
        detail = "full-time staff of the support unit not recorded"
    else:
        status = (
            FindingStatus.MET if staff >= wanted else FindingStatus.NOT_MET
        )
        detail = f"{staff} full-time staff; at least {wanted} called for"
    return StructureFinding(
        aspect=rule.kind, status=status, detail=detail, rule=rule
    )


def _check_level(
    committee: SteeringCommittee, rule: StructureRule
) -> StructureFinding:
    return StructureFinding(
        aspect=rule.kind,
        status=FindingStatus.NOT_MET,
        detail=f"the {committee.level.label_en} level no longer exists",
        rule=rule,
    )


_CHECKS: Final[
    Mapping[
        RuleKind,
        Callable[[SteeringCommittee, StructureRule], StructureFinding],
    ]
] = {
    RuleKind.STANDING_AGENCY: _check_standing_agency,
    RuleKind.SUPPORT_UNIT: _check_support_unit,
    RuleKind.FULL_TIME_STAFF: _check_full_time_staff,
    RuleKind.LEVEL_ABOLISHED: _check_level,
}


# --- the network snapshot ----------------------------------------------------


@attrs.frozen(kw_only=True)
class ProvinceNetwork:
    """What a network snapshot knows about one province (`None`: unknown)."""

    #: The province.
    province: Province = attrs.field(validator=instance_of(Province))
    #: The kind of body that is its committee's standing agency.
    standing_agency: StandingAgency | None = attrs.field(
        default=None, validator=_maybe(StandingAgency)
    )
    #: Whether its committee has a support team (tổ giúp việc).
    support_team: bool | None = attrs.field(default=None, validator=_flag)
    #: Whether it has set up district committees.
    district_committees: bool | None = attrs.field(
        default=None, validator=_flag
    )
    #: Whether it has commune-level focal officers.
    commune_focal_officers: bool | None = attrs.field(
        default=None, validator=_flag
    )
    #: Where the facts come from.
    sources: tuple[Source, ...] = attrs.field(
        default=(), validator=tuple_of(Source), repr=False
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
    aspect: NetworkAspect = attrs.field(validator=instance_of(NetworkAspect))
    #: How many provinces.
    count: int = attrs.field(validator=_count)
    #: Out of how many.
    of: int = attrs.field(validator=_count)
    #: The standing agencies counted (``NetworkAspect.STANDING_AGENCY``).
    standing_agencies: tuple[StandingAgency, ...] = attrs.field(
        default=(), validator=tuple_of(StandingAgency)
    )
    #: Where it is stated.
    source: Source | None = attrs.field(default=None, validator=_maybe(Source))

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


def _check_entries(
    _: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    tuple_of(ProvinceNetwork)(_, attribute, value)
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

    >>> snapshot = network_2023()
    >>> quang_binh = snapshot.province("Quảng Bình")
    >>> len(snapshot.provinces), quang_binh.standing_agency.value
    (63, 'cooperative_alliance')
    """

    #: The date the snapshot describes.
    as_of: pendulum.Date = attrs.field(validator=check_date)
    #: The map of provinces it uses.
    era: Era = attrs.field(validator=instance_of(Era))
    #: One entry per province of the era.
    provinces: tuple[ProvinceNetwork, ...] = attrs.field(
        validator=_check_entries, repr=False
    )
    #: Counts the source states.
    counts: tuple[StatedCount, ...] = attrs.field(
        default=(), validator=tuple_of(StatedCount), repr=False
    )
    #: Where the snapshot comes from.
    source: Source | None = attrs.field(default=None, validator=_maybe(Source))

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
    province: Province = attrs.field(validator=instance_of(Province))
    #: The entries of the provinces it was formed from.
    predecessors: tuple[ProvinceNetwork, ...] = attrs.field(
        validator=tuple_of(ProvinceNetwork)
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


@attrs.frozen(kw_only=True)
class NetworkSummary:
    """The figures of a network snapshot, on the 63 or the 34 provinces.

    On the 34, a province counts under a standing agency (or a support
    team) if any of the provinces it was formed from does; the `notes`
    say what could not be regrouped.
    """

    #: The date of the snapshot.
    as_of: pendulum.Date
    #: The map of provinces the figures are on.
    era: Era
    #: The number of provinces.
    province_count: int
    #: Provinces per standing agency.
    standing_agency: Mapping[StandingAgency, int]
    #: Provinces with a standing agency other than the planning department.
    not_planning_department: int
    #: Provinces whose standing agency is not known.
    standing_agency_unknown: int
    #: Provinces with a support team (`None`: cannot be told).
    support_team: int | None
    #: Provinces with district committees (`None`: cannot be told).
    district_committees: int | None
    #: Provinces with commune focal officers (`None`: cannot be told).
    commune_focal_officers: int | None
    #: How the figures were obtained and what could not be regrouped.
    notes: tuple[str, ...] = ()


def regroup(snapshot: NetworkSnapshot) -> tuple[RegroupedProvince, ...]:
    """Regroup a snapshot of the 63 provinces onto the 34 of 2025.

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


# --- built-in data ---------------------------------------------------------


def structure_rules() -> tuple[StructureRule, ...]:
    """Return the built-in rules on a committee's organisation.

    They say which body should be the standing agency before and after the
    2025 merger of the planning ministry into the Ministry of Finance, that
    a committee has a support unit with full-time staff, and that district
    committees end with the district level on 1 July 2025.
    """
    return _load_rules()


def national_committee_history() -> tuple[SteeringCommittee, ...]:
    """Return the national committee in 2017, 2023 and 2025, oldest first.

    2017: founded by QĐ 352/QĐ-TTg; 2023: the state reported in seed 000,
    with the changes then planned (`SteeringCommittee.planned_changes`);
    2025: reorganised by QĐ 1948/QĐ-TTg, the Ministry of Finance its
    standing agency.
    """
    return _load_committees("national.json")


def provincial_committees() -> tuple[SteeringCommittee, ...]:
    """Return the provincial committees the seeds describe.

    Today this is Quảng Bình's committee at its meeting of 6 February 2020
    (seed 004), whose standing agency is the provincial Cooperative
    Alliance.
    """
    return _load_committees("provincial.json")


def network_2023() -> NetworkSnapshot:
    """Return the 2023 state of the provincial committee network (seed 000).

    The seed names the 12 provinces whose standing agency is not the
    planning department and the 5 with a support team; it gives only
    counts for district committees (45 of 63) and commune focal officers
    (15).
    """
    return _load_network()


@functools.cache
def _load_rules() -> tuple[StructureRule, ...]:
    root = read_data_json("committees", "structure-rules.json")
    return tuple(
        item.build("", functools.partial(_rule, item))
        for item in root.records("rules")
    )


def _rule(item: DataRecord) -> StructureRule:
    era = item.optional_enum("era", Era) or Era.PRE_2025
    return StructureRule(
        code=item.text("code"),
        kind=item.enum("kind", RuleKind),
        levels=_levels(item),
        requirement=item.text("requirement"),
        source=item.source(),
        jurisdiction=item.optional_province("jurisdiction", era),
        valid_from=item.optional_date("valid_from"),
        valid_until=item.optional_date("valid_until"),
        standing_agency=item.optional_enum("standing_agency", StandingAgency),
        min_full_time_staff=item.optional_integer("min_full_time_staff"),
    )


def _levels(item: DataRecord) -> tuple[CommitteeLevel, ...]:
    levels: list[CommitteeLevel] = []
    for index, code in enumerate(item.texts("levels")):
        try:
            levels.append(CommitteeLevel(code))
        except ValueError:
            raise item.error(
                f"levels[{index}]", code, "must be a committee level"
            ) from None
    return tuple(levels)


@functools.cache
def _load_committees(name: str) -> tuple[SteeringCommittee, ...]:
    root = read_data_json("committees", name)
    return tuple(
        item.build("", functools.partial(_committee, item))
        for item in root.records("committees")
    )


def _member(item: DataRecord) -> CommitteeMember:
    return CommitteeMember(
        person=item.optional_text("person"),
        position=item.text("position"),
        agency=item.optional_agency("agency"),
        role=item.enum("role", Role),
        engagement=item.optional_enum("engagement", Engagement),
    )


def _members(item: DataRecord, key: str) -> tuple[CommitteeMember, ...]:
    return tuple(
        entry.build("", functools.partial(_member, entry))
        for entry in item.records(key)
    )


def _change(item: DataRecord) -> PlannedChange:
    return PlannedChange(
        description=item.text("description"),
        description_en=item.text("description_en"),
        adds=_members(item, "adds"),
        source=item.source(),
    )


def _unit(item: DataRecord) -> SupportUnit | None:
    if item.get("support_unit") is None:
        return None
    raw = item.record("support_unit")
    return raw.build(
        "",
        lambda: SupportUnit(
            kind=raw.enum("kind", SupportUnitKind),
            name=raw.optional_text("name"),
            full_time_staff=raw.optional_integer("full_time_staff"),
            concurrent_staff=raw.optional_integer("concurrent_staff"),
        ),
    )


def _committee(item: DataRecord) -> SteeringCommittee:
    era = item.enum("era", Era)
    return SteeringCommittee(
        level=item.enum("level", CommitteeLevel),
        name=item.text("name"),
        as_of=item.date("as_of"),
        jurisdiction=item.optional_province("jurisdiction", era),
        district=item.optional_text("district"),
        decision=item.optional_document("decision"),
        decision_date=item.optional_date("decision_date"),
        members=_members(item, "members"),
        member_count=item.optional_integer("member_count"),
        standing_agency=item.optional_enum("standing_agency", StandingAgency),
        support_unit=_unit(item),
        planned_changes=tuple(
            entry.build("", functools.partial(_change, entry))
            for entry in item.records("planned_changes")
        ),
        notes=tuple(item.texts("notes")),
        sources=tuple(entry.as_source() for entry in item.records("sources")),
    )


@functools.cache
def _load_network() -> NetworkSnapshot:
    root = read_data_json("committees", "network-2023.json")
    era = root.enum("era", Era)
    base = root.source()
    facts: dict[str, dict[str, object]] = {
        p.code: {} for p in Province.all(era)
    }
    sources: dict[str, list[Source]] = {code: [] for code in facts}
    others: list[tuple[str, object, Source]] = []
    for item in root.records("facts"):
        aspect = item.enum("aspect", NetworkAspect)
        value = _fact_value(item, aspect)
        source = item.source(base)
        if item.get("provinces") == "others":
            others.append((aspect.value, value, source))
            continue
        for index, name in enumerate(item.texts("provinces")):
            code = item.build(
                f"provinces[{index}]",
                functools.partial(Province.get, name, era=era),
            ).code
            _set_fact(item, facts[code], aspect.value, value)
            sources[code].append(source)
    for field, value, source in others:
        for code, known in facts.items():
            if field not in known:
                known[field] = value
                sources[code].append(source)
    return root.build(
        "",
        lambda: NetworkSnapshot(
            as_of=root.date("as_of"),
            era=era,
            provinces=tuple(
                _entry(code, era, facts[code], sources[code]) for code in facts
            ),
            counts=tuple(
                entry.build("", functools.partial(_stated, entry, base))
                for entry in root.records("counts")
            ),
            source=base,
        ),
    )


def _fact_value(item: DataRecord, aspect: NetworkAspect) -> object:
    if aspect is NetworkAspect.STANDING_AGENCY:
        return item.enum("value", StandingAgency)
    return item.flag("value")


def _set_fact(
    item: DataRecord, known: dict[str, object], field: str, value: object
) -> None:
    if field in known:
        raise item.error("provinces", field, "each province has one value")
    known[field] = value


def _entry(
    code: str, era: Era, known: Mapping[str, object], sources: list[Source]
) -> ProvinceNetwork:
    return ProvinceNetwork(
        province=Province.get(code, era=era),
        standing_agency=cast(
            "StandingAgency | None", known.get("standing_agency")
        ),
        support_team=cast("bool | None", known.get("support_team")),
        district_committees=cast(
            "bool | None", known.get("district_committees")
        ),
        commune_focal_officers=cast(
            "bool | None", known.get("commune_focal_officers")
        ),
        sources=tuple(sources),
    )


def _stated(item: DataRecord, base: Source) -> StatedCount:
    agencies = tuple(
        item.build(
            f"standing_agencies[{index}]",
            functools.partial(StandingAgency.parse, code),
        )
        for index, code in enumerate(item.texts("standing_agencies"))
    )
    return StatedCount(
        aspect=item.enum("aspect", NetworkAspect),
        count=item.integer("count"),
        of=item.integer("of"),
        standing_agencies=agencies,
        source=item.source(base),
    )
