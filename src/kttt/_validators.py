"""attrs converters and validators shared by the domain modules.

Each validator raises `kttt.errors.ValidationError` naming the field, the
value and the rule.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import attrs
import pendulum

from kttt.errors import ValidationError
from kttt.text import nfc


Validator = Callable[[object, "attrs.Attribute[Any]", Any], None]


def optional_nfc(value: str | None) -> str | None:
    """Normalise optional text to NFC, leaving `None` alone."""
    return None if value is None else nfc(value)


def instance_of(
    cls: type[object] | tuple[type[object], ...], rule: str | None = None
) -> Validator:
    """Refuse values that are not instances of *cls*."""
    names = (
        " or ".join(c.__name__ for c in cls)
        if isinstance(cls, tuple)
        else cls.__name__
    )
    message = rule or f"must be a {names}"

    def check(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, cls):
            raise ValidationError(attribute.name, value, message)

    return check


def tuple_of(cls: type[object]) -> Validator:
    """Refuse anything but a tuple of instances of *cls*, naming the index."""

    def check(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise ValidationError(attribute.name, value, "must be a tuple")
        items = cast("tuple[object, ...]", value)
        for index, item in enumerate(items):
            if not isinstance(item, cls):
                raise ValidationError(
                    f"{attribute.name}[{index}]",
                    item,
                    f"must be a {cls.__name__}",
                )

    return check


def require_date(name: str, value: object) -> pendulum.Date:
    """Return *value* if it is a `pendulum.Date` (not a date-time), else raise."""
    if not isinstance(value, pendulum.Date) or isinstance(
        value, pendulum.DateTime
    ):
        raise ValidationError(name, value, "must be a pendulum.Date")
    return value


def check_date(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validate a `pendulum.Date` field."""
    require_date(attribute.name, value)


def check_optional_date(
    instance: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """Validate an optional `pendulum.Date` field."""
    if value is not None:
        check_date(instance, attribute, value)
