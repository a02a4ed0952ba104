"""Strategies for indicators, targets, target sets and observed series."""

from __future__ import annotations

import math

from typing import Any

import attrs
import pendulum

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from kttt.errors import ValidationError
from kttt.geography import MERGE_DATE, Era, Province
from kttt.series import Observation, Series
from kttt.sources import Source
from kttt.strategies._base import labelled_enums
from kttt.strategies._geography import provinces
from kttt.targets import (
    Catalogue,
    Comparator,
    Direction,
    Indicator,
    Target,
    TargetForm,
    TargetSet,
    Tolerance,
    Unit,
)


#: How far an unbounded indicator's drawn values reach (either way).
_SPAN = 10**9
_WORDS = ("cooperatives", "groups", "members", "revenue", "share", "count")
_VI_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậềếểễệờớởỡợ"


_SOURCES = st.builds(
    Source,
    document=st.sampled_from(
        ["20-NQ/TW", "340/QĐ-TTg", "1318/QĐ-TTg", "155-CTr/TU"]
    ),
    clause=st.none() | st.sampled_from(["II.2", "Điều 1", "mục 2.1"]),
)


def _codes() -> st.SearchStrategy[str]:
    word = st.sampled_from(_WORDS)
    return st.lists(word, min_size=1, max_size=3).map(".".join)


def indicators(
    *,
    unit: Unit | None = None,
    direction: Direction | None = None,
) -> st.SearchStrategy[Indicator]:
    """Draw an `kttt.targets.Indicator`: a built-in one or a new one.

    Args:
        unit: Draw only indicators in this unit.
        direction: Draw only indicators with this desired direction.

    New indicators have the unit's natural bounds. Shrinks towards the
    first built-in indicator that fits.
    """
    builtin = [
        i
        for i in Catalogue.builtin()
        if unit in {None, i.unit} and direction in {None, i.direction}
    ]
    new = st.builds(
        Indicator,
        code=_codes(),
        label_vi=st.text(_VI_LETTERS, min_size=1, max_size=20),
        label_en=st.text(_VI_LETTERS + "xyz", min_size=1, max_size=20),
        unit=st.just(unit) if unit else labelled_enums(Unit),
        direction=st.just(direction)
        if direction
        else labelled_enums(Direction),
    )
    return st.sampled_from(builtin) | new if builtin else new


def comparators() -> st.SearchStrategy[Comparator]:
    """Draw a `kttt.targets.Comparator`, shrinking towards "about"."""
    return labelled_enums(Comparator)


def _whole_bounds(indicator: Indicator) -> tuple[int, int]:
    low = -_SPAN if indicator.lower is None else math.ceil(indicator.lower)
    high = _SPAN if indicator.upper is None else math.floor(indicator.upper)
    return low, high


def levels(indicator: Indicator) -> st.SearchStrategy[float]:
    """Draw a value *indicator* can take (a whole number for counts).

    Unbounded sides reach a billion; shrinks towards the lower bound (or 0).
    """
    if indicator.unit in {Unit.COUNT, Unit.PERSONS}:
        low, high = _whole_bounds(indicator)
        return st.integers(low, high).map(float)
    return st.floats(
        min_value=-_SPAN if indicator.lower is None else indicator.lower,
        max_value=_SPAN if indicator.upper is None else indicator.upper,
        allow_nan=False,
        allow_infinity=False,
    )


def tolerances() -> st.SearchStrategy[Tolerance]:
    """Draw a `kttt.targets.Tolerance`, shrinking towards ±5 %."""
    relative = st.floats(0.001, 0.5).map(lambda a: Tolerance(amount=a))
    absolute = st.floats(0.01, 1000.0).map(
        lambda a: Tolerance(amount=a, absolute=True)
    )
    return st.just(Tolerance(amount=0.05)) | relative | absolute


def _allowed(
    indicator: Indicator, form: TargetForm, *, directional: bool = False
) -> list[Comparator]:
    allowed = [c for c in Comparator if c.needs_value]
    if form is TargetForm.LEVEL and directional:
        allowed.append(
            Comparator.INCREASE
            if indicator.direction is Direction.INCREASE
            else Comparator.DECREASE
        )
        if indicator.direction is Direction.DECREASE and indicator.lower == 0:
            allowed.append(Comparator.NONE_LEFT)
        if (
            indicator.direction is Direction.INCREASE
            and indicator.unit is Unit.PERCENT
        ):
            allowed.append(Comparator.ALL)
    return allowed


def _scopes(
    scope: st.SearchStrategy[Province | None] | None,
) -> st.SearchStrategy[Province | None]:
    return st.none() | provinces() if scope is None else scope


@st.composite
def targets(  # noqa: C901, PLR0912, D417 - one branch per form; draw is Hypothesis'.
    draw: st.DrawFn,
    *,
    indicator: Indicator | None = None,
    comparator: Comparator | None = None,
    form: TargetForm | None = None,
    scope: st.SearchStrategy[Province | None] | None = None,
    directional: bool = False,
) -> Target:
    """Draw a valid `kttt.targets.Target`.

    Args:
        indicator: The indicator; drawn by `indicators` by default.
        comparator: The comparator; drawn among those the indicator and
            form allow by default.
        form: Level, increment or growth rate; drawn by default.
        scope: A strategy for the scope; national or a province by default.
        directional: Also draw targets without a number ("tăng", "giảm"),
            which have no level to compare a value with.

    Raises:
        hypothesis.errors.InvalidArgument: If *comparator* does not fit the
            indicator and form (when drawn).
    """
    chosen = indicator if indicator is not None else draw(indicators())
    shape = form if form is not None else draw(labelled_enums(TargetForm))
    allowed = _allowed(
        chosen, shape, directional=directional or comparator is not None
    )
    if comparator is not None and comparator not in allowed:
        raise InvalidArgument(
            f"a {shape.value} target on {chosen.code} cannot be "
            f"'{comparator.value}'"
        )
    how = (
        comparator
        if comparator is not None
        else draw(st.sampled_from(allowed))
    )
    horizon = draw(st.integers(2001, 2100))
    base_year: int | None = None
    base_value: float | None = None
    value: float | None = None
    upper: float | None = None
    if shape is not TargetForm.LEVEL or draw(st.booleans()):
        base_year = draw(st.integers(2000, horizon - 1))
    if shape is TargetForm.GROWTH_RATE:
        value = draw(st.floats(-99.0, 100.0))
        if how is Comparator.BETWEEN:
            upper = draw(st.floats(value, 200.0, exclude_min=True))
        if draw(st.booleans()):
            base_value = draw(levels(chosen))
    elif shape is TargetForm.INCREMENT:
        low, high = _whole_bounds(chosen)
        base = draw(st.integers(low, high))
        level = draw(st.integers(low, high - 1))
        value = float(level - base)
        if how is Comparator.BETWEEN:
            upper = float(draw(st.integers(level + 1, high)) - base)
        if draw(st.booleans()):
            base_value = float(base)
    elif how.needs_value:
        if how is Comparator.BETWEEN:
            low, high = _whole_bounds(chosen)
            bottom = draw(st.integers(low, high - 1))
            value = float(bottom)
            upper = float(draw(st.integers(bottom + 1, high)))
        else:
            value = draw(levels(chosen))
        if base_year is not None and draw(st.booleans()):
            base_value = draw(levels(chosen))
    elif how in {Comparator.ALL, Comparator.NONE_LEFT} and draw(st.booleans()):
        # Documents often write the 100 or the 0 beside "all"/"none left".
        value = chosen.upper if how is Comparator.ALL else 0.0
    tolerance = draw(tolerances()) if how is Comparator.ABOUT else None
    fields: dict[str, Any] = {
        "indicator": chosen,
        "comparator": how,
        "value": value,
        "upper": upper,
        "horizon": horizon,
        "scope": draw(_scopes(scope)),
        "form": shape,
        "base_year": base_year,
        "base_value": base_value,
        "source": draw(_SOURCES),
        "text_vi": draw(
            st.none() | st.text(_VI_LETTERS, min_size=1, max_size=40)
        ),
    }
    try:
        return Target(tolerance=tolerance, **fields)
    except ValidationError as error:
        if error.field != "tolerance":
            raise
        # 'About' a small count: only an absolute tolerance says "about".
        return Target(tolerance=Tolerance(amount=1, absolute=True), **fields)


@st.composite
def target_sets(
    draw: st.DrawFn,
    *,
    scope: st.SearchStrategy[Province | None] | None = None,
    min_size: int = 1,
    max_size: int = 5,
    directional: bool = False,
) -> TargetSet:
    """Draw a valid `kttt.targets.TargetSet`.

    It has *min_size* to *max_size* targets, each on a different indicator,
    all with the set's scope (drawn from *scope*, national or a province by
    default), maybe an adopted date on which the scope existed and a
    default tolerance that some of its "about" targets take; with
    *directional*, targets without a number may be drawn.
    """
    where = draw(_scopes(scope))
    measured = draw(
        st.lists(
            indicators(),
            min_size=min_size,
            max_size=max_size,
            unique_by=lambda i: i.code,
        )
    )
    chosen = [
        draw(
            targets(indicator=i, scope=st.just(where), directional=directional)
        )
        for i in measured
    ]
    default = draw(st.none() | tolerances())
    if default is not None:
        # Some "about" targets take the set's tolerance, as a file's would.
        chosen = [
            _inherit(target, default) if draw(st.booleans()) else target
            for target in chosen
        ]
    return TargetSet(
        code=draw(st.sampled_from(["20-NQ/TW", "155-CTr/TU", "12-KH/UBND"])),
        title=draw(st.text(_VI_LETTERS, min_size=1, max_size=30)),
        source=draw(_SOURCES),
        scope=where,
        adopted=draw(st.none() | _dates_of(where)),
        tolerance=default,
        targets=tuple(chosen),
    )


def _inherit(target: Target, tolerance: Tolerance) -> Target:
    """Return *target* with the set's *tolerance*, if it is "about" one."""
    if target.comparator is not Comparator.ABOUT:
        return target
    try:
        return attrs.evolve(target, tolerance=tolerance)
    except ValidationError:
        return target


def _dates_of(
    scope: Province | None,
) -> st.SearchStrategy[pendulum.Date]:
    """Draw a day on which *scope* existed (any day for the country)."""
    first, last = pendulum.Date(2000, 1, 1), pendulum.Date(2040, 12, 31)
    if scope is not None and scope.era is Era.PRE_2025:
        last = MERGE_DATE.subtract(days=1)
    elif scope is not None:
        first = MERGE_DATE
    return st.dates(first, last).map(
        lambda day: pendulum.Date(day.year, day.month, day.day)
    )


_AS_OF_DELAY = st.none() | st.integers(0, 729)
_OPTIONAL_SOURCES = st.none() | _SOURCES


def _observation(
    draw: st.DrawFn, year: int, values: st.SearchStrategy[float]
) -> Observation:
    delay = draw(_AS_OF_DELAY)
    return Observation(
        year=year,
        value=draw(values),
        source=draw(_OPTIONAL_SOURCES),
        as_of=None
        if delay is None
        else pendulum.Date(year, 1, 1).add(days=delay),
    )


@st.composite
def observations(  # noqa: D417 - draw is Hypothesis'
    draw: st.DrawFn,
    *,
    indicator: Indicator | None = None,
    year: int | None = None,
) -> Observation:
    """Draw an `kttt.series.Observation`.

    Args:
        indicator: Draw a value this indicator can take (any finite value
            by default).
        year: The year; drawn in 1990–2050 by default.

    The publication date, when drawn, falls in the year or the next.
    """
    values = (
        levels(indicator)
        if indicator is not None
        else st.floats(allow_nan=False, allow_infinity=False)
    )
    when = year if year is not None else draw(st.integers(1990, 2050))
    return _observation(draw, when, values)


@st.composite
def series(  # noqa: D417 - draw is Hypothesis'
    draw: st.DrawFn,
    *,
    indicator: Indicator | None = None,
    min_size: int = 0,
    max_size: int = 8,
    scope: st.SearchStrategy[Province | None] | None = None,
    first_year: int = 2000,
    last_year: int = 2030,
) -> Series:
    """Draw a valid `kttt.series.Series`.

    Its years are distinct and its values within the indicator's bounds.

    Args:
        indicator: The indicator observed; drawn by `indicators` by default.
        min_size: The fewest observations.
        max_size: The most observations.
        scope: A strategy for the scope; national or a province by default.
        first_year: The earliest year drawn.
        last_year: The latest year drawn.
    """
    chosen = indicator if indicator is not None else draw(indicators())
    years = draw(
        st.lists(
            st.integers(first_year, last_year),
            min_size=min_size,
            max_size=max_size,
            unique=True,
        )
    )
    values = levels(chosen)
    return Series.of(
        chosen,
        [_observation(draw, year, values) for year in years],
        scope=draw(_scopes(scope)),
        label=draw(st.none() | st.sampled_from(["MPI/MoF", "VCA", "GSO"])),
        primary=draw(st.booleans()),
    )
