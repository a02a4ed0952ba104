"""The classes of each method: thresholds, labels, and classification.

Values are classified in floating point.
A value computed from observations by additions and divisions only (a
ratio of linear changes, a Destatis shortfall) is a rational number that
may sit exactly on a threshold (0.95, 5 %); there the float could fall on
either side by rounding, so such a value within `EDGE` of a threshold is
recomputed exactly (with `fractions.Fraction`) before it is classified.
Compound growth rates are irrational: rounding (about 1e-16) is far below
any data's precision and no exact value exists to recompute.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import NamedTuple

from kttt.progress._labels import MethodLabel, ProgressStatus


#: How close to a threshold a float value is recomputed exactly.
EDGE = 1e-9

_S = ProgressStatus
_L = MethodLabel


class Band(NamedTuple):
    """A class of a method: values from *floor* up (inclusive or not)."""

    #: The lowest value of the class (``None``: every value below).
    floor: float | None
    #: The same floor as an exact fraction.
    exact: Fraction | None
    #: Whether *floor* itself belongs to the class.
    inclusive: bool
    status: ProgressStatus
    label: MethodLabel


# Runs only at import (building tables or fields), before mutmut sets a
# mutant: mutmut cannot test it; what it builds is tested.
# pragma: no mutate start
def band_from(
    floor: Fraction, status: ProgressStatus, label: MethodLabel
) -> Band:
    """Return the band of values from *floor* up, *floor* included."""
    return Band(
        float(floor), floor, inclusive=True, status=status, label=label
    )


def band_above(
    floor: Fraction, status: ProgressStatus, label: MethodLabel
) -> Band:
    """Return the band of values above *floor*, *floor* excluded."""
    return Band(
        float(floor), floor, inclusive=False, status=status, label=label
    )


def band_rest(status: ProgressStatus, label: MethodLabel) -> Band:
    """Return the band of every value below the other bands."""
    return Band(None, None, inclusive=True, status=status, label=label)


# pragma: no mutate end
def classify(
    value: float,
    bands: Sequence[Band],
    exact: Callable[[], Fraction] | None = None,
) -> tuple[Band, float]:
    """Return the band of *value* and the value it was classified by.

    *exact* computes the exact value; it is called only when *value* lies
    within `EDGE` of a threshold, and the float returned is then the exact
    value rounded once.
    """
    if exact is not None and any(
        b.floor is not None and abs(value - b.floor) <= EDGE for b in bands
    ):
        precise = exact()
        return _band_of(precise, bands, exact=True), float(precise)
    return _band_of(value, bands, exact=False), value


def _band_of(
    value: float | Fraction, bands: Sequence[Band], *, exact: bool
) -> Band:
    for band in bands:
        floor = band.exact if exact else band.floor
        if (
            floor is None
            or value > floor
            or (band.inclusive and value == floor)
        ):
            return band
    raise AssertionError(bands)  # the last band has no floor


class Labels(NamedTuple):
    """A method's labels for the verdicts outside its bands."""

    achieved: MethodLabel
    missed: MethodLabel
    insufficient: MethodLabel
    #: Labels for "moving towards", "not moving" and "moving away" when the
    #: base value equals the goal, so no ratio exists.
    towards: MethodLabel
    still: MethodLabel
    away: MethodLabel


# --- thresholds (see docs/guides/methods.md for the sources) ---------------

STATCAN = (
    band_from(Fraction(95, 100), _S.ON_TRACK, _L.STATCAN_SUBSTANTIAL),
    band_from(Fraction(60, 100), _S.NEEDS_ACCELERATION, _L.STATCAN_MODERATE),
    band_from(Fraction(0), _S.LIMITED, _L.STATCAN_LIMITED),
    band_rest(_S.REGRESSING, _L.STATCAN_DETERIORATION),
)
STATCAN_LABELS = Labels(
    _L.STATCAN_ACHIEVED,
    _L.STATCAN_MISSED,
    _L.STATCAN_NOT_AVAILABLE,
    _L.STATCAN_SUBSTANTIAL,
    _L.STATCAN_LIMITED,
    _L.STATCAN_DETERIORATION,
)
EUROSTAT = (
    band_from(Fraction(95, 100), _S.ON_TRACK, _L.EUROSTAT_SIGNIFICANT),
    band_from(Fraction(60, 100), _S.NEEDS_ACCELERATION, _L.EUROSTAT_MODERATE),
    band_from(Fraction(0), _S.LIMITED, _L.EUROSTAT_INSUFFICIENT),
    band_rest(_S.REGRESSING, _L.EUROSTAT_AWAY),
)
EUROSTAT_LABELS = Labels(
    _L.EUROSTAT_ACHIEVED,
    _L.EUROSTAT_MISSED,
    _L.EUROSTAT_NOT_ASSESSED,
    _L.EUROSTAT_SIGNIFICANT,
    _L.EUROSTAT_INSUFFICIENT,
    _L.EUROSTAT_AWAY,
)
UNSD2022 = (
    band_above(Fraction(95, 100), _S.ON_TRACK, _L.UNSD2022_SUBSTANTIAL),
    band_from(Fraction(50, 100), _S.NEEDS_ACCELERATION, _L.UNSD2022_FAIR),
    band_from(Fraction(-10, 100), _S.LIMITED, _L.UNSD2022_LIMITED),
    band_rest(_S.REGRESSING, _L.UNSD2022_DETERIORATION),
)
UNSD2022_LABELS = Labels(
    _L.UNSD2022_ACHIEVED,
    _L.UNSD2022_MISSED,
    _L.UNSD2022_INSUFFICIENT,
    _L.UNSD2022_SUBSTANTIAL,
    _L.UNSD2022_LIMITED,
    _L.UNSD2022_DETERIORATION,
)
PROJECTION = (
    band_from(Fraction(95, 100), _S.ON_TRACK, _L.PROJECTION_ON_TRACK),
    band_from(
        Fraction(50, 100),
        _S.NEEDS_ACCELERATION,
        _L.PROJECTION_MODERATE,
    ),
    band_from(Fraction(10, 100), _S.LIMITED, _L.PROJECTION_MARGINAL),
    band_from(Fraction(-10, 100), _S.LIMITED, _L.PROJECTION_STAGNATION),
    band_rest(_S.REGRESSING, _L.PROJECTION_REGRESSION),
)
PROJECTION_LABELS = Labels(
    _L.PROJECTION_ACHIEVED,
    _L.PROJECTION_MISSED,
    _L.PROJECTION_INSUFFICIENT,
    _L.PROJECTION_ON_TRACK,
    _L.PROJECTION_STAGNATION,
    _L.PROJECTION_REGRESSION,
)
#: Destatis bands on the *negated* shortfall ``−m``: sun for m < 5 %, sun
#: behind cloud for 5 % ≤ m ≤ 20 %, cloud above (when moving the right way).
DESTATIS = (
    band_above(Fraction(-5, 100), _S.ON_TRACK, _L.DESTATIS_SUN),
    band_from(
        Fraction(-20, 100),
        _S.NEEDS_ACCELERATION,
        _L.DESTATIS_SUN_CLOUD,
    ),
    band_rest(_S.LIMITED, _L.DESTATIS_CLOUD),
)
DESTATIS_LABELS = Labels(
    _L.DESTATIS_SUN,
    _L.DESTATIS_MISSED,
    _L.DESTATIS_NOT_ASSESSED,
    _L.DESTATIS_SUN,
    _L.DESTATIS_THUNDERSTORM,
    _L.DESTATIS_THUNDERSTORM,
)
