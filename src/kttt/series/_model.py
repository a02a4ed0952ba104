"""Observations and series: the values of an indicator over the years."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Final, cast

import attrs
import pendulum

from kttt import _data
from kttt.errors import (
    IncompatibleSeriesError,
    NotFoundError,
    ValidationError,
)
from kttt.geography import Province
from kttt.series import _views
from kttt.sources import Source
from kttt.targets import Indicator, Target


if TYPE_CHECKING:
    import pandas as pd

#: The first year an observation may belong to.
FIRST_OBSERVED_YEAR: Final = 1900
#: The last year an observation may belong to.
LAST_OBSERVED_YEAR: Final = 2100


@attrs.frozen(kw_only=True)
class Observation:
    """The value an indicator had in a year (at the end of it, for counts).

    >>> Observation(year=2024, value=33_335).value
    33335
    """

    #: The year the value belongs to.
    year: int = attrs.field(
        validator=_data.year_in(FIRST_OBSERVED_YEAR, LAST_OBSERVED_YEAR)
    )
    #: The value, in the indicator's unit.
    value: float = attrs.field(validator=_data.finite())
    #: Where the value was published.
    source: Source | None = attrs.field(
        default=None,
        validator=_data.optional(
            _data.instance_of(Source, "must be a Source")
        ),
    )
    #: When it was published (a preliminary figure for a year that has not
    #: ended is published within it).
    as_of: pendulum.Date | None = attrs.field(
        default=None, validator=_data.optional(_data.date())
    )
    #: Whether the value is projected under an assumption rather than
    #: observed (see `kttt.scenarios.project`).
    projected: bool = attrs.field(default=False, validator=_data.flag())

    def __attrs_post_init__(self) -> None:
        if self.as_of is not None and self.as_of.year < self.year:
            raise ValidationError(
                "as_of",
                self.as_of,
                f"a value for {self.year} cannot be published before it",
            )


@attrs.frozen(kw_only=True)
class Series:
    """The observations of one indicator, strictly increasing in year.

    Build one with `Series.of` (which sorts) or `Series.from_values`:

    >>> from kttt.targets import Indicator
    >>> series = Series.from_values(
    ...     Indicator.get("cooperatives.count"), {2021: 27_342, 2020: 26_040}
    ... )
    >>> series.years, series.latest().value
    ((2020, 2021), 27342)
    """

    #: What is observed.
    indicator: Indicator = attrs.field(
        validator=_data.instance_of(Indicator, "must be an Indicator")
    )
    #: The observations, sorted by year, one per year.
    observations: tuple[Observation, ...] = attrs.field(
        validator=_data.tuple_of(Observation)
    )
    #: The province observed (``None``: the whole country).
    scope: Province | None = attrs.field(
        default=None,
        validator=_data.optional(
            _data.instance_of(Province, "must be a Province or None")
        ),
    )
    #: Which series this is when several sources disagree ("MPI/MoF").
    label: str | None = attrs.field(
        default=None,
        converter=_data.nfc_text,
        validator=_data.optional(_data.text()),
    )
    #: Whether this is the series to use by default.
    primary: bool = attrs.field(default=False, validator=_data.flag())

    def __attrs_post_init__(self) -> None:
        previous: int | None = None
        for index, observation in enumerate(self.observations):
            if previous is not None and observation.year <= previous:
                rule = (
                    "one observation per year"
                    if observation.year == previous
                    else "observations are sorted by year; use Series.of"
                )
                raise ValidationError(
                    f"observations[{index}].year", observation.year, rule
                )
            previous = observation.year
            self.indicator.check(
                observation.value, f"observations[{index}].value"
            )

    @classmethod
    def of(
        cls,
        indicator: Indicator,
        observations: Iterable[Observation],
        *,
        scope: Province | None = None,
        label: str | None = None,
        primary: bool = False,
    ) -> Series:
        """Return a series of *observations* in any order (sorted by year).

        Raises:
            ValidationError: If *observations* holds something other than
                observations, two of them share a year or a value is
                outside the indicator's bounds.
        """
        items = _data.items_of("observations", observations, Observation)
        return cls(
            indicator=indicator,
            observations=tuple(sorted(items, key=_year)),
            scope=scope,
            label=label,
            primary=primary,
        )

    @classmethod
    def from_values(
        cls,
        indicator: Indicator,
        values: Mapping[int, float],
        *,
        source: Source | None = None,
        scope: Province | None = None,
        label: str | None = None,
        primary: bool = False,
    ) -> Series:
        """Return a series from ``{year: value}``, each citing *source*.

        Raises:
            ValidationError: If *values* is not a mapping, or as `of` and
                `Observation` do.
        """
        if not isinstance(cast("object", values), Mapping):
            raise ValidationError("values", values, "must be {year: value}")
        return cls.of(
            indicator,
            (
                Observation(year=year, value=value, source=source)
                for year, value in values.items()
            ),
            scope=scope,
            label=label,
            primary=primary,
        )

    def __len__(self) -> int:
        return len(self.observations)

    def __iter__(self) -> Iterator[Observation]:
        return iter(self.observations)

    def __contains__(self, year: object) -> bool:
        return any(o.year == year for o in self.observations)

    @property
    def years(self) -> tuple[int, ...]:
        """The years observed, earliest first."""
        return tuple(o.year for o in self.observations)

    @property
    def values(self) -> tuple[float, ...]:
        """The values, in year order."""
        return tuple(o.value for o in self.observations)

    def latest(self) -> Observation:
        """Return the observation of the latest year.

        Raises:
            NotFoundError: If the series is empty.
        """
        if not self.observations:
            raise NotFoundError(
                "observations", (), "the series has no observation"
            )
        return self.observations[-1]

    def at(self, year: int) -> Observation:
        """Return the observation of *year*.

        Raises:
            NotFoundError: If *year* was not observed.
        """
        for observation in self.observations:
            if observation.year == year:
                return observation
        raise NotFoundError(
            "year", year, f"observed years are {list(self.years)}"
        )

    def until(self, year: int) -> Series:
        """Return the series cut after *year* (the observations up to it).

        Raises:
            ValidationError: If *year* is not a whole number.
        """
        _WHOLE.check("year", year)
        return attrs.evolve(
            self,
            observations=tuple(o for o in self.observations if o.year <= year),
        )

    # --- notebooks -----------------------------------------------------------

    def to_dataframe(self, lang: str = "vi") -> pd.DataFrame:
        """Return the observations as a DataFrame, one row per year.

        Columns: ``indicator`` (its code), ``name`` (its label in *lang*),
        ``series`` (`label`), ``primary``, ``scope`` and ``scope_era`` (the
        province's code and era, empty when national), ``year`` (int64),
        ``value`` (float64), ``projected`` (bool), ``as_of``
        (datetime64), and the `kttt.sources.Source` of each value in
        ``source_document``, ``source_clause``, ``source_title``,
        ``source_url``, ``source_retrieved`` (datetime64) and
        ``source_note``. Text columns are ``string``.
        `from_dataframe` reads it back to an equal series.

        Raises:
            NotFoundError: Without pandas (``pip install 'kttt[pandas]'``).
            ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
        """
        return _views.to_dataframe([self], lang)

    @classmethod
    def from_dataframe(
        cls,
        frame: pd.DataFrame,
        indicator: Indicator | None = None,
        *,
        scope: Province | None = None,
        label: str | None = None,
        primary: bool | None = None,
    ) -> Series:
        """Read a series from a DataFrame, one row per year in any order.

        ``year`` and ``value`` are required; the other columns of
        `to_dataframe` are optional (``name`` is not read). The indicator
        comes from *indicator* or from the ``indicator`` column (a code of
        the built-in catalogue); *scope*, *label* and *primary* from the
        arguments or from the ``scope``/``scope_era``, ``series`` and
        ``primary`` columns. A column and an argument must agree, and a
        column describing the series holds one value in every row.

        Raises:
            NotFoundError: Without pandas (``pip install 'kttt[pandas]'``)
                or for an unknown indicator or province.
            KtttError: Naming the row (counted from 1) and the column of
                a cell that is not of its column's type, an unknown column,
                a year given twice, or a value the indicator cannot take.
        """
        return _views.from_dataframe(
            frame, indicator, scope=scope, label=label, primary=primary
        )

    def __repr__(self) -> str:
        return _views.short(self)

    def _repr_html_(self) -> str:
        return _views.html(self)


def _year(observation: Observation) -> int:
    return observation.year


_IS_TARGET: Final = _data.instance_of(Target)
_IS_SERIES: Final = _data.instance_of(Series)
_WHOLE: Final = _data.whole_number(None)


def check_compatible(target: Target, series: Series) -> None:
    """Raise unless *series* observes what *target* is set on.

    The indicator (code and unit) and the scope must be the same.

    Raises:
        ValidationError: If *target* is not a `Target` or *series* not a
            `Series`.
        IncompatibleSeriesError: Naming what differs.
    """
    _IS_TARGET.check("target", target)
    _IS_SERIES.check("series", series)
    wanted, observed = target.indicator, series.indicator
    if observed.code != wanted.code:
        raise IncompatibleSeriesError(
            "series.indicator",
            observed.code,
            f"the target is set on {wanted.code}",
        )
    if observed.unit is not wanted.unit:
        raise IncompatibleSeriesError(
            "series.indicator.unit",
            observed.unit.value,
            f"the target's indicator is in {wanted.unit.value}",
        )
    if series.scope != target.scope:
        raise IncompatibleSeriesError(
            "series.scope",
            series.scope,
            f"the target is set for {target.scope or 'the whole country'}",
        )


def fill_base(target: Target, series: Series) -> Target:
    """Return *target* with its base value read from *series*.

    A target without a base year, or with a base value already, is
    returned unchanged.

    Raises:
        IncompatibleSeriesError: If the series observes something else.
        NotFoundError: If the series has no value for the base year.
    """
    check_compatible(target, series)
    if target.base_year is None or target.base_value is not None:
        return target
    return target.with_base(series.at(target.base_year).value)
