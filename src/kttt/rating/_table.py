"""Rating tables: CSV rows of score sheets in, one result per row out.

`classify_csv` builds a `ScoreSheet` and a `Classification` per row;
`rate_csv` is the batch path for a whole country's table: it streams the
rows and rates the cells directly, building neither, and gives per row
the rating, what the shares group by, and the text of its result row.
Both read the rows the same way and report every bad row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple, TextIO, TypeVar

from kttt import _data
from kttt.errors import KtttError, ValidationError
from kttt.geography import Province
from kttt.organizations import OrganizationKind, Sector
from kttt.rating._bands import Band, Exclusion, Override
from kttt.rating._classify import Classification, Rater
from kttt.rating._enums import Rating
from kttt.rating._explain import (
    RESULT_COLUMNS,
    sheet_cells,
    subtotals_cell,
    verdict_cells,
)
from kttt.rating._plan import SchemePlan
from kttt.rating._rows import SheetFields, SheetReader
from kttt.rating._scheme import RatingScheme
from kttt.rating._sheet import ScoreSheet


T = TypeVar("T")


def result_row(classification: Classification) -> dict[str, str]:
    """Return one CSV row (column to text) for a classification.

    Numbers are written with a decimal point (``"79.99"``); ``subtotals``
    holds ``code=points`` pairs separated by ``"; "``; ``decided_by`` is
    ``band``, ``override:<code>`` or ``exclusion:<code>``.
    """
    c = classification
    sheet = c.sheet
    before, after = verdict_cells(
        c.scheme, c.total, c.band, c.override, c.exclusion
    )
    cells = (
        *sheet_cells(
            organization=sheet.organization,
            year=sheet.year,
            kind=sheet.kind,
            sector=sheet.sector,
            province=sheet.province,
            scheme=c.scheme,
        ),
        *before,
        subtotals_cell(c.subtotals.items()),
        *after,
    )
    return dict(zip(RESULT_COLUMNS, cells, strict=True))


def _each(
    source: str | TextIO, file: str, rate: Callable[[int, SheetFields], T]
) -> Iterator[T | KtttError]:
    """Rate each row of a CSV of sheets, or give the error of the row.

    Raises:
        ValidationError: At once, if *source* is neither text nor a text
            file, or *file* is not text.
    """
    if not isinstance(file, str):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ValidationError("file", file, "must be a file name, as text")
    if not isinstance(source, str) and not callable(
        getattr(source, "read", None)
    ):
        raise ValidationError("source", source, "must be CSV text or a file")
    return _rows(source, file, rate)


def _rows(
    source: str | TextIO, file: str, rate: Callable[[int, SheetFields], T]
) -> Iterator[T | KtttError]:
    text = source if isinstance(source, str) else source.read()
    if not isinstance(text, str):  # pyright: ignore[reportUnnecessaryIsInstance]
        yield ValidationError("source", text, "must be CSV text or a file")
        return
    try:
        rows = _data.stream_csv(text, file=file)
        reader = SheetReader(rows.columns)
        columns = frozenset(rows.columns)
        for number, cells in rows:
            try:
                yield rate(number, reader.read(cells))
            except KtttError as error:
                column = error.field if error.field in columns else None
                yield error.located(file=file, row=number, column=column)
    except KtttError as error:
        yield error


def classify_csv(
    source: str | TextIO,
    scheme: RatingScheme | None = None,
    *,
    file: str = "<csv>",
) -> Iterator[Classification | KtttError]:
    """Rate every row of a CSV of score sheets, one outcome per row, in order.

    A bad row yields its `KtttError` (with the row number, data rows
    counted from 1, blank rows skipped but counted) and the next rows are
    still rated: no good row is lost because of a bad one.
    A text that is not CSV yields one error naming *file* and the row, and
    ends.
    The columns are those of `ScoreSheet.from_row`.
    """
    rater = Rater(scheme)
    return _each(
        source,
        file,
        lambda _, fields: rater.classify(ScoreSheet(**fields._asdict())),
    )


class RatedRow(NamedTuple):
    """One row of a CSV of score sheets, rated by `rate_csv`.

    It holds what `rating_shares` groups and counts by, and the text of the
    row's result (``RESULT_COLUMNS``, as `result_row` writes them).
    """

    #: The row's number (data rows count from 1).
    row: int
    #: The organisation's legal form.
    kind: OrganizationKind
    #: Its field of activity.
    sector: Sector
    #: The year rated.
    year: int
    #: Its province, if the row gives one.
    province: Province | None
    #: The rating, or `None` if the organisation is not rated.
    rating: Rating | None
    #: The cells of the result row, in the order of ``RESULT_COLUMNS``.
    cells: tuple[str, ...]


def rate_csv(
    source: str | TextIO,
    scheme: RatingScheme | None = None,
    *,
    file: str = "<csv>",
) -> Iterator[RatedRow | KtttError]:
    r"""Rate every row of a CSV of score sheets without building objects.

    The batch path for a whole country's table: the same rows, checks,
    verdicts and errors as `classify_csv`, but each row is rated straight
    from its cells into a `RatedRow` (its rating, what shares are grouped
    by, and its result row as text), with no `ScoreSheet` or
    `Classification` built.
    Pass the rows to `rating_shares` for the shares, or write their
    ``cells`` as CSV.

    >>> from kttt.rating import rate_csv
    >>> rows = list(rate_csv(
    ...     "organization,kind,sector,year,points.I,points.II,points.III\n"
    ...     "HTX A,hợp tác xã,vận tải,2024,28,26,30\n"
    ...     "HTX B,hợp tác xã,vận tải,2024,31,20,20\n"
    ... ))
    >>> rows[0].rating, rows[0].cells[9]
    (<Rating.GOOD: 'good'>, '84')
    >>> rows[1].row, rows[1].field
    (2, 'points.I')
    """
    return _each(source, file, _BatchRater(scheme))


class _BatchRater:
    """Rates rows; what depends only on the verdict is written once."""

    def __init__(self, scheme: RatingScheme | None) -> None:
        self._rater = Rater(scheme)
        self._verdicts: dict[
            tuple[int, int, int | None, int],
            tuple[Rating | None, tuple[str, ...], tuple[str, ...]],
        ] = {}
        self._codes: dict[int, str] = {}

    def __call__(self, number: int, fields: SheetFields) -> RatedRow:
        scheme, plan = self._rater.choose(
            fields.kind, fields.sector, fields.year, fields.scheme
        )
        exclusion, override = plan.decide(fields[8:])
        if exclusion is not None:
            plan.check_codes(fields.points)
            rating, before, after = self._verdict(
                scheme, plan, exclusion, None, 0
            )
            subtotals = ""
        else:
            layout, values, total = plan.score(fields.points, fields.measures)
            exponent = layout.exponent
            band = plan.band(total, exponent)
            rating, before, after = self._verdict(
                scheme, plan, override or band, total, exponent
            )
            subtotals = "; ".join(
                [
                    f"{code}={plan.text_of(sum(pick(values)), exponent)}"
                    for code, pick in layout.tops
                ]
            )
        province = fields.province
        cells = (
            fields.organization,
            str(fields.year),
            self._code(fields.kind),
            self._code(fields.sector),
            "" if province is None else province.code,
            scheme.code,
            *before,
            subtotals,
            *after,
        )
        return RatedRow(
            number,
            fields.kind,
            fields.sector,
            fields.year,
            province,
            rating,
            cells,
        )

    def _code(self, member: OrganizationKind | Sector) -> str:
        found = self._codes.get(id(member))
        if found is None:
            found = self._codes[id(member)] = member.value
        return found

    def _verdict(
        self,
        scheme: RatingScheme,
        plan: SchemePlan,
        decided: Band | Override | Exclusion,
        total: int | None,
        exponent: int,
    ) -> tuple[Rating | None, tuple[str, ...], tuple[str, ...]]:
        key = (id(scheme), id(decided), total, exponent)
        found = self._verdicts.get(key)
        if found is None:
            band = None if total is None else plan.band(total, exponent)
            override = decided if isinstance(decided, Override) else None
            exclusion = decided if isinstance(decided, Exclusion) else None
            before, after = verdict_cells(
                scheme,
                None if total is None else plan.total_of(total, exponent),
                band,
                override,
                exclusion,
            )
            rating = None if isinstance(decided, Exclusion) else decided.rating
            found = self._verdicts[key] = (rating, before, after)
        return found
