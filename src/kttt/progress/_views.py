"""Progress as DataFrames and as HTML: one row per target and method."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from kttt import _display, _frames
from kttt._frames import Column, Kind
from kttt.progress._labels import ProgressStatus


if TYPE_CHECKING:
    import pandas as pd

    from kttt.progress._progress import Progress
    from kttt.progress._report import ProgressReport, ReportRow


#: The numbers `Progress` derives from its fields, in the order records and
#: frames show them.
DERIVED = (
    "observed_change",
    "required_change_from_base",
    "required_growth_from_latest",
    "required_change_from_latest",
    "distance_covered",
    "time_elapsed",
    "years_to_target",
    "missed_by",
)

#: The numbers of an assessment, each a float64 column (``NaN``: none).
_NUMBERS = (
    "latest_value",
    "goal",
    "base_value",
    "observed_growth",
    "required_growth_from_base",
    "ratio",
    "projected_value",
    "shortfall",
    "score",
    *DERIVED,
)


def columns(lang: str) -> tuple[Column, ...]:
    """Return the columns of a report frame in *lang*."""
    return (
        Column("indicator", Kind.TEXT),
        Column("name", Kind.TEXT),
        Column("horizon", Kind.INT),
        Column("target", Kind.TEXT),
        Column("comparator", Kind.TEXT),
        Column("target_value", Kind.FLOAT),
        Column("as_of", Kind.DATE),
        Column("method", Kind.TEXT),
        _frames.ordered("status", ProgressStatus, lang),
        Column("method_label", Kind.TEXT),
        Column("direction", Kind.TEXT),
        Column("latest_year", Kind.OPTIONAL_INT),
        Column("base_year", Kind.OPTIONAL_INT),
        Column("projected_from", Kind.OPTIONAL_INT),
        Column("projector", Kind.TEXT),
        *(Column(name, Kind.FLOAT) for name in _NUMBERS),
        Column("diagnostics", Kind.TEXT),
        Column("proxy", Kind.TEXT),
    )


def _rows(
    report: ProgressReport, row: ReportRow, lang: str
) -> list[tuple[object, ...]]:
    target = row.target
    head = (
        target.indicator.code,
        target.indicator.label(lang),
        target.horizon,
        target.describe(lang),
        target.comparator.value,
        target.value,
        report.as_of,
    )
    proxy = None if row.proxy is None else row.proxy.code
    if not row.results:
        status = ProgressStatus.INSUFFICIENT_DATA.label(lang)
        blank = (None,) * (len(columns(lang)) - len(head) - 3)
        return [(*head, report.methods[0], status, *blank, proxy)]
    return [
        (
            *head,
            p.method,
            p.status.label(lang),
            p.method_label.label(lang),
            p.direction.label(lang),
            p.latest_year,
            p.base_year,
            p.projected_from,
            p.projector,
            *(getattr(p, name) for name in _NUMBERS),
            "; ".join(d.kind.label(lang) for d in p.diagnostics) or None,
            proxy,
        )
        for p in row.results
    ]


def report_frame(report: ProgressReport, lang: str) -> pd.DataFrame:
    """Return the report as a DataFrame (see `ProgressReport.to_dataframe`)."""
    return _frames.frame(
        columns(lang),
        (line for row in report.rows for line in _rows(report, row, lang)),
    )


# --- display ----------------------------------------------------------------


def progress_short(progress: Progress) -> str:
    """Return the short ``repr`` of *progress*."""
    target = progress.target
    return (
        f"<Progress {target.indicator.code} {target.horizon} by "
        f"{progress.method}: {progress.status.value}, "
        f"{progress.latest_year} = {progress.latest_value!r}>"
    )


def progress_html(progress: Progress) -> str:
    """Return *progress* as an HTML table in the display language."""
    lang = _display.current_language()
    target = progress.target
    vi = lang == "vi"
    names = (
        (
            "Mục tiêu",
            "Trạng thái",
            "Phương pháp",
            "Số liệu mới nhất",
            "Chi tiết",
        )
        if vi
        else ("Target", "Status", "Method", "Latest", "Detail")
    )
    symbol = target.indicator.unit.symbol
    latest = f"{_display.level(progress.latest_value, lang)}{symbol}"
    values = (
        f"{target.describe(lang)} ({target.horizon})",
        progress.status.label(lang),
        f"{progress.method}: {progress.method_label.label(lang)}",
        f"{progress.latest_year}: {latest}",
        progress.summary(lang),
    )
    notes = [
        (f"{'Ghi chú' if vi else 'Note'}", d.describe(lang))
        for d in progress.diagnostics
    ]
    return _display.fields(
        target.indicator.label(lang),
        [*zip(names, values, strict=True), *notes],
    )


def report_short(report: ProgressReport) -> str:
    """Return the short ``repr`` of *report*: the statuses counted."""
    counts = Counter(row.status().value for row in report.rows)
    tally = ", ".join(
        f"{counts[s.value]} {s.value}"
        for s in ProgressStatus
        if counts[s.value]
    )
    when = "latest data" if report.as_of is None else report.as_of.isoformat()
    return (
        f"<ProgressReport {report.target_set.code} as of {when} by "
        f"{', '.join(report.methods)}: {len(report.rows)} targets"
        f"{': ' + tally if tally else ''}>"
    )
