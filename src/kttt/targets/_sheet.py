"""A programme sheet read into a target set (the layout: `_sheet_layout`).

Every problem of the sheet is collected and raised at once
(`kttt.errors.InvalidFileError`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final, NamedTuple, TypeVar

import pendulum

from kttt.errors import KtttError, ParseError
from kttt.geography import Era, Province
from kttt.sources import Source
from kttt.targets._cells import (
    read_day,
    read_number,
    read_year,
    strip_percent,
)
from kttt.targets._comparators import Comparator, TargetForm
from kttt.targets._indicators import Catalogue, Direction, Indicator, Unit
from kttt.targets._sets import TargetSet, province_on
from kttt.targets._sheet_layout import (
    INDICATOR_COLUMNS,
    SOURCE_COLUMNS,
    Grid,
    Line,
    Problems,
    check_columns,
    head_of,
)
from kttt.targets._target import Target
from kttt.targets._tolerance import Tolerance
from kttt.text import parse_range


_T = TypeVar("_T")

#: The column of each field a target or an indicator may refuse.
_COLUMN_OF: Final = {
    "horizon": "year",
    "code": "indicator",
    "lower": "minimum",
    "label_en": "label_en",
}


def read_grid(grid: Grid, catalogue: Catalogue | None) -> TargetSet:
    """Read the target set a sheet holds.

    Raises:
        InvalidFileError: Listing every problem, each with its row and column.
    """
    problems = Problems(grid.file)
    check_columns(grid.columns, grid.header_row, problems)
    problems.raise_any()
    fields = _Head(head_of(grid.head, problems), problems)
    programme = fields.programme()
    known = Catalogue.builtin() if catalogue is None else catalogue
    own: dict[str, tuple[int, Indicator]] = {}
    targets: list[Target] = []
    seen: dict[tuple[str, int], int] = {}
    for line in grid.rows:
        reader = _Row(line, problems)
        target = reader.target(programme, known, own)
        if target is None:
            continue
        key = (target.indicator.code, target.horizon)
        if key in seen:
            problems.add(
                ParseError(
                    "year",
                    target.horizon,
                    f"one target per indicator and year (row {seen[key]})",
                ),
                line.number,
                "year",
            )
        seen[key] = line.number
        targets.append(target)
    if not targets and not problems.found:
        problems.add(
            ParseError("targets", [], "a programme has targets"),
            grid.header_row,
            "indicator",
        )
    problems.raise_any()
    return _build(programme, targets, problems)


class _Programme(NamedTuple):
    """What the programme block says, read."""

    code: str
    title: str
    scope: Province | None
    adopted: pendulum.Date | None
    tolerance: Tolerance | None
    source: Source
    #: The row of each field, to place a problem of the whole set.
    rows: Mapping[str, int]


def _build(
    programme: _Programme, targets: list[Target], problems: Problems
) -> TargetSet:
    try:
        return TargetSet(
            code=programme.code,
            title=programme.title,
            scope=programme.scope,
            adopted=programme.adopted,
            tolerance=programme.tolerance,
            source=programme.source,
            targets=tuple(targets),
        )
    except KtttError as error:
        field = error.field.split(".")[0].split("[")[0]
        problems.add(error, programme.rows.get(field, 1), "value")
        problems.raise_any()
        raise  # pragma: no cover - raise_any raised


class _Head:
    """The programme block, read field by field."""

    def __init__(
        self, head: Mapping[str, tuple[int, str]], problems: Problems
    ) -> None:
        self.head = head
        self.problems = problems

    def text(self, field: str) -> str:
        return self.head.get(field, (0, ""))[1]

    def read(self, field: str, read: Callable[[str], _T]) -> _T | None:
        row, text = self.head.get(field, (0, ""))
        if not text:
            return None
        try:
            return read(text)
        except KtttError as error:
            self.problems.add(error, row, "value")
            return None

    def programme(self) -> _Programme:
        rows = {field: row for field, (row, _) in self.head.items()}
        first = min(rows.values(), default=1)
        for field in ("code", "title"):
            if not self.text(field):
                self.problems.add(
                    ParseError(field, "", "the programme has one"),
                    rows.get(field, first),
                    "value",
                )
        adopted = self.read("adopted", lambda t: read_day(t, "adopted"))
        era = self.read("era", Era.parse)
        scope = self.read(
            "scope",
            lambda t: (
                province_on(t, adopted)
                if era is None
                else Province.get(t, era=era)
            ),
        )
        tolerance = self.read("tolerance", Tolerance.parse)
        source = read_source(
            {c: self.text(c) for c in SOURCE_COLUMNS},
            lambda column, error: self.problems.add(
                error, rows.get(column, first), "value"
            ),
        )
        return _Programme(
            code=self.text("code"),
            title=self.text("title"),
            scope=scope,
            adopted=adopted,
            tolerance=tolerance,
            source=source or Source(document=self.text("code") or "?"),
            rows=rows,
        )


def read_source(
    cells: Mapping[str, str],
    report: Callable[[str, KtttError], None],
    default: Source | None = None,
) -> Source | None:
    """Return the source the source cells give, or *default* if all blank.

    A clause (or a title, a note) without a document or a URL cites
    *default*'s document.
    """
    if not any(cells.get(c, "") for c in SOURCE_COLUMNS):
        return default
    document = cells.get("source") or None
    url = cells.get("source_url") or None
    if document is None and url is None and default is not None:
        document = default.document
    retrieved = None
    if cells.get("source_retrieved"):
        try:
            retrieved = read_day(cells["source_retrieved"], "source_retrieved")
        except KtttError as error:
            report("source_retrieved", error)
    try:
        return Source(
            document=document,
            clause=cells.get("clause") or None,
            title=cells.get("source_title") or None,
            url=url,
            note=cells.get("source_note") or None,
            retrieved=retrieved,
        )
    except KtttError as error:
        report("source", error)
        return default


class _Row:
    """One target row, read cell by cell; problems go to *problems*."""

    def __init__(self, line: Line, problems: Problems) -> None:
        self.line = line
        self.problems = problems
        self.failed = False

    def cell(self, column: str) -> str:
        return self.line.cells.get(column, "").strip()

    def fail(self, error: KtttError, column: str) -> None:
        self.failed = True
        self.problems.add(error, self.line.number, column)

    def read(self, column: str, read: Callable[[str], _T]) -> _T | None:
        text = self.cell(column)
        if not text:
            return None
        try:
            return read(text)
        except KtttError as error:
            self.fail(error, column)
            return None

    def indicator(
        self,
        source: Source | None,
        known: Catalogue,
        own: dict[str, tuple[int, Indicator]],
    ) -> Indicator | None:
        code = self.cell("indicator")
        if not code:
            self.fail(ParseError("indicator", "", "a code"), "indicator")
            return None
        defined = self._definition(code, source)
        if defined is None:
            if self.failed:
                return None
            if code in own:
                return own[code][1]
            if code in known:
                return known.get(code)
            self.fail(
                ParseError(
                    "indicator",
                    code,
                    "not in the catalogue: define it in this row "
                    "(label_vi and unit at least)",
                ),
                "indicator",
            )
            return None
        first = own.setdefault(code, (self.line.number, defined))
        if first[1] != defined:
            self.fail(
                ParseError(
                    "indicator",
                    code,
                    f"defined differently in row {first[0]}",
                ),
                "label_vi",
            )
        return first[1]

    def _definition(
        self, code: str, source: Source | None
    ) -> Indicator | None:
        if not any(self.cell(c) for c in INDICATOR_COLUMNS):
            return None
        unit = self.read("unit", Unit.parse)
        direction = self.read("direction", Direction.parse)
        lower = self.read("minimum", lambda t: read_number(t, "minimum"))
        upper = self.read("maximum", lambda t: read_number(t, "maximum"))
        if unit is None and not self.failed:
            self.fail(ParseError("unit", "", "a new indicator's unit"), "unit")
        if self.failed or unit is None:
            return None
        try:
            return Indicator.define(
                code,
                self.cell("label_vi"),
                unit=unit,
                direction=direction or Direction.INCREASE,
                label_en=self.cell("label_en") or None,
                of=self.cell("of") or None,
                lower=lower,
                upper=upper,
                source=source,
            )
        except KtttError as error:
            field = error.field
            self.fail(error, _COLUMN_OF.get(field, field))
            return None

    def target(
        self,
        programme: _Programme,
        known: Catalogue,
        own: dict[str, tuple[int, Indicator]],
    ) -> Target | None:
        source = read_source(
            {c: self.cell(c) for c in SOURCE_COLUMNS},
            lambda column, error: self.fail(error, column),
            programme.source,
        )
        indicator = self.indicator(source, known, own)
        horizon = self.read("year", lambda t: read_year(t, "year"))
        if horizon is None and not self.cell("year"):
            self.fail(ParseError("year", "", "the target's year"), "year")
        comparator = self.read("comparator", Comparator.parse)
        if comparator is None and not self.cell("comparator"):
            self.fail(
                ParseError("comparator", "", "as the document writes it"),
                "comparator",
            )
        form = self.read("form", TargetForm.parse) or TargetForm.LEVEL
        tolerance = self.read("tolerance", Tolerance.parse)
        base_year = self.read("base_year", lambda t: read_year(t, "base_year"))
        base_value = self.read(
            "base_value", lambda t: read_number(t, "base_value")
        )
        if self.failed or indicator is None or comparator is None:
            return None
        comparator, value, upper = self._values(indicator, comparator, form)
        if self.failed or horizon is None:
            return None
        if tolerance is None and comparator is Comparator.ABOUT:
            tolerance = programme.tolerance
        try:
            return Target(
                indicator=indicator,
                comparator=comparator,
                value=value,
                upper=upper,
                tolerance=tolerance,
                horizon=horizon,
                source=source or programme.source,
                scope=programme.scope,
                form=form,
                base_year=base_year,
                base_value=base_value,
                text_vi=self.cell("text_vi") or None,
            )
        except KtttError as error:
            field = error.field.split(".")[0]
            self.fail(error, _COLUMN_OF.get(field, field))
            return None

    def _values(
        self, indicator: Indicator, comparator: Comparator, form: TargetForm
    ) -> tuple[Comparator, float | None, float | None]:
        """Return the comparator and the value and upper end, read."""
        text, percent = strip_percent(self.cell("value"))
        if percent and not (
            indicator.unit is Unit.PERCENT or form is TargetForm.GROWTH_RATE
        ):
            self.fail(
                ParseError(
                    "value",
                    self.cell("value"),
                    "a '%' is written for a share or a yearly rate only",
                ),
                "value",
            )
            return comparator, None, None
        upper = self.read(
            "upper", lambda t: read_number(strip_percent(t)[0], "upper")
        )
        if not text:
            return comparator, None, upper
        try:
            return comparator, read_number(text, "value"), upper
        except KtttError as error:
            if comparator not in {Comparator.ABOUT, Comparator.BETWEEN}:
                self.fail(error, "value")
                return comparator, None, None
        try:
            low, high = parse_range(text, field="value")
        except KtttError as error:
            self.fail(error, "value")
            return comparator, None, None
        # "khoảng 1.200-1.400": a range with "about" is the range itself.
        return Comparator.BETWEEN, float(low), float(high)
