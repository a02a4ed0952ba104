"""Tests of the ``kttt provinces`` command."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from kttt.cli import main


def _run(capsys, *argv):
    status = main(["provinces", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_default_table(capsys):
    """Without options the 34 units are listed in Vietnamese."""
    status, out, _ = _run(capsys)
    lines = out.splitlines()

    assert 0 == status
    assert 35 == len(lines)
    assert ["Mã", "Tên", "Loại", "Hợp", "nhất", "từ"] == lines[0].split()
    assert "08  Tuyên Quang  tỉnh" in out
    assert "Hà Giang (02), Tuyên Quang (08)" in lines[3]


def test_old_table_in_english(capsys):
    """--era 63 --lang en lists the 63 with the unit each became."""
    status, out, _ = _run(capsys, "--era", "63", "--lang", "en")
    lines = out.splitlines()

    assert 0 == status
    assert 64 == len(lines)
    assert ["Code", "Name", "Kind", "Became"] == lines[0].split()
    assert "Khánh Hòa (56)" in next(x for x in lines if "Ninh Thuận" in x)


def test_csv(capsys):
    """--format csv writes one row per unit with machine codes."""
    _, out, _ = _run(capsys, "--format", "csv")
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))

    assert 34 == len(rows)
    assert {
        "code": "08",
        "predecessor_codes": "02 08",
        "kind": "province",
    } == {key: rows[2][key] for key in ("code", "predecessor_codes", "kind")}
    assert ("3359.82", "8718000") == (
        rows[0]["area_km2"],
        rows[0]["population"],
    )


def test_json_old(capsys):
    """--format json --era 63 writes the 63 with their successor codes."""
    _, out, _ = _run(capsys, "--era", "63", "--format", "json")
    records = json.loads(out)
    quang_binh = next(r for r in records if r["name"] == "Quảng Bình")

    assert 63 == len(records)
    assert ("44", ["44"], None) == (
        quang_binh["successor_code"],
        quang_binh["predecessor_codes"],
        quang_binh["area_km2"],
    )


def test_lookup_former_name(capsys):
    """Lookup by the former name shows Huế of the 63 and its old names."""
    status, out, _ = _run(capsys, "lookup", "thua thien hue", "--lang", "en")

    assert 0 == status
    assert out.startswith("Huế (46), the 63 units (until 30 June 2025)\n")
    assert "Thừa Thiên Huế, Tỉnh Thừa Thiên Huế (until 2024-12-31)" in out
    assert "Became:       Huế (46)" in out


def test_lookup_new_unit_in_vietnamese(capsys):
    """Options may come before lookup; the 34 show area and population."""
    status, out, _ = _run(capsys, "--lang", "vi", "lookup", "01")

    assert 0 == status
    assert "Hà Nội (01), 34 tỉnh, thành phố (từ 1/7/2025)" in out
    assert "Dân số:          8718000" in out


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_lookup_machine_formats(capsys, fmt):
    """Lookup writes one record in json or csv."""
    _, out, _ = _run(capsys, "lookup", "Ninh Thuan", "--format", fmt)
    record = (
        json.loads(out)[0]
        if fmt == "json"
        else next(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    )

    assert ("58", "63", "56") == (
        record["code"],
        record["era"],
        record["successor_code"],
    )


def test_lookup_unknown(capsys):
    """An unknown name exits with status 2 and a message naming it."""
    status, out, err = _run(capsys, "lookup", "Ha Giang", "--era", "34")

    assert 2 == status
    assert "" == out
    assert "province='Ha Giang'" in err
    assert "Hà Giang (02) of the 63" in err


def test_bad_option(capsys):
    """An era other than 34 or 63 is refused by the parser."""
    with pytest.raises(SystemExit) as caught:
        main(["provinces", "--era", "35"])

    assert 2 == caught.value.code
    assert "--era" in capsys.readouterr().err


def test_python_dash_m():
    """``python -m kttt provinces`` runs as a program."""
    result = subprocess.run(
        [sys.executable, "-m", "kttt", "provinces", "lookup", "TP.HCM"],
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    )

    assert result.stdout.startswith("Hồ Chí Minh (79)")
