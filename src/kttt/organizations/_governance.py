"""Governance organs and meetings of a cooperative or union (Điều 56–72).

A record may say how an organisation is governed (`Governance`: the
model of Điều 56, the board, the director, the supervisors) and what its
meetings were (`Meeting`, with the `Resolution` values they passed).
The limits the law sets on them (board size, terms, quorums, majorities)
are legal rules that `check_compliance` measures; the functions below
are the measures.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Final

import attrs
import pendulum

from kttt import _data
from kttt._labels import LabelledEnum
from kttt.errors import ValidationError


_COUNT: Final = _data.whole_number()
_TERM: Final = _data.optional(_data.whole_number(1))


class GovernanceModel(LabelledEnum):
    """The two governance models of Luật 17/2023/QH15 Điều 56."""

    FULL = "full", "mô hình đầy đủ", "full model"
    SIMPLIFIED = "simplified", "mô hình rút gọn", "simplified model"


class Organ(LabelledEnum):
    """The organ that held a `Meeting`."""

    GENERAL_MEETING = (
        "general_meeting",
        "đại hội thành viên",
        "general meeting of members",
    )
    BOARD = "board", "hội đồng quản trị", "board of directors"


class Matter(LabelledEnum):
    """What a general meeting's `Resolution` decides.

    Điều 61 asks at least 65 % of the votes for the matters that are
    `qualified` and more than half for the others.
    """

    CHARTER = "charter", "sửa đổi, bổ sung điều lệ", "amending the charter"
    MAJOR_ASSETS = (
        "major_assets",
        "mua, bán tài sản chia được có giá trị từ 20% tổng giá trị tài sản",
        (
            "buying or selling divisible assets worth 20 % or more of the "
            "total assets"
        ),
    )
    INDIVISIBLE_ASSETS = (
        "indivisible_assets",
        "mua, bán, đầu tư tài sản không chia",
        "buying, selling or investing indivisible assets",
    )
    GOVERNANCE_MODEL = (
        "governance_model",
        "thay đổi mô hình tổ chức quản trị",
        "changing the governance model",
    )
    REORGANISATION = (
        "reorganisation",
        "tổ chức lại, giải thể, phá sản",
        "reorganising, dissolving or going bankrupt",
    )
    OTHER = "other", "vấn đề khác", "any other matter"

    @property
    def qualified(self) -> bool:
        """Whether Điều 61 asks the larger majority (65 %) for it."""
        return self is not Matter.OTHER


@attrs.frozen(kw_only=True)
class Governance:
    """How an organisation is governed, as its record says.

    Under the simplified model there is no board, and a single controller
    (kiểm soát viên) stands for the supervisory board.

    >>> Governance(model=GovernanceModel.FULL, board_members=5).board_members
    5
    """

    #: The model chosen (Điều 56).
    model: GovernanceModel = attrs.field(
        validator=_data.instance_of(
            GovernanceModel, "must be a GovernanceModel"
        )
    )
    #: Members of the board (hội đồng quản trị).
    board_members: int | None = attrs.field(
        default=None, validator=_data.optional(_COUNT)
    )
    #: How many of them are foreigners.
    foreign_board_members: int | None = attrs.field(
        default=None, validator=_data.optional(_COUNT)
    )
    #: The board's term of office, in years.
    board_term_years: int | None = attrs.field(default=None, validator=_TERM)
    #: The director's (giám đốc, tổng giám đốc) term of office, in years.
    director_term_years: int | None = attrs.field(
        default=None, validator=_TERM
    )
    #: Members of the supervisory board (ban kiểm soát); 1 for a single
    #: controller (kiểm soát viên).
    supervisors: int | None = attrs.field(
        default=None, validator=_data.optional(_COUNT)
    )
    #: The supervisory board's or the controller's term, in years.
    supervisor_term_years: int | None = attrs.field(
        default=None, validator=_TERM
    )

    def __attrs_post_init__(self) -> None:
        if self.model is GovernanceModel.SIMPLIFIED:
            for field in (
                "board_members",
                "foreign_board_members",
                "board_term_years",
            ):
                if getattr(self, field) is not None:
                    raise ValidationError(
                        field,
                        getattr(self, field),
                        "the simplified model has no board",
                    )
            if self.supervisors not in {None, 1}:
                raise ValidationError(
                    "supervisors",
                    self.supervisors,
                    "the simplified model has a single controller",
                )
        if (
            self.foreign_board_members is not None
            and self.board_members is not None
            and self.foreign_board_members > self.board_members
        ):
            raise ValidationError(
                "foreign_board_members",
                self.foreign_board_members,
                f"cannot exceed the {self.board_members} board members",
            )


@attrs.frozen(kw_only=True)
class Resolution:
    """A resolution a meeting passed, with the votes for it.

    *votes* is the number the share is counted on, as the minutes give
    it (the members attending, or all who may vote).
    """

    #: What it decides.
    matter: Matter = attrs.field(
        validator=_data.instance_of(Matter, "must be a Matter")
    )
    #: The votes for it.
    votes_for: int = attrs.field(validator=_COUNT)
    #: The votes it is counted on.
    votes: int = attrs.field(validator=_data.whole_number(1))

    def __attrs_post_init__(self) -> None:
        if self.votes_for > self.votes:
            raise ValidationError(
                "votes_for",
                self.votes_for,
                f"cannot exceed the {self.votes} votes",
            )

    @property
    def share(self) -> Fraction:
        """The share of the votes for it."""
        return Fraction(self.votes_for, self.votes)


@attrs.frozen(kw_only=True)
class Meeting:
    """A meeting of the general meeting or of the board.

    A general meeting convened again for lack of a quorum is
    ``reconvened``; the board is not.
    """

    #: The organ that met.
    organ: Organ = attrs.field(
        validator=_data.instance_of(Organ, "must be an Organ")
    )
    #: The day it met.
    held: pendulum.Date = attrs.field(validator=_data.date())
    #: How many were entitled to attend (official members or their
    #: delegates, or board members).
    entitled: int = attrs.field(validator=_data.whole_number(1))
    #: Those who attended.
    attending: int = attrs.field(validator=_COUNT)
    #: Whether it was a general meeting convened again.
    reconvened: bool = attrs.field(default=False, validator=_data.flag())
    #: The resolutions it passed.
    resolutions: tuple[Resolution, ...] = attrs.field(
        default=(), validator=_data.tuple_of(Resolution)
    )

    def __attrs_post_init__(self) -> None:
        if self.attending > self.entitled:
            raise ValidationError(
                "attending",
                self.attending,
                f"cannot exceed the {self.entitled} entitled to attend",
            )
        if self.reconvened and self.organ is not Organ.GENERAL_MEETING:
            raise ValidationError(
                "reconvened", self.reconvened, "only a general meeting is"
            )

    @property
    def attendance(self) -> Fraction:
        """The share of those entitled who attended."""
        return Fraction(self.attending, self.entitled)


# --- measures --------------------------------------------------------------


def _judged(
    meetings: Iterable[Meeting],
    organ: Organ,
    on: pendulum.Date,
    since: pendulum.Date | None,
) -> list[Meeting]:
    """The meetings of *organ* held from *since* (if given) up to *on*."""
    return [
        m
        for m in meetings
        if m.organ is organ
        and m.held <= on
        and (since is None or m.held >= since)
    ]


def lowest_attendance(
    meetings: Iterable[Meeting],
    organ: Organ,
    on: pendulum.Date,
    since: pendulum.Date | None,
    *,
    reconvened: bool = False,
) -> Fraction | None:
    """Return the lowest attendance of *organ*'s meetings judged.

    Meetings held before *since* (the day a rule came into force) or after
    *on* are left out; `None` if none is left.
    """
    shares = [
        m.attendance
        for m in _judged(meetings, organ, on, since)
        if m.reconvened is reconvened
    ]
    return min(shares, default=None)


def lowest_vote(
    meetings: Iterable[Meeting],
    on: pendulum.Date,
    since: pendulum.Date | None,
    *,
    qualified: bool,
) -> Fraction | None:
    """Return the lowest share of votes of the general meetings' resolutions.

    Only the resolutions on qualified matters (or on the others) count;
    `None` if there is none.
    """
    shares = [
        resolution.share
        for meeting in _judged(meetings, Organ.GENERAL_MEETING, on, since)
        for resolution in meeting.resolutions
        if resolution.matter.qualified is qualified
    ]
    return min(shares, default=None)
