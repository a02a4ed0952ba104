"""The officer's command line: formats, files, encodings, messages, exits."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import openpyxl
import pytest

from kttt import __version__
from kttt.cli import BAD_DATA, BAD_USAGE, OK, main
from kttt.cli._output import safe_cell


def _run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_version(capsys):
    """--version prints the version and exits 0."""
    with pytest.raises(SystemExit) as info:
        main(["--version"])

    assert 0 == info.value.code
    assert f"kttt {__version__}" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ("report",),
        ("committees",),
        ("provinces",),
        ("indicators", "--programme", "155-CTr/TU"),
    ],
)
def test_every_table_command_writes_every_format(tmp_path, capsys, argv):
    """text, json, csv, markdown and xlsx, to the screen or a file."""
    for fmt in ("text", "json", "csv", "markdown"):
        status, out, _ = _run(capsys, *argv, "--format", fmt)

        assert OK == status
        assert out.strip()
    json.loads(_run(capsys, *argv, "--format", "json")[1])
    path = tmp_path / "out.xlsx"

    assert OK == _run(capsys, *argv, "--format", "xlsx", "-o", str(path))[0]
    assert openpyxl.load_workbook(path).active.max_row > 2


def test_csv_is_utf8_with_a_bom_for_excel(tmp_path, capsys):
    """CSV starts with a byte-order mark, on screen and in a file."""
    path = tmp_path / "report.csv"
    _run(capsys, "report", "--format", "csv", "-o", str(path))
    data = path.read_bytes()

    assert data.startswith(b"\xef\xbb\xbf")
    assert "số hợp tác xã" in data.decode("utf-8-sig")


def test_xlsx_needs_a_file(capsys):
    """An Excel workbook is not written to the screen."""
    status, _, err = _run(capsys, "report", "--format", "xlsx")

    assert BAD_USAGE == status
    assert "--output" in err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1", "'+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Hà Nội", "Hà Nội"),
    ],
)
def test_cells_are_never_formulas(text, expected):
    """A cell that a spreadsheet would run is written as text."""
    assert expected == safe_cell(text)


def _data(tmp_path, text, *, name="obs.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


_OBS = (
    "indicator,year,value\n"
    "cooperatives.count,2020,26.040\n"
    "cooperatives.count,2025,35.041\n"
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (_OBS, "utf-8"),
        (_OBS, "utf-8-sig"),
        (_OBS, "utf-16"),
        (_OBS.replace(",", ";"), "utf-8"),
        (_OBS.replace(",", "\t"), "cp1258"),
    ],
)
def test_data_files_in_office_encodings_and_delimiters(
    tmp_path, capsys, text, encoding
):
    """UTF-8 with or without BOM, UTF-16, Windows-1258; , ; or tab."""
    path = _data(tmp_path, text, encoding=encoding)
    status, out, _ = _run(
        capsys, "report", "--data", path, "--numbers", "vi", "--lang", "en"
    )

    assert OK == status
    assert "2025: 35,041" in out


def test_an_xlsx_data_file(tmp_path, capsys):
    """An Excel workbook of observations reads like a CSV."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["indicator", "year", "value"])
    sheet.append(["cooperatives.count", 2020, 26040])
    sheet.append(["cooperatives.count", 2025, 35041])
    path = tmp_path / "obs.xlsx"
    workbook.save(path)

    status, out, _ = _run(
        capsys, "report", "--data", str(path), "--lang", "en"
    )

    assert OK == status
    assert "2025: 35,041" in out


def test_ambiguous_numbers_are_refused_with_both_readings(tmp_path, capsys):
    """'18,200' is refused unless the file or --numbers settles it."""
    path = _data(
        tmp_path, 'indicator,year,value\ncooperatives.count,2024,"18,200"\n'
    )
    status, _, err = _run(capsys, "report", "--data", path, "--lang", "en")

    assert BAD_DATA == status
    assert "18.2 the Vietnamese way, 18200 the English way" in err
    assert OK == _run(capsys, "report", "--data", path, "--numbers", "en")[0]


def test_the_file_settles_its_convention(tmp_path, capsys):
    """An unambiguous '1,234.5'-style number reads the others the same way."""
    path = _data(
        tmp_path,
        'indicator,year,value\ncooperatives.count,2024,"18,200"\n'
        'cooperatives.members,2024,"6,000,000"\n',
    )
    status, out, _ = _run(capsys, "report", "--data", path, "--lang", "en")

    assert OK == status
    assert "2024: 18,200" in out


def test_conventions_mixed_in_one_file_are_refused(tmp_path, capsys):
    """A file writing numbers both ways is refused, naming both rows."""
    path = _data(
        tmp_path,
        'indicator,year,value\ncooperatives.count,2024,"35,041.0"\n'
        'cooperatives.members,2024,"6.000.000"\n',
    )
    status, _, err = _run(capsys, "report", "--data", path, "--lang", "en")

    assert BAD_DATA == status
    assert "row 1" in err
    assert "row 2" in err


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ("cooperatives.count,2024,21.5", "whole number"),
        ("cooperatives.count,2024,55.2%", "percent indicator"),
        ("cooperatives.count,²,21", "year"),
        ("cooperatives.count," + "1" * 5000 + ",21", "digits"),
        ("cooperatives.count,2020.5,21", "whole number"),
    ],
)
def test_values_are_read_exactly_or_refused(tmp_path, capsys, row, words):
    """Counts are whole, percentages only for shares, years whole years."""
    path = _data(tmp_path, f"indicator,year,value\n{row}\n")
    status, _, err = _run(capsys, "report", "--data", path, "--lang", "en")

    assert BAD_DATA == status
    assert words in err
    assert "Traceback" not in err


def test_a_year_written_as_a_decimal_reads(tmp_path, capsys):
    """'2020.0', as a spreadsheet writes a year, is the year 2020."""
    path = _data(
        tmp_path, "indicator,year,value\ncooperatives.count,2020.0,26040\n"
    )

    assert OK == _run(capsys, "report", "--data", path)[0]


def test_every_bad_row_is_reported_at_once(tmp_path, capsys):
    """All problems of a file, each with its row and column."""
    path = _data(
        tmp_path,
        "indicator,year,value\n"
        "cooperatives.cont,2020,1\n"
        "cooperatives.count,20x,1\n"
        "cooperatives.count,2021,abc\n",
    )
    status, _, err = _run(capsys, "report", "--data", path, "--lang", "en")

    assert BAD_DATA == status
    assert "3 problems" in err
    assert "row 1, column 'indicator'" in err
    assert "did you mean cooperatives.count" in err
    assert "row 2, column 'year'" in err
    assert "row 3, column 'value'" in err


def test_extra_columns_are_refused(tmp_path, capsys):
    """A column a data file does not have is an error, not ignored."""
    path = _data(
        tmp_path, "indicator,year,value,comment\ncooperatives.count,2020,1,x\n"
    )
    status, _, err = _run(capsys, "report", "--data", path, "--lang", "en")

    assert BAD_DATA == status
    assert "'comment'" in err


def test_errors_and_notes_in_vietnamese(tmp_path, capsys):
    """--lang vi gives the place and the readers' rules in Vietnamese."""
    path = _data(
        tmp_path, "indicator,year,value\ncooperatives.count,2024,21.5\n"
    )
    _, _, err = _run(capsys, "report", "--data", path, "--lang", "vi")

    assert "kttt: lỗi:" in err
    assert "dòng 1, cột 'value'" in err
    assert "phải là số nguyên" in err


def test_template_round_trip(tmp_path, capsys):
    """kttt template writes a file that report --data reads once filled."""
    path = tmp_path / "template.csv"
    assert OK == _run(capsys, "template", "-o", str(path))[0]
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))
    header, first, *_ = rows

    assert ["indicator", "year", "value", "as_of", "source", "label"] == header
    assert "cooperative_groups.count" == first[0]

    rows[3][1:3] = ["2025", "35041"]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    status, out, _ = _run(
        capsys, "report", "--data", str(path), "--lang", "en"
    )

    assert OK == status
    assert "rows of the data file have no year and value yet" in out


def test_indicators_of_a_programme(capsys):
    """kttt indicators lists a programme's codes with their labels."""
    status, out, _ = _run(
        capsys, "indicators", "--programme", "155-CTr/TU", "--lang", "en"
    )

    assert OK == status
    assert "cooperatives.count" in out
    assert "Indicators of 155-CTr/TU" in out


def test_unknown_programme_is_bad_usage(capsys):
    """A programme kttt does not know is a wrong command, exit 2."""
    status, _, err = _run(capsys, "report", "--programme", "999-X/Y")

    assert BAD_USAGE == status
    assert "Traceback" not in err


def test_a_closed_pipe_is_not_a_traceback():
    """`kttt provinces | head -1` ends quietly."""
    # A fixed command; the pipe is the point.
    done = subprocess.run(  # noqa: S602
        f"{sys.executable} -m kttt provinces | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )

    assert "Traceback" not in done.stderr
    assert "BrokenPipe" not in done.stderr


# --- found by the fuzz suite (tests/test_fuzz_entry.py) ----------------------

_SHEETS = (
    "organization,kind,sector,year,points.I,points.II,points.III\n"
    "HTX A,hợp tác xã,vận tải,2024,25,24,31\n"
)


def test_rate_refuses_a_year_too_long_for_int(tmp_path, capsys):
    """A year cell of 5000 digits is a bad row, not a traceback."""
    path = _data(tmp_path, _SHEETS.replace("2024", "1" * 5000), name="s.csv")
    status, _, err = _run(capsys, "rate", path, "--lang", "en")

    assert BAD_DATA == status
    assert "has more than 100 digits" in err
    assert "Traceback" not in err


def test_an_output_name_with_a_nul_is_bad_usage(tmp_path, capsys):
    """-o with a NUL in the name says it cannot be written (exit 2)."""
    sheets = _data(tmp_path, _SHEETS, name="s.csv")
    bad = str(tmp_path / "out\x00.csv")
    for argv in (("rate", sheets), ("provinces",)):
        status, _, err = _run(capsys, *argv, "-o", bad, "--lang", "en")

        assert BAD_USAGE == status
        assert "cannot be written: not a name a file can have" in err


def test_a_scheme_name_too_long_for_a_file_is_not_found(tmp_path, capsys):
    """--scheme with a name no file can have is an unknown scheme."""
    sheets = _data(tmp_path, _SHEETS, name="s.csv")
    status, _, err = _run(capsys, "rate", sheets, "--scheme", "1" * 5000)

    assert BAD_USAGE == status
    assert "Traceback" not in err


def test_a_programme_xlsx_that_is_not_a_workbook(tmp_path, capsys):
    """programme check of a .xlsx that is no zip file is bad data."""
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(40))
    status, _, err = _run(capsys, "programme", "check", str(path))

    assert status in {BAD_DATA, BAD_USAGE}
    assert "not an .xlsx file" in err
