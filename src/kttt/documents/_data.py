"""Reading the package's JSON data files: rows, sources and dates."""

from __future__ import annotations

import contextlib
import json
import re

from importlib import resources
from typing import cast

import pendulum

from kttt.errors import DataError, ValidationError
from kttt.sources import Source


def package_text(name: str) -> str:
    """Return the text of ``kttt/data/documents/<name>``."""
    return (
        resources.files("kttt")
        .joinpath("data", "documents", name)
        .read_text(encoding="utf-8")
    )


def rows_from_json(text: str, *, file: str) -> list[object]:
    """Return the ``rows`` list of a JSON data file.

    Raises:
        DataError: If *text* is not JSON or has no ``rows`` list.
    """
    try:
        data: object = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError(file, text[:80], f"not JSON: {error}") from None
    rows = (
        cast("dict[str, object]", data).get("rows")
        if isinstance(data, dict)
        else None
    )
    if not isinstance(rows, list):
        raise DataError(file, None, "a data file is an object with 'rows'")
    return cast("list[object]", rows)


def source_from(
    data: object, *, file: str, row: int, field: str = "source"
) -> Source:
    """Build a `kttt.sources.Source` from a JSON object in a data file.

    Raises:
        DataError: Naming *file*, *row* and *field* if it is malformed.
    """
    where = f"{file}: {field}"
    if not isinstance(data, dict):
        raise DataError(where, data, "a source is a JSON object", row=row)
    values = cast("dict[str, object]", data)
    texts: dict[str, str | None] = {}
    for key in ("document", "clause", "title", "url", "retrieved", "note"):
        value = values.get(key)
        if value is not None and not isinstance(value, str):
            raise DataError(f"{where}.{key}", value, "must be text", row=row)
        texts[key] = value
    extra = sorted(set(values) - set(texts))
    if extra:
        raise DataError(where, extra, "unknown keys in a source", row=row)
    try:
        retrieved = texts["retrieved"]
        return Source(
            document=texts["document"],
            clause=texts["clause"],
            title=texts["title"],
            url=texts["url"],
            retrieved=None
            if retrieved is None
            else parse_iso_date(retrieved, field="retrieved"),
            note=texts["note"],
        )
    except ValidationError as error:
        raise DataError(where, values, error.rule, row=row) from None


def parse_iso_date(value: object, *, field: str) -> pendulum.Date:
    """Read an ISO 8601 date (``"2022-06-16"``) as a `pendulum.Date`.

    Raises:
        ValidationError: If *value* is not such a date.
    """
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        year, month, day = (int(part) for part in value.split("-"))
        with contextlib.suppress(ValueError):
            return pendulum.Date(year, month, day)
    raise ValidationError(field, value, "a date is written 'YYYY-MM-DD'")
