"""Before a method runs: the territory of the data and the target's base.

A programme of a province merged in 2025 keeps its original scope; data of
the unit it became (or, for a programme of a new unit, of one of the units
it was formed from) are assessed with a diagnostic saying the territories
differ. An increment or growth-rate target whose base year has no
observation takes the nearest year observed before its target year, with a
diagnostic, as level targets' windows do.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from kttt.errors import KtttError
from kttt.geography import Era, Province
from kttt.progress._case import Diagnostic
from kttt.progress._labels import DiagnosticKind
from kttt.series import Observation, Series
from kttt.targets import Target, TargetForm


def _old_and_new(
    one: Province, other: Province
) -> tuple[Province, Province] | None:
    """Return (unit of the 63, unit of the 34) if one became the other."""
    for old, new in ((one, other), (other, one)):
        if old.era is Era.PRE_2025 and new.era is Era.FROM_2025:
            return (old, new) if old.successor() == new else None
    return None


def territory(
    target: Target, series: Series
) -> tuple[Series, list[Diagnostic]]:
    """Return *series* in the target's scope if it covers a linked unit.

    Data of an unchanged unit in the other era are the same territory;
    data of a merged unit's successor (or predecessor) are assessed with a
    diagnostic. Any other scope is left for `kttt.series.check_compatible`
    to refuse.
    """
    wanted, observed = target.scope, series.scope
    if wanted is None or observed is None or wanted == observed:
        return series, []
    pair = _old_and_new(wanted, observed)
    if pair is None:
        return series, []
    old, new = pair
    relabelled = attrs.evolve(series, scope=wanted)
    formed = new.predecessors()
    if formed == (old,):
        return relabelled, []
    note = Diagnostic(
        kind=DiagnosticKind.OTHER_TERRITORY,
        detail=(
            f"the data are for {observed.name} ({observed.era.label_en}), "
            f"the target for {wanted.name} ({wanted.era.label_en}); "
            f"{new.name} was formed from "
            f"{', '.join(p.name for p in formed)} on 1 July 2025: "
            "not the same territory"
        ),
    )
    return relabelled, [note]


def with_base(
    target: Target, observations: Sequence[Observation]
) -> tuple[Target | None, list[Diagnostic]]:
    """Return *target* with its base value, shifting its base year if needed.

    ``None`` (with a diagnostic) when no year before the target year was
    observed, or the shifted base breaks the target's rules.
    """
    base_year = target.base_year
    if (
        target.form is TargetForm.LEVEL
        or target.base_value is not None
        or base_year is None
    ):
        return target, []
    before = {o.year: o.value for o in observations if o.year < target.horizon}
    if base_year in before:
        return target.with_base(before[base_year]), []
    if not before:
        return None, [_unobserved(target, "no year before it was observed")]
    nearest = min(
        before, key=lambda year: (abs(year - base_year), year < base_year)
    )
    try:
        shifted = attrs.evolve(
            target, base_year=nearest, base_value=before[nearest]
        )
    except KtttError as error:
        return None, [
            _unobserved(target, f"{nearest} cannot stand for it: {error.rule}")
        ]
    return shifted, [
        Diagnostic(
            kind=DiagnosticKind.BASE_SHIFTED,
            detail=(
                f"no data for the target's base year {base_year}; "
                f"{nearest} used instead"
            ),
        )
    ]


def _unobserved(target: Target, why: str) -> Diagnostic:
    return Diagnostic(
        kind=DiagnosticKind.BASE_UNOBSERVED,
        detail=f"{target.base_year} has no observation and {why}",
    )
