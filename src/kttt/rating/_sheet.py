"""The score sheet: what an organisation's board enters for one year."""

from __future__ import annotations

import contextlib
import types

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from kttt.errors import ParseError, ValidationError
from kttt.geography import Era, Province
from kttt.organizations import OrganizationKind, Sector
from kttt.rating._enums import Fact
from kttt.text import nfc, parse_flag, parse_number


if TYPE_CHECKING:
    import pandas as pd


def _freeze(values: Mapping[str, Any]) -> Mapping[str, Any]:
    """Copy *values* into a read-only mapping sorted by key, ints as Decimal.

    Anything that is not a mapping is left for the validator to refuse.
    """
    if not isinstance(values, Mapping):  # pyright: ignore[reportUnnecessaryIsInstance]
        return values
    return types.MappingProxyType(
        {
            key: Decimal(v) if type(v) is int else v
            for key, v in sorted(values.items(), key=lambda kv: str(kv[0]))
        }
    )


def _freeze_points(
    values: Mapping[str, Decimal | int],
) -> Mapping[str, Decimal]:
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
    _: ScoreSheet,
    attribute: attrs.Attribute[Mapping[str, Decimal]],
    value: Mapping[str, Decimal],
) -> None:
    _check_mapping(attribute.name, value)
    for code, points in value.items():
        _check_key(attribute.name, code)
        if (
            not isinstance(points, Decimal)  # pyright: ignore[reportUnnecessaryIsInstance]
            or not points.is_finite()
            or points < 0
        ):
            raise ValidationError(
                f"points.{code}",
                points,
                "points are a finite Decimal (or int), at least 0",
            )


def _check_measures(
    _: ScoreSheet,
    attribute: attrs.Attribute[Mapping[str, Decimal | bool]],
    value: Mapping[str, Decimal | bool],
) -> None:
    _check_mapping(attribute.name, value)
    for name, measure in value.items():
        _check_key(attribute.name, name)
        if not isinstance(measure, bool) and (
            not isinstance(measure, Decimal)  # pyright: ignore[reportUnnecessaryIsInstance]
            or not measure.is_finite()
        ):
            raise ValidationError(
                f"measures.{name}",
                measure,
                "a measure is a finite Decimal (or int) or a bool",
            )


def _check_months(
    _: ScoreSheet, attribute: attrs.Attribute[int], value: object
) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 0 <= value <= 12
    ):
        raise ValidationError(
            attribute.name, value, "a whole number of months, 0 to 12"
        )


def _check_year(
    _: ScoreSheet, attribute: attrs.Attribute[int], value: object
) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 1990 <= value <= 2100
    ):
        raise ValidationError(
            attribute.name, value, "a year from 1990 to 2100"
        )


def _check_organization(
    _: ScoreSheet, attribute: attrs.Attribute[str], value: str
) -> None:
    if not value.strip():
        raise ValidationError(attribute.name, value, "must not be empty")


_GROUPING = {
    "kind": (OrganizationKind, "an OrganizationKind (use .parse for text)"),
    "sector": (Sector, "a Sector (use .parse for text)"),
    "province": (Province, "a Province or None (use Province.get)"),
}


def _check_grouping(
    _: ScoreSheet, attribute: attrs.Attribute[Any], value: object
) -> None:
    cls, rule = _GROUPING[attribute.name]
    if not isinstance(value, cls) and not (
        value is None and attribute.name == "province"
    ):
        raise ValidationError(attribute.name, value, rule)


@attrs.frozen(kw_only=True)
class ScoreSheet:
    """One organisation's self-assessment for one year.

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
    organization: str = attrs.field(
        converter=nfc, validator=_check_organization
    )
    #: Its legal form.
    kind: OrganizationKind = attrs.field(validator=_check_grouping)
    #: Its field of activity.
    sector: Sector = attrs.field(validator=_check_grouping)
    #: The year rated.
    year: int = attrs.field(validator=_check_year)
    #: Its province, for grouping (optional).
    province: Province | None = attrs.field(
        default=None, validator=_check_grouping
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
    #: Months the organisation has operated, counted up to 12 (12 for one
    #: that has operated for a full year or more; fewer if newly founded).
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
    # order, their sum, the layout (entered codes and measure names) and
    # what the choice of scheme depends on, whether every eligibility
    # fact has its normal value, and the points as whole numbers of
    # 10**exponent (exponent <= 0: the finest decimal place entered).
    _values: tuple[Decimal, ...] = attrs.field(
        init=False, eq=False, repr=False
    )
    _sum: Decimal = attrs.field(init=False, eq=False, repr=False)
    _layout: str = attrs.field(init=False, eq=False, repr=False)
    _choice: str = attrs.field(init=False, eq=False, repr=False)
    _normal: bool = attrs.field(init=False, eq=False, repr=False)
    _exponent: int = attrs.field(init=False, eq=False, repr=False)
    _scaled: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        codes = tuple(self.points)
        values = tuple(self.points.values())
        object.__setattr__(self, "_values", values)
        object.__setattr__(self, "_sum", sum(values, Decimal(0)))
        exponent = min((_exponent(v) for v in values), default=0)
        scaled = tuple(int(v.scaleb(-exponent)) for v in values)
        object.__setattr__(self, "_exponent", exponent)
        object.__setattr__(self, "_scaled", scaled)
        # Keys as text: a str caches its hash, a tuple does not.
        layout = repr((codes, tuple(self.measures), exponent))
        object.__setattr__(self, "_layout", layout)
        choice = repr(
            (self.kind.value, self.sector.value, self.year, self.scheme)
        )
        object.__setattr__(self, "_choice", choice)
        normal = all(getattr(self, f.value) == f.normal for f in Fact)
        object.__setattr__(self, "_normal", normal)

    @classmethod
    def from_dataframe(cls, frame: pd.DataFrame) -> tuple[ScoreSheet, ...]:
        """Read one sheet per row of a DataFrame (see `sheets_frame`).

        The columns are those of `from_row`, with typed cells: text for
        ``organization``, ``kind``, ``sector`` (a code or a label),
        ``province`` (code or name, looked up among the units in force at
        the end of the year) and ``scheme``; whole numbers for ``year``
        and the months; True/False for the flags; numbers for
        ``points.<code>`` (read as the shortest decimal that gives the
        float back) and numbers or True/False for ``measures.<name>``.
        Empty cells count as not given; unknown columns are refused.

        Raises:
            NotFoundError: Without pandas (``pip install 'kttt[pandas]'``).
            KtttError: Naming the row (counted from 1) and the column of
                the first bad cell.
        """
        from kttt.rating._views import read_sheets  # noqa: PLC0415 - it imports us

        return read_sheets(frame)

    @classmethod
    def from_row(cls, row: Mapping[str, str | None]) -> ScoreSheet:
        """Read a sheet from one CSV row (column name to cell text).

        Columns: ``organization``, ``kind``, ``sector``, ``year`` (required);
        ``province`` (code or name, looked up among the units in force at
        the end of the year), ``scheme``, ``months_operating``,
        ``months_suspended``, ``sanctioned``, ``special_control``,
        ``licence_revocation``; ``points.<code>`` for points and
        ``measures.<name>`` for measured values.
        Numbers are written the Vietnamese way (``"8,5"``, ``"1.200"``) as
        `kttt.text.parse_number` reads them; yes/no cells are ``có``/``không``,
        ``yes``/``no``, ``true``/``false`` or ``1``/``0``.
        Empty cells count as not given; unknown columns are refused.

        >>> ScoreSheet.from_row({
        ...     "organization": "HTX Bình Minh", "kind": "hợp tác xã",
        ...     "sector": "nông nghiệp", "year": "2024",
        ...     "points.TC2": "20,5",
        ... }).points
        mappingproxy({'TC2': Decimal('20.5')})

        Raises:
            ParseError: If a cell cannot be read.
            ValidationError: If the values break a rule of `ScoreSheet`.
        """
        if None in row:
            raise ParseError("row", row[None], "more cells than columns")  # type: ignore[index]
        cells = {key: (value or "").strip() for key, value in row.items()}
        points: dict[str, Decimal] = {}
        measures: dict[str, Decimal | bool] = {}
        fields: dict[str, object] = {}
        for column, cell in cells.items():
            prefix, _, name = column.partition(".")
            if column not in _COLUMNS and not (
                name and prefix in {"points", "measures"}
            ):
                raise ParseError(
                    column,
                    cell,
                    "unknown column; use organization, kind, sector, year, "
                    "province, scheme, the eligibility facts, points.<code> "
                    "or measures.<name>",
                )
            if not cell:
                continue
            if prefix == "points" and name:
                points[name] = parse_number(cell, field=column)
            elif prefix == "measures" and name:
                measures[name] = _read_measure(cell, column)
            else:
                fields[column] = cell
        for column in ("organization", "kind", "sector", "year"):
            if column not in fields:
                raise ParseError(
                    column, "", "required column is missing or empty"
                )
        year = _read_int(str(fields["year"]), "year")
        province = fields.get("province")
        return cls(
            organization=str(fields["organization"]),
            kind=OrganizationKind.parse(str(fields["kind"])),
            sector=Sector.parse(str(fields["sector"])),
            year=year,
            province=None
            if province is None
            else Province.get(
                str(province),
                era=Era.PRE_2025 if year < 2025 else Era.FROM_2025,
            ),
            scheme=fields.get("scheme"),  # type: ignore[arg-type]
            points=points,
            measures=measures,
            months_operating=_read_int(
                str(fields.get("months_operating", "12")), "months_operating"
            ),
            months_suspended=_read_int(
                str(fields.get("months_suspended", "0")), "months_suspended"
            ),
            **{
                flag: _read_bool(str(fields[flag]), flag)
                for flag in _FLAGS
                if flag in fields
            },
        )


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return min(exponent, 0) if isinstance(exponent, int) else 0


_FLAGS = ("sanctioned", "special_control", "licence_revocation")
_COLUMNS = frozenset(
    {
        "organization",
        "kind",
        "sector",
        "year",
        "province",
        "scheme",
        "months_operating",
        "months_suspended",
        *_FLAGS,
    }
)


def _read_int(cell: str, field: str) -> int:
    if not cell.isdigit():
        raise ParseError(field, cell, "must be a whole number")
    return int(cell)


def _read_bool(cell: str, field: str) -> bool:
    return parse_flag(cell, field=field)


def _read_measure(cell: str, field: str) -> Decimal | bool:
    # A measure is a number ("1" is one) or, in words, a yes/no fact.
    if not cell.strip().isdigit():
        with contextlib.suppress(ParseError):
            return parse_flag(cell, field=field)
    return parse_number(cell, field=field)
