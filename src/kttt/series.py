"""Observed values of an indicator over the years, each with its source.

A `Series` holds the observations (`Observation`) of one indicator for
one scope (the country or a province) from one source, sorted by year.
Where sources disagree, the built-in national statistics keep one series
per source and name the primary one (`national_statistics`).
"""

from __future__ import annotations

import functools

from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Final, cast

import attrs
import cattrs
import pendulum

from kttt import _data
from kttt._data import Dataset, Envelope, Row
from kttt.errors import (
    DataError,
    IncompatibleSeriesError,
    KtttError,
    NotFoundError,
    ValidationError,
)
from kttt.geography import Province
from kttt.sources import Source
from kttt.targets import Indicator, Target


__all__ = [
    "FIRST_OBSERVED_YEAR",
    "LAST_OBSERVED_YEAR",
    "NATIONAL",
    "Observation",
    "Series",
    "check_compatible",
    "fill_base",
    "national_series",
    "national_statistics",
]

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
        _data.whole_number(None).check("year", year)
        return attrs.evolve(
            self,
            observations=tuple(o for o in self.observations if o.year <= year),
        )


def _year(observation: Observation) -> int:
    return observation.year


def check_compatible(target: Target, series: Series) -> None:
    """Raise unless *series* observes what *target* is set on.

    The indicator (code and unit) and the scope must be the same.

    Raises:
        ValidationError: If *target* is not a `Target` or *series* not a
            `Series`.
        IncompatibleSeriesError: Naming what differs.
    """
    _data.instance_of(Target).check("target", target)
    _data.instance_of(Series).check("series", series)
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


# --- built-in national statistics -----------------------------------------

#: The columns of the national statistics table, in order.
_COLUMNS: Final = (
    "indicator",
    "series",
    "primary",
    "year",
    "value",
    "as_of",
    "document",
    "clause",
    "title",
    "url",
    "retrieved",
    "note",
)


def _check_primary(
    _: object, attribute: attrs.Attribute[str], value: object
) -> None:
    if value not in {"yes", "no"}:
        raise ValidationError(attribute.name, value, "'yes' or 'no'")


@attrs.frozen(kw_only=True)
class _Line:
    """One row of the national statistics table; blank cells left out."""

    indicator: str
    series: str = attrs.field(validator=_data.text())
    primary: str = attrs.field(validator=_check_primary)
    year: int
    value: float
    as_of: pendulum.Date | None = None
    document: str | None = None
    clause: str | None = None
    title: str | None = None
    url: str | None = None
    retrieved: pendulum.Date | None = None
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.document is None and self.url is None:
            raise ValidationError(
                "url", None, "a row names its source's document or URL"
            )

    @property
    def key(self) -> tuple[str, str]:
        """The series the row belongs to: indicator code and label."""
        return self.indicator, self.series

    def observation(self) -> Observation:
        """Return the row as an observation of its indicator.

        Raises:
            KtttError: Naming the column of what is wrong.
        """
        Indicator.get(self.indicator).check(self.value)
        return Observation(
            year=self.year,
            value=self.value,
            source=Source(
                document=self.document,
                clause=self.clause,
                title=self.title,
                url=self.url,
                retrieved=self.retrieved,
                note=self.note,
            ),
            as_of=self.as_of,
        )


@functools.cache
def _converter() -> cattrs.Converter:
    return _data.new_converter()


def _cells(row: Row) -> dict[str, str]:
    """Return the row's cells that hold anything, stripped."""
    cells = cast("Mapping[str, str]", row.data)
    return {
        column: cell.strip() for column, cell in cells.items() if cell.strip()
    }


def _check_columns(envelope: Envelope) -> None:
    if not envelope.rows:
        raise DataError(
            "rows", 0, "the national statistics have rows", file=envelope.file
        )
    first = envelope.rows[0]
    columns = tuple(cast("Mapping[str, str]", first.data))
    if columns != _COLUMNS:
        raise DataError(
            "header",
            columns,
            f"columns are {', '.join(_COLUMNS)}",
            file=first.file,
        )


def _parse_national(
    envelope: Envelope,
) -> Mapping[str, tuple[Series, ...]]:
    """Read the national statistics: one series per indicator and label.

    Raises:
        DataError: Naming the file, and the row and column of what is
            wrong.
    """
    _check_columns(envelope)
    groups: dict[tuple[str, str], list[Observation]] = {}
    primaries: dict[tuple[str, str], bool] = {}
    for row in envelope:
        try:
            line, observation = _read_row(row, groups, primaries)
        except KtttError as error:
            raise row.locate(error) from None
        groups.setdefault(line.key, []).append(observation)
    result: dict[str, list[Series]] = {}
    for (code, label), observations in groups.items():
        series = Series.of(
            Indicator.get(code),
            observations,
            label=label,
            primary=primaries[code, label],
        )
        result.setdefault(code, []).append(series)
    with _data.reading(envelope.rows[0].file):
        return MappingProxyType(
            {
                code: _primary_first(code, found)
                for code, found in result.items()
            }
        )


def _read_row(
    row: Row,
    groups: Mapping[tuple[str, str], list[Observation]],
    primaries: dict[tuple[str, str], bool],
) -> tuple[_Line, Observation]:
    """Read a row, checking it against the rows before it.

    Raises:
        KtttError: Whose field is the column of what is wrong.
    """
    line = _data.structure(_converter(), _cells(row), _Line)
    observation = line.observation()
    primary = line.primary == "yes"
    if primaries.setdefault(line.key, primary) != primary:
        raise ValidationError(
            "primary", line.primary, "the same for a whole series"
        )
    if any(o.year == line.year for o in groups.get(line.key, ())):
        raise ValidationError(
            "year", line.year, "one observation per year of a series"
        )
    return line, observation


def _primary_first(code: str, found: list[Series]) -> tuple[Series, ...]:
    primary = [s for s in found if s.primary]
    if len(primary) != 1:
        raise ValidationError(
            "primary",
            code,
            "each indicator has exactly one primary series",
        )
    return (primary[0], *(s for s in found if not s.primary))


#: The built-in national statistics (``kttt/data/statistics/national.json``
#: and its table ``national.csv``): one observation per row.
NATIONAL: Final = Dataset("statistics/national.json", _parse_national)


def national_statistics() -> dict[str, tuple[Series, ...]]:
    """Return the built-in national statistics 2013–2025.

    A mapping of indicator code to its series, the primary series first.

    >>> from kttt.series import national_statistics
    >>> stats = national_statistics()
    >>> [s.label for s in stats["cooperatives.count"]][:2]
    ['MPI/MoF', 'VCA']
    """
    return dict(NATIONAL.load())


def national_series(code: str, *, label: str | None = None) -> Series:
    """Return a built-in national series of indicator *code*.

    The primary one, or the one labelled *label* ("VCA", "GSO").

    Raises:
        NotFoundError: If there is no such series.
    """
    text = isinstance(cast("object", code), str)
    found = NATIONAL.load().get(code) if text else None
    if found is None:
        raise NotFoundError(
            "indicator", code, "no built-in national series observes it"
        )
    if label is None:
        return found[0]
    for series in found:
        if series.label == label:
            return series
    labels = ", ".join(str(s.label) for s in found)
    raise NotFoundError("label", label, f"the series of {code} are: {labels}")
