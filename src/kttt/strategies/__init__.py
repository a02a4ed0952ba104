"""
Public Hypothesis strategies for every kttt domain type.

Install the extra (``pip install "kttt[hypothesis]"``) and use them in your
own property tests::

    from hypothesis import given
    from kttt import strategies as kst

    @given(kst.provinces())
    def test_something(province): ...

Every strategy takes keyword-only knobs where ``None`` means "draw it",
shrinks towards the simplest value, and builds valid values directly
(no ``.filter`` chains).
Through Hypothesis' entry point, ``st.from_type(kttt.Province)`` and
``st.builds(...)`` work for every type listed in `TYPE_STRATEGIES`.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

from kttt.geography import Era, Province
from kttt.strategies._base import labelled_enums, pendulum_dates
from kttt.strategies._geography import eras, provinces


__all__ = [
    "TYPE_STRATEGIES",
    "eras",
    "labelled_enums",
    "pendulum_dates",
    "provinces",
]

#: The strategy Hypothesis uses for each kttt type, for ``st.from_type``.
TYPE_STRATEGIES: dict[type, Callable[[], st.SearchStrategy[object]]] = {
    # --- geography ---
    Era: eras,
    Province: provinces,
}


def _hypothesis_setup_hook() -> None:
    """
    Register every kttt type with Hypothesis (called through the entry point).
    """
    for cls, strategy in TYPE_STRATEGIES.items():
        st.register_type_strategy(cls, strategy())
