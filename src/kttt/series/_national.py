"""The built-in national statistics: one series per indicator and source."""

from __future__ import annotations

import functools

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, cast

import attrs
import cattrs
import pendulum

from kttt import _data
from kttt._data import Dataset, Envelope, Row
from kttt.errors import DataError, KtttError, NotFoundError, ValidationError
from kttt.series._model import Observation, Series
from kttt.sources import Source
from kttt.targets import Indicator


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
    """Return the built-in national statistics 2012–2025.

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
