"""The built-in programmes, and reading a programme from a data file.

A programme file is an envelope (`kttt._data`) whose one row is the
programme, written as `kttt.serialization` writes an `ActionProgramme`:
agencies by their code, reference numbers as text, the province as its
code and era, and the quantified targets as the code of a built-in target
set.
The sources of the programme's items are usually the programme's own
source with a clause: ``{"ref": "seed-003", "clause": "III.1"}``.
"""

from __future__ import annotations

import functools

from typing import Final, cast

import cattrs

from kttt import _data, bodies, documents, geography
from kttt._data import Dataset, Envelope
from kttt.errors import NotFoundError
from kttt.programmes._model import ActionProgramme
from kttt.targets import TargetSet, target_set
from kttt.text import fold


def configure_converter(conv: cattrs.Converter) -> None:
    """Read a programme's target set from a built-in set's code, or whole.

    ``"targets": "155-CTr/TU"`` stands for the built-in target set of that
    document (`kttt.targets.target_set`); a set written out is read as
    *conv* reads a `kttt.targets.TargetSet`.
    """

    def structure_targets(value: object, _: object) -> TargetSet | None:
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return target_set(value)
            except NotFoundError as error:
                raise NotFoundError("", value, error.rule) from None
        return _data.structure(conv, value, TargetSet)

    conv.register_structure_hook(
        TargetSet | None,
        structure_targets,
    )


@functools.cache
def _converter() -> cattrs.Converter:
    return _data.new_converter(
        geography.configure_converter,
        documents.configure_converter,
        bodies.configure_converter,
        configure_converter,
    )


def _parse_programme(envelope: Envelope) -> ActionProgramme:
    """Read the one programme of a programme file.

    Raises:
        DataError: Naming the file and the path of the first bad value
            (``rows[0].tasks[3].deadline.date``).
    """
    return envelope.only().structure(_converter(), ActionProgramme)


#: Quảng Bình's conclusions of 6 February 2020 (seed 004).
QUANG_BINH_2020: Final = Dataset(
    "programmes/quang-binh-2020.json", _parse_programme
)
#: Ninh Thuận's action programme 155-CTr/TU (seed 003).
NINH_THUAN_155: Final = Dataset(
    "programmes/ninh-thuan-155.json", _parse_programme
)
#: The steering committee's 2023 activity plan (seed 002).
BCD_2023: Final = Dataset("programmes/bcd-2023.json", _parse_programme)
#: The steering committee's 2026 activity plan (seed 001).
BCD_2026: Final = Dataset("programmes/bcd-2026.json", _parse_programme)

#: The built-in programmes, oldest first.
_BUILTIN: Final = (QUANG_BINH_2020, NINH_THUAN_155, BCD_2023, BCD_2026)


def programmes() -> tuple[ActionProgramme, ...]:
    """Return every built-in programme, oldest first.

    They are the steering committee's 2023 and 2026 activity plans (seeds
    002 and 001), Ninh Thuận's action programme 155-CTr/TU (seed 003) and
    Quảng Bình's 2020 conclusions (seed 004).
    """
    return tuple(dataset.load() for dataset in _BUILTIN)


def get_programme(key: str) -> ActionProgramme:
    """Return a built-in programme by its key or its document number.

    >>> get_programme("155-CTr/TU").key
    'ninh-thuan-155'

    Raises:
        NotFoundError: If no built-in programme has this key or number.
    """
    if not isinstance(cast("object", key), str):
        raise NotFoundError("programme", key, "a key is text")
    for plan in programmes():
        if plan.key == key:
            return plan
    for plan in programmes():
        if plan.number is not None and fold(str(plan.number)) == fold(key):
            return plan
    keys = ", ".join(plan.key for plan in programmes())
    raise NotFoundError(
        "programme", key, f"built-in programmes are {keys} (or their numbers)"
    )
