"""Rating from and to CSV: many sheets in, one result row per sheet out."""

from __future__ import annotations

import csv
import io

from collections.abc import Iterator
from typing import TextIO

from kttt.errors import KtttError, ParseError
from kttt.rating._classify import Classification, classify
from kttt.rating._scheme import Band, Override, RatingScheme
from kttt.rating._sheet import ScoreSheet


#: The columns of `result_row`, in order.
RESULT_COLUMNS: tuple[str, ...] = (
    "organization",
    "year",
    "kind",
    "sector",
    "province",
    "scheme",
    "rating",
    "rating_vi",
    "grade",
    "total",
    "subtotals",
    "provisional",
    "decided_by",
    "explanation_vi",
    "explanation_en",
)


def result_row(classification: Classification) -> dict[str, str]:
    """Return one CSV row (column to text) for a classification.

    Numbers are written with a decimal point (``"79.99"``); ``subtotals``
    holds ``code=points`` pairs separated by ``"; "``; ``decided_by`` is
    ``band``, ``override:<code>`` or ``exclusion:<code>``.
    """
    c = classification
    sheet = c.sheet
    rule = c.decided_by
    if isinstance(rule, Band):
        decided = "band"
    else:
        kind = "override" if isinstance(rule, Override) else "exclusion"
        decided = f"{kind}:{rule.code}"
    return {
        "organization": sheet.organization,
        "year": str(sheet.year),
        "kind": sheet.kind.value,
        "sector": sheet.sector.value,
        "province": "" if sheet.province is None else sheet.province.code,
        "scheme": c.scheme.code,
        "rating": "" if c.rating is None else c.rating.value,
        "rating_vi": "" if c.rating is None else c.rating.label_vi,
        "grade": "" if c.grade is None else c.grade.value,
        "total": "" if c.total is None else format(c.total, "f"),
        "subtotals": "; ".join(
            f"{code}={format(value, 'f')}"
            for code, value in c.subtotals.items()
        ),
        "provisional": "true" if c.provisional else "false",
        "decided_by": decided,
        "explanation_vi": c.explain("vi"),
        "explanation_en": c.explain("en"),
    }


def classify_csv(
    source: str | TextIO, scheme: RatingScheme | None = None
) -> Iterator[Classification | KtttError]:
    """Rate every row of a CSV of score sheets, one outcome per row, in order.

    A bad row yields its `KtttError` (with the row number, data rows
    counted from 1) and the next rows are still rated: no good row is lost
    because of a bad one.
    The columns are those of `ScoreSheet.from_row`.
    """
    stream = io.StringIO(source) if isinstance(source, str) else source
    reader = csv.DictReader(stream)
    row = 0
    while True:
        row += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield ParseError("csv", str(error), "not readable as CSV", row=row)
            return
        try:
            yield classify(ScoreSheet.from_row(cells), scheme)
        except KtttError as error:
            yield error.at_row(row)
