"""The documentation's own Sphinx extension.

- Attribute docstrings: napoleon reads the first line of an attribute's
  docstring as ``type: description`` when it has a colon, which garbled
  every ``#:`` comment such as "The assessment date (``None``: the latest
  data)". kttt never writes types there (annotations give them), so
  napoleon's handler is replaced by one that reads the docstring of an
  attribute, a property or a datum as any other.
- Enumeration members: every member of a `kttt._labels.LabelledEnum` is
  listed, and the enumeration's docstring ends with a table of their codes
  and labels.
- ``kttt-cli``, ``kttt-data-template`` and ``kttt-indicators`` write the
  command-line page from the live parser and data, so that it stays true
  as the command line and the programmes grow. They write
  reStructuredText: use them in an ``eval-rst`` block of a MyST page.
"""

from __future__ import annotations

import argparse
import contextlib
import os

from collections.abc import Callable, Iterator
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.ext import napoleon
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

from kttt._labels import LabelledEnum


#: The objects whose docstrings napoleon would read as ``type: text``.
_ATTRIBUTES = frozenset({"attribute", "property", "data"})


def _napoleon(  # noqa: PLR0917 - the event's signature
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: object,
    lines: list[str],
) -> None:
    """Run napoleon, reading an attribute's docstring as plain text.

    An enumeration's docstring ends with a table of its members' codes and
    labels.
    """
    napoleon._process_docstring(  # noqa: SLF001 - napoleon's own handler
        app,
        "" if what in _ATTRIBUTES else what,  # type: ignore[arg-type]
        name,
        obj,
        options,
        lines,
    )
    if isinstance(obj, type) and issubclass(obj, LabelledEnum) and len(obj):
        lines += _members(obj)


def _members(enum: type[LabelledEnum]) -> list[str]:
    rows = [
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "",
        "   * - member",
        "     - code",
        "     - tiếng Việt",
        "     - English",
    ]
    for member in enum:
        rows += [
            f"   * - ``{member.name}``",
            f"     - ``{member.value}``",
            f"     - {member.label_vi}",
            f"     - {member.label_en}",
        ]
    return [*rows, ""]


def _keep_members(
    _app: Sphinx, what: str, _name: str, obj: object, _skip: bool, _opts: Any
) -> bool | None:
    """Document every member of an enumeration (never skip it)."""
    if what == "class" and isinstance(obj, LabelledEnum):
        return False
    return None


@contextlib.contextmanager
def _columns(width: int) -> Iterator[None]:
    """Format argparse help at *width* columns, whatever the terminal."""
    before = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if before is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = before


def _directive(
    write: Callable[..., list[str]], arguments: int = 0
) -> type[SphinxDirective]:
    """Return a directive whose body is the reStructuredText *write* gives."""

    class Generated(SphinxDirective):
        required_arguments = arguments
        final_argument_whitespace = True

        def run(self) -> list[nodes.Node]:
            container = nodes.section()
            container.document = self.state.document
            text = StringList(write(*self.arguments), source="kttt_docs")
            nested_parse_with_titles(self.state, text, container)
            return list(container.children)

    return Generated


def _literal(text: str) -> list[str]:
    lines = text.splitlines()
    return [".. code-block:: text", "", *(f"   {line}" for line in lines), ""]


def command_line() -> list[str]:
    """Return the help of ``kttt`` and of each of its subcommands."""
    from kttt.cli import build_parser  # noqa: PLC0415 - at build time

    with _columns(79):
        parser = build_parser()
        lines = _literal(parser.format_help())
        for action in parser._actions:  # noqa: SLF001 - argparse's API
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                for name, sub in action.choices.items():
                    title = f"``kttt {name}``"
                    lines += [title, "^" * len(title), ""]
                    lines += _literal(sub.format_help())
    return lines


def data_template(code: str) -> list[str]:
    """Return what ``kttt template --programme CODE`` writes for *code*."""
    import io  # noqa: PLC0415 - at build time

    from kttt.cli import main  # noqa: PLC0415

    written = io.StringIO()
    with contextlib.redirect_stdout(written):
        main(["template", "--programme", code, "--lang", "en"])
    return _literal(written.getvalue().removeprefix("\ufeff").rstrip())


def indicators() -> list[str]:
    """Return a table of the indicator codes of each built-in programme."""
    from kttt.targets import target_sets  # noqa: PLC0415 - at build time

    lines: list[str] = []
    for programme in target_sets():
        title = f"{programme.code}: {programme.title}"
        lines += [title, "^" * len(title), ""]
        lines += [
            ".. list-table::",
            "   :header-rows: 1",
            "",
            "   * - code",
            "     - indicator",
            "     - unit",
            "     - target years",
        ]
        for indicator in programme.indicators():
            years = sorted(
                t.horizon
                for t in programme
                if t.indicator.code == indicator.code
            )
            lines += [
                f"   * - ``{indicator.code}``",
                f"     - {indicator.label_en}",
                f"     - {indicator.unit.label_en}",
                f"     - {', '.join(str(y) for y in years)}",
            ]
        lines.append("")
    return lines


def setup(app: Sphinx) -> dict[str, object]:
    """Register the hooks and the directives."""
    app.setup_extension("sphinx.ext.napoleon")
    for listener in list(app.events.listeners["autodoc-process-docstring"]):
        if listener.handler is napoleon._process_docstring:  # noqa: SLF001
            app.disconnect(listener.id)
    app.connect("autodoc-process-docstring", _napoleon)
    app.connect("autodoc-skip-member", _keep_members)
    app.add_directive("kttt-cli", _directive(command_line))
    app.add_directive("kttt-data-template", _directive(data_template, 1))
    app.add_directive("kttt-indicators", _directive(indicators))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
