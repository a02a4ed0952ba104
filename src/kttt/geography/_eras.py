"""The two maps of province-level units, and the kinds of unit."""

from __future__ import annotations

import datetime as dt

from typing import Final

import pendulum

from kttt._labels import LabelledEnum
from kttt.errors import ValidationError


#: The day the 34 units replaced the 63, by Resolution 202/2025/QH15
#: (adopted on 12 June 2025 and in force on adoption, with the new
#: provincial authorities operating from 1 July 2025; source
#: ``nq202-merge-map`` of ``kttt/data/geography/provinces.json``).
MERGE_DATE: Final = pendulum.Date(2025, 7, 1)


class ProvinceKind(LabelledEnum):
    """Whether a province-level unit is a province or a centrally-run city."""

    PROVINCE = "province", "tỉnh", "province"
    CITY = "city", "thành phố trực thuộc trung ương", "centrally-run city"


class Era(LabelledEnum):
    """Which map of province-level units: the 63 before or the 34 after 2025.

    The code is the number of units.
    """

    PRE_2025 = (
        "63",
        "63 tỉnh, thành phố (đến 30/6/2025)",
        "the 63 units (until 30 June 2025)",
    )
    FROM_2025 = (
        "34",
        "34 tỉnh, thành phố (từ 1/7/2025)",
        "the 34 units (from 1 July 2025)",
    )

    @classmethod
    def on(cls, date: dt.date) -> Era:
        """Return the era in force on *date*.

        >>> import pendulum
        >>> Era.on(pendulum.Date(2025, 6, 30))
        <Era.PRE_2025: '63'>

        Raises:
            ValidationError: If *date* is not a date.
        """
        return cls.PRE_2025 if check_date(date) < MERGE_DATE else cls.FROM_2025


#: The official prefix of the full name of each kind of unit.
PREFIXES: Final = {
    ProvinceKind.PROVINCE: "Tỉnh",
    ProvinceKind.CITY: "Thành phố",
}


def check_date(value: object) -> dt.date:
    """Return *value* if it is a date (not a date-time), else raise.

    Raises:
        ValidationError: Naming the field ``date``.
    """
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(
            "date", value, "must be a date (pendulum.Date), not a time"
        )
    return value


def check_era(era: object) -> Era:
    """Return *era* if it is an `Era`, else raise.

    Raises:
        ValidationError: Naming the field ``era``.
    """
    if not isinstance(era, Era):
        raise ValidationError(
            "era", era, "must be Era.PRE_2025 ('63') or Era.FROM_2025 ('34')"
        )
    return era
