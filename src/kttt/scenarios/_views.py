"""Scenario results as DataFrames: targets, yearly bands and comparisons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kttt import _frames
from kttt._frames import Column, Kind
from kttt.progress import ProgressStatus


if TYPE_CHECKING:
    import pandas as pd

    from kttt.scenarios._compare import Comparison
    from kttt.scenarios._simulate import Simulation
    from kttt.targets import Target


#: The columns naming the scenario and the target of a row.
_KEY = (
    Column("scenario", Kind.TEXT),
    Column("indicator", Kind.TEXT),
    Column("name", Kind.TEXT),
    Column("horizon", Kind.INT),
)


def _target_columns() -> tuple[Column, ...]:
    return (
        *_KEY,
        Column("target", Kind.TEXT),
        Column("target_value", Kind.FLOAT),
        Column("assumption", Kind.TEXT),
    )


def _target_cells(target: Target, lang: str) -> tuple[object, ...]:
    return (
        target.indicator.code,
        target.indicator.label(lang),
        target.horizon,
        target.describe(lang),
        target.value,
    )


def simulation_frame(simulation: Simulation, lang: str) -> pd.DataFrame:
    """Return one row per target (see `Simulation.to_dataframe`)."""
    columns = (
        *_target_columns(),
        Column("latest_year", Kind.OPTIONAL_INT),
        Column("latest_value", Kind.FLOAT),
        Column("probability", Kind.FLOAT),
        Column("median", Kind.FLOAT),
        Column("q05", Kind.FLOAT),
        Column("q95", Kind.FLOAT),
        Column("held_at_bound", Kind.FLOAT),
    )
    rows: list[tuple[object, ...]] = []
    for row in simulation.rows:
        latest = row.latest
        last = row.bands[-1] if row.bands else None
        rows.append(
            (
                simulation.scenario.name,
                *_target_cells(row.target, lang),
                None
                if row.assumption is None
                else row.assumption.describe(lang),
                None if latest is None else latest.year,
                None if latest is None else latest.value,
                row.probability,
                row.median,
                None if last is None else last.q05,
                None if last is None else last.q95,
                row.held_at_bound,
            )
        )
    return _frames.frame(columns, rows)


def band_frame(simulation: Simulation, lang: str) -> pd.DataFrame:
    """Return one row per target and year (see `Simulation.band_dataframe`)."""
    columns = (
        *_KEY,
        Column("year", Kind.INT),
        *(
            Column(q, Kind.FLOAT)
            for q in ("q05", "q25", "median", "q75", "q95")
        ),
    )
    rows = (
        (
            simulation.scenario.name,
            row.target.indicator.code,
            row.target.indicator.label(lang),
            row.target.horizon,
            band.year,
            band.q05,
            band.q25,
            band.median,
            band.q75,
            band.q95,
        )
        for row in simulation.rows
        for band in row.bands
    )
    return _frames.frame(columns, rows)


def comparison_frame(comparison: Comparison, lang: str) -> pd.DataFrame:
    """Return a row per scenario and target (`Comparison.to_dataframe`)."""
    columns = (
        *_target_columns(),
        _frames.ordered("status", ProgressStatus, lang),
        Column("projected_value", Kind.FLOAT),
        Column("probability", Kind.FLOAT),
        Column("projected_from", Kind.OPTIONAL_INT),
        Column("diagnostics", Kind.TEXT),
    )
    rows: list[tuple[object, ...]] = []
    for cell in comparison.cells:
        progress = cell.progress
        rows.append(
            (
                cell.scenario,
                *_target_cells(cell.target, lang),
                None
                if cell.assumption is None
                else cell.assumption.describe(lang),
                cell.status.label(lang),
                cell.projected_value,
                cell.probability,
                None if progress is None else progress.projected_from,
                None
                if progress is None or not progress.diagnostics
                else "; ".join(
                    d.kind.label(lang) for d in progress.diagnostics
                ),
            )
        )
    return _frames.frame(columns, rows)


def simulation_short(simulation: Simulation) -> str:
    """Return the short ``repr`` of *simulation*."""
    return (
        f"<Simulation {simulation.target_set.code} under "
        f"{simulation.scenario.name!r}: {len(simulation.rows)} targets, "
        f"{simulation.draws} draws, seed {simulation.seed}>"
    )


def comparison_short(comparison: Comparison) -> str:
    """Return the short ``repr`` of *comparison*."""
    names = ", ".join(repr(s.name) for s in comparison.scenarios)
    return (
        f"<Comparison {comparison.target_set.code} by {comparison.method}: "
        f"{names} × {len(comparison.target_set)} targets>"
    )
