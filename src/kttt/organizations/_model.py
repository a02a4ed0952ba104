"""The records: members, and the four kinds of organisation kttt models.

Each kind of organisation is a frozen value holding what a registry record
holds (`CooperativeGroup`, `Cooperative`, `CooperativeUnion`,
`PeoplesCreditFund`, all `Organization` values).
Construction refuses only what cannot exist: negative counts or amounts, a
founding date after the date the record describes, more foreign official
members than official members, OCOP stars outside `OCOP_STARS`, a union
listing itself among its member cooperatives.
"""

from __future__ import annotations

import abc

from collections.abc import Collection, Mapping
from typing import Final, Self, cast

import attrs
import pendulum

from kttt import _data
from kttt.errors import KtttError, ValidationError
from kttt.geography import Province
from kttt.organizations._checks import (
    check_contributions,
    check_group,
    check_law_records,
    listed_once,
    optional_ids,
)
from kttt.organizations._funds import IncomeStatement, IndivisibleAsset
from kttt.organizations._governance import Governance, Meeting
from kttt.organizations._kinds import (
    OperatingStatus,
    OrganizationKind,
    Sector,
)
from kttt.organizations._members import (
    Member,
    Members,
    MemberType,
    PersonKind,
    listed_codes,
)
from kttt.organizations._rows import build, read_cells, row_cells, row_class


#: The OCOP ratings a record may hold: products are rated 3 to 5 stars.
OCOP_STARS: Final = range(3, 6)

_COUNT: Final = _data.whole_number()
_AMOUNT: Final = _data.optional(_COUNT)
_TEXT: Final = _data.text(unpadded=True)
_FLAG: Final = _data.flag()
_DATE: Final = _data.date()


# --- organisations ---------------------------------------------------------


@attrs.frozen(kw_only=True)
class Organization(abc.ABC):
    """A collective economic organisation (tổ chức kinh tế tập thể).

    The common base of `CooperativeGroup`, `Cooperative`,
    `CooperativeUnion` and `PeoplesCreditFund`; its `kind` tells them apart.
    Amounts are whole VND; fields a record may leave empty are `None`.

    Contributed capital above the registered charter capital is accepted:
    it happens when members have paid in more than the charter records and
    the change has not been registered yet, which `check_compliance`
    reports (Luật 17/2023/QH15 Điều 47) instead of refusing.
    """

    #: The registration code (mã số), usually the tax code.
    id: str = attrs.field(converter=_data.nfc_text, validator=_TEXT)
    #: The registered name.
    name: str = attrs.field(converter=_data.nfc_text, validator=_TEXT)
    #: The province-level unit of the head office.
    province: Province = attrs.field(
        validator=_data.instance_of(Province, "must be a kttt.Province")
    )
    #: The main field of activity.
    sector: Sector = attrs.field(
        validator=_data.instance_of(Sector, "must be a Sector")
    )
    #: The founding (registration) date.
    founded: pendulum.Date = attrs.field(validator=_DATE)
    #: The date the record describes (its figures are as of this day).
    record_date: pendulum.Date = attrs.field(validator=_DATE)
    #: Members by type.
    members: Members = attrs.field(
        validator=_data.instance_of(Members, "must be a Members value")
    )
    #: The registered charter capital (vốn điều lệ).
    charter_capital: int = attrs.field(validator=_COUNT)
    #: The capital members have actually paid in (vốn góp).
    contributed_capital: int | None = attrs.field(
        default=None, validator=_AMOUNT
    )
    #: The largest contribution of one official member.
    largest_member_contribution: int | None = attrs.field(
        default=None, validator=_AMOUNT
    )
    #: The total contributed by associates contributing capital.
    associate_contribution: int | None = attrs.field(
        default=None, validator=_AMOUNT
    )
    #: The total contributed by foreign members, official or associate.
    foreign_contribution: int | None = attrs.field(
        default=None, validator=_AMOUNT
    )
    #: Indivisible assets (tài sản chung không chia).
    indivisible_assets: int | None = attrs.field(
        default=None, validator=_AMOUNT
    )
    #: Revenue of the last fiscal year (doanh thu).
    revenue: int | None = attrs.field(default=None, validator=_AMOUNT)
    #: Profit of the last fiscal year (lợi nhuận), negative for a loss.
    profit: int | None = attrs.field(
        default=None, validator=_data.optional(_data.whole_number(None))
    )
    #: Workers (lao động), members or not.
    workers: int | None = attrs.field(default=None, validator=_AMOUNT)
    #: Tình trạng hoạt động.
    status: OperatingStatus = attrs.field(
        default=OperatingStatus.OPERATING,
        validator=_data.instance_of(
            OperatingStatus, "must be an OperatingStatus"
        ),
    )
    #: Applies high technology (ứng dụng công nghệ cao).
    applies_high_technology: bool = attrs.field(default=False, validator=_FLAG)
    #: Linked with enterprises in a value chain (liên kết theo chuỗi giá
    #: trị).
    value_chain_linked: bool = attrs.field(default=False, validator=_FLAG)
    #: Has gone through digital transformation (chuyển đổi số).
    digital_transformation: bool = attrs.field(default=False, validator=_FLAG)
    #: The highest OCOP rating of its products (3 to 5 stars), if any.
    ocop_stars: int | None = attrs.field(
        default=None,
        validator=_data.optional(
            _data.whole_number(
                OCOP_STARS[0],
                maximum=OCOP_STARS[-1],
                rule=f"OCOP products are rated {OCOP_STARS[0]} to "
                f"{OCOP_STARS[-1]} stars",
            )
        ),
    )
    #: Its products can be traced (truy xuất nguồn gốc).
    traceability: bool = attrs.field(default=False, validator=_FLAG)
    #: The members one by one, if the record lists them; the counts by
    #: type (and of foreign official members, if given) must agree.
    member_list: tuple[Member, ...] | None = attrs.field(
        default=None, validator=_data.optional(_data.tuple_of(Member))
    )
    #: The least a member must contribute, as the charter sets it (VND).
    minimum_contribution: int | None = attrs.field(
        default=None, validator=_AMOUNT
    )
    #: How it is governed (Luật 17/2023/QH15 Điều 56–72).
    governance: Governance | None = attrs.field(
        default=None,
        validator=_data.optional(
            _data.instance_of(Governance, "must be a Governance value")
        ),
    )
    #: The meetings of its general meeting and board the record gives.
    meetings: tuple[Meeting, ...] = attrs.field(
        default=(), validator=_data.tuple_of(Meeting)
    )
    #: Lends to its official members (cho vay nội bộ, Điều 83).
    internal_lending: bool = attrs.field(default=False, validator=_FLAG)
    #: Seeks State support (Điều 106, 107).
    seeks_state_support: bool = attrs.field(default=False, validator=_FLAG)
    #: Is large in the size classes of Điều 16, which a Government decree
    #: sets (113/2024/NĐ-CP); kttt does not have its thresholds.
    large: bool = attrs.field(default=False, validator=_FLAG)
    #: The days independent audits of it were completed; `None` if the
    #: record does not say, ``()`` if it was never audited.
    audits: tuple[pendulum.Date, ...] | None = attrs.field(
        default=None, validator=_data.optional(_data.tuple_of(_DATE))
    )
    #: The last fiscal year's income and its allocation.
    income: IncomeStatement | None = attrs.field(
        default=None,
        validator=_data.optional(
            _data.instance_of(IncomeStatement, "must be an IncomeStatement")
        ),
    )
    #: The kinds of indivisible asset pledged as collateral for loans.
    pledged_indivisible_assets: tuple[IndivisibleAsset, ...] = attrs.field(
        default=(),
        validator=[
            _data.tuple_of(IndivisibleAsset),
            listed_once("lists a kind twice"),
        ],
    )

    def __attrs_post_init__(self) -> None:
        if self.founded > self.record_date:
            raise ValidationError(
                "founded",
                self.founded,
                f"must not be after the record date {self.record_date}",
            )
        check_contributions(self)
        check_law_records(self)

    @property
    @abc.abstractmethod
    def kind(self) -> OrganizationKind:
        """The legal form of this organisation."""

    @classmethod
    def from_row(
        cls,
        row: Mapping[str, str | None],
        *,
        row_number: int | None = None,
        record_date: pendulum.Date | None = None,
        ignore: Collection[str] = (),
    ) -> Self:
        """Read one row of a registry export (a CSV row as a dict).

        Column names may be the field names (``charter_capital``,
        ``members.official``) or the usual Vietnamese headers
        (``Vốn điều lệ``, ``Thành viên chính thức``), in any case and with
        or without diacritics.
        Numbers are read the Vietnamese way (`kttt.text.parse_number`:
        ``"1.200"``, ``"1,5 tỷ"``); dates as ``dd/mm/yyyy`` or ISO
        ``yyyy-mm-dd``; flags as ``có``/``không``, ``x``, ``true``/``false``
        or ``1``/``0``.
        Empty cells leave optional fields unknown and flags false.
        On `Organization` itself the ``kind`` column chooses the class;
        on a subclass a ``kind`` column, if present, must agree.

        Args:
            row: Column name to cell text.
            row_number: The row's number, put into every error.
            record_date: The record date of an export whose rows have no
                ``record_date`` column (or leave it empty).
            ignore: Columns to skip (``"STT"``, an address column...).

        Raises:
            KtttError: A `ParseError`, `ValidationError` or
                `NotFoundError` naming the column and the row.
        """
        try:
            return cls._from_row(row, record_date, ignore)
        except KtttError as error:
            if row_number is None:
                raise
            raise error.at_row(row_number) from None

    @classmethod
    def _from_row(
        cls,
        row: Mapping[str, str | None],
        record_date: pendulum.Date | None,
        ignore: Collection[str],
    ) -> Self:
        cells = row_cells(row, ignore)
        kind_text = cells.pop("kind", None)
        kind = None if kind_text is None else OrganizationKind.parse(kind_text)
        target = row_class(cls, Organization, CLASSES, kind, kind_text)
        fields, counts = read_cells(cells, record_date)
        fields["members"] = build(Members, counts, "members.")
        result = build(target, fields, "")
        if kind is not None and result.kind is not kind:
            raise ValidationError(
                "kind", kind_text, f"this row is not a {result.kind.label_en}"
            )
        return cast("Self", result)


@attrs.frozen(kw_only=True)
class CooperativeGroup(Organization):
    """A cooperative group (tổ hợp tác, THT).

    It has no legal personality: members cooperate under a contract
    (Luật 17/2023/QH15 Điều 4 khoản 21).
    It has no member types either: record all its members as official
    `Members`; a group with associates cannot be built.
    Whether it must register (Điều 107) and whether it may convert into a
    cooperative (Điều 108) are legal rules on the fields below.
    """

    #: Registered with the business registration office; `None` if the
    #: record does not say.
    registered: bool | None = attrs.field(
        default=None, validator=_data.optional(_FLAG)
    )
    #: The day it registered.
    registered_on: pendulum.Date | None = attrs.field(
        default=None, validator=_data.optional(_DATE)
    )
    #: The term of its cooperation contract, in months.
    contract_months: int | None = attrs.field(
        default=None, validator=_data.optional(_data.whole_number(1))
    )
    #: Its cooperation contract has no end date.
    open_ended_contract: bool = attrs.field(default=False, validator=_FLAG)
    #: It is converting into a cooperative (Điều 108).
    converting: bool = attrs.field(default=False, validator=_FLAG)
    #: How many members agree to the conversion.
    members_agreeing: int | None = attrs.field(default=None, validator=_AMOUNT)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        check_group(self)

    @property
    def kind(self) -> OrganizationKind:
        """Always ``OrganizationKind.COOPERATIVE_GROUP``."""
        return OrganizationKind.COOPERATIVE_GROUP


@attrs.frozen(kw_only=True)
class Cooperative(Organization):
    """A cooperative (hợp tác xã, HTX): a legal person owned by its members.

    >>> import pendulum
    >>> htx = Cooperative(
    ...     id="0101234567",
    ...     name="Hợp tác xã Nông nghiệp Tân Tiến",
    ...     province=Province.get("Thái Nguyên"),
    ...     sector=Sector.AGRICULTURE,
    ...     founded=pendulum.Date(2015, 3, 2),
    ...     record_date=pendulum.Date(2024, 6, 30),
    ...     members=Members(official=4, associate_non_capital=12),
    ...     charter_capital=1_500_000_000,
    ... )
    >>> htx.kind.label_vi
    'hợp tác xã'
    >>> findings = check_compliance(htx)
    >>> [finding.rule.code for finding in findings]
    ['htx-min-members-2012']
    >>> finding, = check_compliance(htx, pendulum.Date(2024, 7, 1))
    >>> finding.field, finding.value, finding.limit
    ('members.official', Fraction(4, 1), Fraction(5, 1))
    >>> print(finding.explain("en"))  # doctest: +NORMALIZE_WHITESPACE
    0101234567: number of official members is 4; it must be at least 5
    (17/2023/QH15, Điều 4 khoản 7)
    """

    @property
    def kind(self) -> OrganizationKind:
        """Always ``OrganizationKind.COOPERATIVE``."""
        return OrganizationKind.COOPERATIVE


@attrs.frozen(kw_only=True)
class PeoplesCreditFund(Cooperative):
    """A people's credit fund (quỹ tín dụng nhân dân, QTDND).

    It is a credit cooperative, so it is also a `Cooperative`; its sector
    must be ``Sector.CREDIT``.
    The Law on Credit Institutions and the State Bank's rules prevail over
    the Law on Cooperatives for it (Luật 17/2023/QH15 Điều 3); kttt checks
    only the Law on Cooperatives.
    """

    def __attrs_post_init__(self) -> None:
        if self.sector is not Sector.CREDIT:
            raise ValidationError(
                "sector", self.sector, "a people's credit fund is in credit"
            )
        super().__attrs_post_init__()

    @property
    def kind(self) -> OrganizationKind:
        """Always ``OrganizationKind.PEOPLES_CREDIT_FUND``."""
        return OrganizationKind.PEOPLES_CREDIT_FUND


@attrs.frozen(kw_only=True)
class CooperativeUnion(Organization):
    """A union of cooperatives (liên hiệp hợp tác xã, LHHTX).

    Its official members are cooperatives (Luật 17/2023/QH15 Điều 34.1):
    ``members.official`` counts them, and `member_cooperative_ids` may list
    their registration codes.
    Add a member with `admit`, which refuses anything but a `Cooperative`.
    """

    #: The registration codes of the member cooperatives, or `None` if
    #: the record does not list them.
    member_cooperative_ids: tuple[str, ...] | None = attrs.field(
        default=None,
        converter=optional_ids,
        validator=[
            _data.optional(_data.tuple_of(_TEXT)),
            listed_once("a cooperative is listed only once"),
        ],
    )

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        ids = self.member_cooperative_ids
        if ids is None:
            return
        if self.id in ids:
            raise ValidationError(
                "member_cooperative_ids",
                ids,
                f"a union cannot be its own member ({self.id})",
            )
        if len(ids) != self.members.official:
            raise ValidationError(
                "member_cooperative_ids",
                ids,
                f"lists {len(ids)} cooperatives but the record counts "
                f"{self.members.official} official members",
            )

    @property
    def kind(self) -> OrganizationKind:
        """Always ``OrganizationKind.COOPERATIVE_UNION``."""
        return OrganizationKind.COOPERATIVE_UNION

    def admit(
        self, member: Organization, *, on: pendulum.Date | None = None
    ) -> CooperativeUnion:
        """Return this union with *member* as one more official member.

        The same cooperative cannot be admitted twice, so the union must
        list the codes of its members (in `member_cooperative_ids` or
        `Organization.member_list`), unless it has none yet: the first
        member admitted starts the list.
        A listed member (`Member`) is added to the member list too,
        admitted *on* that day.

        Raises:
            ValidationError: If *member* is not a `Cooperative` (a people's
                credit fund is one), is already a member, or the union does
                not list its members' codes.
        """
        if not isinstance(member, Cooperative):
            raise ValidationError(
                "member",
                member,
                "the official members of a union are cooperatives",
            )
        known = listed_codes(self.member_cooperative_ids, self.member_list)
        if known is None and self.members.official:
            raise ValidationError(
                "member",
                member.id,
                "the union does not list its members' codes, so kttt "
                "cannot tell whether this cooperative is one already",
            )
        if known is not None and member.id in known:
            raise ValidationError(
                "member", member.id, "is a member of the union already"
            )
        ids = self.member_cooperative_ids
        if ids is not None or self.member_list is None:
            ids = (*(ids or ()), member.id)
        listed = self.member_list
        if listed is not None:
            newcomer = Member(
                member_type=MemberType.OFFICIAL,
                person=PersonKind.COOPERATIVE,
                id=member.id,
                admitted=on,
            )
            listed = (*listed, newcomer)
        return attrs.evolve(
            self,
            members=self.members.add(MemberType.OFFICIAL),
            member_cooperative_ids=ids,
            member_list=listed,
        )


#: The validator that refuses anything but an `Organization`.
IS_ORGANIZATION: Final = _data.instance_of(
    Organization, "must be an Organization"
)

#: The record class of each kind kttt models.
CLASSES: Final[Mapping[OrganizationKind, type[Organization]]] = {
    OrganizationKind.COOPERATIVE_GROUP: CooperativeGroup,
    OrganizationKind.COOPERATIVE: Cooperative,
    OrganizationKind.COOPERATIVE_UNION: CooperativeUnion,
    OrganizationKind.PEOPLES_CREDIT_FUND: PeoplesCreditFund,
}
