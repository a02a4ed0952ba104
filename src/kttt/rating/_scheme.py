"""Rating schemes as values: criteria, scoring rules, bands, exclusions."""

from __future__ import annotations

import bisect
import itertools

from collections.abc import Iterable, Mapping, Sized
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs
import pendulum

from kttt._labels import pick
from kttt.errors import NotFoundError, ScoreError, ValidationError
from kttt.organizations import OrganizationKind, Sector
from kttt.rating._enums import Fact, Grade, Rating, SizeBasis, SizeClass
from kttt.sources import Source
from kttt.text import nfc


if TYPE_CHECKING:
    from kttt.rating._sheet import ScoreSheet

_ZERO = Decimal(0)


def _tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(values)


def _frozenset(values: Iterable[Any]) -> frozenset[Any]:
    return frozenset(values)


def _is_exact(value: object) -> bool:
    return isinstance(value, Decimal) and value.is_finite()


def _points(
    _: object, attribute: attrs.Attribute[Decimal], value: object
) -> None:
    if not _is_exact(value) or value < _ZERO:  # type: ignore[operator]
        raise ValidationError(
            attribute.name, value, "points are a finite Decimal, at least 0"
        )


def _optional_points(
    _: object, attribute: attrs.Attribute[Decimal | None], value: object
) -> None:
    if value is not None:
        _points(_, attribute, value)  # type: ignore[arg-type]


def _code(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if (
        not isinstance(value, str)
        or not value.strip()
        or value != value.strip()
    ):
        raise ValidationError(
            attribute.name,
            value,
            "a code is non-empty text without outer spaces",
        )


def _label(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(
            attribute.name, value, "a label is non-empty text"
        )


# --- scoring rules ---------------------------------------------------------


@attrs.frozen(kw_only=True)
class Step:
    """One band of a `StepRule`: values from *at_least* up earn *points*."""

    #: The lowest measured value of the band (inclusive).
    at_least: Decimal = attrs.field(
        validator=attrs.validators.instance_of(Decimal)
    )
    #: The points the band earns.
    points: Decimal = attrs.field(validator=_points)


def _ascending_steps(
    _: StepRule,
    attribute: attrs.Attribute[tuple[Step, ...]],
    value: tuple[Step, ...],
) -> None:
    if not value:
        raise ValidationError(attribute.name, value, "a step rule has steps")
    bounds = [step.at_least for step in value]
    if any(low >= high for low, high in itertools.pairwise(bounds)):
        raise ValidationError(
            attribute.name, bounds, "steps rise strictly by their lower bound"
        )


@attrs.frozen(kw_only=True)
class StepRule:
    """Points from bands on a measured value (revenue, a ratio, a count).

    A value below the first step is refused: the rule does not say what it
    earns.

    >>> from decimal import Decimal
    >>> from kttt.rating import Step, StepRule
    >>> rule = StepRule(
    ...     measure="revenue_to_plan_pct",
    ...     unit="%",
    ...     steps=(
    ...         Step(at_least=Decimal(0), points=Decimal(0)),
    ...         Step(at_least=Decimal(100), points=Decimal(4)),
    ...     ),
    ... )
    >>> rule.score({"revenue_to_plan_pct": Decimal("100")}, "TC1a")
    Decimal('4')
    """

    #: The name of the measure (a key of `ScoreSheet.measures`).
    measure: str = attrs.field(validator=_code)
    #: The unit the measure is written in (``"%"``, ``"VND"``, ``"times"``).
    unit: str = attrs.field(converter=nfc, validator=_label)
    #: The bands, by rising lower bound.
    steps: tuple[Step, ...] = attrs.field(
        converter=_tuple, validator=_ascending_steps
    )
    #: A yes/no measure that must be true for any points (otherwise 0).
    requires: str | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(_code),
    )

    @property
    def measures(self) -> tuple[str, ...]:
        """The measures the rule reads."""
        return (
            (self.measure,)
            if self.requires is None
            else (
                self.measure,
                self.requires,
            )
        )

    @property
    def most(self) -> Decimal:
        """The most points the rule can give."""
        return max(step.points for step in self.steps)

    def score(
        self, measures: Mapping[str, Decimal | bool], code: str
    ) -> Decimal:
        """Return the points for the measured values (*code* names errors).

        Raises:
            ScoreError: If a measure is missing, of the wrong kind, or
                below the first step.
        """
        if self.requires is not None and not _yes_no(
            measures, self.requires, code
        ):
            return _ZERO
        value = _number(measures, self.measure, code)
        for step in reversed(self.steps):
            if value >= step.at_least:
                return step.points
        raise ScoreError(
            f"measures.{self.measure}",
            value,
            f"below the lowest step ({self.steps[0].at_least} {self.unit}) "
            f"of criterion {code}",
        )


@attrs.frozen(kw_only=True)
class YesNoRule:
    """Points for a yes/no condition (a fund of at least 20 % of income...)."""

    #: The name of the yes/no measure.
    measure: str = attrs.field(validator=_code)
    #: The points when the condition holds.
    yes: Decimal = attrs.field(validator=_points)
    #: The points when it does not.
    no: Decimal = attrs.field(default=_ZERO, validator=_points)

    @property
    def measures(self) -> tuple[str, ...]:
        """The measures the rule reads."""
        return (self.measure,)

    @property
    def most(self) -> Decimal:
        """The most points the rule can give."""
        return max(self.yes, self.no)

    def score(
        self, measures: Mapping[str, Decimal | bool], code: str
    ) -> Decimal:
        """Return the points for the measured values (*code* names errors).

        Raises:
            ScoreError: If the measure is missing or not yes/no.
        """
        return self.yes if _yes_no(measures, self.measure, code) else self.no


#: A rule that turns measured values into points.
ScoringRule: TypeAlias = StepRule | YesNoRule


def _measure(
    measures: Mapping[str, Decimal | bool], name: str, code: str
) -> Decimal | bool:
    try:
        return measures[name]
    except KeyError:
        raise ScoreError(
            f"measures.{name}",
            None,
            f"criterion {code} needs this measure (or its points)",
        ) from None


def _yes_no(
    measures: Mapping[str, Decimal | bool], name: str, code: str
) -> bool:
    value = _measure(measures, name, code)
    if not isinstance(value, bool):
        raise ScoreError(
            f"measures.{name}", value, f"criterion {code} needs yes/no here"
        )
    return value


def _number(
    measures: Mapping[str, Decimal | bool], name: str, code: str
) -> Decimal:
    value = _measure(measures, name, code)
    if isinstance(value, bool):
        raise ScoreError(
            f"measures.{name}", value, f"criterion {code} needs a number here"
        )
    return value


# --- criteria --------------------------------------------------------------


def _parts_fit(
    instance: Criterion,
    attribute: attrs.Attribute[tuple[Criterion, ...]],
    value: tuple[Criterion, ...],
) -> None:
    if value and instance.rule is not None:
        raise ValidationError(
            attribute.name,
            instance.code,
            "a criterion has parts or a scoring rule, not both",
        )
    if instance.maximum is None:
        return
    maxima = [part.maximum for part in value]
    known = sum((m for m in maxima if m is not None), _ZERO)
    complete = value and None not in maxima
    if known > instance.maximum or (complete and known != instance.maximum):
        raise ValidationError(
            attribute.name,
            [str(m) for m in maxima],
            f"the parts' maxima must add up to the maximum {instance.maximum} "
            f"of {instance.code}",
        )


def _rule_fits(
    instance: Criterion,
    attribute: attrs.Attribute[ScoringRule | None],
    value: ScoringRule | None,
) -> None:
    if (
        value is not None
        and instance.maximum is not None
        and value.most > instance.maximum
    ):
        raise ValidationError(
            attribute.name,
            str(value.most),
            f"a rule gives at most the maximum {instance.maximum} of "
            f"{instance.code}",
        )


@attrs.frozen(kw_only=True)
class Criterion:
    """A criterion (or group of criteria, or sub-criterion) of a scheme.

    Its points are entered on the score sheet, or add up from its *parts*,
    or come from its scoring *rule* and the measured values.
    A *maximum* of `None` means the regulation's figure is unknown: the
    criterion is then bounded by the criterion it belongs to.
    """

    #: The code used on score sheets (``"TC1"``), unique in the scheme.
    code: str = attrs.field(validator=_code)
    #: The Vietnamese name.
    label_vi: str = attrs.field(converter=nfc, validator=_label)
    #: The English name.
    label_en: str = attrs.field(converter=nfc, validator=_label)
    #: The most points, or `None` where the regulation's figure is unknown.
    maximum: Decimal | None = attrs.field(validator=_optional_points)
    #: A rule that computes the points from measured values.
    rule: ScoringRule | None = attrs.field(default=None, validator=_rule_fits)
    #: The sub-criteria whose points add up to this one.
    parts: tuple[Criterion, ...] = attrs.field(
        default=(), converter=_tuple, validator=_parts_fit
    )
    #: Where the criterion (and its maximum) is written down.
    source: Source | None = None

    def walk(self) -> tuple[Criterion, ...]:
        """Return this criterion and all its parts, depth first."""
        return (self, *(node for part in self.parts for node in part.walk()))

    def label(self, lang: str = "vi") -> str:
        """Return the name in *lang*, ``"vi"`` or ``"en"``."""
        return pick(lang, self.label_vi, self.label_en)


# --- bands, exclusions, overrides -----------------------------------------


@attrs.frozen(kw_only=True)
class Band:
    """A rating band: totals from *minimum* up to the next band's minimum."""

    #: The rating the band gives.
    rating: Rating
    #: The lowest total of the band.
    minimum: Decimal = attrs.field(validator=_points)
    #: Whether a total of exactly *minimum* is in the band.
    inclusive: bool = True
    #: The letter grade, for schemes that use letters (credit funds).
    grade: Grade | None = None
    #: Whether the cut-off is provisional (not verified in the final text).
    provisional: bool = False

    def contains(self, total: Decimal) -> bool:
        """Whether *total* reaches the band's minimum."""
        return (
            total >= self.minimum if self.inclusive else total > self.minimum
        )


def _condition_shape(
    instance: Condition,
    attribute: attrs.Attribute[int | None],
    value: int | None,
) -> None:
    given = [v for v in (instance.below, instance.above) if v is not None]
    if instance.fact.is_count and len(given) != 1:
        raise ValidationError(
            "when",
            instance.fact.value,
            "a month count is tested with exactly one of below/above",
        )
    if not instance.fact.is_count and given:
        raise ValidationError(
            "when", instance.fact.value, "a yes/no fact takes no below/above"
        )
    if any(isinstance(v, bool) or not 0 <= v <= 12 for v in given):
        raise ValidationError(
            attribute.name, value, "a month limit is a whole number 0 to 12"
        )


@attrs.frozen(kw_only=True)
class Condition:
    """A test on an eligibility fact of a score sheet.

    A month count holds when it is *below* or *above* the limit; a yes/no
    fact holds when it is true.
    """

    #: The fact tested.
    fact: Fact
    #: Holds when the month count is less than this.
    below: int | None = None
    #: Holds when the month count is more than this.
    above: int | None = attrs.field(default=None, validator=_condition_shape)
    # The name of the sheet attribute holding the fact (read per sheet).
    _attribute: str = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_attribute", self.fact.value)

    def holds(self, sheet: ScoreSheet) -> bool:
        """Whether the condition holds for *sheet*."""
        return self.test(getattr(sheet, self._attribute))

    def test(self, value: int | bool) -> bool:
        """Whether the condition holds when the fact has *value*."""
        if self.below is not None:
            return value < self.below
        if self.above is not None:
            return value > self.above
        return bool(value)

    def describe(self, lang: str = "vi") -> str:
        """Describe the condition in *lang*."""
        label = self.fact.label(lang)
        if self.below is not None:
            return pick(
                lang,
                f"{label} dưới {self.below}",
                f"{label} below {self.below}",
            )
        if self.above is not None:
            return pick(
                lang,
                f"{label} trên {self.above}",
                f"{label} above {self.above}",
            )
        return label


@attrs.frozen(kw_only=True)
class Exclusion:
    """A reason an organisation is not rated at all (newly founded...)."""

    #: A short code (``"new"``).
    code: str = attrs.field(validator=_code)
    #: When the organisation is excluded.
    when: Condition
    #: The reason in Vietnamese.
    label_vi: str = attrs.field(converter=nfc, validator=_label)
    #: The reason in English.
    label_en: str = attrs.field(converter=nfc, validator=_label)
    #: Where the exclusion is written down.
    source: Source | None = None

    def label(self, lang: str = "vi") -> str:
        """Return the reason in *lang*."""
        return pick(lang, self.label_vi, self.label_en)


@attrs.frozen(kw_only=True)
class Override:
    """A rule that sets the rating whatever the score (weak if sanctioned)."""

    #: A short code (``"sanctioned"``).
    code: str = attrs.field(validator=_code)
    #: When the override applies.
    when: Condition
    #: The rating it sets.
    rating: Rating
    #: The rule in Vietnamese.
    label_vi: str = attrs.field(converter=nfc, validator=_label)
    #: The rule in English.
    label_en: str = attrs.field(converter=nfc, validator=_label)
    #: Where the override is written down.
    source: Source | None = None

    def label(self, lang: str = "vi") -> str:
        """Return the rule in *lang*."""
        return pick(lang, self.label_vi, self.label_en)


# --- size classes ----------------------------------------------------------


@attrs.frozen(kw_only=True)
class SizeStep:
    """One size class of a `SizeScale`: values from *at_least* upwards."""

    #: The size class.
    size: SizeClass
    #: Its lowest value (members, or VND of total capital), inclusive.
    at_least: int = attrs.field(validator=attrs.validators.ge(0))


def _size_steps(
    _: SizeScale,
    attribute: attrs.Attribute[tuple[SizeStep, ...]],
    value: tuple[SizeStep, ...],
) -> None:
    bounds = [step.at_least for step in value]
    if not value or bounds[0] != 0 or bounds != sorted(set(bounds)):
        raise ValidationError(
            attribute.name, bounds, "size steps start at 0 and rise strictly"
        )


@attrs.frozen(kw_only=True)
class SizeScale:
    """Size classes on one basis (members or total capital)."""

    #: What the classes are measured on.
    basis: SizeBasis
    #: The classes by rising lower bound; the first starts at 0.
    steps: tuple[SizeStep, ...] = attrs.field(
        converter=_tuple, validator=_size_steps
    )
    #: Where the classes are written down.
    source: Source | None = None

    def classify(self, value: int) -> SizeClass:
        """Return the size class of *value* (members, or whole VND).

        Raises:
            ValidationError: If *value* is not a whole number at least 0.
        """
        if (
            isinstance(value, bool)
            or not isinstance(value, int)  # pyright: ignore[reportUnnecessaryIsInstance]
            or value < 0
        ):
            raise ValidationError(
                self.basis.value, value, "a whole number at least 0"
            )
        return next(
            s.size for s in reversed(self.steps) if value >= s.at_least
        )


# --- the scheme ------------------------------------------------------------


@attrs.frozen
class _Node:
    criterion: Criterion
    limit: Decimal
    ancestors: tuple[str, ...]


def _non_empty(
    _: object, attribute: attrs.Attribute[Any], value: Sized
) -> None:
    if not value:
        raise ValidationError(attribute.name, value, "must not be empty")


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(nfc(text) for text in value)


@attrs.frozen(kw_only=True)
class RatingScheme:
    """A rating scheme: criteria, points, bands, exclusions, overrides.

    Built-in schemes come from `kttt.rating.builtin_schemes`; a province's
    own scheme is loaded with `kttt.rating.load_scheme` or
    `RatingScheme.from_json`.
    Everything the regulation leaves unknown is `None` (a criterion's
    maximum) or listed in *unknown*; the points are then entered by the
    user, as on the official self-scoring form.
    """

    #: A short identifier (``"TT-01-2020"``), used on score sheets.
    code: str = attrs.field(validator=_code)
    #: The name in Vietnamese.
    name_vi: str = attrs.field(converter=nfc, validator=_label)
    #: The name in English.
    name_en: str = attrs.field(converter=nfc, validator=_label)
    #: The document the scheme comes from.
    source: Source
    #: The date the document came into force.
    in_force: pendulum.Date
    #: The kinds of organisation it rates.
    kinds: frozenset[OrganizationKind] = attrs.field(
        converter=_frozenset, validator=_non_empty
    )
    #: The sectors it is limited to; empty means every sector.
    sectors: frozenset[Sector] = attrs.field(
        default=frozenset(), converter=_frozenset
    )
    #: The most points in all.
    total: Decimal = attrs.field(default=Decimal(100), validator=_points)
    #: The top-level criteria (or groups of criteria).
    criteria: tuple[Criterion, ...] = attrs.field(
        converter=_tuple, validator=_non_empty
    )
    #: The bands from the best to the worst.
    bands: tuple[Band, ...] = attrs.field(
        converter=_tuple, validator=_non_empty
    )
    #: When an organisation is not rated.
    exclusions: tuple[Exclusion, ...] = attrs.field(
        default=(), converter=_tuple
    )
    #: Rules that set the rating whatever the score.
    overrides: tuple[Override, ...] = attrs.field(default=(), converter=_tuple)
    #: Size classes defined by the same document.
    size_scales: tuple[SizeScale, ...] = attrs.field(
        default=(), converter=_tuple
    )
    #: What is known about the scheme and where it was read.
    known: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    #: What is not known (thresholds not retrieved, open questions).
    unknown: tuple[str, ...] = attrs.field(default=(), converter=_texts)

    _nodes: Mapping[str, _Node] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )
    # What applies to a sheet of a full, normal year (see Fact.normal).
    _normal: tuple[Exclusion | None, Override | None] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )
    # The bands' minima from the lowest, for bisection.
    _minima: tuple[Decimal, ...] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )
    # A memo of compiled evaluation plans, one per layout of score sheet.
    _plans: dict[str, Any] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        nodes: dict[str, _Node] = {}
        for top in self.criteria:
            _index(top, self.total, (), nodes)
        _check_total(self.criteria, self.total)
        _check_bands(self.bands, self.total)
        for name, items in (
            ("exclusions", self.exclusions),
            ("overrides", self.overrides),
        ):
            codes = [item.code for item in items]
            if len(set(codes)) != len(codes):
                raise ValidationError(name, codes, "codes must be unique")
        bases = [scale.basis for scale in self.size_scales]
        if len(set(bases)) != len(bases):
            raise ValidationError(
                "size_scales", [b.value for b in bases], "one scale per basis"
            )
        object.__setattr__(self, "_nodes", nodes)
        normal = (
            next((e for e in self.exclusions if _normally(e.when)), None),
            next((o for o in self.overrides if _normally(o.when)), None),
        )
        object.__setattr__(self, "_normal", normal)
        minima = tuple(band.minimum for band in reversed(self.bands))
        object.__setattr__(self, "_minima", minima)
        object.__setattr__(self, "_plans", {})

    # --- lookups ---

    def criterion(self, code: str) -> Criterion:
        """Return the criterion with *code*, at any depth.

        Raises:
            NotFoundError: If the scheme has no such criterion.
        """
        try:
            return self._nodes[code].criterion
        except KeyError:
            raise NotFoundError(
                "criterion", code, f"not a criterion of {self.code}"
            ) from None

    def limit(self, code: str) -> Decimal:
        """Return the most points criterion *code* can have.

        That is its maximum, or, where its maximum is unknown, the limit of
        the criterion it belongs to (the scheme's total at the top).
        """
        self.criterion(code)
        return self._nodes[code].limit

    def codes(self) -> tuple[str, ...]:
        """Return the codes of every criterion, depth first."""
        return tuple(self._nodes)

    def measures(self) -> frozenset[str]:
        """Return the names of every measure the scheme's rules read."""
        return frozenset(
            name
            for node in self._nodes.values()
            if node.criterion.rule is not None
            for name in node.criterion.rule.measures
        )

    def band_for(self, total: Decimal) -> Band:
        """Return the band a *total* falls in (edges are exact).

        >>> from decimal import Decimal
        >>> from kttt.rating import builtin_scheme
        >>> scheme = builtin_scheme("TT-01-2020")
        >>> scheme.band_for(Decimal("80")).rating, scheme.band_for(
        ...     Decimal("79.99")
        ... ).rating
        (<Rating.GOOD: 'good'>, <Rating.FAIR: 'fair'>)

        Raises:
            ValidationError: If *total* is below 0.
        """
        above = bisect.bisect_right(self._minima, total)
        if not above:
            raise ValidationError("total", total, "a total is at least 0")
        band = self.bands[-above]
        if total == band.minimum and not band.inclusive:
            return self.bands[1 - above]
        return band

    def band_of(self, rating: Rating) -> Band:
        """Return the band that gives *rating*.

        Raises:
            NotFoundError: If no band of the scheme gives it.
        """
        for band in self.bands:
            if band.rating is rating:
                return band
        raise NotFoundError("rating", rating.value, f"no band of {self.code}")

    def band_ceiling(self, band: Band) -> tuple[Decimal, bool]:
        """Return the upper end of *band* and whether it is in the band."""
        position = self.bands.index(band)
        if position == 0:
            return self.total, True
        above = self.bands[position - 1]
        return above.minimum, not above.inclusive

    def applies_to(
        self, kind: OrganizationKind, sector: Sector, year: int
    ) -> bool:
        """Whether the scheme rates *kind* in *sector* for *year*.

        A scheme rates a year when it was in force on 31 December of it.
        """
        return (
            kind in self.kinds
            and (not self.sectors or sector in self.sectors)
            and self.in_force.year <= year
        )

    def size_class(self, basis: SizeBasis, value: int) -> SizeClass:
        """Return the size class of *value* on *basis*.

        Raises:
            NotFoundError: If the scheme defines no size classes on *basis*.
            ValidationError: If *value* is not a whole number at least 0.
        """
        for scale in self.size_scales:
            if scale.basis is basis:
                return scale.classify(value)
        raise NotFoundError(
            "basis", basis.value, f"{self.code} defines no size classes on it"
        )

    # --- files ---

    def to_dict(self) -> dict[str, object]:
        """Return the scheme as plain JSON data (the scheme file format)."""
        from kttt.rating._scheme_io import scheme_to_data  # noqa: PLC0415

        return scheme_to_data(self)

    def to_json(self) -> str:
        """Return the scheme as the text of a scheme file."""
        from kttt.rating._scheme_io import dump_json  # noqa: PLC0415

        return dump_json(self.to_dict())

    @classmethod
    def from_dict(cls, data: object, *, file: str = "<data>") -> RatingScheme:
        """Build a scheme from plain JSON data (the scheme file format).

        Raises:
            DataError: Naming *file*, the path in the data and the value.
        """
        from kttt.rating._scheme_io import scheme_from_data  # noqa: PLC0415

        return scheme_from_data(data, file)

    @classmethod
    def from_json(cls, text: str, *, file: str = "<json>") -> RatingScheme:
        """Read a scheme from the text of a scheme file.

        Raises:
            DataError: Naming *file*, the path in the data and the value.
        """
        from kttt.rating._scheme_io import load_json  # noqa: PLC0415

        return cls.from_dict(load_json(text, file), file=file)


def _normally(condition: Condition) -> bool:
    return condition.test(condition.fact.normal)


def _index(
    node: Criterion,
    parent_limit: Decimal,
    ancestors: tuple[str, ...],
    nodes: dict[str, _Node],
) -> None:
    if node.code in nodes:
        raise ValidationError(
            "criteria", node.code, "criterion codes must be unique"
        )
    limit = parent_limit if node.maximum is None else node.maximum
    if limit > parent_limit:
        raise ValidationError(
            f"criteria.{node.code}.maximum",
            str(node.maximum),
            f"{node.code} cannot exceed the {parent_limit} points above it",
        )
    nodes[node.code] = _Node(node, limit, ancestors)
    for part in node.parts:
        _index(part, limit, (*ancestors, node.code), nodes)


def _check_total(criteria: tuple[Criterion, ...], total: Decimal) -> None:
    maxima = [c.maximum for c in criteria]
    known = sum((m for m in maxima if m is not None), _ZERO)
    if known > total or (None not in maxima and known != total):
        raise ValidationError(
            "criteria",
            [str(m) for m in maxima],
            f"the top-level maxima must add up to the total {total}",
        )


def _check_bands(bands: tuple[Band, ...], total: Decimal) -> None:
    minima = [band.minimum for band in bands]
    ratings = [band.rating for band in bands]
    if any(high <= low for high, low in itertools.pairwise(minima)):
        raise ValidationError(
            "bands", [str(m) for m in minima], "bands go from best to worst"
        )
    if len(set(ratings)) != len(ratings):
        raise ValidationError(
            "bands", [r.value for r in ratings], "one band per rating"
        )
    if minima[-1] != _ZERO or not bands[-1].inclusive:
        raise ValidationError(
            "bands", str(minima[-1]), "the lowest band starts at 0 inclusive"
        )
    if minima[0] > total:
        raise ValidationError(
            "bands", str(minima[0]), f"a band cannot start above {total}"
        )
