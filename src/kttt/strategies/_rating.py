"""Strategies for rating schemes, score sheets and classifications."""

from __future__ import annotations

import itertools

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import TypeVar

import pendulum

from hypothesis import strategies as st

from kttt._labels import LabelledEnum
from kttt.geography import Era
from kttt.organizations import OrganizationKind, Sector
from kttt.rating import (
    Band,
    Classification,
    Condition,
    Criterion,
    Exclusion,
    Fact,
    Override,
    Rating,
    RatingScheme,
    ScoreSheet,
    Step,
    StepRule,
    YesNoRule,
    builtin_schemes,
    classify,
)
from kttt.sources import Source
from kttt.strategies._geography import provinces


E = TypeVar("E", bound=LabelledEnum)


def _cents(low: Decimal, high: Decimal) -> st.SearchStrategy[Decimal]:
    """Draw Decimals from *low* to *high* (both in) with 0 to 2 places.

    *low* is a whole number; shrinks towards whole numbers.
    """

    def with_places(places: int) -> st.SearchStrategy[Decimal]:
        unit = Decimal(1).scaleb(-places)
        first = (low / unit).to_integral_value(ROUND_CEILING)
        last = (high / unit).to_integral_value(ROUND_FLOOR)
        return st.integers(int(first), int(last)).map(
            lambda n: Decimal(n).scaleb(-places)
        )

    return st.integers(0, 2).flatmap(with_places)


@st.composite
def _split(draw: st.DrawFn, total: int, parts: int) -> list[int]:
    """Draw *parts* whole numbers at least 1 adding up to *total*."""
    cuts = sorted(
        draw(
            st.lists(
                st.integers(1, total - 1),
                min_size=parts - 1,
                max_size=parts - 1,
                unique=True,
            )
        )
    )
    bounds = [0, *cuts, total]
    return [high - low for low, high in itertools.pairwise(bounds)]


@st.composite
def _rule(draw: st.DrawFn, code: str, most: int) -> StepRule | YesNoRule:
    """Draw a scoring rule giving at most *most* points."""
    measure = f"m_{code.lower()}"
    if draw(st.booleans()):
        return YesNoRule(measure=measure, yes=Decimal(most))
    points = draw(st.lists(st.integers(0, most), min_size=1, max_size=4))
    return StepRule(
        measure=measure,
        unit="%",
        steps=tuple(
            Step(at_least=Decimal(10 * i), points=Decimal(p))
            for i, p in enumerate(points)
        ),
    )


@st.composite
def _criteria(
    draw: st.DrawFn, prefix: str, total: int
) -> tuple[Criterion, ...]:
    """Draw criteria whose maxima add up to *total* (some unknown)."""
    count = draw(st.integers(1, min(4, total)))
    maxima = draw(_split(total, count))
    unknown = count > 1 and draw(st.booleans())
    out: list[Criterion] = []
    for i, most in enumerate(maxima, start=1):
        code = f"{prefix}{i}"
        shape = draw(st.sampled_from(["plain", "parts", "rule"]))
        parts: tuple[Criterion, ...] = ()
        rule = None
        if shape == "parts" and most >= 2 and len(prefix) < 4:
            parts = draw(_criteria(f"{code}_", most))
        elif shape == "rule":
            rule = draw(_rule(code, most))
        out.append(
            Criterion(
                code=code,
                label_vi=f"Tiêu chí {code}",
                label_en=f"Criterion {code}",
                maximum=None if unknown else Decimal(most),
                rule=rule,
                parts=parts,
            )
        )
    return tuple(out)


@st.composite
def _bands(draw: st.DrawFn, total: int) -> tuple[Band, ...]:
    cuts = sorted(
        draw(
            st.lists(
                st.integers(1, total), min_size=3, max_size=3, unique=True
            )
        ),
        reverse=True,
    )
    provisional = draw(st.booleans())
    minima = [*cuts, 0]
    return tuple(
        Band(
            rating=rating,
            minimum=Decimal(minimum),
            inclusive=minimum == 0 or draw(st.booleans()),
            provisional=provisional,
        )
        for rating, minimum in zip(Rating, minima, strict=True)
    )


#: Conditions a fully eligible sheet (see `score_sheets`) never meets.
_EXCLUSIONS = (
    Condition(fact=Fact.MONTHS_OPERATING, below=12),
    Condition(fact=Fact.MONTHS_SUSPENDED, above=3),
    Condition(fact=Fact.SPECIAL_CONTROL),
    Condition(fact=Fact.LICENCE_REVOCATION),
)


@st.composite
def _generated_schemes(draw: st.DrawFn) -> RatingScheme:
    total = draw(st.integers(4, 100))
    exclusions = draw(st.lists(st.sampled_from(_EXCLUSIONS), unique=True))
    sanction = draw(st.none() | st.sampled_from(list(Rating)))
    return RatingScheme(
        code=draw(st.sampled_from(["PROVINCE-A", "TINH-B", "X-2030"])),
        name_vi="Bộ tiêu chí của tỉnh",
        name_en="A province's own scheme",
        source=Source(document="01/2026/QĐ-UBND", clause="Điều 3"),
        in_force=pendulum.Date(draw(st.integers(2000, 2030)), 1, 1),
        kinds=draw(
            st.sets(st.sampled_from(list(OrganizationKind)), min_size=1)
        ),
        sectors=draw(st.sets(st.sampled_from(list(Sector)))),
        total=Decimal(total),
        criteria=draw(_criteria("C", total)),
        bands=draw(_bands(total)),
        exclusions=tuple(
            Exclusion(
                code=f"e{i}",
                when=condition,
                label_vi=f"loại trừ {i}",
                label_en=f"exclusion {i}",
            )
            for i, condition in enumerate(exclusions)
        ),
        overrides=()
        if sanction is None
        else (
            Override(
                code="sanctioned",
                when=Condition(fact=Fact.SANCTIONED),
                rating=sanction,
                label_vi="bị xử phạt",
                label_en="sanctioned",
            ),
        ),
        known=draw(st.lists(st.sampled_from(["Điều 1", "Điều 2"]))),
        unknown=draw(st.lists(st.sampled_from(["Phụ lục 1"]))),
    )


def rating_schemes(
    *, builtin: bool | None = None
) -> st.SearchStrategy[RatingScheme]:
    """Draw a `kttt.rating.RatingScheme`.

    Args:
        builtin: `True` for one of the schemes kttt ships, `False` for a
            generated scheme (random criteria trees, some maxima unknown,
            scoring rules, bands, exclusions, overrides); by default
            either, the built-in ones first.
    """
    shipped = st.sampled_from(builtin_schemes())
    if builtin is None:
        return shipped | _generated_schemes()
    return shipped if builtin else _generated_schemes()


class _Budget:
    """Points left to give within the scheme's total."""

    def __init__(self, total: Decimal) -> None:
        self.left = total


@st.composite
def _fill(
    draw: st.DrawFn,
    node: Criterion,
    *,
    limit: Decimal,
    budget: _Budget,
    points: dict[str, Decimal],
    measures: dict[str, Decimal | bool],
) -> None:
    """Give *node* points within *limit* and the budget, at some level."""
    room = min(limit, budget.left)
    rule = node.rule
    if rule is not None and rule.most <= room and draw(st.booleans()):
        if isinstance(rule, YesNoRule):
            measures[rule.measure] = draw(st.booleans())
        else:
            low = rule.steps[0].at_least
            measures[rule.measure] = draw(_cents(low, low + 1000))
            if rule.requires is not None:
                measures[rule.requires] = draw(st.booleans())
        budget.left -= rule.score(measures, node.code)
        return
    use_parts = bool(node.parts) and draw(st.booleans())
    if use_parts:
        inner = _Budget(room)
        for part in node.parts:
            most = room if part.maximum is None else min(part.maximum, room)
            draw(
                _fill(
                    part,
                    limit=most,
                    budget=inner,
                    points=points,
                    measures=measures,
                )
            )
        budget.left -= room - inner.left
        return
    value = draw(_cents(Decimal(0), room))
    points[node.code] = value
    budget.left -= value


def score_sheets(
    *,
    scheme: RatingScheme | None = None,
    eligible: bool | None = None,
    sanctioned: bool | None = None,
) -> st.SearchStrategy[ScoreSheet]:
    """Draw a `kttt.rating.ScoreSheet` that classifies without error.

    Points (with two decimal places, so band edges such as 79.99 come up)
    respect every maximum of the scheme; some criteria get measured values
    instead of points where the scheme has a rule.

    Args:
        scheme: The scheme the sheet is for (drawn from the built-in ones by
            default); the sheet names its code.
        eligible: `True` for a full, normal year (never excluded by the
            built-in schemes), `False` or `None` to draw the months and
            the flags too.
        sanctioned: Fix the sanction flag, or `None` to draw it.
    """
    normal = eligible is True

    @st.composite
    def draw_sheet(draw: st.DrawFn) -> ScoreSheet:
        chosen = scheme or draw(rating_schemes(builtin=True))
        year = draw(st.integers(max(chosen.in_force.year, 1990), 2030))
        era = Era.PRE_2025 if year < 2025 else Era.FROM_2025
        points: dict[str, Decimal] = {}
        measures: dict[str, Decimal | bool] = {}
        budget = _Budget(chosen.total)
        for top in chosen.criteria:
            draw(
                _fill(
                    top,
                    limit=chosen.limit(top.code),
                    budget=budget,
                    points=points,
                    measures=measures,
                )
            )
        return ScoreSheet(
            organization=draw(st.sampled_from(["HTX-1", "HTX Bình Minh"])),
            kind=draw(
                st.sampled_from(_in_order(chosen.kinds, OrganizationKind))
            ),
            sector=draw(st.sampled_from(_in_order(chosen.sectors, Sector))),
            year=year,
            province=draw(st.none() | provinces(era=era)),
            scheme=chosen.code,
            points=points,
            measures=measures,
            months_operating=12 if normal else draw(st.integers(0, 12)),
            months_suspended=draw(st.integers(0, 3 if normal else 12)),
            sanctioned=draw(st.booleans())
            if sanctioned is None
            else sanctioned,
            special_control=False if normal else draw(st.booleans()),
            licence_revocation=False if normal else draw(st.booleans()),
        )

    return draw_sheet()


def _in_order(members: frozenset[E], every: type[E]) -> list[E]:
    """Members in definition order; all of *every* when there are none."""
    order = list(every)
    return [m for m in order if m in members] or order


def classifications(
    *, scheme: RatingScheme | None = None, eligible: bool | None = None
) -> st.SearchStrategy[Classification]:
    """Draw the `kttt.rating.Classification` of a drawn score sheet."""
    return score_sheets(scheme=scheme, eligible=eligible).map(
        lambda sheet: classify(sheet, scheme)
    )
