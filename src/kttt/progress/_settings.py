"""Method settings: the thresholds between each method's classes.

Each method has published thresholds for targets with a number (on its
ratio, or Destatis' shortfall) and for targets without one (on the
observed compound growth per year). `MethodSettings.published` gives them;
a user may set others, as sdg-build lets its users set its high and medium
thresholds. The classes, their order and which side of a threshold is
included stay the method's.
"""

from __future__ import annotations

import itertools
import math

from collections.abc import Sequence
from fractions import Fraction
from typing import Any, Final, cast

import attrs

from kttt import _data
from kttt.errors import NotFoundError, ValidationError
from kttt.progress._bands import (
    DESTATIS,
    EUROSTAT,
    PROJECTION,
    STATCAN,
    UNSD2022,
    Band,
    band_above,
    band_from,
    band_rest,
)
from kttt.progress._labels import MethodLabel, ProgressStatus


_S = ProgressStatus
_L = MethodLabel

#: Targets without a number, on ``d·CAGR`` per year (a fraction).
#: Statistics Canada / Open SDG: 1.5 %·C, 0.5 %·C and 0 (C scales only the
#: thresholds above 0, for an indicator with a natural limit).
STATCAN_NO_TARGET: Final = (
    band_from(Fraction(15, 1000), _S.ON_TRACK, _L.STATCAN_SUBSTANTIAL),
    band_from(Fraction(5, 1000), _S.NEEDS_ACCELERATION, _L.STATCAN_MODERATE),
    band_from(Fraction(0), _S.LIMITED, _L.STATCAN_LIMITED),
    band_rest(_S.REGRESSING, _L.STATCAN_DETERIORATION),
)
#: Eurostat: above 1 %, 0 to 1 %, −1 to 0 %, below −1 %.
EUROSTAT_NO_TARGET: Final = (
    band_above(Fraction(1, 100), _S.ON_TRACK, _L.EUROSTAT_SIGNIFICANT),
    band_from(Fraction(0), _S.NEEDS_ACCELERATION, _L.EUROSTAT_MODERATE),
    band_from(Fraction(-1, 100), _S.LIMITED, _L.EUROSTAT_MODERATE_AWAY),
    band_rest(_S.REGRESSING, _L.EUROSTAT_SIGNIFICANT_AWAY),
)
#: UNSD Progress Chart 2022: above 1 %, 0.5–1 %, −1 to 0.5 %, below −1 %.
UNSD2022_NO_TARGET: Final = (
    band_above(Fraction(1, 100), _S.ON_TRACK, _L.UNSD2022_SUBSTANTIAL),
    band_from(Fraction(5, 1000), _S.NEEDS_ACCELERATION, _L.UNSD2022_FAIR),
    band_from(Fraction(-1, 100), _S.LIMITED, _L.UNSD2022_LIMITED),
    band_rest(_S.REGRESSING, _L.UNSD2022_DETERIORATION),
)
#: UNSD 2023+ as EUSTAT's page applies it: 2 % and more, 0.5–2 %, below
#: 0.5 % (kttt splits the last class at 0: stagnation, then regression).
PROJECTION_NO_TARGET: Final = (
    band_from(Fraction(2, 100), _S.ON_TRACK, _L.PROJECTION_ON_TRACK),
    band_from(
        Fraction(5, 1000), _S.NEEDS_ACCELERATION, _L.PROJECTION_MODERATE
    ),
    band_from(Fraction(0), _S.LIMITED, _L.PROJECTION_STAGNATION),
    band_rest(_S.REGRESSING, _L.PROJECTION_REGRESSION),
)

#: The published bands of each method: with a target, without one.
#: Destatis judges a target without a number by the signs of its changes.
PUBLISHED: Final[dict[str, tuple[Sequence[Band], Sequence[Band]]]] = {
    "statcan": (STATCAN, STATCAN_NO_TARGET),
    "eurostat": (EUROSTAT, EUROSTAT_NO_TARGET),
    "unsd2022": (UNSD2022, UNSD2022_NO_TARGET),
    "projection": (PROJECTION, PROJECTION_NO_TARGET),
    "destatis": (DESTATIS, ()),
}


def _floors(
    bands: Sequence[Band], *, negate: bool = False
) -> tuple[float, ...]:
    sign = -1 if negate else 1
    return tuple(sign * b.floor for b in bands if b.floor is not None)


def _check(
    name: str, floors: tuple[float, ...], published: tuple[float, ...]
) -> None:
    if len(floors) != len(published):
        raise ValidationError(
            name, floors, f"the method has {len(published)} thresholds here"
        )
    if not isinstance(cast("object", floors), tuple):
        raise ValidationError(name, floors, "thresholds are a tuple")
    for floor in cast("tuple[object, ...]", floors):
        if isinstance(floor, bool) or not (
            isinstance(floor, int | float) and math.isfinite(floor)
        ):
            raise ValidationError(
                name, floors, "thresholds are finite numbers"
            )
    rising = all(a < b for a, b in itertools.pairwise(floors))
    falling = all(a > b for a, b in itertools.pairwise(floors))
    wanted_rising = len(published) > 1 and published[0] < published[1]
    if len(floors) > 1 and not (rising if wanted_rising else falling):
        order = "increasing" if wanted_rising else "decreasing"
        raise ValidationError(
            name, floors, f"thresholds are strictly {order}, best class first"
        )


def _with_floors(
    bands: Sequence[Band], floors: tuple[float, ...], *, negate: bool = False
) -> tuple[Band, ...]:
    sign = -1 if negate else 1
    moved = iter(floors)
    result: list[Band] = []
    for band in bands:
        if band.floor is None:
            result.append(band)
            continue
        floor = sign * next(moved)
        exact = Fraction(repr(float(floor)))
        result.append(band._replace(floor=float(floor), exact=exact))
    return tuple(result)


def _check_method(
    _: object, __: attrs.Attribute[Any] | None, value: object
) -> None:
    if value not in PUBLISHED:
        raise NotFoundError(
            "method", value, f"known methods: {', '.join(PUBLISHED)}"
        )


def _floats(value: Any) -> Any:
    # A list of thresholds becomes a tuple; anything else is left for
    # __attrs_post_init__ to refuse.
    given: object = value
    items = _data.as_list(given)
    return tuple(items) if items is not None else given


def _published_floors(
    method: str,
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    _check_method(None, None, method)
    with_target, without = PUBLISHED[method]
    return (
        _floors(with_target, negate=method == "destatis"),
        _floors(without),
    )


@attrs.frozen(kw_only=True)
class MethodSettings:
    """The thresholds between a method's classes, best class first.

    *target* holds the thresholds for targets with a number: on the ratio
    (StatCan, Eurostat, UNSD 2022: 0.95, 0.60, 0 …; the projection's
    0.95, 0.50, 0.10, −0.10), or for Destatis the shortfall limits of the
    sun and the sun behind cloud (0.05, 0.20). *no_target* holds those for
    targets without a number, on the observed compound growth per year
    (StatCan 0.015, 0.005, 0; Eurostat 0.01, 0, −0.01; UNSD 2022 0.01,
    0.005, −0.01; projection 0.02, 0.005, 0; Destatis none).

    >>> MethodSettings.published("statcan").target
    (0.95, 0.6, 0.0)
    >>> MethodSettings(method="statcan", target=(0.9, 0.5, 0.0)).target
    (0.9, 0.5, 0.0)

    Raises:
        KtttError: For an unknown method, or thresholds that are not as
            many as the method's, not finite or out of order.
    """

    #: The method's name (``"statcan"``, ``"eurostat"``...).
    method: str = attrs.field(validator=_check_method)
    #: Thresholds for targets with a number (default: the published).
    target: tuple[float, ...] = attrs.field(
        converter=_floats,
        default=attrs.Factory(
            lambda self: _published_floors(self.method)[0], takes_self=True
        ),
    )
    #: Thresholds for targets without a number (default: the published).
    no_target: tuple[float, ...] = attrs.field(
        converter=_floats,
        default=attrs.Factory(
            lambda self: _published_floors(self.method)[1], takes_self=True
        ),
    )

    def __attrs_post_init__(self) -> None:
        target, no_target = MethodSettings.published_floors(self.method)
        _check("target", self.target, target)
        _check("no_target", self.no_target, no_target)

    @staticmethod
    def published_floors(
        method: str,
    ) -> tuple[tuple[float, ...], tuple[float, ...]]:
        """Return the published thresholds of *method*: with, without target.

        Raises:
            NotFoundError: For an unknown method.
        """
        return _published_floors(method)

    @classmethod
    def published(cls, method: str) -> MethodSettings:
        """Return the published settings of *method*.

        Raises:
            NotFoundError: For an unknown method.
        """
        return cls(method=method)

    def bands(self) -> tuple[Band, ...]:
        """Return the bands for targets with a number, these thresholds in."""
        return _with_floors(
            PUBLISHED[self.method][0],
            self.target,
            negate=self.method == "destatis",
        )

    def no_target_bands(self) -> tuple[Band, ...]:
        """Return the bands for targets without a number."""
        return _with_floors(PUBLISHED[self.method][1], self.no_target)
