"""Checking an organisation against the legal rules of a day: `Finding`.

`check_compliance` measures an organisation against the rules of the Law
on Cooperatives in force on a date (23/2012/QH13 until 30 June 2024,
17/2023/QH15 from 1 July 2024) and returns `Finding` values that cite the
article.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, cast

import attrs
import pendulum

from kttt import _data
from kttt._labels import localize_digits
from kttt.errors import ValidationError
from kttt.organizations._kinds import OperatingStatus
from kttt.organizations._model import Organization
from kttt.organizations._rules import (
    LegalRule,
    Measure,
    Severity,
    legal_rules,
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


@attrs.frozen(kw_only=True)
class Finding:
    """A legal rule an organisation breaks, with the value that breaks it.

    `check_compliance` returns them; see `Cooperative` for an example.
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
        """Describe the breach in one sentence, in *lang* (``"vi"``/``"en"``).

        Raises:
            ParseError: If *lang* is neither.
        """
        measure = self.rule.measure
        return _EXPLAIN[lang if lang == "en" else "vi"].format(
            id=self.organization_id,
            measure=measure.label(lang),
            value=_format(self.value, measure, lang),
            bound=self.rule.bound.label(lang),
            limit=_format(self.limit, measure, lang),
            law=self.law,
            article=self.article,
        )


_EXPLAIN: Final = {
    "vi": "{id}: {measure} là {value}; phải {bound} {limit} "
    "({law}, {article})",
    "en": "{id}: {measure} is {value}; it must be {bound} {limit} "
    "({law}, {article})",
}


def _format(value: Fraction, measure: Measure, lang: str) -> str:
    # Vietnamese writes "1.200" and "33,33%"; English "1,200" and "33.33%".
    if measure.value.endswith("_share"):
        percent = Decimal(value.numerator) * 100 / value.denominator
        return localize_digits(f"{round(percent, 2).normalize():f}%", lang)
    return localize_digits(f"{round(value):,}", lang)


#: Statuses of organisations that no longer exist: nothing to check.
_ENDED: Final = frozenset(
    {OperatingStatus.DISSOLVED, OperatingStatus.BANKRUPT}
)


def check_compliance(
    organization: Organization,
    as_of: pendulum.Date,
    *,
    rules: Iterable[LegalRule] | None = None,
) -> tuple[Finding, ...]:
    """Return the legal rules *organization* breaks under the law of *as_of*.

    Each rule in force on *as_of* for the organisation's kind is measured
    on the record; a rule whose figures the record leaves empty (or whose
    share has a zero base) is skipped, not reported.
    Dissolved and bankrupt organisations break no rule.
    Breaking a rule is not the end of an organisation: the 2023 law
    revokes a registration only after 12 consecutive months below the
    minimum membership or above the capital cap, or 6 months above the
    foreign-member cap (Điều 103).

    Args:
        organization: The record to check.
        as_of: The day whose law applies (and the day of the findings).
        rules: The rules to check; by default the built-in rules of the
            Laws on Cooperatives (`legal_rules`).

    Raises:
        ValidationError: If *as_of* is not a date or is before the
            organisation was founded, or a rule is not a `LegalRule`.
    """
    if not isinstance(cast("object", organization), Organization):
        raise ValidationError(
            "organization", organization, "must be an Organization"
        )
    _data.require_date("as_of", as_of)
    if as_of < organization.founded:
        raise ValidationError(
            "as_of",
            as_of,
            f"is before the organisation was founded ({organization.founded})",
        )
    if organization.status in _ENDED:
        return ()
    chosen = (
        legal_rules()
        if rules is None
        else _data.items_of("rules", rules, LegalRule)
    )
    findings: list[Finding] = []
    for rule in chosen:
        if not rule.applies(organization.kind, as_of):
            continue
        value = rule.measure.of(organization)
        if value is not None and not rule.bound.holds(value, rule.limit):
            findings.append(
                Finding(
                    rule=rule,
                    organization_id=organization.id,
                    as_of=as_of,
                    value=value,
                )
            )
    return tuple(findings)
