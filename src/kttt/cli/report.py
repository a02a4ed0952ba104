"""``kttt report``: the progress of a programme's targets against the data."""

from __future__ import annotations

import argparse

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

import pendulum

from kttt import _data
from kttt.cli._output import Document, add_output_options, emit
from kttt.cli.observations import read_observations
from kttt.errors import ParseError
from kttt.progress import DEFAULT_METHOD, METHOD_NAMES, ProgressReport
from kttt.series import Series, national_statistics
from kttt.targets import (
    TargetSet,
    nq20_targets,
    read_programme,
    target_set,
)


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],  # pyright: ignore[reportPrivateUsage]
) -> None:
    """Add the ``report`` command to the ``kttt`` command line."""
    parser = subparsers.add_parser(
        "report",
        help="progress of a programme's targets (default: NQ 20-NQ/TW)",
        description=(
            "Print where each target of a programme stands: by default "
            "Resolution 20-NQ/TW's 2030 and 2045 targets against the "
            "built-in national statistics, as of the latest data."
        ),
    )
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        default="vi",
        help="language of the report and of error messages",
    )
    parser.add_argument(
        "--method",
        choices=METHOD_NAMES,
        default=DEFAULT_METHOD,
        help=f"assessment method (default: {DEFAULT_METHOD})",
    )
    parser.add_argument(
        "--methods",
        choices=("all",),
        help="'all': every method side by side",
    )
    parser.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="use only data known on this date (default: all data)",
    )
    parser.add_argument(
        "--programme",
        metavar="CODE|FILE",
        help=(
            "a built-in programme, e.g. 155-CTr/TU (default: 20-NQ/TW), or "
            "a programme file: a sheet (.csv, .xlsx) or a JSON target set"
        ),
    )
    parser.add_argument(
        "--data",
        metavar="FILE",
        help=(
            "your observations: CSV or .xlsx with columns indicator, year, "
            "value (and optionally as_of, source); kttt template writes one"
        ),
    )
    parser.add_argument(
        "--numbers",
        choices=("vi", "en", "auto"),
        default="auto",
        help=(
            "how --data writes numbers: vi '1.200,5', en '1,200.5', auto "
            "(default) as the file's unambiguous numbers show"
        ),
    )
    parser.add_argument(
        "--proxy",
        metavar="CODE=OTHER",
        action="append",
        default=[],
        help=(
            "measure indicator CODE by the data on indicator OTHER when it "
            "has none of its own, e.g. organizations.good_fair_share="
            "cooperatives.good_fair_share (repeatable; shown in the notes)"
        ),
    )
    add_output_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the report the parsed *args* ask for; return the exit status."""
    programme = _programme(args.programme)
    notes: list[str] = []
    data: Mapping[str, Series | Sequence[Series]]
    if args.data is not None:
        found = read_observations(args.data, programme, numbers=args.numbers)
        data = found.series
        if found.unfilled:
            notes.append(_UNFILLED[args.lang].format(found.unfilled))
    elif programme.scope is None:
        data = national_statistics()
    else:
        data = {}
        notes.append(_NO_DATA[args.lang])
    report = ProgressReport.build(
        programme,
        data,
        as_of=_parse_date(args.as_of),
        methods=METHOD_NAMES if args.methods == "all" else (args.method,),
        proxies=_parse_proxies(args.proxy),
    )
    headers, rows = report.table(args.lang)
    text = report.to_text(args.lang)
    emit(
        Document(
            title=report.title(args.lang),
            columns=tuple(headers),
            rows=tuple(tuple(row) for row in rows),
            notes=(*report.notes(args.lang), *notes),
            text=text + "".join(f"{note}\n" for note in notes),
            json=report.to_json() + "\n",
        ),
        args,
    )
    return 0


def _programme(name: str | None) -> TargetSet:
    """Return the built-in programme *name*, or the one in the file *name*."""
    if name is None:
        return nq20_targets()
    path = Path(name)
    if path.suffix.lower() == ".json":
        return TargetSet.load(path)
    if path.suffix.lower() in {".csv", ".xlsx"}:
        return read_programme(path)
    return target_set(name)


_NO_DATA: Final = {
    "vi": (
        "Không có số liệu sẵn cho phạm vi này; dùng --data TỆP "
        "(cột indicator, year, value; kttt template tạo tệp mẫu)."
    ),
    "en": (
        "No built-in data for this scope; pass --data FILE "
        "(columns indicator, year, value; kttt template writes one)."
    ),
}

_UNFILLED: Final = {
    "vi": "{} dòng của tệp số liệu chưa điền năm và giá trị, đã bỏ qua.",
    "en": "{} rows of the data file have no year and value yet; skipped.",
}


def _parse_proxies(pairs: Sequence[str]) -> dict[str, str]:
    proxies: dict[str, str] = {}
    for pair in pairs:
        code, sep, other = (part.strip() for part in pair.partition("="))
        if not (sep and code and other):
            raise ParseError("proxy", pair, "write CODE=OTHER")
        proxies[code] = other
    return proxies


def _parse_date(text: str | None) -> pendulum.Date | None:
    return None if text is None else _data.parse_iso_date(text, field="as_of")
