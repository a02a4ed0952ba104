"""Fuzz tests of the entry points: the command line and the newer rooms.

The ``kttt`` command line (`kttt.cli.main`) is run with hostile files
(observations, score sheets, rating schemes and programme sheets, valid
ones mutated, in the office encodings) and random option values: it
returns 0, 1 or 2 (argparse's own exit 2 included), says why on standard
error when it does not return 0, and never prints a traceback.
The rating, progress and scenario rooms, the programme sheets and the
histories of organisations get hostile values; the contract of issue 11
is that each call returns or raises a `kttt.errors.KtttError` naming the
field and the rule.

The profiles and the counting are those of ``test_fuzz.py`` (see
``hostile.py``): ``KTTT_FUZZ=long`` runs 2000 inputs per target.
"""

from __future__ import annotations

import codecs
import csv
import json

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

import attrs
import pendulum
import pytest

from hypothesis import strategies as st

from hostile import (
    REFUSED,
    WORDS,
    dates,
    dump,
    duplicate_key,
    edge_texts,
    fuzz,
    json_texts,
    mutated_csv,
    mutated_records,
    mutated_texts,
    mutated_trees,
    numbers,
    refused,
    texts,
    values,
    write_csv,
)
from kttt.cli import main
from kttt.errors import KtttError
from kttt.organizations import Cooperative, check_history, legal_rules
from kttt.progress import (
    METHOD_NAMES,
    CompoundGrowth,
    ProgressReport,
    assess,
    assess_many,
)
from kttt.rating import (
    Denominator,
    GroupBy,
    RatingScheme,
    ScoreSheet,
    builtin_scheme,
    builtin_schemes,
    classify,
    classify_csv,
    load_scheme,
    rate_csv,
    rating_shares,
)
from kttt.scenarios import (
    Assumption,
    Scenario,
    project,
    required_rate,
    simulate,
    year_met,
)
from kttt.series import national_series, national_statistics
from kttt.targets import (
    TargetSet,
    nq20_targets,
    programme_from_csv,
    programme_to_csv,
    read_programme,
    target_set,
)


#: Failing inputs of big files are long to show, not wrong.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")


# --- valid input to mutate ---------------------------------------------------

#: A data file for ``kttt report --data``.
_OBSERVATIONS: Final = (
    "indicator,year,value,as_of,source\n"
    "cooperatives.count,2020,26.040,2021-03-01,NSO\n"
    "cooperatives.count,2025,35.041,,\n"
    "cooperatives.members,2024,6.000.000,,\n"
    'cooperatives.good_fair_share,2024,"55,2%",,\n'
)
#: A table of score sheets for ``kttt rate``.
_SHEETS: Final = (
    "organization,kind,sector,year,province,points.I,points.II,points.III,"
    "months_suspended,sanctioned\n"
    "HTX Bình Minh,hợp tác xã,vận tải,2024,Hà Nội,25,24,31,,\n"
    'HTX Sao Mai,hop tac xa,van tai,2024,Ha Giang,25,24,"30,99",,không\n'
    "HTX Nghỉ,hợp tác xã,vận tải,2024,,,,,4,\n"
    "HTX Nông,hợp tác xã,nông nghiệp,2024,,,,,,có\n"
)
#: The built-in schemes as JSON files.
_SCHEMES: Final = [scheme.to_json() for scheme in builtin_schemes()]
#: Programme sheets: a province's as offices write it, and a built-in one.
_PROGRAMMES: Final = [
    (
        "field,value\n"
        "code,12-KH/UBND\n"
        "title,Kế hoạch phát triển kinh tế tập thể\n"
        "scope,Tây Ninh\n"
        "adopted,15/3/2022\n"
        "tolerance,±5 %\n"
        "\n"
        "indicator,label_vi,unit,of,year,comparator,value,tolerance,clause\n"
        "cooperatives.count,,,,2030,khoảng,150,,II.1\n"
        "cooperative_groups.count,,,,2030,khoảng,1.200-1.400,,II.1\n"
        "cooperatives.good_fair_share,,,,2030,bảo đảm,80%,,II.2\n"
        "cooperatives.revenue_average,,,,2030,tăng,,,II.4\n"
        'tn.ocop,"số sản phẩm OCOP",count,,2030,ít nhất,"1.000",,II.5\n'
    ),
    programme_to_csv(target_set("155-CTr/TU")),
]

#: Cells a careless or hostile spreadsheet holds.
_CELLS: Final = st.sampled_from(
    (
        "1" * 5000,
        "²",
        "18,200",
        "\x00",
        "=1+1",
        "+cmd|' /C calc'!A0",
        "@SUM(A1)",
        "-1",
        "1e309",
        "NaN",
        "",
        '"',
        "\ufeff",
    )
)


def _cell_swap(text: str) -> st.SearchStrategy[str]:
    """Put a hostile cell in place of one cell of the CSV *text*."""
    lines = text.splitlines()
    if len(lines) < 2:
        return st.just(text)

    def swap(index: int, column: int, cell: str) -> str:
        cells = lines[index].split(",")
        cells[column % len(cells)] = json.dumps(cell, ensure_ascii=False)
        return "\n".join(
            [*lines[:index], ",".join(cells), *lines[index + 1 :]]
        )

    return st.builds(
        swap, st.integers(1, len(lines) - 1), st.integers(0, 30), _CELLS
    )


def _table_texts(text: str) -> st.SearchStrategy[str]:
    """Return CSV texts near *text*: mutated, a cell made hostile, random."""
    rows = list(csv.DictReader(text.splitlines(keepends=True)))
    return st.one_of(
        mutated_csv(text),
        _cell_swap(text),
        _cell_swap(text).flatmap(mutated_csv),
        mutated_records(rows).map(write_csv),
        texts(),
        st.just(text),
    )


def _json_texts(text: str) -> st.SearchStrategy[str]:
    """Return JSON texts near *text*, and random and deeply nested JSON."""
    return st.one_of(
        json_texts(),
        mutated_texts(text),
        mutated_trees(json.loads(text)).map(dump),
        duplicate_key(text),
        st.integers(1, 5000).map(lambda n: '{"code": ' * n + "1"),
    )


#: How an office saves a text file.
_ENCODINGS: Final = ("utf-8", "utf-8-sig", "utf-16", "cp1258")


def _encoded(text: str, encoding: str) -> bytes:
    """Return *text* in *encoding*, what it cannot hold replaced."""
    if encoding == "cp1258":
        return text.encode(encoding, "replace")
    # UTF-8 and UTF-16 keep lone surrogates (invalid, as broken tools
    # write them).
    return text.encode(encoding, "surrogatepass")


def _files(texts_: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """Draw files: the texts in an office encoding, or random bytes."""
    return st.one_of(
        st.tuples(texts_, st.sampled_from(_ENCODINGS)).map(
            lambda te: _encoded(*te)
        ),
        st.binary(max_size=300),
        st.just(codecs.BOM_UTF8 + b"PK\x03\x04" + bytes(40)),
    )


# --- the command line --------------------------------------------------------


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    """Run ``kttt`` with *argv* under the contract of the command line."""
    try:
        status = main(argv)
    except SystemExit as done:  # argparse: --help, --version, usage errors
        status = done.code if isinstance(done.code, int) else -1
    out, err = capsys.readouterr()
    assert status in {0, 1, 2}, (status, err)
    assert "Traceback" not in err, err
    assert "Traceback" not in out, out
    if status != 0:
        assert err.strip(), (status, argv)
    return status, out, err


def _sometimes(
    valid: Iterable[str], *, weight: int = 3
) -> st.SearchStrategy[str]:
    """Draw a valid option value most times, and hostile text otherwise."""
    chosen = st.sampled_from(tuple(valid))
    return st.one_of(*([chosen] * weight), texts(), edge_texts())


@st.composite
def _options(draw: st.DrawFn, names: dict[str, Any]) -> list[str]:
    """Draw some of the options *names* (option to values), in any order."""
    found: list[str] = []
    for option in draw(st.permutations(list(names))):
        if draw(st.booleans()):
            value = names[option]
            found.extend([option] if value is None else [option, draw(value)])
    return found


_FORMATS: Final = ("text", "json", "csv", "markdown", "xlsx")
_OUTPUT_NAMES: Final = st.one_of(
    st.sampled_from(
        ("out.txt", "out.csv", "out.xlsx", "out.json", ".", "..", "none/x")
    ),
    texts().map(lambda text: text.replace("/", "_") or "_"),
)


def _output_options(workdir: Path) -> dict[str, Any]:
    """Return ``--format`` and ``-o`` (into *workdir*) as `_options` takes."""
    return {
        "--format": _sometimes(_FORMATS),
        "-o": _OUTPUT_NAMES.map(lambda name: str(workdir / name)),
    }


def _common(workdir: Path) -> dict[str, Any]:
    return {
        "--lang": _sometimes(("vi", "en")),
        **_output_options(workdir),
    }


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """Return a directory for the files the targets write and read."""
    return tmp_path_factory.mktemp("entry")


@pytest.fixture
def inside(workdir, monkeypatch):
    """Run in *workdir*, so that a relative path given lands there."""
    monkeypatch.chdir(workdir)
    return workdir


_DATA_NAMES: Final = st.sampled_from(
    ("obs.csv", "obs.CSV", "obs.json", "obs.xlsx", "obs.txt", "obs")
)


@fuzz(
    content=_files(_table_texts(_OBSERVATIONS))
    | _files(json_texts() | st.just(json.dumps({"rows": []}))),
    name=_DATA_NAMES,
    data=st.data(),
)
def test_cli_report_reads_any_data_file(content, name, data, capsys, inside):
    """``kttt report --data FILE`` reports, or says what is wrong."""
    path = inside / name
    path.write_bytes(content)
    argv = [
        "report",
        "--data",
        str(path),
        *data.draw(
            _options(
                {
                    **_common(inside),
                    "--numbers": _sometimes(("vi", "en", "auto")),
                    "--method": _sometimes(METHOD_NAMES),
                    "--methods": _sometimes(("all",)),
                    "--as-of": _sometimes(("2024-12-31", "2020-01-01"))
                    | dates().map(str),
                    "--programme": _sometimes(("20-NQ/TW", "155-CTr/TU")),
                    "--proxy": _sometimes(
                        (
                            (
                                "organizations.good_fair_share="
                                "cooperatives.good_fair_share"
                            ),
                        )
                    ),
                }
            )
        ),
    ]

    _run(capsys, argv)


@fuzz(content=_files(_table_texts(_SHEETS)), data=st.data())
def test_cli_rate_reads_any_sheets(content, data, capsys, inside):
    """``kttt rate FILE`` rates the good rows, or says what is wrong."""
    path = inside / data.draw(st.sampled_from(("sheets.csv", "sheets.xlsx")))
    path.write_bytes(content)
    codes = [scheme.code for scheme in builtin_schemes()]
    argv = [
        "rate",
        str(path),
        *data.draw(
            _options({**_common(inside), "--scheme": _sometimes(codes)})
        ),
    ]

    _run(capsys, argv)


@fuzz(
    content=_files(st.sampled_from(_SCHEMES).flatmap(_json_texts)),
    data=st.data(),
)
def test_cli_rate_reads_any_scheme_file(content, data, capsys, inside):
    """``kttt rate --scheme FILE.json`` reads the scheme, or refuses it."""
    (inside / "sheets.csv").write_text(_SHEETS, encoding="utf-8")
    (inside / "scheme.json").write_bytes(content)
    argv = [
        "rate",
        "sheets.csv",
        "--scheme",
        "scheme.json",
        *data.draw(_options(_common(inside))),
    ]

    _run(capsys, argv)


@fuzz(
    content=_files(st.sampled_from(_PROGRAMMES).flatmap(_table_texts)),
    name=st.sampled_from(("plan.csv", "plan.xlsx", "plan.txt")),
    lang=_sometimes(("vi", "en")),
)
def test_cli_programme_check_reads_any_sheet(
    content, name, lang, capsys, inside
):
    """``kttt programme check FILE`` says the sheet back, or what is wrong."""
    (inside / name).write_bytes(content)

    _run(capsys, ["programme", "check", name, "--lang", lang])


@fuzz(
    content=_files(st.sampled_from(_PROGRAMMES).flatmap(_table_texts)),
    name=st.sampled_from(("plan.csv", "plan.xlsx", "plan.json")),
)
def test_cli_report_reads_any_programme_file(content, name, capsys, inside):
    """``kttt report --programme FILE`` reads the programme, or refuses."""
    (inside / name).write_bytes(content)

    _run(capsys, ["report", "--programme", name])


_PROGRAMME_CODES: Final = ("20-NQ/TW", "155-CTr/TU", "999-X/Y")


@fuzz(data=st.data())
def test_cli_tables_take_any_option(data, capsys, inside):
    """indicators, template, provinces, committees: any option values."""
    command = data.draw(
        st.sampled_from(
            (
                ["indicators"],
                ["template"],
                ["provinces"],
                ["provinces", "lookup"],
                ["committees"],
                ["report"],
            )
        )
    )
    options = _common(inside)
    if command[0] in {"indicators", "template", "report"}:
        options["--programme"] = _sometimes(_PROGRAMME_CODES)
    if command[0] in {"provinces", "committees"}:
        options["--era"] = _sometimes(("34", "63"))
    argv = [*command, *data.draw(_options(options))]
    if command == ["provinces", "lookup"]:
        argv.append(
            data.draw(
                _sometimes(("Hue", "Hà Nội", "01", "TP.HCM", "Thừa Thiên Huế"))
            )
        )

    _run(capsys, argv)


_ARGS: Final = st.one_of(
    st.sampled_from(
        (
            "report",
            "rate",
            "programme",
            "check",
            "indicators",
            "template",
            "provinces",
            "lookup",
            "committees",
            "--data",
            "--scheme",
            "--format",
            "--numbers",
            "--lang",
            "--era",
            "-o",
            "--output",
            "--help",
            "--version",
            "--",
            "-",
            "obs.csv",
            "scheme.json",
        )
    ),
    st.sampled_from(WORDS),
    texts(),
    edge_texts(),
)


@fuzz(argv=st.lists(_ARGS, max_size=8))
def test_cli_takes_any_arguments(argv, capsys, inside):
    """Any arguments at all: an exit status 0, 1 or 2 and no traceback."""
    (inside / "obs.csv").write_text(_OBSERVATIONS, encoding="utf-8")
    (inside / "scheme.json").write_text(_SCHEMES[0], encoding="utf-8")

    _run(capsys, argv)


# --- kttt.rating -------------------------------------------------------------

_SCHEME_CODES: Final = [scheme.code for scheme in builtin_schemes()]
_GOOD_SHEETS: Final = [
    outcome
    for scheme in (None, builtin_scheme("TT-01-2020"))
    for outcome in classify_csv(_SHEETS, scheme)
]
_VALID_SHEETS: Final = [
    ScoreSheet.from_row(row) for row in csv.DictReader(_SHEETS.splitlines())
]
_SHEET_FIELDS: Final = [
    field.alias for field in attrs.fields(ScoreSheet) if field.init
]
_SCHEME_ARGUMENTS: Final = st.one_of(
    st.none(),
    st.sampled_from(builtin_schemes()),
    values(),
)


def _rows(found: object) -> list[Any]:
    """Return what an iterator gives, each `KtttError` checked by `refused`."""
    if found is REFUSED:
        return []
    given = refused(list, found)
    rows = []
    for row in () if given is REFUSED else given:
        if isinstance(row, KtttError):
            assert refused(_raise, row) is REFUSED
        else:
            rows.append(row)
    return rows


def _raise(error: KtttError) -> None:
    raise error


_REQUIRED_SHEET_FIELDS: Final = ("organization", "kind", "sector", "year")


@fuzz(
    kwargs=st.fixed_dictionaries(
        {
            name: values() | edge_texts() | numbers()
            for name in _REQUIRED_SHEET_FIELDS
        },
        optional={
            name: values() | edge_texts() | numbers()
            for name in _SHEET_FIELDS
            if name not in _REQUIRED_SHEET_FIELDS
        },
    )
)
def test_score_sheets_refuse_wrong_values(kwargs):
    """A score sheet is built from any values valid, or refused."""
    found = refused(ScoreSheet, **kwargs)

    assert found is REFUSED or isinstance(found, ScoreSheet)


@fuzz(
    sheet=st.sampled_from(_VALID_SHEETS),
    field=st.sampled_from(_SHEET_FIELDS),
    value=values()
    | edge_texts()
    | numbers()
    | st.dictionaries(texts(), numbers() | values(), max_size=3),
    scheme=_SCHEME_ARGUMENTS,
)
def test_classify_answers_any_sheet(sheet, field, value, scheme):
    """A sheet with one field made hostile is classified, or refused."""
    changed = refused(attrs.evolve, sheet, **{field: value})
    chosen = sheet if changed is REFUSED else changed

    refused(classify, chosen, scheme)
    refused(classify, value, scheme)


@fuzz(
    text=_table_texts(_SHEETS),
    scheme=_SCHEME_ARGUMENTS,
    file=st.just("sheets.csv") | values(),
)
def test_rate_csv_rates_or_refuses_each_row(text, scheme, file):
    """Every row of a mutated table is rated, or refused on its own."""
    for read in (rate_csv, classify_csv):
        _rows(refused(read, text, scheme, file=file))


@fuzz(
    rows=st.lists(st.sampled_from(_GOOD_SHEETS) | values(), max_size=4)
    | values(),
    denominator=st.sampled_from(list(Denominator)) | values(),
    by=st.none() | st.sampled_from(list(GroupBy)) | values(),
)
def test_rating_shares_answer_any_rows(rows, denominator, by):
    """Shares are counted from rated rows, or the arguments refused."""
    refused(rating_shares, rows, denominator=denominator, by=by)


@fuzz(text=st.sampled_from(_SCHEMES).flatmap(_json_texts))
def test_schemes_are_read_or_refused(text):
    """A scheme is read from JSON text, or refused naming what is wrong."""
    found = refused(RatingScheme.from_json, text, file="scheme.json")

    assert found is REFUSED or isinstance(found, RatingScheme)


@fuzz(
    content=_files(st.sampled_from(_SCHEMES).flatmap(_json_texts)),
    name=st.sampled_from(("scheme.json", "scheme.txt", "scheme")),
)
def test_scheme_files_are_read_or_refused(content, name, workdir):
    """A scheme file of any bytes is read, or refused."""
    path = workdir / name
    path.write_bytes(content)

    found = refused(load_scheme, path)

    assert found is REFUSED or isinstance(found, RatingScheme)


@fuzz(path=values() | texts())
def test_scheme_paths_are_read_or_refused(path):
    """Asking for a scheme at a path that is no file is refused."""
    assert refused(load_scheme, path) is REFUSED


# --- kttt.progress -----------------------------------------------------------

_NQ20: Final = nq20_targets()
_TARGETS: Final = list(_NQ20)
_STATISTICS: Final = national_statistics()
_SERIES: Final = [national_series(code) for code in ("cooperatives.count",)]
_SERIES_OF: Final = {
    target.indicator.code: found
    for target in _TARGETS
    if (found := refused(national_series, target.indicator.code))
    is not REFUSED
}
_METHODS: Final = st.sampled_from(METHOD_NAMES) | texts() | values()
_YEARS: Final = st.integers(1990, 2110) | values()


@fuzz(
    target=st.sampled_from(_TARGETS),
    method=_METHODS,
    projector=st.none() | st.just(CompoundGrowth()) | values(),
    options=st.fixed_dictionaries(
        {},
        optional={
            "as_of": st.none() | dates() | values(),
            "base_year": st.none() | _YEARS,
            "epsilon": st.none() | numbers() | values(),
            "stale_after": st.integers(-2, 20) | values(),
        },
    ),
)
def test_assess_answers_any_argument(target, method, projector, options):
    """A target is assessed against its series, or the argument refused."""
    series = _SERIES_OF.get(target.indicator.code, _SERIES[0])
    if method == "projection":
        options["projector"] = projector

    refused(assess, target, series, method=method, **options)


_PATH_VALUES: Final = (
    st.floats(-1e6, 1e6) | numbers() | values() | st.just(35_041.0)
)


@fuzz(
    target=st.sampled_from(_TARGETS[:6]),
    paths=st.lists(st.lists(_PATH_VALUES, min_size=0, max_size=3), max_size=3)
    | values(),
    years=st.lists(_YEARS, max_size=3) | values(),
    method=_METHODS,
)
def test_assess_many_answers_any_path(target, paths, years, method):
    """Scenario paths are assessed at once, or refused."""
    pytest.importorskip("numpy")
    series = _SERIES_OF.get(target.indicator.code, _SERIES[0])

    refused(assess_many, target, series, paths, years=years, method=method)


@fuzz(
    programme=st.sampled_from((_NQ20, target_set("155-CTr/TU"))) | values(),
    data=st.one_of(
        st.just(_STATISTICS),
        st.dictionaries(
            st.sampled_from([t.indicator.code for t in _TARGETS]) | texts(),
            st.sampled_from(_SERIES)
            | st.dictionaries(
                st.integers(1990, 2110) | texts() | st.none(),
                _PATH_VALUES,
                max_size=3,
            )
            | values(),
            max_size=3,
        ),
        values(),
    ),
    options=st.fixed_dictionaries(
        {},
        optional={
            "as_of": st.none() | dates() | values(),
            "methods": st.lists(_METHODS, max_size=3) | values(),
            "proxies": st.none()
            | st.dictionaries(
                texts() | st.sampled_from(WORDS), texts() | values()
            )
            | values(),
            "stale_after": st.integers(-2, 20) | values(),
        },
    ),
)
def test_progress_reports_answer_any_data(programme, data, options):
    """A programme's report is built and written, or refused."""
    report = refused(ProgressReport.build, programme, data, **options)
    if report is not REFUSED:
        for lang in ("vi", "en"):
            report.to_text(lang)
            report.table(lang)
        report.to_json()
        report.index()


# --- kttt.scenarios ----------------------------------------------------------

_RATES: Final = st.floats(-0.99, 1.0) | numbers() | values() | st.just(0.05)
_WINDOWS: Final = st.integers(-1, 30) | values()
#: Assumptions built from hostile numbers (`REFUSED` where refused).
_ASSUMPTIONS: Final = st.one_of(
    st.builds(refused, st.just(Assumption.constant_rate), _RATES),
    st.builds(refused, st.just(Assumption.constant_increment), _RATES),
    st.builds(refused, st.just(Assumption.observed_trend), _WINDOWS),
    st.builds(refused, st.just(Assumption.normal), _RATES, _RATES),
    st.builds(refused, st.just(Assumption.triangular), _RATES, _RATES, _RATES),
    st.builds(refused, st.just(Assumption.uniform), _RATES, _RATES),
    st.builds(refused, st.just(Assumption.resampled), st.none() | _WINDOWS),
    st.builds(refused, st.just(Assumption), kind=values(), rate=_RATES),
)


@fuzz(
    target=st.sampled_from(_TARGETS),
    assumption=_ASSUMPTIONS,
    until=_YEARS,
    start=st.none() | _YEARS,
)
def test_projections_answer_any_assumption(target, assumption, until, start):
    """Projections, required paces and met years answer, or refuse."""
    series = _SERIES_OF.get(target.indicator.code, _SERIES[0])
    if assumption is REFUSED:
        assumption = Assumption.constant_rate(0.05)

    refused(project, series, assumption, until=until)
    refused(required_rate, target, series, start)
    refused(year_met, target, series, assumption, until=until)


#: Draws: small ones, and numbers no array can have; not the millions a
#: machine would try to allocate.
_DRAWS: Final = st.integers(-2, 30) | st.sampled_from(
    (10**400, 2**63, 2**64, 1.5, True, "10", None)
)


@fuzz(
    assumptions=st.dictionaries(
        st.sampled_from([t.indicator.code for t in _TARGETS]) | texts(),
        _ASSUMPTIONS,
        max_size=3,
    ),
    draws=_DRAWS,
    seed=st.integers(-2, 2**70) | values(),
    data=st.just(_STATISTICS) | values(),
)
def test_simulations_answer_any_scenario(assumptions, draws, seed, data):
    """A programme is simulated under a scenario, or the scenario refused."""
    pytest.importorskip("numpy")
    scenario = refused(Scenario, name="fuzz", assumptions=assumptions)
    if scenario is REFUSED:
        scenario = Scenario(name="fuzz", assumptions={})

    refused(simulate, _NQ20, data, scenario, draws=draws, seed=seed)


# --- programme sheets --------------------------------------------------------


@fuzz(
    text=st.sampled_from(_PROGRAMMES).flatmap(_table_texts),
    file=st.none() | st.just("plan.csv") | values(),
)
def test_programme_sheets_are_read_or_refused(text, file):
    """A programme sheet is read into a target set, or refused."""
    found = refused(programme_from_csv, text, file=file)

    assert found is REFUSED or isinstance(found, TargetSet)


@fuzz(
    content=_files(st.sampled_from(_PROGRAMMES).flatmap(_table_texts)),
    name=st.sampled_from(("plan.csv", "plan.xlsx", "plan.XLSX", "plan")),
)
def test_programme_files_are_read_or_refused(content, name, workdir):
    """A programme file of any bytes is read, or refused."""
    path = workdir / name
    path.write_bytes(content)
    found = refused(read_programme, path)

    assert found is REFUSED or isinstance(found, TargetSet)


# --- histories of organisations ----------------------------------------------

_RECORD: Final = Cooperative.from_row(
    {
        "kind": "hợp tác xã",
        "Mã số": "0101234567",
        "Tên": "Hợp tác xã Tân Tiến",
        "Tỉnh": "Thái Nguyên",
        "Lĩnh vực": "nông nghiệp",
        "Ngày thành lập": "02/03/2015",
        "Ngày số liệu": "31/12/2024",
        "Thành viên chính thức": "7",
        "Vốn điều lệ": "1,5 tỷ",
        "OCOP": "4 sao",
        "Chuyển đổi số": "có",
    }
)
_DAYS: Final = st.dates(
    min_value=pendulum.Date(2016, 1, 1), max_value=pendulum.Date(2030, 1, 1)
).map(lambda d: pendulum.Date(d.year, d.month, d.day))


@st.composite
def _records(draw: st.DrawFn) -> object:
    """Draw records of one organisation, some of them changed or hostile."""
    records: list[object] = []
    for _ in range(draw(st.integers(0, 4))):
        how = draw(st.sampled_from(("day", "members", "other", "value")))
        if how == "value":
            records.append(draw(values()))
            continue
        record = attrs.evolve(_RECORD, record_date=draw(_DAYS))
        if how == "members":
            changed = refused(
                attrs.evolve, record, members=draw(values() | numbers())
            )
            record = record if changed is REFUSED else changed
        elif how == "other":
            record = attrs.evolve(record, id=draw(st.just("0101234568")))
        records.append(record)
    return records


@fuzz(
    records=_records() | values() | st.just(_RECORD),
    rules=st.none()
    | st.lists(st.sampled_from(legal_rules()) | values(), max_size=2)
    | values(),
)
def test_histories_answer_any_records(records, rules):
    """A history of records is checked, or refused naming what is wrong."""
    refused(check_history, records, rules=rules)
