"""Optional extras: importing their packages on first use, or saying why not.

The core needs only attrs, cattrs, pendulum and typing-extensions; NumPy
(``simulation``), pandas (``pandas``), matplotlib (``plot``) and openpyxl
(``excel``) are imported where a feature needs them, through `require`.
"""

from __future__ import annotations

import importlib

from types import ModuleType

from kttt.errors import MissingExtraError


def require(module: str, *, extra: str, feature: str) -> ModuleType:
    """Import *module*, the package of the optional *extra*.

    Raises:
        MissingExtraError: Naming the extra and the command that installs it.
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            extra, module, f"{feature} needs: pip install 'kttt[{extra}]'"
        ) from None
