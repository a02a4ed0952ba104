"""Tests of kttt.organizations: the records, their invariants and from_row."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import attrs
import pendulum
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from kttt import strategies as kst
from kttt.errors import (
    KtttError,
    NotFoundError,
    ParseError,
    UnknownProvinceError,
    ValidationError,
)
from kttt.geography import Era, Province
from kttt.organizations import (
    OCOP_STARS,
    Cooperative,
    CooperativeGroup,
    CooperativeUnion,
    Member,
    Members,
    MemberType,
    OperatingStatus,
    Organization,
    OrganizationKind,
    PeoplesCreditFund,
    PersonKind,
    Sector,
    configure_converter,
)
from kttt.serialization import (
    from_csv,
    from_json,
    make_converter,
    structure,
    to_csv,
    to_json,
)


DAY = pendulum.Date(2024, 12, 31)


def _fields(**overrides):
    fields = {
        "id": "0101234567",
        "name": "Hợp tác xã Nông nghiệp Tân Tiến",
        "province": Province.get("Thái Nguyên"),
        "sector": Sector.AGRICULTURE,
        "founded": pendulum.Date(2015, 3, 2),
        "record_date": DAY,
        "members": Members(official=9, associate_capital=2),
        "charter_capital": 1_000_000_000,
    }
    return fields | overrides


def _coop(**overrides):
    return Cooperative(**_fields(**overrides))


def _union(**overrides):
    return CooperativeUnion(
        **_fields(id="LH-01", name="Liên hiệp HTX Thái Nguyên") | overrides
    )


# --- kinds and members -----------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "kind", "extra"),
    [
        (
            CooperativeGroup,
            OrganizationKind.COOPERATIVE_GROUP,
            {"members": Members(official=9)},
        ),
        (Cooperative, OrganizationKind.COOPERATIVE, {}),
        (CooperativeUnion, OrganizationKind.COOPERATIVE_UNION, {}),
        (
            PeoplesCreditFund,
            OrganizationKind.PEOPLES_CREDIT_FUND,
            {"sector": Sector.CREDIT},
        ),
    ],
)
def test_kind(cls, kind, extra):
    """Each class reports its legal form."""
    assert kind is cls(**_fields(**extra)).kind


def test_credit_fund_is_a_cooperative():
    """A people's credit fund is a credit cooperative."""
    fund = PeoplesCreditFund(**_fields(sector=Sector.CREDIT))

    assert isinstance(fund, Cooperative)


def test_credit_fund_sector():
    """A people's credit fund outside the credit sector cannot exist."""
    with pytest.raises(ValidationError, match="sector"):
        PeoplesCreditFund(**_fields())


def test_organization_is_abstract():
    """Only the four kinds of record can be built."""
    with pytest.raises(TypeError):
        Organization(**_fields())  # type: ignore[abstract]


def test_members_total_and_count():
    """Members count by type and in total."""
    members = Members(official=7, associate_capital=2, associate_non_capital=3)

    assert (12, 7, 2, 3) == (
        members.total,
        members.count(MemberType.OFFICIAL),
        members.count(MemberType.ASSOCIATE_CAPITAL),
        members.count(MemberType.ASSOCIATE_NON_CAPITAL),
    )


def test_members_add():
    """Adding members returns a new value and keeps the others."""
    members = Members(official=4, associate_capital=1, foreign_official=1)

    assert Members(
        official=5, associate_capital=1, foreign_official=1
    ) == members.add(MemberType.OFFICIAL)


def test_members_add_below_zero():
    """Removing more members than there are is refused."""
    with pytest.raises(ValidationError, match="associate_capital"):
        Members(official=4).add(MemberType.ASSOCIATE_CAPITAL, -1)


@pytest.mark.parametrize(
    "fields",
    [
        {"official": -1},
        {"official": True},
        {"official": 1.0},
        {"official": 3, "associate_capital": -2},
        {"official": 3, "associate_non_capital": "2"},
        {"official": 3, "foreign_official": -1},
    ],
)
def test_members_impossible(fields):
    """Negative or non-whole counts cannot exist."""
    with pytest.raises(ValidationError) as info:
        Members(**fields)

    assert info.value.field in fields


def test_more_foreign_than_official():
    """Foreign official members are among the official members."""
    with pytest.raises(ValidationError, match="foreign_official"):
        Members(official=3, foreign_official=4)


# --- impossible records ----------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", ""),
        ("id", " 0101"),
        ("id", 101),
        ("name", "HTX\nTân Tiến"),
        ("name", "   "),
        ("province", "Thái Nguyên"),
        ("sector", "agriculture"),
        ("founded", dt.date(2015, 3, 2)),
        ("founded", pendulum.datetime(2015, 3, 2)),
        ("record_date", "2024-12-31"),
        ("members", 9),
        ("charter_capital", -1),
        ("charter_capital", None),
        ("contributed_capital", -5),
        ("revenue", -1),
        ("profit", 1.5),
        ("profit", False),
        ("workers", -3),
        ("status", "operating"),
        ("applies_high_technology", 1),
        ("ocop_stars", 2),
        ("ocop_stars", 6),
        ("ocop_stars", "4"),
    ],
)
def test_impossible_field(field, value):
    """A wrong value raises a ValidationError naming its field."""
    with pytest.raises(ValidationError) as info:
        _coop(**{field: value})

    assert field == info.value.field
    assert field in str(info.value)


def test_founded_after_record_date():
    """An organisation cannot be founded after the day its record shows."""
    with pytest.raises(ValidationError, match="founded"):
        _coop(founded=DAY.add(days=1))


def test_founded_on_record_date():
    """A record may describe the founding day itself."""
    assert DAY == _coop(founded=DAY).founded


def test_profit_may_be_negative():
    """A loss is a negative profit."""
    assert -250_000_000 == _coop(profit=-250_000_000).profit


@pytest.mark.parametrize("stars", [None, *OCOP_STARS])
def test_ocop_stars(stars):
    """OCOP ratings are 3 to 5 stars, or none."""
    assert stars == _coop(ocop_stars=stars).ocop_stars


@pytest.mark.parametrize("stars", [2, 6])
def test_ocop_stars_out_of_range(stars):
    """The error says what the range is."""
    with pytest.raises(ValidationError, match="rated 3 to 5 stars"):
        _coop(ocop_stars=stars)


def test_contributed_above_charter_is_possible():
    """Capital paid in above the charter is a registration matter."""
    htx = _coop(charter_capital=100, contributed_capital=150)

    assert 150 == htx.contributed_capital


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (
            {
                "members": Members(official=0),
                "largest_member_contribution": 1,
            },
            "largest_member_contribution",
        ),
        (
            {"members": Members(official=5), "associate_contribution": 1},
            "associate_contribution",
        ),
        (
            {"contributed_capital": 10, "largest_member_contribution": 11},
            "largest_member_contribution",
        ),
        (
            {"contributed_capital": 10, "foreign_contribution": 11},
            "foreign_contribution",
        ),
        (
            {
                "contributed_capital": 10,
                "largest_member_contribution": 6,
                "associate_contribution": 5,
            },
            "associate_contribution",
        ),
    ],
)
def test_contributions_that_cannot_fit(fields, field):
    """Contributions of members who are not there, or above the total."""
    with pytest.raises(ValidationError) as info:
        _coop(**fields)

    assert field == info.value.field


def test_contributions_that_fit():
    """The largest share and the associates' fill the capital exactly."""
    htx = _coop(
        contributed_capital=10,
        largest_member_contribution=6,
        associate_contribution=4,
        foreign_contribution=10,
        members=Members(official=5, associate_capital=1),
    )

    assert 10 == htx.largest_member_contribution + htx.associate_contribution


def test_zero_contributions_need_no_members():
    """A recorded zero needs nobody to have contributed it."""
    htx = _coop(
        members=Members(official=0),
        largest_member_contribution=0,
        associate_contribution=0,
    )

    assert 0 == htx.largest_member_contribution


def test_text_is_nfc():
    """Names given in NFD are stored in NFC."""
    name = unicodedata.normalize("NFD", "Hợp tác xã Đồng Tâm")

    assert "Hợp tác xã Đồng Tâm" == _coop(name=name).name


# --- unions ----------------------------------------------------------------


def test_union_member_ids():
    """A union may list its member cooperatives, one code each."""
    union = _union(
        members=Members(official=3), member_cooperative_ids=["A", "B", "C"]
    )

    assert ("A", "B", "C") == union.member_cooperative_ids


@pytest.mark.parametrize(
    "ids",
    [
        ("A", "B"),
        ("A", "A", "B"),
        ("A", "B", "LH-01"),
        ("A", "B", ""),
        ("A", "B", 3),
        "ABC",
        3,
    ],
)
def test_union_impossible_member_ids(ids):
    """Codes that disagree with the count, repeat, or name the union."""
    with pytest.raises(ValidationError, match="member_cooperative_ids"):
        _union(members=Members(official=3), member_cooperative_ids=ids)


def test_admit_cooperative():
    """Admitting a cooperative adds an official member and its code."""
    union = _union(
        members=Members(official=2), member_cooperative_ids=("A", "B")
    )

    admitted = union.admit(_coop())

    assert (3, ("A", "B", "0101234567")) == (
        admitted.members.official,
        admitted.member_cooperative_ids,
    )


def test_admit_credit_fund():
    """A credit fund is a cooperative, so a union admits it."""
    fund = PeoplesCreditFund(**_fields(sector=Sector.CREDIT))
    union = _union(members=Members(official=1), member_cooperative_ids=("A",))

    admitted = union.admit(fund)

    assert (2, ("A", "0101234567")) == (
        admitted.members.official,
        admitted.member_cooperative_ids,
    )


def test_admit_without_codes():
    """Without its members' codes a union cannot tell a newcomer apart."""
    with pytest.raises(ValidationError, match="cannot tell") as info:
        _union(members=Members(official=2)).admit(_coop())

    assert ("member", "0101234567") == (info.value.field, info.value.value)


def test_admit_first_member_starts_the_list():
    """A union with no members yet lists the first one it admits."""
    union = _union(members=Members(official=0))

    admitted = union.admit(_coop()).admit(_coop(id="0202"))

    assert ("0101234567", "0202") == admitted.member_cooperative_ids


@pytest.mark.parametrize("member", ["group", "union", "text"])
def test_admit_only_cooperatives(member):
    """The official members of a union are cooperatives."""
    candidates = {
        "group": CooperativeGroup(**_fields(members=Members(official=3))),
        "union": _union(id="LH-02"),
        "text": "0101234567",
    }

    with pytest.raises(ValidationError, match="cooperatives"):
        _union().admit(candidates[member])


@pytest.mark.parametrize(
    "union",
    [
        {"member_cooperative_ids": ("0101234567",)},
        {
            "member_list": (
                Member(
                    member_type=MemberType.OFFICIAL,
                    person=PersonKind.COOPERATIVE,
                    id="0101234567",
                ),
            )
        },
    ],
    ids=["codes", "member list"],
)
def test_admit_twice(union):
    """A cooperative cannot join the same union twice, however it is listed."""
    listed = _union(members=Members(official=1), **union)

    with pytest.raises(ValidationError, match="already") as info:
        listed.admit(_coop())

    assert "member" == info.value.field


def test_admit_into_a_member_list():
    """A union listing its members lists the newcomer, admitted that day."""
    founder = Member(
        member_type=MemberType.OFFICIAL, person=PersonKind.COOPERATIVE, id="A"
    )
    union = _union(members=Members(official=1), member_list=(founder,))

    admitted = union.admit(_coop(), on=pendulum.Date(2024, 5, 1))

    assert (None, ("A", "0101234567"), pendulum.Date(2024, 5, 1)) == (
        admitted.member_cooperative_ids,
        tuple(m.id for m in admitted.member_list),
        admitted.member_list[-1].admitted,
    )


# --- from_row --------------------------------------------------------------

ROW = {
    "STT": "1",
    "Mã số": "4600123456",
    "Tên": "Hợp tác xã Chè Tân Cương",
    "Tỉnh": "Thái Nguyên",
    "Lĩnh vực": "Nông nghiệp",
    "Ngày thành lập": "02/03/2015",
    "Ngày số liệu": "31/12/2024",
    "Thành viên chính thức": "1.245",
    "Thành viên liên kết góp vốn": "12",
    "Thành viên liên kết không góp vốn": "",
    "Vốn điều lệ": "1,5 tỷ",
    "Vốn góp": "1.200.000.000",
    "Doanh thu": "3,2 tỷ",
    "Lợi nhuận": "-150.000.000",
    "Lao động": "37",
    "Tình trạng": "Đang hoạt động",
    "Ứng dụng công nghệ cao": "có",
    "Chuyển đổi số": "không",
    "OCOP": "4 sao",
    "Truy xuất nguồn gốc": "x",
}


def test_from_row_vietnamese_export():
    """A registry row with Vietnamese headers, numbers and dates."""
    htx = Cooperative.from_row(ROW, ignore=["stt"])

    assert (
        _coop(
            id="4600123456",
            name="Hợp tác xã Chè Tân Cương",
            province=Province.get("Thái Nguyên", era=Era.PRE_2025),
            members=Members(official=1245, associate_capital=12),
            charter_capital=1_500_000_000,
            contributed_capital=1_200_000_000,
            revenue=3_200_000_000,
            profit=-150_000_000,
            workers=37,
            applies_high_technology=True,
            ocop_stars=4,
            traceability=True,
        )
        == htx
    )


def test_from_row_field_names():
    """Field names work as headers too, and ISO dates."""
    row = {
        "kind": "cooperative_group",
        "id": "THT-7",
        "name": "Tổ hợp tác rau an toàn",
        "province": "01",
        "sector": "agriculture",
        "founded": "2025-08-01",
        "record_date": "2025-12-15",
        "members.official": "12",
        "members.foreign_official": "0",
        "charter_capital": "0",
        "value_chain_linked": "true",
    }

    group = Organization.from_row(row)

    assert (
        CooperativeGroup,
        Era.FROM_2025,
        Members(official=12, foreign_official=0),
        True,
    ) == (
        type(group),
        group.province.era,
        group.members,
        group.value_chain_linked,
    )


def test_from_row_union_codes():
    """A union row may list its member cooperatives' codes."""
    row = {
        "Loại hình": "Liên hiệp hợp tác xã",
        "Mã số": "LH-01",
        "Tên": "Liên hiệp HTX Thái Nguyên",
        "Tỉnh": "Thái Nguyên",
        "Lĩnh vực": "thuong mai - dich vu",
        "Ngày thành lập": "1/7/2020",
        "Thành viên chính thức": "3",
        "Vốn điều lệ": "500 triệu",
        "Hợp tác xã thành viên": "A; B, C",
    }

    union = Organization.from_row(row, record_date=DAY)

    assert (CooperativeUnion, ("A", "B", "C"), DAY) == (
        type(union),
        union.member_cooperative_ids,
        union.record_date,
    )


def test_from_row_province_era_follows_record_date():
    """A province code is read in the era of the record date."""
    before = Cooperative.from_row(ROW | {"Tỉnh": "19"}, ignore=["STT"])
    after = Cooperative.from_row(
        ROW | {"Tỉnh": "19", "Ngày số liệu": "01/07/2025"}, ignore=["STT"]
    )

    assert (Era.PRE_2025, Era.FROM_2025) == (
        before.province.era,
        after.province.era,
    )


def test_from_row_province_of_the_other_era():
    """A unit that no longer exists is still found for a later record."""
    htx = Cooperative.from_row(
        ROW | {"Tỉnh": "Hà Giang", "Ngày số liệu": "01/07/2025"},
        ignore=["STT"],
    )

    assert "Hà Giang" == htx.province.name


def test_from_row_record_date_column_wins():
    """The record_date argument only fills a missing column."""
    htx = Cooperative.from_row(
        ROW, ignore=["STT"], record_date=DAY.add(days=1)
    )

    assert DAY == htx.record_date


@pytest.mark.parametrize(
    ("change", "error", "field"),
    [
        ({"Thành viên chính thức": "2,5"}, ParseError, "official"),
        ({"Vốn điều lệ": "nhiều"}, ParseError, "charter_capital"),
        ({"Ngày thành lập": "31/02/2015"}, ParseError, "founded"),
        ({"Ngày thành lập": "2015/03/02"}, ParseError, "founded"),
        ({"Chuyển đổi số": "có lẽ"}, ParseError, "digital_transformation"),
        ({"OCOP": "7 sao"}, ValidationError, "ocop_stars"),
        ({"Lĩnh vực": "thiên văn"}, ParseError, "sector"),
        ({"Tình trạng": "ngủ đông"}, ParseError, "status"),
        ({"Tỉnh": "Sài Gòn Mới"}, UnknownProvinceError, "province"),
        ({"Thành viên chính thức": "-3"}, ValidationError, "official"),
        ({"Ngày thành lập": "01/01/2025"}, ValidationError, "founded"),
        ({"Địa chỉ": "Tân Cương"}, ParseError, "column"),
        ({"Vốn điều lệ": ""}, ValidationError, "charter_capital"),
        ({"Tỉnh": ""}, ValidationError, "province"),
        ({"Thành viên chính thức": " "}, ValidationError, "members.official"),
        ({"charter_capital": "1"}, ParseError, "column"),
        ({"kind": "hợp tác xã nông nghiệp"}, ParseError, "OrganizationKind"),
        ({"kind": "tổ hợp tác"}, ValidationError, "kind"),
    ],
)
def test_from_row_errors(change, error, field):
    """Each bad cell raises the right error, naming the field and the row."""
    with pytest.raises(error) as info:
        Cooperative.from_row(ROW | change, row_number=7, ignore=["STT"])

    assert (field, 7) == (info.value.field, info.value.row)
    assert "row 7" in str(info.value)


def test_from_row_without_row_number():
    """Without a row number the error carries none."""
    with pytest.raises(ParseError) as info:
        Cooperative.from_row(ROW)

    assert (None, "STT") == (info.value.row, info.value.value)


@pytest.mark.parametrize(
    ("row", "error", "field"),
    [
        ({"Tên": "X"}, ValidationError, "kind"),
        ({"kind": "ngân hàng hợp tác xã"}, NotFoundError, "kind"),
        ({"kind": "cooperative", None: ["extra"]}, ParseError, "column"),
        ({"kind": "cooperative", "Tên": 5}, ParseError, "Tên"),
        (["kind", "cooperative"], ParseError, "row"),
    ],
)
def test_from_row_malformed(row, error, field):
    """Rows without a kind, of a kind kttt has no record for, or broken."""
    with pytest.raises(error) as info:
        Organization.from_row(row, row_number=2)

    assert (field, 2) == (info.value.field, info.value.row)


def _registry_row(org):
    # The organisation as a registry export writes it: Vietnamese headers
    # and number formats, day-first dates.
    def number(value):
        return "" if value is None else f"{value:,}".replace(",", ".")

    def flag(value):
        return "có" if value else "không"

    members = org.members
    row = {
        "Loại hình": org.kind.label_vi,
        "Mã số": org.id,
        "Tên": org.name,
        "Tỉnh": org.province.code,
        "Lĩnh vực": org.sector.label_vi,
        "Ngày thành lập": org.founded.format("DD/MM/YYYY"),
        "Ngày số liệu": org.record_date.format("DD/MM/YYYY"),
        "Thành viên chính thức": number(members.official),
        "Thành viên liên kết góp vốn": number(members.associate_capital),
        "Thành viên liên kết không góp vốn": number(
            members.associate_non_capital
        ),
        "Thành viên chính thức nước ngoài": number(members.foreign_official),
        "Vốn điều lệ": number(org.charter_capital),
        "Vốn góp": number(org.contributed_capital),
        "Vốn góp lớn nhất của một thành viên": number(
            org.largest_member_contribution
        ),
        "Vốn góp của thành viên liên kết": number(org.associate_contribution),
        "Vốn góp nước ngoài": number(org.foreign_contribution),
        "Tài sản không chia": number(org.indivisible_assets),
        "Doanh thu": number(org.revenue),
        "Lợi nhuận": number(org.profit),
        "Lao động": number(org.workers),
        "Tình trạng": org.status.label_vi,
        "Ứng dụng công nghệ cao": flag(org.applies_high_technology),
        "Liên kết chuỗi giá trị": flag(org.value_chain_linked),
        "Chuyển đổi số": flag(org.digital_transformation),
        "OCOP": "" if org.ocop_stars is None else f"{org.ocop_stars} sao",
        "Truy xuất nguồn gốc": flag(org.traceability),
    }
    if isinstance(org, CooperativeUnion) and org.member_cooperative_ids:
        row["Hợp tác xã thành viên"] = "; ".join(org.member_cooperative_ids)
    return row


#: The fields a registry row does not hold: what the law's rules read
#: beyond the counts and the capital.
_NOT_IN_ROWS = {
    "member_list",
    "minimum_contribution",
    "governance",
    "meetings",
    "internal_lending",
    "seeks_state_support",
    "large",
    "audits",
    "income",
    "pledged_indivisible_assets",
    "registered",
    "registered_on",
    "contract_months",
    "open_ended_contract",
    "converting",
    "members_agreeing",
}


def _row_fields(org):
    """*org* with the fields a registry row does not hold left empty."""
    fields = attrs.fields_dict(type(org))
    return attrs.evolve(
        org,
        **{
            name: fields[name].default
            for name in _NOT_IN_ROWS
            if name in fields
        },
    )


@given(kst.organizations())
def test_from_row_reads_registry_rows(org):
    """Every organisation written as a registry row reads back equal.

    The province is written as its code, which is read in the era of the
    record date, so only the code is compared; an empty list of member
    codes is an empty cell, which reads as unknown. The fields a registry
    row does not hold are compared empty.
    """
    org = _row_fields(org)
    read = Organization.from_row(_registry_row(org))

    if isinstance(org, CooperativeUnion) and not org.member_cooperative_ids:
        org = attrs.evolve(org, member_cooperative_ids=None)
    assert org == attrs.evolve(read, province=org.province)
    assert org.province.code == read.province.code


_HEADERS = sorted(set(ROW) | {"kind", "members.official"})


def _outcome(read, row, **kwargs):
    # The organisation read, or the KtttError raised (any other escapes).
    try:
        return read(row, **kwargs)
    except KtttError as error:
        return error


@given(
    st.one_of(
        st.dictionaries(st.text(max_size=30), st.text(max_size=30)),
        st.dictionaries(
            st.sampled_from(_HEADERS),
            st.one_of(st.none(), st.text(max_size=20)),
        ),
        st.dictionaries(
            st.sampled_from(sorted(ROW)),
            st.sampled_from(sorted(set(ROW.values()))),
        ),
    )
)
def test_from_row_fuzz(row):
    """Any row either reads or raises a KtttError, never anything else."""
    result = _outcome(Organization.from_row, row, row_number=1)

    assert isinstance(result, Organization) or 1 == result.row


@given(
    st.dictionaries(st.sampled_from(sorted(ROW)), st.text(max_size=20)).map(
        lambda changes: ROW | changes
    )
)
def test_from_row_fuzz_cells(row):
    """A real row with random cells reads or raises a KtttError."""
    result = _outcome(Cooperative.from_row, row, ignore=["STT"])

    assert isinstance(result, Cooperative) or result.field


# --- round trips -----------------------------------------------------------

STRATEGIES = [
    (kst.members, Members),
    (kst.cooperative_groups, CooperativeGroup),
    (kst.cooperatives, Cooperative),
    (kst.cooperative_unions, CooperativeUnion),
    (kst.peoples_credit_funds, PeoplesCreditFund),
]


# Each serialisation builds its converters, so the values travel in batches.
ROUND_TRIPS = settings(max_examples=25)


@pytest.mark.parametrize(("strategy", "cls"), STRATEGIES)
@ROUND_TRIPS
@given(data=st.data())
def test_json_round_trip(strategy, cls, data):
    """Every record comes back from JSON equal and of the exact type."""
    values = data.draw(st.lists(strategy(), min_size=1, max_size=8))

    back = from_json(to_json(values), list[cls])

    assert values == back
    assert all(cls is type(value) for value in back)


@pytest.mark.parametrize(("strategy", "cls"), STRATEGIES[1:])
@ROUND_TRIPS
@given(data=st.data())
def test_csv_round_trip(strategy, cls, data):
    """Every record comes back from CSV equal, with pendulum dates."""
    values = data.draw(st.lists(strategy(), min_size=1, max_size=8))

    back = list(from_csv(to_csv(values), cls))

    assert values == back
    assert all(
        (type(v) is cls and type(v.founded) is pendulum.Date) for v in back
    )


@given(kst.organizations(status=OperatingStatus.SUSPENDED))
def test_organizations_knob(org):
    """A fixed knob is kept by every kind the strategy draws."""
    assert OperatingStatus.SUSPENDED is org.status


@given(
    kst.organizations(kind=OrganizationKind.COOPERATIVE_UNION),
    kst.members(official=3, foreign_official=1),
)
def test_kind_and_foreign_knobs(union, members):
    """The kind knob draws that kind; a fixed foreign count is kept."""
    assert (CooperativeUnion, 1) == (type(union), members.foreign_official)


@given(
    kst.cooperatives(record_date=DAY),
    kst.cooperative_unions(
        founded=DAY, members=Members(official=4, foreign_official=1)
    ),
)
def test_date_and_member_knobs(htx, union):
    """Fixed dates and members are kept; the other date fits around them."""
    assert (DAY, True) == (htx.record_date, htx.founded <= DAY)
    assert (DAY, 4) == (union.founded, union.members.official)


# --- converter hooks -------------------------------------------------------


def _converter():
    # The hooks added to a converter that already reads provinces.
    conv = make_converter()
    configure_converter(conv)
    return conv


CONVERTER = _converter()


@ROUND_TRIPS
@given(st.lists(kst.organizations(), max_size=4))
def test_converter_writes_kinds(organizations):
    """Each record is written with its kind and reads back as its class."""
    data = json.loads(json.dumps(CONVERTER.unstructure(organizations)))

    back = CONVERTER.structure(data, list[Organization])

    assert [o.kind.value for o in organizations] == [d["kind"] for d in data]
    assert organizations == back
    assert [type(o) for o in organizations] == [type(o) for o in back]


def test_converter_writes_a_declared_organization():
    """A value unstructured as Organization is written as its own class."""
    htx = _coop()

    data = CONVERTER.unstructure(htx, Organization)

    assert ("cooperative", htx) == (
        data["kind"],
        CONVERTER.structure(data, Organization),
    )


def test_converter_leaves_out_other_kinds_empty_fields():
    """Empty cells of another kind's fields are left out; others are not."""
    data = CONVERTER.unstructure(_coop()) | {"member_cooperative_ids": None}

    assert _coop() == CONVERTER.structure(data, Cooperative)
    with pytest.raises(ValidationError, match="unknown"):
        structure(data | {"member_ids": "A"}, Cooperative, conv=CONVERTER)


@pytest.mark.parametrize(
    ("change", "cls", "rule"),
    [
        ({"kind": "cooperative_union"}, Cooperative, "a Cooperative is"),
        ({"kind": None}, Organization, "names the organisation's kind"),
        ({"kind": "cooperative_bank"}, Organization, "is not a kind"),
    ],
)
def test_converter_refuses_kinds(change, cls, rule):
    """The kind must be one kttt models, and agree with the class read."""
    data = CONVERTER.unstructure(_coop()) | change

    with pytest.raises(ParseError, match=rule) as info:
        CONVERTER.structure(data, cls)

    assert "kind" == info.value.field


@pytest.mark.parametrize("cls", [Organization, Cooperative])
def test_converter_refuses_non_records(cls):
    """An organisation is a JSON object."""
    with pytest.raises(ParseError, match="JSON object"):
        CONVERTER.structure(["kind", "cooperative"], cls)
