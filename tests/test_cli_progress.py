"""
Tests of the ``kttt report`` command.
"""

from __future__ import annotations

import json

import pytest

from kttt.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["report", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_default_report_is_nq20_in_vietnamese(capsys):
    """`kttt report` prints NQ 20's 2030 and 2045 targets in Vietnamese."""
    status, out, _ = run(capsys)

    assert 0 == status
    assert "20-NQ/TW" in out
    assert "Đến năm 2030" in out
    assert "Đến năm 2045" in out


def test_english_all_methods(capsys):
    """--lang en --methods all shows one column per method."""
    status, out, _ = run(capsys, "--lang", "en", "--methods", "all")

    assert 0 == status
    assert "destatis" in out
    assert "By 2030" in out


def test_json_output(capsys):
    """--format json prints the records."""
    status, out, _ = run(capsys, "--format", "json", "--method", "destatis")

    assert 0 == status
    assert ["destatis"] == json.loads(out)["methods"]


def test_as_of(capsys):
    """--as-of cuts the data."""
    status, out, _ = run(capsys, "--lang", "en", "--as-of", "2022-12-31")

    assert 0 == status
    assert "2022-12-31" in out
    assert "2025:" not in out


def test_province_programme_without_data(capsys):
    """A provincial programme without --data says how to give data."""
    status, out, _ = run(capsys, "--programme", "155-CTr/TU", "--lang", "en")

    assert 0 == status
    assert "--data" in out


def test_user_data(tmp_path, capsys):
    """--data reads Vietnamese numbers and assesses them."""
    data = tmp_path / "obs.csv"
    data.write_text(
        "indicator,year,value,as_of,source\n"
        "cooperatives.count,2020,26.040,,MPI\n"
        "cooperatives.count,2025,45.500,2025-12-12,MoF\n",
        encoding="utf-8",
    )
    status, out, _ = run(
        capsys, "--data", str(data), "--lang", "en", "--numbers", "vi"
    )

    assert 0 == status
    assert "45,500" in out
    assert "achieved" in out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("indicator,value\n", "header"),
        ("indicator,year,value\nnope,2020,1\n", "row 1, column 'indicator'"),
        ("indicator,year,value\ncooperatives.count,20x,1\n", "year"),
        ("indicator,year,value\ncooperatives.count,2020,abc\n", "row 1"),
        (
            (
                "indicator,year,value\n"
                "cooperatives.count,2020,1\ncooperatives.count,2020,2\n"
            ),
            "one observation per year",
        ),
    ],
)
def test_bad_user_data(tmp_path, capsys, text, message):
    """Bad --data files give an error naming row and column, exit 1."""
    data = tmp_path / "bad.csv"
    data.write_text(text, encoding="utf-8")
    status, _, err = run(capsys, "--data", str(data), "--lang", "en")

    assert 1 == status
    assert message in err


def test_missing_file_and_bad_date(tmp_path, capsys):
    """A missing file or a malformed date are errors, not tracebacks."""
    assert 2 == run(capsys, "--data", str(tmp_path / "none.csv"))[0]
    status, _, err = run(capsys, "--as-of", "31/12/2025")

    assert 2 == status
    assert "as_of" in err


def test_proxy_option(capsys):
    """--proxy CODE=OTHER measures a target by another indicator's data."""
    status, out, _ = run(
        capsys,
        "--lang",
        "en",
        "--proxy",
        "organizations.good_fair_share=cooperatives.good_fair_share",
    )

    assert 0 == status
    assert "2025: 78.1 %" in out
    assert "measured instead by the data on" in out


@pytest.mark.parametrize("bad", ["nothing", "=x", "x="])
def test_bad_proxy_is_refused(capsys, bad):
    """A proxy that is not CODE=OTHER is an error naming the option."""
    status, _, err = run(capsys, "--proxy", bad)

    assert 2 == status
    assert "proxy=" in err
