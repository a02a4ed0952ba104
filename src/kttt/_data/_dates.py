"""Dates: the one place where text becomes a `pendulum.Date`."""

from __future__ import annotations

import datetime as dt
import re

from typing import Final

import pendulum

from kttt.errors import ParseError, ValidationError


_ISO: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DAY_FIRST: Final = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def parse_iso_date(value: object, *, field: str = "date") -> pendulum.Date:
    """Read an ISO 8601 calendar date (``"2022-06-16"``).

    >>> parse_iso_date("2025-07-01")
    Date(2025, 7, 1)

    Raises:
        ParseError: If *value* is not such a date.
    """
    match = _ISO.fullmatch(value) if isinstance(value, str) else None
    if match is not None:
        date = _date(*(int(part) for part in match.groups()))
        if date is not None:
            return date
    raise ParseError(field, value, "a date is ISO 8601 'YYYY-MM-DD'")


def parse_day(value: object, *, field: str = "date") -> pendulum.Date:
    """Read a date as offices write it: ``dd/mm/yyyy`` or ISO ``yyyy-mm-dd``.

    ``"."`` and ``"-"`` may stand for ``"/"``.

    >>> parse_day("7/4/2023"), parse_day("2023-04-07")
    (Date(2023, 4, 7), Date(2023, 4, 7))

    Raises:
        ParseError: If *value* is neither.
    """
    text = value.strip() if isinstance(value, str) else None
    match = _DAY_FIRST.fullmatch(text) if text is not None else None
    if match is not None:
        day, month, year = (int(part) for part in match.groups())
        date = _date(year, month, day)
        if date is not None:
            return date
    elif text is not None and _ISO.fullmatch(text):
        return parse_iso_date(text, field=field)
    raise ParseError(field, value, "a date is dd/mm/yyyy or yyyy-mm-dd")


def _date(year: int, month: int, day: int) -> pendulum.Date | None:
    try:
        return pendulum.Date(year, month, day)
    except ValueError:
        return None


def require_date(field: str, value: object) -> pendulum.Date:
    """Return *value* if it is a `pendulum.Date` (not a date-time).

    A date-time (including a pandas ``Timestamp``) is refused, since its
    time and zone would be dropped silently, and so is text.

    Raises:
        ValidationError: If *value* is not a date.
    """
    if isinstance(value, pendulum.Date) and not isinstance(value, dt.datetime):
        return value
    raise ValidationError(
        field, value, "must be a date (pendulum.Date), not a time or text"
    )
