"""Tests of kttt.geography: the 63 and 34 units, lookups, merge map, data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata

from decimal import Decimal
from importlib import resources

import attrs
import pendulum
import pytest

from hypothesis import given
from hypothesis import strategies as st

from kttt import datasets
from kttt import strategies as kst
from kttt.errors import (
    DataError,
    KtttError,
    UnknownProvinceError,
    ValidationError,
)
from kttt.geography import MERGE_DATE, Era, Province, ProvinceKind
from kttt.serialization import from_csv, from_json, to_csv, to_json


NEW = Era.FROM_2025
OLD = Era.PRE_2025


def _outcome(call, *args):
    # The value returned, or the KtttError raised (any other error escapes).
    try:
        return call(*args)
    except KtttError as error:
        return error


def _data(name: str) -> str:
    folder = resources.files("kttt").joinpath("data", "geography")
    return folder.joinpath(name).read_text(encoding="utf-8")


# --- the table, pinned to targets-and-stats.md §5 and provinces.csv --------


def test_counts():
    """There are 34 units from 2025-07-01 and 63 before."""
    assert (34, 63) == (len(Province.all()), len(Province.all(OLD)))


def test_reform_shape():
    """The 34 are 6 cities and 28 provinces; 11 unchanged, 23 new (§5a)."""
    units = Province.all(NEW)
    cities = [u.name for u in units if u.kind is ProvinceKind.CITY]
    unchanged = [u for u in units if len(u.predecessors()) == 1]

    assert [
        "Hà Nội",
        "Hải Phòng",
        "Huế",
        "Đà Nẵng",
        "Hồ Chí Minh",
        "Cần Thơ",
    ] == cities
    assert (11, 23) == (len(unchanged), len(units) - len(unchanged))


def test_all_is_sorted_by_code():
    """Province.all returns the units of an era sorted by code."""
    for era in Era:
        codes = [unit.code for unit in Province.all(era)]

        assert sorted(codes) == codes


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Ninh Thuận", "Khánh Hòa"),
        ("Quảng Bình", "Quảng Trị"),
        ("Hà Giang", "Tuyên Quang"),
        ("Yên Bái", "Lào Cai"),
        ("Bắc Giang", "Bắc Ninh"),
        ("Hòa Bình", "Phú Thọ"),
        ("Quảng Nam", "Đà Nẵng"),
        ("Kon Tum", "Quảng Ngãi"),
        ("Bình Dương", "Hồ Chí Minh"),
        ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
        ("Tiền Giang", "Đồng Tháp"),
        ("Long An", "Tây Ninh"),
        ("Hậu Giang", "Cần Thơ"),
    ],
)
def test_merge_examples(old, new):
    """Old units merge into the unit provinces.csv names."""
    assert new == Province.get(old, era=OLD).successor().name


def test_predecessor_examples():
    """New units list their predecessors by code (provinces.csv)."""
    codes = {
        unit.name: tuple(p.code for p in unit.predecessors())
        for unit in Province.all()
    }

    assert ("02", "08") == codes["Tuyên Quang"]
    assert ("17", "25", "26") == codes["Phú Thọ"]
    assert ("74", "77", "79") == codes["Hồ Chí Minh"]
    assert ("82", "87") == codes["Đồng Tháp"]
    assert ("72", "80") == codes["Tây Ninh"]


def test_figures_pinned_to_nq202_tables():
    """Area and population of the 34 are those of §5b; none for the 63."""
    hanoi = Province.get("01")
    total = sum(unit.population or 0 for unit in Province.all())

    assert (Decimal("3359.82"), 8_718_000) == (
        hanoi.area_km2,
        hanoi.population,
    )
    assert Decimal(12700) == Province.get("Quảng Trị").area_km2
    assert 112_093_848 == total
    assert all(
        (u.area_km2, u.population) == (None, None) for u in Province.all(OLD)
    )


def test_every_unit_has_sources():
    """Each unit carries the sources of its row, citing NQ 202."""
    for era in Era:
        for unit in Province.all(era):
            cited = {source.cite() for source in unit.sources}

            assert "202/2025/QH15" in cited


def test_merge_date():
    """The merge took effect on 2025-07-01 (NQ 202/2025/QH15)."""
    assert pendulum.Date(2025, 7, 1) == MERGE_DATE
    assert type(MERGE_DATE) is pendulum.Date


def test_datasets_loader():
    """datasets.provinces delegates to Province.all."""
    assert Province.all(OLD) == datasets.provinces(OLD)
    assert Province.all() == datasets.provinces()


# --- the merge map ---------------------------------------------------------


@given(kst.provinces(era=OLD))
def test_old_unit_maps_to_one_new_unit(unit):
    """Every old unit has one successor, which lists it as a predecessor."""
    successor = unit.successor()
    holders = [u for u in Province.all(NEW) if unit in u.predecessors()]

    assert NEW is successor.era
    assert [successor] == holders


@given(kst.provinces(era=NEW))
def test_new_unit_predecessors_map_back(unit):
    """Every predecessor of a new unit names that unit as its successor."""
    predecessors = unit.predecessors()

    assert predecessors
    assert all(p.era is OLD and p.successor() == unit for p in predecessors)
    assert unit.code in {p.code for p in predecessors}


def test_predecessors_partition_the_63():
    """The predecessor lists of the 34 cover each of the 63 exactly once."""
    listed = [p for unit in Province.all() for p in unit.predecessors()]

    assert sorted(listed, key=lambda p: p.code) == list(Province.all(OLD))


@given(kst.provinces())
def test_successor_and_predecessors_of_self(unit):
    """A new unit is its own successor; an old one its own predecessor."""
    if unit.era is NEW:
        assert unit is unit.successor()
    else:
        assert (unit,) == unit.predecessors()


# --- dates -----------------------------------------------------------------


def test_on_merge_date():
    """The 63 are in force until 2025-06-30, the 34 from 2025-07-01."""
    assert Province.all(OLD) == Province.on(pendulum.Date(2025, 6, 30))
    assert Province.all(NEW) == Province.on(MERGE_DATE)
    assert Province.all(NEW) == Province.on(dt.date(2030, 1, 1))


@given(kst.provinces(), kst.pendulum_dates())
def test_in_force_agrees_with_on(unit, date):
    """A unit is in force at a date exactly when Province.on lists it."""
    assert unit.in_force(date) == (unit in Province.on(date))


@pytest.mark.parametrize(
    "bad", [pendulum.datetime(2025, 7, 1), "2025-07-01", None, 2025]
)
def test_bad_dates(bad):
    """Date-times and non-dates raise ValidationError naming the field."""
    unit = Province.get("01")
    for call in (Province.on, Era.on, unit.in_force, unit.name_on):
        with pytest.raises(ValidationError, match="date="):
            call(bad)


# --- Huế -------------------------------------------------------------------


def test_hue_former_name():
    """Thừa Thiên Huế finds the old unit 46, a city since 2025-01-01."""
    hue = Province.get("Thừa Thiên Huế")

    assert (OLD, "46", "Huế") == (hue.era, hue.code, hue.name)
    assert ("Thành phố Huế", ProvinceKind.CITY) == (hue.full_name, hue.kind)
    assert ("Thừa Thiên Huế", "Tỉnh Thừa Thiên Huế") == hue.former_names
    assert pendulum.Date(2025, 1, 1) == hue.renamed_on
    assert hue is Province.get("tinh thua thien - hue")
    assert Province.get("Huế", era=NEW) is hue.successor()


def test_hue_name_on():
    """name_on gives Thừa Thiên Huế before 2025-01-01, Huế after."""
    hue = Province.get("46", era=OLD)

    assert "Thừa Thiên Huế" == hue.name_on(pendulum.Date(2024, 12, 31))
    assert "Huế" == hue.name_on(pendulum.Date(2025, 1, 1))
    assert "Huế" == Province.get("46").name_on(pendulum.Date(2020, 1, 1))


def test_hue_former_name_is_not_a_new_unit():
    """The former name is not one of the 34; the error says where it is."""
    with pytest.raises(UnknownProvinceError, match=r"Huế \(46\) of the 63"):
        Province.get("Thua Thien Hue", era=NEW)


# --- lookups ---------------------------------------------------------------

_TONE_OLD_STYLE = {
    "òa": "oà",
    "óa": "oá",
    "ỏa": "oả",
    "õa": "oã",
    "ọa": "oạ",
}


def _strip(text):
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("đ", "d").replace("Đ", "D")


def _old_style_tones(text):
    return re.sub(
        "|".join(_TONE_OLD_STYLE), lambda m: _TONE_OLD_STYLE[m[0]], text
    )


_TRANSFORMS = [
    lambda text: unicodedata.normalize("NFC", text),
    lambda text: unicodedata.normalize("NFD", text),
    _strip,
    _old_style_tones,
    str.upper,
    str.lower,
    lambda text: f"  {text} ",
]


def _spellings(unit):
    forms = [unit.code, unit.name, unit.full_name, *unit.former_names]
    if unit.kind is ProvinceKind.CITY:
        forms += [f"TP {unit.name}", f"TP. {unit.name}", f"{unit.name} City"]
    return [*forms, *unit.aliases]


@st.composite
def _unit_and_spelling(draw):
    unit = draw(kst.provinces())
    spelling = draw(st.sampled_from(_spellings(unit)))
    for transform in draw(st.lists(st.sampled_from(_TRANSFORMS), max_size=3)):
        spelling = transform(spelling)
    return unit, spelling


@given(_unit_and_spelling())
def test_lookup_invariant_under_spelling(case):
    """Any spelling, normalisation or diacritics removal finds the unit."""
    unit, spelling = case

    assert unit is Province.get(spelling, era=unit.era)


@given(kst.provinces(), st.sampled_from(_TRANSFORMS[:3]))
def test_lookup_nfc_nfd_and_plain_agree(unit, transform):
    """NFC, NFD and plain-ASCII names give the same unit with era=None."""
    assert Province.get(unit.full_name) is Province.get(
        transform(unit.full_name)
    )


@pytest.mark.parametrize(
    ("key", "code", "era"),
    [
        ("Hà Nội", "01", NEW),
        ("ha noi", "01", NEW),
        ("Hanoi", "01", NEW),
        ("Thành phố Hồ Chí Minh", "79", NEW),
        ("TP.HCM", "79", NEW),
        ("TP HCM", "79", NEW),
        ("tphcm", "79", NEW),
        ("Ho Chi Minh City", "79", NEW),
        ("Khánh Hoà", "56", NEW),
        ("Thanh Hoá", "38", NEW),
        ("Hoà Bình", "17", OLD),
        ("Ba Ria Vung Tau", "77", OLD),
        ("Bà Rịa–Vũng Tàu", "77", OLD),
        ("tinh quang binh", "44", OLD),
        ("Quảng Trị Province", "44", NEW),
        ("DAK LAK", "66", NEW),
        ("02", "02", OLD),
        (" 96 ", "96", NEW),
    ],
)
def test_lookup_examples(key, code, era):
    """Common spellings find the expected unit; the 34 come first."""
    unit = Province.get(key)

    assert (code, era) == (unit.code, unit.era)


def test_era_restricts_search():
    """era= searches one era only: Quảng Trị of the 63 is code 45."""
    assert "45" == Province.get("Quảng Trị", era=OLD).code
    assert "44" == Province.get("Quảng Trị").code


def test_get_returns_the_table_value():
    """Lookups return the same object; values hash and compare by value."""
    unit = Province.get("Cần Thơ")

    assert unit is Province.get("92")
    assert unit == attrs.evolve(unit)
    assert 34 == len(set(Province.all()))
    assert "Cần Thơ" == str(unit)


@given(st.text(max_size=30))
def test_lookup_text_never_crashes(text):
    """Any text finds a unit or raises UnknownProvinceError."""
    outcome = _outcome(Province.get, text)

    assert isinstance(outcome, Province) or "province=" in str(outcome)


@pytest.mark.parametrize("key", [1, None, b"01", ["01"]])
def test_lookup_non_text(key):
    """A key that is not text raises UnknownProvinceError."""
    with pytest.raises(UnknownProvinceError, match="province="):
        Province.get(key)


@pytest.mark.parametrize("key", ["", "99", "1", "Hà Tây", "Ha Noii"])
def test_lookup_unknown(key):
    """Unknown codes and names raise UnknownProvinceError, a KtttError."""
    with pytest.raises(UnknownProvinceError) as caught:
        Province.get(key)

    assert isinstance(caught.value, KtttError)
    assert "province=" in str(caught.value)


def test_lookup_suggests_close_names():
    """A misspelt name gets a suggestion."""
    with pytest.raises(UnknownProvinceError, match="did you mean Hà Nội"):
        Province.get("Ha Noii")


@pytest.mark.parametrize("era", ["34", 34, None])
def test_bad_era(era):
    """An era that is not an Era raises ValidationError."""
    with pytest.raises(ValidationError, match="era="):
        Province.all(era)
    if era is not None:
        with pytest.raises(ValidationError, match="era="):
            Province.get("01", era=era)


# --- construction ----------------------------------------------------------


def test_construction_matches_table():
    """Building a unit with the table's values gives an equal unit."""
    unit = Province.get("Huế", era=OLD)

    assert unit == Province(**attrs.asdict(unit, recurse=False))


@pytest.mark.parametrize(
    ("changes", "error", "field"),
    [
        ({"code": "1"}, ValidationError, "code="),
        ({"code": 1}, ValidationError, "code="),
        ({"code": "99"}, UnknownProvinceError, "code="),
        ({"code": "02"}, UnknownProvinceError, "code="),
        ({"name": "Hanoi"}, ValidationError, "name="),
        ({"kind": ProvinceKind.PROVINCE}, ValidationError, "kind="),
        ({"population": 1}, ValidationError, "population="),
        ({"era": "34"}, ValidationError, "era"),
        ({"name": 1}, ValidationError, "name=1"),
        ({"former_names": "Hà Nội"}, ValidationError, "former_names="),
        ({"area_km2": Decimal("sNaN")}, ValidationError, "area_km2="),
        ({"area_km2": 3359.84}, ValidationError, "area_km2="),
        ({"population": "8718000"}, ValidationError, "population="),
        ({"renamed_on": "2025-01-01"}, ValidationError, "renamed_on="),
        ({"sources": [None]}, ValidationError, "sources="),
    ],
)
def test_construction_rejects_what_the_table_lacks(changes, error, field):
    """An invented or altered unit cannot be constructed."""
    with pytest.raises(error, match=field):
        attrs.evolve(Province.get("01"), **changes)


# --- serialization ---------------------------------------------------------


@given(kst.provinces())
def test_json_round_trip(unit):
    """JSON holds code, era and name and reads back the identical unit."""
    text = to_json(unit)
    back = from_json(text, Province)

    assert {
        "code": unit.code,
        "era": unit.era.value,
        "name": unit.name,
    } == json.loads(text)
    assert unit is back
    assert type(back.renamed_on) in {type(None), pendulum.Date}


@given(st.lists(kst.provinces(), max_size=5))
def test_csv_round_trip(units):
    """CSV rows hold code and era and read back the same units."""
    back = list(from_csv(to_csv(units), Province))

    assert units == back
    assert all(type(unit) is Province for unit in back)


@given(
    st.fixed_dictionaries(
        {},
        optional={
            "code": st.one_of(st.text(max_size=3), st.integers(), st.none()),
            "era": st.one_of(st.sampled_from(["34", "63"]), st.text()),
            "name": st.text(),
        },
    )
)
def test_structure_bad_data(data):
    """Bad JSON for a Province raises a KtttError, never another error."""
    outcome = _outcome(from_json, json.dumps(data), Province)

    assert isinstance(outcome, KtttError) or (
        outcome.code,
        outcome.era.value,
    ) == (data["code"], data["era"])


def test_structure_names_field():
    """Errors from JSON name the code or era that was wrong."""
    with pytest.raises(UnknownProvinceError, match="code='02'"):
        from_json('{"code": "02", "era": "34"}', Province)
    with pytest.raises(KtttError, match="era='35'"):
        from_json('{"code": "01", "era": "35"}', Province)
    with pytest.raises(KtttError, match="code='Hà Nội'"):
        from_json('{"code": "Hà Nội", "era": "34"}', Province)
    with pytest.raises(KtttError, match="a province is"):
        from_json('["01"]', Province)


def test_csv_error_has_row():
    """A bad province in CSV input names its row."""
    with pytest.raises(UnknownProvinceError, match="row 2: code='99'"):
        list(from_csv("code,era\n01,34\n99,63\n", Province))


# --- strategies ------------------------------------------------------------


@given(st.from_type(Province), kst.eras())
def test_registered_strategies(unit, era):
    """st.from_type(Province) and eras() draw valid values."""
    assert unit in Province.all(unit.era)
    assert era in set(Era)


@given(st.data())
def test_provinces_strategy_respects_era(data):
    """provinces(era=...) draws only units of that era."""
    era = data.draw(kst.eras())

    assert era is data.draw(kst.provinces(era=era)).era


def test_labels():
    """Kinds and eras have Vietnamese and English labels."""
    assert "centrally-run city" == ProvinceKind.CITY.label("en")
    assert "tỉnh" == ProvinceKind.PROVINCE.label_vi
    assert Era.FROM_2025 is Era("34")
    assert Era.PRE_2025 is Era.parse("63")


# --- the data file ---------------------------------------------------------

_CSV = _data("provinces.csv")
_ENVELOPE = json.loads(_data("provinces.json"))
_HEADER, *_ROWS = _CSV.splitlines()
_FIRST_NEW = _ROWS[0]  # 34,01,Hà Nội,...
_FIRST_OLD = next(row for row in _ROWS if row.startswith("63,"))
_NEW_08 = next(row for row in _ROWS if row.startswith("34,08,"))


def _replace_row(old, new):
    return _CSV.replace(old + "\n", new + ("\n" if new else ""), 1)


def _cell(row, column, value):
    cells = next(csv.reader([row]))
    cells[_HEADER.split(",").index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    return _replace_row(row, buffer.getvalue())


def _load(tmp_path, csv_text=_CSV, envelope=None):
    (tmp_path / "provinces.csv").write_text(csv_text, encoding="utf-8")
    path = tmp_path / "provinces.json"
    path.write_text(json.dumps(envelope or _ENVELOPE), encoding="utf-8")
    return datasets.load("geography/provinces", path)


def test_a_copy_of_the_shipped_data_loads(tmp_path):
    """A copy of the shipped table reads into the same 97 rows."""
    assert 97 == len(_load(tmp_path).rows)


@pytest.mark.parametrize(
    ("text", "field", "row"),
    [
        (_CSV.replace("era,code", "era,nso_code", 1), "header", 1),
        (_replace_row(_FIRST_NEW, _FIRST_NEW + ",x"), "cells", 1),
        (_replace_row(_FIRST_NEW, "34,01"), "cells", 1),
        (_cell(_FIRST_NEW, "era", "35"), "era", 1),
        (_cell(_FIRST_NEW, "code", "1"), "code", 1),
        (_cell(_FIRST_NEW, "kind", "town"), "kind", 1),
        (_cell(_FIRST_NEW, "name", ""), "name", 1),
        (_cell(_FIRST_NEW, "name", " Hà Nội"), "name", 1),
        (_cell(_FIRST_NEW, "name", "\u200b"), "name", 1),
        (_cell(_FIRST_NEW, "name", "Hà Nội\u200e"), "name", 1),
        (_cell(_FIRST_NEW, "aliases", "Hanoi|\u200b"), "aliases", 1),
        (_CSV.replace("era,code", "era,code,code", 1), "header", None),
        (_cell(_FIRST_NEW, "full_name", "Tỉnh Hà Nội"), "full_name", 1),
        (_cell(_FIRST_NEW, "successor_code", "01"), "successor_code", 1),
        (_cell(_FIRST_NEW, "predecessor_codes", ""), "predecessor_codes", 1),
        (_cell(_FIRST_NEW, "predecessor_codes", "01  02"), "predecessor", 1),
        (_cell(_FIRST_OLD, "successor_code", "01 04"), "successor_code", 35),
        (_cell(_FIRST_OLD, "successor_code", "04"), "predecessor", 1),
        (_cell(_FIRST_OLD, "successor_code", "02"), "predecessor", 1),
        (_cell(_NEW_08, "predecessor_codes", "08"), "successor_code", 36),
        (_cell(_FIRST_NEW, "predecessor_codes", "01 02"), "predecessor", 1),
        (_cell(_FIRST_NEW, "predecessor_codes", "02"), "predecessor", 1),
        (_cell(_FIRST_NEW, "former_names", "Hà Nội cũ"), "renamed_on", 1),
        (_cell(_FIRST_NEW, "renamed_on", "2025-13-01"), "renamed_on", 1),
        (_cell(_FIRST_NEW, "aliases", "Hanoi|"), "aliases", 1),
        (_cell(_FIRST_NEW, "aliases", "Cao Bằng"), "name", 2),
        (_cell(_FIRST_NEW, "area_km2", "-1"), "area_km2", 1),
        (_cell(_FIRST_NEW, "area_km2", "1e3"), "area_km2", 1),
        (_cell(_FIRST_NEW, "area_km2", "big"), "area_km2", 1),
        (_cell(_FIRST_NEW, "population", "8.718.000"), "population", 1),
        (_cell(_FIRST_NEW, "population", "0"), "population", 1),
        (_cell(_FIRST_NEW, "sources", ""), "sources", 1),
        (_cell(_FIRST_NEW, "sources", "nq999"), "sources", 1),
        (_CSV + _FIRST_NEW + "\n", "code", 98),
        (_replace_row(_FIRST_OLD, ""), "era", None),
    ],
)
def test_table_rejects_bad_rows(tmp_path, text, field, row):
    """Each defect raises DataError naming the file, column and row."""
    with pytest.raises(DataError) as caught:
        _load(tmp_path, text)

    assert field in caught.value.field
    assert str(tmp_path / "provinces.csv") == caught.value.file
    assert row == caught.value.row


def _with_source(**changes):
    first, *others = _ENVELOPE["sources"]
    return {**_ENVELOPE, "sources": [{**first, **changes}, *others]}


@pytest.mark.parametrize(
    ("envelope", "field"),
    [
        ({**_ENVELOPE, "sources": []}, "sources"),
        ({**_ENVELOPE, "sources": ["a"]}, "sources[0]"),
        (_with_source(page="1"), "sources[0]"),
        (_with_source(url=1), "sources[0].url"),
        (_with_source(url=None), "sources[0].source"),
        (_with_source(retrieved="today"), "sources[0].retrieved"),
        ({**_ENVELOPE, "about": "x"}, "$"),
        ({**_ENVELOPE, "rows": "../provinces.csv"}, "rows"),
    ],
)
def test_table_rejects_bad_sources(tmp_path, envelope, field):
    """A malformed envelope raises DataError naming the file and path."""
    with pytest.raises(DataError) as caught:
        _load(tmp_path, envelope=envelope)

    assert str(tmp_path / "provinces.json") == caught.value.file
    assert field == caught.value.field


def test_sources_are_parsed():
    """Sources keep their document, URL and retrieval date."""
    info = datasets.about("geography/provinces")
    keys = (entry["key"] for entry in _ENVELOPE["sources"])
    sources = dict(zip(keys, info.sources, strict=True))

    assert "202/2025/QH15" == sources["nq202-merge-map"].document
    assert pendulum.Date(2026, 2, 21) == sources["nso-catalogue-34"].retrieved
    assert type(sources["nso-catalogue-34"].retrieved) is pendulum.Date
    assert sources["nso-catalogue-2025"].retrieved is None
