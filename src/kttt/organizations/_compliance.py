"""Checking an organisation against the legal rules of a day: `Finding`.

`check_compliance` measures an organisation against the rules of the Law
on Cooperatives in force on a date (23/2012/QH13 until 30 June 2024,
17/2023/QH15 from 1 July 2024) and returns `Finding` values that cite the
article; a breach an organisation still has time to put right is a
deadline, with the day it falls due.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs
import pendulum

from kttt import _data
from kttt._labels import localize_digits
from kttt.errors import ValidationError
from kttt.organizations._kinds import OperatingStatus
from kttt.organizations._measures import Measure
from kttt.organizations._model import IS_ORGANIZATION, Organization
from kttt.organizations._rules import (
    LegalRule,
    Severity,
    chosen_rules,
)


def _check_value(
    instance: Finding, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, Fraction):
        raise ValidationError(attribute.name, value, "must be a Fraction")
    rule = instance.rule
    if rule.bound.holds(value, rule.limit):
        raise ValidationError(
            attribute.name,
            value,
            f"keeps within rule {rule.code}; a finding records a breach",
        )


def _check_due(
    instance: Finding, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        return
    day = _data.require_date(attribute.name, value)
    if day <= instance.as_of:
        raise ValidationError(
            attribute.name,
            value,
            f"a deadline falls due after the day judged ({instance.as_of})",
        )


@attrs.frozen(kw_only=True)
class Finding:
    """A legal rule an organisation breaks, with the value that breaks it.

    `check_compliance` returns them; see `Cooperative` for an example.
    A finding with a `due` date is a deadline, not a breach: the
    organisation still has the rule's transition period to comply.
    """

    #: The rule broken.
    rule: LegalRule = attrs.field(
        validator=_data.instance_of(LegalRule, "must be a LegalRule")
    )
    #: The registration code of the organisation.
    organization_id: str = attrs.field(
        converter=_data.nfc_text, validator=_data.text(unpadded=True)
    )
    #: The date it was checked at (which decides the law in force).
    as_of: pendulum.Date = attrs.field(validator=_data.date())
    #: The measured value (a count, a share or an amount of VND).
    value: Fraction = attrs.field(validator=_check_value)
    #: The day the organisation must comply by, while it still has time
    #: (the rule's transition); `None` for a breach.
    due: pendulum.Date | None = attrs.field(default=None, validator=_check_due)

    @property
    def is_deadline(self) -> bool:
        """Whether it is a deadline still running, not a breach."""
        return self.due is not None

    @property
    def severity(self) -> Severity:
        """How serious the breach is."""
        return self.rule.severity

    @property
    def law(self) -> str:
        """The document number of the law broken."""
        return self.rule.law

    @property
    def article(self) -> str:
        """The article and clause broken."""
        return self.rule.article

    @property
    def field(self) -> str:
        """The field of the organisation that breaks the rule."""
        return self.rule.measure.field

    @property
    def limit(self) -> Fraction:
        """The limit the value breaks."""
        return self.rule.limit

    def explain(self, lang: str = "vi") -> str:
        """Describe the finding in one sentence, in *lang* (``"vi"``/``"en"``).

        A deadline says when it falls due, and a rule kttt reads beyond the
        law's words says how kttt reads it.

        Raises:
            ValidationError: If *lang* is neither.
        """
        rule = self.rule
        measure = rule.measure
        words = _WORDS[lang if lang == "en" else "vi"]
        if measure.quantity == "flag":
            head = words["flag"].format(
                measure=measure.label(lang),
                value=words["yes" if self.value else "no"],
            )
        else:
            head = words["limit"].format(
                measure=measure.label(lang),
                value=_format(self.value, measure, lang),
                bound=rule.bound.label(lang),
                limit=_format(self.limit, measure, lang),
            )
        parts = [
            f"{self.organization_id}: {head} ({self.law}, {self.article})"
        ]
        if self.due is not None and rule.transition is not None:
            parts.append(
                words["due"].format(
                    due=self.due.to_date_string(),
                    law=rule.transition.law,
                    article=rule.transition.article,
                )
            )
        reading = rule.reading(lang)
        if reading is not None:
            parts.append(words["reading"].format(reading=reading))
        return "; ".join(parts)


_WORDS: Final = {
    "vi": {
        "limit": "{measure} là {value}; phải {bound} {limit}",
        "flag": "{measure}: {value}; bắt buộc",
        "yes": "có",
        "no": "không",
        "due": (
            "thời hạn chuyển tiếp đến {due} ({law}, {article}, theo cách "
            "hiểu của kttt)"
        ),
        "reading": "cách hiểu của kttt: {reading}",
    },
    "en": {
        "limit": "{measure} is {value}; it must be {bound} {limit}",
        "flag": "{measure}: {value}; required",
        "yes": "yes",
        "no": "no",
        "due": ("transition until {due} ({law}, {article}, as kttt reads it)"),
        "reading": "kttt's reading: {reading}",
    },
}

#: The unit written after a value of each quantity, by language.
_UNITS: Final = {
    "years": {"vi": " năm", "en": " years"},
    "months": {"vi": " tháng", "en": " months"},
}


def _format(value: Fraction, measure: Measure, lang: str) -> str:
    # Vietnamese writes "1.200" and "33,33%"; English "1,200" and "33.33%".
    quantity = measure.quantity
    if quantity == "share":
        percent = Decimal(value.numerator) * 100 / value.denominator
        return localize_digits(f"{round(percent, 2).normalize():f}%", lang)
    if quantity == "months":
        months = Decimal(value.numerator) / value.denominator
        text = f"{round(months, 2).normalize():f}"
    else:
        text = f"{round(value):,}"
    return localize_digits(text, lang) + _UNITS.get(quantity, {}).get(lang, "")


#: Statuses of organisations that no longer exist: nothing to check.
_ENDED: Final = frozenset(
    {OperatingStatus.DISSOLVED, OperatingStatus.BANKRUPT}
)


def check_compliance(
    organization: Organization,
    as_of: pendulum.Date | None = None,
    *,
    rules: Iterable[LegalRule] | None = None,
) -> tuple[Finding, ...]:
    """Return the legal rules *organization* breaks under the law of *as_of*.

    The day judged decides the law: the rules in force on *as_of* apply.
    It is the record's own date unless you pass a later one, and then kttt
    takes the record's figures to still hold on that day (the latest
    record known, judged today).
    A day before the record date is refused: a record says nothing of the
    days before it, and a 2025 record judged under the 2012 law would
    judge figures the organisation did not yet have.

    Each rule in force that day for the organisation's kind, whose
    conditions the record meets, is measured on the record; a rule whose
    figures the record leaves empty (or whose share has a zero base) is
    skipped, not reported.
    A rule an organisation founded before it came into force still has
    time to meet (its transition, Luật 17/2023/QH15 Điều 115) gives a
    deadline (`Finding.due`) rather than a breach.
    Dissolved and bankrupt organisations break no rule.
    Breaking a rule is not the end of an organisation: how long a breach
    has lasted, and when it becomes a ground for revoking the registration
    (Điều 103), is what `check_history` tells from a history of records.

    Args:
        organization: The record to check.
        as_of: The day whose law applies (and the day of the findings);
            by default the record date.
        rules: The rules to check; by default the built-in rules of the
            Laws on Cooperatives (`legal_rules`).

    Raises:
        ValidationError: If *as_of* is not a date or is before the record
            date, or a rule is not a `LegalRule`.
    """
    IS_ORGANIZATION.check("organization", organization)
    day = _judged_day(organization, as_of)
    if organization.status in _ENDED:
        return ()
    findings: list[Finding] = []
    for rule in chosen_rules(rules):
        if not rule.covers(organization, day):
            continue
        value = rule.value_of(organization, day)
        if value is None or rule.bound.holds(value, rule.limit):
            continue
        due = rule.due(organization)
        findings.append(
            Finding(
                rule=rule,
                organization_id=organization.id,
                as_of=day,
                value=value,
                due=due if due is not None and day < due else None,
            )
        )
    return tuple(findings)


def _judged_day(
    organization: Organization, as_of: pendulum.Date | None
) -> pendulum.Date:
    """Return the day *organization* is judged on: *as_of* or its record date.

    Raises:
        ValidationError: If *as_of* is not a date or is before the record
            date.
    """
    if as_of is None:
        return organization.record_date
    day = _data.require_date("as_of", as_of)
    if day < organization.record_date:
        raise ValidationError(
            "as_of",
            as_of,
            f"is before the record date {organization.record_date}: a "
            "record says nothing of the days before it",
        )
    return day
