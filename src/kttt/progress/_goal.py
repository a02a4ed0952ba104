"""What a target asks for at its horizon, and the pace that gets there."""

from __future__ import annotations

import attrs

from kttt._labels import localize_digits, pick
from kttt.errors import ValidationError
from kttt.targets import Direction, Target, TargetForm


# Enum members are looked up once: attribute access on an enum class is
# slow in Python 3.11, and these are on every call of `assess`.
_GROWTH_RATE = TargetForm.GROWTH_RATE
_INCREASE = Direction.INCREASE
_DECREASE = Direction.DECREASE


def goal_of(target: Target) -> tuple[float, Direction]:
    """Return the level aimed at and the way the indicator must move.

    The target level, the near edge of an "about" or "between" band, or for
    a growth-rate target the level its rate gives at the horizon.
    """
    interval = target.interval()
    if target.form is _GROWTH_RATE:
        return target.horizon_level(), (
            _INCREASE if interval.lower is not None else _DECREASE
        )
    if interval.lower is not None:
        return interval.lower, _INCREASE
    return interval.upper or 0.0, _DECREASE


def is_met_at(target: Target, year: int, value: float) -> bool:
    """Whether *value*, observed in *year*, meets *target*.

    A level or increment target compares the level (see
    `kttt.targets.Target.is_met`); a growth-rate target compares the
    compound annual rate from its base value to *value*, which is never met
    up to the base year itself.

    >>> from kttt.targets import nq20_targets
    >>> target = nq20_targets().get("cooperatives.count", 2030)
    >>> is_met_at(target, 2030, 43_000), is_met_at(target, 2030, 41_000)
    (True, False)

    Raises:
        ValidationError: If *value* is outside the indicator's bounds, or a
            growth-rate target has no base value (see
            `kttt.series.fill_base`).
    """
    target.indicator.check(value)
    return met(target, year, value)


def met(target: Target, year: int, value: float) -> bool:
    """`is_met_at` for a *value* already checked against the bounds."""
    if target.form is not _GROWTH_RATE:
        return target.interval().contains(value)
    base = target.base_value
    if base is None:
        raise ValidationError(
            "base_value",
            None,
            "a growth-rate target needs its base value; use fill_base()",
        )
    base_year = target.base_year or year
    if year <= base_year or base * value <= 0:
        return False
    rate = (value / base) ** (1 / (year - base_year)) - 1
    return target.interval().contains(rate * 100)


def pace(start: float, goal: float, years: int) -> tuple[float | None, float]:
    """Return the compound rate and the yearly change from *start* to *goal*.

    The rate is ``None`` when compound growth cannot get there (a zero, or a
    change of sign).
    """
    change = (goal - start) / years
    if start == 0 or goal / start <= 0:
        return None, change
    return (goal / start) ** (1 / years) - 1, change


@attrs.frozen(kw_only=True)
class RequiredPace:
    """The constant yearly pace that meets a target exactly at its horizon.

    Rates are fractions per year (``0.05`` is 5 % a year); the change is in
    the indicator's unit per year.
    """

    #: The target.
    target: Target
    #: The year the pace starts from.
    start_year: int
    #: The indicator's value in `start_year`.
    start_value: float
    #: The level aimed at in the target year (see `Progress.goal`).
    goal: float
    #: Which way the indicator must move.
    direction: Direction
    #: The constant compound rate from the start to the goal (``None`` when
    #: compound growth cannot get there: a zero or a change of sign).
    rate: float | None
    #: The constant yearly change from the start to the goal.
    change: float

    def describe(self, lang: str = "vi") -> str:
        """Return the pace in words in *lang* (``"vi"`` or ``"en"``).

        For example ``"+5.2 %/yr (+1,850/yr) 2025→2030"``.
        """
        per = pick(lang, "/năm", "/yr")
        change = localize_digits(
            f"{self.change:+,.{_digits(self.change)}f}", lang
        )
        span = f"{self.start_year}→{self.target.horizon}"
        if self.rate is None:
            return f"{change}{per} {span}"
        rate = localize_digits(f"{self.rate * 100:+.1f} %", lang)
        return f"{rate}{per} ({change}{per}) {span}"


def _digits(value: float) -> int:
    return 0 if abs(value) >= 100 else 1


def required_pace(target: Target, year: int, value: float) -> RequiredPace:
    """Return the constant pace from *value* in *year* to *target*'s goal.

    >>> from kttt.targets import nq20_targets
    >>> target = nq20_targets().get("cooperatives.count", 2030)
    >>> required_pace(target, 2025, 35_041).describe("en")
    '+4.1 %/yr (+1,542/yr) 2025→2030'

    Raises:
        ValidationError: If *year* is not before the target year, or what
            the target asks for needs a base value it does not have (see
            `kttt.series.fill_base`).
    """
    if year >= target.horizon:
        raise ValidationError(
            "year", year, f"must come before the target year {target.horizon}"
        )
    goal, direction = goal_of(target)
    rate, change = pace(value, goal, target.horizon - year)
    return RequiredPace(
        target=target,
        start_year=year,
        start_value=value,
        goal=goal,
        direction=direction,
        rate=rate,
        change=change,
    )
