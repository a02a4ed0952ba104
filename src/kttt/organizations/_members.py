"""Members of an organisation, by the member types of the 2023 law.

`Members` counts them by `MemberType`; a record may also list them one by
one (`Member`, with the `PersonKind` the law's eligibility rules read).
"""

from __future__ import annotations

from typing import Final, cast

import attrs
import pendulum

from kttt import _data
from kttt._labels import LabelledEnum
from kttt.errors import ValidationError


_COUNT: Final = _data.whole_number()
_DATE: Final = _data.date()


class MemberType(LabelledEnum):
    """The kinds of member of the Law on Cooperatives 2023 (Điều 4.17–19)."""

    OFFICIAL = "official", "thành viên chính thức", "official member"
    ASSOCIATE_CAPITAL = (
        "associate_capital",
        "thành viên liên kết góp vốn",
        "associate member contributing capital",
    )
    ASSOCIATE_NON_CAPITAL = (
        "associate_non_capital",
        "thành viên liên kết không góp vốn",
        "associate member not contributing capital",
    )


@attrs.frozen(kw_only=True)
class Members:
    """How many members an organisation has, by `MemberType`.

    For a cooperative group (tổ hợp tác), which has no member types, count
    every member as official.
    For a union of cooperatives the official members are its member
    cooperatives.

    >>> Members(official=7, associate_capital=2).total
    9
    """

    #: Official members (thành viên chính thức), the only ones who vote.
    official: int = attrs.field(validator=_COUNT)
    #: Associates contributing capital only (thành viên liên kết góp vốn).
    associate_capital: int = attrs.field(default=0, validator=_COUNT)
    #: Associates who use services or work without contributing capital
    #: (thành viên liên kết không góp vốn).
    associate_non_capital: int = attrs.field(default=0, validator=_COUNT)
    #: How many of the official members are foreign individual investors or
    #: foreign-invested organisations; `None` if the record does not say.
    foreign_official: int | None = attrs.field(
        default=None, validator=_data.optional(_COUNT)
    )

    def __attrs_post_init__(self) -> None:
        if (
            self.foreign_official is not None
            and self.foreign_official > self.official
        ):
            raise ValidationError(
                "foreign_official",
                self.foreign_official,
                f"cannot exceed the {self.official} official members",
            )

    @property
    def total(self) -> int:
        """Every member, official or associate."""
        return (
            self.official + self.associate_capital + self.associate_non_capital
        )

    def count(self, member_type: MemberType) -> int:
        """Return the number of members of *member_type*.

        >>> Members(official=5, associate_non_capital=3).count(
        ...     MemberType.ASSOCIATE_NON_CAPITAL
        ... )
        3
        """
        return cast("int", getattr(self, _MEMBER_FIELDS[member_type]))

    def add(self, member_type: MemberType, count: int = 1) -> Members:
        """Return these members with *count* more of *member_type*.

        >>> Members(official=4).add(MemberType.OFFICIAL).official
        5

        Raises:
            ValidationError: If the result would be negative.
        """
        field = _MEMBER_FIELDS[member_type]
        return attrs.evolve(self, **{field: self.count(member_type) + count})


_MEMBER_FIELDS: Final = {
    MemberType.OFFICIAL: "official",
    MemberType.ASSOCIATE_CAPITAL: "associate_capital",
    MemberType.ASSOCIATE_NON_CAPITAL: "associate_non_capital",
}


class PersonKind(LabelledEnum):
    """Who a member is, in the categories of Luật 17/2023/QH15 Điều 30, 34.

    Điều 30 khoản 1 lets Vietnamese citizens of 18 or more, foreign
    individual investors, households and other organisations without legal
    personality, and Vietnamese legal persons be official or
    capital-associate members of a cooperative; khoản 2 adds, for
    associates who contribute no capital, foreigners residing lawfully in
    Vietnam and citizens from 15.
    Điều 34 khoản 1 makes a union's official members cooperatives and its
    associates Vietnamese legal persons.
    """

    CITIZEN = "citizen", "công dân Việt Nam", "Vietnamese citizen"
    FOREIGN_INVESTOR = (
        "foreign_investor",
        "nhà đầu tư nước ngoài là cá nhân",
        "foreign individual investor",
    )
    FOREIGN_RESIDENT = (
        "foreign_resident",
        "người nước ngoài cư trú hợp pháp tại Việt Nam",
        "foreigner residing lawfully in Vietnam",
    )
    HOUSEHOLD_OR_GROUP = (
        "household_or_group",
        "hộ gia đình, tổ hợp tác, tổ chức không có tư cách pháp nhân",
        (
            "household, cooperative group or organisation without legal "
            "personality"
        ),
    )
    LEGAL_PERSON = (
        "legal_person",
        "pháp nhân Việt Nam",
        "Vietnamese legal person",
    )
    FOREIGN_INVESTED_ORGANIZATION = (
        "foreign_invested_organization",
        "tổ chức kinh tế có vốn đầu tư nước ngoài",
        "foreign-invested economic organisation",
    )
    COOPERATIVE = "cooperative", "hợp tác xã", "cooperative"

    @property
    def individual(self) -> bool:
        """Whether the member is a natural person (who has an age)."""
        return self in _INDIVIDUALS

    @property
    def foreign(self) -> bool:
        """Whether the member counts towards the foreign caps.

        Foreign individual investors and foreign-invested economic
        organisations (Điều 30 khoản 7).
        """
        return self in _FOREIGN

    @property
    def legal_person(self) -> bool:
        """Whether the member is a Vietnamese legal person.

        A cooperative is one; so, in kttt's reading, is a foreign-invested
        economic organisation, which is founded under Vietnamese law.
        """
        return self in _LEGAL_PERSONS


_INDIVIDUALS: Final = frozenset(
    {
        PersonKind.CITIZEN,
        PersonKind.FOREIGN_INVESTOR,
        PersonKind.FOREIGN_RESIDENT,
    }
)
_FOREIGN: Final = frozenset(
    {PersonKind.FOREIGN_INVESTOR, PersonKind.FOREIGN_INVESTED_ORGANIZATION}
)
_LEGAL_PERSONS: Final = frozenset(
    {
        PersonKind.LEGAL_PERSON,
        PersonKind.FOREIGN_INVESTED_ORGANIZATION,
        PersonKind.COOPERATIVE,
    }
)
#: The member types that contribute capital.
CAPITAL_TYPES: Final = frozenset(
    {MemberType.OFFICIAL, MemberType.ASSOCIATE_CAPITAL}
)


@attrs.frozen(kw_only=True)
class Member:
    """One member of an organisation, as a member list records it.

    Construction refuses what cannot be: a birth date for an organisation,
    capital pledged or paid by an associate who contributes none
    (Luật 17/2023/QH15 Điều 4 khoản 19), admission before birth.
    Whether the member may be a member of this type at all is a legal
    rule (Điều 30, 34) that `check_compliance` measures.

    >>> import pendulum
    >>> member = Member(
    ...     member_type=MemberType.ASSOCIATE_NON_CAPITAL,
    ...     person=PersonKind.CITIZEN,
    ...     born=pendulum.Date(2008, 9, 1),
    ... )
    >>> member.age_on(pendulum.Date(2025, 8, 31))
    16
    """

    #: Its type.
    member_type: MemberType = attrs.field(
        validator=_data.instance_of(MemberType, "must be a MemberType")
    )
    #: Who it is.
    person: PersonKind = attrs.field(
        validator=_data.instance_of(PersonKind, "must be a PersonKind")
    )
    #: An identifier, such as a citizen identity number or a tax or
    #: registration code (a union's member cooperative: its registration
    #: code).
    id: str | None = attrs.field(
        default=None,
        converter=_data.nfc_text,
        validator=_data.optional(_data.text(unpadded=True)),
    )
    #: The birth date of a natural person.
    born: pendulum.Date | None = attrs.field(
        default=None, validator=_data.optional(_DATE)
    )
    #: The day it was admitted; `None` for a founding member, admitted on
    #: the day the organisation was registered.
    admitted: pendulum.Date | None = attrs.field(
        default=None, validator=_data.optional(_DATE)
    )
    #: The capital it undertook to contribute, in VND.
    pledged: int | None = attrs.field(
        default=None, validator=_data.optional(_COUNT)
    )
    #: The capital it has paid in, in VND.
    paid: int | None = attrs.field(
        default=None, validator=_data.optional(_COUNT)
    )

    def __attrs_post_init__(self) -> None:
        if self.born is not None and not self.person.individual:
            raise ValidationError(
                "born", self.born, f"a {self.person.label_en} is not born"
            )
        if self.member_type is MemberType.ASSOCIATE_NON_CAPITAL:
            for field in ("pledged", "paid"):
                if getattr(self, field):
                    raise ValidationError(
                        field,
                        getattr(self, field),
                        (
                            "an associate not contributing capital contributes"
                            " none"
                        ),
                    )
        if (
            self.born is not None
            and self.admitted is not None
            and self.admitted < self.born
        ):
            raise ValidationError(
                "admitted", self.admitted, f"is before birth ({self.born})"
            )

    def age_on(self, day: pendulum.Date) -> int | None:
        """Return its age in whole years on *day*; `None` if not known.

        Raises:
            ValidationError: If *day* is not a date.
        """
        _DATE.check("day", day)
        if self.born is None or day < self.born:
            return None
        return day.diff(self.born).in_years()

    @property
    def unpaid(self) -> bool | None:
        """Whether it has paid less than it pledged; `None` if not known."""
        if self.pledged is None or self.paid is None:
            return None
        return self.paid < self.pledged


def check_member_list(listed: tuple[Member, ...], members: Members) -> None:
    """Refuse a member list that contradicts the counts of *members*.

    Raises:
        ValidationError: Naming ``member_list`` and what does not fit.
    """
    for member_type in MemberType:
        found = sum(1 for m in listed if m.member_type is member_type)
        if found != members.count(member_type):
            raise ValidationError(
                "member_list",
                found,
                f"lists {found} {member_type.label_en}s but the record "
                f"counts {members.count(member_type)}",
            )
    foreign = sum(
        1
        for m in listed
        if m.member_type is MemberType.OFFICIAL and m.person.foreign
    )
    if members.foreign_official not in {None, foreign}:
        raise ValidationError(
            "member_list",
            foreign,
            f"lists {foreign} foreign official members but the record "
            f"counts {members.foreign_official}",
        )
    seen: set[str] = set()
    for member in listed:
        if member.id is None:
            continue
        if member.id in seen:
            raise ValidationError(
                "member_list", member.id, "a member is listed only once"
            )
        seen.add(member.id)


def listed_codes(
    ids: tuple[str, ...] | None, listed: tuple[Member, ...] | None
) -> frozenset[str] | None:
    """Return the codes of a union's official members, if it lists them.

    They are in *ids* (the union's ``member_cooperative_ids``) or in the
    member list, if every official member listed there has one; `None`
    if neither lists them all.
    """
    if ids is not None:
        return frozenset(ids)
    if listed is None:
        return None
    codes = [m.id for m in listed if m.member_type is MemberType.OFFICIAL]
    if None in codes:
        return None
    return frozenset(cast("list[str]", codes))
