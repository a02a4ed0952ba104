"""Legal rules as data: what a rule measures, its limit, and the rule files.

A `LegalRule` measures one figure of an organisation (a `Measure`) and
compares it with a limit (a `RuleBound`); the built-in rules of the Laws
on Cooperatives 2012 and 2023 are the dataset `LEGAL_RULES`, and
`parse_legal_rules` reads a file of the user's in the same format.
"""

from __future__ import annotations

import functools

from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any, Final, cast

import attrs
import cattrs
import pendulum

from kttt import _data
from kttt._data import Dataset, Envelope, Row
from kttt._labels import LabelledEnum, pick
from kttt.errors import DataError, ParseError, ValidationError
from kttt.organizations._kinds import OrganizationKind
from kttt.organizations._model import Organization, listed_once
from kttt.sources import Source


_TEXT: Final = _data.text(unpadded=True)


class Severity(LabelledEnum):
    """How serious a `Finding` is."""

    VIOLATION = "violation", "vi phạm", "violation"
    WARNING = "warning", "cảnh báo", "warning"


class RuleBound(LabelledEnum):
    """How a `LegalRule` compares the measured value with its limit."""

    AT_LEAST = "at_least", "ít nhất", "at least"
    AT_MOST = "at_most", "không quá", "at most"
    BELOW = "below", "dưới", "below"

    def holds(self, value: Fraction, limit: Fraction) -> bool:
        """Tell whether *value* keeps within *limit*.

        >>> from fractions import Fraction
        >>> RuleBound.BELOW.holds(Fraction(7, 20), Fraction(7, 20))
        False
        """
        if self is RuleBound.AT_LEAST:
            return value >= limit
        if self is RuleBound.AT_MOST:
            return value <= limit
        return value < limit


class Measure(LabelledEnum):
    """What a `LegalRule` measures on an organisation.

    Shares are exact fractions (``3/10`` is 30 %) of the charter capital or
    of the official members; a share of zero is not defined, so a rule on
    it is skipped when the charter capital or the official members are 0.
    """

    OFFICIAL_MEMBERS = (
        "official_members",
        "số thành viên chính thức",
        "number of official members",
    )
    LARGEST_MEMBER_CAPITAL_SHARE = (
        "largest_member_capital_share",
        "tỷ lệ vốn góp của một thành viên chính thức trên vốn điều lệ",
        (
            "largest contribution of one official member, share of charter "
            "capital"
        ),
    )
    ASSOCIATE_CAPITAL_SHARE = (
        "associate_capital_share",
        "tỷ lệ vốn góp của thành viên liên kết góp vốn trên vốn điều lệ",
        "contribution of capital-associate members, share of charter capital",
    )
    FOREIGN_CAPITAL_SHARE = (
        "foreign_capital_share",
        "tỷ lệ vốn góp của thành viên nước ngoài trên vốn điều lệ",
        "contribution of foreign members, share of charter capital",
    )
    FOREIGN_OFFICIAL_MEMBER_SHARE = (
        "foreign_official_member_share",
        "tỷ lệ thành viên chính thức nước ngoài",
        "foreign share of the official members",
    )
    CAPITAL_ABOVE_CHARTER_SHARE = (
        "capital_above_charter_share",
        "phần vốn góp vượt vốn điều lệ, tỷ lệ trên vốn điều lệ",
        "contributed capital above the charter capital, share of it",
    )
    CAPITAL_ABOVE_CHARTER_VND = (
        "capital_above_charter_vnd",
        "phần vốn góp vượt vốn điều lệ (đồng)",
        "contributed capital above the charter capital (VND)",
    )

    @property
    def field(self) -> str:
        """The field of `Organization` it reads (dotted for `Members`)."""
        return _MEASURES[self][0]

    def of(self, organization: Organization) -> Fraction | None:
        """Measure *organization*; `None` if its record does not allow it."""
        return _MEASURES[self][1](organization)


def _share(part: int | None, whole: int | None) -> Fraction | None:
    if part is None or not whole:
        return None
    return Fraction(part, whole)


def _above_charter(org: Organization) -> int | None:
    if org.contributed_capital is None:
        return None
    return org.contributed_capital - org.charter_capital


def _above_charter_share(org: Organization) -> Fraction | None:
    return _share(_above_charter(org), org.charter_capital)


def _above_charter_vnd(org: Organization) -> Fraction | None:
    excess = _above_charter(org)
    return None if excess is None else Fraction(excess)


_MEASURES: Final[
    Mapping[Measure, tuple[str, Callable[[Organization], Fraction | None]]]
] = {
    Measure.OFFICIAL_MEMBERS: (
        "members.official",
        lambda org: Fraction(org.members.official),
    ),
    Measure.LARGEST_MEMBER_CAPITAL_SHARE: (
        "largest_member_contribution",
        lambda org: _share(
            org.largest_member_contribution, org.charter_capital
        ),
    ),
    Measure.ASSOCIATE_CAPITAL_SHARE: (
        "associate_contribution",
        lambda org: _share(org.associate_contribution, org.charter_capital),
    ),
    Measure.FOREIGN_CAPITAL_SHARE: (
        "foreign_contribution",
        lambda org: _share(org.foreign_contribution, org.charter_capital),
    ),
    Measure.FOREIGN_OFFICIAL_MEMBER_SHARE: (
        "members.foreign_official",
        lambda org: _share(org.members.foreign_official, org.members.official),
    ),
    Measure.CAPITAL_ABOVE_CHARTER_SHARE: (
        "contributed_capital",
        _above_charter_share,
    ),
    Measure.CAPITAL_ABOVE_CHARTER_VND: (
        "contributed_capital",
        _above_charter_vnd,
    ),
}


def _check_kinds(
    _: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
) -> None:
    if not value:
        raise ValidationError(
            attribute.name, value, "must name at least one kind"
        )


def _check_limit(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, Fraction) or value < 0:
        raise ValidationError(
            attribute.name, value, "must be a Fraction of at least 0"
        )


@attrs.frozen(kw_only=True)
class LegalRule:
    """One legal rule an organisation may break, with its source.

    A rule applies to the `kinds` it lists on the days from
    `in_force_from` up to (not including) `in_force_until`, and holds when
    its `measure` of an organisation keeps within `limit` by `bound`.

    >>> rule = legal_rules()[0]
    >>> rule.law, rule.article, rule.bound.value, rule.limit
    ('23/2012/QH13', 'Điều 3 khoản 1', 'at_least', Fraction(7, 1))
    """

    #: A stable identifier.
    code: str = attrs.field(validator=_TEXT)
    #: The document number of the law (``"17/2023/QH15"``).
    law: str = attrs.field(converter=_data.nfc_text, validator=_TEXT)
    #: The article and clause (``"Điều 4 khoản 7"``).
    article: str = attrs.field(converter=_data.nfc_text, validator=_TEXT)
    #: The kinds of organisation it applies to.
    kinds: tuple[OrganizationKind, ...] = attrs.field(
        validator=[
            _data.tuple_of(OrganizationKind),
            _check_kinds,
            listed_once("lists a kind twice"),
        ]
    )
    #: What it measures.
    measure: Measure = attrs.field(
        validator=_data.instance_of(Measure, "must be a Measure")
    )
    #: How the measured value compares with the limit.
    bound: RuleBound = attrs.field(
        validator=_data.instance_of(RuleBound, "must be a RuleBound")
    )
    #: The limit, a count, a share (``3/10``) or an amount of VND.
    limit: Fraction = attrs.field(validator=_check_limit)
    #: How serious a breach is.
    severity: Severity = attrs.field(
        validator=_data.instance_of(Severity, "must be a Severity")
    )
    #: The first day the rule applies.
    in_force_from: pendulum.Date = attrs.field(validator=_data.date())
    #: The first day it no longer applies; `None` while in force.
    in_force_until: pendulum.Date | None = attrs.field(
        default=None, validator=_data.optional(_data.date())
    )
    #: The rule in Vietnamese.
    text_vi: str = attrs.field(converter=_data.nfc_text, validator=_TEXT)
    #: The rule in English.
    text_en: str = attrs.field(validator=_TEXT)
    #: Where the rule is written.
    source: Source = attrs.field(
        validator=_data.instance_of(Source, "must be a kttt.sources.Source")
    )

    def __attrs_post_init__(self) -> None:
        if (
            self.in_force_until is not None
            and self.in_force_until <= self.in_force_from
        ):
            raise ValidationError(
                "in_force_until",
                self.in_force_until,
                f"must be after in_force_from {self.in_force_from}",
            )

    def applies(self, kind: OrganizationKind, as_of: pendulum.Date) -> bool:
        """Tell whether the rule applies to *kind* on *as_of*."""
        return (
            kind in self.kinds
            and self.in_force_from <= as_of
            and (self.in_force_until is None or as_of < self.in_force_until)
        )

    def text(self, lang: str = "vi") -> str:
        """Return the rule in *lang*, ``"vi"`` or ``"en"``."""
        return pick(lang, self.text_vi, self.text_en)


# --- rule files ------------------------------------------------------------

#: A rule file cites each rule's law and article as the document and the
#: clause of its source: ``"source": {"ref": "luat-2023", "clause": "Điều 4
#: khoản 7"}`` is Điều 4 khoản 7 of the law the source ``luat-2023`` names.
_CITED: Final = {"law": "document", "article": "clause"}


@functools.cache
def _converter() -> cattrs.Converter:
    return _data.new_converter()


def _rule(row: Row) -> LegalRule:
    conv = _converter()
    with row.reading():
        data = row.data
        if not isinstance(data, dict):
            raise ParseError("$", data, "a legal rule is a JSON object")
        record = dict(cast("dict[str, object]", data))
        for field, key in _CITED.items():
            if field in record:
                raise ValidationError(
                    field,
                    record[field],
                    f"a rule file gives it as the source's {key}",
                )
        with _data.reading(None, path="source"):
            source = _data.structure(conv, record.get("source"), Source)
        for field, key in _CITED.items():
            record[field] = getattr(source, key)
            _TEXT.check(f"source.{key}", record[field])
        return _data.structure(conv, record, LegalRule)


def _parse_rules(envelope: Envelope) -> tuple[LegalRule, ...]:
    rules = tuple(_rule(row) for row in envelope)
    codes: set[str] = set()
    for row, rule in zip(envelope, rules, strict=True):
        if rule.code in codes:
            raise row.locate(DataError("code", rule.code, "two rules have it"))
        codes.add(rule.code)
    return rules


def parse_legal_rules(
    text: str, *, origin: str = "<string>"
) -> tuple[LegalRule, ...]:
    """Read legal rules from JSON in the format of the built-in file.

    The built-in file (``kttt/data/organizations/legal_rules.json``, read
    by `legal_rules`) shows the format: the envelope of every kttt data
    file, an object with a ``description``, its ``sources`` (each with a
    ``key``, the law's number as ``document``, and ``retrieved``) and
    ``rows``, one per rule.
    A rule has the fields of `LegalRule` in its JSON form (``code``,
    ``kinds``, ``measure``, ``bound``, ``limit``, ``severity``,
    ``in_force_from``, optional ``in_force_until``, ``text_vi``,
    ``text_en``, using the codes of the enumerations), except the law and
    the article: they are the ``document`` and the ``clause`` of its
    ``source``, written as ``{"ref": "<key>", "clause": "Điều 4 khoản 7"}``.

    Args:
        text: The JSON text.
        origin: The file name to put into errors.

    Raises:
        DataError: Naming the file (*origin*), the path of the first bad
            value (``rows[2].limit``) and the value.
    """
    return _parse_rules(_data.parse_envelope(text, file=origin))


#: The rules of the Laws on Cooperatives 2012 and 2023 that
#: `check_compliance` measures by default
#: (``kttt/data/organizations/legal_rules.json``).
LEGAL_RULES: Final = Dataset("organizations/legal_rules.json", _parse_rules)


def legal_rules() -> tuple[LegalRule, ...]:
    """Return the built-in rules of the Laws on Cooperatives 2012 and 2023.

    They are read once from ``kttt/data/organizations/legal_rules.json``
    (`LEGAL_RULES`), which names each rule's source and lists what is left
    out for lack of one.

    >>> len(legal_rules())
    14
    """
    rules: tuple[LegalRule, ...] = LEGAL_RULES.load()
    return rules
