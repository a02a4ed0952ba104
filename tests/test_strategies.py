"""Tests for the public Hypothesis strategies and their registration."""

from __future__ import annotations

import inspect

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from kttt import serialization, strategies
from kttt._hypothesis_plugin import setup
from kttt.strategies import TYPE_STRATEGIES, register_types


_TYPES = sorted(TYPE_STRATEGIES, key=lambda cls: cls.__qualname__)


@pytest.mark.parametrize("cls", _TYPES, ids=lambda cls: cls.__qualname__)
@settings(max_examples=15)
@given(data=st.data())
def test_from_type_draws_instances(cls, data):
    """The entry point registers every domain type with Hypothesis."""
    value = data.draw(st.from_type(cls))

    assert isinstance(value, cls)


@pytest.mark.parametrize("cls", _TYPES, ids=lambda cls: cls.__qualname__)
@settings(max_examples=25)
@given(data=st.data())
def test_every_registered_type_round_trips_json(cls, data):
    """Every domain type survives a JSON round trip with exact types."""
    value = data.draw(st.from_type(cls))

    back = serialization.from_json(serialization.to_json(value), cls)

    assert value == back
    assert type(value) is type(back)


@settings(max_examples=5)
@given(data=st.data())
def test_registration_is_idempotent(data):
    """The entry point and a second registration change nothing."""
    setup()
    register_types()

    assert isinstance(data.draw(st.from_type(_TYPES[0])), _TYPES[0])


def test_strategies_use_no_filter_chains():
    """Public strategies build valid values directly, never by rejection."""
    for name in strategies.__all__:
        obj = getattr(strategies, name)
        if callable(obj) and not isinstance(obj, type):
            source = inspect.getsource(inspect.getmodule(obj))

            assert ".filter(" not in source, name


@pytest.mark.parametrize("cls", _TYPES, ids=lambda cls: cls.__qualname__)
@settings(max_examples=15)
@given(data=st.data())
def test_every_registered_type_round_trips_csv(cls, data):
    """Every domain type survives a CSV round trip with exact types."""
    values = data.draw(st.lists(st.from_type(cls), max_size=3))

    back = list(serialization.from_csv(serialization.to_csv(values), cls))

    assert values == back
    assert [type(v) for v in values] == [type(b) for b in back]
