"""Explaining a verdict in words, and writing it as a result row."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Final

from kttt._labels import localize_digits, pick
from kttt.geography import Province
from kttt.organizations import OrganizationKind, Sector
from kttt.rating._bands import Band, Exclusion, Override
from kttt.rating._scheme import RatingScheme


#: The columns of `result_row`, in order.
RESULT_COLUMNS: Final[tuple[str, ...]] = (
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


def _fmt(value: Decimal, lang: str) -> str:
    return localize_digits(format(value, "f"), lang)


def explain(
    scheme: RatingScheme,
    *,
    total: Decimal | None,
    band: Band | None,
    override: Override | None,
    exclusion: Exclusion | None,
    lang: str,
) -> str:
    """Explain a verdict in *lang* (``"vi"`` or ``"en"``).

    Raises:
        ValidationError: If *lang* is neither.
    """
    doc = scheme.source.document or scheme.code
    if exclusion is not None:
        return pick(
            lang,
            f"Không xếp loại theo {doc}: {exclusion.label_vi}.",
            f"Not rated under {doc}: {exclusion.label_en}.",
        )
    if total is None or band is None:
        raise AssertionError(scheme)
    shown = _fmt(total, lang)
    head = pick(
        lang,
        f"Tổng điểm {shown}/{_fmt(scheme.total, lang)} theo {doc}: ",
        f"Total {shown} of {_fmt(scheme.total, 'en')} under {doc}: ",
    )
    verdict = band.grade or band.rating
    rule = f"{verdict.label(lang)} ({band_rule(scheme, band, lang)})"
    if override is not None:
        return head + pick(
            lang,
            f"{rule}, nhưng {override.label_vi}: {override.rating.label_vi}.",
            f"{rule}, but {override.label_en}: {override.rating.label_en}.",
        )
    text = f"{head}{rule}."
    if band.provisional:
        text += pick(
            lang,
            " Ngưỡng xếp loại là tạm tính"
            " (chưa đối chiếu văn bản chính thức).",
            " The cut-off is provisional (not verified in the final text).",
        )
    return text


def band_rule(scheme: RatingScheme, band: Band, lang: str) -> str:
    """Describe the totals of *band* (``65 ≤ total < 80``) in *lang*."""
    word = pick(lang, "tổng điểm", "total")
    sign = "≤" if band.inclusive else "<"
    low = f"{_fmt(band.minimum, lang)} {sign} "
    high, closed = scheme.band_ceiling(band)
    if band is scheme.bands[-1] and band.minimum == 0:
        low = ""
    return f"{low}{word} {'≤' if closed else '<'} {_fmt(high, lang)}"


def decided_text(decided: Band | Override | Exclusion) -> str:
    """Return ``band``, ``override:<code>`` or ``exclusion:<code>``."""
    if isinstance(decided, Band):
        return "band"
    kind = "override" if isinstance(decided, Override) else "exclusion"
    return f"{kind}:{decided.code}"


def sheet_cells(
    *,
    organization: str,
    year: int,
    kind: OrganizationKind,
    sector: Sector,
    province: Province | None,
    scheme: RatingScheme,
) -> tuple[str, ...]:
    """Return the cells of a result row that say which sheet it is."""
    return (
        organization,
        str(year),
        kind.value,
        sector.value,
        "" if province is None else province.code,
        scheme.code,
    )


def verdict_cells(
    scheme: RatingScheme,
    total: Decimal | None,
    band: Band | None,
    override: Override | None,
    exclusion: Exclusion | None,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the cells of a result row that give the verdict.

    They come in two runs, before and after the ``subtotals`` cell:
    rating, its Vietnamese label, grade and total; then provisional,
    decided by, and the explanations in Vietnamese and English.
    """
    decided = exclusion or override or band
    if decided is None:
        raise AssertionError(scheme)
    rating = decided.rating if isinstance(decided, Band | Override) else None
    grade = None if rating is None else scheme.band_of(rating).grade
    provisional = override is None and band is not None and band.provisional
    return (
        "" if rating is None else rating.value,
        "" if rating is None else rating.label_vi,
        "" if grade is None else grade.value,
        "" if total is None else format(total, "f"),
    ), (
        "true" if provisional else "false",
        decided_text(decided),
        *(
            explain(
                scheme,
                total=total,
                band=band,
                override=override,
                exclusion=exclusion,
                lang=lang,
            )
            for lang in ("vi", "en")
        ),
    )


def subtotals_cell(subtotals: Iterable[tuple[str, Decimal]]) -> str:
    """Return ``code=points`` pairs separated by ``"; "``."""
    return "; ".join(
        f"{code}={format(value, 'f')}" for code, value in subtotals
    )
