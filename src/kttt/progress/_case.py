"""What a progress method is given, and what it gives back.

A method takes a `Case` (the observations up to the assessment date and the
target year, and what the target asks for) and returns an `Outcome`: the
harmonised status, the method's own label and the numbers behind them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Required, TypedDict

import attrs

from kttt.progress._bands import Band
from kttt.progress._labels import DiagnosticKind, MethodLabel, ProgressStatus
from kttt.progress._projectors import Projector
from kttt.series import Observation


@attrs.frozen(kw_only=True)
class Diagnostic:
    """One substitution or adjustment made while assessing, with its reason.

    >>> note = Diagnostic(kind=DiagnosticKind.BASE_SHIFTED, detail="2017")
    >>> note.describe("en")
    'base year shifted: 2017'
    """

    #: What was done.
    kind: DiagnosticKind
    #: The numbers involved, in English.
    detail: str

    def describe(self, lang: str = "vi") -> str:
        """Return the kind in *lang* followed by the detail."""
        return f"{self.kind.label(lang)}: {self.detail}"


class Case(NamedTuple):
    """What a method needs: observations, the goal and the options.

    A plain tuple rather than a domain value: it is built once per call to
    `kttt.progress.assess` and never leaves the package.
    """

    #: The observations known at the assessment date, up to the target
    #: year, earliest first.
    observations: Sequence[Observation]
    #: The target year.
    horizon: int
    #: Whether the latest value already satisfies the target.
    achieved: bool
    #: The level aimed at: the target level or the near edge of a band.
    goal: float
    #: +1 when more is better, −1 when less is better.
    direction: int
    #: The indicator's bounds (0 and 100 for shares), if any.
    lower: float | None
    upper: float | None
    #: The base year asked for (``None``: the method's own).
    base_year: int | None
    #: The value replacing a zero, if asked.
    epsilon: float | None
    #: The projector of the ``"projection"`` method (``None``: default).
    projector: Projector | None
    #: The method's bands with the thresholds of the user's settings
    #: (``None``: the published ones).
    bands: Sequence[Band] | None = None


class Outcome(TypedDict, total=False):
    """A method's verdict and the numbers behind it, as `Progress` fields."""

    status: Required[ProgressStatus]
    method_label: Required[MethodLabel]
    base_year: int
    base_value: float
    observed_growth: float | None
    required_growth_from_base: float | None
    ratio: float
    projected_value: float
    projector: str
    shortfall: float
    score: float | None
    diagnostics: tuple[Diagnostic, ...]
