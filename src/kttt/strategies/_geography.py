"""Strategies for province-level units and their eras."""

from __future__ import annotations

from hypothesis import strategies as st

from kttt.geography import Era, Province
from kttt.strategies._base import labelled_enums


def eras() -> st.SearchStrategy[Era]:
    """Draw a `kttt.geography.Era`, shrinking towards the 63 units."""
    return labelled_enums(Era)


def provinces(*, era: Era | None = None) -> st.SearchStrategy[Province]:
    """Draw a unit of the built-in province table.

    Args:
        era: Draw only units of this era; by default units of both, the
            34 current ones first.

    Shrinks towards the first unit by code (Hà Nội).
    """
    chosen = (Era.FROM_2025, Era.PRE_2025) if era is None else (era,)
    return st.sampled_from([unit for e in chosen for unit in Province.all(e)])
