"""The ``kttt rate`` command: rate the score sheets of a table file."""

from __future__ import annotations

import argparse
import csv
import io
import sys

from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from kttt import _data
from kttt.cli._messages import describe
from kttt.cli._output import (
    Document,
    add_output_options,
    emit,
    safe_cell,
    unwritable,
)
from kttt.errors import KtttError
from kttt.rating import (
    RESULT_COLUMNS,
    RatedRow,
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
        help="rate the score sheets of a table (good/fair/average/weak)",
        description=(
            "Rate every score sheet (one per row) of SHEETS (CSV in any "
            "office encoding, or .xlsx) and write one result row per good "
            "sheet, as CSV by default. Bad rows are reported on stderr "
            "with their row (data rows count from 1) and column, and the "
            "other rows are still rated; the exit status is 1 if any row "
            "was bad."
        ),
    )
    parser.add_argument("sheets", type=Path, metavar="SHEETS")
    parser.add_argument(
        "--scheme",
        metavar="CODE|FILE.json",
        help=(
            "a built-in scheme code (TT-01-2020, TT-09-2017, TT-42-2016) "
            "or a scheme file; by default each sheet's scheme is chosen "
            "from its kind, sector and year"
        ),
    )
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        default="vi",
        help="language of the error messages",
    )
    add_output_options(parser, default="csv")
    parser.set_defaults(run=_run)


def _scheme(text: str | None) -> RatingScheme | None:
    if text is None:
        return None
    if text.endswith(".json") or _is_file(text):
        return load_scheme(text)
    return builtin_scheme(text)


def _is_file(text: str) -> bool:
    """Whether *text* names a file (not a name too long or with a NUL)."""
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def _run(args: argparse.Namespace) -> int:
    scheme = _scheme(args.scheme)
    rows = _rated(args.sheets, scheme)
    bad = [False]

    def good() -> Iterator[RatedRow]:
        for outcome in rows:
            if isinstance(outcome, KtttError):
                bad[0] = True
                sys.stderr.write(describe(outcome, args.lang))
            else:
                yield outcome

    if args.format == "csv":
        _stream(good(), args)
    else:
        emit(
            Document(
                title=f"kttt rate {args.sheets.name}",
                columns=RESULT_COLUMNS,
                rows=tuple(row.cells for row in good()),
            ),
            args,
        )
    return 1 if bad[0] else 0


def _rated(
    path: Path, scheme: RatingScheme | None
) -> Iterator[RatedRow | KtttError]:
    if path.suffix.lower() == ".xlsx":
        text = _as_csv(_data.read_table(path))
    else:
        text = _data.read_text(path)
    return rate_csv(text, scheme, file=str(path))


def _as_csv(table: _data.Table) -> str:
    # A workbook's rows become CSV text for the one streaming rater.
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows(
        [cells[column] for column in table.columns] for _, cells in table.rows
    )
    return buffer.getvalue()


def _stream(rows: Iterator[RatedRow], args: argparse.Namespace) -> None:
    """Write the result rows as CSV as they come (a country's table)."""
    if args.output is None:
        _write_csv(rows, sys.stdout)
        return
    try:
        with args.output.open("w", encoding="utf-8", newline="") as out:
            _write_csv(rows, out)
    except (OSError, ValueError) as error:
        raise unwritable(args.output, error) from None


def _write_csv(rows: Iterator[RatedRow], out: TextIO) -> None:
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(RESULT_COLUMNS)
    writer.writerows([safe_cell(cell) for cell in row.cells] for row in rows)
