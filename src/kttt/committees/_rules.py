"""What the documents call for in a committee, and checking a committee."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Final, cast

import attrs
import pendulum

from kttt import _data
from kttt._data import Dataset, Envelope
from kttt._labels import LabelledEnum
from kttt.committees._convert import converter
from kttt.committees._model import (
    OPTIONAL_COUNT,
    CommitteeLevel,
    StandingAgency,
    SteeringCommittee,
    SupportUnitKind,
    maybe,
    same_province,
)
from kttt.errors import ValidationError
from kttt.geography import Province
from kttt.sources import Source


# --- enumerations ------------------------------------------------------------


class RuleKind(LabelledEnum):
    """What part of a committee's organisation a rule is about."""

    STANDING_AGENCY = (
        "standing_agency",
        "cơ quan thường trực",
        "standing agency",
    )
    SUPPORT_UNIT = "support_unit", "bộ phận giúp việc", "support unit"
    FULL_TIME_STAFF = (
        "full_time_staff",
        "cán bộ chuyên trách",
        "full-time staff",
    )
    LEVEL_ABOLISHED = (
        "level_abolished",
        "cấp hành chính không còn",
        "level abolished",
    )


class FindingStatus(LabelledEnum):
    """The verdict of one structure check."""

    MET = "met", "đạt", "met"
    NOT_MET = "not_met", "chưa đạt", "not met"
    UNKNOWN = "unknown", "chưa rõ", "unknown: the committee lacks the fact"
    NO_RULE = (
        "no_rule",
        "không có quy định",
        "no rule in kttt's sources for this date",
    )


# --- structure rules and checks ----------------------------------------------


@attrs.frozen(kw_only=True)
class StructureRule:
    """One thing the documents call for in a committee's organisation.

    A rule applies to committees of its `levels` (and its `jurisdiction`,
    if set) on the dates from `valid_from` to `valid_until`, both included.
    """

    #: A short identifier (``"national-standing-agency-2025"``).
    code: str = attrs.field(validator=_data.text(unpadded=True))
    #: What the rule is about.
    kind: RuleKind = attrs.field(validator=_data.instance_of(RuleKind))
    #: The levels of committee it applies to.
    levels: tuple[CommitteeLevel, ...] = attrs.field(
        validator=_data.tuple_of(CommitteeLevel)
    )
    #: What it calls for, in English.
    requirement: str = attrs.field(validator=_data.text())
    #: Where it is set out.
    source: Source = attrs.field(validator=_data.instance_of(Source))
    #: The one province it applies to; `None` for all.
    jurisdiction: Province | None = attrs.field(
        default=None, validator=maybe(Province)
    )
    #: The first day it applies; `None` for no start.
    valid_from: pendulum.Date | None = attrs.field(
        default=None, validator=_data.optional(_data.date())
    )
    #: The last day it applies; `None` for no end.
    valid_until: pendulum.Date | None = attrs.field(
        default=None, validator=_data.optional(_data.date())
    )
    #: The standing agency called for (``RuleKind.STANDING_AGENCY``).
    standing_agency: StandingAgency | None = attrs.field(
        default=None, validator=maybe(StandingAgency)
    )
    #: The fewest full-time staff called for (``RuleKind.FULL_TIME_STAFF``).
    min_full_time_staff: int | None = attrs.field(
        default=None, validator=OPTIONAL_COUNT
    )

    def __attrs_post_init__(self) -> None:
        if not self.levels:
            raise ValidationError("levels", self.levels, "must not be empty")
        if (
            self.valid_from is not None
            and self.valid_until is not None
            and self.valid_until < self.valid_from
        ):
            raise ValidationError(
                "valid_until", self.valid_until, "cannot be before valid_from"
            )
        needs = {
            "standing_agency": self.kind is RuleKind.STANDING_AGENCY,
            "min_full_time_staff": self.kind is RuleKind.FULL_TIME_STAFF,
        }
        for field, needed in needs.items():
            if needed != (getattr(self, field) is not None):
                raise ValidationError(
                    field,
                    getattr(self, field),
                    f"set exactly when the rule is about {field}",
                )

    def applies_to(
        self, committee: SteeringCommittee, as_of: pendulum.Date
    ) -> bool:
        """Tell whether the rule covers *committee* on *as_of*."""
        if committee.level not in self.levels:
            return False
        if self.jurisdiction is not None and (
            committee.jurisdiction is None
            or not same_province(self.jurisdiction, committee.jurisdiction)
        ):
            return False
        starts = self.valid_from is None or self.valid_from <= as_of
        ends = self.valid_until is None or as_of <= self.valid_until
        return starts and ends


@attrs.frozen(kw_only=True)
class StructureFinding:
    """The verdict of one rule on one committee, with the rule's source."""

    #: What was checked.
    aspect: RuleKind = attrs.field(validator=_data.instance_of(RuleKind))
    #: Met, not met, unknown, or no rule.
    status: FindingStatus = attrs.field(
        validator=_data.instance_of(FindingStatus)
    )
    #: What was found, in English.
    detail: str = attrs.field(validator=_data.text())
    #: The rule applied; `None` when no rule covers the date.
    rule: StructureRule | None = attrs.field(
        default=None, validator=maybe(StructureRule)
    )

    @property
    def source(self) -> Source | None:
        """The source of the rule applied."""
        return None if self.rule is None else self.rule.source


def check_structure(
    committee: SteeringCommittee,
    as_of: pendulum.Date,
    *,
    rules: Iterable[StructureRule] | None = None,
) -> tuple[StructureFinding, ...]:
    """Check a committee against what the documents call for on *as_of*.

    Each aspect (standing agency, support unit, full-time staff) gets one
    finding per rule that covers the committee on that date, or one
    ``FindingStatus.NO_RULE`` finding if none does; a district committee
    checked after the 2025 reform gets a ``RuleKind.LEVEL_ABOLISHED``
    finding.

    >>> import pendulum
    >>> from kttt.committees import provincial_committees
    >>> qb = provincial_committees()[0]
    >>> [f.status.value for f in check_structure(qb, qb.as_of)]
    ['no_rule', 'no_rule', 'no_rule']
    >>> later = check_structure(qb, pendulum.Date(2023, 6, 1))
    >>> later[0].status.value, later[0].rule.code
    ('not_met', 'provincial-standing-agency-planning')

    Args:
        committee: The committee to check.
        as_of: The date whose rules apply.
        rules: The rules to apply; the built-in `structure_rules` by
            default.

    Raises:
        ValidationError: If *committee* is not a `SteeringCommittee`,
            *as_of* not a date, or *rules* not structure rules.
    """
    if not isinstance(cast("object", committee), SteeringCommittee):
        raise ValidationError(
            "committee", committee, "must be a SteeringCommittee"
        )
    _data.require_date("as_of", as_of)
    chosen = (
        structure_rules()
        if rules is None
        else _data.items_of("rules", rules, StructureRule)
    )
    findings: list[StructureFinding] = []
    for aspect in RuleKind:
        applicable = [
            rule
            for rule in chosen
            if rule.kind is aspect and rule.applies_to(committee, as_of)
        ]
        if not applicable and aspect is not RuleKind.LEVEL_ABOLISHED:
            findings.append(
                StructureFinding(
                    aspect=aspect,
                    status=FindingStatus.NO_RULE,
                    detail=f"no rule on the {aspect.label_en} of a "
                    f"{committee.level.label_en} committee on {as_of}",
                )
            )
        findings.extend(
            _CHECKS[aspect](committee, rule) for rule in applicable
        )
    return tuple(findings)


def _check_standing_agency(
    committee: SteeringCommittee, rule: StructureRule
) -> StructureFinding:
    wanted = cast("StandingAgency", rule.standing_agency)
    found = committee.standing_agency
    if found is None:
        status, detail = FindingStatus.UNKNOWN, "standing agency not recorded"
    elif found is wanted:
        status, detail = (
            FindingStatus.MET,
            f"standing agency: {found.label_en}",
        )
    else:
        status = FindingStatus.NOT_MET
        detail = (
            f"standing agency is the {found.label_en}; "
            f"the rule calls for the {wanted.label_en}"
        )
    return StructureFinding(
        aspect=rule.kind, status=status, detail=detail, rule=rule
    )


def _check_support_unit(
    committee: SteeringCommittee, rule: StructureRule
) -> StructureFinding:
    unit = committee.support_unit
    if unit is None:
        status, detail = FindingStatus.UNKNOWN, "support unit not recorded"
    elif unit.kind is SupportUnitKind.NONE:
        status, detail = (
            FindingStatus.NOT_MET,
            "the committee has no support unit",
        )
    else:
        status, detail = (
            FindingStatus.MET,
            f"support unit: {unit.kind.label_en}",
        )
    return StructureFinding(
        aspect=rule.kind, status=status, detail=detail, rule=rule
    )


def _check_full_time_staff(
    committee: SteeringCommittee, rule: StructureRule
) -> StructureFinding:
    wanted = cast("int", rule.min_full_time_staff)
    unit = committee.support_unit
    staff = None if unit is None else unit.full_time_staff
    if unit is not None and unit.kind is SupportUnitKind.NONE:
        staff = 0
    if staff is None:
        status = FindingStatus.UNKNOWN
        detail = "full-time staff of the support unit not recorded"
    else:
        status = (
            FindingStatus.MET if staff >= wanted else FindingStatus.NOT_MET
        )
        detail = f"{staff} full-time staff; at least {wanted} called for"
    return StructureFinding(
        aspect=rule.kind, status=status, detail=detail, rule=rule
    )


def _check_level(
    committee: SteeringCommittee, rule: StructureRule
) -> StructureFinding:
    return StructureFinding(
        aspect=rule.kind,
        status=FindingStatus.NOT_MET,
        detail=f"the {committee.level.label_en} level no longer exists",
        rule=rule,
    )


_CHECKS: Final[
    Mapping[
        RuleKind,
        Callable[[SteeringCommittee, StructureRule], StructureFinding],
    ]
] = {
    RuleKind.STANDING_AGENCY: _check_standing_agency,
    RuleKind.SUPPORT_UNIT: _check_support_unit,
    RuleKind.FULL_TIME_STAFF: _check_full_time_staff,
    RuleKind.LEVEL_ABOLISHED: _check_level,
}


# --- the built-in rules ----------------------------------------------------


def _parse_rules(envelope: Envelope) -> tuple[StructureRule, ...]:
    return envelope.structure(converter(), StructureRule)


#: What the documents call for in a committee's organisation
#: (``kttt/data/committees/structure-rules.json``).
STRUCTURE_RULES: Final = Dataset(
    "committees/structure-rules.json", _parse_rules
)


def structure_rules() -> tuple[StructureRule, ...]:
    """Return the built-in rules on a committee's organisation.

    They say which body should be the standing agency before and after the
    2025 merger of the planning ministry into the Ministry of Finance, that
    a committee has a support unit with full-time staff, and that district
    committees end with the district level on 1 July 2025.
    """
    return STRUCTURE_RULES.load()
