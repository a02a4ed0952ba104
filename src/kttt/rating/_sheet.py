"""
The score sheet: what an organisation's board enters for one year.
"""

from __future__ import annotations

import types

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from kttt.errors import ValidationError
from kttt.geography import Province
from kttt.organizations import OrganizationKind, Sector
from kttt.text import nfc


def _freeze(values: Mapping[str, Any]) -> Mapping[str, Any]:
    """
    Copy *values* into a read-only mapping sorted by key, ints as Decimal.

    Anything that is not a mapping is left for the validator to refuse.
    """
    if not isinstance(values, Mapping):
        return values
    return types.MappingProxyType(
        {
            key: Decimal(v) if type(v) is int else v
            for key, v in sorted(values.items(), key=lambda kv: str(kv[0]))
        }
    )


def _freeze_points(values: Mapping[str, Decimal | int]) -> Mapping[str, Decimal]:
    return _freeze(values)


def _freeze_measures(
    values: Mapping[str, Decimal | int | bool],
) -> Mapping[str, Decimal | bool]:
    return _freeze(values)


def _check_mapping(field: str, value: object) -> None:
    if not isinstance(value, types.MappingProxyType):
        raise ValidationError(field, value, "must be a mapping of codes")


def _check_key(field: str, key: object) -> None:
    if not isinstance(key, str) or not key.strip() or key != key.strip():
        raise ValidationError(
            field, key, "a code is non-empty text without outer spaces"
        )


def _check_points(
    instance: ScoreSheet,
    attribute: attrs.Attribute[Mapping[str, Decimal]],
    value: Mapping[str, Decimal],
) -> None:
    _check_mapping(attribute.name, value)
    for code, points in value.items():
        _check_key(attribute.name, code)
        if (
            not isinstance(points, Decimal)
            or not points.is_finite()
            or points < 0
        ):
            raise ValidationError(
                f"points.{code}",
                points,
                "points are a finite Decimal (or int), at least 0",
            )


def _check_measures(
    instance: ScoreSheet,
    attribute: attrs.Attribute[Mapping[str, Decimal | bool]],
    value: Mapping[str, Decimal | bool],
) -> None:
    _check_mapping(attribute.name, value)
    for name, measure in value.items():
        _check_key(attribute.name, name)
        if not isinstance(measure, bool) and (
            not isinstance(measure, Decimal) or not measure.is_finite()
        ):
            raise ValidationError(
                f"measures.{name}",
                measure,
                "a measure is a finite Decimal (or int) or a bool",
            )


def _check_months(
    instance: ScoreSheet, attribute: attrs.Attribute[int], value: object
) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 12:
        raise ValidationError(
            attribute.name, value, "a whole number of months, 0 to 12"
        )


def _check_year(
    instance: ScoreSheet, attribute: attrs.Attribute[int], value: object
) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1990 <= value <= 2100:
        raise ValidationError(attribute.name, value, "a year from 1990 to 2100")


def _check_organization(
    instance: ScoreSheet, attribute: attrs.Attribute[str], value: str
) -> None:
    if not value.strip():
        raise ValidationError(attribute.name, value, "must not be empty")


@attrs.frozen(kw_only=True)
class ScoreSheet:
    """
    One organisation's self-assessment for one year.

    Points are entered per criterion (or per sub-criterion, or per group)
    by their code in the scheme; criteria that have a scoring rule can be
    given the measured values instead (*measures*).
    The eligibility facts default to a full, normal year.

    >>> sheet = ScoreSheet(
    ...     organization="HTX-0001",
    ...     kind=OrganizationKind.COOPERATIVE,
    ...     sector=Sector.TRADE_SERVICES,
    ...     year=2024,
    ...     points={"I": 25, "II": 24, "III": 31},
    ... )
    >>> sheet.points["I"]
    Decimal('25')
    """

    #: The organisation's identifier (registration number or your own key).
    organization: str = attrs.field(converter=nfc, validator=_check_organization)
    #: Its legal form.
    kind: OrganizationKind = attrs.field(
        validator=attrs.validators.instance_of(OrganizationKind)
    )
    #: Its field of activity.
    sector: Sector = attrs.field(validator=attrs.validators.instance_of(Sector))
    #: The year rated.
    year: int = attrs.field(validator=_check_year)
    #: Its province, for grouping (optional).
    province: Province | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            attrs.validators.instance_of(Province)
        ),
    )
    #: The code of the scheme it was scored under; `None` lets `classify`
    #: choose from the kind, the sector and the year.
    scheme: str | None = None
    #: Points per criterion code (read-only, sorted by code).
    points: Mapping[str, Decimal] = attrs.field(
        factory=dict,
        converter=_freeze_points,
        validator=_check_points,
        hash=False,
    )
    #: Measured values that scoring rules turn into points.
    measures: Mapping[str, Decimal | bool] = attrs.field(
        factory=dict,
        converter=_freeze_measures,
        validator=_check_measures,
        hash=False,
    )
    #: Months the organisation operated in the year (12 unless newly founded).
    months_operating: int = attrs.field(default=12, validator=_check_months)
    #: Months it was suspended in the year.
    months_suspended: int = attrs.field(default=0, validator=_check_months)
    #: Whether it was administratively sanctioned in the year.
    sanctioned: bool = False
    #: Whether it is under special control (credit funds).
    special_control: bool = False
    #: Whether its licence is being revoked (credit funds).
    licence_revocation: bool = False

    # Pre-computed at construction for `classify`: the points in code
    # order, their sum, and the layout (entered codes and measure names).
    _values: tuple[Decimal, ...] = attrs.field(init=False, eq=False, repr=False)
    _sum: Decimal = attrs.field(init=False, eq=False, repr=False)
    _layout: tuple[tuple[str, ...], tuple[str, ...]] = attrs.field(
        init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        codes = tuple(self.points)
        values = tuple(self.points.values())
        object.__setattr__(self, "_values", values)
        object.__setattr__(self, "_sum", sum(values, Decimal(0)))
        object.__setattr__(self, "_layout", (codes, tuple(self.measures)))
