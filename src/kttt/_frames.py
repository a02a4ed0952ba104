"""DataFrames: the pandas extra, typed columns and cells read back.

Every room builds its own frames with `frame` from a list of `Column`
(the name and the `Kind` of each column) and rows of plain Python values,
and reads a user's frame back with `records`, which checks the columns and
turns each cell into a plain value or raises a `kttt.errors.KtttError`
naming the row (counted from 1, as in CSV files) and the column.
pandas is imported only when a frame is built or read: without it,
`pandas` raises a `kttt.errors.NotFoundError` naming the extra.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import math
import numbers

from collections.abc import (
    Callable,
    Collection,
    Generator,
    Iterable,
    Iterator,
    Sequence,
)
from decimal import Decimal
from types import ModuleType
from typing import TYPE_CHECKING, Any, SupportsFloat, cast

import attrs
import pendulum

from kttt import _data
from kttt._labels import LabelledEnum, pick
from kttt.errors import KtttError, NotFoundError, ParseError, ValidationError


if TYPE_CHECKING:
    import pandas as pd


#: What to install for DataFrames.
PANDAS_EXTRA = "pip install 'kttt[pandas]'"


def pandas() -> ModuleType:
    """Return the pandas module.

    Raises:
        NotFoundError: If pandas is not installed, naming the extra.
    """
    try:
        import pandas as pd  # noqa: PLC0415 - optional extra
    except ImportError:
        raise NotFoundError(
            "pandas", None, f"DataFrames need pandas: {PANDAS_EXTRA}"
        ) from None
    return pd


class Kind(enum.Enum):
    """The dtype of a column, and how its cells are read back."""

    #: Whole numbers, never missing (years): ``int64``.
    INT = "int64"
    #: Whole numbers that may be missing: ``Int64``.
    OPTIONAL_INT = "Int64"
    #: Numbers (``NaN`` when missing): ``float64``.
    FLOAT = "float64"
    #: Flags, never missing: ``bool``.
    BOOL = "bool"
    #: Text (``<NA>`` when missing): ``string``.
    TEXT = "string"
    #: Days (``NaT`` when missing): ``datetime64[ns]``.
    DATE = "datetime64[ns]"
    #: Labels of an enumeration, best first: an ordered ``category``.
    ORDERED = "category"
    #: A number or a flag per cell (an ``object`` column when mixed).
    NUMBER_OR_FLAG = "object"


@attrs.frozen
class Column:
    """A column of a frame: its name, its kind and, if ordered, its labels."""

    name: str
    kind: Kind
    categories: tuple[str, ...] = ()


def ordered(name: str, members: Iterable[LabelledEnum], lang: str) -> Column:
    """Return an ordered column of the labels of *members* in *lang*.

    *members* come best first; a cell outside them is missing.
    """
    labels = tuple(member.label(lang) for member in members)
    return Column(name, Kind.ORDERED, labels)


def check_lang(lang: str) -> str:
    """Return *lang* if it is ``"vi"`` or ``"en"``.

    Raises:
        ValidationError: For any other *lang*.
    """
    return pick(lang, "vi", "en")


def frame(
    columns: Sequence[Column], rows: Iterable[Sequence[object]]
) -> pd.DataFrame:
    """Return a DataFrame of *rows* (one value per column) with real dtypes.

    Values are plain Python: ``None`` for a missing cell, dates as
    `datetime.date`, numbers as `int`, `float`, `Decimal` or `Fraction`.
    """
    module = pandas()
    table = [tuple(row) for row in rows]
    data: dict[str, Any] = {}
    for index, column in enumerate(columns):
        data[column.name] = _array(
            module, column, [row[index] for row in table]
        )
    result: pd.DataFrame = module.DataFrame(
        data, columns=[c.name for c in columns]
    )
    return result


def _array(pd: ModuleType, column: Column, values: list[object]) -> Any:
    kind = column.kind
    if kind is Kind.ORDERED:
        return pd.Categorical(
            values, categories=list(column.categories), ordered=True
        )
    if kind is Kind.FLOAT:
        values = [math.nan if v is None else _float(v) for v in values]
    elif kind is Kind.DATE:
        days = cast("list[dt.date | None]", values)
        values = [None if d is None else _midnight(d) for d in days]
    elif kind is Kind.NUMBER_OR_FLAG:
        return _number_or_flag(pd, values)
    return pd.array(values, dtype=kind.value)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)  # noqa: DTZ001 - a day


def _float(value: object) -> float:
    return float(cast("SupportsFloat", value))


def _number_or_flag(pd: ModuleType, values: list[object]) -> Any:
    """Return ``boolean`` flags, ``float64`` numbers, or a mix as objects."""
    given = [v for v in values if v is not None]
    if given and all(isinstance(v, bool) for v in given):
        return pd.array(values, dtype="boolean")
    if not any(isinstance(v, bool) for v in given):
        return pd.array(
            [math.nan if v is None else _float(v) for v in values],
            dtype="float64",
        )
    return pd.array(
        [v if v is None or isinstance(v, bool) else _float(v) for v in values],
        dtype="object",
    )


# --- reading a user's frame ------------------------------------------------


def records(
    data: object,
    kinds: Callable[[str], Kind | None],
    *,
    required: Collection[str],
    rule: str,
) -> Iterator[tuple[int, dict[str, object]]]:
    """Yield each row of the DataFrame *data* as plain values by column.

    Rows are numbered from 1; a missing cell is ``None``.

    Args:
        data: The DataFrame.
        kinds: The kind of a column by its name, ``None`` for a column
            that is not read (refused).
        required: The columns that must be present.
        rule: The columns accepted, in words, for the error of an
            unknown column.

    Raises:
        ValidationError: If *data* is not a DataFrame.
        ParseError: For an unknown, repeated or missing column, or a cell
            that is not of its column's kind (naming the row and column).
    """
    if not isinstance(data, pandas().DataFrame):
        raise ValidationError(
            "frame", type(data).__name__, "a pandas DataFrame"
        )
    table = cast("pd.DataFrame", data)
    given_names: list[object] = list(table.columns)
    names = [str(name) for name in given_names]
    found: dict[str, Kind] = {}
    for name, given in zip(names, given_names, strict=True):
        kind = kinds(name) if isinstance(given, str) else None
        if kind is None:
            raise ParseError(
                name, given, f"unknown column; {rule}", column=name
            )
        if name in found:
            raise ParseError(name, given, "a column appears once", column=name)
        found[name] = kind
    for name in required:
        if name not in found:
            raise ParseError(
                name, None, "required column is missing", column=name
            )
    rows: Iterator[tuple[object, ...]] = table.itertuples(
        index=False, name=None
    )
    for number, cells in enumerate(rows, start=1):
        yield (
            number,
            {
                name: _cell(kind, cell, name, number)
                for (name, kind), cell in zip(
                    found.items(), cells, strict=True
                )
            },
        )


def _missing(cell: object) -> bool:
    if cell is None:
        return True
    if isinstance(cell, float):
        return math.isnan(cell)
    return type(cell).__name__ in {"NAType", "NaTType"}


def _cell(kind: Kind, cell: object, column: str, row: int) -> object:
    if _missing(cell):
        if kind in {Kind.INT, Kind.BOOL}:
            raise ParseError(
                column, None, "must not be empty", row=row, column=column
            )
        return None
    try:
        return _READERS[kind](cell)
    except (TypeError, ValueError, ArithmeticError):
        raise ParseError(
            column, cell, _RULES[kind], row=row, column=column
        ) from None
    except KtttError as error:
        raise ParseError(
            column, cell, error.rule, row=row, column=column
        ) from None


def _whole(cell: object) -> int:
    if isinstance(cell, bool) or not isinstance(cell, numbers.Real):
        raise TypeError(cell)
    if isinstance(cell, numbers.Integral):
        return int(cell)
    number = float(cell)
    if not number.is_integer():
        raise ValueError(cell)
    return int(number)


def _number(cell: object) -> float:
    if isinstance(cell, bool) or not isinstance(cell, numbers.Real | Decimal):
        raise TypeError(cell)
    number = float(cell)
    if not math.isfinite(number):
        raise ValueError(cell)
    return number


def _flag(cell: object) -> bool:
    if type(cell).__name__ not in {"bool", "bool_"}:
        raise TypeError(cell)
    return bool(cell)


def _text(cell: object) -> str:
    if not isinstance(cell, str):
        raise TypeError(cell)
    return cell


def _date(cell: object) -> pendulum.Date:
    if isinstance(cell, str):
        return _data.parse_iso_date(cell)
    if isinstance(cell, dt.datetime):
        if cell.time() != dt.time(0) or cell.tzinfo is not None:
            raise ValueError(cell)
    elif not isinstance(cell, dt.date):
        raise TypeError(cell)
    return pendulum.Date(cell.year, cell.month, cell.day)


def _number_or_flag_cell(cell: object) -> Decimal | bool:
    if type(cell).__name__ in {"bool", "bool_"}:
        return bool(cell)
    return exact(_number(cell))


def exact(number: float) -> Decimal:
    """Return the shortest decimal that reads back as *number*."""
    return Decimal(repr(number))


_READERS = {
    Kind.INT: _whole,
    Kind.OPTIONAL_INT: _whole,
    Kind.FLOAT: _number,
    Kind.BOOL: _flag,
    Kind.TEXT: _text,
    Kind.DATE: _date,
    Kind.ORDERED: _text,
    Kind.NUMBER_OR_FLAG: _number_or_flag_cell,
}

_RULES = {
    Kind.INT: "a whole number",
    Kind.OPTIONAL_INT: "a whole number or empty",
    Kind.FLOAT: "a finite number or empty",
    Kind.BOOL: "True or False",
    Kind.TEXT: "text or empty",
    Kind.DATE: "a day (a date or timestamp at midnight) or empty",
    Kind.ORDERED: "a label or empty",
    Kind.NUMBER_OR_FLAG: "a finite number, True or False, or empty",
}


@contextlib.contextmanager
def at_row(row: int, columns: Collection[str]) -> Generator[None, None, None]:
    """Locate any `KtttError` raised inside at *row*.

    The column is the error's field when it names a column of the frame.
    """
    try:
        yield
    except KtttError as error:
        column = error.field if error.field in columns else error.column
        raise error.located(row=row, column=column) from None


@contextlib.contextmanager
def in_column(name: str) -> Generator[None, None, None]:
    """Locate any `KtttError` raised inside at the column *name*."""
    try:
        yield
    except KtttError as error:
        raise error.located(column=name) from None
