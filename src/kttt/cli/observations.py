"""Reading an officer's file of observations (``kttt report --data``).

A data file is a table, CSV (comma, semicolon or tab; UTF-8, UTF-16 or
Windows-1258) or Excel ``.xlsx``, with the columns `DATA_COLUMNS` and
optionally `OPTIONAL_COLUMNS`.
Numbers may be written the Vietnamese way ("35.041", "78,1") or the
English way ("35,041", "78.1"): the file's unambiguous numbers tell which,
and a number the two ways read differently ("18,200") is refused unless
the file or ``--numbers`` settles it.
Every problem of the file is reported at once, each with its row and
column.
"""

from __future__ import annotations

import difflib

from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Final

import attrs

from kttt import _data
from kttt.errors import DataError, InvalidFileError, KtttError, ParseError
from kttt.series import Observation, Series
from kttt.sources import Source
from kttt.targets import Indicator, TargetSet, Unit
from kttt.text import NumberConvention, parse_number


#: The columns every data file has.
DATA_COLUMNS: Final = ("indicator", "year", "value")
#: The columns a data file may add: the publication date, the source, and
#: the indicator's name for the people who fill it in (`kttt template`
#: writes it; it is not read).
OPTIONAL_COLUMNS: Final = ("as_of", "source", "label")

_WHOLE_UNITS: Final = frozenset({Unit.COUNT, Unit.PERSONS})
_WAYS: Final[tuple[NumberConvention, ...]] = ("vi", "en")


@attrs.frozen
class Observations:
    """What a data file holds: one series per indicator, and notes."""

    #: Indicator code -> its series.
    series: dict[str, Series]
    #: Rows the file leaves for later (a template's empty rows).
    unfilled: int


def read_observations(
    path: Path, programme: TargetSet, *, numbers: NumberConvention = "auto"
) -> Observations:
    """Read a data file for *programme*'s indicators.

    Raises:
        InvalidFileError: Holding every problem, with its row and column.
        NotFoundError: If the file cannot be read.
    """
    table = _data.read_table(path)
    file = str(path)
    _check_columns(table.columns, file)
    indicators = {i.code: i for i in programme.indicators()}
    convention = _convention(table, numbers, file)
    errors: list[KtttError] = []
    found: dict[str, list[Observation]] = {}
    unfilled = 0
    for number, cells in table.rows:
        if not (cells["year"].strip() or cells["value"].strip()):
            unfilled += 1
            continue
        try:
            code, observation = _observation(cells, indicators, convention)
        except KtttError as error:
            errors.append(_at(error, file, number))
            continue
        found.setdefault(code, []).append(observation)
    series = _series(found, indicators, programme, file, errors)
    if errors:
        raise InvalidFileError.of(errors, file=file)
    return Observations(series=series, unfilled=unfilled)


def _at(error: KtttError, file: str, row: int) -> DataError:
    column = error.field if error.field in _COLUMNS else error.column
    return _data.as_data_error(error, file=file, row=row, column=column)


_COLUMNS: Final = frozenset(DATA_COLUMNS + OPTIONAL_COLUMNS)


def _check_columns(columns: Sequence[str], file: str) -> None:
    problems: list[KtttError] = [
        DataError(
            "header",
            column,
            "not a column of a data file",
            column=column,
            file=file,
        )
        for column in columns
        if column not in _COLUMNS
    ]
    missing = [c for c in DATA_COLUMNS if c not in columns]
    if missing:
        problems.append(
            DataError(
                "header",
                list(columns),
                "a data file has the columns indicator, year and value",
                file=file,
            )
        )
    if problems:
        raise InvalidFileError.of(problems, file=file)


def _convention(
    table: _data.Table, asked: NumberConvention, file: str
) -> NumberConvention:
    """Return the convention the file's unambiguous values show, if any."""
    if asked != "auto":
        return asked
    seen: dict[NumberConvention, int] = {}
    for number, cells in table.rows:
        text = cells["value"].strip().removesuffix("%").strip()
        readings: list[NumberConvention] = [
            name for name in _WAYS if _reads(text, name) is not None
        ]
        if len(readings) == 1:
            seen.setdefault(readings[0], number)
    if len(seen) > 1:
        raise DataError(
            "value",
            None,
            f"numbers are written the Vietnamese way (row {seen['vi']}) "
            f"and the English way (row {seen['en']}); use one, or pass "
            "--numbers vi|en",
            column="value",
            file=file,
        )
    for found in seen:
        return found
    return "auto"


def _reads(text: str, convention: NumberConvention) -> Decimal | None:
    try:
        return parse_number(text, convention=convention)
    except ParseError:
        return None


def _observation(
    cells: Mapping[str, str],
    indicators: Mapping[str, Indicator],
    convention: NumberConvention,
) -> tuple[str, Observation]:
    code = cells["indicator"].strip()
    indicator = indicators.get(code)
    if indicator is None:
        raise DataError("indicator", code, _unknown(code, indicators))
    year = parse_number(cells["year"], field="year", convention="auto")
    if year != year.to_integral_value():
        raise ParseError(
            "year", cells["year"], "a year is a whole number such as 2025"
        )
    source = cells.get("source", "").strip()
    as_of = cells.get("as_of", "").strip()
    return code, Observation(
        year=int(year),
        value=_value(cells["value"], indicator, convention),
        source=Source(document=source) if source else None,
        as_of=_data.parse_day(as_of, field="as_of") if as_of else None,
    )


def _value(
    text: str, indicator: Indicator, convention: NumberConvention
) -> float:
    stripped = text.strip()
    if stripped.endswith("%"):
        if indicator.unit is not Unit.PERCENT:
            raise ParseError(
                "value",
                text,
                "a percentage is written only for a percent indicator",
            )
        stripped = stripped.removesuffix("%")
    value = parse_number(stripped, field="value", convention=convention)
    if indicator.unit in _WHOLE_UNITS and value != value.to_integral_value():
        raise ParseError(
            "value",
            text,
            "a count of people or organisations is a whole number",
        )
    return float(value)


def _unknown(code: str, indicators: Mapping[str, Indicator]) -> str:
    close = difflib.get_close_matches(code, indicators, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return (
        f"not an indicator of the programme{hint} "
        "(kttt indicators --programme CODE lists them)"
    )


def _series(
    found: Mapping[str, list[Observation]],
    indicators: Mapping[str, Indicator],
    programme: TargetSet,
    file: str,
    errors: list[KtttError],
) -> dict[str, Series]:
    result: dict[str, Series] = {}
    for code, observations in found.items():
        try:
            result[code] = Series.of(
                indicators[code], observations, scope=programme.scope
            )
        except KtttError as error:
            errors.append(
                DataError(
                    "indicator",
                    code,
                    f"{error.field}: {error.rule}",
                    column="indicator",
                    file=file,
                )
            )
    return result
