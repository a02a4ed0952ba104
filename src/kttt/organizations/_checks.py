"""What a record cannot hold: the consistency checks of `Organization`.

Each function raises `kttt.errors.ValidationError` naming the field, the
value and what does not fit; the records call them after construction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, cast

import attrs
import pendulum

from kttt import _data
from kttt.errors import ValidationError
from kttt.organizations._members import check_member_list


if TYPE_CHECKING:
    from kttt.organizations._model import CooperativeGroup, Organization


def check_contributions(org: Organization) -> None:
    """Refuse contributions by absent members or above the capital paid in."""
    for field, holders, what in (
        ("largest_member_contribution", org.members.official, "official"),
        (
            "associate_contribution",
            org.members.associate_capital,
            "capital-associate",
        ),
    ):
        amount = getattr(org, field)
        if amount and not holders:
            raise ValidationError(
                field, amount, f"the record has no {what} members"
            )
    if org.contributed_capital is None:
        return
    for field in ("largest_member_contribution", "foreign_contribution"):
        amount = getattr(org, field)
        if amount is not None and amount > org.contributed_capital:
            raise ValidationError(
                field,
                amount,
                "cannot exceed the contributed capital "
                f"{org.contributed_capital}",
            )
    parts = (org.largest_member_contribution or 0) + (
        org.associate_contribution or 0
    )
    if parts > org.contributed_capital:
        raise ValidationError(
            "associate_contribution",
            org.associate_contribution,
            "with the largest official member's contribution it "
            f"cannot exceed the contributed capital "
            f"{org.contributed_capital}",
        )


def _check_day(
    field: str, day: pendulum.Date, founded: pendulum.Date, last: pendulum.Date
) -> None:
    if not founded <= day <= last:
        raise ValidationError(
            field,
            day,
            f"must be from the founding date {founded} to the record date "
            f"{last}",
        )


def check_law_records(org: Organization) -> None:
    """Refuse a member list, meetings, audits or income that cannot be.

    Each must fit the record's counts and lie between the founding date
    and the record date.
    """
    founded, last = org.founded, org.record_date
    if org.member_list is not None:
        check_member_list(org.member_list, org.members)
        for index, member in enumerate(org.member_list):
            where = f"member_list[{index}]"
            if member.born is not None and member.born > last:
                raise ValidationError(
                    f"{where}.born",
                    member.born,
                    f"is after the record date {last}",
                )
            if member.admitted is not None:
                _check_day(f"{where}.admitted", member.admitted, founded, last)
    for index, meeting in enumerate(org.meetings):
        _check_day(f"meetings[{index}].held", meeting.held, founded, last)
    for index, day in enumerate(org.audits or ()):
        _check_day(f"audits[{index}]", day, founded, last)
    if org.income is not None and not (
        founded.year <= org.income.year <= last.year
    ):
        raise ValidationError(
            "income.year",
            org.income.year,
            f"must be from the founding year {founded.year} to the record "
            f"year {last.year}",
        )


def check_group(group: CooperativeGroup) -> None:
    """Refuse associates, and registration or contract facts that clash."""
    for field in ("associate_capital", "associate_non_capital"):
        if getattr(group.members, field):
            raise ValidationError(
                f"members.{field}",
                getattr(group.members, field),
                "a cooperative group has no associate members; count every "
                "member as official",
            )
    if group.registered_on is not None:
        if group.registered is False:
            raise ValidationError(
                "registered_on",
                group.registered_on,
                "the record says the group is not registered",
            )
        _check_day(
            "registered_on",
            group.registered_on,
            group.founded,
            group.record_date,
        )
    if group.open_ended_contract and group.contract_months is not None:
        raise ValidationError(
            "contract_months",
            group.contract_months,
            "an open-ended contract has no term",
        )
    if (
        group.members_agreeing is not None
        and group.members_agreeing > group.members.official
    ):
        raise ValidationError(
            "members_agreeing",
            group.members_agreeing,
            f"cannot exceed the {group.members.official} members",
        )


def listed_once(
    rule: str,
) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    """Return an attrs validator refusing a tuple that lists an item twice.

    `None` passes; run it after a validator that checks the tuple itself.
    """

    def check(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and len(set(value)) != len(value):
            raise ValidationError(attribute.name, value, rule)

    return check


def optional_ids(value: Iterable[str] | None) -> tuple[str, ...] | None:
    # Text is not taken for a sequence of one-letter codes: the validator
    # refuses it, like anything else that is not a sequence of codes.
    if value is None or isinstance(value, str):
        return cast("tuple[str, ...] | None", value)
    try:
        return tuple(_data.nfc_text(code) for code in value)
    except TypeError:
        return cast("tuple[str, ...]", value)
