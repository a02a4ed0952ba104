"""The ``kttt`` command line: reports on the built-in data or your files.

Run ``kttt --help`` (or ``python -m kttt --help``) for the commands.

Exit status: 0 when all went well, 1 when a file of yours has bad data
(every problem is listed on standard error, with its row and column), 2
for a wrong command (an unknown option or value, a file that cannot be
read).
No error is ever shown as a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

from collections.abc import Callable, Sequence
from typing import Final, TypeAlias

from kttt._version import __version__
from kttt.cli import committees, indicators, programme, provinces, rate, report
from kttt.cli._messages import describe
from kttt.errors import DataError, KtttError


_Parser: TypeAlias = argparse.ArgumentParser
_Subparsers: TypeAlias = "argparse._SubParsersAction[_Parser]"  # pyright: ignore[reportPrivateUsage]  # noqa: SLF001

#: One ``register(subparsers)`` function per command module.
_COMMANDS: list[Callable[[_Subparsers], None]] = [
    provinces.register,
    report.register,
    indicators.register,
    rate.register,
    committees.register,
    programme.register,
]

#: Exit statuses.
OK: Final = 0
BAD_DATA: Final = 1
BAD_USAGE: Final = 2


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``kttt`` command."""
    parser = argparse.ArgumentParser(
        prog="kttt",
        description=(
            "Vietnam's collective economy: ratings, targets, progress. "
            "Exit status: 0 ok, 1 bad data in a file, 2 wrong command."
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"kttt {__version__}"
    )
    subparsers = parser.add_subparsers(dest="command", required=True)
    for register in _COMMANDS:
        register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kttt`` command line and return its exit status.

    Errors are printed on standard error in the language of ``--lang``
    (every problem of a bad file, each with its row and column), never as
    a traceback; see the module's documentation for the exit statuses.
    """
    try:
        args = build_parser().parse_args(argv)
        return _run(args)
    except BrokenPipeError:
        # The reader (``kttt report | head``) left: say nothing more, and
        # keep Python from complaining when it flushes standard output.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OK


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.run(args))
    except KtttError as error:
        sys.stderr.write(describe(error, getattr(args, "lang", None) or "vi"))
        return BAD_DATA if isinstance(error, DataError) else BAD_USAGE
