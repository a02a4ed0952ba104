"""The score sheet: what an organisation's board enters for one year."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Final

import attrs

from kttt.errors import ParseError
from kttt.geography import Province
from kttt.organizations import OrganizationKind, Sector
from kttt.rating._bands import MONTHS_IN_YEAR
from kttt.rating._points import (
    NO_MEASURES,
    NO_POINTS,
    Points,
    measures_of,
    points_of,
)
from kttt.rating._rows import (
    FIRST_RATED_YEAR,
    FLAG,
    KIND,
    LAST_RATED_YEAR,
    MONTHS,
    ORGANIZATION,
    PROVINCE,
    SCHEME,
    SECTOR,
    YEAR,
    SheetReader,
)
from kttt.text import nfc


_set: Final = object.__setattr__


@attrs.frozen(kw_only=True, init=False)
class ScoreSheet:
    """One organisation's self-assessment for one year.

    Points are entered per criterion (or per sub-criterion, or per group)
    by their code in the scheme; criteria that have a scoring rule can be
    given the measured values instead (*measures*).
    The eligibility facts default to a full, normal year.
    A sheet holds its points exactly and compactly (as whole numbers of
    hundredths, or of a finer power of ten when a point needs it): a
    million sheets fit in a few hundred megabytes.

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
    organization: str = attrs.field(validator=ORGANIZATION)
    #: Its legal form.
    kind: OrganizationKind = attrs.field(validator=KIND)
    #: Its field of activity.
    sector: Sector = attrs.field(validator=SECTOR)
    #: The year rated, from `FIRST_RATED_YEAR` to `LAST_RATED_YEAR`.
    year: int = attrs.field(validator=YEAR)
    #: Its province, for grouping (optional).
    province: Province | None = attrs.field(default=None, validator=PROVINCE)
    #: The code of the scheme it was scored under; `None` lets `classify`
    #: choose from the kind, the sector and the year.
    scheme: str | None = attrs.field(default=None, validator=SCHEME)
    #: Points per criterion code (read-only, sorted by code, exact).
    points: Mapping[str, Decimal] = attrs.field(default=NO_POINTS, hash=False)
    #: Measured values that scoring rules turn into points (read-only,
    #: sorted by name).
    measures: Mapping[str, Decimal | bool] = attrs.field(
        default=NO_MEASURES, hash=False
    )
    #: Months the organisation has operated, counted up to 12 (12 for one
    #: that has operated for a full year or more; fewer if newly founded).
    months_operating: int = attrs.field(default=12, validator=MONTHS)
    #: Months it was suspended in the year.
    months_suspended: int = attrs.field(default=0, validator=MONTHS)
    #: Whether it was administratively sanctioned in the year.
    sanctioned: bool = attrs.field(default=False, validator=FLAG)
    #: Whether it is under special control (credit funds).
    special_control: bool = attrs.field(default=False, validator=FLAG)
    #: Whether its licence is being revoked (credit funds).
    licence_revocation: bool = attrs.field(default=False, validator=FLAG)

    def __init__(
        self,
        *,
        organization: str,
        kind: OrganizationKind,
        sector: Sector,
        year: int,
        province: Province | None = None,
        scheme: str | None = None,
        points: Mapping[str, Decimal | int] = NO_POINTS,
        measures: Mapping[str, Decimal | int | bool] = NO_MEASURES,
        months_operating: int = MONTHS_IN_YEAR,
        months_suspended: int = 0,
        sanctioned: bool = False,
        special_control: bool = False,
        licence_revocation: bool = False,
    ) -> None:
        # Each field is tested the quick way first and, only if that
        # fails, by its validator, which names the field and the rule.
        if not (
            type(organization) is str
            and organization.isascii()
            and organization.isprintable()
            and organization.strip()
        ):
            organization = nfc(organization) if isinstance(organization, str) else organization
            ORGANIZATION.check("organization", organization)
        if type(kind) is not OrganizationKind:
            KIND.check("kind", kind)
        if type(sector) is not Sector:
            SECTOR.check("sector", sector)
        if type(year) is not int or not (
            FIRST_RATED_YEAR <= year <= LAST_RATED_YEAR
        ):
            YEAR.check("year", year)
        if province is not None and type(province) is not Province:
            PROVINCE.check("province", province)
        if scheme is not None:
            SCHEME.check("scheme", scheme)
        held = points_of(points)
        if measures is not NO_MEASURES:
            measures = measures_of(measures)
        if type(months_operating) is not int or not (
            0 <= months_operating <= MONTHS_IN_YEAR
        ):
            MONTHS.check("months_operating", months_operating)
        if type(months_suspended) is not int or not (
            0 <= months_suspended <= MONTHS_IN_YEAR
        ):
            MONTHS.check("months_suspended", months_suspended)
        if type(sanctioned) is not bool:
            FLAG.check("sanctioned", sanctioned)
        if type(special_control) is not bool:
            FLAG.check("special_control", special_control)
        if type(licence_revocation) is not bool:
            FLAG.check("licence_revocation", licence_revocation)
        _set(self, "organization", organization)
        _set(self, "kind", kind)
        _set(self, "sector", sector)
        _set(self, "year", year)
        _set(self, "province", province)
        _set(self, "scheme", scheme)
        _set(self, "points", held)
        _set(self, "measures", measures)
        _set(self, "months_operating", months_operating)
        _set(self, "months_suspended", months_suspended)
        _set(self, "sanctioned", sanctioned)
        _set(self, "special_control", special_control)
        _set(self, "licence_revocation", licence_revocation)

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

        >>> dict(ScoreSheet.from_row({
        ...     "organization": "HTX Bình Minh", "kind": "hợp tác xã",
        ...     "sector": "nông nghiệp", "year": "2024",
        ...     "points.TC2": "20,5",
        ... }).points)
        {'TC2': Decimal('20.5')}

        Raises:
            ParseError: If a cell cannot be read.
            ValidationError: If the values break a rule of `ScoreSheet`.
        """
        if None in row:
            raise ParseError("row", row[None], "more cells than columns")  # type: ignore[index]
        cells = tuple(cell or "" for cell in row.values())
        fields = SheetReader(tuple(row)).read(cells)
        return cls(**fields._asdict())

