"""`compare`: several scenarios side by side on the targets of a programme."""

from __future__ import annotations

import json

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from kttt import _display, _frames
from kttt._display import level
from kttt._labels import pick
from kttt.errors import NotFoundError, ValidationError
from kttt.progress import DEFAULT_METHOD, Progress, ProgressStatus, assess
from kttt.scenarios import _views
from kttt.scenarios._assumptions import Assumption, Scenario
from kttt.scenarios._project import project
from kttt.scenarios._simulate import (
    DEFAULT_DRAWS,
    SimulatedTarget,
    Simulation,
    prepared,
    series_in,
    simulate,
)
from kttt.scenarios._table import percent, render, target_cells
from kttt.series import Observation, Series
from kttt.targets import Target, TargetSet


if TYPE_CHECKING:
    import pandas as pd


@attrs.frozen(kw_only=True)
class ComparisonCell:
    """One target under one scenario: its verdict and projected value."""

    #: The scenario's name.
    scenario: str
    #: The target.
    target: Target
    #: The scenario's assumption for the target's indicator (``None``: the
    #: indicator is left as observed).
    assumption: Assumption | None
    #: The latest observation up to the target year (``None``: no data).
    latest: Observation | None = None
    #: The assessment of the data continued under the assumption up to the
    #: target year (a final verdict: achieved or missed), or of the data
    #: alone without an assumption; ``None`` without data.
    progress: Progress | None = None
    #: The value in the target year under the assumption (the median of
    #: the draws when simulated); without an assumption, the method's
    #: projection if it makes one.
    projected_value: float | None = None
    #: The share of draws meeting the target, when simulated.
    probability: float | None = None

    @property
    def status(self) -> ProgressStatus:
        """The harmonised status (insufficient data without data)."""
        if self.progress is None:
            return ProgressStatus.INSUFFICIENT_DATA
        return self.progress.status

    def as_record(self) -> dict[str, Any]:
        """Return the cell as a flat record of JSON-ready values."""
        target, progress = self.target, self.progress
        return {
            "scenario": self.scenario,
            "indicator": target.indicator.code,
            "horizon": target.horizon,
            "comparator": target.comparator.value,
            "target_value": target.value,
            "assumption": None
            if self.assumption is None
            else self.assumption.describe("en"),
            "status": self.status.value,
            "projected_value": self.projected_value,
            "probability": self.probability,
            "projected_from": None
            if progress is None
            else progress.projected_from,
            "diagnostics": ""
            if progress is None
            else ";".join(d.kind.value for d in progress.diagnostics),
        }

    def describe(self, lang: str = "vi") -> str:
        """Return the status, the projected value and the chance, in *lang*."""
        parts = [self.status.label(lang)]
        if self.projected_value is not None:
            parts.append(level(self.projected_value, lang))
        if self.probability is not None:
            parts.append(percent(self.probability, lang))
        return " · ".join(parts)


@attrs.frozen(kw_only=True)
class Comparison:
    """Scenarios × targets: what `compare` returns."""

    #: The programme.
    target_set: TargetSet
    #: The scenarios, in the order given.
    scenarios: tuple[Scenario, ...]
    #: The method of the assessments.
    method: str
    #: One cell per scenario and target, scenario by scenario, each in the
    #: set's order.
    cells: tuple[ComparisonCell, ...]

    def cell(
        self, scenario: str, indicator_code: str, horizon: int
    ) -> ComparisonCell:
        """Return the cell of a scenario (by name) and a target.

        Raises:
            NotFoundError: If there is no such scenario or target.
        """
        for cell in self.cells:
            target = cell.target
            if (
                cell.scenario == scenario
                and target.indicator.code == indicator_code
                and target.horizon == horizon
            ):
                return cell
        raise NotFoundError(
            "cell",
            (scenario, indicator_code, horizon),
            "no such scenario and target in the comparison",
        )

    def to_records(self) -> list[dict[str, Any]]:
        """Return one flat record per scenario and target."""
        return [cell.as_record() for cell in self.cells]

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the comparison as JSON.

        The document holds the programme, the method, the scenarios' names
        and the records of `to_records`.
        """
        document = {
            "programme": self.target_set.code,
            "method": self.method,
            "scenarios": [s.name for s in self.scenarios],
            "results": self.to_records(),
        }
        return json.dumps(document, ensure_ascii=False, indent=indent)

    def to_dataframe(self, lang: str = "vi") -> pd.DataFrame:
        """Return one row per scenario and target, with real dtypes.

        Columns: ``scenario``, ``indicator`` (code), ``name`` (label in
        *lang*), ``horizon`` (int64), ``target`` (in words),
        ``target_value`` (float64), ``assumption`` (in words), ``status``
        (an ordered categorical of `kttt.progress.ProgressStatus` labels
        in *lang*, best first), ``projected_value`` and ``probability``
        (float64), ``projected_from`` (Int64) and ``diagnostics``.

        Raises:
            NotFoundError: Without pandas (``pip install 'kttt[pandas]'``).
            ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
        """
        return _views.comparison_frame(self, _frames.check_lang(lang))

    def __repr__(self) -> str:
        return _views.comparison_short(self)

    def _repr_html_(self) -> str:
        lang = _display.current_language()
        return _display.table(
            self._title(lang),
            self._headers(lang),
            (cells for _, cells in self._rows(lang)),
        )

    def _headers(self, lang: str) -> tuple[str, ...]:
        names = [s.name for s in self.scenarios]
        return (
            *pick(
                lang,
                "Chỉ tiêu|Mục tiêu|Số liệu mới nhất",
                "Indicator|Target|Latest",
            ).split("|"),
            *names,
        )

    def _rows(self, lang: str) -> list[tuple[Target, list[str]]]:
        count = len(self.target_set)
        return [
            (
                target,
                [
                    *target_cells(target, self.cells[index].latest, lang),
                    *(c.describe(lang) for c in self.cells[index::count]),
                ],
            )
            for index, target in enumerate(self.target_set)
        ]

    def _title(self, lang: str) -> str:
        code = self.target_set.code
        return pick(
            lang,
            f"So sánh kịch bản cho mục tiêu {code} (phương pháp: "
            f"{self.method}; giá trị năm mục tiêu là dự báo)",
            f"Scenarios for the targets of {code} (method: "
            f"{self.method}; target-year values are projected)",
        )

    def to_text(self, lang: str = "vi") -> str:
        """Return the comparison as a plain-text table in *lang*.

        One column per scenario: the status in the target year, the value
        projected then and, when simulated, the chance of meeting the
        target. Projected values are never data.
        """
        title = self._title(lang)
        return render(
            lang, {lang: self._headers(lang)}, {lang: title}, self._rows(lang)
        )


def compare(
    scenarios: Iterable[Scenario],
    target_set: TargetSet,
    data: Mapping[str, Series | Sequence[Series]],
    *,
    method: str = DEFAULT_METHOD,
    draws: int = DEFAULT_DRAWS,
    seed: int = 0,
) -> Comparison:
    """Put *scenarios* side by side on every target of *target_set*.

    Under each scenario each target's data is continued with its
    indicator's assumption up to the target year (`project`), so the
    status is final: achieved or missed. A scenario with growth drawn at
    random is simulated (`simulate`, with *draws* and *seed*): its cell
    shows the verdict on the median path and the chance of meeting the
    target. An indicator without an assumption is assessed on its data.

    Args:
        scenarios: The scenarios, with distinct names.
        target_set: The programme.
        data: Indicator code -> its series (or several, the primary first).
        method: The method of `kttt.progress.assess`.
        draws: How many paths a simulated scenario draws per target.
        seed: The seed of the random draws.

    Raises:
        ValidationError: Without scenarios, for two scenarios of one name,
            or for what `project`, `simulate` and `assess` refuse.
        NotFoundError: For an assumption on an indicator the programme
            sets no target on, an unknown method, or missing NumPy.
    """
    chosen = tuple(scenarios)
    if not chosen:
        raise ValidationError("scenarios", chosen, "name at least one")
    names = [s.name for s in chosen]
    if len(set(names)) < len(names):
        raise ValidationError("scenarios", names, "names must be distinct")
    for scenario in chosen:
        scenario.check_indicators(target_set)
    cells: list[ComparisonCell] = []
    for scenario in chosen:
        simulation = (
            simulate(target_set, data, scenario, draws=draws, seed=seed)
            if scenario.is_uncertain
            else None
        )
        cells.extend(
            _cell(scenario, target, data, method, simulation)
            for target in target_set
        )
    return Comparison(
        target_set=target_set,
        scenarios=chosen,
        method=method,
        cells=tuple(cells),
    )


def _cell(
    scenario: Scenario,
    target: Target,
    data: Mapping[str, Series | Sequence[Series]],
    method: str,
    simulation: Simulation | None,
) -> ComparisonCell:
    code = target.indicator.code
    series = series_in(data, code)
    assumption = scenario.assumptions.get(code)
    empty = ComparisonCell(
        scenario=scenario.name,
        target=target,
        assumption=assumption,
    )
    if series is None:
        return empty
    filled, observed = prepared(target, series)
    if not observed.observations:
        return empty
    latest = observed.latest()
    row = (
        simulation.get(code, target.horizon)
        if simulation is not None
        and assumption is not None
        and assumption.kind.is_uncertain
        else None
    )
    if assumption is None or latest.year == target.horizon:
        assessed = series
    elif row is not None:
        assessed = _median_path(observed, row)
    else:
        assessed = project(observed, assumption, until=target.horizon)
    progress = assess(filled, assessed, method=method)
    return attrs.evolve(
        empty,
        latest=latest,
        progress=progress,
        projected_value=progress.latest_value
        if progress.projected_from is not None
        else progress.projected_value,
        probability=None if row is None else row.probability,
    )


def _median_path(observed: Series, row: SimulatedTarget) -> Series:
    """Return *observed* continued by the yearly medians of the draws."""
    medians = tuple(
        Observation(year=band.year, value=band.median, projected=True)
        for band in row.bands
    )
    return attrs.evolve(observed, observations=observed.observations + medians)
