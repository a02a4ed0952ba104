"""Observed values of an indicator over the years, each with its source.

A `Series` holds the observations (`Observation`) of one indicator for
one scope (the country or a province) from one source, sorted by year.
Where sources disagree, the built-in national statistics keep one series
per source and name the primary one (`national_statistics`).
"""

from __future__ import annotations

import csv
import functools
import io
import math

from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from typing import Any

import attrs
import pendulum

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
from kttt.text import nfc


__all__ = [
    "Observation",
    "Series",
    "check_compatible",
    "fill_base",
    "national_series",
    "national_statistics",
]

#: The years an observation may belong to.
MIN_YEAR = 1900
MAX_YEAR = 2100


def _check_year(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not MIN_YEAR <= value <= MAX_YEAR
    ):
        raise ValidationError(
            attribute.name,
            value,
            f"a year is a whole number in {MIN_YEAR}–{MAX_YEAR}",
        )


def _check_value(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(attribute.name, value, "must be a number")
    if not math.isfinite(value):
        raise ValidationError(attribute.name, value, "must be finite")


@attrs.frozen(kw_only=True)
class Observation:
    """The value an indicator had in a year (at the end of it, for counts).

    >>> Observation(year=2024, value=33_335).value
    33335
    """

    #: The year the value belongs to.
    year: int = attrs.field(validator=_check_year)
    #: The value, in the indicator's unit.
    value: float = attrs.field(validator=_check_value)
    #: Where the value was published.
    source: Source | None = None
    #: When it was published (a preliminary figure for a year that has not
    #: ended is published within it).
    as_of: pendulum.Date | None = None
    #: Whether the value is projected under an assumption rather than
    #: observed (see `kttt.scenarios.project`).
    projected: bool = False

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
    indicator: Indicator
    #: The observations, sorted by year, one per year.
    observations: tuple[Observation, ...]
    #: The province observed (``None``: the whole country).
    scope: Province | None = None
    #: Which series this is when several sources disagree ("MPI/MoF").
    label: str | None = attrs.field(
        default=None, converter=attrs.converters.optional(nfc)
    )
    #: Whether this is the series to use by default.
    primary: bool = False

    def __attrs_post_init__(self) -> None:
        if self.label is not None and not self.label.strip():
            raise ValidationError("label", self.label, "must be non-blank")
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
            ValidationError: If two observations share a year or a value
                is outside the indicator's bounds.
        """
        return cls(
            indicator=indicator,
            observations=tuple(sorted(observations, key=_year)),
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
        """Return a series from ``{year: value}``, each citing *source*."""
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
        """Return the series cut after *year* (the observations up to it)."""
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
        IncompatibleSeriesError: Naming what differs.
    """
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

_STATISTICS = resources.files("kttt") / "data" / "statistics"
_FILE = "national.csv"
_COLUMNS = (
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


def national_statistics() -> dict[str, tuple[Series, ...]]:
    """Return the built-in national statistics 2013–2025.

    A mapping of indicator code to its series, the primary series first.

    >>> from kttt.series import national_statistics
    >>> stats = national_statistics()
    >>> [s.label for s in stats["cooperatives.count"]][:2]
    ['MPI/MoF', 'VCA']
    """
    return dict(_national())


def national_series(code: str, *, label: str | None = None) -> Series:
    """Return a built-in national series of indicator *code*.

    The primary one, or the one labelled *label* ("VCA", "GSO").

    Raises:
        NotFoundError: If there is no such series.
    """
    found = _national().get(code)
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


@functools.cache
def _national() -> dict[str, tuple[Series, ...]]:
    text = (_STATISTICS / _FILE).read_text(encoding="utf-8")
    try:
        return _parse_statistics(text)
    except KtttError as error:
        raise DataError(
            f"{_FILE}: {error.field}", error.value, error.rule, row=error.row
        ) from None


def _parse_statistics(text: str) -> dict[str, tuple[Series, ...]]:
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != _COLUMNS:
        raise DataError(
            "header", reader.fieldnames, f"columns are {', '.join(_COLUMNS)}"
        )
    groups: dict[tuple[str, str], list[Observation]] = {}
    primaries: dict[tuple[str, str], bool] = {}
    for number, row in enumerate(reader, start=1):
        try:
            key, primary, observation = _parse_row(row)
        except KtttError as error:
            raise error.at_row(number) from None
        if primaries.setdefault(key, primary) != primary:
            raise DataError(
                "primary",
                row["primary"],
                "the same for a whole series",
                row=number,
            )
        groups.setdefault(key, []).append(observation)
    result: dict[str, list[Series]] = {}
    for (code, label), observations in groups.items():
        series = Series.of(
            Indicator.get(code),
            observations,
            label=label,
            primary=primaries[code, label],
        )
        result.setdefault(code, []).append(series)
    return {
        code: _primary_first(code, found) for code, found in result.items()
    }


def _primary_first(code: str, found: list[Series]) -> tuple[Series, ...]:
    primary = [s for s in found if s.primary]
    if len(primary) != 1:
        raise DataError(
            "primary",
            code,
            "each indicator has exactly one primary series",
        )
    return (primary[0], *(s for s in found if not s.primary))


def _parse_row(
    row: Mapping[str, str],
) -> tuple[tuple[str, str], bool, Observation]:
    cells = {k: (v or "").strip() for k, v in row.items()}
    code, label = cells["indicator"], cells["series"]
    Indicator.get(code)
    if not label:
        raise DataError("series", label, "every row names its series")
    if cells["primary"] not in {"yes", "no"}:
        raise DataError("primary", cells["primary"], "'yes' or 'no'")
    try:
        year, value = int(cells["year"]), float(cells["value"])
    except ValueError:
        raise DataError(
            "year/value", (cells["year"], cells["value"]), "must be numbers"
        ) from None
    source = Source(
        document=cells["document"] or None,
        clause=cells["clause"] or None,
        title=cells["title"] or None,
        url=cells["url"] or None,
        retrieved=_date(cells["retrieved"], "retrieved"),
        note=cells["note"] or None,
    )
    observation = Observation(
        year=year,
        value=value,
        source=source,
        as_of=_date(cells["as_of"], "as_of"),
    )
    return (code, label), cells["primary"] == "yes", observation


def _date(text: str, field: str) -> pendulum.Date | None:
    if not text:
        return None
    try:
        parsed = pendulum.Date.fromisoformat(text)
    except ValueError:
        raise DataError(field, text, "an ISO date 'YYYY-MM-DD'") from None
    return pendulum.Date(parsed.year, parsed.month, parsed.day)
