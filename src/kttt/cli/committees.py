"""The ``kttt committees`` command: the 2023 steering-committee network."""

from __future__ import annotations

import argparse

from typing import Final

from kttt._labels import localize_digits, pick
from kttt.cli._output import Document, add_output_options, emit
from kttt.committees import NetworkSummary, network_2023, network_summary
from kttt.geography import Era


_ROWS: Final = (
    ("province_count", "Số tỉnh, thành phố", "Provinces"),
    (
        "not_planning_department",
        "Cơ quan thường trực không phải Sở Kế hoạch và Đầu tư",
        "Standing agency other than the planning department",
    ),
    ("support_team", "Có Tổ giúp việc", "With a support team"),
    (
        "district_committees",
        "Có Ban Chỉ đạo cấp huyện",
        "With district committees",
    ),
    (
        "commune_focal_officers",
        "Có đầu mối cấp xã",
        "With commune focal officers",
    ),
)


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],  # pyright: ignore[reportPrivateUsage]
) -> None:
    """Add the ``committees`` command."""
    parser = subparsers.add_parser(
        "committees",
        help="the 2023 network of provincial steering committees",
        description=(
            "Summarise the 2023 network of provincial steering committees "
            "(standing agencies, support teams, district committees, "
            "commune focal officers) on the 63 provinces of the time or "
            "regrouped onto the 34 of 2025."
        ),
    )
    parser.add_argument(
        "--era",
        choices=[e.value for e in Era],
        default=Era.PRE_2025.value,
        help="63: the provinces of 2023 (default); 34: regrouped onto 2025",
    )
    parser.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="language"
    )
    add_output_options(parser)
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    summary = network_summary(network_2023(), era=Era(args.era))
    emit(document(summary, args.lang), args)
    return 0


def document(summary: NetworkSummary, lang: str) -> Document:
    """Return the summary as a two-column table in *lang*."""
    title = pick(
        lang,
        f"Mạng lưới Ban Chỉ đạo cấp tỉnh ({summary.as_of.year})",
        f"Provincial steering committees ({summary.as_of.year})",
    )
    unknown = pick(lang, "không xác định được", "cannot be told")
    rows = [
        (pick(lang, vi, en), getattr(summary, name)) for name, vi, en in _ROWS
    ]
    rows.extend(
        (agency.label(lang), count)
        for agency, count in summary.standing_agency.items()
    )
    cells = tuple(
        (
            label,
            unknown if value is None else localize_digits(f"{value:,}", lang),
        )
        for label, value in rows
    )
    width = max(len(label) for label, _ in cells)
    lines = [title, ""]
    lines.extend(f"{label.ljust(width)}  {value}" for label, value in cells)
    notes = tuple(f"- {note}" for note in summary.notes)
    return Document(
        title=title,
        columns=(pick(lang, "Nội dung", "Item"), pick(lang, "Số", "Count")),
        rows=cells,
        notes=notes,
        text="\n".join([*lines, *notes]) + "\n",
    )
