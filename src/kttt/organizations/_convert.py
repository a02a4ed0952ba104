"""The converter hooks of organisations: every record written with its kind."""

from __future__ import annotations

import functools

from collections.abc import Callable, Mapping
from typing import Any, Final, cast

import attrs
import cattrs

from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from kttt.errors import ParseError
from kttt.organizations._kinds import OrganizationKind
from kttt.organizations._model import CLASSES, Organization


#: The kind of each record class (what the class's ``kind`` returns).
_KINDS: Final = {cls: kind for kind, cls in CLASSES.items()}


def configure_converter(conv: cattrs.Converter) -> None:
    """Write every organisation with its ``kind``, and read it back by it.

    A registry of mixed kinds, written as JSON or CSV, reads back as
    `Organization` (or ``list[Organization]``), each record of its own
    class; read as one class, a record of another kind is refused.
    Empty cells for the fields of other kinds (a CSV of mixed kinds has
    them) are left out.
    The hooks replace any *conv* had for these classes. They use the hooks
    *conv* has for provinces, dates and the other fields when an
    organisation is first written or read, so the order in which rooms
    configure a converter does not matter.
    """
    conv.register_unstructure_hook(
        Organization, functools.partial(_unstructure_any, conv)
    )
    conv.register_structure_hook(
        Organization, functools.partial(_structure_any, conv)
    )
    for cls in CLASSES.values():
        conv.register_unstructure_hook(cls, _lazy(_with_kind, cls, conv))
        conv.register_structure_hook(cls, _lazy(_without_kind, cls, conv))


_Hook = Callable[..., Any]


def _lazy(
    make: Callable[[type[Organization], cattrs.Converter], _Hook],
    cls: type[Organization],
    conv: cattrs.Converter,
) -> _Hook:
    """Return a hook that makes the real one when it is first called."""
    made = functools.cache(functools.partial(make, cls, conv))

    def hook(*args: object) -> object:
        return made()(*args)

    return hook


def _with_kind(
    cls: type[Organization], conv: cattrs.Converter
) -> Callable[[Organization], dict[str, object]]:
    fields = make_dict_unstructure_fn(cls, conv)

    def unstructure(value: Organization) -> dict[str, object]:
        return {"kind": value.kind.value, **fields(value)}

    return unstructure


def _record(value: object) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise ParseError("", value, "an organisation is a JSON object")
    return cast("Mapping[str, object]", value)


def _without_kind(
    cls: type[Organization], conv: cattrs.Converter
) -> Callable[[object, Any], Organization]:
    kind = _KINDS[cls]
    fields = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)
    names = {field.name for field in attrs.fields(cls)}

    def structure(value: object, _: object) -> Organization:
        # A CSV of mixed kinds has empty cells for the fields of the other
        # kinds: they hold nothing, so they are left out.
        record = {
            key: item
            for key, item in _record(value).items()
            if key in names or item is not None or key == "kind"
        }
        code = record.pop("kind", None)
        if code is not None and code != kind.value:
            raise ParseError("kind", code, f"a {cls.__name__} is {kind}")
        return fields(record, cls)

    return structure


def _unstructure_any(conv: cattrs.Converter, value: Organization) -> object:
    return conv.unstructure(value, type(value))


def _structure_any(
    conv: cattrs.Converter, value: object, _: object
) -> Organization:
    code = _record(value).get("kind")
    if not isinstance(code, str):
        raise ParseError("kind", code, "names the organisation's kind")
    cls = CLASSES.get(OrganizationKind.parse(code))
    if cls is None:
        raise ParseError("kind", code, "is not a kind kttt models")
    organization: Organization = conv.structure(value, cls)
    return organization
