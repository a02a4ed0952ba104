"""The exceptions kttt raises.

Every error names the *field* that was wrong, the offending *value* and the
*rule* it broke; errors about files also carry the *file*, and about tables
the *row* and the *column*.
Catch `KtttError` to handle all of them.
"""

from __future__ import annotations

from typing import Self


__all__ = [
    "DataError",
    "DocumentNumberError",
    "IncompatibleSeriesError",
    "InvalidFileError",
    "KtttError",
    "MissingExtraError",
    "NotFoundError",
    "ParseError",
    "ScoreError",
    "UnknownProvinceError",
    "ValidationError",
]


class KtttError(Exception):
    """Base class of every error kttt raises on purpose.

    Args:
        field: The name of the field (or argument), or its path in a nested
            value (``targets[3].value``), that was wrong.
        value: The value that was refused, exactly as given.
        rule: The rule it broke, in plain words.
        row: The 1-based row number, for tabular input.
        column: The column of *row*, for tabular input.
        file: The file the value was read from.
    """

    field: str
    value: object
    rule: str
    row: int | None
    column: str | None
    file: str | None

    def __init__(
        self,
        field: str,
        value: object,
        rule: str,
        *,
        row: int | None = None,
        column: str | None = None,
        file: str | None = None,
    ) -> None:
        self.field = field
        self.value = value
        self.rule = rule
        self.row = row
        self.column = column
        self.file = file
        super().__init__(self._message())

    def _message(self) -> str:
        where = [self.file] if self.file is not None else []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        head = ", ".join(where)
        prefix = f"{head}: " if head else ""
        return f"{prefix}{self.field}={self.shown_value()}: {self.rule}"

    def shown_value(self) -> str:
        """Return the refused value as the message shows it.

        Its ``repr``, cut short if it is too long to read.
        """
        return _shown(self.value)

    def about(self, field: str) -> Self:
        """Return a copy of this error about *field* (a longer path)."""
        return type(self)(
            field,
            self.value,
            self.rule,
            row=self.row,
            column=self.column,
            file=self.file,
        )

    def at_row(self, row: int) -> Self:
        """Return a copy of this error that names the row it came from."""
        return self.located(row=row)

    def located(
        self,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> Self:
        """Return a copy of this error with the place it was found at.

        What is not given is kept from this error.
        """
        return type(self)(
            self.field,
            self.value,
            self.rule,
            row=self.row if row is None else row,
            column=self.column if column is None else column,
            file=self.file if file is None else file,
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild,
            (
                type(self),
                (self.field, self.value, self.rule),
                (self.row, self.column, self.file),
            ),
        )


#: The longest representation of a value an error message shows.
_SHOWN = 200


def _shown(value: object) -> str:
    """Return ``repr(value)``, cut short for a value too long to read."""
    try:
        text = repr(value)
    except ValueError:  # an int too long to print in decimal
        return "<a number too long to show>"
    if len(text) <= _SHOWN:
        return text
    return f"{text[: _SHOWN - 20]}… ({len(text)} characters)"


def _rebuild(
    cls: type[KtttError],
    fields: tuple[str, object, str],
    where: tuple[int | None, str | None, str | None],
) -> KtttError:
    field, value, rule = fields
    row, column, file = where
    return cls(field, value, rule, row=row, column=column, file=file)


class ValidationError(KtttError, ValueError):
    """A value breaks a domain rule (a share over 100 %, a count below 0)."""


class ParseError(KtttError, ValueError):
    """A piece of text could not be read as what it claims to be."""


class DocumentNumberError(ParseError):
    """A text is not a valid document reference number such as ``20-NQ/TW``."""


class NotFoundError(KtttError, LookupError):
    """A code or a name refers to nothing kttt knows."""


class UnknownProvinceError(NotFoundError):
    """No province-level unit has this code or name (in the requested era)."""


class DataError(KtttError):
    """A data file (built in or the user's) is malformed or inconsistent."""


class InvalidFileError(DataError):
    """A file with problems: every one of them, reported at once.

    Its `errors` are the problems, each a `KtttError` with its row and
    column; the error itself names the first and says how many there are.
    """

    errors: tuple[KtttError, ...]

    def __init__(
        self,
        field: str,
        value: object,
        rule: str,
        *,
        row: int | None = None,
        column: str | None = None,
        file: str | None = None,
        errors: tuple[KtttError, ...] = (),
    ) -> None:
        self.errors = errors
        super().__init__(field, value, rule, row=row, column=column, file=file)

    @classmethod
    def of(cls, errors: list[KtttError], *, file: str | None = None) -> Self:
        """Return one error that holds *errors* (at least one)."""
        first = errors[0]
        more = f" ({len(errors)} problems in all)" if len(errors) > 1 else ""
        return cls(
            first.field,
            first.value,
            f"{first.rule}{more}",
            row=first.row,
            column=first.column,
            file=file or first.file,
            errors=tuple(errors),
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_file_error,
            (
                type(self),
                (self.field, self.value, self.rule),
                (self.row, self.column, self.file),
                self.errors,
            ),
        )


def _rebuild_file_error(
    cls: type[InvalidFileError],
    fields: tuple[str, object, str],
    where: tuple[int | None, str | None, str | None],
    errors: tuple[KtttError, ...],
) -> InvalidFileError:
    field, value, rule = fields
    row, column, file = where
    return cls(
        field, value, rule, row=row, column=column, file=file, errors=errors
    )


class ScoreError(ValidationError):
    """Points on a score sheet break its rating scheme.

    Raised for an unknown criterion code, points above a criterion's maximum,
    a total above the scheme's total, or a missing required criterion; the
    field is ``points.<code>`` (or ``measures.<name>``).
    """


class IncompatibleSeriesError(ValidationError):
    """A series measures something other than what a target is set on.

    It has another indicator, another unit or another scope.
    """


class MissingExtraError(KtttError, ImportError):
    """A feature needs an optional extra that is not installed.

    The field is the extra's name; the rule says what to install
    (``pip install 'kttt[excel]'``).
    """
