"""Criteria: the tree of what a scheme scores, and its limits."""

from __future__ import annotations

from decimal import Decimal

import attrs

from kttt import _data
from kttt._labels import pick
from kttt.errors import ValidationError
from kttt.rating._exact import POINTS, exact_sum
from kttt.rating._rules import CODE, ScoringRule, as_tuple, label_field
from kttt.sources import Source


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
    check_maxima(
        attribute.name,
        value,
        instance.maximum,
        f"the maximum {instance.maximum} of {instance.code}",
    )


def check_maxima(
    field: str,
    criteria: tuple[Criterion, ...],
    maximum: Decimal,
    whole: str,
) -> None:
    """Refuse *criteria* whose maxima cannot add up to *maximum*.

    The known maxima may not add up to more; when all are known they must
    add up to exactly *maximum* (*whole* says what it is in the error).

    Raises:
        ValidationError: Naming *field* and the maxima.
    """
    maxima = [part.maximum for part in criteria]
    known = exact_sum(m for m in maxima if m is not None)
    complete = criteria and None not in maxima
    if known > maximum or (complete and known != maximum):
        raise ValidationError(
            field,
            [str(m) for m in maxima],
            f"the maxima must add up to {whole}",
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
    code: str = attrs.field(validator=CODE)
    #: The Vietnamese name.
    label_vi: str = label_field()
    #: The English name.
    label_en: str = label_field()
    #: The most points, or `None` where the regulation's figure is unknown.
    maximum: Decimal | None = attrs.field(validator=_data.optional(POINTS))
    #: A rule that computes the points from measured values.
    rule: ScoringRule | None = attrs.field(default=None, validator=_rule_fits)
    #: The sub-criteria whose points add up to this one.
    parts: tuple[Criterion, ...] = attrs.field(
        default=(), converter=as_tuple, validator=_parts_fit
    )
    #: Where the criterion (and its maximum) is written down.
    source: Source | None = attrs.field(
        default=None, validator=_data.optional(_data.instance_of(Source))
    )

    def walk(self) -> tuple[Criterion, ...]:
        """Return this criterion and all its parts, depth first."""
        return (self, *(node for part in self.parts for node in part.walk()))

    def label(self, lang: str = "vi") -> str:
        """Return the name in *lang*, ``"vi"`` or ``"en"``."""
        return pick(lang, self.label_vi, self.label_en)


@attrs.frozen
class Node:
    """A criterion in its scheme: its limit and the codes above it."""

    #: The criterion.
    criterion: Criterion
    #: The most points it can have: its maximum, or its parent's limit.
    limit: Decimal
    #: The codes of the criteria it belongs to, from the top.
    ancestors: tuple[str, ...]


def index_criteria(
    criteria: tuple[Criterion, ...], total: Decimal
) -> dict[str, Node]:
    """Return every criterion of the tree by code, depth first.

    Raises:
        ValidationError: If a code repeats or a maximum exceeds the limit
            of the criterion above it.
    """
    nodes: dict[str, Node] = {}
    for top in criteria:
        _index(top, total, (), nodes)
    return nodes


def _index(
    node: Criterion,
    parent_limit: Decimal,
    ancestors: tuple[str, ...],
    nodes: dict[str, Node],
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
    nodes[node.code] = Node(node, limit, ancestors)
    for part in node.parts:
        _index(part, limit, (*ancestors, node.code), nodes)
