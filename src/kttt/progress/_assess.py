"""
`assess` and the `Progress` it returns.

Where one target stands, by one method, with the numbers behind it.
"""

from __future__ import annotations

import math

from fractions import Fraction
from typing import Any

import attrs
import pendulum

from kttt._labels import localize_digits
from kttt.errors import NotFoundError, ValidationError
from kttt.progress._labels import DiagnosticKind, MethodLabel, ProgressStatus
from kttt.progress._methods import (
    METHODS,
    Case,
    Diagnostic,
    Outcome,
    default_projector,
)
from kttt.progress._projectors import Projector
from kttt.series import Observation, Series, check_compatible, fill_base
from kttt.targets import Direction, Target, TargetForm


#: The method `assess` uses unless told otherwise.
DEFAULT_METHOD = "statcan"


def _optional_float(value: Fraction | float | None) -> float | None:
    return None if value is None else float(value)


@attrs.frozen(kw_only=True)
class Progress:
    """
    Where a target stands: the status, the method and every number behind.

    Numbers the method did not need are ``None``.
    Rates are fractions per year (``0.05`` is 5 % a year); changes,
    levels and projections are in the indicator's unit.
    """

    #: The target assessed.
    target: Target
    #: The assessment date asked for (``None``: the latest data).
    as_of: pendulum.Date | None
    #: The method's name (``"statcan"``, ``"projection"``...).
    method: str
    #: The harmonised status, comparable across methods.
    status: ProgressStatus
    #: The method's own category.
    method_label: MethodLabel
    #: The latest year with data known at *as_of*, and its value.
    latest_year: int
    latest_value: float
    #: The level aimed at (the target level, for a growth-rate target the
    #: level at the horizon, or the edge of an "about"/"between" band).
    goal: float
    #: Which way the indicator must move to reach the goal.
    direction: Direction
    #: The start of the method's window, and its value.
    base_year: int | None = None
    base_value: float | None = None
    #: Observed and required compound annual growth rates.
    observed_growth: float | None = None
    required_growth: float | None = None
    #: Observed and required average annual change (linear).
    observed_change: float | None = None
    required_change: float | None = None
    #: The method's progress ratio, observed over required growth (StatCan,
    #: Eurostat, UNSD 2022) or expected over required progress (projection).
    ratio: float | None = None
    #: The projected value in the target year, and the projector used.
    projected_value: float | None = None
    projector: str | None = None
    #: The projected shortfall as a share of the remaining gap (Destatis).
    shortfall: float | None = None
    #: Share of the base-to-goal distance covered (ESCAP's current status
    #: index), to compare with the share of time elapsed.
    distance_covered: float | None = None
    time_elapsed: float | None = None
    #: Years still needed to reach the goal at the observed linear pace
    #: (``None`` when not moving towards it).
    years_to_target: float | None = None
    #: The Eurostat / Statistics Canada score, from −5 to +5.
    score: float | None = None
    #: Substitutions and adjustments made (epsilon, shifted base year...).
    diagnostics: tuple[Diagnostic, ...] = ()

    def summary(self, lang: str = "vi") -> str:
        """
        Return the decisive number in words, e.g. ``"R = 0.82"``.

        >>> from kttt.targets import nq20_targets
        >>> from kttt.series import national_series
        >>> target = nq20_targets().get("cooperatives.count", 2030)
        >>> progress = assess(target, national_series("cooperatives.count"))
        >>> progress.summary("en").startswith("R = ")
        True
        """
        return _summary(self, lang)

    def as_record(self) -> dict[str, Any]:
        """
        Return the progress as a flat record of JSON-ready values.

        Enumerations become their codes and diagnostics their kinds
        (joined by ``;``).
        """
        target = self.target
        record: dict[str, Any] = {
            "indicator": target.indicator.code,
            "horizon": target.horizon,
            "comparator": target.comparator.value,
            "target_value": target.value,
            "as_of": None if self.as_of is None else self.as_of.isoformat(),
            "method": self.method,
            "status": self.status.value,
            "method_label": self.method_label.value,
            "direction": self.direction.value,
        }
        for field in attrs.fields(Progress):
            if field.name not in _RECORDED_ABOVE:
                record[field.name] = getattr(self, field.name)
        record["diagnostics"] = ";".join(
            d.kind.value for d in self.diagnostics
        )
        return record


_RECORDED_ABOVE = frozenset(
    {"target", "as_of", "method", "status", "method_label", "direction"}
)


def _percent(value: float, lang: str) -> str:
    return localize_digits(f"{value * 100:+.1f} %", lang)


def _number(value: float, lang: str) -> str:
    return localize_digits(f"{value:.2f}", lang)


def _summary(progress: Progress, lang: str) -> str:
    vi = lang == "vi"
    if progress.status is ProgressStatus.ACHIEVED:
        return "đạt mục tiêu" if vi else "target met"
    if progress.base_year is None:
        return "không đủ số liệu" if vi else "too few data"
    parts: list[str] = []
    if progress.shortfall is not None:
        parts.append(f"m = {_percent(progress.shortfall, lang)}")
    elif progress.ratio is not None:
        name = "P" if progress.method == "projection" else "R"
        parts.append(f"{name} = {_number(progress.ratio, lang)}")
    if progress.projected_value is not None:
        label = "dự báo" if vi else "projected"
        parts.append(
            f"{label} {progress.target.horizon}: "
            f"{format_level(progress.projected_value, lang)}"
        )
    elif progress.observed_growth is not None:
        observed = _percent(progress.observed_growth, lang)
        required = _percent(progress.required_growth or 0.0, lang)
        per = "/năm" if vi else "/yr"
        parts.append(f"{observed}{per} vs {required}{per}")
    return ", ".join(parts)


def format_level(value: float, lang: str) -> str:
    digits = 0 if abs(value) >= 100 else 1
    text = f"{value:,.{digits}f}"
    if lang == "vi":
        text = text.translate(str.maketrans(",.", ".,"))
    return text


def resolve_method(method: str) -> str:
    if method not in METHODS:
        choices = ", ".join(METHODS)
        raise NotFoundError("method", method, f"known methods: {choices}")
    return method


def known_by(observation: Observation, as_of: pendulum.Date | None) -> bool:
    if as_of is None:
        return True
    if observation.as_of is not None:
        return observation.as_of <= as_of
    return pendulum.Date(observation.year, 12, 31) <= as_of


def _achieved(target: Target, kept: list[Observation]) -> bool:
    latest = kept[-1]
    if target.form is not TargetForm.GROWTH_RATE:
        return target.is_met(latest.value)
    base_year = target.base_year or latest.year
    base = target.base_value
    if latest.year <= base_year or not base or base * latest.value <= 0:
        return False
    rate = (latest.value / base) ** (1 / (latest.year - base_year)) - 1
    return target.is_met(rate * 100)


def _goal(target: Target) -> tuple[Fraction, Direction]:
    interval = target.interval()
    if target.form is TargetForm.GROWTH_RATE:
        return Fraction(target.horizon_level()), (
            Direction.INCREASE
            if interval.lower is not None
            else Direction.DECREASE
        )
    if interval.lower is not None:
        return Fraction(interval.lower), Direction.INCREASE
    return Fraction(interval.upper or 0), Direction.DECREASE


def assess(
    target: Target,
    series: Series,
    *,
    as_of: pendulum.Date | None = None,
    method: str = DEFAULT_METHOD,
    projector: Projector | None = None,
    base_year: int | None = None,
    epsilon: float | None = None,
) -> Progress:
    """
    Say where *target* stands given the observations in *series*.

    Args:
        target: The target to assess.
        series: Observations of the target's indicator, for its scope.
        as_of: Use only what was known on this date: observations
            published after it (or, without a publication date, whose year
            ends after it) are ignored. ``None``: all the data.
        method: ``"statcan"`` (default), ``"eurostat"``, ``"unsd2022"``,
            ``"projection"`` or ``"destatis"`` (see the methods page).
        projector: For ``"projection"`` only: how to extrapolate
            (default `CompoundGrowth`).
        base_year: The start of the assessment window, instead of the
            method's own (the target's base year, else 2015; Eurostat: five
            years before the latest). A year without data moves to the
            nearest one the method allows, with a diagnostic.
        epsilon: Replace a zero (or a share at its bound) by this value
            where a formula needs logarithms, as Statistics Canada does
            with 0.001. By default nothing is replaced: the method compares
            linear changes instead and says so in the diagnostics.

    Raises:
        NotFoundError: For an unknown method name.
        IncompatibleSeriesError: If *series* observes another indicator,
            unit or scope.
        ValidationError: If nothing was observed by *as_of*, for a
            projector with another method, a non-positive *epsilon*, or a
            base year at or after the target year.

    >>> from kttt.targets import nq20_targets
    >>> from kttt.series import national_series
    >>> target = nq20_targets().get("cooperatives.count", 2030)
    >>> assess(target, national_series("cooperatives.count")).status
    <ProgressStatus.ON_TRACK: 'on_track'>
    """
    run = METHODS[resolve_method(method)]
    if projector is not None and method != "projection":
        raise ValidationError(
            "projector",
            projector,
            "a projector is used by the 'projection' method only",
        )
    if epsilon is not None and not (math.isfinite(epsilon) and epsilon > 0):
        raise ValidationError("epsilon", epsilon, "must be a positive number")
    if base_year is not None and base_year >= target.horizon:
        raise ValidationError(
            "base_year",
            base_year,
            f"must come before the target year {target.horizon}",
        )
    check_compatible(target, series)
    if target.form is not TargetForm.LEVEL:
        target = fill_base(target, series)
    kept = [o for o in series.observations if known_by(o, as_of)]
    if not kept:
        raise ValidationError(
            "as_of",
            as_of,
            "no observation of the series was known by this date"
            if series.observations
            else "the series has no observation",
        )
    goal, direction = _goal(target)
    upper = target.indicator.upper
    case = Case(
        years=tuple(o.year for o in kept),
        values=tuple(Fraction(o.value) for o in kept),
        horizon=target.horizon,
        achieved=_achieved(target, kept),
        goal=goal,
        direction=direction.sign,
        upper=None if upper is None else Fraction(upper),
        base_year=base_year if base_year is not None else target.base_year,
        epsilon=None if epsilon is None else Fraction(epsilon),
        projector=projector or default_projector(),
    )
    outcome = run(case)
    if len(kept) < len(series.observations):
        ignored = [o.year for o in series if not known_by(o, as_of)]
        note = Diagnostic(
            kind=DiagnosticKind.LATER_DATA_IGNORED,
            detail=f"not yet known on {as_of}: {ignored}",
        )
        outcome = attrs.evolve(
            outcome, diagnostics=(*outcome.diagnostics, note)
        )
    return _progress(
        target,
        as_of,
        method,
        outcome,
        latest=kept[-1],
        goal=goal,
        direction=direction,
    )


def _progress(
    target: Target,
    as_of: pendulum.Date | None,
    method: str,
    outcome: Outcome,
    *,
    latest: Observation,
    goal: Fraction,
    direction: Direction,
) -> Progress:
    numbers = {
        field.name: _optional_float(getattr(outcome, field.name))
        for field in attrs.fields(Outcome)
        if field.name
        not in {
            "status",
            "method_label",
            "base_year",
            "projector",
            "diagnostics",
        }
    }
    return Progress(
        target=target,
        as_of=as_of,
        method=method,
        status=outcome.status,
        method_label=outcome.method_label,
        latest_year=latest.year,
        latest_value=latest.value,
        goal=float(goal),
        direction=direction,
        base_year=outcome.base_year,
        projector=outcome.projector,
        diagnostics=outcome.diagnostics,
        **numbers,
    )
