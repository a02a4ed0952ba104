"""Reading committees, rules and snapshots: the converter of the room.

A committee file is an envelope (`kttt._data`) whose rows are written as
`kttt.serialization` writes the room's values: agencies by their code,
reference numbers as text, a province as its code and era.
"""

from __future__ import annotations

import functools

import cattrs

from kttt import _data, bodies, documents, geography


def configure_converter(conv: cattrs.Converter) -> None:
    """Add the hooks the committees' types need beyond attrs' defaults.

    There are none today: committees, rules and snapshots are read field
    by field with the hooks of the lower rooms (provinces, documents,
    agencies).
    Compose it all the same, so that a hook added here reaches every
    converter.
    """
    del conv


@functools.cache
def converter() -> cattrs.Converter:
    """Return the converter that reads the room's data files."""
    return _data.new_converter(
        geography.configure_converter,
        documents.configure_converter,
        bodies.configure_converter,
        configure_converter,
    )
