"""Comparators, the forms of a target's value, and acceptable intervals."""

from __future__ import annotations

import math

from collections.abc import Callable
from fractions import Fraction
from typing import Final, Self

import attrs

from kttt import _data
from kttt._labels import LabelledEnum
from kttt.text import fold


class Comparator(LabelledEnum):
    """How an observed value is compared with a target's value.

    `parse` also understands the synonyms the documents use ("tối thiểu",
    "đều", "từ … đến").
    """

    ABOUT = "about", "khoảng", "about"
    AT_LEAST = "at_least", "ít nhất", "at least"
    MORE_THAN = "more_than", "trên", "more than"
    AT_MOST = "at_most", "tối đa", "at most"
    LESS_THAN = "less_than", "dưới", "less than"
    BETWEEN = "between", "từ … đến", "between"
    NONE_LEFT = "none_left", "không còn", "none left"
    ALL = "all", "tất cả", "all"

    @classmethod
    def parse(cls, text: str) -> Self:
        """Find the comparator named by *text* (code, label or synonym).

        >>> Comparator.parse("tối thiểu")
        <Comparator.AT_LEAST: 'at_least'>

        Raises:
            ParseError: If nothing matches.
        """
        synonym = _COMPARATOR_SYNONYMS.get(fold(text))
        return cls(synonym) if synonym is not None else super().parse(text)

    @property
    def needs_value(self) -> bool:
        """Whether a target with this comparator states a value."""
        return self not in {Comparator.NONE_LEFT, Comparator.ALL}


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
