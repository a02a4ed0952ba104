"""`assess`: where one target stands, by one method."""

from __future__ import annotations

import datetime as dt
import math
import numbers

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import cast

import pendulum

from kttt.errors import NotFoundError, ValidationError
from kttt.progress._bands import Labels
from kttt.progress._case import Case, Diagnostic, Outcome
from kttt.progress._goal import goal_of, met
from kttt.progress._labels import DiagnosticKind, ProgressStatus
from kttt.progress._methods import METHODS
from kttt.progress._prepare import territory, with_base
from kttt.progress._progress import Progress
from kttt.progress._projectors import Projector
from kttt.progress._settings import MethodSettings
from kttt.progress._targetless import TARGETLESS
from kttt.series import Observation, Series, check_compatible
from kttt.targets import Target


#: The method `assess` uses unless told otherwise.
DEFAULT_METHOD = "statcan"

#: How many years the latest data may lag before it is called stale: behind
#: the assessment date's year (`assess` with *as_of*), or behind the newest
#: data of the same report (`ProgressReport`). Publication usually lags a
#: year or two; a figure four years old says little about today.
STALE_AFTER_YEARS = 3


def resolve_method(method: str) -> str:
    """Return *method* if `assess` knows it.

    Raises:
        NotFoundError: Listing the known methods otherwise (a method that
            is not even text included).
    """
    if not isinstance(method, str) or method not in METHODS:  # pyright: ignore[reportUnnecessaryIsInstance]
        choices = ", ".join(METHODS)
        raise NotFoundError("method", method, f"known methods: {choices}")
    return method


def check_stale_after(stale_after: object) -> None:
    """Refuse a *stale_after* that is not a whole number of years ≥ 0.

    Raises:
        ValidationError: Naming *stale_after*.
    """
    if (
        isinstance(stale_after, bool)
        or not isinstance(stale_after, int)
        or stale_after < 0
    ):
        raise ValidationError(
            "stale_after", stale_after, "a whole number of years, at least 0"
        )


def check_as_of(as_of: object) -> None:
    """Refuse an *as_of* that is neither `None` nor a date.

    Raises:
        ValidationError: Naming *as_of*.
    """
    if as_of is not None and (
        not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime)
    ):
        raise ValidationError(
            "as_of",
            as_of,
            "must be a date (pendulum.Date), not a time or text",
        )


def _positive(value: object) -> bool:
    """Whether *value* is a finite number above 0 (not a bool)."""
    if isinstance(value, bool):
        return False
    if not isinstance(value, numbers.Real | Decimal):
        return False
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        return False
    return math.isfinite(number) and number > 0


def known_by(observation: Observation, as_of: pendulum.Date | None) -> bool:
    """Whether *observation* was published by *as_of*.

    Without a publication date, when its year had ended.
    """
    if as_of is None:
        return True
    if observation.as_of is not None:
        return observation.as_of <= as_of
    return pendulum.Date(observation.year, 12, 31) <= as_of


def stale_note(latest: int, reference: str, stale_after: int) -> Diagnostic:
    """Return the diagnostic that the latest data, from *latest*, is stale."""
    return Diagnostic(
        kind=DiagnosticKind.STALE_DATA,
        detail=(
            f"the latest observation is from {latest}, more than "
            f"{stale_after} years before {reference}"
        ),
    )


def _observations(
    target: Target, series: Series, as_of: pendulum.Date | None
) -> tuple[Sequence[Observation], list[Diagnostic]]:
    """Return the observations to assess on, and notes on those left out."""
    notes: list[Diagnostic] = []
    observations = series.observations
    known: Sequence[Observation] = observations
    if as_of is not None:
        known = [o for o in observations if known_by(o, as_of)]
        if not known:
            raise ValidationError(
                "as_of",
                as_of,
                "no observation of the series was known by this date"
                if observations
                else "the series has no observation",
            )
        if len(known) < len(observations):
            ignored = [o.year for o in observations if not known_by(o, as_of)]
            notes.append(
                Diagnostic(
                    kind=DiagnosticKind.LATER_DATA_IGNORED,
                    detail=f"not yet known on {as_of}: {ignored}",
                )
            )
    elif not known:
        raise ValidationError(
            "series", series, "the series has no observation"
        )
    horizon = target.horizon
    if known[-1].year <= horizon:
        return known, notes
    later = [o.year for o in known if o.year > horizon]
    kept = [o for o in known if o.year <= horizon]
    if not kept:
        raise ValidationError(
            "series",
            later,
            f"no observation up to the target year {horizon}",
        )
    notes.append(
        Diagnostic(
            kind=DiagnosticKind.PAST_HORIZON_IGNORED, detail=_span(later)
        )
    )
    return kept, notes


def check_options(
    target: Target,
    method: str,
    *,
    projector: Projector | None = None,
    base_year: int | None = None,
    epsilon: float | None = None,
    stale_after: int = STALE_AFTER_YEARS,
    settings: MethodSettings | None = None,
) -> tuple[Callable[[Case], Outcome], Labels]:
    """Return the method named *method* if the options fit it.

    Raises:
        NotFoundError: For an unknown method name.
        ValidationError: For a projector with another method, a
            non-positive *epsilon*, a base year at or after the target year,
            a negative *stale_after* or settings of another method.
    """
    found = METHODS[resolve_method(method)]
    if settings is not None and (
        not isinstance(cast("object", settings), MethodSettings)
        or settings.method != method
    ):
        raise ValidationError(
            "settings", settings, f"the settings of the '{method}' method"
        )
    if projector is not None and method != "projection":
        raise ValidationError(
            "projector",
            projector,
            "a projector is used by the 'projection' method only",
        )
    if projector is not None and not _is_projector(projector):
        raise ValidationError(
            "projector",
            projector,
            "a Projector: a name and a project(years, values, horizon) method",
        )
    if epsilon is not None and not _positive(epsilon):
        raise ValidationError("epsilon", epsilon, "must be a positive number")
    if base_year is not None and (
        isinstance(base_year, bool) or not isinstance(base_year, int)  # pyright: ignore[reportUnnecessaryIsInstance]
    ):
        raise ValidationError(
            "base_year", base_year, "a year, as a whole number"
        )
    if base_year is not None and base_year >= target.horizon:
        raise ValidationError(
            "base_year",
            base_year,
            f"must come before the target year {target.horizon}",
        )
    check_stale_after(stale_after)
    return found


def _is_projector(value: object) -> bool:
    """Whether *value* has what a `Projector` has: a name and a method."""
    return isinstance(getattr(value, "name", None), str) and callable(
        getattr(value, "project", None)
    )


def _unobserved_note(
    horizon: int, as_of: pendulum.Date, latest: int
) -> Diagnostic:
    return Diagnostic(
        kind=DiagnosticKind.HORIZON_UNOBSERVED,
        detail=(
            f"{horizon} has passed (as of {as_of}) but its value is not "
            f"known yet; no verdict until it is; the numbers are the trend "
            f"to {latest}"
        ),
    )


def _span(years: Sequence[int]) -> str:
    """Write years as ``2031`` or ``2031–2045``."""
    if len(years) == 1:
        return f"{years[0]}"
    return f"{years[0]}–{years[-1]}"


def assess(
    target: Target,
    series: Series,
    *,
    as_of: pendulum.Date | None = None,
    method: str = DEFAULT_METHOD,
    projector: Projector | None = None,
    base_year: int | None = None,
    epsilon: float | None = None,
    stale_after: int = STALE_AFTER_YEARS,
    settings: MethodSettings | None = None,
) -> Progress:
    """Say where *target* stands given the observations in *series*.

    Only observations up to the target year count: later ones (a scenario
    run past it) never decide the target, and a diagnostic lists them.
    Once the target year is observed the verdict is final: achieved, or
    missed (``ProgressStatus.MISSED``, with `Progress.missed_by`).

    Args:
        target: The target to assess.
        series: Observations of the target's indicator, for its scope.
        as_of: Use only what was known on this date: observations
            published after it (or, without a publication date, whose year
            ends after it) are ignored. ``None``: all the data. When *as_of*
            is past the target year and that year has no observation yet,
            there is no verdict (insufficient data) until it has one.
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
        stale_after: With *as_of*, a diagnostic says the data is stale when
            its latest year is more than this many years before *as_of*'s
            (default ``STALE_AFTER_YEARS``, 3).
        settings: The method's thresholds (default: the published ones,
            `MethodSettings.published`).

    A target without a number ("tăng", "giảm") is classified by the
    observed growth alone, by the method's "no quantified target" branch.
    An increment or growth-rate target whose base year has no observation
    takes the nearest year observed before the target year, with a
    diagnostic, or is insufficient data when there is none. Data of the
    unit a merged province became are assessed against the province's
    programme with a diagnostic that the territories differ.

    Raises:
        NotFoundError: For an unknown method name.
        IncompatibleSeriesError: If *series* observes another indicator,
            unit or (unlinked) scope.
        ValidationError: If nothing was observed by *as_of* or up to the
            target year, for a projector with another method, a
            non-positive *epsilon*, a negative *stale_after*, or a base year
            at or after the target year.

    >>> from kttt.targets import nq20_targets
    >>> from kttt.series import national_series
    >>> target = nq20_targets().get("cooperatives.count", 2030)
    >>> assess(target, national_series("cooperatives.count")).status
    <ProgressStatus.ON_TRACK: 'on_track'>
    """
    check_as_of(as_of)
    run, labels = check_options(
        target,
        method,
        projector=projector,
        base_year=base_year,
        epsilon=epsilon,
        stale_after=stale_after,
        settings=settings,
    )
    series, notes = territory(target, series)
    check_compatible(target, series)
    kept, more = _observations(target, series, as_of)
    notes.extend(more)
    latest = kept[-1]
    based, more = with_base(target, series.observations)
    notes.extend(more)
    indicator = target.indicator
    if based is None:
        return Progress(
            target=target,
            as_of=as_of,
            method=method,
            status=ProgressStatus.INSUFFICIENT_DATA,
            method_label=labels.insufficient,
            latest_year=latest.year,
            latest_value=latest.value,
            goal=None,
            direction=indicator.direction,
            diagnostics=tuple(notes),
        )
    target = based
    horizon = target.horizon
    goal: float | None = None
    if target.is_directional:
        direction = indicator.direction
        achieved = False
    else:
        goal, direction = goal_of(target)
        # A series holds values within the indicator's bounds: no re-check.
        achieved = met(target, latest.year, latest.value)
    case = Case(
        kept,
        horizon,
        achieved,
        0.0 if goal is None else goal,
        direction.sign,
        indicator.lower,
        indicator.upper,
        base_year if base_year is not None else target.base_year,
        epsilon,
        projector,
        None if settings is None else settings.bands(),
    )
    if goal is None:
        outcome = TARGETLESS[method](
            case, settings or MethodSettings.published(method)
        )
    else:
        outcome = run(case)
    if latest.year == horizon and goal is not None:
        notes.append(
            Diagnostic(
                kind=DiagnosticKind.HORIZON_REACHED,
                detail=f"{horizon}: {latest.value:,.6g} against {goal:,.6g}",
            )
        )
    elif as_of is not None and as_of.year > horizon and not achieved:
        outcome["status"] = ProgressStatus.INSUFFICIENT_DATA
        outcome["method_label"] = labels.insufficient
        notes.append(_unobserved_note(horizon, as_of, latest.year))
    projected = [o.year for o in kept if o.projected]
    projected_from = projected[0] if projected else None
    if projected:
        notes.append(
            Diagnostic(
                kind=DiagnosticKind.PROJECTED_DATA,
                detail=f"{_span(projected)} projected, not observed",
            )
        )
    if as_of is not None and latest.year < as_of.year - stale_after:
        notes.append(stale_note(latest.year, f"{as_of}", stale_after))
    if notes:
        outcome["diagnostics"] = (*outcome.get("diagnostics", ()), *notes)
    return Progress(
        target=target,
        as_of=as_of,
        method=method,
        latest_year=latest.year,
        latest_value=latest.value,
        goal=goal,
        direction=direction,
        projected_from=projected_from,
        **outcome,
    )
