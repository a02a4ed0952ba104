"""Rows of a registry export: the columns kttt reads and how it reads cells.

`kttt.organizations.Organization.from_row` reads a row in two steps:
`row_cells` maps each header to the key of its column (field names and
the usual Vietnamese headers, in any case, with or without diacritics),
and `read_cells` reads every cell but the ``kind`` into the value of its
field.
"""

from __future__ import annotations

import contextlib
import re

from collections.abc import Callable, Collection, Mapping
from decimal import Decimal
from typing import Any, Final, TypeVar, cast

import attrs
import pendulum

from kttt import _data
from kttt._labels import LabelledEnum
from kttt.errors import (
    NotFoundError,
    ParseError,
    UnknownProvinceError,
    ValidationError,
)
from kttt.geography import Era, Province
from kttt.organizations._kinds import OperatingStatus, OrganizationKind, Sector
from kttt.organizations._members import MemberType
from kttt.text import fold, nfc, parse_flag, parse_number


T = TypeVar("T")


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


def _read_date(text: str, field: str) -> pendulum.Date:
    return _data.parse_day(text, field=field)


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

#: Column key (the field's name, dotted for `Members`) -> (reader, the
#: usual headers of the column besides the key and the field's name).
_COLUMN_SPECS: Final[Mapping[str, tuple[_Reader, tuple[str, ...]]]] = {
    "id": (_read_text, ("mã số", "mã số đăng ký", "mã số thuế")),
    "name": (_read_text, ("tên", "tên tổ chức", "tên hợp tác xã")),
    "province": (_read_text, ("tỉnh", "tỉnh/thành phố")),
    "sector": (_enum_reader(Sector), ("lĩnh vực", "ngành")),
    "founded": (_read_date, ("ngày thành lập",)),
    "record_date": (_read_date, ("ngày số liệu",)),
    "members.official": (
        _read_int,
        (MemberType.OFFICIAL.label_vi, "official_members"),
    ),
    "members.associate_capital": (
        _read_int,
        (MemberType.ASSOCIATE_CAPITAL.label_vi, "associate_capital_members"),
    ),
    "members.associate_non_capital": (
        _read_int,
        (
            MemberType.ASSOCIATE_NON_CAPITAL.label_vi,
            "associate_non_capital_members",
        ),
    ),
    "members.foreign_official": (
        _read_int,
        ("thành viên chính thức nước ngoài", "foreign_official_members"),
    ),
    "charter_capital": (_read_int, ("vốn điều lệ",)),
    "contributed_capital": (_read_int, ("vốn góp",)),
    "largest_member_contribution": (
        _read_int,
        ("vốn góp lớn nhất của một thành viên",),
    ),
    "associate_contribution": (
        _read_int,
        ("vốn góp của thành viên liên kết",),
    ),
    "foreign_contribution": (_read_int, ("vốn góp nước ngoài",)),
    "indivisible_assets": (
        _read_int,
        ("tài sản không chia", "tài sản chung không chia"),
    ),
    "revenue": (_read_int, ("doanh thu",)),
    "profit": (_read_int, ("lợi nhuận",)),
    "workers": (_read_int, ("lao động", "số lao động")),
    "status": (
        _enum_reader(OperatingStatus),
        ("tình trạng", "tình trạng hoạt động"),
    ),
    "applies_high_technology": (_read_flag, ("ứng dụng công nghệ cao",)),
    "value_chain_linked": (
        _read_flag,
        ("liên kết chuỗi giá trị", "liên kết theo chuỗi giá trị"),
    ),
    "digital_transformation": (_read_flag, ("chuyển đổi số",)),
    "ocop_stars": (_read_stars, ("ocop", "sao ocop")),
    "traceability": (_read_flag, ("truy xuất nguồn gốc",)),
    "member_cooperative_ids": (
        _read_ids,
        ("hợp tác xã thành viên", "mã hợp tác xã thành viên"),
    ),
}

#: Column key -> (field name, reader), in reading order.
_COLUMNS: Final = {
    key: (key.rpartition(".")[2], read)
    for key, (read, _) in _COLUMN_SPECS.items()
}

#: Folded header -> column key.
_HEADERS: Final = {
    fold(header): key
    for key, (_, extra) in _COLUMN_SPECS.items()
    for header in (key, _COLUMNS[key][0], *extra)
} | {"kind": "kind", "loai hinh": "kind"}


def row_cells(
    row: Mapping[str, str | None], ignore: Collection[str]
) -> dict[str, str]:
    """Return the non-empty cells of *row* by column key, NFC and stripped.

    The ``kind`` column, if any, is under ``"kind"``; the columns named in
    *ignore* are left out.

    Raises:
        ParseError: If *row* is not a mapping of headers to text, or a
            column is there twice.
    """
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


def read_cells(
    cells: Mapping[str, str], record_date: pendulum.Date | None
) -> tuple[dict[str, object], dict[str, object]]:
    """Read *cells* (without the ``kind``) into field values.

    Args:
        cells: Column key to cell text, as `row_cells` returns them.
        record_date: The record date for a row that has none.

    Returns:
        The organisation's fields (its province looked up in the era of
        the record date, then in the other) and the member counts.

    Raises:
        KtttError: Naming the field of the first cell that cannot be read,
            or ``column`` for a column kttt does not read.
    """
    fields: dict[str, object] = {}
    counts: dict[str, object] = {}
    for key, (field, reader) in _COLUMNS.items():
        text = cells.get(key)
        if text is not None:
            target = counts if key.startswith("members.") else fields
            target[field] = reader(text, field)
    unknown = [key for key in cells if key not in _COLUMNS]
    if unknown:
        raise ParseError(
            "column",
            unknown[0],
            "not a column kttt reads; pass ignore= to skip it",
        )
    if record_date is not None:
        fields.setdefault("record_date", record_date)
    province = fields.pop("province", None)
    if province is not None:
        fields["province"] = _province(
            cast("str", province), fields.get("record_date")
        )
    return fields, counts


def _province(text: str, record_date: object) -> Province:
    if isinstance(record_date, pendulum.Date):
        with contextlib.suppress(UnknownProvinceError):
            return Province.get(text, era=Era.on(record_date))
    return Province.get(text)


def build(cls: type[Any], fields: dict[str, object], prefix: str) -> Any:
    """Build *cls* from *fields*, naming a required field the row lacks.

    Raises:
        ValidationError: Naming the field (after *prefix*).
    """
    for name, field in attrs.fields_dict(cls).items():
        if field.default is attrs.NOTHING and name not in fields:
            raise ValidationError(
                f"{prefix}{name}", None, "the row has no value for it"
            )
    return cls(**fields)


def row_class(
    cls: type[T],
    base: type[T],
    classes: Mapping[OrganizationKind, type[T]],
    kind: OrganizationKind | None,
    kind_text: str | None,
) -> type[T]:
    """Return the class a row is read as.

    *cls* itself, unless it is *base* (`Organization`): then the class of
    the row's *kind* in *classes*.

    Raises:
        KtttError: If the row has no kind, or kttt has no record type for
            it, naming the ``kind`` column.
    """
    if cls is not base:
        return cls
    if kind is None:
        raise ValidationError(
            "kind", None, "the row must say which kind of organisation"
        )
    target = classes.get(kind)
    if target is None:
        raise NotFoundError(
            "kind", kind_text, "kttt has no record type for this kind"
        )
    return target
