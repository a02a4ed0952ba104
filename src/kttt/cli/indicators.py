"""``kttt indicators`` and ``kttt template``: what a data file may hold.

``kttt indicators`` lists the indicator codes (of a programme, or of the
whole catalogue); ``kttt template`` writes a data file to fill in, one
row per indicator of a programme, for ``kttt report --data``.
"""

from __future__ import annotations

import argparse

from typing import Final

from kttt._labels import pick
from kttt.cli._output import Document, add_output_options, emit
from kttt.cli.observations import DATA_COLUMNS, OPTIONAL_COLUMNS
from kttt.targets import Indicator, indicators, nq20_targets, target_set


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],  # pyright: ignore[reportPrivateUsage]
) -> None:
    """Add the ``indicators`` and ``template`` commands."""
    listing = subparsers.add_parser(
        "indicators",
        help="list the indicator codes a data file may use",
        description=(
            "List the indicators of a programme (or, without --programme, "
            "of kttt's whole catalogue): the codes a --data file uses."
        ),
    )
    _add_options(listing)
    add_output_options(listing)
    listing.set_defaults(run=_run_indicators)
    template = subparsers.add_parser(
        "template",
        help="write a data file to fill in for kttt report --data",
        description=(
            "Write a data file with one row per indicator of a programme "
            "(default: 20-NQ/TW), to fill in with years and values and "
            "pass to kttt report --data. Rows left empty are skipped."
        ),
    )
    _add_options(template)
    add_output_options(template, default="csv")
    template.set_defaults(run=_run_template)


def _add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--programme",
        metavar="CODE",
        help="a built-in programme, e.g. 155-CTr/TU",
    )
    parser.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="language"
    )


def _chosen(args: argparse.Namespace) -> tuple[str, tuple[Indicator, ...]]:
    if args.programme is None:
        return "", indicators()
    programme = target_set(args.programme)
    return programme.code, programme.indicators()


_HEADERS: Final = {
    "vi": ("Mã", "Chỉ tiêu", "Đơn vị", "Chiều mong muốn"),
    "en": ("Code", "Indicator", "Unit", "Desired direction"),
}


def _run_indicators(args: argparse.Namespace) -> int:
    code, chosen = _chosen(args)
    lang = args.lang
    title = (
        pick(lang, f"Chỉ tiêu của {code}", f"Indicators of {code}")
        if code
        else pick(lang, "Danh mục chỉ tiêu của kttt", "kttt's indicators")
    )
    emit(
        Document(
            title=title,
            columns=_HEADERS[lang],
            rows=tuple(
                (
                    i.code,
                    i.label(lang),
                    i.unit.label(lang),
                    i.direction.label(lang),
                )
                for i in chosen
            ),
        ),
        args,
    )
    return 0


def _run_template(args: argparse.Namespace) -> int:
    if args.programme is None:
        chosen = nq20_targets().indicators()
    else:
        chosen = _chosen(args)[1]
    emit(
        Document(
            title="kttt data file",
            columns=(*DATA_COLUMNS, *OPTIONAL_COLUMNS),
            rows=tuple(
                (i.code, "", "", "", "", i.label(args.lang)) for i in chosen
            ),
        ),
        args,
    )
    return 0
