"""Tests for the package as users see it: exports, version, docstrings."""

from __future__ import annotations

import importlib
import importlib.metadata
import inspect

import pytest

import kttt


def test_version_matches_metadata():
    """__version__ is the installed distribution's version."""
    assert importlib.metadata.version("kttt") == kttt.__version__


@pytest.mark.parametrize("name", kttt.__all__)
def test_public_names_exist_and_are_documented(name):
    """Every name in __all__ exists and has a docstring."""
    obj = getattr(kttt, name)

    if inspect.isclass(obj) or inspect.isfunction(obj):
        assert inspect.getdoc(obj), name


def test_all_lists_each_name_once():
    """__all__ lists each name once (ruff's RUF022 keeps it sorted)."""
    assert len(set(kttt.__all__)) == len(kttt.__all__)


def test_design_names_are_public():
    """The names other code and the docs rely on are exported."""
    for name in (
        "parse_document_number",
        "DocumentNumber",
        "Province",
        "Cooperative",
        "Rating",
        "ScoreSheet",
        "classify",
        "Target",
        "Comparator",
        "Series",
        "assess",
        "ProgressStatus",
    ):
        assert name in kttt.__all__, name
    for module in ("datasets", "strategies", "serialization"):
        assert inspect.ismodule(importlib.import_module(f"kttt.{module}"))
