"""``kttt programme check FILE``: validate a programme sheet, say it back."""

from __future__ import annotations

import argparse
import sys

from pathlib import Path

from kttt._labels import pick
from kttt.targets import TargetSet, read_programme


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],  # pyright: ignore[reportPrivateUsage]
) -> None:
    """Add the ``programme`` command and its ``check`` subcommand."""
    parser = subparsers.add_parser(
        "programme",
        help="check a province's programme spreadsheet",
        description=(
            "Work with a programme written as a spreadsheet (.csv or "
            ".xlsx): one row per target under the programme's own fields."
        ),
    )
    actions = parser.add_subparsers(dest="action", required=True)
    check = actions.add_parser(
        "check",
        help="validate a programme sheet and print it back in words",
        description=(
            "Read a programme sheet, report every problem with its row and "
            "column (exit status 1), or print each target in words."
        ),
    )
    check.add_argument("file", type=Path, help="the .csv or .xlsx file")
    check.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="language"
    )
    check.set_defaults(run=run_check)


def run_check(args: argparse.Namespace) -> int:
    """Check the sheet *args.file*; print it back in words.

    Every problem of a bad sheet is raised at once (the command line
    reports them all, with their rows and columns, and exits 1).
    """
    sys.stdout.write(describe(read_programme(args.file), args.lang))
    return 0


def describe(programme: TargetSet, lang: str) -> str:
    """Return the programme and each of its targets in words."""
    where = (
        pick(lang, "toàn quốc", "national")
        if programme.scope is None
        else f"{programme.scope.name} ({programme.scope.era.label(lang)})"
    )
    lines = [f"{programme.code}: {programme.title}", where]
    if programme.adopted is not None:
        lines.append(
            f"{pick(lang, 'ban hành', 'adopted')} {programme.adopted}"
        )
    for year in programme.horizons():
        lines.append("")
        lines.append(f"{pick(lang, 'Đến năm', 'By')} {year}:")
        for target in programme.by_horizon(year):
            tolerance = ""
            if target.tolerance is not None:
                share = target.indicator.unit.value == "percent"
                tolerance = (
                    f" ({target.tolerance.describe(lang, percent=share)})"
                )
            lines.append(
                f"- {target.indicator.label(lang)}: "
                f"{target.describe(lang)}{tolerance} [{target.source.cite()}]"
            )
    return "\n".join(lines) + "\n"
