"""Steering committees: their members, standing agency and support unit."""

from __future__ import annotations

from collections import Counter
from typing import Any, cast

import attrs
import pendulum

from kttt import _data
from kttt._data import Validator
from kttt._labels import LabelledEnum
from kttt.bodies import Agency
from kttt.documents import DocumentNumber
from kttt.errors import ValidationError
from kttt.geography import Province
from kttt.sources import Source


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


# --- validators --------------------------------------------------------------


def maybe(cls: type[object]) -> Validator:
    """Refuse anything but `None` or an instance of *cls*."""
    return _data.optional(_data.instance_of(cls))


#: Refuses anything but `None` or non-blank printable text.
OPTIONAL_TEXT: Validator = _data.optional(_data.text())
#: Refuses anything but `None` or a whole number >= 0.
OPTIONAL_COUNT: Validator = _data.optional(_data.whole_number())


def same_province(a: Province, b: Province) -> bool:
    """Tell whether *a* and *b* are the same unit of the same era."""
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
    person: str | None = attrs.field(
        default=None, converter=_data.nfc_text, validator=OPTIONAL_TEXT
    )
    #: The post that brings the seat (``"Bộ trưởng Bộ Tài chính"``).
    position: str = attrs.field(
        converter=_data.nfc_text, validator=_data.text()
    )
    #: The body the member represents, if it is in the agency registry.
    agency: Agency | None = attrs.field(default=None, validator=maybe(Agency))
    #: Head, deputy head or member.
    role: Role = attrs.field(
        default=Role.MEMBER, validator=_data.instance_of(Role)
    )
    #: Full-time or concurrent, if the source says.
    engagement: Engagement | None = attrs.field(
        default=None, validator=maybe(Engagement)
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
    kind: SupportUnitKind = attrs.field(
        validator=_data.instance_of(SupportUnitKind)
    )
    #: Its name (``"Văn phòng Đổi mới, phát triển kinh tế tập thể, hợp tác
    #: xã"``).
    name: str | None = attrs.field(
        default=None, converter=_data.nfc_text, validator=OPTIONAL_TEXT
    )
    #: Its full-time (chuyên trách) staff, if known.
    full_time_staff: int | None = attrs.field(
        default=None, validator=OPTIONAL_COUNT
    )
    #: Its concurrent (kiêm nhiệm) staff, if known.
    concurrent_staff: int | None = attrs.field(
        default=None, validator=OPTIONAL_COUNT
    )

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
    description: str = attrs.field(
        converter=_data.nfc_text, validator=_data.text()
    )
    #: The change in English.
    description_en: str = attrs.field(validator=_data.text())
    #: The seats it would add, as far as the source describes them.
    adds: tuple[CommitteeMember, ...] = attrs.field(
        default=(), validator=_data.tuple_of(CommitteeMember)
    )
    #: Where it is announced.
    source: Source | None = attrs.field(default=None, validator=maybe(Source))


def _one_head(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    roles = Counter(m.role for m in cast("tuple[CommitteeMember, ...]", value))
    for role in (Role.HEAD, Role.STANDING_DEPUTY_HEAD):
        if roles[role] > 1:
            raise ValidationError(
                attribute.name, roles[role], f"a committee has one {role}"
            )


@attrs.frozen(kw_only=True)
class SteeringCommittee:
    """A steering committee as it stood on one date.

    >>> from kttt.committees import national_committee_history
    >>> history = national_committee_history()
    >>> [c.as_of.year for c in history]
    [2017, 2023, 2025]
    >>> history[-1].head.person, history[-1].standing_agency.value
    ('Nguyễn Chí Dũng', 'finance_department')
    """

    #: National, provincial or district.
    level: CommitteeLevel = attrs.field(
        validator=_data.instance_of(CommitteeLevel)
    )
    #: Its name as the source gives it.
    name: str = attrs.field(converter=_data.nfc_text, validator=_data.text())
    #: The date this description holds on.
    as_of: pendulum.Date = attrs.field(validator=_data.date())
    #: The province; `None` for the national committee.
    jurisdiction: Province | None = attrs.field(
        default=None, validator=maybe(Province)
    )
    #: The district's name, for a district committee.
    district: str | None = attrs.field(
        default=None, converter=_data.nfc_text, validator=OPTIONAL_TEXT
    )
    #: The founding or latest reorganising decision known.
    decision: DocumentNumber | None = attrs.field(
        default=None, validator=maybe(DocumentNumber)
    )
    #: The date of that decision.
    decision_date: pendulum.Date | None = attrs.field(
        default=None, validator=_data.optional(_data.date())
    )
    #: The seats the source lists, head and deputies included.
    members: tuple[CommitteeMember, ...] = attrs.field(
        default=(), validator=[_data.tuple_of(CommitteeMember), _one_head]
    )
    #: The number of members the source states, if it does; the listed
    #: `members` may be fewer.
    member_count: int | None = attrs.field(
        default=None, validator=OPTIONAL_COUNT
    )
    #: The kind of body that is its standing agency, if known.
    standing_agency: StandingAgency | None = attrs.field(
        default=None, validator=maybe(StandingAgency)
    )
    #: Its support unit; `None` if not known.
    support_unit: SupportUnit | None = attrs.field(
        default=None, validator=maybe(SupportUnit)
    )
    #: Changes announced but not yet made.
    planned_changes: tuple[PlannedChange, ...] = attrs.field(
        default=(), validator=_data.tuple_of(PlannedChange)
    )
    #: Facts the source gives that have no field of their own.
    notes: tuple[str, ...] = attrs.field(
        default=(), validator=_data.tuple_of(_data.text())
    )
    #: Where the facts come from.
    sources: tuple[Source, ...] = attrs.field(
        default=(), validator=_data.tuple_of(Source), repr=False
    )

    def __attrs_post_init__(self) -> None:
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
