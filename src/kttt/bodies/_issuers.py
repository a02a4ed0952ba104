"""Issuers: the bodies whose codes reference numbers carry."""

from __future__ import annotations

import re

from typing import Any, Final

import attrs

from kttt import _data
from kttt._data import Dataset, Envelope
from kttt._labels import pick
from kttt.errors import DataError, ValidationError
from kttt.sources import Source
from kttt.text import fold


_CODE: Final = re.compile(r"[A-ZĐ][A-Za-zĐđ]*")


def _check_code(
    _: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    check_issuer_code(attribute.name, value)


def check_issuer_code(field: str, value: object) -> None:
    """Refuse a code that is not letters (A–Z, Đ) starting with a capital.

    Raises:
        ValidationError: Naming *field*.
    """
    if not (isinstance(value, str) and _CODE.fullmatch(value)):
        raise ValidationError(
            field, value, "a code is letters (A–Z, Đ) starting with a capital"
        )


def _nfc_codes(values: Any) -> Any:
    if isinstance(values, tuple):
        return tuple(_data.nfc_text(v) for v in values)  # pyright: ignore[reportUnknownVariableType]
    return values


@attrs.frozen(kw_only=True)
class Issuer:
    """A body that issues documents, with the code its reference numbers use.

    >>> from kttt.documents import get_issuer
    >>> get_issuer("TTg").name_en
    'the Prime Minister'
    """

    #: The code as reference numbers write it (``"TTg"``, ``"BKHĐT"``).
    code: str = attrs.field(converter=_data.nfc_text, validator=_check_code)
    #: The Vietnamese name.
    name_vi: str = attrs.field(
        converter=_data.nfc_text, validator=_data.text()
    )
    #: The English name.
    name_en: str = attrs.field(validator=_data.text())
    #: Whether it is a body of the Communist Party (not of the state).
    party: bool = attrs.field(validator=_data.flag())
    #: Other codes found in reference numbers for the same body.
    aliases: tuple[str, ...] = attrs.field(
        default=(),
        converter=_nfc_codes,
        validator=_data.tuple_of(_data.text()),
    )
    #: Whether numbers append a term of office to the code (``QH15``).
    numbered_term: bool = attrs.field(default=False, validator=_data.flag())
    #: Where the code and the name come from.
    source: Source = attrs.field(validator=_data.instance_of(Source))

    def __attrs_post_init__(self) -> None:
        for index, alias in enumerate(self.aliases):
            check_issuer_code(f"aliases[{index}]", alias)

    def label(self, lang: str = "vi") -> str:
        """Return the name in *lang*, ``"vi"`` or ``"en"``."""
        return pick(lang, self.name_vi, self.name_en)

    def codes(self) -> tuple[str, ...]:
        """Return its code and its aliases."""
        return (self.code, *self.aliases)


def _parse_issuers(envelope: Envelope) -> tuple[Issuer, ...]:
    issuers = envelope.structure(_data.new_converter(), Issuer)
    seen: set[tuple[str, bool]] = set()
    for row, issuer in zip(envelope, issuers, strict=True):
        for code in issuer.codes():
            key = (fold(code), issuer.party)
            if key in seen:
                raise row.locate(
                    DataError(
                        "code",
                        code,
                        "the same code twice among party or state issuers",
                    )
                )
            seen.add(key)
    return issuers


#: Party and state issuers (``kttt/data/bodies/issuers.json``).
ISSUERS: Final = Dataset("bodies/issuers.json", _parse_issuers)
