"""Rich display in notebooks: HTML views in Vietnamese or English.

Targets, target sets, series, assessments, reports, classifications,
rating shares, simulations and comparisons show as HTML tables in Jupyter
(``_repr_html_``) and have a short ``repr``.
The HTML is in Vietnamese unless you choose otherwise for a block of
code (`display_language`) or for one value (`in_language`); neither
changes anything outside the block or the value, so two notebooks or
threads never see each other's choice.

>>> from kttt.display import display_language, current_language
>>> with display_language("en"):
...     current_language()
'en'
>>> current_language()
'vi'
"""

from __future__ import annotations

from kttt._display import (
    InLanguage,
    current_language,
    display_language,
    in_language,
)


__all__ = ["InLanguage", "current_language", "display_language", "in_language"]
