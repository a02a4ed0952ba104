"""Where a value was read from, and the one wrapper that says so."""

from __future__ import annotations

import contextlib

from collections.abc import Generator

from kttt.errors import DataError, KtttError


def join(path: str, field: str) -> str:
    """Return the path of *field* inside the value at *path*.

    >>> join("rows[2]", "source.url"), join("", "year"), join("x", "[0]")
    ('rows[2].source.url', 'year', 'x[0]')
    """
    if not path:
        return field
    if not field or field == "$":
        return path
    return f"{path}{field}" if field.startswith("[") else f"{path}.{field}"


def as_data_error(
    error: KtttError,
    *,
    file: str | None = None,
    path: str = "",
    row: int | None = None,
    column: str | None = None,
) -> DataError:
    """Return *error* as a `DataError` at a place in a file.

    The field becomes its path inside the value read at *path*; what the
    error already says about its place (row, column, file) is kept unless
    given here.
    """
    return DataError(
        join(path, error.field),
        error.value,
        error.rule,
        row=error.row if row is None else row,
        column=error.column if column is None else column,
        file=error.file if file is None else file,
    )


@contextlib.contextmanager
def reading(
    file: str | None,
    *,
    path: str = "",
    row: int | None = None,
    column: str | None = None,
) -> Generator[None, None, None]:
    """Turn every `KtttError` raised inside into a located `DataError`.

    >>> from kttt.errors import ValidationError
    >>> with reading("x.json", path="rows[0]"):
    ...     raise ValidationError("year", 1800, "too early")
    Traceback (most recent call last):
    kttt.errors.DataError: x.json: rows[0].year=1800: too early
    """
    try:
        yield
    except KtttError as error:
        raise as_data_error(
            error, file=file, path=path, row=row, column=column
        ) from None
