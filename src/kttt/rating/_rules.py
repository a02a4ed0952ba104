"""Scoring rules: points computed from measured values."""

from __future__ import annotations

import itertools

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final, TypeAlias

import attrs

from kttt import _data
from kttt.errors import ScoreError, ValidationError
from kttt.rating._exact import NUMBER, POINTS


_ZERO: Final = Decimal(0)

#: A code or a measure's name: text without outer spaces.
CODE: Final = _data.text(unpadded=True)
#: A label: non-blank text, stored in Unicode normal form C.
LABEL: Final = _data.text()


# Runs only at import (building tables or fields), before mutmut sets a
# mutant: mutmut cannot test it; what it builds is tested.
# pragma: no mutate start
def label_field() -> Any:
    """Return an attrs field of a label: NFC text, not blank."""
    return attrs.field(converter=_data.nfc_text, validator=LABEL)


# pragma: no mutate end
def as_tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    """Return *values* as a tuple (the converter of sequence fields)."""
    return tuple(values)


@attrs.frozen(kw_only=True)
class Step:
    """One band of a `StepRule`: values from *at_least* up earn *points*."""

    #: The lowest measured value of the band (inclusive).
    at_least: Decimal = attrs.field(validator=NUMBER)
    #: The points the band earns.
    points: Decimal = attrs.field(validator=POINTS)


def _ascending_steps(
    _: StepRule,
    attribute: attrs.Attribute[tuple[Step, ...]],
    value: tuple[Step, ...],
) -> None:
    if not value:
        raise ValidationError(attribute.name, value, "a step rule has steps")
    bounds = [step.at_least for step in value]
    if any(low >= high for low, high in itertools.pairwise(bounds)):
        raise ValidationError(
            attribute.name, bounds, "steps rise strictly by their lower bound"
        )


@attrs.frozen(kw_only=True)
class StepRule:
    """Points from bands on a measured value (revenue, a ratio, a count).

    A value below the first step is refused: the rule does not say what it
    earns.

    >>> from decimal import Decimal
    >>> from kttt.rating import Step, StepRule
    >>> rule = StepRule(
    ...     measure="revenue_to_plan_pct",
    ...     unit="%",
    ...     steps=(
    ...         Step(at_least=Decimal(0), points=Decimal(0)),
    ...         Step(at_least=Decimal(100), points=Decimal(4)),
    ...     ),
    ... )
    >>> rule.score({"revenue_to_plan_pct": Decimal("100")}, "TC1a")
    Decimal('4')
    """

    #: The name of the measure (a key of `ScoreSheet.measures`).
    measure: str = attrs.field(validator=CODE)
    #: The unit the measure is written in (``"%"``, ``"VND"``, ``"times"``).
    unit: str = label_field()
    #: The bands, by rising lower bound.
    steps: tuple[Step, ...] = attrs.field(
        converter=as_tuple,
        validator=[_data.tuple_of(Step), _ascending_steps],
    )
    #: A yes/no measure that must be true for any points (otherwise 0).
    requires: str | None = attrs.field(
        default=None, validator=_data.optional(CODE)
    )

    @property
    def measures(self) -> tuple[str, ...]:
        """The measures the rule reads."""
        if self.requires is None:
            return (self.measure,)
        return (self.measure, self.requires)

    @property
    def most(self) -> Decimal:
        """The most points the rule can give."""
        return max(step.points for step in self.steps)

    def score(
        self, measures: Mapping[str, Decimal | bool], code: str
    ) -> Decimal:
        """Return the points for the measured values (*code* names errors).

        Raises:
            ScoreError: If a measure is missing, of the wrong kind, or
                below the first step.
        """
        if self.requires is not None and not _yes_no(
            measures, self.requires, code
        ):
            return _ZERO
        value = _number(measures, self.measure, code)
        for step in reversed(self.steps):
            if value >= step.at_least:
                return step.points
        raise ScoreError(
            f"measures.{self.measure}",
            value,
            f"below the lowest step ({self.steps[0].at_least} {self.unit}) "
            f"of criterion {code}",
        )


@attrs.frozen(kw_only=True)
class YesNoRule:
    """Points for a yes/no condition (a fund of at least 20 % of income...)."""

    #: The name of the yes/no measure.
    measure: str = attrs.field(validator=CODE)
    #: The points when the condition holds.
    yes: Decimal = attrs.field(validator=POINTS)
    #: The points when it does not.
    no: Decimal = attrs.field(default=_ZERO, validator=POINTS)

    @property
    def measures(self) -> tuple[str, ...]:
        """The measures the rule reads."""
        return (self.measure,)

    @property
    def most(self) -> Decimal:
        """The most points the rule can give."""
        return max(self.yes, self.no)

    def score(
        self, measures: Mapping[str, Decimal | bool], code: str
    ) -> Decimal:
        """Return the points for the measured values (*code* names errors).

        Raises:
            ScoreError: If the measure is missing or not yes/no.
        """
        return self.yes if _yes_no(measures, self.measure, code) else self.no


#: A rule that turns measured values into points.
ScoringRule: TypeAlias = StepRule | YesNoRule


def _measure(
    measures: Mapping[str, Decimal | bool], name: str, code: str
) -> Decimal | bool:
    try:
        return measures[name]
    except KeyError:
        raise ScoreError(
            f"measures.{name}",
            None,
            f"criterion {code} needs this measure (or its points)",
        ) from None


def _yes_no(
    measures: Mapping[str, Decimal | bool], name: str, code: str
) -> bool:
    value = _measure(measures, name, code)
    if not isinstance(value, bool):
        raise ScoreError(
            f"measures.{name}", value, f"criterion {code} needs yes/no here"
        )
    return value


def _number(
    measures: Mapping[str, Decimal | bool], name: str, code: str
) -> Decimal:
    value = _measure(measures, name, code)
    if isinstance(value, bool):
        raise ScoreError(
            f"measures.{name}", value, f"criterion {code} needs a number here"
        )
    return value
