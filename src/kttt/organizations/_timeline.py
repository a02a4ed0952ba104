"""Breaches over a history of records, and when they become grounds to revoke.

`check_history` judges each record of one organisation on its own date and
follows every rule it breaks from record to record: since when the breach
has lasted, whether it has ended, and when it becomes a ground for
revoking the registration (`Breach`, Luật 17/2023/QH15 Điều 103).
"""

from __future__ import annotations

import itertools

from collections.abc import Iterable
from fractions import Fraction
from typing import Any, Final, cast

import attrs
import pendulum

from kttt import _data
from kttt._labels import pick
from kttt.errors import ValidationError
from kttt.organizations._compliance import Finding, check_compliance
from kttt.organizations._model import Organization
from kttt.organizations._rules import LegalRule, chosen_rules


_DATE: Final = _data.date()
_OPTIONAL_DATE: Final = _data.optional(_DATE)


def _check_order(instance: Breach) -> None:
    if instance.last_seen < instance.first_seen:
        raise ValidationError(
            "last_seen",
            instance.last_seen,
            f"cannot precede first_seen {instance.first_seen}",
        )
    if instance.ended is not None and instance.ended <= instance.last_seen:
        raise ValidationError(
            "ended",
            instance.ended,
            f"must follow last_seen {instance.last_seen}",
        )
    if instance.due is not None and instance.due <= instance.first_seen:
        raise ValidationError(
            "due",
            instance.due,
            f"a deadline falls due after first_seen {instance.first_seen}",
        )


@attrs.frozen(kw_only=True)
class Breach:
    """A rule an organisation broke over a run of consecutive records.

    kttt dates a breach from the first record that shows it and takes it
    to have lasted through every following record that still shows it;
    the first record that no longer shows it (the rule kept, its figures
    unknown, the rule no longer in force) ends it.
    A breach first seen as a deadline (the rule's transition) counts from
    the day the deadline fell due, if a later record still shows it.

    >>> import pendulum
    >>> from fractions import Fraction
    >>> from kttt.organizations import legal_rules
    >>> (rule,) = [
    ...     r for r in legal_rules() if r.code == "htx-min-members-2023"
    ... ]
    >>> breach = Breach(
    ...     rule=rule,
    ...     organization_id="0101234567",
    ...     first_seen=pendulum.Date(2025, 1, 31),
    ...     last_seen=pendulum.Date(2026, 3, 31),
    ...     value=Fraction(4),
    ... )
    >>> breach.revocable_from, breach.ground_for_revocation
    (Date(2026, 1, 31), True)
    """

    #: The rule broken.
    rule: LegalRule = attrs.field(
        validator=_data.instance_of(LegalRule, "must be a LegalRule")
    )
    #: The registration code of the organisation.
    organization_id: str = attrs.field(
        converter=_data.nfc_text, validator=_data.text(unpadded=True)
    )
    #: The date of the first record that shows it.
    first_seen: pendulum.Date = attrs.field(validator=_DATE)
    #: The date of the last record that shows it.
    last_seen: pendulum.Date = attrs.field(validator=_DATE)
    #: The value measured on the last record that shows it.
    value: Fraction = attrs.field(
        validator=_data.instance_of(Fraction, "must be a Fraction")
    )
    #: The day the deadline fell due, if it was first seen as a deadline.
    due: pendulum.Date | None = attrs.field(
        default=None, validator=_OPTIONAL_DATE
    )
    #: The date of the first later record that no longer shows it; `None`
    #: if the last record still does.
    ended: pendulum.Date | None = attrs.field(
        default=None, validator=_OPTIONAL_DATE
    )

    def __attrs_post_init__(self) -> None:
        _check_order(self)

    @property
    def since(self) -> pendulum.Date | None:
        """The day the breach counts from; `None` while only a deadline."""
        if self.due is None:
            return self.first_seen
        return self.due if self.last_seen >= self.due else None

    @property
    def revocable_from(self) -> pendulum.Date | None:
        """The day the breach becomes a ground for revocation, if it lasts.

        `None` if the rule sets no revocation period or the breach has
        not started.
        """
        start = self.since
        if start is None or self.rule.revocation is None:
            return None
        return self.rule.revocation.after(start)

    @property
    def ground_for_revocation(self) -> bool:
        """Whether the records show it lasted its revocation period."""
        day = self.revocable_from
        return day is not None and self.last_seen >= day

    def explain(self, lang: str = "vi") -> str:
        """Describe the breach's timeline in one sentence (``"vi"``/``"en"``).

        Raises:
            ValidationError: If *lang* is neither.
        """
        words = _WORDS[pick(lang, "vi", "en")]
        rule = self.rule
        parts = [
            f"{self.organization_id}: {rule.code} ({rule.law}, {rule.article})"
        ]
        since = self.since
        if since is None:
            parts.append(words["deadline"].format(due=_day(self.due)))
        else:
            parts.append(words["since"].format(since=_day(since)))
        parts.append(
            words["seen"].format(last=_day(self.last_seen))
            if self.ended is None
            else words["ended"].format(ended=_day(self.ended))
        )
        revocation = rule.revocation
        revocable = self.revocable_from
        if revocation is not None and revocable is not None:
            key = "ground" if self.ground_for_revocation else "would_be"
            parts.append(
                words[key].format(
                    day=_day(revocable),
                    law=revocation.law,
                    article=revocation.article,
                )
            )
        return "; ".join(parts)


def _day(day: pendulum.Date | None) -> str:
    return "" if day is None else day.to_date_string()


_WORDS: Final = {
    "vi": {
        "deadline": "còn trong thời hạn chuyển tiếp đến {due}",
        "since": "vi phạm từ {since}",
        "seen": "còn thấy ở hồ sơ ngày {last}",
        "ended": "chấm dứt ở hồ sơ ngày {ended}",
        "ground": "là căn cứ thu hồi giấy chứng nhận đăng ký từ {day} "
        "({law}, {article})",
        "would_be": "sẽ là căn cứ thu hồi giấy chứng nhận đăng ký từ {day} "
        "nếu kéo dài ({law}, {article})",
    },
    "en": {
        "deadline": "still within its transition until {due}",
        "since": "in breach since {since}",
        "seen": "still seen on the record of {last}",
        "ended": "ended by the record of {ended}",
        "ground": "a ground for revoking the registration from {day} "
        "({law}, {article})",
        "would_be": "a ground for revoking the registration from {day} "
        "if it lasts ({law}, {article})",
    },
}


def _history(records: Iterable[Organization]) -> list[Organization]:
    """Return *records* sorted by date, refusing what is not one history."""
    if isinstance(cast("object", records), Organization | str):
        raise ValidationError(
            "records", records, "must be an iterable of Organization records"
        )
    try:
        listed = list(records)
    except TypeError:
        raise ValidationError(
            "records", records, "must be an iterable of Organization records"
        ) from None
    if not listed:
        raise ValidationError("records", listed, "must hold a record")
    first = listed[0]
    for index, record in enumerate(listed):
        if not isinstance(cast("object", record), Organization):
            raise ValidationError(
                f"records[{index}]", record, "must be an Organization"
            )
        if record.id != first.id or record.kind is not first.kind:
            raise ValidationError(
                f"records[{index}]",
                record.id,
                f"a history is of one organisation: {first.kind.label_en} "
                f"{first.id}",
            )
    listed.sort(key=_record_date)
    for before, after in itertools.pairwise(listed):
        if before.record_date == after.record_date:
            raise ValidationError(
                "records",
                after.record_date,
                "two records describe the same day",
            )
    return listed


def _record_date(record: Organization) -> pendulum.Date:
    return record.record_date


def check_history(
    records: Iterable[Organization],
    *,
    rules: Iterable[LegalRule] | None = None,
) -> tuple[Breach, ...]:
    """Follow the rules one organisation broke through its records.

    Each record is judged on its own date (`check_compliance` with the
    record date), so each under the law in force that day; the records
    may come in any order.
    Every run of consecutive records breaking the same rule is one
    `Breach`, earliest first.

    Args:
        records: The records of one organisation (same registration code
            and kind), each with its own record date.
        rules: The rules to check; by default the built-in rules.

    Raises:
        ValidationError: If *records* is empty, mixes organisations or
            holds two records of one day, or a rule is not a `LegalRule`.
    """
    history = _history(records)
    chosen = chosen_rules(rules)
    open_runs: dict[str, dict[str, Any]] = {}
    breaches: list[Breach] = []
    for record in history:
        found = {
            f.rule.code: f for f in check_compliance(record, rules=chosen)
        }
        for code in list(open_runs):
            if code not in found:
                run = open_runs.pop(code)
                breaches.append(Breach(**run, ended=record.record_date))
        for code, finding in found.items():
            _extend(open_runs, code, finding)
    breaches.extend(Breach(**run) for run in open_runs.values())
    return tuple(sorted(breaches, key=_first_seen))


def _extend(
    runs: dict[str, dict[str, Any]], code: str, finding: Finding
) -> None:
    run = runs.get(code)
    if run is None:
        runs[code] = {
            "rule": finding.rule,
            "organization_id": finding.organization_id,
            "first_seen": finding.as_of,
            "last_seen": finding.as_of,
            "value": finding.value,
            "due": finding.due,
        }
        return
    run["last_seen"] = finding.as_of
    run["value"] = finding.value


def _first_seen(breach: Breach) -> pendulum.Date:
    return breach.first_seen
