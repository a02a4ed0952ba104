"""Bands, and the conditions that exclude or override: what decides."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

import attrs

from kttt import _data
from kttt._labels import pick
from kttt.errors import ValidationError
from kttt.rating._enums import Fact, Grade, Rating
from kttt.rating._exact import POINTS
from kttt.rating._rules import CODE, label_field
from kttt.sources import Source


if TYPE_CHECKING:
    from kttt.rating._sheet import ScoreSheet

#: The most months a month count can be: the months of the rated year.
MONTHS_IN_YEAR: Final = 12

_SOURCE: Final = _data.optional(_data.instance_of(Source))


@attrs.frozen(kw_only=True)
class Band:
    """A rating band: totals from *minimum* up to the next band's minimum."""

    #: The rating the band gives.
    rating: Rating = attrs.field(validator=_data.instance_of(Rating))
    #: The lowest total of the band.
    minimum: Decimal = attrs.field(validator=POINTS)
    #: Whether a total of exactly *minimum* is in the band.
    inclusive: bool = attrs.field(default=True, validator=_data.flag())
    #: The letter grade, for schemes that use letters (credit funds).
    grade: Grade | None = attrs.field(
        default=None, validator=_data.optional(_data.instance_of(Grade))
    )
    #: Whether the cut-off is provisional (not verified in the final text).
    provisional: bool = attrs.field(default=False, validator=_data.flag())

    def contains(self, total: Decimal) -> bool:
        """Whether *total* reaches the band's minimum."""
        return (
            total >= self.minimum if self.inclusive else total > self.minimum
        )


def _condition_shape(
    instance: Condition,
    attribute: attrs.Attribute[int | None],
    value: int | None,
) -> None:
    given = [v for v in (instance.below, instance.above) if v is not None]
    if instance.fact.is_count and len(given) != 1:
        raise ValidationError(
            "when",
            instance.fact.value,
            "a month count is tested with exactly one of below/above",
        )
    if not instance.fact.is_count and given:
        raise ValidationError(
            "when", instance.fact.value, "a yes/no fact takes no below/above"
        )
    if any(
        isinstance(v, bool)
        or not isinstance(v, int)  # pyright: ignore[reportUnnecessaryIsInstance]
        or not 0 <= v <= MONTHS_IN_YEAR
        for v in given
    ):
        raise ValidationError(
            attribute.name, value, "a month limit is a whole number 0 to 12"
        )


@attrs.frozen(kw_only=True)
class Condition:
    """A test on an eligibility fact of a score sheet.

    A month count holds when it is *below* or *above* the limit; a yes/no
    fact holds when it is true.
    """

    #: The fact tested.
    fact: Fact = attrs.field(validator=_data.instance_of(Fact))
    #: Holds when the month count is less than this.
    below: int | None = None
    #: Holds when the month count is more than this.
    above: int | None = attrs.field(default=None, validator=_condition_shape)

    def holds(self, sheet: ScoreSheet) -> bool:
        """Whether the condition holds for *sheet*."""
        value: int | bool = getattr(sheet, self.fact.value)
        return self.test(value)

    def test(self, value: int | bool) -> bool:
        """Whether the condition holds when the fact has *value*."""
        if self.below is not None:
            return value < self.below
        if self.above is not None:
            return value > self.above
        return bool(value)

    def describe(self, lang: str = "vi") -> str:
        """Describe the condition in *lang*."""
        label = self.fact.label(lang)
        if self.below is not None:
            return pick(
                lang,
                f"{label} dưới {self.below}",
                f"{label} below {self.below}",
            )
        if self.above is not None:
            return pick(
                lang,
                f"{label} trên {self.above}",
                f"{label} above {self.above}",
            )
        return label


@attrs.frozen(kw_only=True)
class Exclusion:
    """A reason an organisation is not rated at all (newly founded...)."""

    #: A short code (``"new"``).
    code: str = attrs.field(validator=CODE)
    #: When the organisation is excluded.
    when: Condition = attrs.field(validator=_data.instance_of(Condition))
    #: The reason in Vietnamese.
    label_vi: str = label_field()
    #: The reason in English.
    label_en: str = label_field()
    #: Where the exclusion is written down.
    source: Source | None = attrs.field(default=None, validator=_SOURCE)

    def label(self, lang: str = "vi") -> str:
        """Return the reason in *lang*."""
        return pick(lang, self.label_vi, self.label_en)


@attrs.frozen(kw_only=True)
class Override:
    """A rule that sets the rating whatever the score (weak if sanctioned)."""

    #: A short code (``"sanctioned"``).
    code: str = attrs.field(validator=CODE)
    #: When the override applies.
    when: Condition = attrs.field(validator=_data.instance_of(Condition))
    #: The rating it sets.
    rating: Rating = attrs.field(validator=_data.instance_of(Rating))
    #: The rule in Vietnamese.
    label_vi: str = label_field()
    #: The rule in English.
    label_en: str = label_field()
    #: Where the override is written down.
    source: Source | None = attrs.field(default=None, validator=_SOURCE)

    def label(self, lang: str = "vi") -> str:
        """Return the rule in *lang*."""
        return pick(lang, self.label_vi, self.label_en)
