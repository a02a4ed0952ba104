"""Tests of rating schemes as data: built-in files, user files, validation."""

from __future__ import annotations

import copy
import importlib.resources
import json

from decimal import Decimal

import pendulum
import pytest

from hypothesis import given

from helpers import envelope
from kttt import datasets
from kttt import strategies as kst
from kttt.errors import DataError, NotFoundError, ScoreError, ValidationError
from kttt.organizations import OrganizationKind, Sector
from kttt.rating import (
    Band,
    Condition,
    Criterion,
    Fact,
    Rating,
    RatingScheme,
    ScoreSheet,
    SizeBasis,
    SizeClass,
    SizeScale,
    SizeStep,
    Step,
    StepRule,
    YesNoRule,
    builtin_scheme,
    builtin_schemes,
    classify,
    load_scheme,
)
from kttt.serialization import from_json, to_json
from kttt.sources import Source


FILES = ("tt-01-2020.json", "tt-09-2017.json", "tt-42-2016.json")


def builtin_text(name: str) -> str:
    """The text of a built-in scheme file."""
    folder = importlib.resources.files("kttt") / "data" / "rating"
    return (folder / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", FILES)
def test_builtin_files_round_trip_exactly(name):
    """Each built-in file's one row is a scheme file that writes back as is."""
    text = builtin_text(name)
    row = json.loads(text)["rows"][0]
    record = json.dumps(row, ensure_ascii=False, indent=2) + "\n"

    assert record == RatingScheme.from_json(text).to_json()
    assert record == RatingScheme.from_json(record).to_json()


@given(kst.rating_schemes())
def test_scheme_files_round_trip(scheme):
    """Any scheme written as a file reads back equal and writes the same."""
    text = scheme.to_json()
    again = RatingScheme.from_json(text)

    assert scheme == again
    assert text == again.to_json()


@given(kst.rating_schemes(builtin=False))
def test_schemes_round_trip_through_serialization(scheme):
    """The cattrs converter uses the scheme file format."""
    assert scheme == from_json(to_json(scheme), RatingScheme)


def test_builtin_schemes_and_dataset_loader():
    """Three schemes ship, each with a source, in force date and notes."""
    schemes = datasets.rating_schemes()

    assert ["TT-01-2020", "TT-09-2017", "TT-42-2016"] == [
        s.code for s in schemes
    ]
    assert schemes == builtin_schemes()
    for scheme in schemes:
        assert scheme.source.document
        assert scheme.source.url
        assert scheme.known
        assert scheme.unknown


def test_tt01_structure_pinned():
    """TT 01/2020: 3 groups of 30/30/40, 15 criteria, known maxima only."""
    scheme = builtin_scheme("TT-01-2020")
    criteria = [c for g in scheme.criteria for c in g.parts]

    assert [Decimal(30), Decimal(30), Decimal(40)] == [
        g.maximum for g in scheme.criteria
    ]
    assert [f"TC{i}" for i in range(1, 16)] == [c.code for c in criteria]
    assert [7, 6, 11, 6, 8, 6, 6, 6, 4] == [c.maximum for c in criteria[:9]]
    assert all(c.maximum is None for c in criteria[9:])
    assert Decimal(40) == scheme.limit("TC12")
    assert pendulum.Date(2020, 4, 1) == scheme.in_force
    assert {"TC1a": 6, "TC3b": 3, "TC7c": 2} == {
        code: scheme.criterion(code).maximum
        for code in ("TC1a", "TC3b", "TC7c")
    }
    assert (
        frozenset(
            {OrganizationKind.COOPERATIVE, OrganizationKind.COOPERATIVE_UNION}
        )
        == scheme.kinds
    )
    assert frozenset() == scheme.measures()


def test_tt09_and_tt42_structure_pinned():
    """TT 09/2017 has 6 criteria; TT 42/2016 weighs 10/30/30/10/20."""
    tt09 = builtin_scheme("TT-09-2017")
    tt42 = builtin_scheme("TT-42-2016")

    assert 6 == len(tt09.criteria)
    assert frozenset({Sector.AGRICULTURE}) == tt09.sectors
    assert ["sanctioned"] == [o.code for o in tt09.overrides]
    assert [10, 30, 30, 10, 20] == [c.maximum for c in tt42.criteria]
    assert all(b.provisional for b in tt42.bands)
    assert "after_tax_profit" in tt09.measures()


def test_criterion_lookup_errors():
    """Unknown codes raise NotFoundError naming the criterion."""
    scheme = builtin_scheme("TT-01-2020")
    with pytest.raises(NotFoundError) as info:
        scheme.limit("TC99")
    assert "criterion" == info.value.field
    with pytest.raises(NotFoundError):
        builtin_scheme("TT-99-2030")
    with pytest.raises(ValidationError):
        scheme.criterion("I").label("fr")


def test_band_of_missing_rating():
    """band_of refuses a rating the scheme has no band for."""
    scheme = RatingScheme.from_dict(_minimal())
    custom = RatingScheme.from_dict(
        {**_minimal(), "bands": [{"rating": "good", "minimum": "0"}]}
    )
    assert Rating.WEAK == scheme.band_of(Rating.WEAK).rating
    with pytest.raises(NotFoundError):
        custom.band_of(Rating.WEAK)


def _minimal() -> dict[str, object]:
    """The smallest valid scheme file, as data."""
    return {
        "code": "TINH-X",
        "name_vi": "Bộ tiêu chí tỉnh X",
        "name_en": "Province X scheme",
        "source": {"document": "12/2024/QĐ-UBND", "clause": "Điều 2"},
        "in_force": "2024-01-01",
        "kinds": ["cooperative"],
        "criteria": [
            {
                "code": "A",
                "label_vi": "Tài chính",
                "label_en": "Finance",
                "maximum": "60",
            },
            {
                "code": "B",
                "label_vi": "Thành viên",
                "label_en": "Members",
                "maximum": 40,
            },
        ],
        "bands": [
            {"rating": "good", "minimum": "75"},
            {"rating": "fair", "minimum": "60"},
            {"rating": "average", "minimum": "40.5"},
            {"rating": "weak", "minimum": "0"},
        ],
    }


def test_province_scheme_from_file(tmp_path):
    """A province's own scheme loads from a file and rates sheets."""
    path = tmp_path / "tinh-x.json"
    text = json.dumps(_minimal(), ensure_ascii=False)
    path.write_text(text.replace('"40.5"', "40.5"), "utf-8")
    scheme = load_scheme(path)
    sheet = ScoreSheet(
        organization="HTX-1",
        kind=OrganizationKind.COOPERATIVE,
        sector=Sector.TRANSPORT,
        year=2024,
        scheme="TINH-X",
        points={"A": 50, "B": 25},
    )

    assert Decimal("40.5") == scheme.bands[2].minimum
    assert Rating.GOOD == classify(sheet, scheme).rating
    assert scheme == RatingScheme.from_json(scheme.to_json())


def test_load_scheme_missing_file(tmp_path):
    """A file that cannot be read is a NotFoundError naming the file."""
    path = tmp_path / "nope.json"
    with pytest.raises(NotFoundError) as info:
        load_scheme(path)

    assert str(path) == info.value.value


def _broken(change):
    data = copy.deepcopy(_minimal())
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (lambda d: d.pop("code"), "code", "required"),
        (lambda d: d.update(extra=1), "$", "unknown field"),
        (lambda d: d.update(kinds=["coop"]), "kinds[0]", "one of"),
        (lambda d: d.update(kinds="cooperative"), "kinds", "list"),
        (lambda d: d.update(kinds=[]), "kinds", "empty"),
        (
            lambda d: d["criteria"][0].update(maximum="abc"),
            "criteria[0].maximum",
            "not a decimal number",
        ),
        (
            lambda d: d["criteria"][0].update(maximum="Infinity"),
            "criteria[0].maximum",
            "finite",
        ),
        (
            lambda d: d["criteria"][0].update(maximum=True),
            "criteria[0].maximum",
            "exact number",
        ),
        (
            lambda d: d["criteria"][0].update(maximum="-1"),
            "criteria[0].maximum",
            "at least 0",
        ),
        (
            lambda d: d["criteria"][0].update(maximum="61"),
            "criteria",
            "add up to the total",
        ),
        (lambda d: d["criteria"][1].update(code="A"), "criteria", "unique"),
        (
            lambda d: d["criteria"][1].update(code=" B"),
            "criteria[1].code",
            "white space",
        ),
        (
            lambda d: d["criteria"][1].update(label_vi=""),
            "criteria[1].label_vi",
            "blank",
        ),
        (
            lambda d: d["criteria"][1].update(label_en=3),
            "criteria[1].label_en",
            "text",
        ),
        (lambda d: d.update(in_force="1/1/2024"), "in_force", "YYYY-MM-DD"),
        (lambda d: d.update(source=None), "source", "names its source"),
        (
            lambda d: d.update(source={"clause": "Điều 1"}),
            "source",
            "document or a URL",
        ),
        (
            lambda d: d.update(
                source={"document": "X", "retrieved": "2024-13-01"}
            ),
            "source.retrieved",
            "YYYY-MM-DD",
        ),
        (lambda d: d["bands"].reverse(), "bands", "best to worst"),
        (
            lambda d: d["bands"][3].update(minimum="1"),
            "bands",
            "starts at 0",
        ),
        (
            lambda d: d["bands"][0].update(minimum="101"),
            "bands",
            "above 100",
        ),
        (
            lambda d: d["bands"][1].update(rating="good"),
            "bands",
            "one band per rating",
        ),
        (
            lambda d: d["bands"][1].update(inclusive="yes"),
            "bands[1].inclusive",
            "true or false",
        ),
        (
            lambda d: d["bands"][1].update(grade="E"),
            "bands[1].grade",
            "one of",
        ),
        (lambda d: d.update(bands={}), "bands", "list"),
        (lambda d: d.update(criteria=[1]), "criteria[0]", "object"),
        (
            lambda d: d["criteria"][0].update(rule={"kind": "formula"}),
            "criteria[0].rule.kind",
            "steps",
        ),
        (
            lambda d: d["criteria"][0].update(
                rule={"kind": "yes_no", "measure": "m", "yes": "61", "no": "0"}
            ),
            "criteria[0].rule",
            "at most the maximum",
        ),
        (
            lambda d: d["criteria"][0].update(
                rule={
                    "kind": "steps",
                    "measure": "m",
                    "unit": "%",
                    "steps": [],
                }
            ),
            "criteria[0].rule.steps",
            "has steps",
        ),
        (
            lambda d: d["criteria"][0].update(
                rule={
                    "kind": "steps",
                    "measure": "m",
                    "unit": "%",
                    "steps": [
                        {"from": "1", "points": "1"},
                        {"from": "1", "points": "2"},
                    ],
                }
            ),
            "criteria[0].rule.steps",
            "rise strictly",
        ),
        (
            lambda d: d["criteria"][0].update(
                parts=[
                    {
                        "code": "A1",
                        "label_vi": "a",
                        "label_en": "a",
                        "maximum": "59",
                    }
                ]
            ),
            "criteria[0].parts",
            "add up",
        ),
        (
            lambda d: d["criteria"][0].update(
                maximum=None,
                parts=[
                    {
                        "code": "A1",
                        "label_vi": "a",
                        "label_en": "a",
                        "maximum": "101",
                    }
                ],
            ),
            "criteria.A1.maximum",
            "cannot exceed",
        ),
        (
            lambda d: d["criteria"][0].update(
                parts=[
                    {
                        "code": "A1",
                        "label_vi": "a",
                        "label_en": "a",
                        "maximum": "60",
                    }
                ],
                rule={"kind": "yes_no", "measure": "m", "yes": "1", "no": "0"},
            ),
            "criteria[0].parts",
            "not both",
        ),
        (
            lambda d: d.update(
                exclusions=[
                    {
                        "code": "x",
                        "when": {"fact": "months_operating"},
                        "label_vi": "x",
                        "label_en": "x",
                    }
                ]
            ),
            "exclusions[0].when",
            "exactly one",
        ),
        (
            lambda d: d.update(
                exclusions=[
                    {
                        "code": "x",
                        "when": {"fact": "sanctioned", "below": 1},
                        "label_vi": "x",
                        "label_en": "x",
                    }
                ]
            ),
            "exclusions[0].when",
            "yes/no",
        ),
        (
            lambda d: d.update(
                exclusions=[
                    {
                        "code": "x",
                        "when": {"fact": "months_suspended", "above": 13},
                        "label_vi": "x",
                        "label_en": "x",
                    }
                ]
            ),
            "exclusions[0].when.above",
            "0 to 12",
        ),
        (
            lambda d: d.update(
                exclusions=[
                    {
                        "code": "x",
                        "when": {"fact": "months_suspended", "above": 3.5},
                        "label_vi": "x",
                        "label_en": "x",
                    }
                ]
            ),
            "exclusions[0].when.above",
            "whole number",
        ),
        (
            lambda d: d.update(
                overrides=[
                    {
                        "code": "x",
                        "when": {"fact": "sanctioned"},
                        "rating": "weak",
                        "label_vi": "x",
                        "label_en": "x",
                    }
                ]
                * 2
            ),
            "overrides",
            "unique",
        ),
        (
            lambda d: d.update(
                size_scales=[
                    {
                        "basis": "members",
                        "steps": [{"size": "micro", "from": 1}],
                    }
                ]
            ),
            "size_scales[0].steps",
            "start at 0",
        ),
        (
            lambda d: d.update(
                size_scales=[
                    {
                        "basis": "members",
                        "steps": [{"size": "micro", "from": 0}],
                    }
                ]
                * 2
            ),
            "size_scales",
            "one scale per basis",
        ),
        (lambda d: d.update(known=[1]), "known[0]", "text"),
    ],
)
def test_bad_scheme_data_names_path_and_value(change, path, words):
    """Bad scheme data raises DataError naming the file, path and rule."""
    with pytest.raises(DataError) as info:
        RatingScheme.from_dict(_broken(change), file="tinh-x.json")

    assert ("tinh-x.json", path) == (info.value.file, info.value.field)
    assert words in info.value.rule


def test_floats_are_refused_outside_json_text():
    """A Python float is binary: scheme data must give exact numbers."""
    data = _broken(lambda d: d["bands"][2].update(minimum=40.5))
    with pytest.raises(DataError) as info:
        RatingScheme.from_dict(data)

    assert ("<data>", "bands[2].minimum") == (
        info.value.file,
        info.value.field,
    )


def test_bad_json_text():
    """Text that is not JSON is a DataError with line and column."""
    with pytest.raises(DataError) as info:
        RatingScheme.from_json('{"code": ', file="bad.json")

    assert "bad.json" == info.value.file
    assert "line 1" in info.value.rule


def test_scheme_without_size_scales_and_with_rules():
    """Hand-built values check their own invariants."""
    with pytest.raises(ValidationError):
        Condition(fact=Fact.MONTHS_OPERATING, below=True)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Step(at_least=Decimal(0), points=Decimal(-1))
    with pytest.raises(ValidationError):
        Band(rating=Rating.GOOD, minimum=1.5)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        SizeScale(basis=SizeBasis.MEMBERS, steps=())
    rule = StepRule(
        measure="m",
        unit="%",
        steps=(Step(at_least=Decimal(0), points=Decimal(1)),),
        requires="ok",
    )
    assert ("m", "ok") == rule.measures
    assert ("y",) == YesNoRule(measure="y", yes=Decimal(2)).measures
    assert Decimal(2) == YesNoRule(measure="y", yes=Decimal(2)).most
    node = Criterion(code="A", label_vi="a", label_en="b", maximum=None)
    assert "b" == node.label("en")
    scale = SizeScale(
        basis=SizeBasis.CAPITAL,
        steps=(SizeStep(size=SizeClass.MICRO, at_least=0),),
        source=Source(document="X"),
    )
    assert SizeClass.MICRO == scale.classify(10**12)


def test_conditions_describe_themselves():
    """Conditions read as text in both languages."""
    below = Condition(fact=Fact.MONTHS_OPERATING, below=12)
    above = Condition(fact=Fact.MONTHS_SUSPENDED, above=3)
    flag = Condition(fact=Fact.SANCTIONED)

    assert "months operating in the year below 12" == below.describe("en")
    assert "số tháng tạm ngừng hoạt động trong năm trên 3" == above.describe(
        "vi"
    )
    assert "administratively sanctioned in the year" == flag.describe("en")


def test_labels_are_vietnamese_by_default():
    """Conditions, exclusions, overrides and criteria: vi unless asked."""
    tt09 = builtin_scheme("TT-09-2017")
    labelled = (
        tt09.exclusions[0].label,
        tt09.overrides[0].label,
        tt09.criterion("TC1").label,
        Condition(fact=Fact.MONTHS_OPERATING, below=12).describe,
        Condition(fact=Fact.MONTHS_SUSPENDED, above=3).describe,
    )

    assert [
        "hợp tác xã mới thành lập, hoạt động dưới 12 tháng",
        "bị xử phạt vi phạm hành chính trong năm về hoạt động của hợp tác xã",
        "Doanh thu và kết quả sản xuất, kinh doanh trong năm",
        "số tháng hoạt động trong năm dưới 12",
        "số tháng tạm ngừng hoạt động trong năm trên 3",
    ] == [label() for label in labelled]
    assert [
        "newly founded, operating for less than 12 months",
        (
            "administratively sanctioned in the year for the cooperative's "
            "activities"
        ),
        "Revenue and business results of the year",
        "months operating in the year below 12",
        "months suspended in the year above 3",
    ] == [label("en") for label in labelled]


def test_band_ceiling_and_exclusive_minimum():
    """Band ranges: TT 42's A starts above 80; the top band ends at 100."""
    tt42 = builtin_scheme("TT-42-2016")
    a, b = tt42.bands[0], tt42.bands[1]

    assert (Decimal(100), True) == tt42.band_ceiling(a)
    assert (Decimal(80), True) == tt42.band_ceiling(b)
    assert not a.contains(Decimal(80))
    assert b.contains(Decimal(80))


def test_band_for_refuses_negative_totals():
    """Totals are never below 0."""
    with pytest.raises(ValidationError) as info:
        builtin_scheme("TT-01-2020").band_for(Decimal("-0.01"))

    assert "total" == info.value.field


def test_rule_score_names_missing_measure():
    """Scoring a rule without its measure names the measure."""
    rule = builtin_scheme("TT-09-2017").criterion("TC1b").rule
    with pytest.raises(ScoreError) as info:
        rule.score({}, "TC1b")

    assert "measures.revenue_vnd" == info.value.field


def test_exclusion_and_override_labels():
    """Exclusions and overrides read in both languages."""
    tt09 = builtin_scheme("TT-09-2017")

    assert "newly founded, operating for less than 12 months" == (
        tt09.exclusions[0].label("en")
    )
    assert tt09.overrides[0].label("vi").startswith("bị xử phạt")


# --- the built-in files as datasets, and scheme files as envelopes --------


SCHEME_DATASETS = (
    "rating/tt-01-2020",
    "rating/tt-09-2017",
    "rating/tt-42-2016",
)


def test_schemes_are_built_in_datasets():
    """Each scheme file is a dataset: one row, its sources with dates."""
    assert set(SCHEME_DATASETS) <= set(datasets.names())
    for name, scheme in zip(SCHEME_DATASETS, builtin_schemes(), strict=True):
        info = datasets.about(name)
        assert 1 == info.rows
        assert f"kttt/data/{name}.json" == info.file
        assert scheme.source.document in {s.document for s in info.sources}
        assert all(s.retrieved is None for s in info.sources)
        assert scheme == datasets.load(name)


def _envelope(record: object) -> dict[str, object]:
    return envelope([record], document="12/2024/QĐ-UBND")


def test_a_corrected_copy_of_a_dataset_loads(tmp_path):
    """datasets.load reads a user's copy of a scheme file, exactly."""
    data = json.loads(builtin_text("tt-01-2020.json"))
    data["rows"][0]["bands"][0]["minimum"] = "80.000000000000000000000000001"
    path = tmp_path / "tt-01-2020.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")

    scheme = datasets.load("rating/tt-01-2020", path)

    assert Decimal("80.000000000000000000000000001") == scheme.bands[0].minimum


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (
            lambda d: d["rows"][0]["bands"][1].update(minimum="abc"),
            "rows[0].bands[1].minimum",
            "not a decimal number",
        ),
        (lambda d: d["rows"].append(d["rows"][0]), "rows", "one record"),
        (
            lambda d: d["sources"][0].pop("retrieved"),
            "sources[0].retrieved",
            "",
        ),
        (lambda d: d.update(note="x"), "$", "description"),
    ],
)
def test_malformed_scheme_files_name_file_and_path(
    tmp_path, change, field, words
):
    """A broken scheme file names the file and the path, however read."""
    data = _envelope(_minimal())
    change(data)
    path = tmp_path / "tinh-x.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")

    for read in (load_scheme, lambda p: datasets.load("rating/tt-01-2020", p)):
        with pytest.raises(DataError) as info:
            read(path)
        assert (str(path), field) == (info.value.file, info.value.field)
        assert words in info.value.rule


def test_load_scheme_reads_a_record_or_an_envelope(tmp_path):
    """A scheme file is the bare record or a data file holding one."""
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps(_minimal(), ensure_ascii=False), "utf-8")
    wrapped = tmp_path / "wrapped.json"
    text = json.dumps(_envelope(_minimal()), ensure_ascii=False)
    wrapped.write_text(text.replace('"40.5"', "40.5"), "utf-8")

    assert load_scheme(bare) == load_scheme(wrapped)
    assert Decimal("40.5") == load_scheme(wrapped).bands[2].minimum


@pytest.mark.parametrize(
    "number",
    ["1E-300000", "1E+300000", "1" * 100_000, "0." + "1" * 100_000],
    ids=["tiny", "huge", "100k digits", "100k decimals"],
)
def test_numbers_with_too_many_digits_are_refused(number):
    """A number of thousands of digits is refused, not computed with."""
    data = _broken(lambda d: d["criteria"][0].update(maximum=number))
    with pytest.raises(DataError) as info:
        RatingScheme.from_dict(data)

    assert "criteria[0].maximum" == info.value.field
    assert "digits" in info.value.rule
