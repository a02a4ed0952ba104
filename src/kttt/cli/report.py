"""``kttt report``: the progress of a programme's targets against the data."""

from __future__ import annotations

import argparse
import csv
import io
import sys

from collections.abc import Mapping, Sequence
from pathlib import Path

import pendulum

from kttt.errors import DataError, KtttError, ParseError
from kttt.progress import (
    DEFAULT_METHOD,
    METHOD_NAMES,
    ProgressReport,
)
from kttt.series import Observation, Series, national_statistics
from kttt.sources import Source
from kttt.targets import (
    TargetSet,
    nq20_targets,
    read_programme,
    target_set,
)
from kttt.text import parse_number


#: The columns of a ``--data`` file; ``as_of`` and ``source`` may be left
#: out.
DATA_COLUMNS = ("indicator", "year", "value")
_OPTIONAL_COLUMNS = ("as_of", "source")


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
        "--lang", choices=("vi", "en"), default="vi", help="language"
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
        metavar="FILE.csv",
        type=Path,
        help=(
            "your observations: a CSV with columns indicator, year, value "
            "(and optionally as_of, source)"
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
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="output format (default: text)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the report the parsed *args* ask for; return the exit status."""
    programme = _programme(args.programme)
    data: Mapping[str, Series | Sequence[Series]]
    if args.data is not None:
        data = read_observations(_read(args.data), programme)
    elif programme.scope is None:
        data = national_statistics()
    else:
        data = {}
    report = ProgressReport.build(
        programme,
        data,
        as_of=_parse_date(args.as_of),
        methods=METHOD_NAMES if args.methods == "all" else (args.method,),
        proxies=_parse_proxies(args.proxy),
    )
    if args.format == "json":
        sys.stdout.write(report.to_json() + "\n")
    else:
        sys.stdout.write(report.to_text(args.lang))
        if not data:
            sys.stdout.write(_NO_DATA[args.lang] + "\n")
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


_NO_DATA = {
    "vi": (
        "Không có số liệu sẵn cho phạm vi này; dùng --data FILE.csv "
        "(cột indicator, year, value)."
    ),
    "en": (
        "No built-in data for this scope; pass --data FILE.csv "
        "(columns indicator, year, value)."
    ),
}


def _parse_proxies(pairs: Sequence[str]) -> dict[str, str]:
    proxies: dict[str, str] = {}
    for pair in pairs:
        code, sep, other = (part.strip() for part in pair.partition("="))
        if not (sep and code and other):
            raise ParseError("proxy", pair, "write CODE=OTHER")
        proxies[code] = other
    return proxies


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise DataError("data", str(path), f"cannot read: {error}") from None


def _parse_date(text: str | None) -> pendulum.Date | None:
    if text is None:
        return None
    try:
        parsed = pendulum.Date.fromisoformat(text)
    except ValueError:
        raise ParseError("as_of", text, "a date 'YYYY-MM-DD'") from None
    return pendulum.Date(parsed.year, parsed.month, parsed.day)


def read_observations(text: str, programme: TargetSet) -> dict[str, Series]:
    """Read a CSV of observations into one series per indicator.

    Indicators are those of *programme*; numbers may be written the
    Vietnamese way ("35.041", "78,1").

    Raises:
        DataError: Naming the row, the column and the value.
    """
    reader = csv.DictReader(io.StringIO(text))
    columns = tuple(reader.fieldnames or ())
    allowed = DATA_COLUMNS + _OPTIONAL_COLUMNS
    if not set(DATA_COLUMNS) <= set(columns) or not set(columns) <= set(
        allowed
    ):
        raise DataError(
            "header",
            list(columns),
            "columns are indicator, year, value (optionally as_of, source)",
        )
    indicators = {i.code: i for i in programme.indicators()}
    found: dict[str, list[Observation]] = {}
    for row, cells in enumerate(reader, start=1):
        try:
            code, observation = _observation(cells, indicators)
        except KtttError as error:
            raise DataError(
                error.field, error.value, error.rule, row=row
            ) from None
        found.setdefault(code, []).append(observation)
    result: dict[str, Series] = {}
    for code, observations in found.items():
        try:
            result[code] = Series.of(
                indicators[code], observations, scope=programme.scope
            )
        except KtttError as error:
            raise DataError(
                f"{code}: {error.field}", error.value, error.rule
            ) from None
    return result


def _observation(
    cells: Mapping[str, str | None], indicators: Mapping[str, object]
) -> tuple[str, Observation]:
    code = (cells.get("indicator") or "").strip()
    if code not in indicators:
        raise DataError(
            "indicator", code, "names an indicator of the programme"
        )
    year_text = (cells.get("year") or "").strip()
    if not year_text.isdigit():
        raise DataError("year", year_text, "a year such as 2025")
    value = float(parse_number(cells.get("value") or ""))
    source_text = (cells.get("source") or "").strip()
    return code, Observation(
        year=int(year_text),
        value=value,
        source=Source(document=source_text) if source_text else None,
        as_of=_parse_date((cells.get("as_of") or "").strip() or None),
    )
