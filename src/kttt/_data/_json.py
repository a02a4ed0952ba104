"""Reading JSON strictly: what `json.loads` lets pass, refused and located.

The standard library accepts duplicate keys (the last one wins), ``NaN``
and ``Infinity`` (and reads ``1e999`` as infinity), and fails with
exceptions of its own on text nested too deeply or on numbers too long to
convert.
`load_json` refuses all of them with a `kttt.errors.DataError` that names
the file, the line and the column.
"""

from __future__ import annotations

import json
import math

from decimal import Decimal
from typing import Any, Final, cast

from kttt.errors import DataError


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _refuse_constant(name: str) -> object:
    raise _ConstantError(name)


class _ConstantError(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        # 1e999 reads as infinity.
        raise _ConstantError(text)
    return value


_FLOAT_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_pairs,
    parse_constant=_refuse_constant,
    parse_float=_finite_float,
)
_EXACT_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_pairs,
    parse_constant=_refuse_constant,
    parse_float=Decimal,
)


def load_json(text: object, *, file: str = "json", exact: bool = False) -> Any:
    """Parse *text* as JSON, refusing what the JSON standard refuses.

    Args:
        text: The JSON text.
        file: The name of the file (or argument) to put into errors.
        exact: Read numbers with a fraction as `decimal.Decimal` instead of
            `float`.

    Raises:
        DataError: If *text* is not text, not JSON, has a key twice in
            one object, ``NaN`` or ``Infinity``, a number too large for a
            float (``1e999``) or too long to read, or nesting too deep for
            Python to read.

    >>> load_json('{"a": [1, 2.5]}')
    {'a': [1, 2.5]}
    >>> load_json('{"a": 1, "a": 2}', file="x.json")
    Traceback (most recent call last):
    kttt.errors.DataError: x.json: a='2': a key appears twice in one object
    """
    if not isinstance(text, str):
        raise DataError("json", text, "JSON is read from text", file=file)
    decoder = _EXACT_DECODER if exact else _FLOAT_DECODER
    try:
        return decoder.decode(text)
    except json.JSONDecodeError as error:
        raise DataError(
            "json",
            error.doc[error.pos : error.pos + 20],
            f"not JSON: {error.msg} (line {error.lineno}, column "
            f"{error.colno})",
            file=file,
        ) from None
    except _DuplicateKeyError as error:
        raise DataError(
            error.key,
            _value_after(text, error.key),
            "a key appears twice in one object",
            file=file,
        ) from None
    except _ConstantError as error:
        raise DataError(
            "json",
            error.name,
            "JSON numbers are finite and fit a float",
            file=file,
        ) from None
    except RecursionError:
        raise DataError(
            "json", text[:20], "nested too deeply to read", file=file
        ) from None
    except ValueError:
        # A number longer than Python converts (int_max_str_digits).
        raise DataError(
            "json",
            _longest_number(text),
            "a number has too many digits",
            file=file,
        ) from None


def _value_after(text: str, key: str) -> str:
    """Return the text that follows the last occurrence of *key*."""
    quoted = json.dumps(key, ensure_ascii=False)
    start = text.rfind(quoted)
    if start < 0:
        return key
    rest = text[start + len(quoted) :].lstrip().removeprefix(":").lstrip()
    end = min(i for i in (rest.find(","), rest.find("}"), 20) if i >= 0)
    return rest[:end].rstrip()


def _longest_number(text: str) -> str:
    digits = max(
        "".join(c if c.isdigit() else " " for c in text).split(),
        key=len,
        default="",
    )
    return f"{digits[:10]}… ({len(digits)} digits)"


def as_mapping(value: object) -> dict[str, object] | None:
    """Return a JSON object as a typed `dict`, or `None` if *value* is not one.

    >>> as_mapping({"a": 1}), as_mapping([1])
    ({'a': 1}, None)
    """
    return (
        cast("dict[str, object]", value) if isinstance(value, dict) else None
    )


def as_list(value: object) -> list[object] | None:
    """Return a JSON array as a typed `list`, or `None` if it is not one."""
    return cast("list[object]", value) if isinstance(value, list) else None
