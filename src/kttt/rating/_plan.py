"""The classifier's plan of a scheme: compiled once, owned by the classifier.

`plan_for` compiles a `SchemePlan` the first time a scheme classifies a
sheet and keeps it while the scheme lives; the scheme itself is never
written to.
For each layout of sheet (which codes and measures were entered, and the
power of ten its points are whole numbers of), the plan compiles once the
checks that the criteria's maxima do not already imply; each sheet then
costs a few comparisons and sums of whole numbers, which are exact
whatever the caller's decimal context.
"""

from __future__ import annotations

import bisect
import operator
import weakref

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final

from kttt.errors import ScoreError
from kttt.rating._bands import Band, Exclusion, Override
from kttt.rating._criteria import Criterion
from kttt.rating._enums import Fact
from kttt.rating._exact import (
    EXACT,
    ceil_scaled,
    decimal_of,
    exact_sum,
    exponent_of,
    floor_scaled,
    scaled,
)
from kttt.rating._points import HUNDREDTHS, Points, picker
from kttt.rating._rules import ScoringRule, StepRule
from kttt.rating._scheme import RatingScheme


_Getter = Callable[[tuple[int, ...]], tuple[int, ...]]
_gt: Final = operator.gt

#: The eligibility facts of a sheet, in the order of `Fact`.
facts_of: Final = operator.attrgetter(*(fact.value for fact in Fact))
#: The facts of a full, normal year.
NORMAL_FACTS: Final = tuple(fact.normal for fact in Fact)
_FACT_AT: Final = {fact: i for i, fact in enumerate(Fact)}


class LayoutPlan:
    """What to check for one layout of score sheet under one scheme.

    Points are whole numbers of ``10**exponent``; limits are floored to
    that place, which is exact: for whole numbers ``v > L`` exactly when
    ``v > floor(L)``.
    """

    __slots__ = (
        "check_total",
        "checks",
        "exponent",
        "limits",
        "nodes",
        "rules",
        "shift",
        "tops",
        "total_limit",
    )

    def __init__(
        self,
        *,
        limits: tuple[int, ...],
        rules: tuple[tuple[str, ScoringRule], ...],
        checks: tuple[tuple[_Getter, int, str], ...],
        check_total: bool,
        total_limit: int,
        nodes: Mapping[str, tuple[int, ...]],
        tops: tuple[tuple[str, _Getter], ...],
        exponent: int,
        shift: int,
    ) -> None:
        #: The limit of each entered criterion, in the sheet's code order.
        self.limits = limits
        #: Criteria computed by a rule from the measures (code, rule).
        self.rules = rules
        #: Sums to check: (getter over all values, limit, code).
        self.checks = checks
        #: Whether the total can exceed the scheme's total.
        self.check_total = check_total
        #: The scheme's total, floored.
        self.total_limit = total_limit
        #: The value slots that make up each criterion scored.
        self.nodes = nodes
        #: The top-level criteria scored, each with what picks its values.
        self.tops = tops
        #: The power of ten of every value (finer than the sheet's when a
        #: rule gives finer points).
        self.exponent = exponent
        #: What the sheet's values are multiplied by to reach *exponent*.
        self.shift = shift


class SchemePlan:
    """Everything classifying under one scheme needs, compiled once.

    The plan holds the parts of the scheme it needs, not the scheme.
    """

    def __init__(self, scheme: RatingScheme) -> None:
        self.code = scheme.code
        self.total = scheme.total
        self.exclusions = scheme.exclusions
        self.overrides = scheme.overrides
        self.criteria = scheme.criteria
        #: The limit of every criterion, by code, depth first.
        self.limits = {code: scheme.limit(code) for code in scheme.codes()}
        #: The codes above every criterion.
        self.ancestors = {
            code: scheme.ancestors(code) for code in scheme.codes()
        }
        #: The English name of every criterion.
        self.labels = {
            code: scheme.criterion(code).label_en for code in scheme.codes()
        }
        #: What applies to a sheet of a full, normal year.
        self.normal = self._decide(NORMAL_FACTS)
        # From the worst band up: the bands, and their minima per exponent.
        self._bands = tuple(reversed(scheme.bands))
        self._thresholds: dict[int, list[int]] = {}
        # Totals and subtotals met before, as Decimals and as text.
        self._decimals: dict[tuple[int, int], Decimal] = {}
        self._texts: dict[tuple[int, int], str] = {}
        # By layout: the usual sheet (hundredths, no measures) by its layout
        # alone, others by layout, exponent and measures.
        self._layouts: dict[object, LayoutPlan] = {}

    # --- what decides ---

    def decide(
        self, facts: tuple[Any, ...]
    ) -> tuple[Exclusion | None, Override | None]:
        """Return the exclusion, else the override, that *facts* meet."""
        if facts == NORMAL_FACTS:
            return self.normal
        return self._decide(facts)

    def _decide(
        self, facts: tuple[Any, ...]
    ) -> tuple[Exclusion | None, Override | None]:
        exclusion = next(
            (
                e
                for e in self.exclusions
                if e.when.test(facts[_FACT_AT[e.when.fact]])
            ),
            None,
        )
        if exclusion is not None:
            return exclusion, None
        override = next(
            (
                o
                for o in self.overrides
                if o.when.test(facts[_FACT_AT[o.when.fact]])
            ),
            None,
        )
        return None, override

    def band(self, total: int, exponent: int) -> Band:
        """Return the band of a *total* of whole ``10**exponent``."""
        thresholds = self._thresholds.get(exponent)
        if thresholds is None:
            thresholds = self._thresholds[exponent] = [
                ceil_scaled(band.minimum, exponent)
                if band.inclusive
                else floor_scaled(band.minimum, exponent) + 1
                for band in self._bands
            ]
        return self._bands[bisect.bisect_right(thresholds, total) - 1]

    def text_of(self, number: int, exponent: int) -> str:
        """Return points of whole ``10**exponent`` as text (``"79.99"``)."""
        key = (number, exponent)
        found = self._texts.get(key)
        if found is None:
            found = format(self.total_of(number, exponent), "f")
            _remember(self._texts, key, found)
        return found

    def total_of(self, number: int, exponent: int) -> Decimal:
        """Return points of whole ``10**exponent`` as a Decimal."""
        key = (number, exponent)
        found = self._decimals.get(key)
        if found is None:
            found = decimal_of(number, exponent)
            _remember(self._decimals, key, found)
        return found

    # --- points ---

    def layout(
        self, points: Points, measures: Mapping[str, object]
    ) -> LayoutPlan:
        """Return the plan of sheets entered like *points* and *measures*.

        Raises:
            ScoreError: For an unknown criterion, points above a maximum,
                a missing criterion, a criterion entered at two levels or
                a measure no criterion left to score reads.
        """
        usual = not measures and points.exponent == HUNDREDTHS
        key = (
            points.layout
            if usual
            else (points.layout, points.exponent, tuple(measures))
        )
        plan = self._layouts.get(key)
        if plan is None:
            plan = _Compiler(self, points, measures).compile()
            self._layouts[key] = plan
        return plan

    def score(
        self, points: Points, measures: Mapping[str, Decimal | bool]
    ) -> tuple[LayoutPlan, tuple[int, ...], int]:
        """Check the points against the scheme and add them up.

        Returns the layout's plan, every value (entered, then computed by
        rules) and the total, as whole numbers of ``10**plan.exponent``.

        Raises:
            ScoreError: For an unknown criterion, points above a maximum,
                a sum above a criterion's maximum, a total above the
                scheme's, or a missing criterion.
        """
        plan = self.layout(points, measures)
        values = points.scaled()
        if plan.shift != 1:
            values = tuple(value * plan.shift for value in values)
        if plan.rules:
            values += tuple(
                scaled(rule.score(measures, code), plan.exponent)
                for code, rule in plan.rules
            )
        if any(map(_gt, values, plan.limits)):
            self.check_codes(points)
        for getter, limit, code in plan.checks:
            subtotal = sum(getter(values))
            if subtotal > limit:
                raise ScoreError(
                    f"points.{code}",
                    decimal_of(subtotal, plan.exponent),
                    f"the points of {code} add up to more than its maximum "
                    f"{self.limits[code]}",
                )
        total = sum(values)
        if plan.check_total and total > plan.total_limit:
            raise ScoreError(
                "points",
                decimal_of(total, plan.exponent),
                f"the total is above the {self.total} points of {self.code}",
            )
        return plan, values, total

    def check_codes(self, points: Mapping[str, Decimal]) -> None:
        """Refuse unknown criterion codes and points above a limit.

        Raises:
            ScoreError: Naming the criterion, the points and the limit.
        """
        for code, value in points.items():
            limit = self.limits.get(code)
            if limit is None:
                raise ScoreError(
                    f"points.{code}",
                    value,
                    f"not a criterion of {self.code} "
                    f"(criteria: {', '.join(self.limits)})",
                )
            if value > limit:
                raise ScoreError(
                    f"points.{code}",
                    value,
                    f"above the maximum of {limit} points for {code} "
                    f"({self.labels[code]}) in {self.code}",
                )

    def subtotals(
        self, plan: LayoutPlan, values: tuple[int, ...]
    ) -> dict[str, int]:
        """Return the points of every criterion scored, as whole numbers."""
        return {
            code: sum(values[i] for i in slots)
            for code, slots in plan.nodes.items()
        }


#: How many totals a plan remembers as Decimals and as text.
_REMEMBERED: Final = 1 << 16


def _remember(memory: dict[Any, Any], key: object, value: object) -> None:
    if len(memory) < _REMEMBERED:
        memory[key] = value


class _Compiler:
    def __init__(
        self,
        scheme: SchemePlan,
        points: Points,
        measures: Mapping[str, object],
    ) -> None:
        self.scheme = scheme
        self.points = points
        self.entered = {code: i for i, code in enumerate(points)}
        self.measures = frozenset(measures)
        self.measured = measures
        self.rules: list[tuple[str, ScoringRule]] = []
        self.checks: list[tuple[_Getter, Decimal, str]] = []
        self.nodes: dict[str, tuple[int, ...]] = {}

    def compile(self) -> LayoutPlan:
        scheme = self.scheme
        scheme.check_codes(self.points)
        for code in self.entered:
            for ancestor in scheme.ancestors[code]:
                if ancestor in self.entered:
                    raise ScoreError(
                        f"points.{code}",
                        self.points[code],
                        f"points are also entered for {ancestor}, which "
                        "includes it: enter one level only",
                    )
        bound = exact_sum(self.resolve(top)[1] for top in scheme.criteria)
        used = {name for _, rule in self.rules for name in rule.measures}
        for name in sorted(self.measures - used):
            raise ScoreError(
                f"measures.{name}",
                self.measured[name],
                f"no criterion of {scheme.code} left to score reads it "
                "(unknown measure, or the criterion's points were entered)",
            )
        exponent = min(
            [
                self.points.exponent,
                *(
                    exponent_of(points.normalize(EXACT))
                    for _, rule in self.rules
                    for points in _points_of(rule)
                ),
            ]
        )
        return LayoutPlan(
            limits=tuple(
                floor_scaled(scheme.limits[code], exponent)
                for code in self.entered
            ),
            rules=tuple(self.rules),
            checks=tuple(
                (getter, floor_scaled(limit, exponent), code)
                for getter, limit, code in self.checks
            ),
            check_total=bound > scheme.total,
            total_limit=floor_scaled(scheme.total, exponent),
            nodes={
                code: self.nodes[code]
                for code in scheme.limits
                if code in self.nodes
            },
            tops=tuple(
                (top.code, picker(self.nodes[top.code]))
                for top in scheme.criteria
                if top.code in self.nodes
            ),
            exponent=exponent,
            shift=10 ** (self.points.exponent - exponent),
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
        limit = self.scheme.limits[node.code]
        if node.code in self.entered:
            return [self.entered[node.code]], limit
        if node.parts and self.given(node):
            slots: list[int] = []
            bounds: list[Decimal] = []
            for part in node.parts:
                part_slots, part_bound = self.resolve(part)
                slots += part_slots
                bounds.append(part_bound)
            bound = exact_sum(bounds)
            if len(slots) > 1 and bound > limit:
                self.checks.append((picker(slots), limit, node.code))
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


def _points_of(rule: ScoringRule) -> tuple[Decimal, ...]:
    """Return every number of points *rule* can give."""
    if isinstance(rule, StepRule):
        return tuple(step.points for step in rule.steps)
    return (rule.yes, rule.no)


_PLANS: dict[int, SchemePlan] = {}


def plan_for(scheme: RatingScheme) -> SchemePlan:
    """Return the plan of *scheme*, compiled at its first use.

    The plan is kept while the scheme lives (looked up by identity: a
    scheme is never hashed), and dropped with it.
    """
    key = id(scheme)
    plan = _PLANS.get(key)
    if plan is None:
        plan = _PLANS[key] = SchemePlan(scheme)
        weakref.finalize(scheme, _PLANS.pop, key, None)
    return plan
