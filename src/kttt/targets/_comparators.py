"""Comparators, the forms of a target's value, and acceptable intervals."""

from __future__ import annotations

import math

from collections.abc import Callable
from fractions import Fraction
from typing import Final, Self, cast

import attrs

from kttt import _data
from kttt._labels import LabelledEnum
from kttt.text import fold


class Comparator(LabelledEnum):
    """How an observed value is compared with a target's value.

    `parse` also understands the synonyms the documents use ("tối thiểu",
    "đều", "từ … đến"). ``INCREASE`` and ``DECREASE`` are the targets
    without a number ("tăng", "nâng cao", "giảm"): they name only the
    direction, and `kttt.progress` judges them by their trend.
    """

    ABOUT = "about", "khoảng", "about"
    AT_LEAST = "at_least", "ít nhất", "at least"
    MORE_THAN = "more_than", "trên", "more than"
    AT_MOST = "at_most", "tối đa", "at most"
    LESS_THAN = "less_than", "dưới", "less than"
    BETWEEN = "between", "từ … đến", "between"
    NONE_LEFT = "none_left", "không còn", "none left"
    ALL = "all", "tất cả", "all"
    INCREASE = "increase", "tăng", "increase"
    DECREASE = "decrease", "giảm", "reduce"

    @classmethod
    def parse(cls, text: str) -> Self:
        """Find the comparator named by *text* (code, label or synonym).

        "Bảo đảm" (ensure) and "phấn đấu" (strive) before a comparator
        are read through; alone, before a bare number, they read as "at
        least": the programme guarantees (or strives for) that level as a
        floor, so "bảo đảm 80 %" is met by 80 % and more.

        >>> Comparator.parse("tối thiểu")
        <Comparator.AT_LEAST: 'at_least'>
        >>> Comparator.parse("bảo đảm trên")
        <Comparator.MORE_THAN: 'more_than'>
        >>> Comparator.parse("bảo đảm")
        <Comparator.AT_LEAST: 'at_least'>

        Raises:
            ParseError: If nothing matches.
        """
        key = fold(text) if isinstance(cast("object", text), str) else ""
        for verb in _VERBS:
            if key == verb:
                return cls("at_least")
            if key.startswith(f"{verb} "):
                text = key = key[len(verb) + 1 :]
                break
        synonym = _COMPARATOR_SYNONYMS.get(key)
        return cls(synonym) if synonym is not None else super().parse(text)

    @property
    def needs_value(self) -> bool:
        """Whether a target with this comparator states a value."""
        return self not in _NO_VALUE

    @property
    def is_directional(self) -> bool:
        """Whether the comparator names a direction only ("tăng", "giảm")."""
        return self is _INCREASE or self is _DECREASE


# Looked up once: attribute access on an enum class is slow in Python 3.11.
_INCREASE: Final = Comparator.INCREASE
_DECREASE: Final = Comparator.DECREASE

_NO_VALUE: Final = frozenset(
    {
        Comparator.NONE_LEFT,
        Comparator.ALL,
        Comparator.INCREASE,
        Comparator.DECREASE,
    }
)

#: The verbs read through before a comparator ("bảo đảm trên 60 %"), the
#: longest first; alone they mean "at least" (see `Comparator.parse`).
_VERBS: Final = (
    "phan dau dat",
    "phan dau co",
    "bao dam",
    "dam bao",
    "phan dau",
    "dat",
    "co",
)

_COMPARATOR_SYNONYMS: Final = {
    "toi thieu": "at_least",
    "khong duoi": "at_least",
    "vuot": "more_than",
    "khong qua": "at_most",
    "khong vuot qua": "at_most",
    "tu ... den": "between",
    "tu...den": "between",
    "deu": "all",
    "100%": "all",
    "nang cao": "increase",
    "tang len": "increase",
    "improve": "increase",
    "giam dan": "decrease",
    "giam xuong": "decrease",
}


class TargetForm(LabelledEnum):
    """What a target's value measures."""

    LEVEL = "level", "mức đạt được", "level"
    INCREMENT = "increment", "tăng thêm so với năm gốc", "increment"
    GROWTH_RATE = "growth_rate", "tốc độ tăng bình quân năm", "growth rate"


def ceil_float(value: Fraction) -> float:
    """Return the least float not below *value*."""
    result = float(value)
    return math.nextafter(result, math.inf) if result < value else result


def floor_float(value: Fraction) -> float:
    """Return the greatest float not above *value*."""
    result = float(value)
    return math.nextafter(result, -math.inf) if result > value else result


#: A finite end of an interval, or ``None`` for none.
_BOUND: Final = _data.optional(_data.finite())


@attrs.frozen(kw_only=True)
class Interval:
    """The values that satisfy a target.

    A lower and an upper bound, each possibly missing (unbounded) or
    excluded.

    >>> Interval(lower=60.0, lower_open=True).contains(60.0)
    False
    """

    #: The lowest acceptable value (``None``: no lower bound).
    lower: float | None = attrs.field(default=None, validator=_BOUND)
    #: The highest acceptable value (``None``: no upper bound).
    upper: float | None = attrs.field(default=None, validator=_BOUND)
    #: Whether *lower* itself is excluded ("more than").
    lower_open: bool = attrs.field(default=False, validator=_data.flag())
    #: Whether *upper* itself is excluded ("less than").
    upper_open: bool = attrs.field(default=False, validator=_data.flag())

    def contains(self, value: float) -> bool:
        """Whether *value* lies in the interval."""
        if self.lower is not None and (
            value < self.lower or (self.lower_open and value == self.lower)
        ):
            return False
        return self.upper is None or not (
            value > self.upper or (self.upper_open and value == self.upper)
        )


@attrs.frozen
class Edge:
    """One end of the values that meet a target, exactly."""

    #: Where the end lies.
    value: Fraction
    #: Whether the end itself is excluded.
    open: bool = False


def edge_float(
    edge: Edge | None, rounding: Callable[[Fraction], float]
) -> tuple[float | None, bool]:
    """Return an end as a float, rounded inwards, and whether it is open.

    *rounding* is `ceil_float` for a lower end and `floor_float` for an
    upper one; an end that had to be rounded is closed, since the float
    itself meets the target.
    """
    if edge is None:
        return None, False
    rounded = rounding(edge.value)
    return rounded, edge.open and Fraction(rounded) == edge.value
