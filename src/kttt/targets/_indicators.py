"""Indicators and the catalogue that looks them up by code."""

from __future__ import annotations

import functools
import re

from collections.abc import Iterator, Sequence
from typing import Any, Final, cast

import attrs
import cattrs

from kttt import _data
from kttt._data import Dataset, Envelope
from kttt._labels import LabelledEnum, pick
from kttt.errors import NotFoundError, ValidationError
from kttt.sources import Source
from kttt.targets._tolerance import (
    Tolerance,
    structure_tolerance,
    unstructure_tolerance,
)


class Unit(LabelledEnum):
    """The unit an indicator is measured in."""

    COUNT = "count", "số lượng", "count"
    PERSONS = "persons", "người", "persons"
    PERCENT = "percent", "phần trăm", "percent"
    PERCENT_PER_YEAR = (
        "percent_per_year",
        "phần trăm mỗi năm",
        "percent per year",
    )
    VND = "vnd", "đồng", "Vietnamese đồng"

    @property
    def natural_bounds(self) -> tuple[float | None, float | None]:
        """The values no quantity in this unit can leave (``None``: unbounded).

        Counts and persons are never negative, a percentage lies in 0–100
        and a yearly rate of change cannot fall below −100 %.
        """
        return _NATURAL_BOUNDS[self]

    @property
    def symbol(self) -> str:
        """The suffix written after a number in this unit (may be empty)."""
        return _SYMBOLS[self]


_NATURAL_BOUNDS: dict[Unit, tuple[float | None, float | None]] = {
    Unit.COUNT: (0.0, None),
    Unit.PERSONS: (0.0, None),
    Unit.PERCENT: (0.0, 100.0),
    Unit.PERCENT_PER_YEAR: (-100.0, None),
    Unit.VND: (None, None),
}
_SYMBOLS: dict[Unit, str] = {
    Unit.COUNT: "",
    Unit.PERSONS: "",
    Unit.PERCENT: " %",
    Unit.PERCENT_PER_YEAR: " %/năm",
    Unit.VND: " đồng",
}


class Direction(LabelledEnum):
    """Which way an indicator should move."""

    INCREASE = "increase", "tăng", "increase"
    DECREASE = "decrease", "giảm", "decrease"

    @property
    def sign(self) -> int:
        """``+1`` for ``INCREASE``, ``-1`` for ``DECREASE``."""
        return 1 if self is _INCREASE else -1


# Looked up once: attribute access on an enum class is slow in Python 3.11.
_INCREASE: Final = Direction.INCREASE


_FINITE: Final = _data.finite()

_CODE: Final = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*")


def _check_code(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, str) or _CODE.fullmatch(value) is None:
        raise ValidationError(
            attribute.name,
            value,
            "an indicator code is dotted lower-case words, "
            "e.g. 'cooperatives.count'",
        )


def _natural_bounds(indicator: Indicator) -> tuple[float | None, ...]:
    # The defaults are made before the validators run: a unit that is not
    # a Unit gets no bounds here and is refused by its validator.
    unit = indicator.unit
    if isinstance(cast("object", unit), Unit):
        return unit.natural_bounds
    return (None, None)


def _natural_lower(indicator: Indicator) -> float | None:
    return _natural_bounds(indicator)[0]


def _natural_upper(indicator: Indicator) -> float | None:
    return _natural_bounds(indicator)[1]


@attrs.frozen(kw_only=True)
class Indicator:
    """A measurable quantity that targets are set on.

    For example the number of cooperatives, or the share of them rated good
    or fair.

    The bounds default to the unit's natural bounds (0–100 for a
    percentage, at least 0 for a count) and may only narrow them.

    >>> Indicator.get("cooperatives.count").label_en
    'cooperatives (hợp tác xã)'
    """

    #: Stable dotted code, e.g. ``"cooperatives.count"``.
    code: str = attrs.field(validator=_check_code)
    #: Vietnamese label.
    label_vi: str = attrs.field(
        converter=_data.nfc_text, validator=_data.text()
    )
    #: English label.
    label_en: str = attrs.field(validator=_data.text())
    #: The unit of its values.
    unit: Unit = attrs.field(
        validator=_data.instance_of(Unit, "must be a Unit")
    )
    #: The desired direction of change.
    direction: Direction = attrs.field(
        validator=_data.instance_of(Direction, "must be a Direction")
    )
    #: The lowest possible value (``None``: unbounded).
    lower: float | None = attrs.field(
        default=attrs.Factory(_natural_lower, takes_self=True),
        validator=_data.optional(_FINITE),
    )
    #: The highest possible value (``None``: unbounded).
    upper: float | None = attrs.field(
        default=attrs.Factory(_natural_upper, takes_self=True),
        validator=_data.optional(_FINITE),
    )
    #: The code of the indicator whose group a nested share is taken of
    #: ("trong đó ít nhất 50 %", of which at least 50 %), or of the count
    #: a share is taken of.
    of: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(_check_code)
    )
    #: The document that defines the indicator, or else a programme that
    #: uses it. Provenance, not identity: two indicators that differ only
    #: in their source are equal.
    source: Source | None = attrs.field(
        default=None,
        eq=False,
        validator=_data.optional(
            _data.instance_of(Source, "must be a Source")
        ),
    )

    def __attrs_post_init__(self) -> None:
        natural_lower, natural_upper = self.unit.natural_bounds
        if natural_lower is not None and (
            self.lower is None or self.lower < natural_lower
        ):
            raise ValidationError(
                "lower",
                self.lower,
                f"a {self.unit.value} indicator cannot go below "
                f"{natural_lower:g}",
            )
        if natural_upper is not None and (
            self.upper is None or self.upper > natural_upper
        ):
            raise ValidationError(
                "upper",
                self.upper,
                f"a {self.unit.value} indicator cannot go above "
                f"{natural_upper:g}",
            )
        if (
            self.lower is not None
            and self.upper is not None
            and not self.lower < self.upper
        ):
            raise ValidationError(
                "upper", self.upper, f"must be above lower={self.lower:g}"
            )
        if self.of is not None:
            if self.unit is not Unit.PERCENT:
                raise ValidationError(
                    "of", self.of, "only a percentage is a share of a group"
                )
            if self.of == self.code:
                raise ValidationError(
                    "of", self.of, "a share cannot be a share of itself"
                )

    def label(self, lang: str = "vi") -> str:
        """Return the label in *lang*, ``"vi"`` or ``"en"``."""
        return pick(lang, self.label_vi, self.label_en)

    def check(self, value: float, field: str = "value") -> None:
        """Raise unless *value* is a finite number within the bounds.

        Raises:
            ValidationError: Naming *field*, the value and the bound broken.
        """
        _FINITE.check(field, value)
        if self.lower is not None and value < self.lower:
            raise ValidationError(
                field, value, f"{self.code} cannot be below {self.lower:g}"
            )
        if self.upper is not None and value > self.upper:
            raise ValidationError(
                field, value, f"{self.code} cannot be above {self.upper:g}"
            )

    @classmethod
    def define(
        cls,
        code: str,
        label_vi: str,
        *,
        unit: Unit | str,
        direction: Direction | str = Direction.INCREASE,
        label_en: str | None = None,
        of: Indicator | str | None = None,
        lower: float | None = None,
        upper: float | None = None,
        source: Source | None = None,
    ) -> Indicator:
        """Return a new indicator in one short call.

        *unit* and *direction* may be written as their codes or labels
        (``"percent"``, ``"phần trăm"``, ``"giảm"``); the English label
        defaults to the Vietnamese one; *of* names the indicator (or
        count) a share is taken of; bounds left out are the unit's.

        >>> share = Indicator.define(
        ...     "cooperatives.ocop_share",
        ...     "tỷ lệ hợp tác xã có sản phẩm OCOP",
        ...     unit="percent",
        ...     of="cooperatives.count",
        ... )
        >>> share.upper, share.direction.value, share.of
        (100.0, 'increase', 'cooperatives.count')

        Raises:
            KtttError: Naming the argument that is wrong.
        """
        kind = unit if isinstance(unit, Unit) else Unit.parse(unit)
        natural_lower, natural_upper = kind.natural_bounds
        return cls(
            code=code,
            label_vi=label_vi,
            label_en=label_vi if label_en is None else label_en,
            unit=kind,
            direction=direction
            if isinstance(direction, Direction)
            else Direction.parse(direction),
            lower=natural_lower if lower is None else lower,
            upper=natural_upper if upper is None else upper,
            of=of.code if isinstance(of, Indicator) else of,
            source=source,
        )

    @classmethod
    def get(cls, code: str) -> Indicator:
        """Return the built-in indicator with this *code*.

        Raises:
            NotFoundError: If the built-in catalogue has no such code.
        """
        return Catalogue.builtin().get(code)


def indicators() -> tuple[Indicator, ...]:
    """Return every indicator of the built-in catalogue, in catalogue order."""
    return Catalogue.builtin().indicators


#: A clash in a list of indicators: its index, the field, value and rule.
_Clash = tuple[int, str, object, str]


def _clash(indicators: Sequence[Indicator]) -> _Clash | None:
    """Return the first repeated code or dangling nested share, if any."""
    seen: set[str] = set()
    for index, indicator in enumerate(indicators):
        if indicator.code in seen:
            return index, "code", indicator.code, "indicator codes are unique"
        seen.add(indicator.code)
    for index, indicator in enumerate(indicators):
        if indicator.of is not None and indicator.of not in seen:
            rule = "a nested share refers to an indicator of the catalogue"
            return index, "of", indicator.of, rule
    return None


_INDICATOR: Final = _data.instance_of(Indicator, "must be an Indicator")


def _check_catalogue(
    _: object,
    attribute: attrs.Attribute[tuple[Indicator, ...]],
    value: tuple[Indicator, ...],
) -> None:
    _data.tuple_of(_INDICATOR).check(attribute.name, value)
    clash = _clash(value)
    if clash is not None:
        index, field, bad, rule = clash
        raise ValidationError(f"{attribute.name}[{index}].{field}", bad, rule)


@attrs.frozen(kw_only=True)
class Catalogue:
    """A set of indicators, looked up by code.

    The built-in one covers every indicator of the built-in target sets;
    add your own with `extend`, which returns a new catalogue:

    >>> mine = Indicator(
    ...     code="province.revenue",
    ...     label_vi="doanh thu",
    ...     label_en="revenue",
    ...     unit=Unit.VND,
    ...     direction=Direction.INCREASE,
    ... )
    >>> Catalogue.builtin().extend(mine).get("province.revenue") == mine
    True
    """

    #: The indicators, each code once.
    indicators: tuple[Indicator, ...] = attrs.field(validator=_check_catalogue)

    def get(self, code: str) -> Indicator:
        """Return the indicator with this *code*.

        Raises:
            NotFoundError: If there is none.
        """
        for indicator in self.indicators:
            if indicator.code == code:
                return indicator
        raise NotFoundError("indicator", code, "no indicator has this code")

    def __contains__(self, code: object) -> bool:
        return any(i.code == code for i in self.indicators)

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.indicators)

    def extend(self, *indicators: Indicator) -> Catalogue:
        """Return a catalogue with *indicators* added.

        Adding an indicator that is already there is allowed; adding a
        different one under an existing code is not.

        Raises:
            ValidationError: If an item is not an `Indicator`, or a code
                would mean two different indicators.
        """
        new = list(self.indicators)
        for index, indicator in enumerate(indicators):
            _INDICATOR.check(f"indicators[{index}]", indicator)
            if indicator.code in self:
                if self.get(indicator.code) != indicator:
                    raise ValidationError(
                        "indicator",
                        indicator.code,
                        "this code already names a different indicator",
                    )
            elif all(i.code != indicator.code for i in new):
                new.append(indicator)
            elif indicator not in new:
                raise ValidationError(
                    "indicator",
                    indicator.code,
                    "two different indicators share this code",
                )
        return Catalogue(indicators=tuple(new))

    @classmethod
    def builtin(cls) -> Catalogue:
        """Return the built-in catalogue (``data/targets/indicators.json``)."""
        return INDICATORS.load()


def configure_converter(conv: cattrs.Converter) -> None:
    """Add the hooks of the types of `kttt.targets` to *conv*.

    A `Tolerance` is written ``{"relative": 0.05}`` or ``{"absolute": 1}``
    and read from those or from a bare number (relative). Indicators,
    targets and target sets are attrs classes that *conv* reads and
    writes field by field with the data layer's scalar hooks; their
    `kttt.geography.Province` scope is geography's hook. A target set
    file's own format (indicators named by code, one scope and defaults
    for the whole set) is `TargetSet.from_json`'s.
    """
    conv.register_structure_hook(
        Tolerance, lambda value, _: structure_tolerance(value, conv)
    )
    conv.register_unstructure_hook(Tolerance, unstructure_tolerance)


@functools.cache
def _converter() -> cattrs.Converter:
    return _data.new_converter(configure_converter)


def _parse_catalogue(envelope: Envelope) -> Catalogue:
    found = envelope.structure(_converter(), Indicator)
    clash = _clash(found)
    if clash is not None:
        index, field, bad, rule = clash
        raise envelope.rows[index].locate(ValidationError(field, bad, rule))
    return Catalogue(indicators=found)


#: The built-in indicator catalogue (``kttt/data/targets/indicators.json``):
#: one row per indicator.
INDICATORS: Final = Dataset("targets/indicators.json", _parse_catalogue)
