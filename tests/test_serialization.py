"""Tests for kttt.serialization: the converter, JSON, records and CSV."""

from __future__ import annotations

import datetime as dt
import json

from decimal import Decimal
from fractions import Fraction

import attrs
import pendulum
import pytest

from hypothesis import find, given, settings
from hypothesis import strategies as st

from hostile import (
    REFUSED,
    edge_texts,
    holds_text,
    refused,
    replace_at,
    text_paths,
)
from kttt import serialization as ser
from kttt import strategies as kst
from kttt.errors import DataError, KtttError, ParseError, ValidationError
from kttt.organizations import Cooperative, Organization, Sector
from kttt.series import Observation
from kttt.sources import Source


def _not_negative(
    _: object, attribute: attrs.Attribute[int], value: int
) -> None:
    if value < 0:
        raise ValidationError(attribute.name, value, "must not be negative")


@attrs.frozen(kw_only=True)
class Inner:
    """A nested record."""

    n: int = attrs.field(validator=_not_negative)
    when: pendulum.Date


@attrs.frozen(kw_only=True)
class Outer:
    """A record with every shape the flat format handles."""

    name: str
    inner: Inner
    opt: Inner | None = None
    tags: tuple[str, ...] = ()
    sector: Sector = Sector.OTHER
    amount: Decimal = Decimal("1.5")
    share: Fraction = Fraction(1, 3)
    ratio: float = 0.5
    flag: bool = False
    counts: dict[str, int] = attrs.Factory(dict)
    at: pendulum.DateTime | None = None


def outers() -> st.SearchStrategy[Outer]:
    """Draw Outer values."""
    inners = st.builds(
        Inner, n=st.integers(0, 10**6), when=kst.pendulum_dates()
    )
    return st.builds(
        Outer,
        name=st.text(min_size=1),
        inner=inners,
        opt=st.none() | inners,
        tags=st.lists(st.text()).map(tuple),
        sector=kst.labelled_enums(Sector),
        amount=st.decimals(allow_nan=False, allow_infinity=False, places=3),
        share=st.fractions(),
        ratio=st.floats(allow_nan=False, allow_infinity=False),
        flag=st.booleans(),
        counts=st.dictionaries(
            st.text(alphabet="abcxyz", min_size=1), st.integers()
        ),
        at=st.none()
        | st.datetimes(timezones=st.just(dt.UTC)).map(pendulum.instance),
    )


@given(outers())
def test_json_round_trip_keeps_types(value):
    """JSON round trips are exact, dates included (not datetime.date)."""
    back = ser.from_json(ser.to_json(value), Outer)

    assert value == back
    assert type(back.inner.when) is pendulum.Date
    assert back.at is None or type(back.at) is pendulum.DateTime


@given(st.lists(outers(), max_size=4))
def test_csv_round_trip(values):
    """CSV round trips are exact, whatever mix of optional records."""
    text = ser.to_csv(values)

    assert values == list(ser.from_csv(text, Outer))


def test_records_are_flat_strings():
    """Nested values become dotted columns; lists are JSON in one cell."""
    value = Outer(
        name="Hợp tác xã",
        inner=Inner(n=3, when=pendulum.Date(2024, 1, 2)),
        tags=("a", "b,c"),
    )

    [record] = ser.to_records([value])

    assert "3" == record["inner.n"]
    assert "2024-01-02" == record["inner.when"]
    assert '["a", "b,c"]' == record["tags"]
    assert "" == record["opt"]
    assert "false" == record["flag"]
    assert "other" == record["sector"]


def test_source_round_trip():
    """Sources carry dates as pendulum dates."""
    source = Source(document="20-NQ/TW", retrieved=pendulum.Date(2026, 1, 2))

    back = ser.from_json(ser.to_json(source), Source)

    assert source == back
    assert type(back.retrieved) is pendulum.Date


@pytest.mark.parametrize(
    ("text", "cls", "field", "rule"),
    [
        (
            '{"name": "x", "inner": {"n": -1, "when": "2024-01-01"}}',
            ValidationError,
            "inner.n",
            "must not be negative",
        ),
        (
            '{"name": "x", "inner": {"n": 1, "when": "2024-13-01"}}',
            ParseError,
            "inner.when",
            "ISO 8601",
        ),
        ('{"name": "x"}', ValidationError, "inner", "missing"),
        (
            '{"name": "x", "inner": {"n": "abc", "when": "2024-01-01"}}',
            ParseError,
            "inner.n",
            "whole number",
        ),
        (
            (
                '{"name": "x", "inner": {"n": 1, "when": "2024-01-01"}, '
                '"tags": [1]}'
            ),
            ParseError,
            "tags[0]",
            "text",
        ),
        (
            (
                '{"name": "x", "inner": {"n": 1, "when": "2024-01-01"}, '
                '"bogus": 1}'
            ),
            ValidationError,
            "$",
            "unknown field",
        ),
        (
            (
                '{"name": "x", "inner": {"n": 1, "when": "2024-01-01"}, '
                '"sector": "mining"}'
            ),
            ParseError,
            "sector",
            "must be one of",
        ),
        (
            (
                '{"name": "x", "inner": {"n": 1, "when": "2024-01-01"}, '
                '"amount": "NaN"}'
            ),
            ParseError,
            "amount",
            "finite",
        ),
        (
            (
                '{"name": "x", "inner": {"n": 1, "when": "2024-01-01"}, '
                '"at": "2024-01-01T00:00:00"}'
            ),
            ParseError,
            "at",
            "UTC offset",
        ),
        ("{", DataError, "json", "not JSON"),
    ],
)
def test_bad_json_names_the_field(text, cls, field, rule):
    """Every structuring failure is a KtttError naming the field path."""
    with pytest.raises(cls) as info:
        ser.from_json(text, Outer)

    assert field == info.value.field
    assert rule in info.value.rule


def test_bad_csv_row_is_numbered():
    """CSV errors carry the 1-based data row."""
    good = Outer(name="a", inner=Inner(n=1, when=pendulum.Date(2024, 1, 1)))
    text = ser.to_csv([good, good]).replace("2024-01-01", "2024-01-99")
    lines = text.splitlines()
    text = "\n".join([lines[0], ser.to_csv([good]).splitlines()[1], lines[2]])

    with pytest.raises(ParseError) as info:
        list(ser.from_csv(text, Outer))

    assert 2 == info.value.row
    assert "inner.when" == info.value.field


def test_a_5000_digit_number_is_refused_by_the_reader():
    """A number too long for int() is a DataError, not a ValueError."""
    with pytest.raises(DataError, match="too many digits") as info:
        ser.from_json(
            '{"year": 2020, "value": ' + "1" * 5000 + "}", Observation
        )

    assert "json" == info.value.field


@pytest.mark.parametrize(
    ("call", "field", "row"),
    [
        (lambda: ser.from_records(None, Source), "rows", None),
        (lambda: ser.from_records("document", Source), "rows", None),
        (lambda: ser.from_records([None], Source), "row", 1),
        (lambda: ser.from_records([{1: "x"}], Source), "column", 1),
        (lambda: ser.from_records([{"document": 3}], Source), "document", 1),
        (lambda: ser.from_csv(None, Source), "text", None),
        (lambda: ser.from_json("{}", "Source"), "cls", None),
        (lambda: ser.from_json("{}", None), "cls", None),
    ],
)
def test_wrong_arguments_to_the_readers_are_refused(call, field, row):
    """Records that are not mappings of text, and non-types, are refused."""
    with pytest.raises(
        ParseError if field != "cls" else ValidationError
    ) as info:
        list(call())

    assert field == info.value.field
    assert row == info.value.row


def test_bad_json_cell_in_csv():
    """A list cell that is not JSON is refused."""
    good = Outer(name="a", inner=Inner(n=1, when=pendulum.Date(2024, 1, 1)))
    text = ser.to_csv([good]).replace("[]", "[oops")

    with pytest.raises(ParseError, match="JSON"):
        list(ser.from_csv(text, Outer))


@pytest.mark.parametrize(
    ("value", "cls"),
    [
        (True, int),
        ("1.5", int),
        ("x", float),
        (True, float),
        ("yes", bool),
        (1, str),
        (1.5, Decimal),
        ("1/0", Fraction),
        (1.5, Fraction),
        ("2024-01-01T00:00:00+00:00", pendulum.Date),
        (20240101, pendulum.Date),
        (5, pendulum.DateTime),
        ("soon", pendulum.DateTime),
        ("x", Decimal),
        (3, Sector),
    ],
)
def test_scalar_hooks_refuse_coercion(value, cls):
    """Nothing is silently coerced: bools are not ints, floats not Decimals."""
    with pytest.raises(KtttError):
        ser.structure(value, cls)


@pytest.mark.parametrize(
    ("value", "cls", "expected"),
    [
        ("12", int, 12),
        ("-3", int, -3),
        (2, float, 2.0),
        ("2.5", float, 2.5),
        ("TRUE", bool, True),
        (3, Decimal, Decimal(3)),
        ("2/3", Fraction, Fraction(2, 3)),
        (dt.date(2024, 1, 2), pendulum.Date, pendulum.Date(2024, 1, 2)),
        ("Nông nghiệp", Sector, Sector.AGRICULTURE),
    ],
)
def test_scalar_hooks_accept_text_forms(value, cls, expected):
    """Cells and JSON values in their documented text forms are read."""
    assert expected == ser.structure(value, cls)


def test_aware_datetime_object_is_accepted():
    """An aware stdlib datetime becomes a pendulum DateTime."""
    value = dt.datetime(2024, 1, 2, 3, tzinfo=dt.UTC)

    result = ser.structure(value, pendulum.DateTime)

    assert type(result) is pendulum.DateTime
    assert value == result


def test_wrong_top_level_shape():
    """A list where a record is expected is refused with a KtttError."""
    with pytest.raises(ValidationError):
        ser.from_json("[1]", Outer)


def test_converter_is_fresh():
    """make_converter returns a new converter each time."""
    assert ser.make_converter() is not ser.make_converter()


@settings(max_examples=30)
@given(st.lists(kst.organizations(), max_size=4))
def test_mixed_organisations_round_trip(organizations):
    """A registry of mixed kinds reads back as Organization, each its kind."""
    from_json = ser.from_json(ser.to_json(organizations), list[Organization])
    from_csv = list(ser.from_csv(ser.to_csv(organizations), Organization))

    assert organizations == from_json == from_csv
    assert [type(o) for o in organizations] == [type(o) for o in from_csv]


def test_organisation_records_carry_their_kind():
    """The kind is written first; it must agree with the class read."""
    data = json.loads(ser.to_json(_cooperative()))

    assert ("kind", "cooperative") == next(iter(data.items()))
    data["kind"] = "cooperative_union"
    with pytest.raises(ParseError) as info:
        ser.structure(data, Cooperative)
    assert "kind" == info.value.field


@pytest.mark.parametrize(
    ("kind", "rule"),
    [(None, "names the organisation's kind"), ("cooperative_bank", "models")],
)
def test_organisation_without_a_known_kind_is_refused(kind, rule):
    """Reading an Organization needs a kind kttt models."""
    data = json.loads(ser.to_json(_cooperative()))
    data["kind"] = kind

    with pytest.raises(ParseError) as info:
        ser.structure(data, Organization)

    assert "kind" == info.value.field
    assert rule in info.value.rule


def _cooperative() -> Cooperative:
    """A valid cooperative drawn once from the public strategy."""
    return find(kst.cooperatives(), lambda _: True)


#: The types whose own fields can hold text, outside the values of other
#: types with a strategy; the rating room's, being reworked elsewhere for
#: issue 11, are left to it.
_TEXT_TYPES = sorted(
    (
        cls
        for cls in kst.TYPE_STRATEGIES
        if holds_text(cls, skip=kst.TYPE_STRATEGIES)
        and not cls.__module__.startswith("kttt.rating")
    ),
    key=lambda cls: cls.__qualname__,
)


@pytest.mark.parametrize("cls", _TEXT_TYPES, ids=lambda c: c.__qualname__)
@settings(max_examples=20)
@given(data=st.data())
def test_edge_text_round_trips_or_is_refused(cls, data):
    """Edge text survives records and CSV exactly, or construction refuses it.

    Empty, blank, invisible, padded, multi-line and decomposed text is put
    into each text field (empty optional ones included), one at a time; the
    fields of values of the other types tested here are left to them.
    """
    value = data.draw(st.from_type(cls))
    for path in text_paths(value, skip=kst.TYPE_STRATEGIES):
        changed = refused(replace_at, value, path, data.draw(edge_texts()))
        if changed is REFUSED:
            continue
        records = ser.to_records([changed])

        assert [changed] == list(ser.from_records(records, cls)), path
        assert [changed] == list(ser.from_csv(ser.to_csv([changed]), cls))
