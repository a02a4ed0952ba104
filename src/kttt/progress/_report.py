"""`ProgressReport`: every target of a programme against the data.

One table (text, HTML, JSON or records), by one method or several side by
side.
"""

from __future__ import annotations

import json
import textwrap

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from kttt import _display, _frames
from kttt.errors import IncompatibleSeriesError, ValidationError
from kttt.progress import _views
from kttt.progress._assess import (
    DEFAULT_METHOD,
    STALE_AFTER_YEARS,
    assess,
    check_as_of,
    check_stale_after,
    known_by,
    resolve_method,
    stale_note,
)
from kttt.progress._indices import ProgrammeIndex, programme_index
from kttt.progress._labels import DiagnosticKind, ProgressStatus
from kttt.progress._progress import Progress, format_level
from kttt.progress._projectors import Projector
from kttt.progress._settings import MethodSettings
from kttt.series import Series
from kttt.targets import Indicator, Target, TargetSet


#: What a report's data may give for an indicator: its series, several
#: (the primary first), or plain ``{year: value}`` in the programme's scope.
Data = Series | Sequence[Series] | Mapping[int, float]

if TYPE_CHECKING:
    import pandas as pd


_INDICATOR_WIDTH = 40

_HEADERS = {
    "vi": ("Chỉ tiêu", "Mục tiêu", "Số liệu mới nhất", "Chi tiết"),
    "en": ("Indicator", "Target", "Latest", "Detail"),
}
_NO_SERIES = {"vi": "chưa có số liệu", "en": "no data"}
_NOTES = {"vi": "Ghi chú", "en": "Notes"}
_PROXY = {
    "vi": "chưa có số liệu riêng, dùng thay bằng số liệu về",
    "en": "no data of its own; measured instead by the data on",
}
_LATEST = {"vi": "số liệu mới nhất", "en": "latest data"}
_PROJECTED = {"vi": "dự báo", "en": "projected"}
_STALE = {"vi": "số liệu cũ", "en": "stale"}
_YEAR = {"vi": "Năm", "en": "Year"}


@attrs.frozen(kw_only=True)
class ReportRow:
    """One target of a report, its data and its assessment by each method."""

    #: The target.
    target: Target
    #: The observations used (``None``: the data had no series for it).
    series: Series | None
    #: One `Progress` per method of the report, in the same order; empty
    #: when nothing was observed by the report's date.
    results: tuple[Progress, ...]
    #: The indicator whose series stood in for the target's own, when the
    #: report was asked to use a proxy (``proxies=``).
    proxy: Indicator | None = None

    def status(self, index: int = 0) -> ProgressStatus:
        """Return the status by the *index*-th method.

        Without anything to assess, the status is insufficient data.
        """
        if not self.results:
            return ProgressStatus.INSUFFICIENT_DATA
        return self.results[index].status


def _series_for(
    target: Target,
    data: Mapping[str, Data],
    proxies: Mapping[str, str],
) -> tuple[Series | None, Indicator | None]:
    """Find the target's series, or its proxy's relabelled as the target's."""
    code = target.indicator.code
    found = data.get(code)
    if found is not None:
        return _as_series(found, target), None
    stand_in = data.get(proxies.get(code, ""))
    if stand_in is None:
        return None, None
    series = _as_series(stand_in, target)
    if series.indicator.unit is not target.indicator.unit:
        raise IncompatibleSeriesError(
            f"proxies.{code}",
            series.indicator.code,
            f"a proxy must be in {target.indicator.unit.label_en}, "
            f"not {series.indicator.unit.label_en}",
        )
    return attrs.evolve(series, indicator=target.indicator), series.indicator


def _as_series(value: Data, target: Target) -> Series:
    if isinstance(value, Series):
        return value
    if isinstance(value, Mapping):
        # Plain values state no scope: they take the programme's.
        return Series.from_values(target.indicator, value, scope=target.scope)
    if not isinstance(value, Sequence) or isinstance(value, str):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ValidationError(
            f"data.{target.indicator.code}", value, _DATA_RULE
        )
    if not value:
        raise ValidationError("data", value, "an empty list of series")
    first = value[0]
    if not isinstance(first, Series):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ValidationError(
            f"data.{target.indicator.code}", value, _DATA_RULE
        )
    return first


#: What the data of an indicator may be.
_DATA_RULE = "a Series, a list of them (the primary first), or {year: value}"


def _check_arguments(
    target_set: object,
    data: object,
    methods: object,
    proxies: object,
) -> None:
    """Refuse arguments of `ProgressReport.build` of the wrong types."""
    if not isinstance(target_set, TargetSet):
        raise ValidationError("target_set", target_set, "must be a TargetSet")
    if not isinstance(data, Mapping):
        raise ValidationError(
            "data", data, "a mapping of indicator codes to their data"
        )
    if not isinstance(methods, Iterable) or isinstance(methods, str):
        raise ValidationError(
            "methods", methods, "an iterable of method names"
        )
    given = proxies  # as given, before the checks narrow its type
    if proxies is not None and not (
        isinstance(proxies, Mapping)
        and all(
            isinstance(key, str) and isinstance(value, str)
            for key, value in proxies.items()  # pyright: ignore[reportUnknownVariableType]
        )
    ):
        raise ValidationError(
            "proxies", given, "a mapping of indicator codes to codes"
        )


@attrs.frozen(kw_only=True)
class ProgressReport:
    """The progress of every target of a `kttt.targets.TargetSet`.

    >>> from kttt.targets import nq20_targets
    >>> from kttt.series import national_statistics
    >>> report = ProgressReport.build(nq20_targets(), national_statistics())
    >>> report.rows[0].status() in ProgressStatus
    True
    """

    #: The programme assessed.
    target_set: TargetSet
    #: The assessment date (``None``: the latest data).
    as_of: pendulum.Date | None
    #: The methods, main one first.
    methods: tuple[str, ...]
    #: One row per target, in the set's order.
    rows: tuple[ReportRow, ...]

    @classmethod
    def build(
        cls,
        target_set: TargetSet,
        data: Mapping[str, Data],
        *,
        as_of: pendulum.Date | None = None,
        methods: Iterable[str] = (DEFAULT_METHOD,),
        projector: Projector | None = None,
        epsilon: float | None = None,
        proxies: Mapping[str, str] | None = None,
        stale_after: int = STALE_AFTER_YEARS,
        settings: Iterable[MethodSettings] = (),
    ) -> ProgressReport:
        """Assess every target of *target_set* against *data*.

        Args:
            target_set: The programme.
            data: Indicator code -> its series (or several series, the
                primary first, as `kttt.series.national_statistics`
                returns them), or plain ``{year: value}``, which takes the
                programme's scope. Targets without data are reported as
                such; a series of another territory linked by the 2025
                merger is assessed with a diagnostic that says so.
            as_of: See `assess`.
            methods: The method names, the main one first.
            projector: The projector of the ``"projection"`` method.
            epsilon: See `assess`.
            proxies: Indicator code -> the code of another indicator whose
                series measures it when the data has none of its own
                (cooperatives' good/fair share for that of all collective
                organisations, say). Each use is shown in the report.
            stale_after: A result whose latest data is more than this many
                years older than the newest data of the report (or than
                *as_of*) carries a stale-data diagnostic.
            settings: Thresholds of some of the methods (the others keep
                the published ones).

        Raises:
            NotFoundError: For an unknown method name.
            IncompatibleSeriesError: If a series does not fit its target,
                or a proxy is in another unit.
            ValidationError: If no method is given, *stale_after* is
                negative, or an argument is of the wrong type.
        """
        _check_arguments(target_set, data, methods, proxies)
        check_as_of(as_of)
        names = tuple(resolve_method(m) for m in methods)
        if not names:
            raise ValidationError("methods", names, "name at least one method")
        check_stale_after(stale_after)
        chosen = {s.method: s for s in settings}
        rows: list[ReportRow] = []
        for target in target_set:
            series, proxy = _series_for(target, data, proxies or {})
            known = series is not None and any(
                known_by(o, as_of) and o.year <= target.horizon for o in series
            )
            results = (
                tuple(
                    assess(
                        target,
                        series,
                        as_of=as_of,
                        method=name,
                        projector=projector if name == "projection" else None,
                        epsilon=epsilon,
                        stale_after=stale_after,
                        settings=chosen.get(name),
                    )
                    for name in names
                )
                if series is not None and known
                else ()
            )
            rows.append(
                ReportRow(
                    target=target,
                    series=series,
                    results=results,
                    proxy=proxy,
                )
            )
        return cls(
            target_set=target_set,
            as_of=as_of,
            methods=names,
            rows=_flag_stale(rows, stale_after),
        )

    # --- headline figures ---------------------------------------------------

    def index(
        self,
        *,
        horizon: int | None = None,
        indicators: Iterable[str] | None = None,
        projector: Projector | None = None,
    ) -> ProgrammeIndex:
        """Return the programme's headline figures, or a group's.

        ESCAP's current status and anticipated progress indices over the
        targets with a number and data (the anticipated one by the
        ``"projection"`` method: the report's own results if it used that
        method, else assessed here with *projector*), and each method's
        share of targets by status. *horizon* and *indicators* keep the
        targets of that year, or on those indicator codes.
        """
        codes = None if indicators is None else set(indicators)
        rows: list[tuple[Progress | None, tuple[ProgressStatus, ...]]] = []
        for row in self.rows:
            target = row.target
            if (horizon is not None and target.horizon != horizon) or (
                codes is not None and target.indicator.code not in codes
            ):
                continue
            statuses = tuple(row.status(i) for i in range(len(self.methods)))
            rows.append((self._projected(row, projector), statuses))
        return programme_index(rows, self.methods)

    def _projected(
        self, row: ReportRow, projector: Projector | None
    ) -> Progress | None:
        if not row.results or row.series is None or row.target.is_directional:
            return None
        if "projection" in self.methods and projector is None:
            return row.results[self.methods.index("projection")]
        return assess(
            row.target,
            row.series,
            as_of=self.as_of,
            method="projection",
            projector=projector,
        )

    # --- output -------------------------------------------------------------

    def _title(self, lang: str) -> str:
        when = self.as_of.isoformat() if self.as_of else _LATEST[lang]
        methods = ", ".join(self.methods)
        if lang == "vi":
            return (
                f"Tiến độ thực hiện mục tiêu {self.target_set.code} "
                f"(tính đến: {when}; phương pháp: {methods})"
            )
        return (
            f"Progress toward the targets of {self.target_set.code} "
            f"(as of: {when}; method: {methods})"
        )

    def _cells(self, row: ReportRow, lang: str) -> list[str]:
        target = row.target
        if row.results:
            first = row.results[0]
            value = format_level(first.latest_value, lang)
            unit = target.indicator.unit.symbol
            latest = f"{first.latest_year}: {value}{unit}"
            if first.projected_from is not None:
                latest += f" ({_PROJECTED[lang]})"
            if any(
                d.kind is DiagnosticKind.STALE_DATA for d in first.diagnostics
            ):
                latest += f" ({_STALE[lang]})"
        else:
            latest = _NO_SERIES[lang]
        cells = [
            target.indicator.label(lang),
            target.describe(lang),
            latest,
            *(row.status(i).label(lang) for i in range(len(self.methods))),
        ]
        if len(self.methods) == 1:
            cells.append(row.results[0].summary(lang) if row.results else "")
        return cells

    def _headers(self, lang: str) -> list[str]:
        indicator, target, latest, detail = _HEADERS[lang]
        headers = [indicator, target, latest, *self.methods]
        if len(self.methods) == 1:
            headers.append(detail)
        return headers

    def to_text(self, lang: str = "vi") -> str:
        """Return the report as a plain-text table in *lang*.

        *lang* is ``"vi"`` or ``"en"``; there is one section per target
        year, and the main method's diagnostics follow as notes.
        """
        headers = self._headers(_check_lang(lang))
        sections: list[tuple[int, list[list[str]]]] = []
        for year in self.target_set.horizons():
            rows = [r for r in self.rows if r.target.horizon == year]
            sections.append((year, [self._cells(r, lang) for r in rows]))
        widths = [len(h) for h in headers]
        widths[0] = _INDICATOR_WIDTH
        for _, table in sections:
            for cells in table:
                for i, cell in enumerate(cells[1:], start=1):
                    widths[i] = max(widths[i], len(cell))
        lines = [self._title(lang), ""]
        for year, table in sections:
            lines.append(f"{'Đến năm' if lang == 'vi' else 'By'} {year}")
            lines.append(_line(headers, widths))
            lines.append(_line(["-" * w for w in widths], widths))
            for cells in table:
                wrapped = textwrap.wrap(cells[0], _INDICATOR_WIDTH) or [""]
                lines.append(_line([wrapped[0], *cells[1:]], widths))
                lines.extend(
                    _line([more] + [""] * (len(cells) - 1), widths)
                    for more in wrapped[1:]
                )
            lines.append("")
        notes = self._notes(lang)
        if notes:
            lines.append(f"{_NOTES[lang]}:")
            lines.extend(notes)
        return "\n".join(lines).rstrip() + "\n"

    def title(self, lang: str = "vi") -> str:
        """Return the report's title in *lang*."""
        return self._title(_check_lang(lang))

    def table(self, lang: str = "vi") -> tuple[list[str], list[list[str]]]:
        """Return the report as one table in *lang*: headers and rows.

        The first column is the target year; the others are those of
        `to_text`.
        """
        year = "Năm" if _check_lang(lang) == "vi" else "Year"
        return (
            [year, *self._headers(lang)],
            [
                [str(row.target.horizon), *self._cells(row, lang)]
                for row in self.rows
            ],
        )

    def notes(self, lang: str = "vi") -> list[str]:
        """Return the notes in *lang*: proxies and the main diagnostics."""
        return self._notes(_check_lang(lang))

    def _notes(self, lang: str) -> list[str]:
        notes: list[str] = []
        for row in self.rows:
            head = (
                f"- {row.target.indicator.label(lang)} ({row.target.horizon})"
            )
            if row.proxy is not None:
                notes.append(f"{head}: {_PROXY[lang]} {row.proxy.label(lang)}")
            notes.extend(
                f"{head}: {diagnostic.describe(lang)}"
                for diagnostic in (
                    row.results[0].diagnostics if row.results else ()
                )
            )
        return notes

    def __repr__(self) -> str:
        return _views.report_short(self)

    def _repr_html_(self) -> str:
        lang = _display.current_language()
        return _display.table(
            self._title(lang),
            [_YEAR[lang], *self._headers(lang)],
            (
                [row.target.horizon, *self._cells(row, lang)]
                for row in self.rows
            ),
            notes=[note.removeprefix("- ") for note in self._notes(lang)],
        )

    def to_dataframe(self, lang: str = "vi") -> pd.DataFrame:
        """Return one row per target and method, with real dtypes.

        Columns: ``indicator`` (code), ``name`` (label in *lang*),
        ``horizon`` (int64), ``target`` (the requirement in words),
        ``comparator`` (code), ``target_value`` (float64), ``as_of``
        (datetime64), ``method``, ``status`` (an ordered categorical of
        `ProgressStatus` labels in *lang*, best first), ``method_label``
        and ``direction`` (labels in *lang*), ``latest_year``,
        ``base_year`` and ``projected_from`` (Int64, ``<NA>`` when
        unknown), ``projector``, the numbers of `Progress` and its derived
        numbers (float64, ``NaN`` when not computed), ``diagnostics``
        (their kinds in *lang*, joined by ``"; "``) and ``proxy``.
        A target without data has one row, insufficient data.

        Raises:
            NotFoundError: Without pandas (``pip install 'kttt[pandas]'``).
            ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
        """
        return _views.report_frame(self, _frames.check_lang(lang))

    def to_records(self) -> list[dict[str, Any]]:
        """Return one flat record per target and method.

        Records are those of `Progress.as_record`; a target without data
        gives one record with status ``"insufficient_data"``.
        """
        records: list[dict[str, Any]] = []
        for row in self.rows:
            proxy = None if row.proxy is None else row.proxy.code
            if row.results:
                records.extend(
                    {**p.as_record(), "proxy": proxy} for p in row.results
                )
                continue
            target = row.target
            records.append(
                {
                    "indicator": target.indicator.code,
                    "horizon": target.horizon,
                    "comparator": target.comparator.value,
                    "target_value": target.value,
                    "as_of": _iso(self.as_of),
                    "method": self.methods[0],
                    "status": ProgressStatus.INSUFFICIENT_DATA.value,
                    "proxy": proxy,
                }
            )
        return records

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the report as JSON.

        The document holds the programme, the date, the methods and the
        records of `to_records`.
        """
        document = {
            "programme": self.target_set.code,
            "as_of": _iso(self.as_of),
            "methods": list(self.methods),
            "results": self.to_records(),
        }
        return json.dumps(document, ensure_ascii=False, indent=indent)


def _flag_stale(
    rows: Sequence[ReportRow], stale_after: int
) -> tuple[ReportRow, ...]:
    """Note the results whose data lags the newest of the report."""
    latest = [row.results[0].latest_year for row in rows if row.results]
    if not latest:
        return tuple(rows)
    newest = max(latest)
    return tuple(
        attrs.evolve(
            row,
            results=tuple(_stale(p, newest, stale_after) for p in row.results),
        )
        for row in rows
    )


def _stale(progress: Progress, newest: int, stale_after: int) -> Progress:
    kinds = {d.kind for d in progress.diagnostics}
    if (
        progress.latest_year >= newest - stale_after
        or DiagnosticKind.STALE_DATA in kinds
    ):
        return progress
    note = stale_note(
        progress.latest_year,
        f"the newest data of the report ({newest})",
        stale_after,
    )
    return attrs.evolve(progress, diagnostics=(*progress.diagnostics, note))


def _iso(date: pendulum.Date | None) -> str | None:
    return None if date is None else date.isoformat()


def _check_lang(lang: str) -> str:
    if lang not in _HEADERS:
        raise ValidationError("lang", lang, "must be 'vi' or 'en'")
    return lang


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(
        cell.ljust(width) for cell, width in zip(cells, widths, strict=True)
    ).rstrip()
