"""Agencies: the bodies that lead or take part in tasks and committees."""

from __future__ import annotations

import functools
import re

from collections.abc import Callable, Mapping
from typing import Final, cast

import attrs
import cattrs
import cattrs.gen

from kttt import _data
from kttt._data import Dataset, Envelope
from kttt._labels import LabelledEnum, pick
from kttt.errors import NotFoundError, ParseError, ValidationError
from kttt.sources import Source
from kttt.text import fold


class AgencyLevel(LabelledEnum):
    """The tier of the political system an agency belongs to."""

    CENTRAL = "central", "trung ương", "central"
    PROVINCIAL = "provincial", "cấp tỉnh", "provincial"
    DISTRICT = "district", "cấp huyện", "district"


_CODE: Final = re.compile(r"[A-Z][A-Z0-9_]*")


def _check_code(
    _: object, attribute: attrs.Attribute[str], value: object
) -> None:
    _require_code(attribute.name, value)


def _require_code(name: str, value: object) -> None:
    if not (isinstance(value, str) and _CODE.fullmatch(value)):
        raise ValidationError(
            name,
            value,
            "an agency code is upper-case letters, digits and '_'",
        )


@attrs.frozen(kw_only=True)
class Agency:
    """A body that leads or takes part in tasks.

    A ministry, a provincial department, a party commission, the
    cooperative alliance.

    Provincial and district bodies are generic (``P_INDUSTRY_TRADE`` is "the
    provincial Department of Industry and Trade" of whichever province a
    programme belongs to).
    Some entries stand for a group the sources name together ("the
    ministries, the committee's members and the localities"): their
    `collective` flag is set.

    >>> Agency.get("Bộ Tài chính").code
    'MOF'
    >>> Agency.get("MPI").successor
    'MOF'
    """

    #: A stable upper-case code (``"MOF"``, ``"P_PLANNING"``).
    code: str = attrs.field(validator=_check_code)
    #: The Vietnamese name.
    name_vi: str = attrs.field(
        converter=_data.nfc_text, validator=_data.text()
    )
    #: The English name.
    name_en: str = attrs.field(validator=_data.text())
    #: The tier the body belongs to.
    level: AgencyLevel = attrs.field(
        validator=_data.instance_of(AgencyLevel, "must be an AgencyLevel")
    )
    #: The Vietnamese abbreviation the documents use (``"Bộ KH&ĐT"``).
    abbreviation: str | None = attrs.field(
        default=None,
        converter=_data.nfc_text,
        validator=_data.optional(_data.text()),
    )
    #: Whether the entry names a group of bodies rather than one body.
    collective: bool = attrs.field(default=False, validator=_data.flag())
    #: The code of the body that took over this one's duties, if any.
    successor: str | None = attrs.field(default=None)
    #: What a reader should know (mergers, dates the sources leave open).
    note: str | None = attrs.field(
        default=None,
        converter=_data.nfc_text,
        validator=_data.optional(_data.text()),
    )
    #: Where the body is named.
    source: Source | None = attrs.field(
        default=None,
        repr=False,
        eq=False,
        validator=_data.optional(_data.instance_of(Source)),
    )

    def __attrs_post_init__(self) -> None:
        if self.successor is not None:
            _require_code("successor", self.successor)
            if self.successor == self.code:
                raise ValidationError(
                    "successor",
                    self.successor,
                    "an agency cannot succeed itself",
                )

    def __str__(self) -> str:
        return self.name_vi

    def label(self, lang: str = "vi") -> str:
        """Return the name in *lang*, ``"vi"`` or ``"en"``.

        Raises:
            ValidationError: If *lang* is neither.
        """
        return pick(lang, self.name_vi, self.name_en)

    def lookup_keys(self) -> frozenset[str]:
        """Return the folded code, names and abbreviation it is found by."""
        names = [self.code, self.name_vi, self.name_en]
        if self.abbreviation is not None:
            names.append(self.abbreviation)
        return frozenset(fold(name) for name in names)

    @classmethod
    def get(cls, key: str) -> Agency:
        """Find a built-in agency by code, name or abbreviation.

        Names match in either language, with or without diacritics.

        Raises:
            NotFoundError: If no built-in agency matches.
        """
        if not isinstance(cast("object", key), str):
            raise NotFoundError("agency", key, "a key is text")
        found = _lookup().get(fold(key))
        if found is None:
            raise NotFoundError(
                "agency", key, "no built-in agency has this code or name"
            )
        return found

    @classmethod
    def all(cls) -> tuple[Agency, ...]:
        """Return every built-in agency, in registry order."""
        return AGENCIES.load()


def configure_converter(conv: cattrs.Converter) -> None:
    """Read an `Agency` from a built-in agency's code or name, or a record.

    It is written as a whole record, so that any agency comes back equal;
    data files name built-in agencies by their codes.
    """

    @functools.cache
    def fields() -> Callable[[Mapping[str, object], type[Agency]], Agency]:
        # Made on first use, with the hooks the converter has by then.
        return cattrs.gen.make_dict_structure_fn(
            Agency, conv, _cattrs_forbid_extra_keys=True
        )

    def structure(value: object, _: object) -> Agency:
        if isinstance(value, str):
            return Agency.get(value)
        if isinstance(value, Mapping):
            return fields()(cast("Mapping[str, object]", value), Agency)
        raise ParseError("", value, "an agency is a code or a record")

    conv.register_structure_hook(Agency, structure)


def _index(agencies: tuple[Agency, ...]) -> dict[str, int]:
    """Return the position of each agency by folded code, name, abbreviation.

    Raises:
        ValidationError: With the row (position + 1) of the agency whose key
            was taken, or whose successor is not in the registry.
    """
    codes = {agency.code for agency in agencies}
    index: dict[str, int] = {}
    for row, agency in enumerate(agencies, start=1):
        if agency.successor is not None and agency.successor not in codes:
            raise ValidationError(
                "successor", agency.successor, "names a known agency", row=row
            )
        for key in agency.lookup_keys():
            other = index.setdefault(key, row - 1)
            if other != row - 1:
                raise ValidationError(
                    "code",
                    key,
                    "code, names and abbreviation are unique "
                    f"({agencies[other].code})",
                    row=row,
                )
    return index


def _parse_agencies(envelope: Envelope) -> tuple[Agency, ...]:
    agencies = envelope.structure(_data.new_converter(), Agency)
    try:
        _index(agencies)
    except ValidationError as error:
        row = envelope.rows[(error.row or 1) - 1]
        raise row.locate(error) from None
    return agencies


@functools.cache
def _lookup() -> dict[str, Agency]:
    agencies = AGENCIES.load()
    return {key: agencies[at] for key, at in _index(agencies).items()}


#: The bilingual registry of agencies (``kttt/data/bodies/agencies.json``).
AGENCIES: Final = Dataset("bodies/agencies.json", _parse_agencies)
