"""
Tests of the documentation's promises that code can check: the glossary
names only Python names that exist.
"""

from __future__ import annotations

import builtins
import re

from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest

import kttt


GLOSSARY = Path(__file__).parent.parent / "docs" / "glossary.md"


def python_names() -> list[str]:
    """Return every name quoted in the Python column of the glossary."""
    names: list[str] = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 3:
            names += re.findall(r"`([^`]+)`", cells[2])
    return names


def test_the_glossary_quotes_python_names():
    """The glossary's Python column is read (it is not empty)."""
    assert {"Cooperative", "CommitteeLevel", "Rating.GOOD"} <= set(
        python_names()
    )


def resolve(name: str) -> object:
    """Return what a quoted name names: kttt, a builtin or a kttt object."""
    path = name.removesuffix("(...)")
    if path == "kttt":
        return kttt
    if hasattr(builtins, path):
        return getattr(builtins, path)
    value: object = kttt
    for part in path.split("."):
        value = getattr(value, part)
    return value


@pytest.mark.parametrize("name", python_names())
def test_every_glossary_name_exists(name):
    """Every class or member the glossary suggests exists in kttt."""
    assert resolve(name) is not None


README = Path(__file__).parent.parent / "README.md"


def test_the_readme_scenario_answer_is_what_kttt_computes():
    """The README's Python example runs and gives the chance it states."""
    mpl.use("Agg")
    text = README.read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    namespace: dict[str, object] = {}

    exec(code, namespace)  # noqa: S102 - the README's own example

    stated = re.search(r"row.probability  # ([0-9.]+)", code)
    assert stated is not None
    row = namespace["row"]
    assert float(stated.group(1)) == round(row.probability, 2)
    plt.close("all")
