"""
The exceptions kttt raises.

Every error names the *field* that was wrong, the offending *value* and the
*rule* it broke; errors about tabular input also carry the *row* number.
Catch `KtttError` to handle all of them.
"""

from __future__ import annotations

from typing import Self


__all__ = [
    "DataError",
    "DocumentNumberError",
    "IncompatibleSeriesError",
    "KtttError",
    "NotFoundError",
    "ParseError",
    "ScoreError",
    "UnknownProvinceError",
    "ValidationError",
]


class KtttError(Exception):
    """
    Base class of every error kttt raises on purpose.

    Args:
        field: The name of the field (or argument, or column) that was wrong.
        value: The value that was refused, exactly as given.
        rule: The rule it broke, in plain words.
        row: The 1-based row number, for tabular input.
    """

    field: str
    value: object
    rule: str
    row: int | None

    def __init__(
        self,
        field: str,
        value: object,
        rule: str,
        *,
        row: int | None = None,
    ) -> None:
        self.field = field
        self.value = value
        self.rule = rule
        self.row = row
        super().__init__(self._message())

    def _message(self) -> str:
        where = f"row {self.row}: " if self.row is not None else ""
        return f"{where}{self.field}={self.value!r}: {self.rule}"

    def at_row(self, row: int) -> Self:
        """
        Return a copy of this error that names the row it came from.
        """
        return type(self)(self.field, self.value, self.rule, row=row)

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild,
            (type(self), self.field, self.value, self.rule, self.row),
        )


def _rebuild(
    cls: type[KtttError],
    field: str,
    value: object,
    rule: str,
    row: int | None,
) -> KtttError:
    return cls(field, value, rule, row=row)


class ValidationError(KtttError, ValueError):
    """
    A value breaks a rule of the domain (a share over 100 %, a count below 0).
    """


class ParseError(KtttError, ValueError):
    """
    A piece of text could not be read as what it claims to be.
    """


class DocumentNumberError(ParseError):
    """
    A text is not a valid document reference number such as ``20-NQ/TW``.
    """


class NotFoundError(KtttError, LookupError):
    """
    A code or a name refers to nothing kttt knows.
    """


class UnknownProvinceError(NotFoundError):
    """
    No province-level unit has this code or name (in the requested era).
    """


class DataError(KtttError):
    """
    A data file (built in or the user's) is malformed or inconsistent.
    """


class ScoreError(ValidationError):
    """Points on a score sheet break its rating scheme.

    Raised for an unknown criterion code, points above a criterion's maximum,
    a total above the scheme's total, or a missing required criterion; the
    field is ``points.<code>`` (or ``measures.<name>``).
    """


class IncompatibleSeriesError(ValidationError):
    """
    A series measures something other than what a target is set on.

    It has another indicator, another unit or another scope.
    """
