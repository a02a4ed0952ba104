"""`Progress`: where one target stands, by one method, and why."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from kttt._labels import localize_digits, pick
from kttt.progress import _views
from kttt.progress._case import Diagnostic
from kttt.progress._goal import RequiredPace, required_pace
from kttt.progress._labels import MethodLabel, ProgressStatus
from kttt.targets import Direction, Target


@attrs.frozen(kw_only=True)
class Progress:
    """Where a target stands: the status, the method and every number behind.

    Numbers the method did not need are ``None``.
    Rates are fractions per year (``0.05`` is 5 % a year); changes,
    levels and projections are in the indicator's unit.
    Figures *from base* run from the method's base year (its window);
    figures *from latest* run from the latest observation to the target
    year: the pace still needed from now.
    """

    #: The target assessed.
    target: Target
    #: The assessment date asked for (``None``: the latest data).
    as_of: pendulum.Date | None
    #: The method's name (``"statcan"``, ``"projection"``...).
    method: str
    #: The harmonised status, comparable across methods.
    status: ProgressStatus
    #: The method's own category.
    method_label: MethodLabel
    #: The latest year with data known at *as_of*, up to the target year.
    latest_year: int
    #: The value observed (or projected) in `latest_year`.
    latest_value: float
    #: The level aimed at (the target level, for a growth-rate target the
    #: level at the horizon, or the edge of an "about"/"between" band);
    #: ``None`` for a target without a number, or whose base value is
    #: unknown.
    goal: float | None
    #: Which way the indicator must move to reach the goal.
    direction: Direction
    #: The start of the method's window.
    base_year: int | None = None
    #: The value in `base_year`.
    base_value: float | None = None
    #: The observed compound annual growth rate over the method's window.
    observed_growth: float | None = None
    #: The compound annual growth rate the method requires, from its base
    #: year to the target year.
    required_growth_from_base: float | None = None
    #: The method's progress ratio, observed over required growth (StatCan,
    #: Eurostat, UNSD 2022) or expected over required progress (projection).
    ratio: float | None = None
    #: The projected value in the target year (held within the indicator's
    #: bounds).
    projected_value: float | None = None
    #: The name of the projector that made `projected_value`.
    projector: str | None = None
    #: The projected shortfall as a share of the remaining gap (Destatis).
    shortfall: float | None = None
    #: The Eurostat / Statistics Canada score, from −5 to +5.
    score: float | None = None
    #: The first year whose value was projected rather than observed
    #: (``None``: every value used was observed).
    projected_from: int | None = None
    #: Substitutions, adjustments and warnings (epsilon, shifted base year,
    #: stale data...).
    diagnostics: tuple[Diagnostic, ...] = ()

    # --- numbers derived from the fields above ------------------------------

    @property
    def is_final(self) -> bool:
        """Whether the target year is observed, so the verdict is final."""
        return self.latest_year >= self.target.horizon

    @property
    def observed_change(self) -> float | None:
        """The observed average annual change over the method's window."""
        if self.base_year is None or self.base_value is None:
            return None
        return (self.latest_value - self.base_value) / (
            self.latest_year - self.base_year
        )

    @property
    def required_change_from_base(self) -> float | None:
        """The average annual change required from the base year."""
        if (
            self.base_year is None
            or self.base_value is None
            or self.goal is None
        ):
            return None
        return (self.goal - self.base_value) / (
            self.target.horizon - self.base_year
        )

    @property
    def distance_covered(self) -> float | None:
        """The share of the base-to-goal distance covered.

        ESCAP's current status index, to compare with `time_elapsed`.
        """
        if (
            self.base_value is None
            or self.goal is None
            or self.goal == self.base_value
        ):
            return None
        return (
            self.direction.sign
            * (self.latest_value - self.base_value)
            / abs(self.goal - self.base_value)
        )

    @property
    def time_elapsed(self) -> float | None:
        """The share of the base-to-target-year span elapsed."""
        if self.base_year is None:
            return None
        return (self.latest_year - self.base_year) / (
            self.target.horizon - self.base_year
        )

    @property
    def years_to_target(self) -> float | None:
        """The years still needed at the observed linear pace.

        ``None`` when not moving towards the goal.
        """
        observed = self.observed_change
        if (
            observed is None
            or self.goal is None
            or self.direction.sign * observed <= 0
        ):
            return None
        return (self.goal - self.latest_value) / observed

    def required_from_latest(self) -> RequiredPace | None:
        """Return the constant pace from the latest value to the goal.

        ``None`` once the target is met or the target year observed.
        """
        if (
            self.status is ProgressStatus.ACHIEVED
            or self.is_final
            or self.goal is None
        ):
            return None
        return required_pace(self.target, self.latest_year, self.latest_value)

    @property
    def required_growth_from_latest(self) -> float | None:
        """The compound annual rate needed from the latest value to the goal.

        ``None`` once met, when the target year is observed, or when
        compound growth cannot reach the goal (a zero, a change of sign).
        """
        needed = self.required_from_latest()
        return None if needed is None else needed.rate

    @property
    def required_change_from_latest(self) -> float | None:
        """The annual change needed from the latest value to the goal.

        ``None`` once met or when the target year is observed.
        """
        needed = self.required_from_latest()
        return None if needed is None else needed.change

    @property
    def missed_by(self) -> float | None:
        """How far the target-year value fell short of the goal (if missed)."""
        if self.status is not ProgressStatus.MISSED or self.goal is None:
            return None
        return self.direction.sign * (self.goal - self.latest_value)

    # --- output -------------------------------------------------------------

    def __repr__(self) -> str:
        return _views.progress_short(self)

    def _repr_html_(self) -> str:
        return _views.progress_html(self)

    def summary(self, lang: str = "vi") -> str:
        """Return the decisive numbers in words.

        The method's own figure first (``"R = 0.82"``), then the pace
        needed from the latest value, which is what remains to be done.

        >>> from kttt.targets import nq20_targets
        >>> from kttt.series import national_series
        >>> from kttt.progress import assess
        >>> target = nq20_targets().get("cooperatives.count", 2030)
        >>> progress = assess(target, national_series("cooperatives.count"))
        >>> head, needed = progress.summary("en").split("; ")
        >>> head
        'R = 1.20'
        >>> needed
        'needs +4.1 %/yr (+1,542/yr) 2025→2030 (method: +5.1 %/yr from 2020)'
        """
        return _summary(self, lang)

    def as_record(self) -> dict[str, Any]:
        """Return the progress as a flat record of JSON-ready values.

        Enumerations become their codes and diagnostics their kinds
        (joined by ``;``); the derived numbers follow the fields.
        """
        target = self.target
        record: dict[str, Any] = {
            "indicator": target.indicator.code,
            "horizon": target.horizon,
            "comparator": target.comparator.value,
            "target_value": target.value,
            "as_of": None if self.as_of is None else self.as_of.isoformat(),
            "method": self.method,
            "status": self.status.value,
            "method_label": self.method_label.value,
            "direction": self.direction.value,
        }
        for field in attrs.fields(Progress):
            if field.name not in _RECORDED_ABOVE:
                record[field.name] = getattr(self, field.name)
        for name in _views.DERIVED:
            record[name] = getattr(self, name)
        record["diagnostics"] = ";".join(
            d.kind.value for d in self.diagnostics
        )
        return record


_RECORDED_ABOVE = frozenset(
    {
        "target",
        "as_of",
        "method",
        "status",
        "method_label",
        "direction",
        "diagnostics",
    }
)


def _percent(value: float, lang: str) -> str:
    return localize_digits(f"{value * 100:+.1f} %", lang)


def format_level(value: float, lang: str) -> str:
    """Write a level with digit grouping in *lang* (whole above 100)."""
    digits = 0 if abs(value) >= 100 else 1
    return localize_digits(f"{value:,.{digits}f}", lang)


def _no_goal(progress: Progress, lang: str) -> str:
    """Say what a target without a level was judged by."""
    rate = progress.observed_growth
    if rate is None:
        return pick(lang, "không đủ số liệu", "too few data")
    per = pick(lang, "/năm", "/yr")
    return f"{pick(lang, 'tăng', 'growth')} {_percent(rate, lang)}{per}"


def _summary(progress: Progress, lang: str) -> str:
    status = progress.status
    if status is ProgressStatus.ACHIEVED:
        return pick(lang, "đạt mục tiêu", "target met")
    if status is ProgressStatus.MISSED:
        short = format_level(progress.missed_by or 0.0, lang)
        return pick(lang, f"không đạt, thiếu {short}", f"missed by {short}")
    parts: list[str] = []
    if progress.shortfall is not None:
        parts.append(f"m = {_percent(progress.shortfall, lang)}")
    elif progress.ratio is not None:
        name = "P" if progress.method == "projection" else "R"
        number = localize_digits(f"{progress.ratio:.2f}", lang)
        parts.append(f"{name} = {number}")
    if progress.projected_value is not None:
        label = pick(lang, "dự báo", "projected")
        parts.append(
            f"{label} {progress.target.horizon}: "
            f"{format_level(progress.projected_value, lang)}"
        )
    if progress.goal is None:
        return ", ".join(parts) or _no_goal(progress, lang)
    head = ", ".join(parts) or (
        pick(lang, "không đủ số liệu", "too few data")
        if progress.base_year is None
        else pick(lang, "không cần tăng thêm", "no change was required")
    )
    # Neither met nor final: the latest year is before the target year.
    needed = required_pace(
        progress.target, progress.latest_year, progress.latest_value
    )
    text = f"{head}; {pick(lang, 'cần', 'needs')} {needed.describe(lang)}"
    method_rate = progress.required_growth_from_base
    if method_rate is not None:
        per = pick(lang, "/năm", "/yr")
        since = pick(lang, "phương pháp", "method")
        text += (
            f" ({since}: {_percent(method_rate, lang)}{per} "
            f"{pick(lang, 'từ', 'from')} {progress.base_year})"
        )
    return text
