"""Quantified targets: indicators, comparators, targets and target sets.

A `Target` says what an `Indicator` must reach by a horizon year ("khoảng
45.000 hợp tác xã" by 2030, "trên 60 %" rated good or fair), in one of three
forms: a level, an increment over a base year or an annual growth rate.
A `TargetSet` holds the targets of one programme (Resolution 20-NQ/TW, a
province's action programme) and is read from and written to JSON.
The built-in catalogue and target sets ship as package data, each target
with the clause it came from.
"""

from __future__ import annotations

import functools
import json
import math
import re

from collections.abc import Iterator, Mapping
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any, Required, Self, TypedDict, Unpack, cast

import attrs
import cattrs

from kttt import _data, geography
from kttt._labels import LabelledEnum, localize_digits, pick
from kttt.errors import DataError, KtttError, NotFoundError, ValidationError
from kttt.geography import Era, Province
from kttt.sources import Source
from kttt.text import fold, nfc


__all__ = [
    "Catalogue",
    "Comparator",
    "Direction",
    "Indicator",
    "Interval",
    "Target",
    "TargetFields",
    "TargetForm",
    "TargetSet",
    "Unit",
    "indicators",
    "nq20_targets",
    "target_set",
    "target_sets",
]

#: The years a target's horizon (and base year) may take.
MIN_YEAR = 2000
MAX_YEAR = 2100

_CODE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*")


class Unit(LabelledEnum):
    """The unit an indicator is measured in."""

    COUNT = "count", "số lượng", "count"
    PERSONS = "persons", "người", "persons"
    PERCENT = "percent", "phần trăm", "percent"
    PERCENT_PER_YEAR = (
        "percent_per_year",
        "phần trăm mỗi năm",
        "percent per year",
    )
    VND = "vnd", "đồng", "Vietnamese đồng"

    @property
    def natural_bounds(self) -> tuple[float | None, float | None]:
        """The values no quantity in this unit can leave (``None``: unbounded).

        Counts and persons are never negative, a percentage lies in 0–100
        and a yearly rate of change cannot fall below −100 %.
        """
        return _NATURAL_BOUNDS[self]

    @property
    def symbol(self) -> str:
        """The suffix written after a number in this unit (may be empty)."""
        return _SYMBOLS[self]


_NATURAL_BOUNDS: dict[Unit, tuple[float | None, float | None]] = {
    Unit.COUNT: (0.0, None),
    Unit.PERSONS: (0.0, None),
    Unit.PERCENT: (0.0, 100.0),
    Unit.PERCENT_PER_YEAR: (-100.0, None),
    Unit.VND: (None, None),
}
_SYMBOLS: dict[Unit, str] = {
    Unit.COUNT: "",
    Unit.PERSONS: "",
    Unit.PERCENT: " %",
    Unit.PERCENT_PER_YEAR: " %/năm",
    Unit.VND: " đồng",
}


class Direction(LabelledEnum):
    """Which way an indicator should move."""

    INCREASE = "increase", "tăng", "increase"
    DECREASE = "decrease", "giảm", "decrease"

    @property
    def sign(self) -> int:
        """``+1`` for ``INCREASE``, ``-1`` for ``DECREASE``."""
        return 1 if self is Direction.INCREASE else -1


def _check_text(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ValidationError(attribute.name, value, "must be non-blank text")


def _check_finite(field: str, value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(field, value, "must be a number")
    if not math.isfinite(value):
        raise ValidationError(field, value, "must be finite")


def _check_code(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, str) or _CODE.fullmatch(value) is None:
        raise ValidationError(
            attribute.name,
            value,
            "an indicator code is dotted lower-case words, "
            "e.g. 'cooperatives.count'",
        )


def _natural_lower(indicator: Indicator) -> float | None:
    return indicator.unit.natural_bounds[0]


def _natural_upper(indicator: Indicator) -> float | None:
    return indicator.unit.natural_bounds[1]


@attrs.frozen(kw_only=True)
class Indicator:
    """A measurable quantity that targets are set on.

    For example the number of cooperatives, or the share of them rated good
    or fair.

    The bounds default to the unit's natural bounds (0–100 for a
    percentage, at least 0 for a count) and may only narrow them.

    >>> Indicator.get("cooperatives.count").label_en
    'cooperatives (hợp tác xã)'
    """

    #: Stable dotted code, e.g. ``"cooperatives.count"``.
    code: str = attrs.field(validator=_check_code)
    #: Vietnamese label.
    label_vi: str = attrs.field(converter=nfc, validator=_check_text)
    #: English label.
    label_en: str = attrs.field(validator=_check_text)
    #: The unit of its values.
    unit: Unit
    #: The desired direction of change.
    direction: Direction
    #: The lowest possible value (``None``: unbounded).
    lower: float | None = attrs.field(
        default=attrs.Factory(_natural_lower, takes_self=True)
    )
    #: The highest possible value (``None``: unbounded).
    upper: float | None = attrs.field(
        default=attrs.Factory(_natural_upper, takes_self=True)
    )
    #: The code of the indicator whose group a nested share is taken of
    #: ("trong đó ít nhất 50 %", of which at least 50 %).
    of: str | None = None

    def __attrs_post_init__(self) -> None:
        _check_finite("lower", self.lower)
        _check_finite("upper", self.upper)
        natural_lower, natural_upper = self.unit.natural_bounds
        if natural_lower is not None and (
            self.lower is None or self.lower < natural_lower
        ):
            raise ValidationError(
                "lower",
                self.lower,
                f"a {self.unit.value} indicator cannot go below "
                f"{natural_lower:g}",
            )
        if natural_upper is not None and (
            self.upper is None or self.upper > natural_upper
        ):
            raise ValidationError(
                "upper",
                self.upper,
                f"a {self.unit.value} indicator cannot go above "
                f"{natural_upper:g}",
            )
        if (
            self.lower is not None
            and self.upper is not None
            and not self.lower < self.upper
        ):
            raise ValidationError(
                "upper", self.upper, f"must be above lower={self.lower:g}"
            )
        if self.of is not None:
            _check_code(self, attrs.fields(Indicator).of, self.of)
            if self.unit is not Unit.PERCENT:
                raise ValidationError(
                    "of", self.of, "only a percentage is a share of a group"
                )
            if self.of == self.code:
                raise ValidationError(
                    "of", self.of, "a share cannot be a share of itself"
                )

    def label(self, lang: str = "vi") -> str:
        """Return the label in *lang*, ``"vi"`` or ``"en"``."""
        return pick(lang, self.label_vi, self.label_en)

    def check(self, value: float, field: str = "value") -> None:
        """Raise unless *value* is a finite number within the bounds.

        Raises:
            ValidationError: Naming *field*, the value and the bound broken.
        """
        _check_finite(field, value)
        if self.lower is not None and value < self.lower:
            raise ValidationError(
                field, value, f"{self.code} cannot be below {self.lower:g}"
            )
        if self.upper is not None and value > self.upper:
            raise ValidationError(
                field, value, f"{self.code} cannot be above {self.upper:g}"
            )

    @classmethod
    def get(cls, code: str) -> Indicator:
        """Return the built-in indicator with this *code*.

        Raises:
            NotFoundError: If the built-in catalogue has no such code.
        """
        return Catalogue.builtin().get(code)


def indicators() -> tuple[Indicator, ...]:
    """Return every indicator of the built-in catalogue, in catalogue order."""
    return Catalogue.builtin().indicators


def _check_catalogue(
    _: object,
    attribute: attrs.Attribute[tuple[Indicator, ...]],
    value: tuple[Indicator, ...],
) -> None:
    seen: set[str] = set()
    for indicator in value:
        if indicator.code in seen:
            raise ValidationError(
                attribute.name, indicator.code, "indicator codes are unique"
            )
        seen.add(indicator.code)
    for indicator in value:
        if indicator.of is not None and indicator.of not in seen:
            raise ValidationError(
                f"{indicator.code}.of",
                indicator.of,
                "a nested share refers to an indicator of the catalogue",
            )


@attrs.frozen(kw_only=True)
class Catalogue:
    """A set of indicators, looked up by code.

    The built-in one covers every indicator of the built-in target sets;
    add your own with `extend`, which returns a new catalogue:

    >>> mine = Indicator(
    ...     code="province.revenue",
    ...     label_vi="doanh thu",
    ...     label_en="revenue",
    ...     unit=Unit.VND,
    ...     direction=Direction.INCREASE,
    ... )
    >>> Catalogue.builtin().extend(mine).get("province.revenue") == mine
    True
    """

    #: The indicators, each code once.
    indicators: tuple[Indicator, ...] = attrs.field(validator=_check_catalogue)

    def get(self, code: str) -> Indicator:
        """Return the indicator with this *code*.

        Raises:
            NotFoundError: If there is none.
        """
        for indicator in self.indicators:
            if indicator.code == code:
                return indicator
        raise NotFoundError("indicator", code, "no indicator has this code")

    def __contains__(self, code: object) -> bool:
        return any(i.code == code for i in self.indicators)

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.indicators)

    def extend(self, *indicators: Indicator) -> Catalogue:
        """Return a catalogue with *indicators* added.

        Adding an indicator that is already there is allowed; adding a
        different one under an existing code is not.

        Raises:
            ValidationError: If a code would mean two different indicators.
        """
        new = list(self.indicators)
        for indicator in indicators:
            if indicator.code in self:
                if self.get(indicator.code) != indicator:
                    raise ValidationError(
                        "indicator",
                        indicator.code,
                        "this code already names a different indicator",
                    )
            elif all(i.code != indicator.code for i in new):
                new.append(indicator)
            elif indicator not in new:
                raise ValidationError(
                    "indicator",
                    indicator.code,
                    "two different indicators share this code",
                )
        return Catalogue(indicators=tuple(new))

    @classmethod
    def builtin(cls) -> Catalogue:
        """Return the built-in catalogue (``data/targets/indicators.json``)."""
        return _builtin_catalogue()


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


_COMPARATOR_SYNONYMS = {
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


def _ceil_float(value: Fraction) -> float:
    result = float(value)
    return math.nextafter(result, math.inf) if result < value else result


def _floor_float(value: Fraction) -> float:
    result = float(value)
    return math.nextafter(result, -math.inf) if result > value else result


@attrs.frozen(kw_only=True)
class Interval:
    """The values that satisfy a target.

    A lower and an upper bound, each possibly missing (unbounded) or
    excluded.

    >>> Interval(lower=60.0, lower_open=True).contains(60.0)
    False
    """

    #: The lowest acceptable value (``None``: no lower bound).
    lower: float | None = None
    #: The highest acceptable value (``None``: no upper bound).
    upper: float | None = None
    #: Whether *lower* itself is excluded ("more than").
    lower_open: bool = False
    #: Whether *upper* itself is excluded ("less than").
    upper_open: bool = False

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
class _Edge:
    value: Fraction
    open: bool = False


def _lower_float(edge: _Edge | None) -> tuple[float | None, bool]:
    if edge is None:
        return None, False
    rounded = _ceil_float(edge.value)
    if Fraction(rounded) == edge.value:
        return rounded, edge.open
    return rounded, False


def _upper_float(edge: _Edge | None) -> tuple[float | None, bool]:
    if edge is None:
        return None, False
    rounded = _floor_float(edge.value)
    if Fraction(rounded) == edge.value:
        return rounded, edge.open
    return rounded, False


def _check_year(name: str, value: object) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not MIN_YEAR <= value <= MAX_YEAR
    ):
        raise ValidationError(
            name,
            value,
            f"a target year is a whole year in {MIN_YEAR}–{MAX_YEAR}",
        )


def _check_horizon(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    _check_year(attribute.name, value)


def _check_base_year(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _check_year(attribute.name, value)


class TargetFields(TypedDict, total=False):
    """The fields `Target.increment` and `Target.growth_rate` pass on.

    *indicator*, *horizon* and *source* are required.
    """

    indicator: Required[Indicator]
    horizon: Required[int]
    source: Required[Source]
    base_value: float | None
    upper: float | None
    tolerance: float | None
    scope: Province | None
    text_vi: str | None


@attrs.frozen(kw_only=True)
class Target:
    """What an indicator must reach by a horizon year.

    The *value* is a level (``TargetForm.LEVEL``), an increment over the
    value of *base_year* (``TargetForm.INCREMENT``) or an annual growth rate
    in percent since *base_year* (``TargetForm.GROWTH_RATE``).

    "About" and "between" targets are aims: a value beyond the band in the
    indicator's desired direction counts as met (Vietnamese reports call it
    *vượt chỉ tiêu*); `band` gives the literal band and `exceeds` says
    whether a value went past it.

    >>> from kttt.targets import nq20_targets
    >>> target = nq20_targets().get("cooperatives.count", 2030)
    >>> target.describe("en")
    'about 45,000'
    >>> target.is_met(43_000), target.is_met(41_000)
    (True, False)
    """

    #: What is measured.
    indicator: Indicator
    #: How the observed value is compared with *value*.
    comparator: Comparator
    #: The target value; ``None`` only for ``Comparator.NONE_LEFT`` and
    #: ``Comparator.ALL``.
    value: float | None = None
    #: The year by which the target is to be met.
    horizon: int = attrs.field(validator=_check_horizon)
    #: The document and clause the target comes from.
    source: Source
    #: The upper end of a ``Comparator.BETWEEN`` range.
    upper: float | None = None
    #: For ``Comparator.ABOUT``: the accepted deviation as a fraction of the
    #: level (``0.05`` is ±5 %). Documents never state it; it is explicit.
    tolerance: float | None = None
    #: The province the target is set for (``None``: national).
    scope: Province | None = None
    #: Whether *value* is a level, an increment or a growth rate.
    form: TargetForm = TargetForm.LEVEL
    #: The year an increment or a growth rate is measured from.
    base_year: int | None = attrs.field(
        default=None, validator=_check_base_year
    )
    #: The indicator's value in *base_year*, when known.
    base_value: float | None = None
    #: The clause as written in the document.
    text_vi: str | None = attrs.field(
        default=None,
        converter=attrs.converters.optional(nfc),
        validator=_check_text,
    )

    def __attrs_post_init__(self) -> None:
        for name in ("value", "upper", "tolerance", "base_value"):
            _check_finite(name, getattr(self, name))
        self._check_value()
        self._check_base()
        self._check_comparator()
        for name in ("value", "upper"):
            if self.form is not TargetForm.GROWTH_RATE:
                self._check_level(name)

    def _check_value(self) -> None:
        if self.comparator.needs_value and self.value is None:
            raise ValidationError(
                "value", None, f"a '{self.comparator}' target states a value"
            )
        if not self.comparator.needs_value and self.value is not None:
            raise ValidationError(
                "value",
                self.value,
                f"a '{self.comparator}' target states no value",
            )
        if (self.comparator is Comparator.BETWEEN) != (self.upper is not None):
            raise ValidationError(
                "upper",
                self.upper,
                "an upper end is given exactly for 'between' targets",
            )
        if (
            self.upper is not None
            and self.value is not None
            and not self.upper > self.value
        ):
            raise ValidationError(
                "upper", self.upper, f"must be above value={self.value:g}"
            )
        if (self.comparator is Comparator.ABOUT) != (
            self.tolerance is not None
        ):
            raise ValidationError(
                "tolerance",
                self.tolerance,
                "a tolerance is given exactly for 'about' targets",
            )
        if self.tolerance is not None and not 0 < self.tolerance < 1:
            raise ValidationError(
                "tolerance",
                self.tolerance,
                "a tolerance is a fraction of the level between 0 and 1",
            )

    def _check_base(self) -> None:
        if self.form is not TargetForm.LEVEL and self.base_year is None:
            raise ValidationError(
                "base_year", None, f"a '{self.form}' target needs a base year"
            )
        if self.base_value is not None and self.base_year is None:
            raise ValidationError(
                "base_value", self.base_value, "a base value needs a base year"
            )
        if self.base_year is not None and not self.base_year < self.horizon:
            raise ValidationError(
                "base_year",
                self.base_year,
                f"must be before the horizon {self.horizon}",
            )
        if self.base_value is not None:
            self.indicator.check(self.base_value, "base_value")
        if (
            self.form is TargetForm.GROWTH_RATE
            and self.value is not None
            and self.value <= -100
        ):
            raise ValidationError(
                "value", self.value, "a growth rate is above −100 % per year"
            )

    def _check_comparator(self) -> None:
        if self.comparator.needs_value:
            return
        if self.form is not TargetForm.LEVEL:
            raise ValidationError(
                "comparator",
                self.comparator,
                f"a '{self.form}' target compares a value",
            )
        direction = self.indicator.direction
        if self.comparator is Comparator.NONE_LEFT:
            if (
                direction is not Direction.DECREASE
                or self.indicator.lower != 0
            ):
                raise ValidationError(
                    "comparator",
                    self.comparator,
                    "'none left' applies to a decreasing indicator that "
                    "can reach 0",
                )
        elif (
            self.indicator.unit is not Unit.PERCENT
            or direction is not Direction.INCREASE
        ):
            raise ValidationError(
                "comparator",
                self.comparator,
                "'all' applies to an increasing percentage",
            )

    def _check_level(self, name: str) -> None:
        number: float | None = getattr(self, name)
        if number is None:
            return
        if self.form is TargetForm.LEVEL:
            self.indicator.check(number, name)
        elif self.base_value is not None:
            self.indicator.check(self.base_value + number, name)

    # --- what the target asks for ------------------------------------------

    @property
    def unit(self) -> Unit:
        """The unit of `value` and of what `is_met` compares.

        The indicator's, or percent per year for a growth-rate target.
        """
        if self.form is TargetForm.GROWTH_RATE:
            return Unit.PERCENT_PER_YEAR
        return self.indicator.unit

    @property
    def is_national(self) -> bool:
        """Whether the target is set for the whole country."""
        return self.scope is None

    def _offset(self) -> Fraction:
        if self.form is not TargetForm.INCREMENT:
            return Fraction(0)
        if self.base_value is None:
            raise ValidationError(
                "base_value",
                None,
                "an increment target needs its base value to give a "
                "level; use with_base()",
            )
        return Fraction(self.base_value)

    def _ends(self) -> tuple[Fraction, Fraction]:
        offset = self._offset()
        if self.comparator is Comparator.NONE_LEFT:
            return Fraction(0), Fraction(0)
        if self.comparator is Comparator.ALL:
            top = Fraction(self.indicator.upper or 100)
            return top, top
        value = Fraction(self.value or 0) + offset
        if self.comparator is Comparator.BETWEEN:
            return value, Fraction(self.upper or 0) + offset
        if self.comparator is Comparator.ABOUT:
            spread = abs(value) * Fraction(self.tolerance or 0)
            return value - spread, value + spread
        return value, value

    def _edges(self) -> tuple[_Edge | None, _Edge | None]:
        low, high = self._ends()
        comparator = self.comparator
        if comparator in {Comparator.AT_LEAST, Comparator.ALL}:
            return _Edge(low), None
        if comparator is Comparator.MORE_THAN:
            return _Edge(low, open=True), None
        if comparator in {Comparator.AT_MOST, Comparator.NONE_LEFT}:
            return None, _Edge(high)
        if comparator is Comparator.LESS_THAN:
            return None, _Edge(high, open=True)
        if self.indicator.direction is Direction.INCREASE:
            return _Edge(low), None
        return None, _Edge(high)

    def interval(self) -> Interval:
        """Return the acceptable values as an `Interval`.

        Bounds that are not exactly representable (a tolerance band, an
        increment over a base) are rounded inwards to the nearest float, so
        that `Interval.contains` agrees with `is_met` for every float.

        Raises:
            ValidationError: For an increment target without a base value.
        """
        return self._interval

    @functools.cached_property
    def _interval(self) -> Interval:
        # Computed once per target: assessing thousands of scenarios
        # against one target asks for it every time.
        low, high = self._edges()
        lower, lower_open = _lower_float(low)
        upper, upper_open = _upper_float(high)
        return Interval(
            lower=lower,
            upper=upper,
            lower_open=lower_open,
            upper_open=upper_open,
        )

    def bounds(self) -> tuple[float | None, float | None]:
        """Return the acceptable interval as ``(lower, upper)``.

        ``None`` means unbounded; see `interval` for whether a bound is
        itself excluded ("more than", "less than").
        """
        interval = self.interval()
        return interval.lower, interval.upper

    def band(self) -> Interval:
        """Return the literal band of an "about" or "between" target.

        Both ends; for the other comparators, the acceptable interval.
        """
        if self.comparator not in {Comparator.ABOUT, Comparator.BETWEEN}:
            return self.interval()
        low, high = self._ends()
        return Interval(lower=_ceil_float(low), upper=_floor_float(high))

    def level(self) -> float:
        """Return the level to reach.

        The stated value (plus the base for an increment), 0 for "none
        left", the indicator's top (100 %) for "all", and for "between" the
        end first met in the desired direction.

        For a growth-rate target this is the rate, in percent per year.

        Raises:
            ValidationError: For an increment target without a base value.
        """
        low, high = self._ends()
        if self.comparator is Comparator.BETWEEN:
            increasing = self.indicator.direction is Direction.INCREASE
            return float(low if increasing else high)
        if self.comparator is Comparator.ABOUT:
            return float((low + high) / 2)
        return float(low)

    def horizon_level(self) -> float:
        """Return the indicator's level at the horizon that meets the target.

        For a growth-rate target, the base value grown at the target rate
        from the base year to the horizon; otherwise `level`.

        Raises:
            ValidationError: If the base value that this needs is unknown.
        """
        if self.form is not TargetForm.GROWTH_RATE:
            return self.level()
        if self.base_value is None:
            raise ValidationError(
                "base_value",
                None,
                "a growth-rate target needs its base value to give a "
                "level; use with_base()",
            )
        years = self.horizon - (self.base_year or self.horizon)
        return self.base_value * (1 + self.level() / 100) ** years

    def is_met(self, value: float) -> bool:
        """Whether an observed *value* satisfies the target.

        *value* is a level of the indicator (for an increment target too:
        the base is added to the increment), or for a growth-rate target an
        observed annual rate in percent.

        Raises:
            ValidationError: If *value* is not finite or is outside the
                indicator's bounds.
        """
        self._check_observed(value)
        return self.interval().contains(value)

    def exceeds(self, value: float) -> bool:
        """Whether *value* goes past an "about" or "between" band.

        Past it in the desired direction; always false for the other
        comparators.
        """
        self._check_observed(value)
        if self.comparator not in {Comparator.ABOUT, Comparator.BETWEEN}:
            return False
        band = self.band()
        if self.indicator.direction is Direction.INCREASE:
            return band.upper is not None and value > band.upper
        return band.lower is not None and value < band.lower

    def _check_observed(self, value: float) -> None:
        if self.form is TargetForm.GROWTH_RATE:
            _check_finite("value", value)
            if value < -100:
                raise ValidationError(
                    "value", value, "a growth rate is at least −100 % per year"
                )
        else:
            self.indicator.check(value)

    def with_base(self, value: float) -> Target:
        """Return this target with the indicator's value in the base year.

        Raises:
            ValidationError: If the target has no base year.
        """
        return attrs.evolve(self, base_value=value)

    def describe(self, lang: str = "vi") -> str:
        """Return the requirement in words, e.g. ``"trên 60 %"``."""
        comparator = self.comparator.label(lang)
        if self.comparator is Comparator.ALL:
            return f"{comparator} (100 %)"
        if self.comparator is Comparator.NONE_LEFT:
            return comparator
        sign = "+" if self.form is TargetForm.INCREMENT else ""
        symbol = self.unit.symbol
        if lang == "en" and self.unit is Unit.PERCENT_PER_YEAR:
            symbol = " %/year"
        value = f"{sign}{_format_number(self.value or 0, lang)}{symbol}"
        if self.comparator is Comparator.BETWEEN:
            high = f"{sign}{_format_number(self.upper or 0, lang)}{symbol}"
            text = (
                f"từ {value} đến {high}"
                if lang == "vi"
                else f"{value} to {high}"
            )
        else:
            text = f"{comparator} {value}"
        if self.form is TargetForm.INCREMENT:
            suffix = "so với năm" if lang == "vi" else "over"
            text = f"{text} {suffix} {self.base_year}"
        elif self.form is TargetForm.GROWTH_RATE:
            suffix = "từ năm" if lang == "vi" else "since"
            text = f"{text} {suffix} {self.base_year}"
        return text

    # --- named constructors ------------------------------------------------

    @classmethod
    def increment(
        cls,
        *,
        increment: float,
        base_year: int,
        comparator: Comparator = Comparator.AT_LEAST,
        **fields: Unpack[TargetFields],
    ) -> Target:
        """Return a target of *increment* more than in *base_year*.

        As in "+380 hợp tác xã so với năm 2020"; the other *fields* are
        those of `TargetFields`.

        >>> from kttt.sources import Source
        >>> target = Target.increment(
        ...     indicator=Indicator.get("cooperatives.count"),
        ...     increment=380,
        ...     base_year=2020,
        ...     base_value=1_000,
        ...     horizon=2025,
        ...     source=Source(document="X-CTr/TU"),
        ... )
        >>> target.level(), target.is_met(1_380)
        (1380.0, True)
        """
        return cls(
            form=TargetForm.INCREMENT,
            value=increment,
            base_year=base_year,
            comparator=comparator,
            **fields,
        )

    @classmethod
    def growth_rate(
        cls,
        *,
        rate: float,
        base_year: int,
        comparator: Comparator = Comparator.AT_LEAST,
        **fields: Unpack[TargetFields],
    ) -> Target:
        """Return a target of *rate* percent average annual growth.

        Measured from *base_year* to *horizon*, as in "doanh thu tăng bình
        quân 7 %/năm"; the other *fields* are those of `TargetFields`.
        """
        return cls(
            form=TargetForm.GROWTH_RATE,
            value=rate,
            base_year=base_year,
            comparator=comparator,
            **fields,
        )

    @classmethod
    def cap(
        cls,
        *,
        indicator: Indicator,
        value: float,
        horizon: int,
        source: Source,
        strict: bool = True,
        scope: Province | None = None,
        base_year: int | None = None,
        base_value: float | None = None,
        text_vi: str | None = None,
    ) -> Target:
        """Return a ceiling: "less than" *value*.

        "At most" when *strict* is false. As in "hợp tác xã yếu kém dưới
        2 %".
        """
        return cls(
            indicator=indicator,
            comparator=Comparator.LESS_THAN if strict else Comparator.AT_MOST,
            value=value,
            horizon=horizon,
            scope=scope,
            base_year=base_year,
            base_value=base_value,
            source=source,
            text_vi=text_vi,
        )


def _format_number(value: float, lang: str) -> str:
    if value == int(value):
        text = f"{int(value):,}"
    else:
        text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return localize_digits(text, lang)


def _check_targets(
    instance: TargetSet,
    attribute: attrs.Attribute[tuple[Target, ...]],
    value: tuple[Target, ...],
) -> None:
    if not value:
        raise ValidationError(
            attribute.name, value, "a target set has targets"
        )
    seen: set[tuple[str, int]] = set()
    for index, target in enumerate(value):
        key = (target.indicator.code, target.horizon)
        if key in seen:
            raise ValidationError(
                f"targets[{index}]",
                key,
                "one target per indicator and horizon",
            )
        seen.add(key)
        if target.scope != instance.scope:
            raise ValidationError(
                f"targets[{index}].scope",
                target.scope,
                "every target of a set has the set's scope",
            )


@attrs.frozen(kw_only=True)
class TargetSet:
    """The quantified targets of one programme.

    >>> from kttt.targets import nq20_targets
    >>> nq20 = nq20_targets()
    >>> nq20.code, nq20.horizons()
    ('20-NQ/TW', (2030, 2045))
    """

    #: The programme's document number, e.g. ``"20-NQ/TW"``.
    code: str = attrs.field(converter=nfc, validator=_check_text)
    #: The programme's title.
    title: str = attrs.field(converter=nfc, validator=_check_text)
    #: The programme document.
    source: Source
    #: The targets, one per indicator and horizon.
    targets: tuple[Target, ...] = attrs.field(validator=_check_targets)
    #: The province the programme is for (``None``: national).
    scope: Province | None = None

    def __iter__(self) -> Iterator[Target]:
        return iter(self.targets)

    def __len__(self) -> int:
        return len(self.targets)

    def horizons(self) -> tuple[int, ...]:
        """Return the horizon years of the targets, earliest first."""
        return tuple(sorted({t.horizon for t in self.targets}))

    def by_horizon(self, year: int) -> tuple[Target, ...]:
        """Return the targets to be met by *year*, in document order."""
        return tuple(t for t in self.targets if t.horizon == year)

    def get(self, indicator_code: str, horizon: int) -> Target:
        """Return the target on *indicator_code* for *horizon*.

        Raises:
            NotFoundError: If the set has no such target.
        """
        for target in self.targets:
            if (
                target.indicator.code == indicator_code
                and target.horizon == horizon
            ):
                return target
        raise NotFoundError(
            "target",
            (indicator_code, horizon),
            f"{self.code} has no target on this indicator for this year",
        )

    def indicators(self) -> tuple[Indicator, ...]:
        """Return the indicators the targets are set on, without repeats."""
        return tuple(dict.fromkeys(t.indicator for t in self.targets))

    # --- JSON ----------------------------------------------------------------

    def to_json(self) -> str:
        """Return the set as JSON, in the format of the built-in data files.

        Targets name their indicator by code; indicators that the built-in
        catalogue lacks (or defines differently) are written in an
        ``"indicators"`` list, so `from_json` gives back an equal set.
        """
        conv = _make_converter()
        builtin = Catalogue.builtin()
        own = [
            conv.unstructure(indicator)
            for indicator in self.indicators()
            if indicator.code not in builtin
            or builtin.get(indicator.code) != indicator
        ]
        set_source = conv.unstructure(self.source)
        targets: list[dict[str, Any]] = []
        for target in self.targets:
            record: dict[str, Any] = conv.unstructure(target)
            record["indicator"] = target.indicator.code
            del record["scope"]
            if record["source"] == set_source:
                del record["source"]
            targets.append({k: v for k, v in record.items() if v is not None})
        document = {
            "code": self.code,
            "title": self.title,
            "scope": _scope_to_json(self.scope),
            "source": set_source,
            "indicators": own,
            "targets": targets,
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(
        cls, text: str, *, catalogue: Catalogue | None = None
    ) -> Self:
        """Read a target set from JSON written by `to_json` (or by hand).

        Indicators are looked up in the file's own ``"indicators"`` list,
        then in *catalogue* (default: the built-in one). A target without a
        ``"source"`` takes the set's.

        Raises:
            DataError: Naming the field, the value and the rule broken, and
                for a bad target its 1-based row in ``"targets"``.
        """
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise DataError("json", text[:80], f"not JSON: {error}") from None
        return cls._from_document(document, catalogue or Catalogue.builtin())

    @classmethod
    def load(
        cls, path: str | Path, *, catalogue: Catalogue | None = None
    ) -> Self:
        """Read a target set from a JSON file (UTF-8).

        Raises:
            DataError: Naming the file, and as `from_json` does.
        """
        file = Path(path)
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as error:
            raise DataError(
                "path", str(file), f"cannot read: {error}"
            ) from None
        try:
            return cls.from_json(text, catalogue=catalogue)
        except KtttError as error:
            raise _in_file(error, file.name) from None

    def save(self, path: str | Path) -> None:
        """Write the set to a JSON file (UTF-8), as `to_json` does."""
        Path(path).write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def _from_document(cls, document: object, catalogue: Catalogue) -> Self:
        fields = _mapping(document, "target set")
        for key, value in fields.items():
            if key not in _SET_FIELDS:
                raise DataError(key, value, "unknown field of a target set")
        conv = _make_converter()
        own: tuple[Indicator, ...] = _structure(
            conv,
            fields.get("indicators", []),
            tuple[Indicator, ...],
            None,
            "indicators",
        )
        mine = {i.code for i in own}
        try:
            known = Catalogue(
                indicators=(
                    *own,
                    *(i for i in catalogue if i.code not in mine),
                )
            )
        except KtttError as error:
            raise _as_data_error(error, None) from None
        raw_targets = fields.get("targets")
        if not isinstance(raw_targets, list):
            raise DataError("targets", raw_targets, "must be a JSON list")
        head = {
            "code": fields.get("code"),
            "title": fields.get("title"),
            "scope": fields.get("scope"),
            "source": fields.get("source"),
        }
        scope = _scope_from_json(head["scope"])
        source = _structure(conv, head["source"], Source, None, "source.")
        targets = tuple(
            _structure_target(
                conv,
                raw,
                source=head["source"],
                scope=scope,
                known=known,
                row=row,
            )
            for row, raw in enumerate(cast("list[object]", raw_targets), 1)
        )
        try:
            return cls(
                code=_text(head["code"], "code"),
                title=_text(head["title"], "title"),
                source=source,
                scope=scope,
                targets=targets,
            )
        except KtttError as error:
            raise _as_data_error(error, None) from None


_SET_FIELDS = frozenset(
    {"code", "title", "scope", "source", "indicators", "targets"}
)


def _mapping(data: object, what: str) -> dict[str, object]:
    if not isinstance(data, Mapping):
        raise DataError(what, data, "must be a JSON object")
    return dict(cast("Mapping[str, object]", data))


def _make_converter() -> cattrs.Converter:
    return _data.new_converter(geography.configure_converter)


def _structure(
    conv: cattrs.Converter,
    data: object,
    cls: Any,
    row: int | None,
    where: str = "",
) -> Any:
    try:
        return _data.structure(conv, data, cls)
    except KtttError as error:
        field = f"{where}{error.field}" if where else error.field
        raise DataError(field, error.value, error.rule, row=row) from None


def _as_data_error(error: KtttError, row: int | None) -> DataError:
    return DataError(error.field, error.value, error.rule, row=row)


def _structure_target(
    conv: cattrs.Converter,
    raw: object,
    *,
    source: object,
    scope: Province | None,
    known: Catalogue,
    row: int,
) -> Target:
    record = _mapping(raw, "target")
    if "scope" in record:
        raise DataError(
            "scope", record["scope"], "a target takes its set's scope", row=row
        )
    code = record.get("indicator")
    if not isinstance(code, str) or code not in known:
        raise DataError(
            "indicator",
            code,
            "names an indicator of the catalogue or of the file",
            row=row,
        )
    record["indicator"] = conv.unstructure(known.get(code))
    record.setdefault("source", source)
    target: Target = _structure(conv, record, Target, row)
    return target if scope is None else attrs.evolve(target, scope=scope)


def _scope_to_json(scope: Province | None) -> dict[str, str] | None:
    if scope is None:
        return None
    return {"code": scope.code, "era": scope.era.value, "name": scope.name}


def _scope_from_json(data: object) -> Province | None:
    if data is None:
        return None
    fields = _mapping(data, "scope")
    code, era, name = (fields.get(k) for k in ("code", "era", "name"))
    try:
        province = Province.get(
            _text(code, "scope.code"), era=Era.parse(_text(era, "scope.era"))
        )
    except KtttError as error:
        raise _as_data_error(error, None) from None
    if name is not None and fold(_text(name, "scope.name")) != fold(
        province.name
    ):
        raise DataError(
            "scope.name",
            name,
            f"unit {province.code} of {province.era.label_en} is "
            f"{province.name}",
        )
    if set(fields) - {"code", "era", "name"}:
        raise DataError("scope", data, "has only 'code', 'era' and 'name'")
    return province


def _text(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise DataError(field, value, "must be text")
    return value


def _in_file(error: KtttError, name: str) -> DataError:
    return DataError(
        f"{name}: {error.field}", error.value, error.rule, row=error.row
    )


# --- built-in data ----------------------------------------------------------

_DATA = resources.files("kttt") / "data" / "targets"

#: The built-in target sets: document number -> data file name.
_BUILTIN_SETS = {
    "20-NQ/TW": "nq20.json",
    "340/QĐ-TTg": "qd340.json",
    "1318/QĐ-TTg": "qd1318.json",
    "155-CTr/TU": "ctr155-ninh-thuan.json",
}


def _read(name: str) -> str:
    return (_DATA / name).read_text(encoding="utf-8")


@functools.cache
def _builtin_catalogue() -> Catalogue:
    name = "indicators.json"
    try:
        document = _mapping(json.loads(_read(name)), "catalogue")
        if set(document) != {"sources", "indicators"}:
            raise DataError(
                "catalogue", sorted(document), "has 'sources' and 'indicators'"
            )
        conv = _make_converter()
        _structure(conv, document["sources"], tuple[Source, ...], None)
        found: tuple[Indicator, ...] = _structure(
            conv, document["indicators"], tuple[Indicator, ...], None
        )
        return Catalogue(indicators=found)
    except KtttError as error:
        raise _in_file(error, name) from None


@functools.cache
def _builtin_set(name: str) -> TargetSet:
    try:
        return TargetSet.from_json(_read(name))
    except KtttError as error:
        raise _in_file(error, name) from None


def target_sets() -> tuple[TargetSet, ...]:
    """Return every built-in target set.

    NQ 20-NQ/TW, the Strategy 2021–2030 (340/QĐ-TTg), the 2021–2025 plan
    (1318/QĐ-TTg) and Ninh Thuận's programme 155-CTr/TU.
    """
    return tuple(_builtin_set(name) for name in _BUILTIN_SETS.values())


def target_set(code: str) -> TargetSet:
    """Return the built-in target set of the document numbered *code*.

    Matching ignores case, diacritics and spaces (``"340/QD-TTg"`` works).

    Raises:
        NotFoundError: If no built-in set has this code.
    """
    wanted = fold(code).replace(" ", "")
    for known, name in _BUILTIN_SETS.items():
        if fold(known).replace(" ", "") == wanted:
            return _builtin_set(name)
    choices = ", ".join(_BUILTIN_SETS)
    raise NotFoundError("target_set", code, f"built-in sets are: {choices}")


def nq20_targets() -> TargetSet:
    """Return the targets of Resolution 20-NQ/TW for 2030 and 2045."""
    return target_set("20-NQ/TW")
