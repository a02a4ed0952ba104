"""Helpers shared by the test files: builders and plain-data dumps."""

from __future__ import annotations

import datetime as dt
import enum
import json

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs


def plain(value: object) -> object:
    """Return every field of *value*, recursively, as JSON-ready data.

    Unlike `kttt.serialization`, which writes a province as its code, this
    shows every field of every value, so that a snapshot of a dataset
    changes whenever any of its facts does.
    """
    if attrs.has(type(value)):
        return {
            field.name: plain(getattr(value, field.name))
            for field in attrs.fields(type(value))
        }
    if isinstance(value, Mapping):
        items = {_key(key): plain(item) for key, item in value.items()}
        return dict(sorted(items.items()))
    if isinstance(value, frozenset | set):
        return sorted((plain(item) for item in value), key=json.dumps)
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return _scalar(value)


def _scalar(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal | Fraction):
        return str(value)
    return value


def _key(key: object) -> str:
    if isinstance(key, tuple):
        return "/".join(_key(part) for part in key)
    if isinstance(key, enum.Enum):
        return str(key.value)
    return str(key)


def dump(value: object) -> str:
    """Return `plain` of *value* as indented JSON text, one fact per line."""
    return json.dumps(plain(value), ensure_ascii=False, indent=1) + "\n"
