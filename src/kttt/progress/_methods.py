"""The published progress methods, on plain numbers.

Each method takes a `Case` and returns an `Outcome` (see `_case`).
The case holds observations up to the target year only, so a method never
sees the target year passed: when the latest year *is* the target year the
verdict is final (achieved or missed) and no method runs.
Numbers are floats; the classes are decided as `_bands.classify` explains.
"""

from __future__ import annotations

import functools

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import NamedTuple

from kttt.errors import ValidationError
from kttt.progress._bands import (
    DESTATIS,
    DESTATIS_LABELS,
    EUROSTAT,
    EUROSTAT_LABELS,
    PROJECTION,
    PROJECTION_LABELS,
    STATCAN,
    STATCAN_LABELS,
    UNSD2022,
    UNSD2022_LABELS,
    Band,
    Labels,
    classify,
)
from kttt.progress._case import Case, Diagnostic, Outcome
from kttt.progress._labels import DiagnosticKind, ProgressStatus
from kttt.progress._projectors import CompoundGrowth, LinearTrend


#: The base year the SDG methods use when the target names none.
SDG_BASE_YEAR = 2015

# Enum members are looked up once: attribute access on an enum class is
# slow in Python 3.11, and these are on every call of `assess`.
_ACHIEVED = ProgressStatus.ACHIEVED
_MISSED = ProgressStatus.MISSED
_INSUFFICIENT = ProgressStatus.INSUFFICIENT_DATA
_ON_TRACK = ProgressStatus.ON_TRACK
_LIMITED = ProgressStatus.LIMITED
_REGRESSING = ProgressStatus.REGRESSING

#: Destatis uses the last five annual changes, at least three.
_DESTATIS_POINTS = 6
_DESTATIS_MIN_POINTS = 4
#: Eurostat's short-term window and its minimum span.
_EUROSTAT_WINDOW = 5
_EUROSTAT_MIN_SPAN = 3
#: The score of an achieved target in the Eurostat / StatCan map.
_MAX_SCORE = 5.0


# --- shared pieces ---------------------------------------------------------


def _later_base(
    years: Sequence[int], wanted: int, min_span: int = 1
) -> int | None:
    """Return the index of the first year at or after *wanted*.

    ``None`` unless it leaves *min_span* years before the latest.
    """
    latest = years[-1]
    for index, year in enumerate(years):
        if year >= wanted:
            return index if latest - year >= min_span else None
    return None


def _nearest_base(years: Sequence[int], wanted: int) -> int:
    """Return the index of the year nearest *wanted* before the latest.

    The later year wins a tie.
    """
    return min(
        (abs(year - wanted), year < wanted, index)
        for index, year in enumerate(years[:-1])
    )[2]


@functools.cache
def _shifted(wanted: int, got: int) -> Diagnostic:
    """Return the note of a base year moved (the same few, memoised)."""
    return Diagnostic(
        kind=DiagnosticKind.BASE_SHIFTED,
        detail=f"no data for {wanted}; base year {got} used",
    )


def _shift_note(wanted: int, got: int) -> list[Diagnostic]:
    return [] if wanted == got else [_shifted(wanted, got)]


def _by_sign(value: float, labels: Labels) -> Outcome:
    if value > 0:
        return {"status": _ON_TRACK, "method_label": labels.towards}
    if value == 0:
        return {"status": _LIMITED, "method_label": labels.still}
    return {"status": _REGRESSING, "method_label": labels.away}


def _eurostat_score(ratio: float) -> float:
    """Map the ratio to Eurostat's −5…+5 (as Statistics Canada's code does).

    The map is continuous, so no threshold of it decides anything.
    """
    if ratio >= 1.3:
        return _MAX_SCORE
    if ratio >= 0.6:
        return 50 / 7 * (ratio - 0.6)
    if ratio > -0.6:
        return 25 / 6 * (ratio + 0.6) - _MAX_SCORE
    return -_MAX_SCORE


def _fmt(value: float | None) -> str:
    return "undefined" if value is None else f"{value:.4g}"


def _base_past_target(value: float, year: int, rest: str) -> Diagnostic:
    return Diagnostic(
        kind=DiagnosticKind.BASE_PAST_TARGET,
        detail=(
            f"the base value {_fmt(value)} ({year}) was already past the "
            f"target; {rest}"
        ),
    )


def _done(
    case: Case, labels: Labels, *, scored: bool = False
) -> Outcome | None:
    """Return the verdicts every method shares: final, or too little data."""
    if case.achieved:
        outcome: Outcome = {
            "status": _ACHIEVED,
            "method_label": labels.achieved,
        }
        if scored:
            outcome["score"] = _MAX_SCORE
        return outcome
    if case.observations[-1].year == case.horizon:
        return {"status": _MISSED, "method_label": labels.missed}
    if len(case.observations) < 2:
        return insufficient(labels)
    return None


def insufficient(labels: Labels) -> Outcome:
    """Return the verdict "insufficient data" in a method's words."""
    return {
        "status": _INSUFFICIENT,
        "method_label": labels.insufficient,
    }


# --- the growth-rate ratio family (StatCan, Eurostat, UNSD 2022) -----------


def _linear_ratio(case: Case, index: int) -> Fraction:
    """Return ``d·Δobs / |Δreq|`` exactly."""
    base, latest = case.observations[index], case.observations[-1]
    x0 = Fraction(base.value)
    observed = (Fraction(latest.value) - x0) / (latest.year - base.year)
    required = abs(Fraction(case.goal) - x0) / (case.horizon - base.year)
    return case.direction * observed / required


def _growth_ratio(
    case: Case,
    index: int,
    wanted: int,
    bands: Sequence[Band],
    labels: Labels,
    *,
    scored: bool,
) -> Outcome:
    base_observation, latest = case.observations[index], case.observations[-1]
    t0, x0 = base_observation.year, base_observation.value
    t, xt = latest.year, latest.value
    direction, horizon = case.direction, case.horizon
    notes = _shift_note(wanted, t0)
    base, goal = x0, case.goal
    if case.epsilon is not None:
        for name, value in (("base value", x0), ("target", goal)):
            if value == 0:
                notes.append(
                    Diagnostic(
                        kind=DiagnosticKind.ZERO_REPLACED,
                        detail=f"{name} 0 replaced by {case.epsilon}",
                    )
                )
        base = base or case.epsilon
        goal = goal or case.epsilon
    observed_growth = required_growth = plain = None
    exact: Callable[[], Fraction] | None = None
    # Compound growth needs the goal and the latest value (0 aside) on the
    # base's side of zero.
    if (goal > 0 < base or goal < 0 > base) and (
        xt == 0 or xt > 0 < base or xt < 0 > base
    ):
        observed_growth = (xt / base) ** (1 / (t - t0)) - 1
        required_growth = (goal / base) ** (1 / (horizon - t0)) - 1
        observed = (-direction if base < 0 else direction) * observed_growth
        required = abs(required_growth)
        if required_growth:
            plain = observed_growth / required_growth
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
        observed = direction * (xt - x0) / (t - t0)
        required = abs(case.goal - x0) / (horizon - t0)
        exact = lambda: _linear_ratio(case, index)  # noqa: E731
    if direction * (goal - base) < 0:
        notes.append(
            _base_past_target(
                x0,
                t0,
                f"the plain ratio would be {_fmt(plain)}, the "
                "direction-signed ratio is used",
            )
        )
    if required == 0:
        notes.append(
            Diagnostic(
                kind=DiagnosticKind.BASE_AT_TARGET,
                detail="no growth was required; judged on the direction only",
            )
        )
        outcome: Outcome = _by_sign(observed, labels)
    else:
        band, ratio = classify(observed / required, bands, exact)
        outcome = {
            "status": band.status,
            "method_label": band.label,
            "ratio": ratio,
            "score": _eurostat_score(ratio) if scored else None,
        }
    outcome["base_year"] = t0
    outcome["base_value"] = x0
    outcome["observed_growth"] = observed_growth
    outcome["required_growth_from_base"] = required_growth
    outcome["diagnostics"] = tuple(notes)
    return outcome


def _statcan_base(
    years: Sequence[int], base_year: int | None
) -> tuple[int, int | None]:
    wanted = base_year or SDG_BASE_YEAR
    return wanted, _later_base(years, wanted)


def _eurostat_base(
    years: Sequence[int], base_year: int | None
) -> tuple[int, int | None]:
    if base_year is None:
        wanted = years[-1] - _EUROSTAT_WINDOW
        return wanted, _later_base(years, wanted, _EUROSTAT_MIN_SPAN)
    return base_year, _later_base(years, base_year)


def _unsd2022_base(
    years: Sequence[int], base_year: int | None
) -> tuple[int, int | None]:
    wanted = base_year or SDG_BASE_YEAR
    return wanted, _nearest_base(years, wanted)


class RatioMethod(NamedTuple):
    """A method of the ratio family: its window, classes and labels."""

    #: Return the base year wanted and the index of the one used (``None``:
    #: too few data), from the years observed and the base year asked for.
    base: Callable[[Sequence[int], int | None], tuple[int, int | None]]
    bands: Sequence[Band]
    labels: Labels
    #: Whether the method gives the Eurostat score.
    scored: bool


#: The ratio family by name: Statistics Canada's ``R = s·d·CAGR_obs /
#: |CAGR_req|`` from 2015, Eurostat's over five years, UNSD's Progress
#: Chart ratio (up to 2022) from the year nearest 2015.
RATIO_METHODS = {
    "statcan": RatioMethod(
        _statcan_base, STATCAN, STATCAN_LABELS, scored=True
    ),
    "eurostat": RatioMethod(
        _eurostat_base, EUROSTAT, EUROSTAT_LABELS, scored=True
    ),
    "unsd2022": RatioMethod(
        _unsd2022_base, UNSD2022, UNSD2022_LABELS, scored=False
    ),
}


# Runs only at import (building tables or fields), before mutmut sets a
# mutant: mutmut cannot test it; what it builds is tested.
# pragma: no mutate start
def _ratio_method(spec: RatioMethod) -> Callable[[Case], Outcome]:
    def run(case: Case) -> Outcome:
        done = _done(case, spec.labels, scored=spec.scored)
        if done:
            return done
        years = [o.year for o in case.observations]
        wanted, index = spec.base(years, case.base_year)
        if index is None:
            return insufficient(spec.labels)
        return _growth_ratio(
            case,
            index,
            wanted,
            case.bands or spec.bands,
            spec.labels,
            scored=spec.scored,
        )

    return run


# pragma: no mutate end
# --- projected value against the target (UNSD 2023+, ESCAP) ----------------


def _substitute(value: float, case: Case, epsilon: float) -> float:
    if value == 0:
        return epsilon
    if case.upper is not None and value == case.upper:
        return case.upper - epsilon
    return value


def _project(case: Case, index: int) -> tuple[float, str, list[Diagnostic]]:
    """Project with the case's projector, substituting or falling back."""
    notes: list[Diagnostic] = []
    years = [o.year for o in case.observations[index:]]
    values = [o.value for o in case.observations[index:]]
    used = values
    if case.epsilon is not None:
        used = [_substitute(v, case, case.epsilon) for v in values]
        if used != list(values):
            notes.append(
                Diagnostic(
                    kind=DiagnosticKind.ZERO_REPLACED,
                    detail=(
                        f"values at a bound moved by epsilon {case.epsilon}"
                    ),
                )
            )
    projector = case.projector or CompoundGrowth()
    try:
        return (
            projector.project(years, used, case.horizon),
            projector.name,
            notes,
        )
    except ValidationError as error:
        notes.append(
            Diagnostic(
                kind=DiagnosticKind.LINEAR_RATES,
                detail=(
                    f"the {projector.name} projector cannot take this "
                    f"series ({error.rule}); linear projection used"
                ),
            )
        )
        linear = LinearTrend()
        return linear.project(years, values, case.horizon), linear.name, notes


def bounded(case: Case, value: float, notes: list[Diagnostic]) -> float:
    """Return *value* held within the indicator's bounds.

    A held value is noted in *notes*.
    """
    for bound, beyond, side in (
        (case.upper, case.upper is not None and value > case.upper, "upper"),
        (case.lower, case.lower is not None and value < case.lower, "lower"),
    ):
        if beyond and bound is not None:
            notes.append(
                Diagnostic(
                    kind=DiagnosticKind.PROJECTION_BOUNDED,
                    detail=(
                        f"the projection {value:.6g} is held at the "
                        f"indicator's {side} bound {bound:g}"
                    ),
                )
            )
            return bound
    return value


def projection(case: Case) -> Outcome:
    """UNSD 2023+ / ESCAP: ``P = d·(x̂_T − x0) / |x* − x0|``."""
    done = _done(case, PROJECTION_LABELS)
    if done:
        return done
    wanted = case.base_year or SDG_BASE_YEAR
    index = _nearest_base([o.year for o in case.observations], wanted)
    t0, x0 = case.observations[index].year, case.observations[index].value
    notes = _shift_note(wanted, t0)
    projected, name, more = _project(case, index)
    notes.extend(more)
    projected = bounded(case, projected, notes)
    gap = case.goal - x0
    moved = case.direction * (projected - x0)
    if case.direction * gap < 0:
        notes.append(
            _base_past_target(
                x0, t0, "progress is measured in the desired direction"
            )
        )
    outcome: Outcome
    if gap == 0:
        notes.append(
            Diagnostic(
                kind=DiagnosticKind.BASE_AT_TARGET,
                detail="no change was required; judged on the direction only",
            )
        )
        outcome = _by_sign(moved, PROJECTION_LABELS)
    else:
        band, ratio = classify(moved / abs(gap), case.bands or PROJECTION)
        outcome = {
            "status": band.status,
            "method_label": band.label,
            "ratio": ratio,
        }
    outcome["base_year"] = t0
    outcome["base_value"] = x0
    outcome["projected_value"] = projected
    outcome["projector"] = name
    outcome["diagnostics"] = tuple(notes)
    return outcome


# --- Destatis weather symbols ----------------------------------------------


def _consecutive_tail(years: Sequence[int]) -> int:
    """Return how many of the last years form an unbroken annual run."""
    run = 1
    while run < len(years) and years[-run - 1] == years[-run] - 1:
        run += 1
    return run


def _exact_shortfall(case: Case, index: int) -> Fraction:
    """Return Destatis' shortfall ``m`` exactly (negated, as banded).

    Only a shortfall near a threshold is recomputed: the projection then
    lies short of the goal, so within the indicator's bounds.
    """
    base, latest = case.observations[index], case.observations[-1]
    x0, xt = Fraction(base.value), Fraction(latest.value)
    goal = Fraction(case.goal)
    t0, t = base.year, latest.year
    projected = xt + (case.horizon - t) * (xt - x0) / (t - t0)
    short = max(Fraction(0), case.direction * (goal - projected))
    return -short / abs(goal - xt)


def destatis(case: Case) -> Outcome:
    """Destatis weather symbols: a linear trend of the last five changes."""
    if case.base_year is not None:
        raise ValidationError(
            "base_year",
            case.base_year,
            "the destatis method uses the last six annual values; it takes "
            "no base year",
        )
    done = _done(case, DESTATIS_LABELS)
    if done:
        return done
    observations = case.observations
    points = min(
        _consecutive_tail([o.year for o in observations]), _DESTATIS_POINTS
    )
    if points < _DESTATIS_MIN_POINTS:
        return insufficient(DESTATIS_LABELS)
    index = len(observations) - points
    t0, x0 = observations[index].year, observations[index].value
    t, xt = observations[-1].year, observations[-1].value
    notes: list[Diagnostic] = []
    if points < _DESTATIS_POINTS:
        notes.append(
            Diagnostic(
                kind=DiagnosticKind.SHORT_WINDOW,
                detail=f"{points - 1} annual changes used instead of 5",
            )
        )
    mean_change = (xt - x0) / (t - t0)
    projected = bounded(case, xt + (case.horizon - t) * mean_change, notes)
    remaining = abs(case.goal - xt)
    short = (
        max(0.0, case.direction * (case.goal - projected)) / remaining
        if remaining
        else 0.0
    )
    outcome: Outcome
    if case.direction * mean_change <= 0:
        outcome = {
            "status": _REGRESSING,
            "method_label": DESTATIS_LABELS.away,
            "shortfall": short,
        }
    else:
        band, negated = classify(
            -short,
            case.bands or DESTATIS,
            (lambda: _exact_shortfall(case, index)) if remaining else None,
        )
        outcome = {
            "status": band.status,
            "method_label": band.label,
            "shortfall": -negated,
        }
    outcome["base_year"] = t0
    outcome["base_value"] = x0
    outcome["projected_value"] = projected
    outcome["projector"] = "destatis_linear"
    outcome["diagnostics"] = tuple(notes)
    return outcome


#: The methods `kttt.progress.assess` knows, by name, with their labels.
METHODS: dict[str, tuple[Callable[[Case], Outcome], Labels]] = {
    **{
        name: (_ratio_method(spec), spec.labels)
        for name, spec in RATIO_METHODS.items()
    },
    "projection": (projection, PROJECTION_LABELS),
    "destatis": (destatis, DESTATIS_LABELS),
}
