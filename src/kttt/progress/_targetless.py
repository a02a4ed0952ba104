"""Targets without a number ("tăng", "nâng cao", "giảm"): growth alone.

The "no quantified target" branch of each method: the observed compound
annual growth rate over the method's window, signed by the desired
direction (``g = s·d·CAGR``), is classified by the method's thresholds
(`kttt.progress.MethodSettings.no_target`). Statistics Canada scales its
positive thresholds by the natural-limit factor C when the indicator is
bounded in the desired direction (a share heading for 100 %). Destatis
combines the signs of the mean of the last five annual changes and of the
latest change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kttt.progress._bands import Band, classify
from kttt.progress._case import Case, Diagnostic, Outcome
from kttt.progress._labels import DiagnosticKind, MethodLabel, ProgressStatus
from kttt.progress._methods import (
    METHODS,
    RATIO_METHODS,
    SDG_BASE_YEAR,
    insufficient,
)
from kttt.progress._settings import MethodSettings


_S = ProgressStatus
_L = MethodLabel

#: Statistics Canada's natural-limit exponent.
_LIMIT_POWER = 4.44

_NOTE = Diagnostic(
    kind=DiagnosticKind.NO_TARGET,
    detail="the programme names a direction only; the observed compound "
    "growth per year is classified by the method's thresholds",
)


def limit_factor(base: float, limit: float | None) -> float:
    """Return Statistics Canada's natural-limit factor C for a base value.

    ``C = 1 − (y0/L)^4.44`` up to the limit, ``1 − ((2L − y0)/L)^4.44``
    beyond it and 1 from twice the limit on (``y0 = |x0|``, ``L = |limit|``);
    1 without a limit.

    >>> limit_factor(50, 100) > 0.95, limit_factor(100, 100)
    (True, 0.0)
    """
    if not limit:
        return 1.0
    y0, bound = abs(base), abs(limit)
    if y0 >= 2 * bound:
        return 1.0
    if y0 <= bound:
        return 1 - float((y0 / bound) ** _LIMIT_POWER)
    return 1 - float(((2 * bound - y0) / bound) ** _LIMIT_POWER)


def _scaled(bands: Sequence[Band], factor: float) -> tuple[Band, ...]:
    """Return *bands* with their thresholds above 0 multiplied by C."""
    return tuple(
        band._replace(floor=band.floor * factor, exact=None)
        if band.floor is not None and band.floor > 0
        else band
        for band in bands
    )


def growth(case: Case, index: int) -> float | None:
    """Return ``s·d·CAGR`` from the observation at *index* to the latest.

    ``None`` when compound growth is undefined: a zero (without epsilon)
    or a change of sign.
    """
    base, latest = case.observations[index], case.observations[-1]
    x0, xt = base.value, latest.value
    if case.epsilon is not None:
        x0, xt = x0 or case.epsilon, xt or case.epsilon
    if x0 == 0 or xt / x0 <= 0:
        return None
    rate = float((xt / x0) ** (1 / (latest.year - base.year))) - 1
    sign = -1 if x0 < 0 else 1
    return sign * case.direction * rate


# Runs only at import (building tables or fields), before mutmut sets a
# mutant: mutmut cannot test it; what it builds is tested.
# pragma: no mutate start
def _by_growth(
    method: str,
    base: Callable[[Sequence[int], int | None], tuple[int, int | None]],
) -> Callable[[Case, MethodSettings], Outcome]:
    def run(case: Case, settings: MethodSettings) -> Outcome:
        labels = METHODS[method][1]
        if len(case.observations) < 2:
            return {**insufficient(labels), "diagnostics": (_NOTE,)}
        years = [o.year for o in case.observations]
        wanted, index = base(years, case.base_year)
        if index is None:
            return {**insufficient(labels), "diagnostics": (_NOTE,)}
        notes = [_NOTE]
        if years[index] != wanted:
            notes.append(
                Diagnostic(
                    kind=DiagnosticKind.BASE_SHIFTED,
                    detail=f"no data for {wanted}; base year "
                    f"{years[index]} used",
                )
            )
        rate = growth(case, index)
        outcome: Outcome
        if rate is None:
            notes.append(
                Diagnostic(
                    kind=DiagnosticKind.LINEAR_RATES,
                    detail="compound growth is undefined with a zero or a "
                    "change of sign; pass epsilon to replace a zero",
                )
            )
            outcome = insufficient(labels)
        else:
            bands = settings.no_target_bands()
            if method == "statcan":
                limit = case.upper if case.direction > 0 else case.lower
                bands = _scaled(
                    bands,
                    limit_factor(case.observations[index].value, limit),
                )
            band, _ = classify(rate, bands)
            outcome = {"status": band.status, "method_label": band.label}
            outcome["observed_growth"] = rate * case.direction
        outcome["base_year"] = years[index]
        outcome["base_value"] = case.observations[index].value
        outcome["diagnostics"] = tuple(notes)
        return outcome

    return run


# pragma: no mutate end
def _projection_base(
    years: Sequence[int], base_year: int | None
) -> tuple[int, int | None]:
    wanted = base_year or SDG_BASE_YEAR
    index = min(
        (abs(year - wanted), year < wanted, i)
        for i, year in enumerate(years[:-1])
    )[2]
    return wanted, index


#: The Destatis symbol for (mean change right, latest change right).
_DESTATIS = {
    (True, True): (_S.ON_TRACK, _L.DESTATIS_SUN),
    (True, False): (_S.NEEDS_ACCELERATION, _L.DESTATIS_SUN_CLOUD),
    (False, True): (_S.LIMITED, _L.DESTATIS_CLOUD),
    (False, False): (_S.REGRESSING, _L.DESTATIS_THUNDERSTORM),
}
_DESTATIS_POINTS = 6
_DESTATIS_MIN_POINTS = 4


def destatis(case: Case, _: MethodSettings) -> Outcome:
    """Destatis: the signs of the mean of the last five changes and the last.

    A mean change that is zero counts as the wrong direction.
    """
    observations = case.observations
    run = 1
    while (
        run < min(len(observations), _DESTATIS_POINTS)
        and observations[-run - 1].year == observations[-run].year - 1
    ):
        run += 1
    if run < _DESTATIS_MIN_POINTS:
        return {
            "status": _S.INSUFFICIENT_DATA,
            "method_label": _L.DESTATIS_NOT_ASSESSED,
            "diagnostics": (_NOTE,),
        }
    first, latest = observations[-run], observations[-1]
    mean = (latest.value - first.value) / (latest.year - first.year)
    last = latest.value - observations[-2].value
    status, label = _DESTATIS[
        case.direction * mean > 0, case.direction * last > 0
    ]
    return {
        "status": status,
        "method_label": label,
        "base_year": first.year,
        "base_value": first.value,
        "diagnostics": (_NOTE,),
    }


#: The targetless branch of each method, by name.
TARGETLESS: dict[str, Callable[[Case, MethodSettings], Outcome]] = {
    **{
        name: _by_growth(name, spec.base)
        for name, spec in RATIO_METHODS.items()
    },
    "projection": _by_growth("projection", _projection_base),
    "destatis": destatis,
}
