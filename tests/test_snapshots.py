"""Golden snapshots of every built-in dataset.

Each dataset is dumped field by field into ``tests/snapshots/`` and
compared with the reviewed file there, so that any change to the data
shows as a diff.
After a deliberate change to a data file, write the snapshots anew with
``nox -s snapshots`` (``KTTT_UPDATE_SNAPSHOTS=1``) and review the diff.
"""

from __future__ import annotations

import os
import pathlib

import pytest

from helpers import dump
from kttt import datasets


SNAPSHOTS = pathlib.Path(__file__).parent / "snapshots"


def _file(name: str) -> pathlib.Path:
    return SNAPSHOTS / f"{name.replace('/', '__')}.json"


@pytest.mark.parametrize("name", datasets.names())
def test_dataset_matches_its_snapshot(name):
    """The built-in dataset reads into exactly the reviewed values."""
    text = dump(datasets.load(name))
    if os.environ.get("KTTT_UPDATE_SNAPSHOTS") == "1":
        _file(name).write_text(text, encoding="utf-8")

    assert _file(name).read_text(encoding="utf-8") == text


def test_every_snapshot_has_a_dataset():
    """No snapshot is left over from a dataset that no longer exists."""
    expected = {_file(name).name for name in datasets.names()}

    assert expected == {path.name for path in SNAPSHOTS.glob("*.json")}
