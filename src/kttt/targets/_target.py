"""Targets: what an indicator must reach by a horizon year."""

from __future__ import annotations

import functools

from fractions import Fraction
from typing import Final, Required, TypedDict, Unpack

import attrs

from kttt import _data
from kttt._labels import localize_digits
from kttt.errors import ValidationError
from kttt.geography import Province
from kttt.sources import Source
from kttt.targets import _views
from kttt.targets._comparators import (
    Comparator,
    Edge,
    Interval,
    TargetForm,
    ceil_float,
    edge_float,
    floor_float,
)
from kttt.targets._indicators import Direction, Indicator, Unit
from kttt.targets._rules import check_target, grown_level
from kttt.targets._tolerance import Tolerance, as_tolerance


#: The first year a target's horizon or base year may be.
#: The built-in programmes set targets for 2025 to 2045; the range leaves
#: room for older and later programmes.
FIRST_TARGET_YEAR: Final = 2000
#: The last year a target's horizon or base year may be.
LAST_TARGET_YEAR: Final = 2100

_TARGET_YEAR: Final = _data.year_in(
    FIRST_TARGET_YEAR, LAST_TARGET_YEAR, "a target year"
)
_FINITE: Final = _data.finite()
_NUMBER: Final = _data.optional(_FINITE)
#: A province, or ``None`` for the whole country.
_SCOPE: Final = _data.optional(
    _data.instance_of(Province, "must be a Province or None")
)


class TargetFields(TypedDict, total=False):
    """The fields `Target.increment` and `Target.growth_rate` pass on.

    *indicator*, *horizon* and *source* are required.
    """

    indicator: Required[Indicator]
    horizon: Required[int]
    source: Required[Source]
    base_value: float | None
    upper: float | None
    tolerance: Tolerance | float | None
    scope: Province | None
    text_vi: str | None


@attrs.frozen(kw_only=True)
class Target:
    """What an indicator must reach by a horizon year.

    The *value* is a level (``TargetForm.LEVEL``), an increment over the
    value of *base_year* (``TargetForm.INCREMENT``) or an annual growth rate
    in percent since *base_year* (``TargetForm.GROWTH_RATE``).

    "About" and "between" targets are aims: a value beyond the band in the
    indicator's desired direction counts as met (Vietnamese reports call it
    *vượt chỉ tiêu*); `band` gives the literal band and `exceeds` says
    whether a value went past it.

    >>> from kttt.targets import nq20_targets
    >>> target = nq20_targets().get("cooperatives.count", 2030)
    >>> target.describe("en")
    'about 45,000'
    >>> target.is_met(43_000), target.is_met(41_000)
    (True, False)
    """

    #: What is measured.
    indicator: Indicator = attrs.field(
        validator=_data.instance_of(Indicator, "must be an Indicator")
    )
    #: How the observed value is compared with *value*.
    comparator: Comparator = attrs.field(
        validator=_data.instance_of(Comparator, "must be a Comparator")
    )
    #: The target value; for ``Comparator.NONE_LEFT`` and
    #: ``Comparator.ALL``, ``None`` or the 0 or 100 % they mean, which
    #: documents often write beside them; ``None`` for the directional
    #: comparators.
    value: float | None = attrs.field(default=None, validator=_NUMBER)
    #: The year by which the target is to be met.
    horizon: int = attrs.field(validator=_TARGET_YEAR)
    #: The document and clause the target comes from.
    source: Source = attrs.field(
        validator=_data.instance_of(Source, "must be a Source")
    )
    #: The upper end of a ``Comparator.BETWEEN`` range.
    upper: float | None = attrs.field(default=None, validator=_NUMBER)
    #: For ``Comparator.ABOUT``: the accepted deviation, relative or
    #: absolute (a bare number is relative: ``0.05`` is ±5 %). Documents
    #: never state it; it is explicit, or inherited from the target set.
    tolerance: Tolerance | None = attrs.field(
        default=None,
        converter=as_tolerance,
        validator=_data.optional(
            _data.instance_of(Tolerance, "must be a Tolerance or a fraction")
        ),
    )
    #: The province the target is set for (``None``: national).
    scope: Province | None = attrs.field(default=None, validator=_SCOPE)
    #: Whether *value* is a level, an increment or a growth rate.
    form: TargetForm = attrs.field(
        default=TargetForm.LEVEL,
        validator=_data.instance_of(TargetForm, "must be a TargetForm"),
    )
    #: The year an increment or a growth rate is measured from.
    base_year: int | None = attrs.field(
        default=None, validator=_data.optional(_TARGET_YEAR)
    )
    #: The indicator's value in *base_year*, when known.
    base_value: float | None = attrs.field(default=None, validator=_NUMBER)
    #: The clause as written in the document.
    text_vi: str | None = attrs.field(
        default=None,
        converter=_data.nfc_text,
        validator=_data.optional(_data.text()),
    )

    def __repr__(self) -> str:
        return _views.target_short(self)

    def _repr_html_(self) -> str:
        return _views.target_html(self)

    def __attrs_post_init__(self) -> None:
        check_target(self)

    # --- what the target asks for ------------------------------------------

    @property
    def unit(self) -> Unit:
        """The unit of `value` and of what `is_met` compares.

        The indicator's, or percent per year for a growth-rate target.
        """
        if self.form is TargetForm.GROWTH_RATE:
            return Unit.PERCENT_PER_YEAR
        return self.indicator.unit

    @property
    def is_directional(self) -> bool:
        """Whether the target names a direction only, without a number.

        Such a target ("tăng", "nâng cao", "giảm") has no level: its
        `interval`, `level` and `is_met` raise, and `kttt.progress` judges
        it by the observed growth alone.
        """
        return self.comparator.is_directional

    @property
    def is_national(self) -> bool:
        """Whether the target is set for the whole country."""
        return self.scope is None

    def _offset(self) -> Fraction:
        if self.form is not TargetForm.INCREMENT:
            return Fraction(0)
        if self.base_value is None:
            raise ValidationError(
                "base_value",
                None,
                "an increment target needs its base value to give a "
                "level; use with_base()",
            )
        return Fraction(self.base_value)

    def _ends(self) -> tuple[Fraction, Fraction]:
        if self.comparator.is_directional:
            raise ValidationError(
                "comparator",
                self.comparator,
                "a target without a number has no level; kttt.progress "
                "judges it by its trend",
            )
        offset = self._offset()
        if self.comparator is Comparator.NONE_LEFT:
            return Fraction(0), Fraction(0)
        if self.comparator is Comparator.ALL:
            top = Fraction(self.indicator.upper or 100)
            return top, top
        value = Fraction(self.value or 0) + offset
        if self.comparator is Comparator.BETWEEN:
            return value, Fraction(self.upper or 0) + offset
        if self.comparator is Comparator.ABOUT and self.tolerance:
            spread = self.tolerance.spread(value)
            return value - spread, value + spread
        return value, value

    def _edges(self) -> tuple[Edge | None, Edge | None]:
        low, high = self._ends()
        comparator = self.comparator
        if comparator in {Comparator.AT_LEAST, Comparator.ALL}:
            return Edge(low), None
        if comparator is Comparator.MORE_THAN:
            return Edge(low, open=True), None
        if comparator in {Comparator.AT_MOST, Comparator.NONE_LEFT}:
            return None, Edge(high)
        if comparator is Comparator.LESS_THAN:
            return None, Edge(high, open=True)
        if self.indicator.direction is Direction.INCREASE:
            return Edge(low), None
        return None, Edge(high)

    def interval(self) -> Interval:
        """Return the acceptable values as an `Interval`.

        Bounds that are not exactly representable (a tolerance band, an
        increment over a base) are rounded inwards to the nearest float, so
        that `Interval.contains` agrees with `is_met` for every float.

        Raises:
            ValidationError: For an increment target without a base value.
        """
        return self._interval

    @functools.cached_property
    def _interval(self) -> Interval:
        # Computed once per target: assessing thousands of scenarios
        # against one target asks for it every time.
        low, high = self._edges()
        lower, lower_open = edge_float(low, ceil_float)
        upper, upper_open = edge_float(high, floor_float)
        return Interval(
            lower=lower,
            upper=upper,
            lower_open=lower_open,
            upper_open=upper_open,
        )

    def bounds(self) -> tuple[float | None, float | None]:
        """Return the acceptable interval as ``(lower, upper)``.

        ``None`` means unbounded; see `interval` for whether a bound is
        itself excluded ("more than", "less than").
        """
        interval = self.interval()
        return interval.lower, interval.upper

    def band(self) -> Interval:
        """Return the literal band of an "about" or "between" target.

        Both ends; for the other comparators, the acceptable interval.
        """
        if self.comparator not in {Comparator.ABOUT, Comparator.BETWEEN}:
            return self.interval()
        low, high = self._ends()
        return Interval(lower=ceil_float(low), upper=floor_float(high))

    def level(self) -> float:
        """Return the level to reach.

        The stated value (plus the base for an increment), 0 for "none
        left", the indicator's top (100 %) for "all", and for "between" the
        end first met in the desired direction.

        For a growth-rate target this is the rate, in percent per year.

        Raises:
            ValidationError: For an increment target without a base value.
        """
        low, high = self._ends()
        if self.comparator is Comparator.BETWEEN:
            increasing = self.indicator.direction is Direction.INCREASE
            return float(low if increasing else high)
        if self.comparator is Comparator.ABOUT:
            return float((low + high) / 2)
        return float(low)

    def horizon_level(self) -> float:
        """Return the indicator's level at the horizon that meets the target.

        For a growth-rate target, the base value grown at the target rate
        from the base year to the horizon; otherwise `level`.

        Raises:
            ValidationError: If the base value that this needs is unknown.
        """
        if self.form is not TargetForm.GROWTH_RATE:
            return self.level()
        if self.base_value is None:
            raise ValidationError(
                "base_value",
                None,
                "a growth-rate target needs its base value to give a "
                "level; use with_base()",
            )
        return grown_level(self, self.level())

    def is_met(self, value: float) -> bool:
        """Whether an observed *value* satisfies the target.

        *value* is a level of the indicator (for an increment target too:
        the base is added to the increment), or for a growth-rate target an
        observed annual rate in percent.

        Raises:
            ValidationError: If *value* is not finite or is outside the
                indicator's bounds.
        """
        self._check_observed(value)
        return self.interval().contains(value)

    def exceeds(self, value: float) -> bool:
        """Whether *value* goes past an "about" or "between" band.

        Past it in the desired direction; always false for the other
        comparators.
        """
        self._check_observed(value)
        if self.comparator not in {Comparator.ABOUT, Comparator.BETWEEN}:
            return False
        band = self.band()
        if self.indicator.direction is Direction.INCREASE:
            return band.upper is not None and value > band.upper
        return band.lower is not None and value < band.lower

    def _check_observed(self, value: float) -> None:
        if self.form is TargetForm.GROWTH_RATE:
            _FINITE.check("value", value)
            if value < -100:
                raise ValidationError(
                    "value", value, "a growth rate is at least −100 % per year"
                )
        else:
            self.indicator.check(value)

    def with_base(self, value: float) -> Target:
        """Return this target with the indicator's value in the base year.

        Raises:
            ValidationError: If the target has no base year.
        """
        return attrs.evolve(self, base_value=value)

    def describe(self, lang: str = "vi") -> str:
        """Return the requirement in words, e.g. ``"trên 60 %"``."""
        comparator = self.comparator.label(lang)
        if self.comparator is Comparator.ALL:
            return f"{comparator} (100 %)"
        if not self.comparator.needs_value:
            return comparator
        sign = "+" if self.form is TargetForm.INCREMENT else ""
        symbol = self.unit.symbol
        if lang == "en" and self.unit is Unit.PERCENT_PER_YEAR:
            symbol = " %/year"
        value = f"{sign}{_format_number(self.value or 0, lang)}{symbol}"
        if self.comparator is Comparator.BETWEEN:
            high = f"{sign}{_format_number(self.upper or 0, lang)}{symbol}"
            text = (
                f"từ {value} đến {high}"
                if lang == "vi"
                else f"{value} to {high}"
            )
        else:
            text = f"{comparator} {value}"
        if self.form is TargetForm.INCREMENT:
            suffix = "so với năm" if lang == "vi" else "over"
            text = f"{text} {suffix} {self.base_year}"
        elif self.form is TargetForm.GROWTH_RATE:
            suffix = "từ năm" if lang == "vi" else "since"
            text = f"{text} {suffix} {self.base_year}"
        return text

    # --- named constructors ------------------------------------------------

    @classmethod
    def increment(
        cls,
        *,
        increment: float,
        base_year: int,
        comparator: Comparator = Comparator.AT_LEAST,
        **fields: Unpack[TargetFields],
    ) -> Target:
        """Return a target of *increment* more than in *base_year*.

        As in "+380 hợp tác xã so với năm 2020"; the other *fields* are
        those of `TargetFields`.

        >>> from kttt.sources import Source
        >>> target = Target.increment(
        ...     indicator=Indicator.get("cooperatives.count"),
        ...     increment=380,
        ...     base_year=2020,
        ...     base_value=1_000,
        ...     horizon=2025,
        ...     source=Source(document="X-CTr/TU"),
        ... )
        >>> target.level(), target.is_met(1_380)
        (1380.0, True)
        """
        return cls(
            form=TargetForm.INCREMENT,
            value=increment,
            base_year=base_year,
            comparator=comparator,
            **fields,
        )

    @classmethod
    def growth_rate(
        cls,
        *,
        rate: float,
        base_year: int,
        comparator: Comparator = Comparator.AT_LEAST,
        **fields: Unpack[TargetFields],
    ) -> Target:
        """Return a target of *rate* percent average annual growth.

        Measured from *base_year* to *horizon*, as in "doanh thu tăng bình
        quân 7 %/năm"; the other *fields* are those of `TargetFields`.
        """
        return cls(
            form=TargetForm.GROWTH_RATE,
            value=rate,
            base_year=base_year,
            comparator=comparator,
            **fields,
        )

    @classmethod
    def cap(
        cls,
        *,
        indicator: Indicator,
        value: float,
        horizon: int,
        source: Source,
        strict: bool = True,
        scope: Province | None = None,
        base_year: int | None = None,
        base_value: float | None = None,
        text_vi: str | None = None,
    ) -> Target:
        """Return a ceiling: "less than" *value*.

        "At most" when *strict* is false. As in "hợp tác xã yếu kém dưới
        2 %".
        """
        return cls(
            indicator=indicator,
            comparator=Comparator.LESS_THAN if strict else Comparator.AT_MOST,
            value=value,
            horizon=horizon,
            scope=scope,
            base_year=base_year,
            base_value=base_value,
            source=source,
            text_vi=text_vi,
        )


def _format_number(value: float, lang: str) -> str:
    if value == int(value):
        text = f"{int(value):,}"
    else:
        text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return localize_digits(text, lang)
