"""The score sheet: what an organisation's board enters for one year."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Final

import attrs

from kttt import _data
from kttt.errors import ParseError
from kttt.geography import Province
from kttt.organizations import OrganizationKind, Sector
from kttt.rating._bands import MONTHS_IN_YEAR
from kttt.rating._points import (
    NO_MEASURES,
    NO_POINTS,
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


if TYPE_CHECKING:
    import pandas as pd


_set: Final = object.__setattr__
#: The fields checked by a validator, but points and measures (read by
#: `points_of` and `measures_of`), in order.
_CHECKED: Final[tuple[tuple[str, _data.Validator], ...]] = (
    ("organization", ORGANIZATION),
    ("kind", KIND),
    ("sector", SECTOR),
    ("year", YEAR),
    ("province", PROVINCE),
    ("scheme", SCHEME),
    ("months_operating", MONTHS),
    ("months_suspended", MONTHS),
    ("sanctioned", FLAG),
    ("special_control", FLAG),
    ("licence_revocation", FLAG),
)


def _is_code(text: object) -> bool:
    """Whether *text* is printable text without outer spaces (quick test)."""
    return (
        type(text) is str
        and text.isprintable()
        and bool(text)
        and text.strip() == text
    )


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
    #: The year rated, from ``FIRST_RATED_YEAR`` to ``LAST_RATED_YEAR``.
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
        # The usual sheet passes one quick test; any other is checked
        # field by field, each validator naming its field and its rule.
        if type(organization) is str:
            organization = nfc(organization)
        if not (
            type(organization) is str
            and organization.isprintable()
            and organization.strip()
            and type(kind) is OrganizationKind
            and type(sector) is Sector
            and type(year) is int
            and FIRST_RATED_YEAR <= year <= LAST_RATED_YEAR
            and (province is None or type(province) is Province)
            and (scheme is None or _is_code(scheme))
            and type(months_operating) is int
            and 0 <= months_operating <= MONTHS_IN_YEAR
            and type(months_suspended) is int
            and 0 <= months_suspended <= MONTHS_IN_YEAR
            and type(sanctioned) is bool
            and type(special_control) is bool
            and type(licence_revocation) is bool
        ):
            for (field, validator), value in zip(
                _CHECKED,
                (
                    organization,
                    kind,
                    sector,
                    year,
                    province,
                    scheme,
                    months_operating,
                    months_suspended,
                    sanctioned,
                    special_control,
                    licence_revocation,
                ),
                strict=True,
            ):
                validator.check(field, value)
        held = points_of(points)
        if measures is not NO_MEASURES:
            measures = measures_of(measures)
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
            MissingExtraError: Without pandas
                (``pip install 'kttt[pandas]'``).
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
