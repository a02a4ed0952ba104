"""Tests of rating from CSV: ScoreSheet.from_row, classify_csv, kttt rate."""

from __future__ import annotations

import csv
import io
import json

from decimal import Decimal

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from kttt import strategies as kst
from kttt.cli import main
from kttt.errors import (
    DataError,
    KtttError,
    ParseError,
    UnknownProvinceError,
    ValidationError,
)
from kttt.geography import Era
from kttt.organizations import OrganizationKind, Sector
from kttt.rating import (
    RESULT_COLUMNS,
    Denominator,
    GroupBy,
    RatedRow,
    Rating,
    ScoreSheet,
    builtin_scheme,
    classify,
    classify_csv,
    rate_csv,
    rating_shares,
    result_row,
)


SHEETS = """\
organization,kind,sector,year,province,points.I,points.II,points.III,months_suspended,sanctioned
HTX Bình Minh,hợp tác xã,vận tải,2024,Hà Nội,25,24,31,,
HTX Sao Mai,hop tac xa,van tai,2024,Ha Giang,25,24,"30,99",,không
HTX Lỗi,hợp tác xã,vận tải,2024,,31,24,31,,
HTX Nghỉ,hợp tác xã,vận tải,2024,,,,,4,
HTX Nông,hợp tác xã,nông nghiệp,2024,,,,,,có
"""


def test_from_row_reads_vietnamese_cells():
    """Cells are read the Vietnamese way: names, numbers and yes/no."""
    sheet = ScoreSheet.from_row(
        {
            "organization": " HTX Bình Minh ",
            "kind": "Hợp tác xã",
            "sector": "NONG NGHIEP",
            "year": "2024",
            "province": "Hà Giang",
            "scheme": "TT-09-2017",
            "months_operating": "12",
            "months_suspended": "",
            "sanctioned": "có",
            "special_control": "0",
            "licence_revocation": "false",
            "points.TC2": "20,5",
            "measures.revenue_vnd": "1,5 tỷ",
            "measures.after_tax_profit": "có",
            "measures.capital_adequacy_breaches": "1",
        }
    )

    assert "HTX Bình Minh" == sheet.organization
    assert (OrganizationKind.COOPERATIVE, Sector.AGRICULTURE) == (
        sheet.kind,
        sheet.sector,
    )
    assert Era.PRE_2025 == sheet.province.era
    assert {"TC2": Decimal("20.5")} == dict(sheet.points)
    assert {
        "after_tax_profit": True,
        "capital_adequacy_breaches": Decimal(1),
        "revenue_vnd": Decimal(1_500_000_000),
    } == dict(sheet.measures)
    assert (True, False, False) == (
        sheet.sanctioned,
        sheet.special_control,
        sheet.licence_revocation,
    )
    assert "TT-09-2017" == sheet.scheme


def test_from_row_uses_the_34_units_from_2025():
    """From 2025 the province is looked up among the 34 units."""
    row = {
        "organization": "A",
        "kind": "htx",
        "sector": "van tai",
        "year": "2025",
        "province": "Hà Nội",
    }
    row["kind"] = "hợp tác xã"

    assert Era.FROM_2025 == ScoreSheet.from_row(row).province.era
    with pytest.raises(UnknownProvinceError):
        ScoreSheet.from_row({**row, "province": "Hà Giang"})


UNKNOWN_COLUMN = (
    "unknown column; use organization, kind, sector, year, province,"
    " scheme, the eligibility facts, points.<code> or measures.<name>"
)
YES_NO = "a yes/no cell is có/không, đúng/sai, x, true/false or 1/0"
MONTHS = "a whole number of months, 0 to 12"


@pytest.mark.parametrize(
    ("change", "kind", "message"),
    [
        ({"colour": "blue"}, ParseError, f"colour='blue': {UNKNOWN_COLUMN}"),
        ({"points.": "1"}, ParseError, f"points.='1': {UNKNOWN_COLUMN}"),
        (
            {"year": "2024.0"},
            ParseError,
            "year='2024.0': must be a whole number",
        ),
        ({"sanctioned": "maybe"}, ParseError, f"sanctioned='maybe': {YES_NO}"),
        (
            {"special_control": "?"},
            ParseError,
            f"special_control='?': {YES_NO}",
        ),
        (
            {"licence_revocation": "2"},
            ParseError,
            f"licence_revocation='2': {YES_NO}",
        ),
        (
            {"points.TC1": "8.5"},
            ParseError,
            (
                "points.TC1='8.5': a Vietnamese number uses '.' between"
                " thousands and ',' before decimals, e.g. '1.200' or '8,5'"
            ),
        ),
        (
            {"kind": "company"},
            ParseError,
            (
                "OrganizationKind='company': must be one of:"
                " cooperative_group, cooperative, cooperative_union,"
                " peoples_credit_fund,"
                " cooperative_bank"
            ),
        ),
        (
            {"months_operating": "-1"},
            ParseError,
            "months_operating='-1': must be a whole number",
        ),
        (
            {"months_operating": "13"},
            ValidationError,
            f"months_operating=13: {MONTHS}",
        ),
        (
            {"months_suspended": "x"},
            ParseError,
            "months_suspended='x': must be a whole number",
        ),
        (
            {"months_suspended": "\u0663"},
            ParseError,
            "months_suspended='\u0663': must be a whole number",
        ),
        (
            {"months_suspended": "13"},
            ValidationError,
            f"months_suspended=13: {MONTHS}",
        ),
        (
            {"organization": "A\x00"},
            ValidationError,
            (
                "organization='A\\x00': must not contain control or invisible"
                " characters"
            ),
        ),
        (
            {"province": "Atlantis"},
            UnknownProvinceError,
            (
                "province='Atlantis': no unit of the 63 units (until 30 June"
                " 2025) has this code or name"
            ),
        ),
    ],
)
def test_from_row_refuses_bad_cells(change, kind, message):
    """Bad cells and unknown columns raise an error naming the column."""
    row = {
        "organization": "A",
        "kind": "hợp tác xã",
        "sector": "vận tải",
        "year": "2024",
    }
    row.update(change)
    with pytest.raises(KtttError) as info:
        ScoreSheet.from_row(row)

    assert (kind, message) == (type(info.value), str(info.value))


@pytest.mark.parametrize("column", ["organization", "kind", "sector", "year"])
@pytest.mark.parametrize("cell", [None, "", "  "])
def test_from_row_needs_the_required_columns(column, cell):
    """A required column missing, empty or blank is refused by name."""
    row = {
        "organization": "A",
        "kind": "hợp tác xã",
        "sector": "vận tải",
        "year": "2024",
    }
    if cell is None:
        del row[column]
    else:
        row[column] = cell
    with pytest.raises(ParseError) as info:
        ScoreSheet.from_row(row)

    error = info.value
    assert (column, "", "required column is missing or empty") == (
        error.field,
        error.value,
        error.rule,
    )
    assert f"{column}='': required column is missing or empty" == str(error)


def test_from_row_refuses_extra_cells():
    """A row with more cells than the header is refused, not trimmed."""
    rows = csv.DictReader(io.StringIO("organization\nA,B\n"))
    with pytest.raises(ParseError) as info:
        ScoreSheet.from_row(next(rows))

    assert "row" == info.value.field


def test_classify_csv_keeps_good_rows_and_numbers_bad_ones():
    """Every row has an outcome, in order; errors carry their row number."""
    outcomes = list(classify_csv(SHEETS))

    assert 5 == len(outcomes)
    assert Rating.GOOD == outcomes[0].rating
    assert Rating.FAIR == outcomes[1].rating
    assert isinstance(outcomes[2], KtttError)
    assert (3, "points.I") == (outcomes[2].row, outcomes[2].field)
    assert outcomes[3].rating is None
    assert (5, "points.TC1") == (outcomes[4].row, outcomes[4].field)


def test_classify_csv_reports_unreadable_csv():
    """A CSV the csv module cannot read is a DataError with its row."""
    broken = "organization,kind\n" + "x" * (csv.field_size_limit() + 1) + "\n"
    outcomes = list(classify_csv(io.StringIO(broken), file="broken.csv"))

    assert isinstance(outcomes[-1], DataError)
    assert ("broken.csv", 1) == (outcomes[-1].file, outcomes[-1].row)


def test_result_row():
    """A result row holds rating, total, subtotals, rule and explanations."""
    result = next(classify_csv(SHEETS))
    row = result_row(result)

    assert list(RESULT_COLUMNS) == list(row)
    assert {
        "organization": "HTX Bình Minh",
        "province": "01",
        "scheme": "TT-01-2020",
        "rating": "good",
        "rating_vi": "tốt",
        "grade": "",
        "total": "80",
        "subtotals": "I=25; II=24; III=31",
        "provisional": "false",
        "decided_by": "band",
    }.items() <= row.items()


def test_result_rows_for_overrides_exclusions_and_grades():
    """decided_by names the override or exclusion; grades are written."""
    sanctioned = ScoreSheet(
        organization="HTX-NN",
        kind=OrganizationKind.COOPERATIVE,
        sector=Sector.AGRICULTURE,
        year=2024,
        sanctioned=True,
        points={f"TC{i}": 10 for i in range(1, 7)},
    )
    new = ScoreSheet(
        organization="HTX-M",
        kind=OrganizationKind.COOPERATIVE,
        sector=Sector.TRANSPORT,
        year=2024,
        months_operating=5,
    )
    fund = ScoreSheet(
        organization="QTD",
        kind=OrganizationKind.PEOPLES_CREDIT_FUND,
        sector=Sector.CREDIT,
        year=2024,
        points={"TC1": 10, "TC2": 30, "TC3": 30, "TC4": 10, "TC5": 20},
    )

    assert (
        "override:sanctioned" == result_row(classify(sanctioned))["decided_by"]
    )
    assert ("exclusion:new", "", "") == tuple(
        result_row(classify(new))[k] for k in ("decided_by", "rating", "total")
    )
    assert ("A", "true") == tuple(
        result_row(classify(fund))[k] for k in ("grade", "provisional")
    )


# --- the command line ------------------------------------------------------


def test_kttt_rate_writes_results_and_reports_bad_rows(tmp_path, capsys):
    """kttt rate writes the good rows, numbers the bad ones, exits 1."""
    sheets = tmp_path / "sheets.csv"
    sheets.write_text(SHEETS, encoding="utf-8")
    out = tmp_path / "out.csv"

    status = main(["rate", str(sheets), "-o", str(out), "--lang", "en"])

    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    err = capsys.readouterr().err
    assert 1 == status
    assert ["HTX Bình Minh", "HTX Sao Mai", "HTX Nghỉ"] == [
        r["organization"] for r in rows
    ]
    assert "row 3, column 'points.I': points.I" in err
    assert "row 5: points.TC1" in err


def test_kttt_rate_clean_file_to_stdout(tmp_path, capsys):
    """With only good rows the status is 0 and the CSV goes to stdout."""
    sheets = tmp_path / "sheets.csv"
    sheets.write_text("\n".join(SHEETS.splitlines()[:3]) + "\n", "utf-8")

    status = main(["rate", str(sheets), "--scheme", "TT-01-2020"])

    captured = capsys.readouterr()
    assert 0 == status
    assert "" == captured.err
    assert 3 == len(captured.out.strip().splitlines())


def test_kttt_rate_with_a_scheme_file(tmp_path, capsys):
    """--scheme takes a province's scheme file."""
    scheme = json.loads(builtin_scheme("TT-01-2020").to_json())
    scheme["code"] = "TINH-X"
    path = tmp_path / "tinh-x.json"
    path.write_text(json.dumps(scheme, ensure_ascii=False), "utf-8")
    sheets = tmp_path / "sheets.csv"
    sheets.write_text(
        "organization,kind,sector,year,points.I,points.II,points.III\n"
        "A,hợp tác xã,vận tải,2024,30,30,40\n",
        "utf-8",
    )

    status = main(["rate", str(sheets), "--scheme", str(path)])

    assert 0 == status
    assert ",TINH-X,good," in capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [
        ["rate", "missing.csv"],
        ["rate", "SHEETS", "--scheme", "TT-00-0000"],
        ["rate", "SHEETS", "--scheme", "missing.json"],
    ],
)
def test_kttt_rate_bad_arguments(tmp_path, capsys, args):
    """Unreadable files and unknown schemes exit 2 with an error, no trace."""
    sheets = tmp_path / "sheets.csv"
    sheets.write_text(SHEETS, encoding="utf-8")
    places = {"SHEETS": str(sheets), "missing.csv": str(tmp_path / "x.csv")}
    args = [places.get(a, a) for a in args]

    status = main(args)

    assert 2 == status
    assert capsys.readouterr().err.startswith(("kttt: lỗi:", "kttt: error:"))


# --- the batch path ---------------------------------------------------------


def _number(value: Decimal) -> str:
    return format(value, "f").replace(".", ",")


def _cells(sheet: ScoreSheet) -> dict[str, str]:
    """The cells of a sheet, as a table of sheets writes them."""
    cells = {
        "organization": sheet.organization,
        "kind": sheet.kind.label_vi,
        "sector": sheet.sector.label_vi,
        "year": str(sheet.year),
        "province": "" if sheet.province is None else sheet.province.code,
        "scheme": sheet.scheme or "",
        "months_operating": str(sheet.months_operating),
        "months_suspended": str(sheet.months_suspended),
        "sanctioned": "có" if sheet.sanctioned else "không",
        "special_control": "x" if sheet.special_control else "",
        "licence_revocation": "true" if sheet.licence_revocation else "0",
    }
    for code, value in sheet.points.items():
        cells[f"points.{code}"] = _number(value)
    for name, measure in sheet.measures.items():
        cells[f"measures.{name}"] = (
            ("có" if measure else "không")
            if isinstance(measure, bool)
            else _number(measure)
        )
    return cells


def _table(sheets: list[ScoreSheet]) -> str:
    rows = [_cells(sheet) for sheet in sheets]
    columns = sorted({column for row in rows for column in row})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, restval="")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


@settings(max_examples=60)
@given(st.lists(kst.score_sheets(), min_size=1, max_size=6))
def test_rate_csv_agrees_with_classify_csv(sheets):
    """The batch path gives every row the result the objects give it."""
    text = _table(sheets)
    rated = list(rate_csv(text))
    classified = list(classify_csv(text))

    assert len(sheets) == len(rated) == len(classified)
    for row, (fast, slow) in enumerate(
        zip(rated, classified, strict=True), start=1
    ):
        assert not isinstance(slow, KtttError)
        assert list(result_row(slow).values()) == list(fast.cells)
        assert (row, slow.rating, slow.sheet.year) == (
            fast.row,
            fast.rating,
            fast.year,
        )
        assert classify(slow.sheet) == slow


def test_rate_csv_reports_the_same_errors():
    """Bad rows are the same errors, at the same rows, on both paths."""
    fast = [str(o) for o in rate_csv(SHEETS) if isinstance(o, KtttError)]
    slow = [str(o) for o in classify_csv(SHEETS) if isinstance(o, KtttError)]

    assert 2 == len(fast)
    assert slow == fast


@settings(max_examples=30)
@given(
    st.lists(kst.score_sheets(), min_size=1, max_size=8),
    st.sampled_from(list(GroupBy)),
    st.sampled_from(list(Denominator)),
)
def test_shares_of_rated_rows(sheets, by, denominator):
    """rating_shares counts the rows of rate_csv as it counts verdicts."""
    text = _table(sheets)
    rows = [o for o in rate_csv(text) if not isinstance(o, KtttError)]
    verdicts = [o for o in classify_csv(text) if not isinstance(o, KtttError)]

    assert rating_shares(
        rows, by=by, denominator=denominator
    ) == rating_shares(verdicts, by=by, denominator=denominator)


def test_rows_are_numbered_and_bad_shapes_reported():
    """Blank rows count; a row with extra cells or a missing one is bad."""
    text = (
        "organization,kind,sector,year,points.I,points.II,points.III\n"
        "A,hợp tác xã,vận tải,2024,30,30,40\n"
        "\n"
        "B,hợp tác xã,vận tải,2024,30,30,40,extra\n"
        "C,hợp tác xã,vận tải,2024,30,30\n"
        "D,hợp tác xã,vận tải,2024,30,30,40\n"
    )
    outcomes = list(rate_csv(text))

    assert [1, 5] == [o.row for o in outcomes if isinstance(o, RatedRow)]
    assert [(3, "row"), (4, "points.III")] == [
        (o.row, o.field) for o in outcomes if isinstance(o, KtttError)
    ]
