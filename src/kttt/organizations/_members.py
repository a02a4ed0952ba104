"""Members of an organisation, by the member types of the 2023 law."""

from __future__ import annotations

from typing import Final, cast

import attrs

from kttt import _data
from kttt._labels import LabelledEnum
from kttt.errors import ValidationError


_COUNT: Final = _data.whole_number()


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
