"""Legal rules as data: what a rule measures, its limit, and the rule files.

A `LegalRule` measures one figure of an organisation (a `Measure`) and
compares it with a limit (a `RuleBound`), for the records that meet its
conditions (`Condition`); it may give existing organisations time to
comply (a transition `Period`) and say how long a breach may last before
it is a ground for revoking the registration (a revocation `Period`).
The built-in rules of the Laws on Cooperatives 2012 and 2023 are the
dataset `LEGAL_RULES`, and `parse_legal_rules` reads a file of the user's
in the same format.
"""

from __future__ import annotations

import functools

from collections.abc import Iterable
from fractions import Fraction
from typing import Any, Final, cast

import attrs
import cattrs
import pendulum

from kttt import _data
from kttt._data import Dataset, Envelope, Row
from kttt._labels import LabelledEnum, pick
from kttt.errors import DataError, ParseError, ValidationError
from kttt.organizations._checks import listed_once
from kttt.organizations._kinds import OrganizationKind
from kttt.organizations._measures import Measure
from kttt.organizations._model import IS_ORGANIZATION, Organization
from kttt.sources import Source


_TEXT: Final = _data.text(unpadded=True)


class Severity(LabelledEnum):
    """How serious a `Finding` is, as kttt grades it.

    The law does not grade breaches; the split is kttt's reading.
    A violation breaks what the law's words require; a warning is what
    kttt infers from them (an unregistered change of capital, Điều 47).
    """

    VIOLATION = "violation", "vi phạm", "violation"
    WARNING = "warning", "cảnh báo", "warning"


class RuleBound(LabelledEnum):
    """How a `LegalRule` compares the measured value with its limit."""

    AT_LEAST = "at_least", "ít nhất", "at least"
    AT_MOST = "at_most", "không quá", "at most"
    BELOW = "below", "dưới", "below"
    ABOVE = "above", "trên", "more than"

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
        if self is RuleBound.ABOVE:
            return value > limit
        return value < limit


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
class Condition:
    """When a `LegalRule` applies: a figure of the record within a bound.

    >>> from fractions import Fraction
    >>> lending = Condition(
    ...     measure=Measure.INTERNAL_LENDING,
    ...     bound=RuleBound.AT_LEAST,
    ...     limit=Fraction(1),
    ... )
    >>> lending.measure.label_en
    'lends to its official members'
    """

    #: What it measures.
    measure: Measure = attrs.field(
        validator=_data.instance_of(Measure, "must be a Measure")
    )
    #: How the measured value compares with the limit.
    bound: RuleBound = attrs.field(
        validator=_data.instance_of(RuleBound, "must be a RuleBound")
    )
    #: The limit.
    limit: Fraction = attrs.field(validator=_check_limit)

    def holds(
        self, organization: Organization, on: pendulum.Date
    ) -> bool | None:
        """Tell whether *organization* meets it on *on*; `None` if unknown."""
        value = self.measure.of(organization, on)
        return None if value is None else self.bound.holds(value, self.limit)


def _check_cited(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, Source):
        raise ValidationError(
            attribute.name, value, "must be a kttt.sources.Source"
        )
    for field in ("document", "clause"):
        _TEXT.check(f"{attribute.name}.{field}", getattr(value, field))


@attrs.frozen(kw_only=True)
class Period:
    """A number of months the law gives, and the article that gives it.

    A `LegalRule` has one as its ``transition`` (the time organisations
    founded before the rule came into force have to comply) and as its
    ``revocation`` (how long a breach may last before it is a ground for
    revoking the registration).
    """

    #: How many months.
    months: int = attrs.field(validator=_data.whole_number(1))
    #: The law (``document``) and article (``clause``) that give them.
    source: Source = attrs.field(validator=_check_cited)

    @property
    def law(self) -> str:
        """The document number of the law."""
        return cast("str", self.source.document)

    @property
    def article(self) -> str:
        """The article and clause."""
        return cast("str", self.source.clause)

    def after(self, day: pendulum.Date) -> pendulum.Date:
        """Return the day the period ends, counted from *day*.

        Raises:
            ValidationError: If *day* is not a date.
        """
        return _data.require_date("day", day).add(months=self.months)


def _check_reading(instance: LegalRule) -> None:
    given = (instance.reading_vi is None, instance.reading_en is None)
    if given[0] != given[1]:
        raise ValidationError(
            "reading_en" if given[1] else "reading_vi",
            None,
            "kttt's reading is given in both languages or in neither",
        )


@attrs.frozen(kw_only=True)
class LegalRule:
    """One legal rule an organisation may break, with its source.

    A rule applies to the `kinds` it lists on the days from
    `in_force_from` up to (not including) `in_force_until`, to the records
    that meet each of its conditions (`when`), and holds when its
    `measure` of an organisation keeps within `limit` by `bound`.
    Where kttt reads the law beyond its words, `reading_vi` and
    `reading_en` say how.

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
    #: The conditions a record must meet for the rule to apply.
    when: tuple[Condition, ...] = attrs.field(
        default=(), validator=_data.tuple_of(Condition)
    )
    #: The time organisations founded before `in_force_from` have to
    #: comply, counted from that day.
    transition: Period | None = attrs.field(
        default=None,
        validator=_data.optional(
            _data.instance_of(Period, "must be a Period")
        ),
    )
    #: How long a breach may last before it is a ground for revoking the
    #: organisation's registration.
    revocation: Period | None = attrs.field(
        default=None,
        validator=_data.optional(
            _data.instance_of(Period, "must be a Period")
        ),
    )
    #: How kttt reads the law beyond its words, in Vietnamese.
    reading_vi: str | None = attrs.field(
        default=None,
        converter=_data.nfc_text,
        validator=_data.optional(_TEXT),
    )
    #: The same in English.
    reading_en: str | None = attrs.field(
        default=None, validator=_data.optional(_TEXT)
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
        _check_reading(self)

    def applies(self, kind: OrganizationKind, as_of: pendulum.Date) -> bool:
        """Tell whether the rule applies to *kind* on *as_of*.

        Raises:
            ValidationError: If *as_of* is not a date.
        """
        _data.require_date("as_of", as_of)
        return (
            kind in self.kinds
            and self.in_force_from <= as_of
            and (self.in_force_until is None or as_of < self.in_force_until)
        )

    def covers(self, organization: Organization, on: pendulum.Date) -> bool:
        """Tell whether the rule judges *organization* on *on*.

        It must apply to its kind that day and the record must meet every
        condition (a condition the record leaves unknown is not met).

        Raises:
            ValidationError: If *organization* is not an `Organization` or
                *on* not a date.
        """
        IS_ORGANIZATION.check("organization", organization)
        return self.applies(organization.kind, on) and all(
            condition.holds(organization, on) for condition in self.when
        )

    def value_of(
        self, organization: Organization, on: pendulum.Date
    ) -> Fraction | None:
        """Measure *organization* on *on* as the rule does.

        Meetings held before the rule came into force are left out, and
        time is counted from that day at the earliest.
        """
        return self.measure.of(organization, on, since=self.in_force_from)

    def due(self, organization: Organization) -> pendulum.Date | None:
        """Return the day *organization* must comply by, if it has time.

        An organisation founded before the rule came into force has the
        rule's `transition` period from that day; others have none.

        Raises:
            ValidationError: If *organization* is not an `Organization`.
        """
        IS_ORGANIZATION.check("organization", organization)
        if self.transition is None or (
            organization.founded >= self.in_force_from
        ):
            return None
        return self.transition.after(self.in_force_from)

    def text(self, lang: str = "vi") -> str:
        """Return the rule in *lang*, ``"vi"`` or ``"en"``."""
        return pick(lang, self.text_vi, self.text_en)

    def reading(self, lang: str = "vi") -> str | None:
        """Return kttt's reading of the law in *lang*; `None` if none."""
        return pick(lang, self.reading_vi or "", self.reading_en or "") or None


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
    ``in_force_from``, optional ``in_force_until``, ``when``,
    ``transition``, ``revocation``, ``reading_vi`` and ``reading_en``,
    ``text_vi``, ``text_en``, using the codes of the enumerations), except
    the law and the article: they are the ``document`` and the ``clause``
    of its ``source``, written as ``{"ref": "<key>", "clause": "Điều 4
    khoản 7"}``; a period's source is written the same way.

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


def chosen_rules(rules: Iterable[LegalRule] | None) -> tuple[LegalRule, ...]:
    """Return *rules* as a tuple, or the built-in rules for `None`.

    Raises:
        ValidationError: Naming ``rules`` if *rules* is not an iterable,
            or the item (``rules[0]``) that is not a `LegalRule`.
    """
    if rules is None:
        return legal_rules()
    return _data.items_of("rules", rules, LegalRule)


def legal_rules() -> tuple[LegalRule, ...]:
    """Return the built-in rules of the Laws on Cooperatives 2012 and 2023.

    They are read once from ``kttt/data/organizations/legal_rules.json``
    (`LEGAL_RULES`), which names each rule's source and lists what is left
    out for lack of one.

    >>> len(legal_rules())
    49
    """
    rules: tuple[LegalRule, ...] = LEGAL_RULES.load()
    return rules
