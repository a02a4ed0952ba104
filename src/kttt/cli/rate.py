"""The ``kttt rate`` command: rate the score sheets of a CSV file."""

from __future__ import annotations

import argparse
import csv
import sys

from pathlib import Path
from typing import TextIO

from kttt import _data
from kttt.errors import DataError, KtttError
from kttt.rating import (
    RESULT_COLUMNS,
    RatingScheme,
    builtin_scheme,
    load_scheme,
    rate_csv,
)


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],  # pyright: ignore[reportPrivateUsage]
) -> None:
    """Add the ``rate`` command."""
    parser = subparsers.add_parser(
        "rate",
        help="rate the score sheets of a CSV file (good/fair/average/weak)",
        description=(
            "Rate every score sheet (one per row) of SHEETS.csv and write "
            "one result row per good sheet as CSV. Bad rows are reported "
            "on stderr with their row number (data rows count from 1) and "
            "the other rows are still rated; the exit status is 1 if any "
            "row was bad."
        ),
    )
    parser.add_argument("sheets", type=Path, metavar="SHEETS.csv")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT.csv",
        help="where to write the results (default: standard output)",
    )
    parser.add_argument(
        "--scheme",
        metavar="CODE|FILE.json",
        help=(
            "a built-in scheme code (TT-01-2020, TT-09-2017, TT-42-2016) "
            "or a scheme file; by default each sheet's scheme is chosen "
            "from its kind, sector and year"
        ),
    )
    parser.set_defaults(run=_run)


def _scheme(text: str | None) -> RatingScheme | None:
    if text is None:
        return None
    if text.endswith(".json") or Path(text).is_file():
        return load_scheme(text)
    return builtin_scheme(text)


def _write(args: argparse.Namespace, out: TextIO) -> int:
    scheme = _scheme(args.scheme)
    text = _data.read_text(args.sheets)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(RESULT_COLUMNS)
    bad = 0
    for outcome in rate_csv(text, scheme, file=str(args.sheets)):
        if isinstance(outcome, KtttError):
            bad += 1
            sys.stderr.write(f"kttt rate: {outcome}\n")
        else:
            writer.writerow(outcome.cells)
    return 1 if bad else 0


def _run(args: argparse.Namespace) -> int:
    try:
        if args.output is None:
            return _write(args, sys.stdout)
        with args.output.open("w", encoding="utf-8", newline="") as out:
            return _write(args, out)
    except OSError as error:
        raise DataError(
            str(args.sheets), None, f"cannot read or write: {error}"
        ) from None
