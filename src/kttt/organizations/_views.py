"""Registries as DataFrames: one row per organisation."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kttt import _frames
from kttt._frames import Column, Kind
from kttt._labels import LabelledEnum
from kttt.organizations._model import CooperativeUnion, Organization


if TYPE_CHECKING:
    import pandas as pd


#: The kind of the column of each field of `Organization`, in order;
#: ``province`` and ``members`` are spread over several columns.
_FIELDS: dict[str, Kind] = {
    "id": Kind.TEXT,
    "name": Kind.TEXT,
    "province": Kind.TEXT,
    "sector": Kind.TEXT,
    "founded": Kind.DATE,
    "record_date": Kind.DATE,
    "members": Kind.INT,
    "charter_capital": Kind.INT,
    "contributed_capital": Kind.OPTIONAL_INT,
    "largest_member_contribution": Kind.OPTIONAL_INT,
    "associate_contribution": Kind.OPTIONAL_INT,
    "foreign_contribution": Kind.OPTIONAL_INT,
    "indivisible_assets": Kind.OPTIONAL_INT,
    "revenue": Kind.OPTIONAL_INT,
    "profit": Kind.OPTIONAL_INT,
    "workers": Kind.OPTIONAL_INT,
    "status": Kind.TEXT,
    "applies_high_technology": Kind.BOOL,
    "value_chain_linked": Kind.BOOL,
    "digital_transformation": Kind.BOOL,
    "ocop_stars": Kind.OPTIONAL_INT,
    "traceability": Kind.BOOL,
    "member_list": Kind.OPTIONAL_INT,
    "minimum_contribution": Kind.OPTIONAL_INT,
    "governance": Kind.TEXT,
    "meetings": Kind.INT,
    "internal_lending": Kind.BOOL,
    "seeks_state_support": Kind.BOOL,
    "large": Kind.BOOL,
    "audits": Kind.OPTIONAL_INT,
    "income": Kind.OPTIONAL_INT,
    "pledged_indivisible_assets": Kind.INT,
}
#: The fields that hold several items, shown as how many there are.
_COUNTED: frozenset[str] = frozenset(
    {"member_list", "meetings", "audits", "pledged_indivisible_assets"}
)
_MEMBERS: dict[str, Kind] = {
    "official": Kind.INT,
    "associate_capital": Kind.INT,
    "associate_non_capital": Kind.INT,
    "foreign_official": Kind.OPTIONAL_INT,
}


def _columns() -> tuple[Column, ...]:
    columns = [Column("kind", Kind.TEXT)]
    for name, kind in _FIELDS.items():
        if name == "province":
            columns += [Column(name, kind), Column("province_code", kind)]
        elif name == "members":
            columns += [Column(f"members.{m}", k) for m, k in _MEMBERS.items()]
        else:
            columns.append(Column(name, kind))
    columns.append(Column("member_cooperatives", Kind.TEXT))
    return tuple(columns)


def _cells(organization: Organization, lang: str) -> list[object]:
    cells: list[object] = [organization.kind.label(lang)]
    for name in _FIELDS:
        value = getattr(organization, name)
        if name == "province":
            cells += [value.name, value.code]
        elif name == "members":
            cells += [getattr(value, m) for m in _MEMBERS]
        elif isinstance(value, LabelledEnum):
            cells.append(value.label(lang))
        elif name in _COUNTED:
            cells.append(None if value is None else len(value))
        elif name == "governance":
            cells.append(None if value is None else value.model.label(lang))
        elif name == "income":
            cells.append(None if value is None else value.year)
        else:
            cells.append(value)
    listed = (
        organization.member_cooperative_ids
        if isinstance(organization, CooperativeUnion)
        else None
    )
    cells.append(None if listed is None else "; ".join(listed))
    return cells


def organizations_frame(
    organizations: Iterable[Organization], *, lang: str = "vi"
) -> pd.DataFrame:
    """Return a registry as a DataFrame, one row per organisation.

    Columns: ``kind`` (its label in *lang*), then the fields of
    `Organization` in order: ``province`` (the name) with
    ``province_code``, ``sector`` and ``status`` (labels in *lang*),
    ``founded`` and ``record_date`` (datetime64), the counts of
    `Members` as ``members.official``... (int64; ``foreign_official``
    Int64), amounts and counts in whole numbers (int64 for the charter
    capital, Int64 with ``<NA>`` for those a record may leave out), the
    flags (bool), ``ocop_stars`` (Int64); the law's details as the
    number of listed members, meetings, audits and pledged indivisible
    assets, the governance model's label and the fiscal year of the
    income statement; and for unions ``member_cooperatives`` (the
    registration codes joined by ``"; "``).

    Raises:
        NotFoundError: Without pandas (``pip install 'kttt[pandas]'``).
        ValidationError: For a *lang* other than ``"vi"`` or ``"en"``.
    """
    _frames.check_lang(lang)
    return _frames.frame(_columns(), (_cells(o, lang) for o in organizations))
