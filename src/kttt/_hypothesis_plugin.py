"""Hypothesis' entry point: makes ``st.from_type`` know every kttt type.

Hypothesis calls `setup` when it is imported.
Importing `kttt.strategies` registers the types; if that import is what
is importing Hypothesis right now, it registers them itself when done.
"""

from __future__ import annotations

import importlib
import sys


def setup() -> None:
    """Import `kttt.strategies` (which registers the types) unless underway."""
    if "kttt.strategies" not in sys.modules:
        importlib.import_module("kttt.strategies")
