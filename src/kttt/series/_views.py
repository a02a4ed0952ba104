"""Series as DataFrames and as HTML: one row per observation."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from kttt import _display, _frames
from kttt._frames import Column, Kind
from kttt.errors import KtttError, ValidationError
from kttt.geography import Era, Province
from kttt.sources import Source
from kttt.targets import Indicator


if TYPE_CHECKING:
    import pandas as pd

    from kttt.series import Observation, Series


#: The fields of a `Source`, each written in a column ``source_<field>``.
_SOURCE_FIELDS = ("document", "clause", "title", "url", "retrieved", "note")

#: The columns of a series frame, in order.
COLUMNS: tuple[Column, ...] = (
    Column("indicator", Kind.TEXT),
    Column("name", Kind.TEXT),
    Column("series", Kind.TEXT),
    Column("primary", Kind.BOOL),
    Column("scope", Kind.TEXT),
    Column("scope_era", Kind.TEXT),
    Column("year", Kind.INT),
    Column("value", Kind.FLOAT),
    Column("projected", Kind.BOOL),
    Column("as_of", Kind.DATE),
    *(
        Column(
            f"source_{name}",
            Kind.DATE if name == "retrieved" else Kind.TEXT,
        )
        for name in _SOURCE_FIELDS
    ),
)
_KINDS = {column.name: column.kind for column in COLUMNS}
#: The columns that describe the whole series: one value in every row.
_WHOLE = ("indicator", "series", "primary", "scope", "scope_era")
_RULE = f"the columns are {', '.join(_KINDS)} (name is not read)"


def rows(series: Series, lang: str) -> Iterable[tuple[object, ...]]:
    """Yield one row of `COLUMNS` per observation of *series*."""
    indicator, scope = series.indicator, series.scope
    head = (
        indicator.code,
        indicator.label(lang),
        series.label,
        series.primary,
        None if scope is None else scope.code,
        None if scope is None else scope.era.value,
    )
    for observation in series:
        source = observation.source
        yield (
            *head,
            observation.year,
            observation.value,
            observation.projected,
            observation.as_of,
            *(
                None if source is None else getattr(source, name)
                for name in _SOURCE_FIELDS
            ),
        )


def to_dataframe(series: Iterable[Series], lang: str) -> pd.DataFrame:
    """Return the observations of every series, one row each."""
    _frames.check_lang(lang)
    return _frames.frame(
        COLUMNS, (row for one in series for row in rows(one, lang))
    )


def statistics_frame(
    statistics: Mapping[str, Series | Sequence[Series]] | Iterable[Series],
    *,
    lang: str = "vi",
) -> pd.DataFrame:
    """Return every observation of several series as one DataFrame.

    *statistics* is what `national_statistics` returns (each indicator's
    series, the primary first) or any iterable of series. The columns are
    those of `Series.to_dataframe`; ``series`` and ``primary`` tell the
    series of one indicator apart.

    Raises:
        NotFoundError: Without pandas (``pip install 'kttt[pandas]'``).
        ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
    """
    found: list[Series] = []
    values = cast(
        "Iterable[Series | Sequence[Series]]",
        statistics.values() if isinstance(statistics, Mapping) else statistics,
    )
    for value in values:
        if isinstance(value, Sequence):
            found.extend(value)
        else:
            found.append(value)
    return to_dataframe(found, lang)


def from_dataframe(
    data: object,
    indicator: Indicator | None,
    *,
    scope: Province | None,
    label: str | None,
    primary: bool | None,
) -> Series:
    """Read a series from a frame written by `to_dataframe` (see there)."""
    from kttt.series import Series  # noqa: PLC0415 - the room's own model

    whole: dict[str, object] = {}
    observations: list[Observation] = []
    years: dict[int, int] = {}
    columns: set[str] = set()
    for number, cells in _frames.records(
        data, _KINDS.get, required=("year", "value"), rule=_RULE
    ):
        columns = set(cells)
        _check_whole(whole, cells, number)
        with _frames.at_row(number, columns):
            observation = _observation(cells)
            chosen = _indicator(indicator, whole.get("indicator"))
            chosen.check(observation.value, "value")
        earlier = years.setdefault(observation.year, number)
        if earlier != number:
            raise ValidationError(
                "year",
                observation.year,
                f"one observation per year (also in row {earlier})",
                row=number,
                column="year",
            )
        observations.append(observation)
    try:
        return Series.of(
            _indicator(indicator, whole.get("indicator")),
            observations,
            scope=_scope(scope, whole),
            label=_given(label, whole.get("series"), "series"),
            primary=bool(_given(primary, whole.get("primary"), "primary")),
        )
    except KtttError as error:
        column = error.field if error.field in columns else error.column
        raise error.located(column=column) from None


def _check_whole(
    whole: dict[str, object], cells: Mapping[str, object], number: int
) -> None:
    """Check the columns describing the whole series against row 1's."""
    for name in _WHOLE:
        if name not in cells:
            continue
        first = whole.setdefault(name, cells[name])
        if cells[name] != first:
            raise ValidationError(
                name,
                cells[name],
                f"one series per frame: every row has {first!r}",
                row=number,
                column=name,
            )


def _observation(cells: Mapping[str, Any]) -> Observation:
    from kttt.series import Observation  # noqa: PLC0415 - the room's own model

    sourced = {name: cells.get(f"source_{name}") for name in _SOURCE_FIELDS}
    try:
        source = (
            Source(**sourced)
            if any(v is not None for v in sourced.values())
            else None
        )
    except KtttError as error:
        field = error.field if error.field in _SOURCE_FIELDS else "document"
        raise error.located(column=f"source_{field}") from None
    return Observation(
        year=cells["year"],
        value=cells["value"],
        source=source,
        as_of=cells.get("as_of"),
        projected=bool(cells.get("projected") or False),
    )


def _indicator(given: Indicator | None, code: object) -> Indicator:
    if given is None:
        if code is None:
            raise ValidationError(
                "indicator",
                None,
                "name the indicator: an indicator column or indicator=",
            )
        with _frames.in_column("indicator"):
            return Indicator.get(str(code))
    if code is not None and code != given.code:
        raise ValidationError(
            "indicator", code, f"the series observes {given.code}"
        )
    return given


def _given(value: object, column: object, name: str) -> Any:
    """Return the argument *value*, or the column's, which must agree."""
    if value is None:
        return column
    if column is not None and column != value:
        raise ValidationError(name, column, f"the argument says {value!r}")
    return value


def _scope(
    given: Province | None, whole: Mapping[str, object]
) -> Province | None:
    code, era = whole.get("scope"), whole.get("scope_era")
    with _frames.in_column("scope"):
        found = (
            None
            if code is None
            else Province.get(
                str(code), era=None if era is None else Era.parse(str(era))
            )
        )
    scope: Province | None = _given(given, found, "scope")
    return scope


# --- display ----------------------------------------------------------------


def short(series: Series) -> str:
    """Return the short ``repr`` of *series*."""
    parts = [series.indicator.code]
    if series.scope is not None:
        parts.append(f"in {series.scope.code}/{series.scope.era.value}")
    if series.label is not None:
        parts.append(repr(series.label))
    if series.primary:
        parts.append("primary")
    years = series.years
    span = f"{years[0]}–{years[-1]}" if years else "no years"
    return f"<Series {' '.join(parts)}: {len(years)} observations, {span}>"


def html(series: Series) -> str:
    """Return *series* as an HTML table in the display language."""
    lang = _display.current_language()
    indicator = series.indicator
    caption = indicator.label(lang)
    if series.scope is not None:
        caption += f", {series.scope.name}"
    if series.label is not None:
        caption += f" ({series.label})"
    projected = "dự báo" if lang == "vi" else "projected"
    headers = (
        ("Năm", f"Giá trị{indicator.unit.symbol}", "Ghi chú", "Nguồn")
        if lang == "vi"
        else ("Year", f"Value{indicator.unit.symbol}", "Note", "Source")
    )
    return _display.table(
        caption,
        headers,
        (
            (
                o.year,
                _display.level(o.value, lang),
                projected if o.projected else o.as_of,
                None if o.source is None else o.source.cite(),
            )
            for o in series
        ),
    )
