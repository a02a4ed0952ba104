"""Rich display: the language of HTML views and the tables they are made of.

Notebooks show a value through its ``_repr_html_``, which takes no
argument: the language comes from a context variable, Vietnamese unless
a `display_language` block (or an `in_language` wrapper) says otherwise.
A context variable is private to each thread and asynchronous task, and
the block restores it on exit, so one caller's choice never leaks into
another's.
"""

from __future__ import annotations

import contextlib
import html

from collections.abc import Generator, Iterable, Sequence
from contextvars import ContextVar
from typing import Protocol

import attrs

from kttt._labels import localize_digits, pick


#: The language of rich display in the current context.
_LANGUAGE: ContextVar[str] = ContextVar("kttt_display_language", default="vi")


def current_language() -> str:
    """Return the language rich display uses here: ``"vi"`` or ``"en"``.

    >>> current_language()
    'vi'
    """
    return _LANGUAGE.get()


@contextlib.contextmanager
def display_language(lang: str) -> Generator[None, None, None]:
    """Show kttt values in *lang* (``"vi"`` or ``"en"``) inside the block.

    >>> from kttt.targets import nq20_targets
    >>> target = nq20_targets().get("cooperatives.count", 2030)
    >>> with display_language("en"):
    ...     "about 45,000" in target._repr_html_()
    True
    >>> current_language()
    'vi'

    Raises:
        ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
    """
    token = _LANGUAGE.set(pick(lang, "vi", "en"))
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


class _Displayable(Protocol):
    def _repr_html_(self) -> str: ...


@attrs.frozen
class InLanguage:
    """A kttt value shown in a language of its own (see `in_language`)."""

    #: The value shown.
    value: _Displayable
    #: Its language, ``"vi"`` or ``"en"``.
    lang: str

    def _repr_html_(self) -> str:
        with display_language(self.lang):
            return self.value._repr_html_()  # pyright: ignore[reportPrivateUsage]

    def __repr__(self) -> str:
        return repr(self.value)


def in_language(value: _Displayable, lang: str) -> InLanguage:
    """Return *value* wrapped to show in *lang* in a notebook.

    The last expression of a cell, ``in_language(report, "en")`` shows
    the report in English without changing how anything else is shown.

    Raises:
        ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
    """
    return InLanguage(value, pick(lang, "vi", "en"))


def table(
    caption: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    notes: Sequence[str] = (),
) -> str:
    """Return an HTML table: a caption, a header row and text cells.

    Every cell and note is escaped; ``None`` is an empty cell.
    """
    head = "".join(f"<th>{_escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{_escape(c)}</td>" for c in row) + "</tr>"
        for row in rows
    )
    foot = "".join(f"<li>{_escape(note)}</li>" for note in notes)
    return (
        f'<table class="kttt"><caption>{_escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        + (f'<ul class="kttt-notes">{foot}</ul>' if foot else "")
    )


def fields(caption: str, pairs: Iterable[tuple[str, object]]) -> str:
    """Return an HTML table of names and values under *caption*.

    Pairs whose value is ``None`` are left out.
    """
    body = "".join(
        f'<tr><th style="text-align: left">{_escape(name)}</th>'
        f"<td>{_escape(value)}</td></tr>"
        for name, value in pairs
        if value is not None
    )
    return (
        f'<table class="kttt"><caption>{_escape(caption)}</caption>'
        f"<tbody>{body}</tbody></table>"
    )


def _escape(value: object) -> str:
    return "" if value is None else html.escape(str(value))


def level(value: float, lang: str) -> str:
    """Write a level with digit grouping in *lang* (whole above 100).

    >>> level(45_000, "vi"), level(62.5, "en")
    ('45.000', '62.5')
    """
    digits = 0 if abs(value) >= 100 else 1
    return localize_digits(f"{value:,.{digits}f}", lang)
