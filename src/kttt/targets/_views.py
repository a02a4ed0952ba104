"""Targets in notebooks: short reprs and HTML views."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kttt import _display
from kttt._labels import pick
from kttt.targets._comparators import TargetForm


if TYPE_CHECKING:
    from kttt.targets._sets import TargetSet
    from kttt.targets._target import Target


def target_short(target: Target) -> str:
    """Return the short ``repr`` of *target*: what decides whether it is met.

    The indicator's code, the comparator's code, the exact numbers, the
    form and base, the year and the scope; the source and the clause as
    written are left out.
    """
    parts = [target.indicator.code, target.comparator.value]
    if target.value is not None:
        parts.append(repr(target.value))
    if target.upper is not None:
        parts.append(f"to {target.upper!r}")
    if target.tolerance is not None:
        share = target.indicator.unit.value == "percent"
        parts.append(target.tolerance.describe("en", percent=share))
    if target.form is not TargetForm.LEVEL:
        parts.append(f"{target.form.value} since {target.base_year}")
        if target.base_value is not None:
            parts.append(f"(base {target.base_value!r})")
    parts.append(f"by {target.horizon}")
    if target.scope is not None:
        parts.append(f"in {target.scope.code}/{target.scope.era.value}")
    return f"<Target {' '.join(parts)}>"


def _rows(target: Target, lang: str) -> tuple[object, ...]:
    return (
        target.indicator.label(lang),
        target.describe(lang),
        target.horizon,
        target.source.cite(),
    )


def _headers(lang: str) -> list[str]:
    return pick(
        lang, "Chỉ tiêu|Mục tiêu|Năm|Nguồn", "Indicator|Target|Year|Source"
    ).split("|")


def target_html(target: Target) -> str:
    """Return *target* as an HTML table in the display language."""
    lang = _display.current_language()
    scope = pick(lang, "cả nước", "national")
    if target.scope is not None:
        scope = target.scope.name
    return _display.table(
        f"{target.indicator.label(lang)} ({scope})",
        _headers(lang),
        [_rows(target, lang)],
        notes=[] if target.text_vi is None else [target.text_vi],
    )


def set_short(target_set: TargetSet) -> str:
    """Return the short ``repr`` of *target_set*."""
    years = ", ".join(str(year) for year in target_set.horizons())
    scope = (
        ""
        if target_set.scope is None
        else f" in {target_set.scope.code}/{target_set.scope.era.value}"
    )
    return (
        f"<TargetSet {target_set.code}{scope}: {len(target_set)} targets "
        f"for {years or 'no year'}>"
    )


def set_html(target_set: TargetSet) -> str:
    """Return *target_set* as an HTML table in the display language."""
    lang = _display.current_language()
    return _display.table(
        f"{target_set.code}: {target_set.title}",
        _headers(lang),
        (_rows(target, lang) for target in target_set),
    )
