"""Ratings in notebooks: DataFrames of sheets, classifications and shares.

Also the short ``repr`` and the HTML view of a `Classification` and of
`RatingShares`. Everything here reads the rating room's public values
only, so the room's internals can change without touching it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kttt import _display, _frames
from kttt._frames import Column, Kind
from kttt._labels import LabelledEnum, pick
from kttt.errors import ParseError
from kttt.geography import Era, Province
from kttt.organizations import OrganizationKind, Sector
from kttt.rating._enums import Fact, Grade, Rating


if TYPE_CHECKING:
    import pandas as pd

    from kttt.rating._classify import Classification
    from kttt.rating._shares import RatingShares
    from kttt.rating._sheet import ScoreSheet


_NOT_RATED = {"vi": "chưa xếp loại", "en": "not rated"}


# --- classifications ---------------------------------------------------------


def classifications_frame(
    classifications: Iterable[Classification], *, lang: str = "vi"
) -> pd.DataFrame:
    """Return one row per classification, with real dtypes.

    Columns: ``organization``, ``year`` (int64), ``kind`` and ``sector``
    (labels in *lang*), ``province`` (its name) and ``province_code``,
    ``scheme`` (code), ``rating`` and ``grade`` (ordered categoricals of
    labels in *lang*, best first; missing when not rated or without a
    grade), ``total`` (float64, ``NaN`` when not rated), ``provisional``
    (bool), ``decided_by`` (``band``, ``override:<code>`` or
    ``exclusion:<code>``) and ``explanation`` (in *lang*).

    Raises:
        NotFoundError: Without pandas (``pip install 'kttt[pandas]'``).
        ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
    """
    _frames.check_lang(lang)
    columns = (
        Column("organization", Kind.TEXT),
        Column("year", Kind.INT),
        Column("kind", Kind.TEXT),
        Column("sector", Kind.TEXT),
        Column("province", Kind.TEXT),
        Column("province_code", Kind.TEXT),
        Column("scheme", Kind.TEXT),
        _frames.ordered("rating", Rating, lang),
        _frames.ordered("grade", Grade, lang),
        Column("total", Kind.FLOAT),
        Column("provisional", Kind.BOOL),
        Column("decided_by", Kind.TEXT),
        Column("explanation", Kind.TEXT),
    )
    return _frames.frame(columns, (_row(c, lang) for c in classifications))


def _row(c: Classification, lang: str) -> tuple[object, ...]:
    sheet, province = c.sheet, c.sheet.province
    return (
        sheet.organization,
        sheet.year,
        sheet.kind.label(lang),
        sheet.sector.label(lang),
        None if province is None else province.name,
        None if province is None else province.code,
        c.scheme.code,
        None if c.rating is None else c.rating.label(lang),
        None if c.grade is None else c.grade.label(lang),
        c.total,
        c.provisional,
        decided_by(c),
        c.explain(lang),
    )


def decided_by(c: Classification) -> str:
    """Return ``band``, ``override:<code>`` or ``exclusion:<code>``."""
    if c.exclusion is not None:
        return f"exclusion:{c.exclusion.code}"
    if c.override is not None:
        return f"override:{c.override.code}"
    return "band"


def classification_short(c: Classification) -> str:
    """Return the short ``repr`` of a classification."""
    sheet = c.sheet
    head = (
        f"<Classification {sheet.organization!r} {sheet.year} "
        f"under {c.scheme.code}"
    )
    if c.rating is None:
        return f"{head}: not rated ({decided_by(c)})>"
    return f"{head}: {c.rating.value}, {c.total} points ({decided_by(c)})>"


def classification_html(c: Classification) -> str:
    """Return a classification as an HTML table in the display language."""
    lang = _display.current_language()
    sheet = c.sheet
    rating = _NOT_RATED[lang] if c.rating is None else c.rating.label(lang)
    names = pick(
        lang,
        "Năm|Loại hình|Lĩnh vực|Bộ tiêu chí|Xếp loại|Giải thích",
        "Year|Kind|Sector|Scheme|Rating|Explanation",
    ).split("|")
    values = (
        sheet.year,
        sheet.kind.label(lang),
        sheet.sector.label(lang),
        c.scheme.code,
        rating,
        c.explain(lang),
    )
    return _display.fields(sheet.organization, zip(names, values, strict=True))


# --- rating shares -----------------------------------------------------------


def shares_frame(
    shares: RatingShares | Mapping[Hashable, RatingShares], *, lang: str = "vi"
) -> pd.DataFrame:
    """Return rating shares as a DataFrame: one row per group and rating.

    *shares* is what `rating_shares` returns, grouped or not. Columns:
    ``group`` (a province's name, a kind's or sector's label in *lang*, a
    year as Int64; missing for everything), ``rating`` (an ordered
    categorical of the rating labels in *lang*, best first, then "not
    rated"), ``count`` (int64), ``share`` (float64, ``NaN`` when the
    denominator is 0; 0 for "not rated" under ``Denominator.RATED``) and
    ``denominator`` (its code).

    Raises:
        NotFoundError: Without pandas (``pip install 'kttt[pandas]'``).
        ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
    """
    _frames.check_lang(lang)
    groups = list(shares.values()) if isinstance(shares, Mapping) else [shares]
    yearly = any(isinstance(g.group, int) for g in groups)
    categories = (*(r.label(lang) for r in Rating), _NOT_RATED[lang])
    columns = (
        Column("group", Kind.OPTIONAL_INT if yearly else Kind.TEXT),
        Column("rating", Kind.ORDERED, categories),
        Column("count", Kind.INT),
        Column("share", Kind.FLOAT),
        Column("denominator", Kind.TEXT),
    )
    rows = [
        (group_label(g.group, lang), label, count, share, g.denominator.value)
        for g in groups
        for label, count, share in _counts(g, lang)
    ]
    return _frames.frame(columns, rows)


def _counts(shares: RatingShares, lang: str) -> list[tuple[str, int, Any]]:
    by_rating = [
        (r.label(lang), shares.counts[r], shares.share(r)) for r in Rating
    ]
    return [
        *by_rating,
        (_NOT_RATED[lang], shares.not_rated, shares.share_not_rated),
    ]


def group_label(group: Hashable, lang: str) -> Any:
    """Return a group key as shown: a name, a label, a year or ``None``."""
    if isinstance(group, Province):
        return group.name
    if isinstance(group, LabelledEnum):
        return group.label(lang)
    return group


def shares_short(shares: RatingShares) -> str:
    """Return the short ``repr`` of rating shares: the counts."""
    group = (
        "everything"
        if shares.group is None
        else group_label(shares.group, "en")
    )
    counts = ", ".join(f"{r.value} {shares.counts[r]}" for r in Rating)
    return (
        f"<RatingShares {group} of {shares.denominator.value}: {counts}, "
        f"not rated {shares.not_rated}>"
    )


def shares_html(shares: RatingShares) -> str:
    """Return rating shares as an HTML table in the display language."""
    lang = _display.current_language()
    group = shares.group
    caption = (
        pick(lang, "Tất cả", "All")
        if group is None
        else str(group_label(group, lang))
    )
    headers = pick(lang, "Xếp loại|Số lượng|Tỷ lệ", "Rating|Count|Share")
    return _display.table(
        f"{caption} ({shares.denominator.label(lang)})",
        headers.split("|"),
        (
            (label, count, "" if share is None else f"{float(share):.1%}")
            for label, count, share in _counts(shares, lang)
        ),
    )


# --- score sheets ------------------------------------------------------------

_FLAGS = tuple(f.value for f in Fact if not f.is_count)
_SHEET_COLUMNS: dict[str, Kind] = {
    "organization": Kind.TEXT,
    "kind": Kind.TEXT,
    "sector": Kind.TEXT,
    "year": Kind.INT,
    "province": Kind.TEXT,
    "scheme": Kind.TEXT,
    "months_operating": Kind.OPTIONAL_INT,
    "months_suspended": Kind.OPTIONAL_INT,
    **dict.fromkeys(_FLAGS, Kind.BOOL),
}
_SHEET_RULE = (
    "use organization, kind, sector, year, province, scheme, the "
    "eligibility facts, points.<code> or measures.<name>"
)


def sheets_frame(sheets: Iterable[ScoreSheet]) -> pd.DataFrame:
    """Return score sheets as a DataFrame, one row per sheet.

    The columns are those `ScoreSheet.from_dataframe` reads:
    ``organization``, ``kind`` and ``sector`` (codes), ``year`` (int64),
    ``province`` (its code), ``scheme``, ``months_operating`` and
    ``months_suspended`` (Int64), the flags (bool), then
    ``points.<code>`` (float64) and ``measures.<name>`` (float64 for
    numbers, ``boolean`` for yes/no) for every code and name entered on
    any sheet, empty where a sheet has none.

    Raises:
        NotFoundError: Without pandas (``pip install 'kttt[pandas]'``).
    """
    chosen = list(sheets)
    points = sorted({code for s in chosen for code in s.points})
    measures = sorted({name for s in chosen for name in s.measures})
    columns = (
        *(Column(name, kind) for name, kind in _SHEET_COLUMNS.items()),
        *(Column(f"points.{code}", Kind.FLOAT) for code in points),
        *(
            Column(f"measures.{name}", Kind.NUMBER_OR_FLAG)
            for name in measures
        ),
    )
    rows = (
        (
            s.organization,
            s.kind.value,
            s.sector.value,
            s.year,
            None if s.province is None else s.province.code,
            s.scheme,
            s.months_operating,
            s.months_suspended,
            *(getattr(s, flag) for flag in _FLAGS),
            *(s.points.get(code) for code in points),
            *(s.measures.get(name) for name in measures),
        )
        for s in chosen
    )
    return _frames.frame(columns, rows)


def _sheet_kind(name: str) -> Kind | None:
    prefix, _, rest = name.partition(".")
    if rest and prefix == "points":
        return Kind.FLOAT
    if rest and prefix == "measures":
        return Kind.NUMBER_OR_FLAG
    return _SHEET_COLUMNS.get(name)


def read_sheets(data: object) -> tuple[ScoreSheet, ...]:
    """Read score sheets from a DataFrame (see `ScoreSheet.from_dataframe`)."""
    from kttt.rating._sheet import ScoreSheet  # noqa: PLC0415 - it calls us

    sheets: list[ScoreSheet] = []
    for number, cells in _frames.records(
        data,
        _sheet_kind,
        required=("organization", "kind", "sector", "year"),
        rule=_SHEET_RULE,
    ):
        with _frames.at_row(number, cells):
            sheets.append(ScoreSheet(**_sheet_fields(cells)))
    return tuple(sheets)


def _sheet_fields(cells: Mapping[str, Any]) -> dict[str, Any]:
    """Return the keyword arguments of `ScoreSheet` from one row's cells."""
    for name in ("organization", "kind", "sector"):
        if cells[name] is None:
            raise ParseError(name, None, "required cell is empty")
    year: int = cells["year"]
    province = cells.get("province")
    points: dict[str, Decimal] = {}
    measures: dict[str, Decimal | bool] = {}
    for name, value in cells.items():
        prefix, _, code = name.partition(".")
        if value is None or not code:
            continue
        if prefix == "points":
            points[code] = _frames.exact(value)
        elif prefix == "measures":
            measures[code] = value
    with _frames.in_column("kind"):
        kind = OrganizationKind.parse(cells["kind"])
    with _frames.in_column("sector"):
        sector = Sector.parse(cells["sector"])
    with _frames.in_column("province"):
        found = (
            None
            if province is None
            else Province.get(
                province, era=Era.PRE_2025 if year < 2025 else Era.FROM_2025
            )
        )
    return {
        "organization": cells["organization"],
        "kind": kind,
        "sector": sector,
        "year": year,
        "province": found,
        "scheme": cells.get("scheme"),
        "points": points,
        "measures": measures,
        **{
            fact.value: cells[fact.value]
            for fact in Fact
            if cells.get(fact.value) is not None
        },
    }
