"""Strategies for the building blocks shared by every domain type."""

from __future__ import annotations

import datetime as dt

from typing import TypeVar

import pendulum

from hypothesis import strategies as st

from kttt._labels import LabelledEnum


E = TypeVar("E", bound=LabelledEnum)


def pendulum_dates(
    *,
    min_value: dt.date = dt.date(1990, 1, 1),
    max_value: dt.date = dt.date(2050, 12, 31),
) -> st.SearchStrategy[pendulum.Date]:
    """Draw `pendulum.Date` values between *min_value* and *max_value*.

    Shrinks towards *min_value*.
    """
    return st.dates(min_value=min_value, max_value=max_value).map(
        lambda d: pendulum.Date(d.year, d.month, d.day)
    )


def labelled_enums(enum: type[E]) -> st.SearchStrategy[E]:
    """Draw members of a bilingual enumeration, shrinking towards the first."""
    return st.sampled_from(list(enum))
