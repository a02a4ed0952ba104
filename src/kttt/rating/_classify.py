"""Classifying score sheets: `classify`, `classify_many` and `Classification`.

The hot path is built for a country's worth of sheets: each scheme compiles
once per layout of sheet (which codes and measures were entered) a plan of
the checks that are not already implied by the criteria's maxima, and each
sheet then costs a few comparisons and one sum per remaining check.
"""

from __future__ import annotations

import operator

from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import ROUND_FLOOR, Decimal
from typing import Any, TypeVar

import attrs

from kttt._labels import localize_digits, pick
from kttt.errors import KtttError, ScoreError, ValidationError
from kttt.rating import _views
from kttt.rating._builtin import builtin_scheme, scheme_for
from kttt.rating._enums import Grade, Rating
from kttt.rating._scheme import (
    Band,
    Criterion,
    Exclusion,
    Override,
    RatingScheme,
    ScoringRule,
)
from kttt.rating._sheet import ScoreSheet
from kttt.sources import Source


_ZERO = Decimal(0)
_gt = operator.gt
_Getter = Callable[[tuple[Any, ...]], tuple[Any, ...]]
R = TypeVar("R", Exclusion, Override)

# --- plans -----------------------------------------------------------------


@attrs.frozen
class _Plan:
    """What to check for one layout of score sheet under one scheme.

    A layout is the codes and measures entered and the finest decimal place
    of the points (``10**exponent``).
    Without rules, the sheet's points are checked as whole numbers of that
    place (``ScoreSheet._scaled``) against limits scaled and floored the
    same way, which is exact: for whole numbers ``v > L`` exactly when
    ``v > floor(L)``.
    With rules, points and limits are Decimals.
    """

    #: The limit of each entered criterion, in the sheet's code order.
    limits: tuple[Decimal, ...] | tuple[int, ...]
    #: Criteria computed by a rule from the measures (code, rule).
    rules: tuple[tuple[str, ScoringRule], ...]
    #: Sums to check: (getter over all values, limit, code).
    checks: tuple[tuple[_Getter, Decimal | int, str], ...]
    #: Whether the total can exceed the scheme's total.
    check_total: bool
    #: The value slots that make up each criterion scored.
    nodes: Mapping[str, tuple[int, ...]]


def _floor(limit: Decimal, exponent: int) -> int:
    return int(limit.scaleb(-exponent).to_integral_value(ROUND_FLOOR))


class _Compiler:
    def __init__(self, scheme: RatingScheme, sheet: ScoreSheet) -> None:
        self.scheme = scheme
        self.sheet = sheet
        self.entered = {code: i for i, code in enumerate(sheet.points)}
        self.measures = frozenset(sheet.measures)
        self.rules: list[tuple[str, ScoringRule]] = []
        self.checks: list[tuple[_Getter, Decimal, str]] = []
        self.nodes: dict[str, tuple[int, ...]] = {}

    def compile(self) -> _Plan:
        scheme = self.scheme
        _check_codes(scheme, self.sheet)
        for code in self.entered:
            for ancestor in _ancestors(scheme, code):
                if ancestor in self.entered:
                    raise ScoreError(
                        f"points.{code}",
                        self.sheet.points[code],
                        f"points are also entered for {ancestor}, which "
                        "includes it: enter one level only",
                    )
        bound = _ZERO
        for top in scheme.criteria:
            bound += self.resolve(top)[1]
        used = {name for _, rule in self.rules for name in rule.measures}
        for name in sorted(self.measures - used):
            raise ScoreError(
                f"measures.{name}",
                self.sheet.measures[name],
                f"no criterion of {scheme.code} left to score reads it "
                "(unknown measure, or the criterion's points were entered)",
            )
        limits = tuple(scheme.limit(code) for code in self.entered)
        scaled: tuple[Decimal, ...] | tuple[int, ...] = limits
        checks: list[tuple[_Getter, Decimal | int, str]] = [*self.checks]
        if not self.rules:
            exponent: int = self.sheet._exponent  # noqa: SLF001  # pyright: ignore[reportPrivateUsage]
            scaled = tuple(_floor(limit, exponent) for limit in limits)
            checks = [
                (getter, _floor(limit, exponent), code)
                for getter, limit, code in self.checks
            ]
        return _Plan(
            limits=scaled,
            rules=tuple(self.rules),
            checks=tuple(checks),
            check_total=bound > scheme.total,
            nodes={
                c: self.nodes[c] for c in scheme.codes() if c in self.nodes
            },
        )

    def given(self, node: Criterion) -> bool:
        return any(
            part.code in self.entered
            or (
                part.rule is not None
                and self.measures & set(part.rule.measures)
            )
            for part in node.walk()
        )

    def resolve(self, node: Criterion) -> tuple[list[int], Decimal]:
        """Return the value slots that make up *node* and their joint bound."""
        slots, bound = self._resolve(node)
        self.nodes[node.code] = tuple(slots)
        return slots, bound

    def _resolve(self, node: Criterion) -> tuple[list[int], Decimal]:
        limit = self.scheme.limit(node.code)
        if node.code in self.entered:
            return [self.entered[node.code]], limit
        if node.parts and self.given(node):
            slots: list[int] = []
            bound = _ZERO
            for part in node.parts:
                part_slots, part_bound = self.resolve(part)
                slots += part_slots
                bound += part_bound
            if len(slots) > 1 and bound > limit:
                self.checks.append(
                    (operator.itemgetter(*slots), limit, node.code)
                )
            return slots, min(bound, limit)
        if node.rule is not None and self.measures.issuperset(
            node.rule.measures
        ):
            self.rules.append((node.code, node.rule))
            slot = len(self.entered) + len(self.rules) - 1
            return [slot], min(node.rule.most, limit)
        wanted = f"its points (at most {limit})"
        if node.parts:
            wanted += " or those of " + ", ".join(p.code for p in node.parts)
        if node.rule is not None:
            wanted += " or the measures " + ", ".join(node.rule.measures)
        raise ScoreError(
            f"points.{node.code}",
            None,
            f"required criterion of {self.scheme.code} is missing: enter "
            + wanted,
        )


def _ancestors(scheme: RatingScheme, code: str) -> tuple[str, ...]:
    return scheme._nodes[code].ancestors  # noqa: SLF001  # pyright: ignore[reportPrivateUsage]


def _check_codes(scheme: RatingScheme, sheet: ScoreSheet) -> None:
    """Refuse unknown criterion codes and points above a criterion's limit."""
    known = scheme._nodes  # noqa: SLF001  # pyright: ignore[reportPrivateUsage]
    for code, value in sheet.points.items():
        node = known.get(code)
        if node is None:
            raise ScoreError(
                f"points.{code}",
                value,
                f"not a criterion of {scheme.code} "
                f"(criteria: {', '.join(known)})",
            )
        if value > node.limit:
            raise ScoreError(
                f"points.{code}",
                value,
                f"above the maximum of {node.limit} points for {code} "
                f"({node.criterion.label_en}) in {scheme.code}",
            )


def _plan(scheme: RatingScheme, sheet: ScoreSheet) -> _Plan:
    plans = scheme._plans  # noqa: SLF001  # pyright: ignore[reportPrivateUsage]
    layout = sheet._layout  # noqa: SLF001  # pyright: ignore[reportPrivateUsage]
    plan: _Plan | None = plans.get(layout)
    if plan is None:
        plan = plans[layout] = _Compiler(scheme, sheet).compile()
    return plan


def _computed(plan: _Plan, sheet: ScoreSheet) -> tuple[Decimal, ...]:
    return tuple(rule.score(sheet.measures, code) for code, rule in plan.rules)


def _score(scheme: RatingScheme, sheet: ScoreSheet) -> Decimal:
    """Return the sheet's total, after checking it against the scheme.

    Points entered alone are checked as whole numbers (the sheet holds them
    scaled to its finest decimal place), which is exact and fast; rules
    that compute points from measures take the Decimal path.
    """
    plan: _Plan | None = scheme._plans.get(sheet._layout)  # noqa: SLF001  # pyright: ignore[reportPrivateUsage]
    if plan is None:
        plan = _plan(scheme, sheet)
    exact: tuple[Decimal, ...] = sheet._values  # noqa: SLF001  # pyright: ignore[reportPrivateUsage]
    total: Decimal = sheet._sum  # noqa: SLF001  # pyright: ignore[reportPrivateUsage]
    values: tuple[Decimal, ...] | tuple[int, ...]
    if plan.rules:
        computed = _computed(plan, sheet)
        values = exact = exact + computed
        total += sum(computed)
    else:
        values = sheet._scaled  # noqa: SLF001  # pyright: ignore[reportPrivateUsage]
    if any(map(_gt, values, plan.limits)):
        _check_codes(scheme, sheet)
    for getter, limit, code in plan.checks:
        if sum(getter(values)) > limit:
            subtotal = sum(getter(exact), _ZERO)
            raise ScoreError(
                f"points.{code}",
                subtotal,
                f"the points of {code} add up to more than its maximum "
                f"{scheme.limit(code)}",
            )
    if plan.check_total and total > scheme.total:
        raise ScoreError(
            "points",
            total,
            f"the total is above the {scheme.total} points of {scheme.code}",
        )
    return total


# --- the verdict -----------------------------------------------------------


def _fmt(value: Decimal, lang: str) -> str:
    return localize_digits(format(value, "f"), lang)


@attrs.frozen(kw_only=True)
class Classification:
    """The verdict on one score sheet, with everything that explains it.

    ``rating`` is `None` when the organisation is not rated (*exclusion*
    says why).
    When an *override* applies, *band* is still the band the total fell in
    and ``rating`` is the override's.
    """

    #: The sheet classified.
    sheet: ScoreSheet
    #: The scheme applied (its `RatingScheme.source` says where it is from).
    scheme: RatingScheme
    #: The total points, or `None` when not rated.
    total: Decimal | None
    #: The band the total fell in, or `None` when not rated.
    band: Band | None
    #: The rule that set the rating whatever the score, if any.
    override: Override | None = None
    #: Why the organisation was not rated, if it was not.
    exclusion: Exclusion | None = None

    def __attrs_post_init__(self) -> None:
        unrated = self.band is None
        if unrated is (self.exclusion is None) or unrated is not (
            self.total is None
        ):
            raise ValidationError(
                "exclusion",
                self.exclusion,
                "a classification has either an exclusion, or a total and "
                "a band",
            )

    def __repr__(self) -> str:
        return _views.classification_short(self)

    def _repr_html_(self) -> str:
        return _views.classification_html(self)

    @property
    def rating(self) -> Rating | None:
        """The override's rating, else the band's; `None` if not rated."""
        if self.override is not None:
            return self.override.rating
        return None if self.band is None else self.band.rating

    @property
    def decided_by(self) -> Band | Override | Exclusion:
        """Which rule decided (the exclusion, else override, else band)."""
        decided = self.exclusion or self.override or self.band
        if decided is None:
            raise AssertionError(self)
        return decided

    @property
    def rated(self) -> bool:
        """Whether the organisation was rated."""
        return self.rating is not None

    @property
    def grade(self) -> Grade | None:
        """The letter grade, for schemes with letters (credit funds)."""
        if self.rating is None:
            return None
        return self.scheme.band_of(self.rating).grade

    @property
    def provisional(self) -> bool:
        """Whether the deciding band's cut-off is provisional (unverified)."""
        return (
            self.override is None
            and self.band is not None
            and self.band.provisional
        )

    @property
    def source(self) -> Source:
        """The source of the scheme applied."""
        return self.scheme.source

    @property
    def points(self) -> Mapping[str, Decimal]:
        """The points of every criterion scored.

        Each is entered, computed by a rule from the measures, or added up
        from the parts.
        """
        if self.rating is None:
            return {}
        plan = _plan(self.scheme, self.sheet)
        values = tuple(self.sheet.points.values()) + _computed(
            plan, self.sheet
        )
        return {
            code: sum((values[i] for i in slots), _ZERO)
            for code, slots in plan.nodes.items()
        }

    @property
    def subtotals(self) -> Mapping[str, Decimal]:
        """The points of each top-level criterion (group) of the scheme."""
        points = self.points
        return {
            c.code: points[c.code]
            for c in self.scheme.criteria
            if c.code in points
        }

    def explain(self, lang: str = "vi") -> str:
        """Explain the verdict in *lang* (``"vi"`` or ``"en"``).

        >>> sheet = ScoreSheet(
        ...     organization="HTX-0001",
        ...     kind=OrganizationKind.COOPERATIVE,
        ...     sector=Sector.TRANSPORT,
        ...     year=2024,
        ...     points={"I": 25, "II": 24, "III": 31},
        ... )
        >>> classify(sheet).explain("en")
        'Total 80 of 100 under 01/2020/TT-BKHĐT: good (80 ≤ total ≤ 100).'
        """
        scheme = self.scheme
        doc = scheme.source.document or scheme.code
        if self.exclusion is not None:
            return pick(
                lang,
                f"Không xếp loại theo {doc}: {self.exclusion.label_vi}.",
                f"Not rated under {doc}: {self.exclusion.label_en}.",
            )
        if self.total is None or self.band is None:
            raise AssertionError(self)
        total = _fmt(self.total, lang)
        head = pick(
            lang,
            f"Tổng điểm {total}/{_fmt(scheme.total, lang)} theo {doc}: ",
            f"Total {total} of {_fmt(scheme.total, 'en')} under {doc}: ",
        )
        verdict = self.band.grade or self.band.rating
        band = f"{verdict.label(lang)} ({self._band_rule(lang)})"
        if self.override is not None:
            return head + pick(
                lang,
                f"{band}, nhưng {self.override.label_vi}: "
                f"{self.override.rating.label_vi}.",
                f"{band}, but {self.override.label_en}: "
                f"{self.override.rating.label_en}.",
            )
        text = f"{head}{band}."
        if self.band.provisional:
            text += pick(
                lang,
                " Ngưỡng xếp loại là tạm tính"
                " (chưa đối chiếu văn bản chính thức).",
                " The cut-off is provisional"
                " (not verified in the final text).",
            )
        return text

    def _band_rule(self, lang: str) -> str:
        if self.band is None:
            raise AssertionError(self)
        word = pick(lang, "tổng điểm", "total")
        sign = "≤" if self.band.inclusive else "<"
        low = f"{_fmt(self.band.minimum, lang)} {sign} "
        high, closed = self.scheme.band_ceiling(self.band)
        if self.band is self.scheme.bands[-1] and self.band.minimum == 0:
            low = ""
        return f"{low}{word} {'≤' if closed else '<'} {_fmt(high, lang)}"


# --- entry points ----------------------------------------------------------


def _first(rules: tuple[R, ...], sheet: ScoreSheet) -> R | None:
    return next((rule for rule in rules if rule.when.holds(sheet)), None)


def _choose(sheet: ScoreSheet, scheme: RatingScheme | None) -> RatingScheme:
    if scheme is not None:
        if sheet.scheme is not None and sheet.scheme != scheme.code:
            raise ValidationError(
                "scheme",
                sheet.scheme,
                f"the sheet was scored under {sheet.scheme}, "
                f"not {scheme.code}",
            )
        chosen = scheme
    elif sheet.scheme is not None:
        chosen = builtin_scheme(sheet.scheme)
    else:
        return scheme_for(sheet.kind, sheet.sector, sheet.year)
    if not chosen.applies_to(sheet.kind, sheet.sector, sheet.year):
        raise ValidationError(
            "scheme",
            chosen.code,
            f"does not rate a {sheet.kind.label_en} in "
            f"{sheet.sector.label_en} for {sheet.year}",
        )
    return chosen


def classify(
    sheet: ScoreSheet, scheme: RatingScheme | None = None
) -> Classification:
    """Rate one organisation from its score sheet.

    The scheme is *scheme* if given, else the built-in scheme the sheet
    names, else the one `scheme_for` chooses from its kind, sector and year.

    >>> from decimal import Decimal
    >>> sheet = ScoreSheet(
    ...     organization="HTX-0002",
    ...     kind=OrganizationKind.COOPERATIVE,
    ...     sector=Sector.TRANSPORT,
    ...     year=2024,
    ...     points={"I": 25, "II": 20, "III": Decimal("34.99")},
    ... )
    >>> classify(sheet).rating
    <Rating.FAIR: 'fair'>

    Raises:
        ScoreError: For an unknown criterion, points above a maximum, a
            total above the scheme's, or a missing criterion.
        NotFoundError: If no scheme applies.
        ValidationError: If the scheme given does not rate this sheet.
    """
    return next(_classified((sheet,), scheme, numbered=False))


def classify_many(
    sheets: Iterable[ScoreSheet], scheme: RatingScheme | None = None
) -> Iterator[Classification]:
    """Rate many sheets, lazily, in order; fast enough for a whole country.

    The scheme of each sheet is chosen as in `classify` (once per kind,
    sector, year and named scheme).

    Raises:
        KtttError: For the first bad sheet, with its 1-based row number.
    """
    return _classified(sheets, scheme, numbered=True)


def _classified(
    sheets: Iterable[ScoreSheet],
    scheme: RatingScheme | None,
    *,
    numbered: bool,
) -> Iterator[Classification]:
    """Classify *sheets* in order: the one loop behind both entry points."""
    chosen: dict[str, RatingScheme] = {}
    for row, sheet in enumerate(sheets, start=1):
        try:
            key = sheet._choice  # noqa: SLF001  # pyright: ignore[reportPrivateUsage]
            applied = chosen.get(key)
            if applied is None:
                applied = chosen[key] = _choose(sheet, scheme)
            if sheet._normal:  # noqa: SLF001  # pyright: ignore[reportPrivateUsage]
                # The conditions were tested once, on the normal facts.
                exclusion, override = applied._normal  # noqa: SLF001  # pyright: ignore[reportPrivateUsage]
            else:
                exclusion = _first(applied.exclusions, sheet)
                override = (
                    None if exclusion else _first(applied.overrides, sheet)
                )
            if exclusion is not None:
                _check_codes(applied, sheet)
                result = Classification(
                    sheet=sheet,
                    scheme=applied,
                    total=None,
                    band=None,
                    exclusion=exclusion,
                )
            else:
                total = _score(applied, sheet)
                result = Classification(
                    sheet=sheet,
                    scheme=applied,
                    total=total,
                    band=applied.band_for(total),
                    override=override,
                )
            yield result
        except KtttError as error:
            if numbered:
                raise error.at_row(row) from None
            raise
