"""Collective economic organisations and the legal rules they must keep.

Kinds: cooperative groups, cooperatives, unions of cooperatives and people's
credit funds.

Each kind of organisation is a frozen value holding what a registry record
holds (`CooperativeGroup`, `Cooperative`, `CooperativeUnion`,
`PeoplesCreditFund`, all `Organization` values).
Construction refuses only what cannot exist: negative counts or amounts, a
founding date after the date the record describes, more foreign official
members than official members, OCOP stars outside 3–5, a union listing
itself among its member cooperatives.

What real organisations may break for a while (too few members, a member
holding too much of the capital, too many foreign members) is a legal rule,
not an impossibility: `check_compliance` measures an organisation against
the rules of the Law on Cooperatives in force on a date (23/2012/QH13 until
30 June 2024, 17/2023/QH15 from 1 July 2024) and returns `Finding` values
that cite the article.
The rules are data (`legal_rules`, each `LegalRule` with its
`Source`); pass your own (`parse_legal_rules`) to `check_compliance` to
check against other rules.
"""

from __future__ import annotations

import abc
import contextlib
import datetime as dt
import functools
import json
import re

from collections.abc import Callable, Collection, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from typing import Any, Final, Self, TypeVar, cast

import attrs
import pendulum

from kttt._labels import LabelledEnum, localize_digits, pick
from kttt._validators import instance_of, require_date
from kttt.errors import (
    DataError,
    KtttError,
    NotFoundError,
    ParseError,
    UnknownProvinceError,
    ValidationError,
)
from kttt.geography import Era, Province
from kttt.sources import Source
from kttt.text import fold, nfc, parse_flag, parse_number


__all__ = [
    "Cooperative",
    "CooperativeGroup",
    "CooperativeUnion",
    "Finding",
    "LegalRule",
    "Measure",
    "MemberType",
    "Members",
    "OperatingStatus",
    "Organization",
    "OrganizationKind",
    "PeoplesCreditFund",
    "RuleBound",
    "Sector",
    "Severity",
    "check_compliance",
    "legal_rules",
    "parse_legal_rules",
]


class OrganizationKind(LabelledEnum):
    """The legal form of a collective economic organisation."""

    COOPERATIVE_GROUP = "cooperative_group", "tổ hợp tác", "cooperative group"
    COOPERATIVE = "cooperative", "hợp tác xã", "cooperative"
    COOPERATIVE_UNION = (
        "cooperative_union",
        "liên hiệp hợp tác xã",
        "union of cooperatives",
    )
    PEOPLES_CREDIT_FUND = (
        "peoples_credit_fund",
        "quỹ tín dụng nhân dân",
        "people's credit fund",
    )
    COOPERATIVE_BANK = (
        "cooperative_bank",
        "ngân hàng hợp tác xã",
        "cooperative bank",
    )


class Sector(LabelledEnum):
    """The field of activity, as national statistics group cooperatives."""

    AGRICULTURE = "agriculture", "nông nghiệp", "agriculture"
    INDUSTRY_HANDICRAFT = (
        "industry_handicraft",
        "công nghiệp - tiểu thủ công nghiệp",
        "industry and handicraft",
    )
    CONSTRUCTION = "construction", "xây dựng", "construction"
    TRANSPORT = "transport", "vận tải", "transport"
    TRADE_SERVICES = (
        "trade_services",
        "thương mại - dịch vụ",
        "trade and services",
    )
    CREDIT = "credit", "tín dụng", "credit"
    ENVIRONMENT = "environment", "môi trường", "environmental services"
    OTHER = "other", "khác", "other"


class MemberType(LabelledEnum):
    """The kinds of member of the Law on Cooperatives 2023 (Điều 4.17–19)."""

    OFFICIAL = "official", "thành viên chính thức", "official member"
    ASSOCIATE_CAPITAL = (
        "associate_capital",
        "thành viên liên kết góp vốn",
        "associate member contributing capital",
    )
    ASSOCIATE_NON_CAPITAL = (
        "associate_non_capital",
        "thành viên liên kết không góp vốn",
        "associate member not contributing capital",
    )


class OperatingStatus(LabelledEnum):
    """Whether an organisation is operating, suspended or dissolved."""

    OPERATING = "operating", "đang hoạt động", "operating"
    SUSPENDED = "suspended", "tạm ngừng hoạt động", "suspended"
    DISSOLVED = "dissolved", "giải thể", "dissolved"
    BANKRUPT = "bankrupt", "phá sản", "bankrupt"


# --- validators ------------------------------------------------------------


def _check_count(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None and attribute.default is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(attribute.name, value, "must be a whole number")
    if value < 0:
        raise ValidationError(attribute.name, value, "must not be negative")


def _check_signed(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int)
    ):
        raise ValidationError(
            attribute.name, value, "must be a whole number of VND"
        )


def _check_flag(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, bool):
        raise ValidationError(attribute.name, value, "must be True or False")


def _check_date(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None and attribute.default is None:
        return
    require_date(attribute.name, value)


def _nfc_text(value: str) -> str:
    # Non-text values pass through unchanged so that the validator, not
    # unicodedata, reports them.
    try:
        return nfc(value)
    except TypeError:
        return value


def _check_text(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, str):
        raise ValidationError(attribute.name, value, "must be text")
    if not value or value != value.strip():
        raise ValidationError(
            attribute.name,
            value,
            "must not be empty or begin or end with white space",
        )
    if not value.isprintable():
        raise ValidationError(
            attribute.name, value, "must not contain control characters"
        )


def _check_stars(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(attribute.name, value, "must be a whole number")
    if not 3 <= value <= 5:
        raise ValidationError(
            attribute.name, value, "OCOP products are rated 3 to 5 stars"
        )


# --- members ---------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Members:
    """How many members an organisation has, by `MemberType`.

    For a cooperative group (tổ hợp tác), which has no member types, count
    every member as official.
    For a union of cooperatives the official members are its member
    cooperatives.

    >>> Members(official=7, associate_capital=2).total
    9
    """

    #: Official members (thành viên chính thức), the only ones who vote.
    official: int = attrs.field(validator=_check_count)
    #: Associates contributing capital only (thành viên liên kết góp vốn).
    associate_capital: int = attrs.field(default=0, validator=_check_count)
    #: Associates who use services or work without contributing capital
    #: (thành viên liên kết không góp vốn).
    associate_non_capital: int = attrs.field(default=0, validator=_check_count)
    #: How many of the official members are foreign individual investors or
    #: foreign-invested organisations; `None` if the record does not say.
    foreign_official: int | None = attrs.field(
        default=None, validator=_check_count
    )

    def __attrs_post_init__(self) -> None:
        if (
            self.foreign_official is not None
            and self.foreign_official > self.official
        ):
            raise ValidationError(
                "foreign_official",
                self.foreign_official,
                f"cannot exceed the {self.official} official members",
            )

    @property
    def total(self) -> int:
        """Every member, official or associate."""
        return (
            self.official + self.associate_capital + self.associate_non_capital
        )

    def count(self, member_type: MemberType) -> int:
        """Return the number of members of *member_type*.

        >>> Members(official=5, associate_non_capital=3).count(
        ...     MemberType.ASSOCIATE_NON_CAPITAL
        ... )
        3
        """
        return cast("int", getattr(self, _MEMBER_FIELDS[member_type]))

    def add(self, member_type: MemberType, count: int = 1) -> Members:
        """Return these members with *count* more of *member_type*.

        >>> Members(official=4).add(MemberType.OFFICIAL).official
        5

        Raises:
            ValidationError: If the result would be negative.
        """
        field = _MEMBER_FIELDS[member_type]
        return attrs.evolve(self, **{field: self.count(member_type) + count})


_MEMBER_FIELDS: Final = {
    MemberType.OFFICIAL: "official",
    MemberType.ASSOCIATE_CAPITAL: "associate_capital",
    MemberType.ASSOCIATE_NON_CAPITAL: "associate_non_capital",
}


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
    id: str = attrs.field(converter=_nfc_text, validator=_check_text)
    #: The registered name.
    name: str = attrs.field(converter=_nfc_text, validator=_check_text)
    #: The province-level unit of the head office.
    province: Province = attrs.field(
        validator=instance_of(Province, "must be a kttt.Province")
    )
    #: The main field of activity.
    sector: Sector = attrs.field(
        validator=instance_of(Sector, "must be a Sector")
    )
    #: The founding (registration) date.
    founded: pendulum.Date = attrs.field(validator=_check_date)
    #: The date the record describes (its figures are as of this day).
    record_date: pendulum.Date = attrs.field(validator=_check_date)
    #: Members by type.
    members: Members = attrs.field(
        validator=instance_of(Members, "must be a Members value")
    )
    #: The registered charter capital (vốn điều lệ).
    charter_capital: int = attrs.field(validator=_check_count)
    #: The capital members have actually paid in (vốn góp).
    contributed_capital: int | None = attrs.field(
        default=None, validator=_check_count
    )
    #: The largest contribution of one official member.
    largest_member_contribution: int | None = attrs.field(
        default=None, validator=_check_count
    )
    #: The total contributed by associates contributing capital.
    associate_contribution: int | None = attrs.field(
        default=None, validator=_check_count
    )
    #: The total contributed by foreign members, official or associate.
    foreign_contribution: int | None = attrs.field(
        default=None, validator=_check_count
    )
    #: Indivisible assets (tài sản chung không chia).
    indivisible_assets: int | None = attrs.field(
        default=None, validator=_check_count
    )
    #: Revenue of the last fiscal year (doanh thu).
    revenue: int | None = attrs.field(default=None, validator=_check_count)
    #: Profit of the last fiscal year (lợi nhuận), negative for a loss.
    profit: int | None = attrs.field(default=None, validator=_check_signed)
    #: Workers (lao động), members or not.
    workers: int | None = attrs.field(default=None, validator=_check_count)
    #: Tình trạng hoạt động.
    status: OperatingStatus = attrs.field(
        default=OperatingStatus.OPERATING,
        validator=instance_of(OperatingStatus, "must be an OperatingStatus"),
    )
    #: Applies high technology (ứng dụng công nghệ cao).
    applies_high_technology: bool = attrs.field(
        default=False, validator=_check_flag
    )
    #: Linked with enterprises in a value chain (liên kết theo chuỗi giá
    #: trị).
    value_chain_linked: bool = attrs.field(
        default=False, validator=_check_flag
    )
    #: Has gone through digital transformation (chuyển đổi số).
    digital_transformation: bool = attrs.field(
        default=False, validator=_check_flag
    )
    #: The highest OCOP rating of its products (3 to 5 stars), if any.
    ocop_stars: int | None = attrs.field(default=None, validator=_check_stars)
    #: Its products can be traced (truy xuất nguồn gốc).
    traceability: bool = attrs.field(default=False, validator=_check_flag)

    def __attrs_post_init__(self) -> None:
        if self.founded > self.record_date:
            raise ValidationError(
                "founded",
                self.founded,
                f"must not be after the record date {self.record_date}",
            )
        self._check_contributions()

    def _check_contributions(self) -> None:
        for field, holders, what in (
            ("largest_member_contribution", self.members.official, "official"),
            (
                "associate_contribution",
                self.members.associate_capital,
                "capital-associate",
            ),
        ):
            amount = getattr(self, field)
            if amount and not holders:
                raise ValidationError(
                    field, amount, f"the record has no {what} members"
                )
        if self.contributed_capital is None:
            return
        for field in ("largest_member_contribution", "foreign_contribution"):
            amount = getattr(self, field)
            if amount is not None and amount > self.contributed_capital:
                raise ValidationError(
                    field,
                    amount,
                    "cannot exceed the contributed capital "
                    f"{self.contributed_capital}",
                )
        parts = (self.largest_member_contribution or 0) + (
            self.associate_contribution or 0
        )
        if parts > self.contributed_capital:
            raise ValidationError(
                "associate_contribution",
                self.associate_contribution,
                "with the largest official member's contribution it "
                f"cannot exceed the contributed capital "
                f"{self.contributed_capital}",
            )

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
        cells = _cells(row, ignore)
        kind_text = cells.pop("kind", None)
        kind = None if kind_text is None else OrganizationKind.parse(kind_text)
        target = _row_class(cls, kind, kind_text)
        fields: dict[str, object] = {}
        member_counts: dict[str, object] = {}
        for key, (field, reader) in _COLUMNS.items():
            text = cells.pop(key, None)
            if text is None:
                continue
            value = reader(text, field)
            if key.startswith("members."):
                member_counts[field] = value
            else:
                fields[field] = value
        if cells:
            column = next(iter(cells))
            raise ParseError(
                "column",
                column,
                "not a column kttt reads; pass ignore= to skip it",
            )
        if record_date is not None:
            fields.setdefault("record_date", record_date)
        fields["members"] = _build(Members, member_counts, "members.")
        province = fields.pop("province", None)
        if province is not None:
            fields["province"] = _province(
                cast("str", province), fields.get("record_date")
            )
        result = _build(target, fields, "")
        if kind is not None and result.kind is not kind:
            raise ValidationError(
                "kind", kind_text, f"this row is not a {result.kind.label_en}"
            )
        return cast("Self", result)


def _build(cls: type[Any], fields: dict[str, object], prefix: str) -> Any:
    for name, field in attrs.fields_dict(cls).items():
        if field.default is attrs.NOTHING and name not in fields:
            raise ValidationError(
                f"{prefix}{name}", None, "the row has no value for it"
            )
    return cls(**fields)


@attrs.frozen(kw_only=True)
class CooperativeGroup(Organization):
    """A cooperative group (tổ hợp tác, THT).

    It has no legal personality: members cooperate under a contract
    (Luật 17/2023/QH15 Điều 4 khoản 21).
    Record all its members as official `Members`.
    """

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
    ...     record_date=pendulum.Date(2024, 12, 31),
    ...     members=Members(official=4, associate_non_capital=12),
    ...     charter_capital=1_500_000_000,
    ... )
    >>> htx.kind.label_vi
    'hợp tác xã'
    >>> findings = check_compliance(htx, pendulum.Date(2024, 6, 30))
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


def _as_tuple(value: object) -> tuple[object, ...] | None:
    return (
        cast("tuple[object, ...]", value) if isinstance(value, tuple) else None
    )


def _check_member_ids(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        return
    codes = _as_tuple(value)
    if codes is None:
        raise ValidationError(
            attribute.name, value, "must be a tuple of codes"
        )
    for code in codes:
        _check_text(None, attribute, code)
    if len(set(codes)) != len(codes):
        raise ValidationError(
            attribute.name, value, "a cooperative is listed only once"
        )


def _optional_ids(value: Iterable[str] | None) -> tuple[str, ...] | None:
    # Text is not taken for a sequence of one-letter codes: the validator
    # refuses it, like anything else that is not a sequence of codes.
    if value is None or isinstance(value, str):
        return cast("tuple[str, ...] | None", value)
    try:
        return tuple(_nfc_text(code) for code in value)
    except TypeError:
        return cast("tuple[str, ...]", value)


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
        default=None, converter=_optional_ids, validator=_check_member_ids
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

    def admit(self, member: Organization) -> CooperativeUnion:
        """Return this union with *member* as one more official member.

        Raises:
            ValidationError: If *member* is not a `Cooperative` (a people's
                credit fund is one), or is already listed.
        """
        if not isinstance(member, Cooperative):
            raise ValidationError(
                "member",
                member,
                "the official members of a union are cooperatives",
            )
        ids = self.member_cooperative_ids
        return attrs.evolve(
            self,
            members=self.members.add(MemberType.OFFICIAL),
            member_cooperative_ids=None if ids is None else (*ids, member.id),
        )


_CLASSES: Final[Mapping[OrganizationKind, type[Organization]]] = {
    OrganizationKind.COOPERATIVE_GROUP: CooperativeGroup,
    OrganizationKind.COOPERATIVE: Cooperative,
    OrganizationKind.COOPERATIVE_UNION: CooperativeUnion,
    OrganizationKind.PEOPLES_CREDIT_FUND: PeoplesCreditFund,
}


# --- reading registry rows -------------------------------------------------


def _read_text(text: str, _: str) -> str:
    return text


def _read_decimal(text: str, field: str) -> Decimal:
    value = parse_number(text, field=field)
    if value != value.to_integral_value():
        raise ParseError(field, text, "must be a whole number")
    return value


def _read_int(text: str, field: str) -> int:
    return int(_read_decimal(text, field))


def _read_stars(text: str, field: str) -> int:
    folded = fold(text)
    for suffix in (" sao", " stars", " star"):
        folded = folded.removesuffix(suffix)
    return _read_int(folded, field)


def _read_flag(text: str, field: str) -> bool:
    return parse_flag(text, field=field)


_DATE: Final = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def _read_date(text: str, field: str) -> pendulum.Date:
    try:
        match = _DATE.fullmatch(text)
        if match:
            day, month, year = (int(part) for part in match.groups())
            return pendulum.Date(year, month, day)
        iso = dt.date.fromisoformat(text)
    except ValueError:
        raise ParseError(
            field, text, "a date is dd/mm/yyyy or yyyy-mm-dd"
        ) from None
    return pendulum.Date(iso.year, iso.month, iso.day)


def _read_ids(text: str, _: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in re.split(r"[;,]", text))


def _enum_reader(
    enum: type[LabelledEnum],
) -> Callable[[str, str], LabelledEnum]:
    def read(text: str, field: str) -> LabelledEnum:
        try:
            return enum.parse(text)
        except ParseError as error:
            raise ParseError(field, text, error.rule) from None

    return read


_Reader = Callable[[str, str], object]

#: Column key -> (field name, reader, extra headers).
_COLUMN_SPECS: Final[tuple[tuple[str, str, _Reader, tuple[str, ...]], ...]] = (
    ("id", "id", _read_text, ("mã số", "mã số đăng ký", "mã số thuế")),
    ("name", "name", _read_text, ("tên", "tên tổ chức", "tên hợp tác xã")),
    ("province", "province", _read_text, ("tỉnh", "tỉnh/thành phố")),
    ("sector", "sector", _enum_reader(Sector), ("lĩnh vực", "ngành")),
    ("founded", "founded", _read_date, ("ngày thành lập",)),
    ("record_date", "record_date", _read_date, ("ngày số liệu",)),
    (
        "members.official",
        "official",
        _read_int,
        (MemberType.OFFICIAL.label_vi, "official_members"),
    ),
    (
        "members.associate_capital",
        "associate_capital",
        _read_int,
        (MemberType.ASSOCIATE_CAPITAL.label_vi, "associate_capital_members"),
    ),
    (
        "members.associate_non_capital",
        "associate_non_capital",
        _read_int,
        (
            MemberType.ASSOCIATE_NON_CAPITAL.label_vi,
            "associate_non_capital_members",
        ),
    ),
    (
        "members.foreign_official",
        "foreign_official",
        _read_int,
        ("thành viên chính thức nước ngoài", "foreign_official_members"),
    ),
    ("charter_capital", "charter_capital", _read_int, ("vốn điều lệ",)),
    ("contributed_capital", "contributed_capital", _read_int, ("vốn góp",)),
    (
        "largest_member_contribution",
        "largest_member_contribution",
        _read_int,
        ("vốn góp lớn nhất của một thành viên",),
    ),
    (
        "associate_contribution",
        "associate_contribution",
        _read_int,
        ("vốn góp của thành viên liên kết",),
    ),
    (
        "foreign_contribution",
        "foreign_contribution",
        _read_int,
        ("vốn góp nước ngoài",),
    ),
    (
        "indivisible_assets",
        "indivisible_assets",
        _read_int,
        ("tài sản không chia", "tài sản chung không chia"),
    ),
    ("revenue", "revenue", _read_int, ("doanh thu",)),
    ("profit", "profit", _read_int, ("lợi nhuận",)),
    ("workers", "workers", _read_int, ("lao động", "số lao động")),
    (
        "status",
        "status",
        _enum_reader(OperatingStatus),
        ("tình trạng", "tình trạng hoạt động"),
    ),
    (
        "applies_high_technology",
        "applies_high_technology",
        _read_flag,
        ("ứng dụng công nghệ cao",),
    ),
    (
        "value_chain_linked",
        "value_chain_linked",
        _read_flag,
        ("liên kết chuỗi giá trị", "liên kết theo chuỗi giá trị"),
    ),
    (
        "digital_transformation",
        "digital_transformation",
        _read_flag,
        ("chuyển đổi số",),
    ),
    ("ocop_stars", "ocop_stars", _read_stars, ("ocop", "sao ocop")),
    ("traceability", "traceability", _read_flag, ("truy xuất nguồn gốc",)),
    (
        "member_cooperative_ids",
        "member_cooperative_ids",
        _read_ids,
        ("hợp tác xã thành viên", "mã hợp tác xã thành viên"),
    ),
)

#: Column key -> (field name, reader), in reading order.
_COLUMNS: Final = {key: (field, read) for key, field, read, _ in _COLUMN_SPECS}

#: Folded header -> column key.
_HEADERS: Final = {
    fold(header): key
    for key, field, _, extra in _COLUMN_SPECS
    for header in (key, field, *extra)
} | {"kind": "kind", "loai hinh": "kind"}


def _cells(
    row: Mapping[str, str | None], ignore: Collection[str]
) -> dict[str, str]:
    if not isinstance(cast("object", row), Mapping):
        raise ParseError("row", row, "a row maps column names to cell text")
    skipped = {fold(name) for name in ignore}
    cells: dict[str, str] = {}
    seen: set[str] = set()
    for header, cell in cast("Mapping[object, object]", row).items():
        if not isinstance(header, str):
            raise ParseError(
                "column", header, "a row has more cells than headers"
            )
        folded = fold(header)
        if folded in skipped:
            continue
        if cell is not None and not isinstance(cell, str):
            raise ParseError(header, cell, "a cell holds text")
        key = _HEADERS.get(folded, header)
        if key in seen:
            raise ParseError("column", header, "the row has it twice")
        seen.add(key)
        text = nfc(cell or "").strip()
        if text:
            cells[key] = text
    return cells


def _row_class(
    cls: type[Organization],
    kind: OrganizationKind | None,
    kind_text: str | None,
) -> type[Organization]:
    if cls is not Organization:
        return cls
    if kind is None:
        raise ValidationError(
            "kind", None, "the row must say which kind of organisation"
        )
    target = _CLASSES.get(kind)
    if target is None:
        raise NotFoundError(
            "kind", kind_text, "kttt has no record type for this kind"
        )
    return target


def _province(text: str, record_date: object) -> Province:
    if isinstance(record_date, pendulum.Date):
        with contextlib.suppress(UnknownProvinceError):
            return Province.get(text, era=Era.on(record_date))
    return Province.get(text)


# --- legal rules -----------------------------------------------------------


class Severity(LabelledEnum):
    """How serious a `Finding` is."""

    VIOLATION = "violation", "vi phạm", "violation"
    WARNING = "warning", "cảnh báo", "warning"


class RuleBound(LabelledEnum):
    """How a `LegalRule` compares the measured value with its limit."""

    AT_LEAST = "at_least", "ít nhất", "at least"
    AT_MOST = "at_most", "không quá", "at most"
    BELOW = "below", "dưới", "below"

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
        return value < limit


class Measure(LabelledEnum):
    """What a `LegalRule` measures on an organisation.

    Shares are exact fractions (``3/10`` is 30 %) of the charter capital or
    of the official members; a share of zero is not defined, so a rule on
    it is skipped when the charter capital or the official members are 0.
    """

    OFFICIAL_MEMBERS = (
        "official_members",
        "số thành viên chính thức",
        "number of official members",
    )
    LARGEST_MEMBER_CAPITAL_SHARE = (
        "largest_member_capital_share",
        "tỷ lệ vốn góp của một thành viên chính thức trên vốn điều lệ",
        (
            "largest contribution of one official member, share of charter "
            "capital"
        ),
    )
    ASSOCIATE_CAPITAL_SHARE = (
        "associate_capital_share",
        "tỷ lệ vốn góp của thành viên liên kết góp vốn trên vốn điều lệ",
        "contribution of capital-associate members, share of charter capital",
    )
    FOREIGN_CAPITAL_SHARE = (
        "foreign_capital_share",
        "tỷ lệ vốn góp của thành viên nước ngoài trên vốn điều lệ",
        "contribution of foreign members, share of charter capital",
    )
    FOREIGN_OFFICIAL_MEMBER_SHARE = (
        "foreign_official_member_share",
        "tỷ lệ thành viên chính thức nước ngoài",
        "foreign share of the official members",
    )
    CAPITAL_ABOVE_CHARTER_SHARE = (
        "capital_above_charter_share",
        "phần vốn góp vượt vốn điều lệ, tỷ lệ trên vốn điều lệ",
        "contributed capital above the charter capital, share of it",
    )
    CAPITAL_ABOVE_CHARTER_VND = (
        "capital_above_charter_vnd",
        "phần vốn góp vượt vốn điều lệ (đồng)",
        "contributed capital above the charter capital (VND)",
    )

    @property
    def field(self) -> str:
        """The field of `Organization` it reads (dotted for `Members`)."""
        return _MEASURES[self][0]

    def of(self, organization: Organization) -> Fraction | None:
        """Measure *organization*; `None` if its record does not allow it."""
        return _MEASURES[self][1](organization)


def _share(part: int | None, whole: int | None) -> Fraction | None:
    if part is None or not whole:
        return None
    return Fraction(part, whole)


def _above_charter(org: Organization) -> int | None:
    if org.contributed_capital is None:
        return None
    return org.contributed_capital - org.charter_capital


def _above_charter_share(org: Organization) -> Fraction | None:
    return _share(_above_charter(org), org.charter_capital)


def _above_charter_vnd(org: Organization) -> Fraction | None:
    excess = _above_charter(org)
    return None if excess is None else Fraction(excess)


_MEASURES: Final[
    Mapping[Measure, tuple[str, Callable[[Organization], Fraction | None]]]
] = {
    Measure.OFFICIAL_MEMBERS: (
        "members.official",
        lambda org: Fraction(org.members.official),
    ),
    Measure.LARGEST_MEMBER_CAPITAL_SHARE: (
        "largest_member_contribution",
        lambda org: _share(
            org.largest_member_contribution, org.charter_capital
        ),
    ),
    Measure.ASSOCIATE_CAPITAL_SHARE: (
        "associate_contribution",
        lambda org: _share(org.associate_contribution, org.charter_capital),
    ),
    Measure.FOREIGN_CAPITAL_SHARE: (
        "foreign_contribution",
        lambda org: _share(org.foreign_contribution, org.charter_capital),
    ),
    Measure.FOREIGN_OFFICIAL_MEMBER_SHARE: (
        "members.foreign_official",
        lambda org: _share(org.members.foreign_official, org.members.official),
    ),
    Measure.CAPITAL_ABOVE_CHARTER_SHARE: (
        "contributed_capital",
        _above_charter_share,
    ),
    Measure.CAPITAL_ABOVE_CHARTER_VND: (
        "contributed_capital",
        _above_charter_vnd,
    ),
}


def _check_kinds(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    kinds = _as_tuple(value)
    if not kinds:
        raise ValidationError(
            attribute.name, value, "must be a non-empty tuple of kinds"
        )
    if not all(isinstance(kind, OrganizationKind) for kind in kinds):
        raise ValidationError(
            attribute.name, value, "must hold OrganizationKind members"
        )
    if len(set(kinds)) != len(kinds):
        raise ValidationError(attribute.name, value, "lists a kind twice")


def _check_limit(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, Fraction) or value < 0:
        raise ValidationError(
            attribute.name, value, "must be a Fraction of at least 0"
        )


@attrs.frozen(kw_only=True)
class LegalRule:
    """One legal rule an organisation may break, with its source.

    A rule applies to the `kinds` it lists on the days from
    `in_force_from` up to (not including) `in_force_until`, and holds when
    its `measure` of an organisation keeps within `limit` by `bound`.

    >>> rule = legal_rules()[0]
    >>> rule.law, rule.article, rule.bound.value, rule.limit
    ('23/2012/QH13', 'Điều 3 khoản 1', 'at_least', Fraction(7, 1))
    """

    #: A stable identifier.
    code: str = attrs.field(validator=_check_text)
    #: The document number of the law (``"17/2023/QH15"``).
    law: str = attrs.field(converter=_nfc_text, validator=_check_text)
    #: The article and clause (``"Điều 4 khoản 7"``).
    article: str = attrs.field(converter=_nfc_text, validator=_check_text)
    #: The kinds of organisation it applies to.
    kinds: tuple[OrganizationKind, ...] = attrs.field(validator=_check_kinds)
    #: What it measures.
    measure: Measure = attrs.field(
        validator=instance_of(Measure, "must be a Measure")
    )
    #: How the measured value compares with the limit.
    bound: RuleBound = attrs.field(
        validator=instance_of(RuleBound, "must be a RuleBound")
    )
    #: The limit, a count, a share (``3/10``) or an amount of VND.
    limit: Fraction = attrs.field(validator=_check_limit)
    #: How serious a breach is.
    severity: Severity = attrs.field(
        validator=instance_of(Severity, "must be a Severity")
    )
    #: The first day the rule applies.
    in_force_from: pendulum.Date = attrs.field(validator=_check_date)
    #: The first day it no longer applies; `None` while in force.
    in_force_until: pendulum.Date | None = attrs.field(
        default=None, validator=_check_date
    )
    #: The rule in Vietnamese.
    text_vi: str = attrs.field(converter=_nfc_text, validator=_check_text)
    #: The rule in English.
    text_en: str = attrs.field(validator=_check_text)
    #: Where the rule is written.
    source: Source = attrs.field(
        validator=instance_of(Source, "must be a kttt.sources.Source")
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

    def applies(self, kind: OrganizationKind, as_of: pendulum.Date) -> bool:
        """Tell whether the rule applies to *kind* on *as_of*."""
        return (
            kind in self.kinds
            and self.in_force_from <= as_of
            and (self.in_force_until is None or as_of < self.in_force_until)
        )

    def text(self, lang: str = "vi") -> str:
        """Return the rule in *lang*, ``"vi"`` or ``"en"``."""
        return pick(lang, self.text_vi, self.text_en)


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
        validator=instance_of(LegalRule, "must be a LegalRule")
    )
    #: The registration code of the organisation.
    organization_id: str = attrs.field(
        converter=_nfc_text, validator=_check_text
    )
    #: The date it was checked at (which decides the law in force).
    as_of: pendulum.Date = attrs.field(validator=_check_date)
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


# --- loading rules ---------------------------------------------------------

_RULE_KEYS: Final = frozenset(
    {
        "code",
        "source",
        "article",
        "kinds",
        "measure",
        "bound",
        "limit",
        "severity",
        "in_force_from",
        "in_force_until",
        "text_vi",
        "text_en",
    }
)
_SOURCE_KEYS: Final = frozenset(
    {"document", "title", "url", "retrieved", "note"}
)


def parse_legal_rules(
    text: str, *, origin: str = "<string>"
) -> tuple[LegalRule, ...]:
    """Read legal rules from JSON shaped like the built-in file.

    The built-in file (``kttt/data/organizations/legal_rules.json``, read
    by `legal_rules`) shows the shape: an object with
    ``sources`` (key to a `Source`: ``document`` is the law's number,
    plus ``title``, ``url``, ``retrieved``, ``note``) and ``rules`` (each
    with ``code``, ``source`` (a key of ``sources``), ``article``,
    ``kinds``, ``measure``, ``bound``, ``limit``, ``severity``,
    ``in_force_from``, optional ``in_force_until``, ``text_vi``,
    ``text_en``), using the codes of the enumerations.

    Args:
        text: The JSON text.
        origin: The file name to put into errors.

    Raises:
        DataError: Naming the file, the rule (as its row, counting from 1),
            the field and the value.
    """
    try:
        data: object = json.loads(text)
    except (json.JSONDecodeError, TypeError) as error:
        raise DataError(origin, str(text)[:80], f"not JSON: {error}") from None
    if not isinstance(data, dict):
        raise DataError(origin, data, "must be a JSON object")
    document = cast("dict[str, object]", data)
    sources = _rule_sources(document.get("sources"), origin)
    rows = document.get("rules")
    if not isinstance(rows, list):
        raise DataError(f"{origin}:rules", rows, "must be a list of rules")
    rules: list[LegalRule] = []
    codes: set[str] = set()
    for number, row in enumerate(cast("list[object]", rows), start=1):
        try:
            rule = _legal_rule(row, sources)
        except KtttError as error:
            raise DataError(
                f"{origin}:{error.field}", error.value, error.rule, row=number
            ) from None
        if rule.code in codes:
            raise DataError(
                f"{origin}:code", rule.code, "two rules have it", row=number
            )
        codes.add(rule.code)
        rules.append(rule)
    return tuple(rules)


def _rule_sources(value: object, origin: str) -> dict[str, dict[str, object]]:
    if not isinstance(value, dict):
        raise DataError(f"{origin}:sources", value, "must be an object")
    sources = cast("dict[str, object]", value)
    for key, source in sources.items():
        keys = cast("dict[str, object]", source)
        if not isinstance(source, dict) or not _SOURCE_KEYS.issuperset(keys):
            raise DataError(
                f"{origin}:sources.{key}",
                keys,
                "a source has document, title, url, retrieved and note",
            )
    return cast("dict[str, dict[str, object]]", sources)


def _legal_rule(
    row: object, sources: Mapping[str, Mapping[str, object]]
) -> LegalRule:
    if not isinstance(row, dict):
        raise ValidationError("rule", row, "must be an object")
    fields = cast("dict[str, object]", row)
    extra = sorted(fields.keys() - _RULE_KEYS)
    if extra:
        raise ValidationError(extra[0], fields[extra[0]], "not a rule field")
    missing = sorted(_RULE_KEYS - fields.keys() - {"in_force_until"})
    if missing:
        raise ValidationError(missing[0], None, "a rule needs it")
    source_key = fields["source"]
    source = sources.get(source_key) if isinstance(source_key, str) else None
    if source is None:
        raise ValidationError("source", source_key, "not a key of sources")
    article = fields["article"]
    kinds = fields["kinds"]
    if not isinstance(kinds, list):
        raise ValidationError("kinds", kinds, "must be a list of kinds")
    return LegalRule(
        code=_json_text("code", fields["code"]),
        law=_json_text("source.document", source.get("document")),
        article=_json_text("article", article),
        kinds=tuple(
            _code(OrganizationKind, "kinds", kind)
            for kind in cast("list[object]", kinds)
        ),
        measure=_code(Measure, "measure", fields["measure"]),
        bound=_code(RuleBound, "bound", fields["bound"]),
        limit=_json_fraction("limit", fields["limit"]),
        severity=_code(Severity, "severity", fields["severity"]),
        in_force_from=_json_date("in_force_from", fields["in_force_from"]),
        in_force_until=_json_optional_date(
            "in_force_until", fields.get("in_force_until")
        ),
        text_vi=_json_text("text_vi", fields["text_vi"]),
        text_en=_json_text("text_en", fields["text_en"]),
        source=Source(
            document=_json_text("source.document", source.get("document")),
            clause=_json_text("article", article),
            title=_json_optional_text("source.title", source.get("title")),
            url=_json_optional_text("source.url", source.get("url")),
            retrieved=_json_optional_date(
                "source.retrieved", source.get("retrieved")
            ),
            note=_json_optional_text("source.note", source.get("note")),
        ),
    )


_E = TypeVar("_E", bound=LabelledEnum)


def _code(enum: type[_E], field: str, value: object) -> _E:
    try:
        return enum(_json_text(field, value))
    except ValueError:
        choices = ", ".join(member.value for member in enum)
        raise ValidationError(
            field, value, f"must be one of: {choices}"
        ) from None


def _json_text(field: str, value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError(field, value, "must be text")
    return value


def _json_optional_text(field: str, value: object) -> str | None:
    return None if value is None else _json_text(field, value)


def _json_fraction(field: str, value: object) -> Fraction:
    try:
        return Fraction(_json_text(field, value))
    except (ValueError, ZeroDivisionError):
        raise ValidationError(
            field, value, "must be a number or a fraction such as '3/10'"
        ) from None


def _json_date(field: str, value: object) -> pendulum.Date:
    try:
        day = dt.date.fromisoformat(_json_text(field, value))
    except ValueError:
        raise ValidationError(field, value, "must be 'YYYY-MM-DD'") from None
    return pendulum.Date(day.year, day.month, day.day)


def _json_optional_date(field: str, value: object) -> pendulum.Date | None:
    return None if value is None else _json_date(field, value)


@functools.cache
def legal_rules() -> tuple[LegalRule, ...]:
    """Return the built-in rules of the Laws on Cooperatives 2012 and 2023.

    They are read once from ``kttt/data/organizations/legal_rules.json``,
    which names each rule's source and lists what is left out for lack of
    one.

    >>> len(legal_rules())
    14
    """
    path = ("data", "organizations", "legal_rules.json")
    text = resources.files("kttt").joinpath(*path).read_text(encoding="utf-8")
    return parse_legal_rules(text, origin="kttt/" + "/".join(path))


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
    require_date("as_of", as_of)
    if as_of < organization.founded:
        raise ValidationError(
            "as_of",
            as_of,
            f"is before the organisation was founded ({organization.founded})",
        )
    if organization.status in _ENDED:
        return ()
    findings: list[Finding] = []
    for rule in legal_rules() if rules is None else rules:
        if not isinstance(cast("object", rule), LegalRule):
            raise ValidationError("rules", rule, "must hold LegalRule values")
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
