"""The scheme file format of the parts of a scheme, as cattrs hooks.

Exact numbers are written as strings (``"7"``, ``"79.99"``), enumerations
as their codes, and keys at their default value are left out, so that a
file written by `kttt.rating.RatingScheme.to_json` reads back to an equal
scheme and writes back to the same text.
A scoring rule is an object tagged by its ``"kind"`` (``"steps"`` or
``"yes_no"``); the lower bound of a step is written ``"from"``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final, cast

import attrs
import cattrs

from cattrs.gen import (
    make_dict_structure_fn,
    make_dict_unstructure_fn,
    override,
)

from kttt import _data
from kttt._labels import LabelledEnum
from kttt.errors import ParseError, ValidationError
from kttt.rating._bands import Band, Condition, Exclusion, Override
from kttt.rating._criteria import Criterion
from kttt.rating._rules import ScoringRule, Step, StepRule, YesNoRule
from kttt.rating._sizes import SizeScale, SizeStep
from kttt.sources import Source


Data = dict[str, Any]

#: The ``"kind"`` of each scoring rule in a file.
RULE_KINDS: Final[dict[str, type[StepRule | YesNoRule]]] = {
    "steps": StepRule,
    "yes_no": YesNoRule,
}


def ordered(members: frozenset[LabelledEnum]) -> list[str]:
    """Return the codes of *members* in their enumeration's order."""
    if not members:
        return []
    every = type(next(iter(members)))
    return [member.value for member in every if member in members]


def omitting_defaults(
    cls: type[Any], conv: cattrs.Converter, **overrides: Any
) -> Callable[[Any], Data]:
    """Return an unstructure hook of *cls* that leaves out default values.

    The keys keep the order of the fields.
    """
    unstructure: Callable[[Any], Data] = make_dict_unstructure_fn(
        cls, conv, _cattrs_omit_if_default=True, **overrides
    )
    keys = [
        getattr(overrides.get(field.name), "rename", None) or field.name
        for field in attrs.fields(cls)
        if field.init
    ]

    def in_order(value: Any) -> Data:
        data = unstructure(value)
        return {key: data[key] for key in keys if key in data}

    return in_order


def source_hook(conv: cattrs.Converter) -> Callable[[Source | None], object]:
    """Return the unstructure hook of a source: its fields that are set."""
    unstructure = omitting_defaults(Source, conv)

    def unstructure_source(source: Source | None) -> object:
        return None if source is None else unstructure(source)

    return unstructure_source


def configure_parts(conv: cattrs.Converter) -> None:
    """Register the file format of every part of a rating scheme."""
    source = override(unstruct_hook=source_hook(conv))
    renamed = override(rename="from")
    renamed_parts: tuple[type[Any], ...] = (Step, SizeStep)
    for cls in renamed_parts:
        conv.register_structure_hook(
            cls, make_dict_structure_fn(cls, conv, at_least=renamed)
        )
        conv.register_unstructure_hook(
            cls, make_dict_unstructure_fn(cls, conv, at_least=renamed)
        )
    parts: tuple[tuple[type[Any], dict[str, Any]], ...] = (
        (Band, {}),
        (Condition, {}),
        (Criterion, {"source": source}),
        (Exclusion, {"source": source}),
        (Override, {"source": source}),
        (SizeScale, {"source": source}),
    )
    for cls, overrides in parts:
        conv.register_unstructure_hook(
            cls, omitting_defaults(cls, conv, **overrides)
        )
    _configure_rules(conv)


def _configure_rules(conv: cattrs.Converter) -> None:
    unstructure: dict[type[Any], Callable[[Any], Data]] = {
        StepRule: omitting_defaults(StepRule, conv),
        # The points for "no" are written even at their default of 0.
        YesNoRule: make_dict_unstructure_fn(YesNoRule, conv),
    }
    structure: dict[type[Any], Callable[[Any, Any], ScoringRule]] = {
        cls: make_dict_structure_fn(cls, conv) for cls in unstructure
    }
    kinds = {cls: kind for kind, cls in RULE_KINDS.items()}

    def unstructure_rule(rule: ScoringRule) -> Data:
        return {"kind": kinds[type(rule)], **unstructure[type(rule)](rule)}

    def structure_rule(value: object, _: object) -> ScoringRule | None:
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise ParseError("", value, "a rule is an object with a 'kind'")
        data = dict(cast("Mapping[str, object]", value))
        kind = data.pop("kind", None)
        cls = RULE_KINDS.get(kind) if isinstance(kind, str) else None
        if cls is None:
            raise ValidationError("kind", kind, "must be 'steps' or 'yes_no'")
        return structure[cls](data, cls)

    for cls in unstructure:
        conv.register_unstructure_hook(cls, unstructure_rule)
    conv.register_structure_hook(StepRule | YesNoRule, structure_rule)
    conv.register_structure_hook(StepRule | YesNoRule | None, structure_rule)


def structure_measure(value: object, _: object) -> Decimal | bool:
    """Read a measured value: yes/no (a JSON bool) or an exact number."""
    if isinstance(value, bool):
        return value
    return _data.exact_number(value)
