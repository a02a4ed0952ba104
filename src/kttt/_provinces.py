"""A stand-in for ``kttt.geography.configure_converter`` (issue 8).

Programmes and committees read a `kttt.geography.Province` written as
``{"code": "58", "era": "63"}``, with an optional ``"name"`` that must
match.
Delete this module, and compose ``geography.configure_converter`` in its
place, once the geography room registers its own hook.
"""

from __future__ import annotations

from typing import cast

import attrs
import cattrs

from kttt import _data
from kttt.errors import KtttError, ParseError, ValidationError
from kttt.geography import Era, Province
from kttt.text import fold


@attrs.frozen(kw_only=True)
class _Written:
    code: str
    era: Era
    name: str | None = None


def configure_converter(conv: cattrs.Converter) -> None:
    """Read a `Province` from its NSO code and era, and an optional name."""

    def structure(value: object, _: object) -> Province:
        if isinstance(value, Province):
            return value
        if not isinstance(value, dict):
            raise ParseError(
                "", value, "a province is {'code': '58', 'era': '63'}"
            )
        written = _data.structure(conv, cast("object", value), _Written)
        try:
            found = Province.get(written.code, era=written.era)
        except KtttError as error:
            raise type(error)("code", written.code, error.rule) from None
        if found.code != written.code:
            raise ValidationError(
                "code", written.code, "an NSO code is two digits"
            )
        if written.name is not None and fold(written.name) != fold(found.name):
            raise ValidationError(
                "name", written.name, f"code {found.code} is {found.name}"
            )
        return found

    conv.register_structure_hook(Province, structure)
