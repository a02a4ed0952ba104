"""The rules a target's fields must keep together, checked on construction."""

from __future__ import annotations

import math

from typing import TYPE_CHECKING

from kttt.errors import ValidationError
from kttt.targets._comparators import Comparator, TargetForm
from kttt.targets._indicators import Direction, Unit


if TYPE_CHECKING:
    from kttt.targets._target import Target


def check_target(target: Target) -> None:
    """Raise unless the fields of *target* fit together.

    Raises:
        ValidationError: Naming the field, the value and the rule broken.
    """
    _value(target)
    _base(target)
    _comparator(target)
    for name in ("value", "upper"):
        if target.form is not TargetForm.GROWTH_RATE:
            _level(target, name)
        elif getattr(target, name) is not None:
            grown_level(target, getattr(target, name), name)
    _finite_band(target)
    _whole_band(target)


def _value(target: Target) -> None:
    comparator = target.comparator
    if comparator.needs_value and target.value is None:
        raise ValidationError(
            "value", None, f"a '{comparator}' target states a value"
        )
    if not comparator.needs_value and target.value is not None:
        implied = _implied(target)
        if implied is None or target.value != implied:
            rule = (
                f"a '{comparator}' target states no value"
                if implied is None
                else f"'{comparator}' means {implied:g}: write "
                f"{implied:g} or nothing"
            )
            raise ValidationError("value", target.value, rule)
    if (target.comparator is Comparator.BETWEEN) != (target.upper is not None):
        raise ValidationError(
            "upper",
            target.upper,
            "an upper end is given exactly for 'between' targets",
        )
    if (
        target.upper is not None
        and target.value is not None
        and not target.upper > target.value
    ):
        raise ValidationError(
            "upper", target.upper, f"must be above value={target.value:g}"
        )
    if (target.comparator is Comparator.ABOUT) != (
        target.tolerance is not None
    ):
        raise ValidationError(
            "tolerance",
            target.tolerance,
            "a tolerance is given exactly for 'about' targets",
        )


def _implied(target: Target) -> float | None:
    """Return the value "none left" or "all" means, if either."""
    if target.comparator is Comparator.NONE_LEFT:
        return 0.0
    if target.comparator is Comparator.ALL:
        return target.indicator.upper
    return None


def _finite_band(target: Target) -> None:
    """Refuse a target whose band reaches past the largest float."""
    if not target.comparator.needs_value or (
        target.form is TargetForm.INCREMENT and target.base_value is None
    ):
        return
    try:
        target.band()
    except OverflowError:
        raise ValidationError(
            "value",
            target.value,
            "its band reaches past the largest number a float holds",
        ) from None


def _whole_band(target: Target) -> None:
    """Refuse an "about" count whose band admits one count only."""
    if (
        target.comparator is not Comparator.ABOUT
        or target.indicator.unit not in {Unit.COUNT, Unit.PERSONS}
        or target.form is TargetForm.GROWTH_RATE
        or (target.form is TargetForm.INCREMENT and target.base_value is None)
    ):
        return
    band, level = target.band(), target.level()
    first, last = math.ceil(band.lower or 0), math.floor(band.upper or 0)
    if first < last or (first == last and first != level):
        return
    tolerance = target.tolerance.describe() if target.tolerance else ""
    raise ValidationError(
        "tolerance",
        tolerance,
        f"'about {level:g}' with {tolerance} admits no other "
        "whole number, so it would mean 'exactly'; give an absolute "
        "tolerance such as ±1",
    )


def _base(target: Target) -> None:
    if target.form is not TargetForm.LEVEL and target.base_year is None:
        raise ValidationError(
            "base_year", None, f"a '{target.form}' target needs a base year"
        )
    if target.base_value is not None and target.base_year is None:
        raise ValidationError(
            "base_value", target.base_value, "a base value needs a base year"
        )
    if target.base_year is not None and not target.base_year < target.horizon:
        raise ValidationError(
            "base_year",
            target.base_year,
            f"must be before the horizon {target.horizon}",
        )
    if target.base_value is not None:
        target.indicator.check(target.base_value, "base_value")
    if (
        target.form is TargetForm.GROWTH_RATE
        and target.value is not None
        and target.value <= -100
    ):
        raise ValidationError(
            "value", target.value, "a growth rate is above −100 % per year"
        )


def _comparator(target: Target) -> None:
    if target.comparator.needs_value:
        return
    if target.form is not TargetForm.LEVEL:
        raise ValidationError(
            "comparator",
            target.comparator,
            f"a '{target.form}' target compares a value",
        )
    direction = target.indicator.direction
    if target.comparator.is_directional:
        if target.comparator.value != direction.value:
            raise ValidationError(
                "comparator",
                target.comparator,
                f"{target.indicator.code} should {direction.label_en}",
            )
    elif target.comparator is Comparator.NONE_LEFT:
        if direction is not Direction.DECREASE or target.indicator.lower != 0:
            raise ValidationError(
                "comparator",
                target.comparator,
                "'none left' applies to a decreasing indicator that "
                "can reach 0",
            )
    elif (
        target.indicator.unit is not Unit.PERCENT
        or direction is not Direction.INCREASE
    ):
        raise ValidationError(
            "comparator",
            target.comparator,
            "'all' applies to an increasing percentage",
        )


def _level(target: Target, name: str) -> None:
    number: float | None = getattr(target, name)
    if number is None:
        return
    if target.form is TargetForm.LEVEL:
        target.indicator.check(number, name)
    elif target.base_value is not None:
        target.indicator.check(target.base_value + number, name)


def grown_level(target: Target, rate: float, name: str = "value") -> float:
    """Return *target*'s base value grown at *rate* % a year to its horizon.

    Without a base value this is 0; no target is built whose level is too
    large for a float.

    Raises:
        ValidationError: Naming *name* if the level is too large for a
            float.
    """
    base = target.base_value or 0.0
    years = target.horizon - (target.base_year or target.horizon)
    try:
        level = base * (1 + rate / 100) ** years
    except OverflowError:
        level = math.inf
    if not math.isfinite(level):
        raise ValidationError(
            name,
            rate,
            f"grown from {base:g} in {target.base_year} it is too large "
            f"for a number by {target.horizon}",
        )
    return level
