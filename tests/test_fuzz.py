"""Fuzz tests: hostile input gets a `KtttError`, never another exception.

Every parser, loader and constructor of the lower rooms (text, documents,
geography, bodies, organisations, targets, series, programmes, committees,
sources, serialization and the datasets) is called with random text,
bytes and JSON, with mutated valid input and with values of the wrong
type; the contract of issue 11 is that each call returns or raises a
`kttt.errors.KtttError` naming the field and the rule.
A constructor that accepts hostile input must store only what its fields
declare.

The default run is short; ``KTTT_FUZZ=long`` runs enough inputs for the
whole file to try more than 500,000 (``nox -s fuzz``), and any
``KTTT_FUZZ`` prints how many inputs each target ran.
"""

from __future__ import annotations

import enum
import functools
import importlib
import inspect
import json

from collections.abc import Callable
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any, Final

import attrs
import pendulum
import pytest

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from hostile import (
    PROFILE,
    REFUSED,
    SEEDS,
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
    nfd,
    nonconforming,
    numbers,
    refused,
    texts,
    values,
    write_csv,
)
from kttt import datasets, serialization, strategies
from kttt.bodies import Agency
from kttt.committees import (
    check_structure,
    national_committee_history,
    network_2023,
    network_summary,
    regroup,
)
from kttt.documents import (
    Document,
    DocumentRegistry,
    documents,
    find_document_numbers,
    get_document,
    kind_codes,
    parse_document_number,
)
from kttt.geography import Era, Province
from kttt.organizations import (
    Breach,
    Cooperative,
    Organization,
    check_compliance,
    legal_rules,
    parse_legal_rules,
)
from kttt.programmes import (
    completion_by_agency,
    get_programme,
    overdue,
    programmes,
    tasks_by_agency,
)
from kttt.series import (
    Series,
    check_compatible,
    fill_base,
    national_series,
)
from kttt.targets import (
    Catalogue,
    Indicator,
    Interval,
    Target,
    TargetSet,
    Tolerance,
    target_set,
    target_sets,
)
from kttt.text import (
    fold,
    nfc,
    parse_flag,
    parse_number,
    parse_percent,
    parse_range,
)


# --- profiles and seeds ------------------------------------------------------

#: Failing inputs of the built-in datasets are long to show, not wrong.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")


def _collect(cls: type[Any]) -> tuple[Any, ...]:
    """Return a few valid values of *cls*, drawn by its strategy."""
    found: list[Any] = []

    @settings(
        max_examples=SEEDS[PROFILE],
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate],
    )
    @given(valid(cls))
    def collect(value: object) -> None:
        found.append(value)

    collect()
    return tuple(found)


@pytest.fixture(scope="module")
def _seed_cache():
    """Hold the valid values drawn for each type (drawing is slow)."""
    return {}


@pytest.fixture
def seeds(request, _seed_cache):
    """Return valid values of a type: the test's ``cls``, or given directly."""
    cls = getattr(request, "param", None) or request.getfixturevalue("cls")
    if cls not in _seed_cache:
        _seed_cache[cls] = _collect(cls)
    return st.sampled_from(_seed_cache[cls])


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """Return a directory for the files the targets write."""
    return tmp_path_factory.mktemp("fuzz")


# --- what the rooms hold -----------------------------------------------------

_ROOMS: Final = (
    "kttt.sources",
    "kttt.geography",
    "kttt.documents",
    "kttt.bodies",
    "kttt.organizations",
    "kttt.targets",
    "kttt.series",
    "kttt.programmes",
    "kttt.committees",
    "kttt.datasets",
)


def _public(test: Callable[[object], bool]) -> list[Any]:
    found: dict[str, object] = {}
    for room in _ROOMS:
        module = importlib.import_module(room)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if test(obj):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return [found[key] for key in sorted(found)]


#: Every public attrs class of the rooms that can be instantiated.
CLASSES: Final = _public(
    lambda obj: (
        isinstance(obj, type)
        and attrs.has(obj)
        and not inspect.isabstract(obj)
    )
)
#: Every public bilingual enumeration of the rooms (members have labels).
ENUMS: Final = _public(
    lambda obj: (
        isinstance(obj, type)
        and issubclass(obj, enum.Enum)
        and hasattr(obj, "parse")
    )
)
#: Every type with a public strategy, as `kttt.strategies` registers them.
TYPES: Final = sorted(
    strategies.TYPE_STRATEGIES, key=lambda cls: cls.__qualname__
)


def _name(obj: object) -> str:
    return getattr(obj, "__qualname__", str(obj))


def _builtin_examples() -> dict[type, st.SearchStrategy[Any]]:
    """Return valid values of the classes the public strategies lack."""
    network = network_2023()
    tasks = [task for plan in programmes() for task in plan.tasks]
    numbers_text = " ".join(str(d.number) for d in documents())
    examples: list[list[Any]] = [
        [s for n in datasets.names() for s in datasets.about(n).sources],
        list(kind_codes()),
        list(find_document_numbers(numbers_text)),
        list(completion_by_agency(tasks).values()),
        [c for h in national_committee_history() for c in h.planned_changes],
        list(network.provinces),
        list(network.counts),
        list(regroup(network)),
        [network_summary(network), network_summary(network, era=Era("34"))],
        [datasets.about(n) for n in datasets.names()],
        [m for plan in programmes() for m in plan.milestones],
        [c for rule in legal_rules() for c in rule.when],
        [
            period
            for rule in legal_rules()
            for period in (rule.transition, rule.revocation)
            if period is not None
        ],
        [Tolerance.parse(text) for text in ("±5 %", "±1", "±1 điểm %")],
        [
            Breach(
                rule=rule,
                organization_id="0101234567",
                first_seen=pendulum.Date(2025, 1, 31),
                last_seen=pendulum.Date(2026, 3, 31),
                value=Fraction(4),
            )
            for rule in legal_rules()
            if rule.code == "htx-min-members-2023"
        ],
    ]
    floats = st.none() | st.floats(allow_nan=False, allow_infinity=False)
    return {
        Interval: st.builds(
            Interval,
            lower=floats,
            upper=floats,
            lower_open=st.booleans(),
            upper_open=st.booleans(),
        ),
        Catalogue: st.just(Catalogue.builtin()),
        **{type(found[0]): st.sampled_from(found) for found in examples},
    }


_BUILTIN_EXAMPLES: Final = _builtin_examples()


def valid(cls: type[Any]) -> st.SearchStrategy[Any]:
    """Return a strategy of valid values of *cls*."""
    if cls in strategies.TYPE_STRATEGIES:
        return st.from_type(cls)
    return _BUILTIN_EXAMPLES[cls]


def _package_text(file: str) -> str:
    data = resources.files("kttt").joinpath("data", *file.split("/"))
    return data.read_text(encoding="utf-8")


def _accepts(instance: object, cls: type[Any]) -> None:
    """Check that a value a constructor or reader accepted is what it says."""
    if instance is REFUSED:
        return
    assert isinstance(instance, cls), instance
    if attrs.has(type(instance)):
        assert not nonconforming(instance), nonconforming(instance)


# --- kttt.text ---------------------------------------------------------------

_CONVENTIONS: Final = st.sampled_from(("vi", "en", "auto")) | values()
_NUMBERISH: Final = st.one_of(
    texts(),
    values(),
    st.sampled_from(WORDS).flatmap(mutated_texts),
    numbers().map(str).flatmap(mutated_texts),
)


@pytest.mark.parametrize("read", [parse_number, parse_percent])
@fuzz(text=_NUMBERISH, convention=_CONVENTIONS, field=st.just("n") | values())
def test_numbers_are_read_or_refused(read, text, convention, field):
    """A number (or a percentage) is read exactly, or refused."""
    found = refused(read, text, field=field, convention=convention)

    assert found is REFUSED or found.is_finite()


@fuzz(text=_NUMBERISH, field=st.just("range") | values())
def test_ranges_are_read_or_refused(text, field):
    """A range is two numbers, the lower first, or refused."""
    found = refused(parse_range, text, field=field)

    assert found is REFUSED or found[0] <= found[1]


@fuzz(text=_NUMBERISH, field=st.just("flag") | values())
def test_flags_are_read_or_refused(text, field):
    """A yes/no cell is a bool, or refused."""
    found = refused(parse_flag, text, field=field)

    assert found is REFUSED or isinstance(found, bool)


@pytest.mark.parametrize("normalise", [fold, nfc])
@fuzz(text=_NUMBERISH)
def test_text_is_normalised_or_refused(normalise, text):
    """Folding and NFC give text that they leave as it is, or refuse."""
    found = refused(normalise, text)

    assert found is REFUSED or normalise(found) == found


# --- kttt.documents ----------------------------------------------------------

_NUMBERS: Final = [str(document.number) for document in documents()]
_NUMBER_TEXTS: Final = st.one_of(
    texts(),
    st.sampled_from(_NUMBERS).flatmap(mutated_texts),
    st.sampled_from(_NUMBERS).map(str.lower).map(nfd),
)
_DOCUMENT_KEYS: Final = _NUMBER_TEXTS | values()


@fuzz(text=_DOCUMENT_KEYS)
def test_document_numbers_are_read_or_refused(text):
    """A reference number is read to its canonical form, or refused."""
    found = refused(parse_document_number, text)

    assert found is REFUSED or parse_document_number(str(found)) == found


@fuzz(
    text=st.one_of(
        texts(),
        values(),
        st.lists(_NUMBER_TEXTS, max_size=6).map(" ".join),
    )
)
def test_found_numbers_point_into_the_text(text):
    """Every number found is the text at its span, read."""
    found = refused(find_document_numbers, text)

    for match in () if found is REFUSED else found:
        assert text[match.start : match.end] == match.text
        assert parse_document_number(match.text) == match.number


@fuzz(key=_DOCUMENT_KEYS)
def test_documents_are_found_or_refused(key):
    """A built-in document is found by any form of its number, or refused."""
    _accepts(refused(get_document, key), Document)


_REGISTRY_TEXT: Final = _package_text("documents/registry.json")


def _mutated_json(text: str) -> st.SearchStrategy[str]:
    """Return JSON texts and trees near *text*, and random JSON."""
    return st.one_of(
        json_texts(),
        mutated_texts(text),
        mutated_trees(json.loads(text)).map(dump),
        duplicate_key(text),
    )


@fuzz(text=_mutated_json(_REGISTRY_TEXT))
def test_registries_are_read_or_refused(text):
    """A registry file is read whole, or refused naming what is wrong."""
    _accepts(refused(DocumentRegistry.from_json, text), DocumentRegistry)


# --- kttt.geography and kttt.bodies ------------------------------------------

_PROVINCE_NAMES: Final = [
    name
    for era in Era
    for unit in Province.all(era)
    for name in (unit.code, unit.name, unit.full_name, *unit.aliases)
]


@fuzz(
    key=st.one_of(
        texts(),
        values(),
        st.sampled_from(_PROVINCE_NAMES).flatmap(mutated_texts),
    ),
    era=st.none() | st.sampled_from(list(Era)) | values(),
)
def test_provinces_are_found_or_refused(key, era):
    """A province is found by its code or any form of its name, or refused."""
    _accepts(refused(Province.get, key, era=era), Province)


@fuzz(date=dates() | values(), unit=st.sampled_from(Province.all(Era("63"))))
def test_eras_and_names_on_a_date(date, unit):
    """The era, the units and the names on a date are given, or refused."""
    era = refused(Era.on, date)

    assert era is REFUSED or isinstance(era, Era)
    assert era is REFUSED or refused(Province.on, date) == Province.all(era)
    assert refused(unit.name_on, date) in {
        REFUSED,
        unit.name,
        *unit.former_names,
    }
    assert refused(unit.in_force, date) in {REFUSED, True, False}


@fuzz(era=values())
def test_units_of_an_era(era):
    """Asking for the units of something that is not an era is refused."""
    assert refused(Province.all, era) in {REFUSED, *map(Province.all, Era)}


_AGENCY_NAMES: Final = [
    name
    for agency in Agency.all()
    for name in (agency.code, agency.name_vi, agency.name_en)
]


@fuzz(
    key=st.one_of(
        texts(),
        values(),
        st.sampled_from(_AGENCY_NAMES).flatmap(mutated_texts),
    )
)
def test_agencies_are_found_or_refused(key):
    """An agency is found by code or name, or refused."""
    _accepts(refused(Agency.get, key), Agency)


# --- enumerations and constructors -------------------------------------------


@pytest.mark.parametrize("enum", ENUMS, ids=_name)
@fuzz(data=st.data())
def test_enumerations_read_codes_or_refuse(enum, data):
    """An enumeration is made from a code or a label, or refuses."""
    text = data.draw(
        st.one_of(
            values(),
            st.sampled_from([m.value for m in enum]).flatmap(mutated_texts),
            st.sampled_from([m.label_vi for m in enum]).map(nfd),
        )
    )

    _accepts(refused(enum, text), enum)
    _accepts(refused(enum.parse, text), enum)


@functools.cache
def _hostile_kwargs(cls: type[Any]) -> st.SearchStrategy[dict[str, Any]]:
    optional = {
        field.alias: values()
        for field in attrs.fields(cls)
        if field.default is not attrs.NOTHING
    }
    required = {
        field.alias: values()
        for field in attrs.fields(cls)
        if field.default is attrs.NOTHING
    }
    return st.fixed_dictionaries(required, optional=optional)


@pytest.mark.parametrize("cls", CLASSES, ids=_name)
@fuzz(data=st.data())
def test_constructors_refuse_wrong_values(cls, data):
    """Given any values, a constructor makes a valid value or refuses."""
    kwargs = data.draw(_hostile_kwargs(cls))

    _accepts(refused(cls, **kwargs), cls)


@pytest.mark.parametrize("cls", CLASSES, ids=_name)
@fuzz(data=st.data())
def test_constructors_refuse_one_wrong_field(cls, data, seeds):
    """A valid value with one field made hostile is built valid, or refused."""
    value = data.draw(seeds)
    names = [field.alias for field in attrs.fields(cls) if field.init]
    changed = data.draw(
        st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True)
    )
    new = {
        name: data.draw(values() | edge_texts() | numbers() | dates())
        for name in changed
    }

    _accepts(refused(attrs.evolve, value, **new), cls)


# --- serialization -----------------------------------------------------------


@pytest.mark.parametrize("cls", TYPES, ids=_name)
@fuzz(data=st.data())
def test_from_json_reads_or_refuses(cls, data, seeds):
    """JSON for any type is read into a valid value, or refused."""
    text = data.draw(
        json_texts() | seeds.map(serialization.to_json).flatmap(_mutated_json)
    )

    _accepts(refused(serialization.from_json, text, cls), cls)


def _read_all(read: Callable[..., Any], *args: object) -> list[Any]:
    return list(read(*args))


@pytest.mark.parametrize("cls", TYPES, ids=_name)
@fuzz(data=st.data())
def test_from_records_reads_or_refuses(cls, data, seeds):
    """Flat records for any type are read into valid values, or refused."""
    records = data.draw(
        st.one_of(
            st.lists(seeds, min_size=1, max_size=3)
            .map(serialization.to_records)
            .flatmap(mutated_records),
            st.lists(values(), max_size=3),
            values(),
        )
    )

    found = refused(_read_all, serialization.from_records, records, cls)
    for value in () if found is REFUSED else found:
        _accepts(value, cls)


@pytest.mark.parametrize("cls", TYPES, ids=_name)
@fuzz(data=st.data())
def test_from_csv_reads_or_refuses(cls, data, seeds):
    """CSV for any type is read into valid values, or refused."""
    text = data.draw(
        st.one_of(
            st.lists(seeds, min_size=1, max_size=3)
            .map(serialization.to_csv)
            .flatmap(mutated_csv),
            st.lists(seeds, min_size=1, max_size=3)
            .map(serialization.to_records)
            .flatmap(mutated_records)
            .map(write_csv),
            texts(),
            values(),
        )
    )

    found = refused(_read_all, serialization.from_csv, text, cls)
    for value in () if found is REFUSED else found:
        _accepts(value, cls)


@fuzz(cls=values(), text=st.sampled_from(("{}", "[]", '"x"', "1", "null")))
def test_readers_refuse_what_is_not_a_type(cls, text):
    """Asking the readers for something that is not a type is refused."""
    from_json = refused(serialization.from_json, text, cls)
    from_csv = refused(_read_all, serialization.from_csv, "value\nx\n", cls)

    if isinstance(cls, type):
        _accepts(from_json, cls)
        for value in () if from_csv is REFUSED else from_csv:
            _accepts(value, cls)
    else:
        assert from_json is REFUSED
        assert from_csv is REFUSED


# --- datasets, target sets and legal rules -----------------------------------


def _encode(text: str) -> bytes:
    """Return *text* as UTF-8, lone surrogates and all (not valid UTF-8)."""
    return text.encode("utf-8", "surrogatepass")


@pytest.mark.parametrize("name", datasets.names())
@fuzz(content=st.binary(max_size=200) | json_texts().map(_encode))
def test_datasets_refuse_random_files(name, content, workdir):
    """A file of random bytes given for a dataset is refused."""
    path = workdir / "random.json"
    path.write_bytes(content)

    assert refused(datasets.load, name, path) is REFUSED


def _siblings(name: str) -> tuple[str, str | None]:
    """Return the text of a dataset's file and of the table it names."""
    text = _package_text(f"{name}.json")
    rows = json.loads(text)["rows"]
    if not isinstance(rows, str):
        return text, None
    return text, _package_text(f"{Path(name).parent}/{rows}")


@pytest.mark.parametrize("name", datasets.names())
@fuzz(data=st.data())
def test_datasets_refuse_mutated_copies(name, data, workdir):
    """A built-in data file mutated is read as valid values, or refused."""
    text, table = _siblings(name)
    folder = workdir / name.replace("/", "-")
    folder.mkdir(exist_ok=True)
    if table is not None:
        if data.draw(st.booleans()):
            table = data.draw(mutated_csv(table))
        else:
            text = data.draw(_mutated_json(text))
        rows = json.loads(_siblings(name)[0])["rows"]
        (folder / rows).write_bytes(_encode(table))
    else:
        text = data.draw(_mutated_json(text))
    path = folder / Path(name).name
    path.write_bytes(_encode(text))

    refused(datasets.load, name, path)


@fuzz(name=values() | texts(), path=values())
def test_datasets_refuse_wrong_arguments(name, path):
    """A dataset name or a path of the wrong type is refused."""
    assert refused(datasets.load, name, path) is REFUSED


def _set_texts(seeds: st.SearchStrategy[TargetSet]) -> Any:
    """Return target set texts near the built-in NQ 20 and drawn sets."""
    return (
        st.just(_package_text("targets/nq20.json"))
        | seeds.map(TargetSet.to_json)
    ).flatmap(_mutated_json)


@pytest.mark.parametrize("cls", [TargetSet], ids=_name)
@fuzz(
    data=st.data(),
    catalogue=st.none() | st.just(Catalogue.builtin()) | values(),
)
def test_target_sets_are_read_or_refused(cls, data, catalogue, seeds):
    """A target set is read from JSON text, or refused."""
    text = data.draw(_set_texts(seeds))

    _accepts(refused(cls.from_json, text, catalogue=catalogue), cls)


@pytest.mark.parametrize("cls", [TargetSet], ids=_name)
@fuzz(data=st.data())
def test_target_set_files_are_read_or_refused(cls, data, seeds, workdir):
    """A target set file of any bytes is read, or refused."""
    path = workdir / "set.json"
    path.write_bytes(
        data.draw(st.binary(max_size=100) | _set_texts(seeds).map(_encode))
    )

    _accepts(refused(cls.load, path), cls)


@fuzz(text=_mutated_json(_package_text("organizations/legal_rules.json")))
def test_legal_rules_are_read_or_refused(text):
    """A legal rule file is read whole, or refused."""
    found = refused(parse_legal_rules, text, origin="rules.json")

    assert found is REFUSED or isinstance(found, tuple)


# --- values and the functions that take them ---------------------------------

_EXTREMES: Final = st.sampled_from(
    (5e-324, 1e-300, 1e-10, 1e300, 1.7976931348623157e308, -1e300, 99.999)
)


@pytest.mark.parametrize("seeds", [Target], indirect=True, ids=_name)
@fuzz(data=st.data())
def test_targets_answer_any_value(data, seeds):
    """A target judges, describes and rebases itself, or refuses the value."""
    target = data.draw(seeds)
    value = data.draw(_EXTREMES | numbers() | values())
    changed = refused(
        attrs.evolve,
        target,
        **{data.draw(st.sampled_from(("value", "base_value"))): value},
    )
    chosen = target if changed is REFUSED else changed

    for method in (chosen.is_met, chosen.exceeds, chosen.with_base):
        refused(method, value)
    for method in (
        chosen.level,
        chosen.horizon_level,
        chosen.bounds,
        chosen.band,
        chosen.interval,
    ):
        refused(method)
    refused(
        chosen.describe, data.draw(st.sampled_from(("vi", "en")) | values())
    )
    refused(chosen.indicator.check, value, "value")


_TARGETS: Final = [t for found in target_sets() for t in found]


@pytest.mark.parametrize("seeds", [Series], indirect=True, ids=_name)
@fuzz(target=st.sampled_from(_TARGETS), data=st.data())
def test_series_answer_any_argument(target, data, seeds):
    """A series answers questions about any year, or refuses them."""
    series = data.draw(seeds)
    year = data.draw(values() | st.integers(1899, 2101))

    refused(series.at, year)
    refused(series.until, year)
    refused(check_compatible, target, data.draw(st.just(series) | values()))
    refused(fill_base, data.draw(st.just(target) | values()), series)
    _accepts(
        refused(
            Series.from_values,
            series.indicator,
            data.draw(
                st.dictionaries(
                    st.integers(1899, 2101) | texts(),
                    _EXTREMES | numbers() | values(),
                    max_size=4,
                )
                | values()
            ),
        ),
        Series,
    )
    _accepts(
        refused(
            Series.of,
            data.draw(st.just(series.indicator) | values()),
            data.draw(
                st.lists(
                    st.sampled_from(series.observations or (None,)) | values(),
                    max_size=3,
                )
                | values()
            ),
        ),
        Series,
    )


@fuzz(
    code=texts()
    | values()
    | st.sampled_from(("20-NQ/TW", "cooperatives.count")),
    label=st.none() | texts() | values(),
    horizon=values() | st.integers(2000, 2100),
    data=st.data(),
)
def test_lookups_answer_any_key(code, label, horizon, data):
    """Built-in sets, series, programmes and indicators are found or not."""
    _accepts(refused(target_set, code), TargetSet)
    _accepts(refused(national_series, code, label=label), Series)
    refused(get_programme, code)
    _accepts(refused(Catalogue.builtin().get, code), Indicator)
    _accepts(refused(Indicator.get, code), Indicator)
    _accepts(refused(target_set("20-NQ/TW").get, code, horizon), Target)
    refused(target_set("20-NQ/TW").by_horizon, horizon)
    _accepts(
        refused(
            Catalogue.builtin().extend,
            *data.draw(
                st.lists(
                    st.sampled_from(list(Catalogue.builtin())) | values(),
                    max_size=2,
                )
            ),
        ),
        Catalogue,
    )


_TASKS: Final = [task for plan in programmes() for task in plan.tasks]


@fuzz(
    tasks=st.lists(st.sampled_from(_TASKS) | values(), max_size=3) | values(),
    as_of=dates() | values(),
)
def test_task_tracking_answers_any_argument(tasks, as_of):
    """Tracking answers for tasks and dates, or refuses what is neither."""
    refused(overdue, tasks, as_of)
    refused(tasks_by_agency, tasks)
    refused(completion_by_agency, tasks)
    for task in _TASKS[:3]:
        refused(task.is_overdue, as_of)


@fuzz(
    committee=st.sampled_from(national_committee_history()) | values(),
    as_of=dates() | values(),
    rules=st.none() | st.lists(values(), max_size=2) | values(),
    era=st.none() | st.sampled_from(list(Era)) | values(),
    snapshot=st.just(network_2023()) | values(),
)
def test_committee_checks_answer_any_argument(
    committee, as_of, rules, era, snapshot
):
    """Structure checks and network summaries answer, or refuse."""
    refused(check_structure, committee, as_of, rules=rules)
    refused(network_summary, snapshot, era=era)
    refused(regroup, snapshot)


#: A registry row `Organization.from_row` reads, to mutate.
_ROW: Final = {
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


@pytest.mark.parametrize("seeds", [Cooperative], indirect=True, ids=_name)
@fuzz(
    data=st.data(),
    as_of=dates() | values(),
    rules=st.none() | st.lists(values(), max_size=2) | values(),
    row=mutated_records([_ROW]).map(lambda rows: rows[0]) | values(),
)
def test_organisations_answer_any_argument(data, as_of, rules, row, seeds):
    """Compliance checks and registry rows are answered, or refused."""
    organization = data.draw(seeds | values())

    refused(check_compliance, organization, as_of, rules=rules)
    _accepts(refused(Organization.from_row, row), Organization)
    _accepts(refused(Cooperative.from_row, row, row_number=3), Cooperative)
