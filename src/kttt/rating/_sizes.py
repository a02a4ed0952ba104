"""Size classes: micro, small, medium or large, by members or capital."""

from __future__ import annotations

import attrs

from kttt import _data
from kttt.errors import ValidationError
from kttt.rating._enums import SizeBasis, SizeClass
from kttt.rating._rules import as_tuple
from kttt.sources import Source


@attrs.frozen(kw_only=True)
class SizeStep:
    """One size class of a `SizeScale`: values from *at_least* upwards."""

    #: The size class.
    size: SizeClass = attrs.field(validator=_data.instance_of(SizeClass))
    #: Its lowest value (members, or VND of total capital), inclusive.
    at_least: int = attrs.field(validator=_data.whole_number(0))


def _size_steps(
    _: SizeScale,
    attribute: attrs.Attribute[tuple[SizeStep, ...]],
    value: tuple[SizeStep, ...],
) -> None:
    bounds = [step.at_least for step in value]
    if not value or bounds[0] != 0 or bounds != sorted(set(bounds)):
        raise ValidationError(
            attribute.name, bounds, "size steps start at 0 and rise strictly"
        )


@attrs.frozen(kw_only=True)
class SizeScale:
    """Size classes on one basis (members or total capital)."""

    #: What the classes are measured on.
    basis: SizeBasis = attrs.field(validator=_data.instance_of(SizeBasis))
    #: The classes by rising lower bound; the first starts at 0.
    steps: tuple[SizeStep, ...] = attrs.field(
        converter=as_tuple, validator=[_data.tuple_of(SizeStep), _size_steps]
    )
    #: Where the classes are written down.
    source: Source | None = attrs.field(
        default=None, validator=_data.optional(_data.instance_of(Source))
    )

    def classify(self, value: int) -> SizeClass:
        """Return the size class of *value* (members, or whole VND).

        Raises:
            ValidationError: If *value* is not a whole number at least 0.
        """
        _WHOLE.check(self.basis.value, value)
        return next(
            s.size for s in reversed(self.steps) if value >= s.at_least
        )


_WHOLE = _data.whole_number(0, "a whole number at least 0")
