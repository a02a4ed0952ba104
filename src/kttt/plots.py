# matplotlib leaves the type of its plotting methods' **kwargs unknown.
# pyright: reportUnknownMemberType=false
"""Charts with matplotlib: trajectories, a report at a glance, ratings.

- `trajectory`: one target's observations, their projection, the fan of
  simulated quantiles, the target band in the target year and the base
  year;
- `overview`: every target of a `kttt.progress.ProgressReport`, one row
  each, coloured by status;
- `rating_distribution`: the shares of each rating, one bar per group
  (province, kind, sector or year) of `kttt.rating.rating_shares`.

Each takes an optional matplotlib ``Axes`` to draw on (a new figure
otherwise) and returns the ``Axes`` it drew on; labels are in *lang*
(the display language of `kttt.display` by default).
They need matplotlib: ``pip install 'kttt[plot]'``.
"""

from __future__ import annotations

import textwrap

from collections.abc import Hashable, Mapping, Sequence
from fractions import Fraction
from types import ModuleType
from typing import TYPE_CHECKING, Final

from kttt._display import current_language
from kttt._labels import LabelledEnum, pick
from kttt.errors import KtttError, NotFoundError
from kttt.progress import ProgressReport, ProgressStatus
from kttt.rating import Rating, RatingShares
from kttt.scenarios import SimulatedTarget
from kttt.series import Series
from kttt.targets import Direction, Target, TargetForm


if TYPE_CHECKING:
    from matplotlib.axes import Axes


__all__ = [
    "RATING_COLOURS",
    "STATUS_COLOURS",
    "overview",
    "rating_distribution",
    "trajectory",
]

#: The colour of each status, from dark green (achieved) to dark red.
STATUS_COLOURS: Final[Mapping[ProgressStatus, str]] = {
    ProgressStatus.ACHIEVED: "#1a7f37",
    ProgressStatus.ON_TRACK: "#54a24b",
    ProgressStatus.NEEDS_ACCELERATION: "#e6a700",
    ProgressStatus.LIMITED: "#f58518",
    ProgressStatus.REGRESSING: "#d62728",
    ProgressStatus.MISSED: "#8c1c13",
    ProgressStatus.INSUFFICIENT_DATA: "#b0b0b0",
}

#: The colour of each rating, then of "not rated" (key ``None``).
RATING_COLOURS: Final[Mapping[Rating | None, str]] = {
    Rating.GOOD: "#1a7f37",
    Rating.FAIR: "#8cc665",
    Rating.AVERAGE: "#f2c14e",
    Rating.WEAK: "#d62728",
    None: "#c8c8c8",
}

#: How far the overview's bars go, in percent of the goal.
_OVERVIEW_CAP = 150.0


def _pyplot() -> ModuleType:
    try:
        import matplotlib.pyplot as plt  # noqa: PLC0415 - optional extra
    except ImportError:
        raise NotFoundError(
            "matplotlib",
            None,
            "charts need matplotlib: pip install 'kttt[plot]'",
        ) from None
    return plt


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, created = _pyplot().subplots(figsize=size, layout="constrained")
    return created  # type: ignore[no-any-return]


def _lang(lang: str | None) -> str:
    return current_language() if lang is None else pick(lang, "vi", "en")


# --- one target --------------------------------------------------------------


def trajectory(
    target: Target,
    series: Series | None = None,
    *,
    simulated: SimulatedTarget | None = None,
    base_year: int | None = None,
    ax: Axes | None = None,
    lang: str | None = None,
) -> Axes:
    """Draw one target's path: data, projection, fan, target band, base year.

    Observed values are a solid line with points; projected ones (see
    `kttt.scenarios.project`) a dashed line from the last observed value.
    A *simulated* target (a row of `kttt.scenarios.Simulation`) adds its
    fan: the 5–95 % and 25–75 % bands of the draws and their median.
    The target band in the target year is a shaded bar (for a one-sided
    target, from its edge to the edge of the plot); a growth-rate target
    shows the level it implies, if its base value is known. A dotted
    vertical line marks *base_year* (the target's own, by default).

    Args:
        target: The target.
        series: Its data, observed and perhaps projected; by default the
            simulated target's.
        simulated: A row of a simulation of the target.
        base_year: The year to mark as the base.
        ax: The axes to draw on (a new figure otherwise).
        lang: The language of the labels (the display language by
            default).

    Raises:
        NotFoundError: Without matplotlib (``pip install 'kttt[plot]'``).
        ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
    """
    lang = _lang(lang)
    ax = _axes(ax, (7.0, 4.0))
    data = series if series is not None else simulated and simulated.series
    observed = [o for o in data or () if not o.projected]
    projected = [o for o in data or () if o.projected]
    ys: list[float] = []
    if observed:
        ax.plot(
            [o.year for o in observed],
            [o.value for o in observed],
            marker="o",
            color="#1f4e79",
            label=pick(lang, "số liệu", "observed"),
        )
        ys += [o.value for o in observed]
    if projected:
        start = observed[-1:] if observed else []
        ax.plot(
            [o.year for o in (*start, *projected)],
            [o.value for o in (*start, *projected)],
            linestyle="--",
            color="#1f4e79",
            label=pick(lang, "dự báo", "projected"),
        )
        ys += [o.value for o in projected]
    if simulated is not None and simulated.bands:
        ys += _fan(ax, simulated, observed, lang)
    _target_band(ax, target, ys, lang)
    base = target.base_year if base_year is None else base_year
    if base is not None:
        ax.axvline(
            base,
            linestyle=":",
            color="#555555",
            label=f"{pick(lang, 'năm gốc', 'base year')} {base}",
        )
    unit = target.indicator.unit.label(lang)
    ax.set_title(
        f"{target.indicator.label(lang)}: {target.describe(lang)} "
        f"({target.horizon})"
    )
    ax.set_xlabel(pick(lang, "Năm", "Year"))
    ax.set_ylabel(unit[:1].upper() + unit[1:])
    ax.legend(loc="best", fontsize="small")
    return ax


def _fan(
    ax: Axes,
    simulated: SimulatedTarget,
    observed: Sequence[object],
    lang: str,
) -> list[float]:
    """Draw the quantile bands and the median; return the values drawn."""
    bands = list(simulated.bands)
    latest = simulated.latest
    years = [b.year for b in bands]
    q = {name: [getattr(b, name) for b in bands] for name in _QUANTILES}
    if latest is not None and observed:
        years.insert(0, latest.year)
        for values in q.values():
            values.insert(0, latest.value)
    ax.fill_between(
        years, q["q05"], q["q95"], color="#6baed6", alpha=0.25, label="5–95 %"
    )
    ax.fill_between(
        years, q["q25"], q["q75"], color="#3182bd", alpha=0.35, label="25–75 %"
    )
    ax.plot(
        years,
        q["median"],
        linestyle="-.",
        color="#08519c",
        label=pick(lang, "trung vị", "median"),
    )
    return q["q05"] + q["q95"]


_QUANTILES = ("q05", "q25", "median", "q75", "q95")


def _band(target: Target) -> tuple[float | None, float | None] | None:
    """Return the levels that meet *target* in its year, if known."""
    try:
        if target.form is TargetForm.GROWTH_RATE:
            level = target.horizon_level()
            return level, level
        band = target.band()
    except KtttError:  # a base value the target does not have
        return None
    return band.lower, band.upper


def _target_band(ax: Axes, target: Target, ys: list[float], lang: str) -> None:
    band = _band(target)
    if band is None:
        return
    low, high = band
    known = [v for v in (low, high, *ys) if v is not None]
    span = (max(known) - min(known)) or abs(known[0]) or 1.0
    low = min(known) - 0.1 * span if low is None else low
    high = max(known) + 0.1 * span if high is None else high
    if low == high:  # a single level: a thin bar around it
        low, high = low - 0.01 * span, high + 0.01 * span
    horizon = target.horizon
    ax.fill_between(
        [horizon - 0.3, horizon + 0.3],
        low,
        high,
        color="#2ca02c",
        alpha=0.45,
        label=f"{pick(lang, 'mục tiêu', 'target')} {horizon}",
    )


# --- a report ----------------------------------------------------------------


def _reached(report: ProgressReport, index: int, method: int) -> float:
    """Return the latest value as a percentage of the goal.

    0 without data, or for a target without a number (no goal to reach).
    """
    row = report.rows[index]
    if not row.results:
        return 0.0
    progress = row.results[method]
    latest, goal = progress.latest_value, progress.goal
    if goal is None:
        return 0.0
    if progress.direction is Direction.DECREASE:
        share = 1.0 if latest <= goal else (goal / latest if latest else 1.0)
    else:
        share = latest / goal if goal else 1.0
    return max(0.0, min(_OVERVIEW_CAP, 100 * share))


def overview(
    report: ProgressReport,
    *,
    method: int = 0,
    ax: Axes | None = None,
    lang: str | None = None,
) -> Axes:
    """Draw every target of *report*: one bar per target, coloured by status.

    A bar's length is the latest value as a percentage of the goal (the
    goal over the latest value for an indicator that must fall), drawn up
    to 150 %; the status is written at its end and a vertical line marks
    100 %. Targets come top to bottom in the report's order.

    Args:
        report: The report.
        method: Which of the report's methods colours the bars (its index).
        ax: The axes to draw on (a new figure otherwise).
        lang: The language of the labels (the display language by
            default).

    Raises:
        NotFoundError: Without matplotlib (``pip install 'kttt[plot]'``).
        ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
    """
    lang = _lang(lang)
    rows = report.rows
    ax = _axes(ax, (8.0, 0.45 * len(rows) + 1.2))
    positions = list(range(len(rows)))[::-1]
    widths = [_reached(report, i, method) for i in range(len(rows))]
    statuses = [row.status(method) for row in rows]
    ax.barh(
        positions,
        widths,
        color=[STATUS_COLOURS[s] for s in statuses],
        height=0.7,
    )
    for y, width, status in zip(positions, widths, statuses, strict=True):
        ax.text(
            width + 1, y, status.label(lang), va="center", fontsize="small"
        )
    ax.axvline(100, color="#333333", linewidth=0.8)
    ax.set_yticks(
        positions,
        [
            textwrap.shorten(
                f"{row.target.indicator.label(lang)} ({row.target.horizon})",
                48,
                placeholder="…",
            )
            for row in rows
        ],
        fontsize="small",
    )
    ax.set_xlim(0, _OVERVIEW_CAP + 40)
    ax.set_xlabel(
        pick(lang, "Số liệu mới nhất, % mục tiêu", "Latest value, % of goal")
    )
    ax.set_title(f"{report.target_set.code} · {report.methods[method]}")
    return ax


# --- ratings -----------------------------------------------------------------


def _group_name(group: Hashable, lang: str) -> str:
    if group is None:
        return pick(lang, "Tất cả", "All")
    if isinstance(group, LabelledEnum):
        return group.label(lang)
    return str(group)  # a province's name, a year


def rating_distribution(
    shares: RatingShares | Mapping[Hashable, RatingShares],
    *,
    ax: Axes | None = None,
    lang: str | None = None,
) -> Axes:
    """Draw the shares of each rating: one stacked bar per group.

    *shares* is what `kttt.rating.rating_shares` returns, grouped (by
    province, say) or not. Each bar runs from good to weak, then the share
    not rated, in percent of the shares' denominator; groups come top to
    bottom in the order given.

    Raises:
        NotFoundError: Without matplotlib (``pip install 'kttt[plot]'``).
        ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
    """
    lang = _lang(lang)
    groups = list(shares.values()) if isinstance(shares, Mapping) else [shares]
    ax = _axes(ax, (8.0, 0.4 * len(groups) + 1.5))
    positions = list(range(len(groups)))[::-1]
    left = [0.0] * len(groups)
    for rating, colour in RATING_COLOURS.items():
        widths = [100 * float(_share(g, rating) or 0) for g in groups]
        label = (
            pick(lang, "chưa xếp loại", "not rated")
            if rating is None
            else rating.label(lang)
        )
        ax.barh(positions, widths, left=left, color=colour, label=label)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.set_yticks(
        positions,
        [_group_name(g.group, lang) for g in groups],
        fontsize="small",
    )
    ax.set_xlim(0, 100)
    denominator = groups[0].denominator.label(lang) if groups else ""
    ax.set_xlabel(f"% ({denominator})")
    ax.set_title(pick(lang, "Kết quả xếp loại", "Ratings"))
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncols=len(RATING_COLOURS),
        fontsize="small",
    )
    return ax


def _share(shares: RatingShares, rating: Rating | None) -> Fraction | None:
    if rating is None:
        return shares.share_not_rated
    return shares.share(rating)
