"""Enumerations with a Vietnamese and an English label."""

from __future__ import annotations

import enum
import functools

from typing import Self, cast

from kttt.errors import ParseError, ValidationError
from kttt.text import fold


_SWAP_SEPARATORS = str.maketrans(",.", ".,")


def pick(lang: str, vi: str, en: str) -> str:
    """Return *vi* or *en* for *lang* (``"vi"`` or ``"en"``).

    Raises:
        ValidationError: For any other *lang*.
    """
    if lang == "vi":
        return vi
    if lang == "en":
        return en
    raise ValidationError("lang", lang, "must be 'vi' or 'en'")


def localize_digits(text: str, lang: str) -> str:
    """Write a number formatted the English way ("1,200.5") for *lang*.

    Vietnamese swaps the separators ("1.200,5").

    Raises:
        ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
    """
    return pick(lang, text.translate(_SWAP_SEPARATORS), text)


class LabelledEnum(enum.Enum):
    """An enumeration whose members have a stable code and two labels.

    Members are written ``NAME = "code", "nhãn tiếng Việt", "English label"``.
    The code is the member's ``value``, so ``Rating("good")`` works and the
    serialised form is the code.
    """

    _value_: str
    label_vi: str
    label_en: str

    def __new__(cls, code: str, *labels: str) -> Self:
        member = object.__new__(cls)
        member._value_ = code
        member.label_vi, member.label_en = labels
        return member

    def __str__(self) -> str:
        return self._value_

    @classmethod
    def _missing_(cls, value: object) -> Self:
        """Refuse a value that is no member's code (``Rating("x")``)."""
        raise _not_a_member(cls, value)

    def label(self, lang: str = "vi") -> str:
        """Return the label in *lang*, ``"vi"`` or ``"en"``."""
        return pick(lang, self.label_vi, self.label_en)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Find the member whose code or label matches *text*.

        Matching ignores case, diacritics, Unicode normalisation and
        surrounding space, so ``"Tot"``, ``"tốt"`` and ``"GOOD"`` all work.

        Raises:
            ParseError: If no member matches.
        """
        if isinstance(cast("object", text), str):
            exact = cls._value2member_map_.get(text)
            if exact is not None:
                return cast("Self", exact)
            found = _folded(cls).get(fold(text))
            if found is not None:
                return cast("Self", found)
        raise _not_a_member(cls, text)


def _not_a_member(cls: type[LabelledEnum], value: object) -> ParseError:
    choices = ", ".join(m.value for m in cls)
    return ParseError(cls.__name__, value, f"must be one of: {choices}")


@functools.cache
def _folded(cls: type[LabelledEnum]) -> dict[str, LabelledEnum]:
    """Return the members of *cls* by folded code, labels and name."""
    table: dict[str, LabelledEnum] = {}
    for member in reversed(cls):
        for key in (member.name, member.label_en, member.label_vi):
            table[fold(key)] = member
    for member in reversed(cls):
        table[fold(member.value)] = member
    return table
