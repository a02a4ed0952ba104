"""The built-in target sets, each a data file under ``kttt/data/targets``."""

from __future__ import annotations

from typing import Final, cast

from kttt._data import Dataset
from kttt.errors import NotFoundError
from kttt.targets._sets import TargetSet, parse_set
from kttt.text import fold


#: The targets of Resolution 20-NQ/TW for 2030 and 2045
#: (``kttt/data/targets/nq20.json``).
NQ20: Final = Dataset("targets/nq20.json", parse_set)
#: The 2030 targets of the Strategy 2021–2030, 340/QĐ-TTg
#: (``kttt/data/targets/qd340.json``).
QD340: Final = Dataset("targets/qd340.json", parse_set)
#: The 2025 targets of the Plan 2021–2025, 1318/QĐ-TTg
#: (``kttt/data/targets/qd1318.json``).
QD1318: Final = Dataset("targets/qd1318.json", parse_set)
#: The targets of Ninh Thuận's programme 155-CTr/TU
#: (``kttt/data/targets/ctr155-ninh-thuan.json``).
CTR155_NINH_THUAN: Final = Dataset("targets/ctr155-ninh-thuan.json", parse_set)
#: The 2025 target of Resolution 106/NQ-CP on agricultural cooperatives
#: (``kttt/data/targets/nq106.json``).
NQ106: Final = Dataset("targets/nq106.json", parse_set)

#: The built-in target sets by document number, in this order.
_BUILTIN_SETS: Final = {
    "20-NQ/TW": NQ20,
    "340/QĐ-TTg": QD340,
    "1318/QĐ-TTg": QD1318,
    "155-CTr/TU": CTR155_NINH_THUAN,
    "106/NQ-CP": NQ106,
}


def target_sets() -> tuple[TargetSet, ...]:
    """Return every built-in target set.

    NQ 20-NQ/TW, the Strategy 2021–2030 (340/QĐ-TTg), the 2021–2025 plan
    (1318/QĐ-TTg), Ninh Thuận's programme 155-CTr/TU and the 2025 target
    of NQ 106/NQ-CP on agricultural cooperatives.
    """
    return tuple(dataset.load() for dataset in _BUILTIN_SETS.values())


def _key(code: str) -> str:
    return fold(code).replace(" ", "")


def target_set(code: str) -> TargetSet:
    """Return the built-in target set of the document numbered *code*.

    Matching ignores case, diacritics and spaces (``"340/QD-TTg"`` works).

    Raises:
        NotFoundError: If no built-in set has this code.
    """
    if not isinstance(cast("object", code), str):
        raise NotFoundError("target_set", code, "a code is text")
    wanted = _key(code)
    for known, dataset in _BUILTIN_SETS.items():
        if _key(known) == wanted:
            return dataset.load()
    choices = ", ".join(_BUILTIN_SETS)
    raise NotFoundError("target_set", code, f"built-in sets are: {choices}")


def nq20_targets() -> TargetSet:
    """Return the targets of Resolution 20-NQ/TW for 2030 and 2045."""
    return NQ20.load()
