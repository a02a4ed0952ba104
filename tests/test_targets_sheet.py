"""Programme spreadsheets: reading, writing, every problem at once."""

from __future__ import annotations

import sys

import pendulum
import pytest

from hypothesis import HealthCheck, given, settings

from kttt import strategies as kst
from kttt.errors import DataError, InvalidFileError, ValidationError
from kttt.geography import Era
from kttt.targets import (
    Comparator,
    TargetSet,
    Tolerance,
    programme_from_csv,
    programme_to_csv,
    read_programme,
    target_set,
    write_programme,
)


HEAD = """field,value
code,12-KH/UBND
title,Kế hoạch phát triển kinh tế tập thể
scope,Tây Ninh
adopted,15/3/2022
tolerance,±5 %

"""
COLUMNS = "indicator,label_vi,unit,of,year,comparator,value,tolerance,clause\n"


def sheet(*rows: str) -> str:
    return HEAD + COLUMNS + "".join(f"{row}\n" for row in rows)


def test_a_sheet_reads_as_documents_write_it():
    """Comparators, ranges, %, tolerances and defaults as offices write."""
    plan = programme_from_csv(
        sheet(
            "cooperatives.count,,,,2030,khoảng,150,,II.1",
            "cooperative_groups.count,,,,2030,khoảng,1.200-1.400,,II.1",
            "cooperative_unions.count,,,,2030,khoảng,2,±1,II.1",
            "cooperatives.good_fair_share,,,,2030,bảo đảm,80%,,II.2",
            "cooperatives.technology_share,,,,2045,đều,100,,II.3",
            "cooperatives.weak_share,,,,2030,không còn,0,,II.2",
            "cooperatives.revenue_average,,,,2030,tăng,,,II.4",
            'tn.ocop,"số sản phẩm OCOP",count,,2030,ít nhất,"1.000",,II.5',
        )
    )

    assert plan.scope is not None
    assert (plan.scope.name, plan.scope.era) == ("Tây Ninh", Era.PRE_2025)
    assert plan.adopted == pendulum.Date(2022, 3, 15)
    count = plan.get("cooperatives.count", 2030)
    assert count.tolerance == Tolerance(amount=0.05)
    assert count.source.cite() == "12-KH/UBND, II.1"
    groups = plan.get("cooperative_groups.count", 2030)
    assert (groups.comparator, groups.value, groups.upper) == (
        Comparator.BETWEEN,
        1200,
        1400,
    )
    unions = plan.get("cooperative_unions.count", 2030)
    assert (unions.band().lower, unions.band().upper) == (1, 3)
    ensure = plan.get("cooperatives.good_fair_share", 2030)
    assert ensure.comparator is Comparator.AT_LEAST
    assert ensure.is_met(80)
    assert plan.get("cooperatives.technology_share", 2045).value == 100
    assert plan.get("cooperatives.revenue_average", 2030).is_directional
    ocop = plan.get("tn.ocop", 2030)
    assert (ocop.indicator.label_vi, ocop.value) == ("số sản phẩm OCOP", 1000)


def test_every_problem_is_reported_at_once_with_row_and_column():
    """Three bad rows: three problems, each with its row and column."""
    text = sheet(
        "cooperatives.count,,,,2030,khoảng,150,,II.1",
        "cooperatives.members,,,,20300,ít nhất,1000,,II.1",
        "no.such,,,,2030,ít nhất,5,,II.1",
        "cooperative_unions.count,,,,2030,khoảng,2,,II.1",
        "cooperatives.good_fair_share,,,,2030,hơn hẳn,60,,II.2",
    )

    with pytest.raises(InvalidFileError) as info:
        programme_from_csv(text, file="plan.csv")

    found = [(p.row, p.column) for p in info.value.errors]
    # The programme block takes rows 1-6, a blank row 7, the header row 8.
    assert [(10, "year"), (11, "indicator"), (12, "tolerance")] == found[:3]
    assert (13, "comparator") == found[3]
    assert "would mean 'exactly'" in info.value.errors[2].rule
    assert "4 problems in all" in str(info.value)
    assert info.value.file.endswith("plan.csv")


def test_a_sheet_without_its_layout_is_refused():
    """A sheet must start with the programme block."""
    with pytest.raises(DataError) as info:
        programme_from_csv(COLUMNS + "cooperatives.count,,,,2030,trên,5,,\n")

    assert "field" in info.value.rule


@settings(
    max_examples=40,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(kst.target_sets(directional=True))
def test_sheet_round_trips_random_target_sets(target_set):
    """File → TargetSet → file → TargetSet, and through JSON, are exact."""
    text = programme_to_csv(target_set)
    again = programme_from_csv(text)

    assert target_set == again
    assert text == programme_to_csv(again)
    assert target_set == TargetSet.from_json(again.to_json())


@settings(
    max_examples=5, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(kst.target_sets(directional=True))
def test_xlsx_round_trips(tmp_path, target_set):
    """An Excel sheet written by kttt reads back into an equal set."""
    path = tmp_path / "plan.xlsx"
    write_programme(target_set, path)

    assert target_set == read_programme(path)


def test_csv_files_in_excel_encodings_read(tmp_path):
    """A UTF-8 file with a byte-order mark (Excel's CSV UTF-8) reads."""
    path = tmp_path / "plan.csv"
    write_programme(target_set("155-CTr/TU"), path)

    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert target_set("155-CTr/TU") == read_programme(path)


def test_xlsx_without_openpyxl_names_the_extra(tmp_path, monkeypatch):
    """Without the excel extra, a clear error says what to install."""
    monkeypatch.setitem(sys.modules, "openpyxl", None)

    with pytest.raises(DataError) as info:
        read_programme(tmp_path / "plan.xlsx")

    assert "pip install kttt[excel]" in info.value.rule


# --- found by the fuzz suite (tests/test_fuzz_entry.py) ----------------------


def test_an_xlsx_that_is_not_a_zip_file(tmp_path):
    """A .xlsx of other bytes is a DataError, not zipfile's BadZipFile."""
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"\xef\xbb\xbfPK\x03\x04" + bytes(40))

    with pytest.raises(DataError) as info:
        read_programme(path)

    assert "file" == info.value.field
    assert info.value.rule.startswith("not an .xlsx file")


@pytest.mark.parametrize(
    ("text", "file", "field"),
    [(b"field,value\n", None, "text"), ("", ["a.csv"], "file")],
)
def test_text_and_file_name_of_the_wrong_type(text, file, field):
    """programme_from_csv names *text* or *file* of the wrong type."""
    with pytest.raises(ValidationError) as info:
        programme_from_csv(text, file=file)

    assert field == info.value.field
