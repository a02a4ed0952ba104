"""
The published progress methods, on plain numbers.

Each method takes a `Case` (the observations up to the assessment date and
what the target asks for) and returns an `Outcome`: the harmonised status,
the method's own label and every number behind them.
Levels are exact `fractions.Fraction` values, so linear quantities and
band edges are exact; compound rates, which need powers, are floats.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import attrs

from kttt.errors import ValidationError
from kttt.progress._labels import (
    DiagnosticKind,
    MethodLabel,
    ProgressStatus,
)
from kttt.progress._projectors import CompoundGrowth, LinearTrend, Projector


#: The base year the SDG methods use when the target names none.
SDG_BASE_YEAR = 2015

Number = Fraction | float


@attrs.frozen(kw_only=True)
class Diagnostic:
    """
    One substitution or adjustment made while assessing, with its reason.

    >>> note = Diagnostic(kind=DiagnosticKind.BASE_SHIFTED, detail="2017")
    >>> note.describe("en")
    'base year shifted: 2017'
    """

    #: What was done.
    kind: DiagnosticKind
    #: The numbers involved, in English.
    detail: str

    def describe(self, lang: str = "vi") -> str:
        """
        Return the kind in *lang* followed by the detail.
        """
        return f"{self.kind.label(lang)}: {self.detail}"


@attrs.frozen(kw_only=True)
class Case:
    """
    What a method needs: observations, the goal and the assessment options.
    """

    years: tuple[int, ...]
    values: tuple[Fraction, ...]
    horizon: int
    #: Whether the latest value already satisfies the target.
    achieved: bool
    #: The level aimed at: the target level or the near edge of a band.
    goal: Fraction
    #: +1 when more is better, −1 when less is better.
    direction: int
    #: The natural upper bound of the indicator (100 for shares), if any.
    upper: Fraction | None
    base_year: int | None
    epsilon: Fraction | None
    projector: Projector


@attrs.frozen(kw_only=True)
class Outcome:
    """
    A method's verdict and the numbers behind it.
    """

    status: ProgressStatus
    method_label: MethodLabel
    base_year: int | None = None
    base_value: Fraction | None = None
    observed_growth: float | None = None
    required_growth: float | None = None
    observed_change: Fraction | None = None
    required_change: Fraction | None = None
    ratio: Number | None = None
    projected_value: float | None = None
    projector: str | None = None
    shortfall: Fraction | None = None
    distance_covered: Fraction | None = None
    time_elapsed: Fraction | None = None
    years_to_target: Fraction | None = None
    score: Number | None = None
    diagnostics: tuple[Diagnostic, ...] = ()


@attrs.frozen
class _Band:
    """
    A class of a method: values from *floor* up (inclusive or not).
    """

    floor: Fraction | None
    inclusive: bool = attrs.field(kw_only=True)
    status: ProgressStatus = attrs.field(kw_only=True)
    label: MethodLabel = attrs.field(kw_only=True)


def _from(
    floor: Fraction, status: ProgressStatus, label: MethodLabel
) -> _Band:
    """
    The band of values from *floor* up, *floor* included.
    """
    return _Band(floor, inclusive=True, status=status, label=label)


def _above(
    floor: Fraction, status: ProgressStatus, label: MethodLabel
) -> _Band:
    """
    The band of values above *floor*, *floor* excluded.
    """
    return _Band(floor, inclusive=False, status=status, label=label)


def _rest(status: ProgressStatus, label: MethodLabel) -> _Band:
    """
    The band of every value below the other bands.
    """
    return _Band(None, inclusive=True, status=status, label=label)


def _classify(value: Number, bands: Sequence[_Band]) -> _Band:
    for band in bands:
        if (
            band.floor is None
            or value > band.floor
            or (band.inclusive and value == band.floor)
        ):
            return band
    raise AssertionError(bands)  # pragma: no cover (last floor is None)


_S = ProgressStatus
_L = MethodLabel


@attrs.frozen
class _Labels:
    """
    A method's labels for the cases outside its bands.
    """

    achieved: MethodLabel
    insufficient: MethodLabel
    #: Labels for "moving towards", "not moving" and "moving away" when the
    #: base value equals the goal, so no ratio exists.
    towards: MethodLabel
    still: MethodLabel
    away: MethodLabel


# --- thresholds (see docs/guides/methods.md for the sources) ---------------

_STATCAN = (
    _from(Fraction(95, 100), _S.ON_TRACK, _L.STATCAN_SUBSTANTIAL),
    _from(Fraction(60, 100), _S.NEEDS_ACCELERATION, _L.STATCAN_MODERATE),
    _from(Fraction(0), _S.LIMITED, _L.STATCAN_LIMITED),
    _rest(_S.REGRESSING, _L.STATCAN_DETERIORATION),
)
_STATCAN_LABELS = _Labels(
    _L.STATCAN_ACHIEVED,
    _L.STATCAN_NOT_AVAILABLE,
    _L.STATCAN_SUBSTANTIAL,
    _L.STATCAN_LIMITED,
    _L.STATCAN_DETERIORATION,
)
_EUROSTAT = (
    _from(Fraction(95, 100), _S.ON_TRACK, _L.EUROSTAT_SIGNIFICANT),
    _from(Fraction(60, 100), _S.NEEDS_ACCELERATION, _L.EUROSTAT_MODERATE),
    _from(Fraction(0), _S.LIMITED, _L.EUROSTAT_INSUFFICIENT),
    _rest(_S.REGRESSING, _L.EUROSTAT_AWAY),
)
_EUROSTAT_LABELS = _Labels(
    _L.EUROSTAT_ACHIEVED,
    _L.EUROSTAT_NOT_ASSESSED,
    _L.EUROSTAT_SIGNIFICANT,
    _L.EUROSTAT_INSUFFICIENT,
    _L.EUROSTAT_AWAY,
)
_UNSD2022 = (
    _above(Fraction(95, 100), _S.ON_TRACK, _L.UNSD2022_SUBSTANTIAL),
    _from(Fraction(50, 100), _S.NEEDS_ACCELERATION, _L.UNSD2022_FAIR),
    _from(Fraction(-10, 100), _S.LIMITED, _L.UNSD2022_LIMITED),
    _rest(_S.REGRESSING, _L.UNSD2022_DETERIORATION),
)
_UNSD2022_LABELS = _Labels(
    _L.UNSD2022_ACHIEVED,
    _L.UNSD2022_INSUFFICIENT,
    _L.UNSD2022_SUBSTANTIAL,
    _L.UNSD2022_LIMITED,
    _L.UNSD2022_DETERIORATION,
)
_PROJECTION = (
    _from(Fraction(95, 100), _S.ON_TRACK, _L.PROJECTION_ON_TRACK),
    _from(
        Fraction(50, 100),
        _S.NEEDS_ACCELERATION,
        _L.PROJECTION_MODERATE,
    ),
    _from(Fraction(10, 100), _S.LIMITED, _L.PROJECTION_MARGINAL),
    _from(Fraction(-10, 100), _S.LIMITED, _L.PROJECTION_STAGNATION),
    _rest(_S.REGRESSING, _L.PROJECTION_REGRESSION),
)
_PROJECTION_LABELS = _Labels(
    _L.PROJECTION_ACHIEVED,
    _L.PROJECTION_INSUFFICIENT,
    _L.PROJECTION_ON_TRACK,
    _L.PROJECTION_STAGNATION,
    _L.PROJECTION_REGRESSION,
)
#: Destatis bands on the *negated* shortfall ``−m``: sun for m < 5 %, sun
#: behind cloud for 5 % ≤ m ≤ 20 %, cloud above (when moving the right way).
_DESTATIS = (
    _above(Fraction(-5, 100), _S.ON_TRACK, _L.DESTATIS_SUN),
    _from(
        Fraction(-20, 100),
        _S.NEEDS_ACCELERATION,
        _L.DESTATIS_SUN_CLOUD,
    ),
    _rest(_S.LIMITED, _L.DESTATIS_CLOUD),
)
#: Destatis uses the last five annual changes, at least three.
_DESTATIS_POINTS = 6
_DESTATIS_MIN_POINTS = 4
#: Eurostat's short-term window and its minimum span.
_EUROSTAT_WINDOW = 5
_EUROSTAT_MIN_SPAN = 3
#: The score of an achieved target in the Eurostat / StatCan map.
_MAX_SCORE = 5


# --- shared pieces ---------------------------------------------------------


@attrs.frozen
class _Window:
    """
    The base and the latest observation an assessment compares.
    """

    t0: int
    x0: Fraction
    t: int
    xt: Fraction


def _window(case: Case, base_index: int) -> _Window:
    return _Window(
        case.years[base_index],
        case.values[base_index],
        case.years[-1],
        case.values[-1],
    )


def _later_base(case: Case, wanted: int, min_span: int = 1) -> int | None:
    """
    Index of the first year at or after *wanted* leaving *min_span* years.
    """
    latest = case.years[-1]
    for index, year in enumerate(case.years):
        if year >= wanted:
            return index if latest - year >= min_span else None
    return None


def _nearest_base(case: Case, wanted: int) -> int | None:
    """
    Index of the year nearest *wanted* (later first on ties), before latest.
    """
    candidates = [
        (abs(year - wanted), year < wanted, index)
        for index, year in enumerate(case.years[:-1])
    ]
    return min(candidates)[2] if candidates else None


def _shift_note(wanted: int, got: int) -> tuple[Diagnostic, ...]:
    if wanted == got:
        return ()
    return (
        Diagnostic(
            kind=DiagnosticKind.BASE_SHIFTED,
            detail=f"no data for {wanted}; base year {got} used",
        ),
    )


def _trend(case: Case, w: _Window) -> dict[str, Any]:
    """
    The linear numbers every method reports over its window.
    """
    observed = (w.xt - w.x0) / (w.t - w.t0)
    required = (case.goal - w.x0) / (case.horizon - w.t0)
    gap = case.goal - w.x0
    moving = case.direction * observed > 0
    return {
        "observed_change": observed,
        "required_change": required,
        "distance_covered": (
            case.direction * (w.xt - w.x0) / abs(gap) if gap else None
        ),
        "time_elapsed": Fraction(w.t - w.t0, case.horizon - w.t0),
        "years_to_target": (case.goal - w.xt) / observed if moving else None,
    }


def _check_horizon(case: Case, w: _Window) -> None:
    if w.t0 >= case.horizon:
        raise ValidationError(
            "base_year",
            w.t0,
            f"the base year must come before the target year {case.horizon}",
        )


def _cagr(ratio: Fraction, years: int) -> float:
    growth: float = float(ratio) ** (1 / years) - 1
    return growth


def _same_sign(a: Fraction, b: Fraction) -> bool:
    return (a > 0 and b > 0) or (a < 0 and b < 0)


def _by_sign(value: Number, labels: _Labels) -> tuple[_S, MethodLabel]:
    if value > 0:
        return _S.ON_TRACK, labels.towards
    if value == 0:
        return _S.LIMITED, labels.still
    return _S.REGRESSING, labels.away


def _eurostat_score(ratio: Number) -> Number:
    """
    Eurostat's −5…+5 map of the ratio (identical in Statistics Canada's code).
    """
    if ratio >= Fraction(13, 10):
        return Fraction(_MAX_SCORE)
    if ratio >= Fraction(6, 10):
        return Fraction(50, 7) * (ratio - Fraction(6, 10))
    if ratio > Fraction(-6, 10):
        return Fraction(25, 6) * (ratio + Fraction(6, 10)) - _MAX_SCORE
    return Fraction(-_MAX_SCORE)


# --- the growth-rate ratio family (StatCan, Eurostat, UNSD 2022) -----------


def _growth_ratio(
    case: Case,
    w: _Window,
    bands: Sequence[_Band],
    labels: _Labels,
    *,
    scored: bool,
) -> Outcome:
    _check_horizon(case, w)
    notes: list[Diagnostic] = []
    x0, goal = w.x0, case.goal
    if case.epsilon is not None:
        for name, value in (("base value", x0), ("target", goal)):
            if value == 0:
                notes.append(
                    Diagnostic(
                        kind=DiagnosticKind.ZERO_REPLACED,
                        detail=f"{name} 0 replaced by {case.epsilon}",
                    )
                )
        x0 = x0 or case.epsilon
        goal = goal or case.epsilon
    trend = _trend(case, w)
    observed_growth = required_growth = None
    compound = _same_sign(goal, x0) and (w.xt == 0 or _same_sign(w.xt, x0))
    if compound:
        sign = -1 if x0 < 0 else 1
        observed_growth = _cagr(w.xt / x0, w.t - w.t0)
        required_growth = _cagr(goal / x0, case.horizon - w.t0)
        observed: Number = sign * case.direction * observed_growth
        required: Number = abs(required_growth)
        plain = observed_growth / required_growth if required_growth else None
    else:
        notes.append(
            Diagnostic(
                kind=DiagnosticKind.LINEAR_RATES,
                detail=(
                    "compound growth is undefined with a zero or a change "
                    "of sign; annual changes compared instead"
                ),
            )
        )
        observed = case.direction * trend["observed_change"]
        required = abs(trend["required_change"])
        plain = None
    if case.direction * (goal - x0) < 0:
        notes.append(
            Diagnostic(
                kind=DiagnosticKind.BASE_PAST_TARGET,
                detail=(
                    f"the base value {_fmt(w.x0)} ({w.t0}) was already past "
                    f"the target; the plain ratio would be {_fmt(plain)}, "
                    "the direction-signed ratio is used"
                ),
            )
        )
    common: dict[str, Any] = {
        "base_year": w.t0,
        "base_value": w.x0,
        "observed_growth": observed_growth,
        "required_growth": required_growth,
        **trend,
    }
    if required == 0:
        notes.append(
            Diagnostic(
                kind=DiagnosticKind.BASE_AT_TARGET,
                detail="no growth was required; judged on the direction only",
            )
        )
        status, label = _by_sign(observed, labels)
        return Outcome(
            status=status,
            method_label=label,
            diagnostics=tuple(notes),
            **common,
        )
    ratio = observed / required
    band = _classify(ratio, bands)
    return Outcome(
        status=band.status,
        method_label=band.label,
        ratio=ratio,
        score=_eurostat_score(ratio) if scored else None,
        diagnostics=tuple(notes),
        **common,
    )


def _need(value: Fraction | None) -> Fraction:
    if value is None:  # pragma: no cover (always set by _trend)
        raise AssertionError(value)
    return value


def _fmt(value: Number | None) -> str:
    return "undefined" if value is None else f"{float(value):.4g}"


def _done(
    case: Case, labels: _Labels, *, scored: bool = False
) -> Outcome | None:
    """
    The verdicts every method shares: achieved, or too little data.
    """
    if case.achieved:
        return Outcome(
            status=_S.ACHIEVED,
            method_label=labels.achieved,
            score=Fraction(_MAX_SCORE) if scored else None,
        )
    if len(case.years) < 2:
        return _insufficient(labels)
    return None


def _insufficient(labels: _Labels) -> Outcome:
    return Outcome(
        status=_S.INSUFFICIENT_DATA, method_label=labels.insufficient
    )


def statcan(case: Case) -> Outcome:
    """
    Statistics Canada / Open SDG: ``R = s·d·CAGR_obs / |CAGR_req|``.
    """
    done = _done(case, _STATCAN_LABELS, scored=True)
    if done:
        return done
    wanted = case.base_year or SDG_BASE_YEAR
    index = _later_base(case, wanted)
    if index is None:
        return _insufficient(_STATCAN_LABELS)
    outcome = _growth_ratio(
        case, _window(case, index), _STATCAN, _STATCAN_LABELS, scored=True
    )
    return _with_notes(outcome, _shift_note(wanted, case.years[index]))


def eurostat(case: Case) -> Outcome:
    """
    Eurostat: the ratio of observed to required growth over five years.
    """
    done = _done(case, _EUROSTAT_LABELS, scored=True)
    if done:
        return done
    if case.base_year is None:
        wanted = case.years[-1] - _EUROSTAT_WINDOW
        index = _later_base(case, wanted, _EUROSTAT_MIN_SPAN)
    else:
        wanted = case.base_year
        index = _later_base(case, wanted)
    if index is None:
        return _insufficient(_EUROSTAT_LABELS)
    outcome = _growth_ratio(
        case, _window(case, index), _EUROSTAT, _EUROSTAT_LABELS, scored=True
    )
    return _with_notes(outcome, _shift_note(wanted, case.years[index]))


def unsd2022(case: Case) -> Outcome:
    """
    UNSD Progress Chart up to 2022: ``CR = CAGR_obs / CAGR_req``.
    """
    done = _done(case, _UNSD2022_LABELS)
    if done:
        return done
    wanted = case.base_year or SDG_BASE_YEAR
    index = _nearest_base(case, wanted)
    if index is None:  # pragma: no cover (two points always give a base)
        return _insufficient(_UNSD2022_LABELS)
    outcome = _growth_ratio(
        case,
        _window(case, index),
        _UNSD2022,
        _UNSD2022_LABELS,
        scored=False,
    )
    return _with_notes(outcome, _shift_note(wanted, case.years[index]))


def _with_notes(outcome: Outcome, notes: tuple[Diagnostic, ...]) -> Outcome:
    if not notes:
        return outcome
    return attrs.evolve(outcome, diagnostics=notes + outcome.diagnostics)


# --- projected value against the target (UNSD 2023+, ESCAP) ----------------


def _project(
    case: Case, years: Sequence[int], values: Sequence[Fraction]
) -> tuple[float, str, tuple[Diagnostic, ...]]:
    """
    Project with the case's projector, substituting or falling back loudly.
    """
    notes: list[Diagnostic] = []
    used = list(values)
    if case.epsilon is not None:
        used = [_substitute(v, case) for v in values]
        if used != list(values):
            notes.append(
                Diagnostic(
                    kind=DiagnosticKind.ZERO_REPLACED,
                    detail=(
                        f"values at a bound moved by epsilon {case.epsilon}"
                    ),
                )
            )
    try:
        value = case.projector.project(years, used, case.horizon)
    except ValidationError as error:
        notes.append(
            Diagnostic(
                kind=DiagnosticKind.LINEAR_RATES,
                detail=(
                    f"the {case.projector.name} projector cannot take this "
                    f"series ({error.rule}); linear projection used"
                ),
            )
        )
        linear = LinearTrend()
        return (
            linear.project(years, values, case.horizon),
            linear.name,
            tuple(notes),
        )
    return value, case.projector.name, tuple(notes)


def _substitute(value: Fraction, case: Case) -> Fraction:
    epsilon = _need(case.epsilon)
    if value == 0:
        return epsilon
    if case.upper is not None and value == case.upper:
        return case.upper - epsilon
    return value


def projection(case: Case) -> Outcome:
    """
    UNSD 2023+ / ESCAP: ``P = d·(x̂_T − x0) / |x* − x0|``.
    """
    done = _done(case, _PROJECTION_LABELS)
    if done:
        return done
    wanted = case.base_year or SDG_BASE_YEAR
    index = _nearest_base(case, wanted)
    if index is None:  # pragma: no cover (two points always give a base)
        return _insufficient(_PROJECTION_LABELS)
    w = _window(case, index)
    _check_horizon(case, w)
    notes = list(_shift_note(wanted, w.t0))
    if w.t >= case.horizon:
        projected, name = float(w.xt), None
        notes.append(_horizon_note(w.t, case.horizon))
    else:
        projected, name, more = _project(
            case, case.years[index:], case.values[index:]
        )
        notes.extend(more)
    common: dict[str, Any] = {
        "base_year": w.t0,
        "base_value": w.x0,
        "projected_value": projected,
        "projector": name,
        **_trend(case, w),
    }
    gap = case.goal - w.x0
    moved = case.direction * (projected - float(w.x0))
    if case.direction * gap < 0:
        notes.append(
            Diagnostic(
                kind=DiagnosticKind.BASE_PAST_TARGET,
                detail=(
                    f"the base value {_fmt(w.x0)} ({w.t0}) was already past "
                    "the target; progress is measured in the desired "
                    "direction"
                ),
            )
        )
    if gap == 0:
        notes.append(
            Diagnostic(
                kind=DiagnosticKind.BASE_AT_TARGET,
                detail="no change was required; judged on the direction only",
            )
        )
        status, label = _by_sign(moved, _PROJECTION_LABELS)
        return Outcome(
            status=status,
            method_label=label,
            diagnostics=tuple(notes),
            **common,
        )
    ratio = moved / float(abs(gap))
    band = _classify(ratio, _PROJECTION)
    return Outcome(
        status=band.status,
        method_label=band.label,
        ratio=ratio,
        diagnostics=tuple(notes),
        **common,
    )


def _horizon_note(latest: int, horizon: int) -> Diagnostic:
    return Diagnostic(
        kind=DiagnosticKind.HORIZON_REACHED,
        detail=(
            f"the latest year {latest} is at or after the target year "
            f"{horizon}; the latest value stands for the target year"
        ),
    )


# --- Destatis weather symbols ----------------------------------------------


def _consecutive_tail(years: Sequence[int]) -> int:
    """
    How many of the last years form an unbroken annual run.
    """
    run = 1
    while run < len(years) and years[-run - 1] == years[-run] - 1:
        run += 1
    return run


_DESTATIS_LABELS = _Labels(
    _L.DESTATIS_SUN,
    _L.DESTATIS_NOT_ASSESSED,
    _L.DESTATIS_SUN,
    _L.DESTATIS_THUNDERSTORM,
    _L.DESTATIS_THUNDERSTORM,
)


def destatis(case: Case) -> Outcome:
    """
    Destatis weather symbols: a linear trend of the last five changes.
    """
    if case.base_year is not None:
        raise ValidationError(
            "base_year",
            case.base_year,
            "the destatis method uses the last six annual values; it takes "
            "no base year",
        )
    done = _done(case, _DESTATIS_LABELS)
    if done:
        return done
    points = min(_consecutive_tail(case.years), _DESTATIS_POINTS)
    if points < _DESTATIS_MIN_POINTS:
        return _insufficient(_DESTATIS_LABELS)
    w = _window(case, len(case.years) - points)
    _check_horizon(case, w)
    notes: list[Diagnostic] = []
    if points < _DESTATIS_POINTS:
        notes.append(
            Diagnostic(
                kind=DiagnosticKind.SHORT_WINDOW,
                detail=f"{points - 1} annual changes used instead of 5",
            )
        )
    trend = _trend(case, w)
    mean_change: Fraction = trend["observed_change"]
    if w.t >= case.horizon:
        projected = w.xt
        notes.append(_horizon_note(w.t, case.horizon))
    else:
        projected = w.xt + (case.horizon - w.t) * mean_change
    remaining = abs(case.goal - w.xt)
    shortfall = (
        max(Fraction(0), case.direction * (case.goal - projected)) / remaining
        if remaining
        else Fraction(0)
    )
    common: dict[str, Any] = {
        "base_year": w.t0,
        "base_value": w.x0,
        "projected_value": float(projected),
        "projector": "destatis_linear",
        "shortfall": shortfall,
        "diagnostics": tuple(notes),
        **trend,
    }
    if case.direction * mean_change <= 0:
        return Outcome(
            status=_S.REGRESSING,
            method_label=_L.DESTATIS_THUNDERSTORM,
            **common,
        )
    band = _classify(-shortfall, _DESTATIS)
    return Outcome(
        status=band.status,
        method_label=band.label,
        **common,
    )


#: The methods `kttt.progress.assess` knows, by name.
METHODS: dict[str, Callable[[Case], Outcome]] = {
    "statcan": statcan,
    "eurostat": eurostat,
    "unsd2022": unsd2022,
    "projection": projection,
    "destatis": destatis,
}


def default_projector() -> Projector:
    """
    The projector of the ``"projection"`` method when none is given.
    """
    return CompoundGrowth()
