"""`simulate`: Monte Carlo draws of each target's indicator to its horizon."""

from __future__ import annotations

import json

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import attrs

from kttt import _display, _frames
from kttt._display import level
from kttt._extras import require
from kttt._labels import pick
from kttt.errors import NotFoundError, ValidationError
from kttt.progress import is_met_at, met_share
from kttt.scenarios import _views
from kttt.scenarios._assumptions import Assumption, AssumptionKind, Scenario
from kttt.scenarios._project import path, yearly_rates
from kttt.scenarios._table import percent, render, target_cells
from kttt.series import Observation, Series, check_compatible, fill_base
from kttt.targets import Target, TargetForm, TargetSet


if TYPE_CHECKING:
    import pandas as pd

#: The quantiles of each simulated year, as fractions.
QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)

#: The number of draws `simulate` makes unless told otherwise.
DEFAULT_DRAWS = 10_000
#: The most draws `simulate` makes per target: a float per draw and year
#: must fit in memory (numbers beyond that are refused, not tried).
MAX_DRAWS = 100_000_000


@attrs.frozen(kw_only=True)
class QuantileBand:
    """The spread of the simulated values of one year (see ``QUANTILES``)."""

    #: The year.
    year: int
    #: The value below which 5 % of the draws fall.
    q05: float
    #: The value below which 25 % of the draws fall.
    q25: float
    #: The value below which half of the draws fall.
    median: float
    #: The value below which 75 % of the draws fall.
    q75: float
    #: The value below which 95 % of the draws fall.
    q95: float


@attrs.frozen(kw_only=True)
class SimulatedTarget:
    """One target of a `Simulation`: its chance of being met, year by year."""

    #: The target (with its base value read from the data, if it needs one).
    target: Target
    #: The observations used, up to the target year (``None``: no data).
    series: Series | None
    #: The assumption for the target's indicator (``None``: none given).
    assumption: Assumption | None
    #: The share of draws that meet the target in its target year; ``None``
    #: when nothing was simulated (no data or no assumption). Once the
    #: target year is observed it is 1 or 0: the verdict is final.
    probability: float | None
    #: The spread of the draws in each year after the latest observation, up
    #: to the target year.
    bands: tuple[QuantileBand, ...] = ()
    #: The share of draws held at one of the indicator's bounds in some year
    #: (a share that would have passed 100 %).
    held_at_bound: float = 0.0

    @property
    def latest(self) -> Observation | None:
        """The latest observation up to the target year (``None``: none)."""
        if self.series is None or not self.series.observations:
            return None
        return self.series.latest()

    @property
    def median(self) -> float | None:
        """The median value in the target year (the observed one if final)."""
        if self.bands:
            return self.bands[-1].median
        latest = self.latest
        return None if latest is None else latest.value

    def as_record(self) -> dict[str, Any]:
        """Return the row as a flat record of JSON-ready values."""
        target, latest = self.target, self.latest
        last = self.bands[-1] if self.bands else None
        return {
            "indicator": target.indicator.code,
            "horizon": target.horizon,
            "comparator": target.comparator.value,
            "target_value": target.value,
            "assumption": None
            if self.assumption is None
            else self.assumption.describe("en"),
            "latest_year": None if latest is None else latest.year,
            "latest_value": None if latest is None else latest.value,
            "probability": self.probability,
            "median": self.median,
            "q05": None if last is None else last.q05,
            "q95": None if last is None else last.q95,
            "held_at_bound": self.held_at_bound,
        }


@attrs.frozen(kw_only=True)
class Simulation:
    """The outcome of `simulate`: every target of a programme under a scenario.

    Values drawn are projections, never data: the tables say so.
    """

    #: The programme.
    target_set: TargetSet
    #: The scenario simulated.
    scenario: Scenario
    #: The number of draws per target.
    draws: int
    #: The seed the draws came from.
    seed: int
    #: One row per target, in the set's order.
    rows: tuple[SimulatedTarget, ...]

    def get(self, indicator_code: str, horizon: int) -> SimulatedTarget:
        """Return the row of the target on *indicator_code* for *horizon*.

        Raises:
            NotFoundError: If the programme has no such target.
        """
        for row in self.rows:
            target = row.target
            if (
                target.indicator.code == indicator_code
                and target.horizon == horizon
            ):
                return row
        raise NotFoundError(
            "target",
            (indicator_code, horizon),
            f"{self.target_set.code} has no target on this indicator for "
            "this year",
        )

    def to_records(self) -> list[dict[str, Any]]:
        """Return one flat record per target (see `SimulatedTarget`)."""
        return [
            {"scenario": self.scenario.name, **row.as_record()}
            for row in self.rows
        ]

    def band_records(self) -> list[dict[str, Any]]:
        """Return one record per target and simulated year, for fan charts."""
        return [
            {
                "scenario": self.scenario.name,
                "indicator": row.target.indicator.code,
                "horizon": row.target.horizon,
                "projected": True,
                **attrs.asdict(band),
            }
            for row in self.rows
            for band in row.bands
        ]

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the simulation as JSON.

        The document holds the programme, the scenario, the draws and seed,
        `to_records` as ``results`` and `band_records` as ``bands``.
        """
        document = {
            "programme": self.target_set.code,
            "scenario": self.scenario.name,
            "draws": self.draws,
            "seed": self.seed,
            "results": self.to_records(),
            "bands": self.band_records(),
        }
        return json.dumps(document, ensure_ascii=False, indent=indent)

    def to_dataframe(self, lang: str = "vi") -> pd.DataFrame:
        """Return one row per target, with real dtypes.

        Columns: ``scenario``, ``indicator`` (code), ``name`` (label in
        *lang*), ``horizon`` (int64), ``target`` (in words),
        ``target_value`` (float64), ``assumption`` (in words),
        ``latest_year`` (Int64), ``latest_value``, ``probability``,
        ``median``, ``q05``, ``q95`` and ``held_at_bound`` (float64, ``NaN``
        where nothing was simulated).

        Raises:
            NotFoundError: Without pandas (``pip install 'kttt[pandas]'``).
            ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
        """
        return _views.simulation_frame(self, _frames.check_lang(lang))

    def band_dataframe(self, lang: str = "vi") -> pd.DataFrame:
        """Return one row per target and simulated year, for fan charts.

        Columns: ``scenario``, ``indicator``, ``name`` (label in *lang*),
        ``horizon`` and ``year`` (int64), and the quantiles ``q05``,
        ``q25``, ``median``, ``q75`` and ``q95`` (float64).

        Raises:
            NotFoundError: Without pandas (``pip install 'kttt[pandas]'``).
            ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
        """
        return _views.band_frame(self, _frames.check_lang(lang))

    def __repr__(self) -> str:
        return _views.simulation_short(self)

    def _repr_html_(self) -> str:
        lang = _display.current_language()
        return _display.table(
            self._title(lang),
            _HEADERS[lang],
            (cells for _, cells in self._rows(lang)),
        )

    def _rows(self, lang: str) -> list[tuple[Target, list[str]]]:
        return [
            (
                row.target,
                [
                    *target_cells(row.target, row.latest, lang),
                    ""
                    if row.assumption is None
                    else row.assumption.describe(lang),
                    ""
                    if row.probability is None
                    else percent(row.probability, lang),
                    _spread(row, lang),
                ],
            )
            for row in self.rows
        ]

    def _title(self, lang: str) -> str:
        if pick(lang, "vi", "en") == "vi":
            return (
                f"Xác suất đạt mục tiêu {self.target_set.code}, kịch bản "
                f"{self.scenario.name!r} ({self.draws:,} lần rút, hạt giống "
                f"{self.seed})"
            )
        return (
            f"Chance of meeting the targets of {self.target_set.code}, "
            f"scenario {self.scenario.name!r} ({self.draws:,} draws, "
            f"seed {self.seed})"
        )

    def to_text(self, lang: str = "vi") -> str:
        """Return the probabilities as a plain-text table in *lang*.

        One section per target year; the median and the 5–95 % range in the
        target year are projections, never data.
        """
        title = self._title(lang)
        return render(lang, _HEADERS, {lang: title}, self._rows(lang))


_HEADERS = {
    "vi": (
        "Chỉ tiêu",
        "Mục tiêu",
        "Số liệu mới nhất",
        "Giả định",
        "Xác suất đạt",
        "Dự báo năm mục tiêu (5–95 %)",
    ),
    "en": (
        "Indicator",
        "Target",
        "Latest",
        "Assumption",
        "Chance",
        "Projected at target year (5–95 %)",
    ),
}


def _spread(row: SimulatedTarget, lang: str) -> str:
    if not row.bands:
        return ""
    last = row.bands[-1]
    return (
        f"{level(last.median, lang)} "
        f"({level(last.q05, lang)}–{level(last.q95, lang)})"
    )


def series_in(
    data: Mapping[str, Series | Sequence[Series]], code: str
) -> Series | None:
    """Return the series of *code* in *data* (the first of several).

    Raises:
        ValidationError: For an empty list of series, or a value that is
            neither a series nor a list of them.
    """
    found = data.get(code)
    if found is None or isinstance(found, Series):
        return found
    if not isinstance(found, Sequence) or isinstance(found, str):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ValidationError(
            f"data.{code}", found, "a Series, or a list of them"
        )
    if not found:
        raise ValidationError(f"data.{code}", found, "an empty list of series")
    first = found[0]
    if not isinstance(first, Series):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ValidationError(
            f"data.{code}", found, "a Series, or a list of them"
        )
    return first


def prepared(target: Target, series: Series) -> tuple[Target, Series]:
    """Return the target with its base value, and its data up to its horizon.

    Raises:
        IncompatibleSeriesError: If *series* observes something else.
    """
    check_compatible(target, series)
    if target.form is not TargetForm.LEVEL:
        target = fill_base(target, series)
    return target, series.until(target.horizon)


def _check_count(field: str, value: object, least: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise ValidationError(
            field, value, f"a whole number, at least {least}"
        )


def simulate(
    target_set: TargetSet,
    data: Mapping[str, Series | Sequence[Series]],
    scenario: Scenario,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = 0,
) -> Simulation:
    """Draw each target's indicator to its horizon under *scenario*.

    Each target whose indicator has data and an assumption is simulated
    from its latest observation up to its target year (later observations
    never count); the probability is the share of draws that meet it then.
    A deterministic assumption gives one path (probability 1 or 0).
    Draws come from a stream derived from *seed* and the target's indicator
    and year alone: the same seed gives the same result, whatever the other
    targets of the set and their order.
    Drawing at random needs NumPy (``pip install 'kttt[simulation]'``).

    Args:
        target_set: The programme.
        data: Indicator code -> its series (or several, the primary first,
            as `kttt.series.national_statistics` returns them).
        scenario: The assumptions, by indicator code.
        draws: How many paths to draw per target.
        seed: The seed of the random streams (a whole number ≥ 0).

    Raises:
        NotFoundError: If the scenario has an assumption on an indicator
            the programme sets no target on, or NumPy is missing.
        IncompatibleSeriesError: If a series does not fit its target.
        ValidationError: For *draws* below 1 or above 100,000,000, a
            negative *seed*, *data* that is not a mapping, or an assumption
            the data cannot give (see `project`).
    """
    _check_count("draws", draws, 1)
    if draws > MAX_DRAWS:
        raise ValidationError("draws", draws, f"at most {MAX_DRAWS:,}")
    _check_count("seed", seed, 0)
    if not isinstance(data, Mapping):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ValidationError(
            "data", data, "a mapping of indicator codes to series"
        )
    scenario.check_indicators(target_set)
    rows = tuple(
        _simulate(target, data, scenario, draws=draws, seed=seed)
        for target in target_set
    )
    return Simulation(
        target_set=target_set,
        scenario=scenario,
        draws=draws,
        seed=seed,
        rows=rows,
    )


def _simulate(
    target: Target,
    data: Mapping[str, Series | Sequence[Series]],
    scenario: Scenario,
    *,
    draws: int,
    seed: int,
) -> SimulatedTarget:
    code = target.indicator.code
    series = series_in(data, code)
    assumption = scenario.assumptions.get(code)
    if series is None or assumption is None:
        return SimulatedTarget(
            target=target,
            series=series,
            assumption=assumption,
            probability=None,
        )
    target, observed = prepared(target, series)
    row = SimulatedTarget(
        target=target, series=observed, assumption=assumption, probability=None
    )
    if not observed.observations:
        return row
    latest = observed.latest()
    horizon = target.horizon
    if latest.year == horizon:
        met = is_met_at(target, latest.year, latest.value)
        return attrs.evolve(row, probability=1.0 if met else 0.0)
    if not assumption.kind.is_uncertain:
        bands = tuple(
            QuantileBand(
                year=year,
                q05=value,
                q25=value,
                median=value,
                q75=value,
                q95=value,
            )
            for year, value in path(observed, assumption, horizon)
        )
        met = is_met_at(target, horizon, bands[-1].median)
        return attrs.evolve(row, probability=1.0 if met else 0.0, bands=bands)
    probability, bands, held = _draw(
        target, observed, assumption, draws=draws, seed=seed
    )
    return attrs.evolve(
        row, probability=probability, bands=bands, held_at_bound=held
    )


def _draw(
    target: Target,
    observed: Series,
    assumption: Assumption,
    *,
    draws: int,
    seed: int,
) -> tuple[float, tuple[QuantileBand, ...], float]:
    """Draw *target*'s indicator from its latest value to its horizon.

    Return the share of draws meeting it, the yearly bands and the share
    of draws held at a bound.
    """
    require("numpy", extra="simulation", feature="drawing at random")
    from kttt.scenarios import _vector  # noqa: PLC0415 - needs NumPy

    start = observed.latest().year
    horizon = target.horizon
    rates = (
        yearly_rates(observed, assumption.years)
        if assumption.kind is AssumptionKind.RESAMPLED
        else None
    )
    rng = _vector.generator(seed, f"{target.indicator.code}@{horizon}")
    factors = _vector.growth(rng, assumption, rates, (horizon - start, draws))
    indicator = target.indicator
    values, held = _vector.paths(
        observed.latest().value, factors, indicator.lower, indicator.upper
    )
    bands = tuple(
        QuantileBand(
            year=start + ahead,
            q05=q[0],
            q25=q[1],
            median=q[2],
            q75=q[3],
            q95=q[4],
        )
        for ahead, q in enumerate(
            _vector.quantiles(values, QUANTILES), start=1
        )
    )
    # The draws in the target year, as the sequence of values they are.
    final = cast("Sequence[float]", values[-1])
    return met_share(target, final), bands, held
