"""The ``kttt`` command line: reports on the built-in data or your files.

Run ``kttt --help`` (or ``python -m kttt --help``) for the commands.
"""

from __future__ import annotations

import argparse
import sys

from collections.abc import Callable, Sequence
from typing import TypeAlias

from kttt.cli import committees, programme, provinces, rate, report
from kttt.errors import KtttError


_Parser: TypeAlias = argparse.ArgumentParser
_Subparsers: TypeAlias = "argparse._SubParsersAction[_Parser]"  # pyright: ignore[reportPrivateUsage]  # noqa: SLF001

#: One ``register(subparsers)`` function per command module.
_COMMANDS: list[Callable[[_Subparsers], None]] = [
    provinces.register,
    report.register,
    rate.register,
    committees.register,
    programme.register,
]


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``kttt`` command."""
    parser = argparse.ArgumentParser(
        prog="kttt",
        description=(
            "Vietnam's collective economy: ratings, targets, progress."
        ),
    )
    subparsers = parser.add_subparsers(dest="command", required=True)
    for register in _COMMANDS:
        register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kttt`` command line and return its exit status.

    Errors in the user's input are printed on stderr (exit status 2),
    never as a traceback.
    """
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KtttError as error:
        print(f"kttt: error: {error}", file=sys.stderr)
        return 2
