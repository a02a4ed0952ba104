"""Hostile input for the fuzz tests: strategies, mutations and checks.

The strategies draw what users and their spreadsheets hand kttt: text
with zero-width and bidirectional marks, decomposed Vietnamese, digits of
other scripts and numbers too long to read; numbers that are not finite,
too large for a float, subnormal or of the wrong type; JSON trees, texts
and tables, and valid ones mutated (cut short, retyped, a key twice,
nested too deeply).
`refused` runs one call under the contract of issue 11: it returns or
raises a `KtttError` that names its field and rule, and nothing else.
`conforms` says whether a value fits a type hint, so that a constructor
that accepts hostile input is seen to store only what its fields declare.
`fuzz` makes a fuzz target of a test, with the examples of the profile
(`PROFILE`), and counts the inputs it runs (`INPUTS`; the ``fuzz`` mark
lets ``conftest.py`` record them).
"""

from __future__ import annotations

import collections.abc
import csv
import datetime as dt
import enum
import functools
import io
import json
import math
import os
import types
import typing
import unicodedata

from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs
import pendulum
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kttt.errors import KtttError


# --- profiles and counting -------------------------------------------------

#: Examples per target: ``KTTT_FUZZ=long`` (the nox session ``fuzz``), the
#: default run, and ``FAST=1`` while iterating.
EXAMPLES: Final = {"long": 2000, "short": 15, "fast": 5}
#: Valid values of each type drawn once, to be mutated by the targets.
SEEDS: Final = {"long": 40, "short": 4, "fast": 2}
#: The profile of this run.
PROFILE: Final = (
    "long"
    if os.environ.get("KTTT_FUZZ") == "long"
    else "fast"
    if os.environ.get("FAST") == "1"
    else "short"
)
_SETTINGS: Final = settings(
    max_examples=EXAMPLES[PROFILE],
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)

#: Inputs run so far in this process.
INPUTS: Final = [0]


def fuzz(**strategies_: st.SearchStrategy[Any]) -> Callable[..., Any]:
    """Make a fuzz target: Hypothesis with the profile, every input counted.

    The target is marked ``fuzz``: ``conftest.py`` records the inputs it
    ran, and the summary adds them up.
    """

    def decorate(test: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(test)
        def counted(*args: object, **kwargs: object) -> None:
            test(*args, **kwargs)
            # Counted once run to the end: not an input Hypothesis gave up
            # drawing, nor one that failed (the test fails then).
            INPUTS[0] += 1

        return pytest.mark.fuzz(_SETTINGS(given(**strategies_)(counted)))

    return decorate


# --- text --------------------------------------------------------------------

#: Characters that are there without being seen.
ZERO_WIDTH: Final = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: Marks that change the direction of text.
BIDI: Final = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2069"
#: Tone and vowel marks as combining characters (decomposed Vietnamese).
COMBINING: Final = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"
#: White space and control characters, printable or not.
SPACES: Final = " \t\n\r\x00\x0b\x85\xa0\u2028\u3000"
#: Digits and number-like characters of other scripts.
DIGITS: Final = "0123456789²³¹½٣１۳߃𝟙"
#: Separators of numbers, dates, ranges and reference numbers.
PUNCTUATION: Final = "-–—−/.,:;%+_\"'\\[]{}()eE"

#: Words kttt reads, near-misses of them, and words of other formats.
WORDS: Final = (
    "triệu",
    "tỷ",
    "tỉ",
    "nghìn",
    "ngàn",
    "số",
    "Số:",
    "có",
    "không",
    "đúng",
    "x",
    "true",
    "NaN",
    "Infinity",
    "-0",
    "1e309",
    "1E-300000",
    "0x10",
    "1_000",
    "1.200",
    "8,5",
    "18,200",
    "55.2%",
    "2020.0",
    "TP.HCM",
    "Hà Nội",
    "Thừa Thiên Huế",
    "Bà Rịa – Vũng Tàu",
    "20-NQ/TW",
    "09/NQ-CP",
    "01/2020/TT-BKHĐT",
    "17/2023/QH15",
    "MOF",
    "Bộ Tài chính",
    "2020-01-01",
    "31/12/2024",
    "2024-02-30",
    "null",
    "None",
    "cooperatives.count",
    "about",
    "khoảng",
)


def nfd(text: str) -> str:
    """Return *text* decomposed (NFD), as macOS and some editors save it."""
    return unicodedata.normalize("NFD", text)


def _repeat(char: str) -> st.SearchStrategy[str]:
    return st.sampled_from((40, 41, 101, 201, 4301, 5000)).map(
        lambda n: char * n
    )


@functools.cache
def texts() -> st.SearchStrategy[str]:
    """Draw text a spreadsheet cell or an argument may hold."""
    odd = st.text(
        st.sampled_from(
            ZERO_WIDTH + BIDI + COMBINING + SPACES + DIGITS + PUNCTUATION
        )
        | st.characters(),
        max_size=30,
    )
    words = st.lists(
        st.sampled_from(WORDS) | odd, min_size=1, max_size=5
    ).flatmap(
        lambda parts: st.sampled_from(("", " ", "-", "/", "\u200b")).map(
            lambda sep: sep.join(parts)
        )
    )
    plain = st.one_of(
        st.text(max_size=40),
        odd,
        words,
        _repeat("1"),
        _repeat("9").map(lambda digits: f"{digits}/NQ-CP"),
        _repeat("1").map(lambda digits: f"0.{digits}"),
        _repeat("["),
    )
    return plain | plain.map(nfd)


@functools.cache
def edge_texts() -> st.SearchStrategy[str]:
    """Draw text at the edges of "non-blank": empty, invisible, decomposed."""
    return st.sampled_from(
        (
            "",
            " ",
            "\t",
            "\u200b",
            "\u200e",
            "\ufeff",
            " a",
            "a ",
            "a\u200b",
            "\u200ba",
            "a\nb",
            "a\r\nb",
            '"',
            "a,b",
            "null",
            "None",
            nfd("Hòa Bình"),
            nfd("Đồng"),
        )
    )


# --- numbers and other values ------------------------------------------------

#: Numbers at the edges of what a float, a Decimal or int() can hold.
EDGE_NUMBERS: Final[tuple[object, ...]] = (
    0,
    -0.0,
    5e-324,
    -5e-324,
    2.2250738585072014e-308,
    1e-300,
    1.7976931348623157e308,
    -1.7976931348623157e308,
    math.nan,
    math.inf,
    -math.inf,
    10**400,
    -(10**400),
    2**1024,
    10**4299,
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("1e400"),
    Decimal("1e-400"),
    Decimal("-0"),
    Fraction(1, 3),
    Fraction(10**400, 3),
    True,
    False,
    1j,
)


@functools.cache
def numbers() -> st.SearchStrategy[object]:
    """Draw numbers of every kind: huge, subnormal, not finite, not real."""
    return st.one_of(
        st.sampled_from(EDGE_NUMBERS),
        st.integers(),
        st.floats(),
        st.decimals(),
        st.fractions(),
        st.integers(-2000, 3000),
    )


@functools.cache
def dates() -> st.SearchStrategy[object]:
    """Draw dates of every kind: pendulum or not, with a time, out of range."""
    return st.one_of(
        st.dates().map(lambda d: pendulum.Date(d.year, d.month, d.day)),
        st.dates(),
        st.datetimes(),
        st.datetimes(timezones=st.just(dt.UTC)).map(pendulum.instance),
        st.sampled_from(
            (
                pendulum.Date(1, 1, 1),
                pendulum.Date(9999, 12, 31),
                pendulum.Date(2025, 7, 1),
                dt.time(12, 0),
                dt.timedelta(days=1),
            )
        ),
    )


class _Stranger(enum.Enum):
    """An enumeration kttt does not know."""

    GOOD = "good"
    CODE = "34"


@functools.cache
def scalars() -> st.SearchStrategy[object]:
    """Draw one value of any simple type."""
    return st.one_of(
        st.none(),
        st.booleans(),
        numbers(),
        texts(),
        edge_texts(),
        st.binary(max_size=20),
        dates(),
        st.sampled_from(
            (
                _Stranger.GOOD,
                _Stranger.CODE,
                object(),
                int,
                str,
                len,
                Ellipsis,
                NotImplemented,
                range(3),
            )
        ),
    )


@functools.cache
def values() -> st.SearchStrategy[object]:
    """Draw a value of any type, containers of wrong things included."""
    return st.recursive(
        scalars(),
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.lists(inner, max_size=4).map(tuple),
            st.dictionaries(
                texts() | st.integers() | st.none(), inner, max_size=3
            ),
            st.frozensets(st.integers() | st.text(max_size=5), max_size=3),
        ),
        max_leaves=8,
    )


# --- JSON --------------------------------------------------------------------


@functools.cache
def json_values() -> st.SearchStrategy[object]:
    """Draw JSON trees whose leaves are hostile strings and numbers."""
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.sampled_from((10**400, 2**64, -(2**63))),
        st.floats(),
        texts(),
        edge_texts(),
    )
    return st.recursive(
        leaves,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                texts() | st.sampled_from(WORDS), inner, max_size=4
            )
        ),
        max_leaves=12,
    )


def dump(data: object) -> str:
    """Return *data* as JSON text, whatever numbers it holds.

    Integers too long for `json.dumps` and floats that are not finite are
    written as the literals a careless writer would write.
    """
    if isinstance(data, bool) or data is None:
        return json.dumps(data)
    if isinstance(data, int):
        return _digits(data)
    if isinstance(data, float):
        return json.dumps(data, allow_nan=True)
    if isinstance(data, Mapping):
        items = typing.cast("Mapping[object, object]", data).items()
        return "{" + ", ".join(f"{_key(k)}: {dump(v)}" for k, v in items) + "}"
    if isinstance(data, list | tuple):
        items = typing.cast("list[object]", data)
        return "[" + ", ".join(dump(item) for item in items) + "]"
    return json.dumps(str(data), ensure_ascii=False)


def _digits(number: int) -> str:
    sign = "-" if number < 0 else ""
    magnitude = abs(number)
    if magnitude < 10**4000:
        return sign + str(magnitude)
    return sign + "1" + "0" * 4400


def _key(key: object) -> str:
    return json.dumps(str(key), ensure_ascii=False)


@functools.cache
def json_texts() -> st.SearchStrategy[str]:
    """Draw JSON texts and near-JSON: random trees, literals, broken text."""
    return st.one_of(
        json_values().map(dump),
        texts(),
        st.sampled_from(
            (
                "",
                "{}",
                "[]",
                "null",
                "NaN",
                '{"a": 1, "a": 2}',
                '{"rows": [], "rows": []}',
                '{"value": 1e999}',
                '{"value": -Infinity}',
                '{"year": 2020, "value": ' + "1" * 5000 + "}",
                "[" * 100_000,
                '{"a": ' * 70 + "1" + "}" * 70,
                '"\\ud800"',
                '{"\\u0000": 1}',
                "\ufeff{}",
            )
        ),
    )


@st.composite
def mutated_texts(draw: st.DrawFn, text: str) -> str:
    """Mutate *text* a few times: cut, spliced, retyped, nested deeper."""
    result = text
    for _ in range(draw(st.integers(1, 3))):
        result = draw(_text_mutation(result))
    return result


def _text_mutation(text: str) -> st.SearchStrategy[str]:
    size = len(text)
    at = st.integers(0, size)

    def splice(where: int, what: str) -> str:
        return text[:where] + what + text[where:]

    return st.one_of(
        at.map(lambda i: text[:i]),
        st.tuples(at, at).map(lambda ij: text[: min(ij)] + text[max(ij) :]),
        st.tuples(at, texts()).map(lambda iw: splice(*iw)),
        st.tuples(at, st.sampled_from(ZERO_WIDTH + BIDI + COMBINING)).map(
            lambda iw: splice(*iw)
        ),
        st.tuples(at, at, texts()).map(
            lambda ijw: text[: min(ijw[:2])] + ijw[2] + text[max(ijw[:2]) :]
        ),
        st.tuples(at, at).map(
            lambda ij: splice(max(ij), text[min(ij) : max(ij)])
        ),
        st.just(nfd(text)),
        st.just(text.replace("1", "²").replace("0", "٠")),
        st.just(text.replace(".", ",")),
        st.just(text.replace(",", ";")),
        st.just(text.upper()),
        st.integers(1, 80).map(lambda n: "[" * n + text + "]" * n),
    )


@st.composite
def mutated_trees(draw: st.DrawFn, data: object) -> object:
    """Mutate one node of a JSON tree: replaced, retyped, removed, added."""
    paths = list(_paths(data, ()))
    path = draw(st.sampled_from(paths))
    node = _get(data, path)
    change = st.one_of(
        json_values().map(lambda new: ("set", new)),
        st.sampled_from(EDGE_NUMBERS[:16]).map(lambda new: ("set", new)),
        edge_texts().map(lambda new: ("set", new)),
        st.just(("set", _retyped(node))),
        st.just(("set", None)),
        st.just(("drop", None)),
        st.tuples(st.sampled_from(WORDS), json_values()).map(
            lambda kv: ("add", kv)
        ),
        st.integers(1, 70).map(lambda n: ("nest", n)),
    )
    return _apply(data, path, draw(change))


def _paths(
    data: object, path: tuple[object, ...]
) -> collections.abc.Iterator[tuple[object, ...]]:
    yield path
    if isinstance(data, Mapping):
        for key, item in typing.cast("Mapping[object, object]", data).items():
            yield from _paths(item, (*path, key))
    elif isinstance(data, list):
        for index, item in enumerate(typing.cast("list[object]", data)):
            yield from _paths(item, (*path, index))


def _get(data: object, path: tuple[object, ...]) -> object:
    for step in path:
        data = data[step]  # type: ignore[index]
    return data


def _retyped(node: object) -> object:
    """Return *node* as another JSON type that looks like it."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return dict(enumerate(typing.cast("list[object]", node)))
    if isinstance(node, Mapping):
        return list(typing.cast("Mapping[object, object]", node).values())
    # A number, a bool or null as the text of it: "2020", "true", "null".
    return dump(node)


def _apply(
    data: object, path: tuple[object, ...], change: tuple[str, object]
) -> object:
    how, new = change
    if not path:
        if how == "nest":
            nested: object = data
            for _ in range(typing.cast("int", new)):
                nested = [nested]
            return nested
        if how == "add" and isinstance(data, Mapping):
            key, item = typing.cast("tuple[str, object]", new)
            return {**typing.cast("Mapping[str, object]", data), key: item}
        return None if how == "drop" else new if how == "set" else data
    head, rest = path[0], path[1:]
    if isinstance(data, Mapping):
        copy = dict(typing.cast("Mapping[object, object]", data))
        if how == "drop" and not rest:
            del copy[head]
        else:
            copy[head] = _apply(copy[head], rest, change)
        return copy
    items = list(typing.cast("list[object]", data))
    index = typing.cast("int", head)
    if how == "drop" and not rest:
        del items[index]
    else:
        items[index] = _apply(items[index], rest, change)
    return items


def duplicate_key(text: str) -> st.SearchStrategy[str]:
    """Write a key of the JSON object *text* twice, with another value."""
    data = json.loads(text)
    if not isinstance(data, dict) or not data:
        return st.just(text)
    keys = list(typing.cast("dict[str, object]", data))
    return st.tuples(st.sampled_from(keys), json_values()).map(
        lambda kv: (
            text.rstrip()[:-1].rstrip() + f", {_key(kv[0])}: {dump(kv[1])}}}"
        )
    )


# --- tables ------------------------------------------------------------------


@st.composite
def mutated_records(
    draw: st.DrawFn, records: list[dict[str, str]]
) -> list[dict[str, object]]:
    """Mutate flat records: a cell changed, a column added or dropped."""
    rows: list[dict[str, object]] = [dict(row) for row in records]
    if not rows:
        return [draw(st.dictionaries(texts(), texts(), max_size=3))]
    row = draw(st.sampled_from(rows))
    columns = list(row)
    how = draw(st.sampled_from(("cell", "edge", "value", "add", "drop")))
    if how == "add" or not columns:
        row[draw(st.sampled_from(WORDS) | texts())] = draw(texts())
    elif how == "drop":
        del row[draw(st.sampled_from(columns))]
    else:
        column = draw(st.sampled_from(columns))
        cells = {"cell": texts(), "edge": edge_texts(), "value": values()}
        row[column] = draw(cells[how])
    return rows


def write_csv(rows: list[dict[str, object]]) -> str:
    """Write records as CSV, a header of every column they use."""
    columns = list(dict.fromkeys(key for row in rows for key in row))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[str(c) for c in columns])
    writer.writeheader()
    writer.writerows({str(k): v for k, v in row.items()} for row in rows)
    return buffer.getvalue()


@st.composite
def mutated_csv(draw: st.DrawFn, text: str) -> str:
    """Mutate CSV text: a row with an extra cell, a column twice, or text."""
    lines = text.splitlines()
    how = draw(st.sampled_from(("text", "extra", "short", "header")))
    if how == "text" or len(lines) < 2:
        return draw(mutated_texts(text))
    index = draw(st.integers(1, len(lines) - 1))
    if how == "extra":
        lines[index] += "," + draw(st.text(',;\t"x1 ', max_size=4))
    elif how == "short":
        lines[index] = lines[index].rpartition(",")[0]
    else:
        header = lines[0].split(",")
        lines[0] = ",".join([*header, draw(st.sampled_from(header))])
    return "\n".join(lines) + "\n"


# --- the contract ------------------------------------------------------------

#: Returned by `refused` for a call that raised a `KtttError`.
REFUSED: Final = object()


def refused(
    call: Callable[..., object], *args: object, **kwargs: object
) -> Any:
    """Call *call*; return its result, or `REFUSED` for a `KtttError`.

    Any other exception propagates (and fails the test). A `KtttError`
    must name a field and a rule, and its message must be printable.
    """
    try:
        return call(*args, **kwargs)
    except KtttError as error:
        caught = error
    assert isinstance(caught.field, str), caught
    assert isinstance(caught.rule, str), caught
    assert caught.rule, caught
    assert str(caught)
    return REFUSED


def conforms(value: object, hint: object) -> bool:
    """Whether *value* is of the type *hint* names.

    A float field holds a finite `int` or `float` (not a `bool`); a date
    field a date, not a date-time.
    """
    check = _BY_ORIGIN.get(typing.get_origin(hint))
    if check is None:
        return _conforms_scalar(value, hint)
    return check(value, typing.get_args(hint))


def _any_of(value: object, args: tuple[object, ...]) -> bool:
    return any(conforms(value, arg) for arg in args)


def _conforms_items(value: object, args: tuple[object, ...]) -> bool:
    return isinstance(value, frozenset | set | list) and all(
        conforms(item, args[0])
        for item in typing.cast("collections.abc.Iterable[object]", value)
    )


def _conforms_mapping(value: object, args: tuple[object, ...]) -> bool:
    if not isinstance(value, Mapping):
        return False
    items = typing.cast("Mapping[object, object]", value).items()
    return all(conforms(k, args[0]) and conforms(v, args[1]) for k, v in items)


def _conforms_tuple(value: object, args: tuple[object, ...]) -> bool:
    if not isinstance(value, tuple):
        return False
    items = typing.cast("tuple[object, ...]", value)
    if len(args) == 2 and args[1] is Ellipsis:
        return all(conforms(item, args[0]) for item in items)
    return len(items) == len(args) and all(
        conforms(item, arg) for item, arg in zip(items, args, strict=True)
    )


def _conforms_scalar(value: object, hint: object) -> bool:
    if hint is Any or hint is object:
        return True
    if hint is None or hint is type(None):
        return value is None
    if hint is float:
        return (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and _finite(value)
        )
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is pendulum.Date:
        return isinstance(value, pendulum.Date) and not isinstance(
            value, dt.datetime
        )
    if isinstance(hint, type):
        return isinstance(value, hint)
    message = f"conforms() does not know the hint {hint!r}"
    raise TypeError(message)


def _finite(value: float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


#: How `conforms` checks a value of each generic origin.
_BY_ORIGIN: Final[
    dict[object, Callable[[object, tuple[object, ...]], bool]]
] = {
    typing.Union: _any_of,
    types.UnionType: _any_of,
    typing.Literal: lambda value, args: value in args,
    tuple: _conforms_tuple,
    frozenset: _conforms_items,
    set: _conforms_items,
    list: _conforms_items,
    dict: _conforms_mapping,
    collections.abc.Mapping: _conforms_mapping,
}


def field_hints(cls: type[Any]) -> dict[str, object]:
    """Return the type hint of each field of an attrs class, by alias."""
    attrs.resolve_types(cls)
    return {field.alias: field.type for field in attrs.fields(cls)}


def nonconforming(instance: object) -> list[str]:
    """Return the fields of an attrs *instance* that do not fit their types."""
    hints = field_hints(type(instance))
    return [
        f"{field.name}={getattr(instance, field.name)!r}"
        for field in attrs.fields(type(instance))
        if not conforms(getattr(instance, field.name), hints[field.alias])
    ]


# --- text inside values ------------------------------------------------------


def holds_text(
    hint: object,
    seen: tuple[object, ...] = (),
    *,
    skip: collections.abc.Container[type] = (),
) -> bool:
    """Whether a value of the type *hint* can hold text, at any depth.

    Text inside values of the types in *skip* below the top is not counted.
    """
    if hint is str:
        return True
    if isinstance(hint, type) and attrs.has(hint):
        return (
            hint not in seen
            and not (seen and hint in skip)
            and any(
                holds_text(inner, (*seen, hint), skip=skip)
                for inner in field_hints(hint).values()
            )
        )
    return any(
        holds_text(arg, seen, skip=skip) for arg in typing.get_args(hint)
    )


def text_paths(
    value: object,
    path: tuple[object, ...] = (),
    *,
    skip: collections.abc.Container[type] = (),
) -> list[tuple[object, ...]]:
    """Return the paths to the text fields of *value*, empty ones included.

    A path steps into fields (by their argument name) and tuple items; an
    optional text field that is `None` is a path too. Values of the types
    in *skip* below the top are not entered.
    """
    if isinstance(value, str):
        return [path]
    if isinstance(value, tuple):
        items = typing.cast("tuple[object, ...]", value)
        return [
            found
            for index, item in enumerate(items)
            for found in text_paths(item, (*path, index), skip=skip)
        ]
    if not attrs.has(type(value)) or (path and type(value) in skip):
        return []
    hints = field_hints(type(value))
    found: list[tuple[object, ...]] = []
    for field in attrs.fields(type(value)):
        item = getattr(value, field.name)
        if item is None and str in typing.get_args(hints[field.alias]):
            found.append((*path, field.alias))
        elif field.init:
            found.extend(text_paths(item, (*path, field.alias), skip=skip))
    return found


def replace_at(value: Any, path: tuple[object, ...], new: object) -> Any:
    """Return *value* with *new* at *path* (see `text_paths`), rebuilt."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, tuple):
        items = list(typing.cast("tuple[object, ...]", value))
        index = typing.cast("int", head)
        items[index] = replace_at(items[index], rest, new)
        return tuple(items)
    names = {field.alias: field.name for field in attrs.fields(type(value))}
    inner = getattr(value, names[typing.cast("str", head)])
    return attrs.evolve(value, **{str(head): replace_at(inner, rest, new)})
