"""Tests for documents, issuers, kind codes and the built-in registry."""

from __future__ import annotations

import json

import attrs
import pendulum
import pytest

from hypothesis import assume, given

from helpers import envelope, write_envelope
from kttt import datasets, serialization
from kttt import strategies as kst
from kttt.documents import (
    Document,
    DocumentKind,
    DocumentNumber,
    DocumentRegistry,
    KindCode,
    documents,
    get_document,
    get_issuer,
    implementation_chain,
    implemented_by,
    issuers,
    kind_codes,
    parse_document_number,
    registry,
    replacement_chain,
)
from kttt.errors import (
    DataError,
    DocumentNumberError,
    NotFoundError,
    ValidationError,
)
from kttt.sources import Source


def _numbers(docs):
    return [str(d.number) for d in docs]


# --- the built-in registry: facts from the seeds -----------------------------


@pytest.mark.parametrize(
    ("number", "facts"),
    [
        ("13-NQ/TW", ("resolution", "TW", "2002-03-18", None, None)),
        ("20-NQ/TW", ("resolution", "TW", "2022-06-16", None, None)),
        ("10-KH/TW", ("plan", "BCT", "2022-08-23", None, None)),
        ("09/NQ-CP", ("resolution", "CP", "2023-02-02", None, None)),
        (
            "155-CTr/TU",
            (
                "action_programme",
                "BTVTU",
                "2022-11-21",
                "Nguyễn Đức Thanh",
                "Ninh Thuận",
            ),
        ),
        (
            "15-NQ/TU",
            ("action_programme", "TU", "2002-07-01", None, "Ninh Thuận"),
        ),
        ("12/CT-TTg", ("directive", "TTg", "2018-05-22", None, None)),
        (
            "08/CT-UBND",
            ("directive", "UBND", "2018-07-02", None, "Quảng Bình"),
        ),
        ("27-CT/TU", ("directive", "BTVTU", "2018-08-10", None, "Quảng Bình")),
        ("56-KL/TW", ("conclusion", "BCT", None, None, None)),
        (
            "39/QĐ-BCĐĐMPTKTTTHTX",
            ("decision", "BCĐĐMPTKTTTHTX", None, "Lê Minh Khái", None),
        ),
        (
            "18/QĐ-BCĐQGKTTT",
            ("decision", "BCĐQGKTTT", None, "Nguyễn Chí Dũng", None),
        ),
        ("352/QĐ-TTg", ("decision", "TTg", "2017-03-22", None, None)),
        ("1948/QĐ-TTg", ("decision", "TTg", "2025-09-09", None, None)),
        ("17/2023/QH15", ("law", "QH", "2023-06-20", "Vương Đình Huệ", None)),
        (
            "23/2012/QH13",
            ("law", "QH", "2012-11-20", "Nguyễn Sinh Hùng", None),
        ),
        (
            "01/2020/TT-BKHĐT",
            ("circular", "BKHĐT", "2020-02-19", "Nguyễn Chí Dũng", None),
        ),
    ],
)
def test_registry_facts(number, facts):
    """The built-in documents carry the facts the seeds and notes state."""
    doc = get_document(number)

    assert facts == (
        doc.kind.value,
        doc.issuer.code,
        None if doc.signed is None else doc.signed.isoformat(),
        doc.signer,
        doc.jurisdiction,
    )


def test_registry_dates_in_force():
    """Dates in force are those the notes give, and unknown ones are None."""
    assert pendulum.Date(2024, 7, 1) == get_document("17/2023/QH15").in_force
    assert (
        pendulum.Date(2020, 4, 1) == get_document("01/2020/TT-BKHĐT").in_force
    )
    assert get_document("20-NQ/TW").in_force is None


def test_every_document_has_a_source():
    """Every built-in document names where its facts come from."""
    assert all(d.source.cite() for d in documents())
    assert len(documents()) == len({d.number for d in documents()})


@pytest.mark.parametrize(
    ("number", "chain"),
    [
        ("155-CTr/TU", ["155-CTr/TU", "10-KH/TW", "20-NQ/TW"]),
        ("10-KH/TW", ["10-KH/TW", "20-NQ/TW"]),
        ("09/NQ-CP", ["09/NQ-CP", "20-NQ/TW"]),
        (
            "39/QĐ-BCĐĐMPTKTTTHTX",
            ["39/QĐ-BCĐĐMPTKTTTHTX", "09/NQ-CP", "20-NQ/TW"],
        ),
        ("18/QĐ-BCĐQGKTTT", ["18/QĐ-BCĐQGKTTT", "09/NQ-CP", "20-NQ/TW"]),
        ("15-NQ/TU", ["15-NQ/TU", "13-NQ/TW"]),
        ("56-KL/TW", ["56-KL/TW", "13-NQ/TW"]),
        ("12/CT-TTg", ["12/CT-TTg", "23/2012/QH13"]),
        ("113/2024/NĐ-CP", ["113/2024/NĐ-CP", "17/2023/QH15"]),
        ("20-NQ/TW", ["20-NQ/TW"]),
    ],
)
def test_implementation_chains(number, chain):
    """Chains run from the document up to the resolution it carries out."""
    assert chain == _numbers(implementation_chain(get_document(number)))


def test_replacement_chains():
    """20-NQ/TW continues 13-NQ/TW; the 2023 law replaces 2012's and 2003's."""
    assert ["20-NQ/TW", "13-NQ/TW"] == _numbers(
        replacement_chain(get_document("20-NQ/TW"))
    )
    assert ["17/2023/QH15", "23/2012/QH13", "18/2003/QH11"] == _numbers(
        replacement_chain(get_document("17/2023/QH15"))
    )


def test_implemented_by():
    """The documents that carry out 20-NQ/TW are found by reverse links."""
    assert [
        "10-KH/TW",
        "09/NQ-CP",
        "155-CTr/TU",
        "39/QĐ-BCĐĐMPTKTTTHTX",
        "18/QĐ-BCĐQGKTTT",
    ] == _numbers(implemented_by(get_document("20-NQ/TW")))


def test_get_document_lookups():
    """Lookups accept values and any written form, and fail loudly."""
    number = parse_document_number("09/NQ-CP")

    assert get_document(number) is get_document("số 9/nq-cp")
    with pytest.raises(NotFoundError, match="number"):
        get_document("99/NQ-CP")
    with pytest.raises(DocumentNumberError):
        get_document("Nghị quyết hai mươi")


def test_registry_is_cached():
    """The built-in registry loads once."""
    assert registry() is registry()


# --- issuers and kind codes --------------------------------------------------


def test_issuers():
    """Issuers resolve by code, alias, term and family, bilingually."""
    assert "the Politburo" == get_issuer("BCT", party=True).name_en
    assert "BNNPTNT" == get_issuer("bnn").code
    assert "QH" == get_issuer("QH15").code
    assert "Thủ tướng Chính phủ" == get_issuer("TTg").label("vi")
    assert "the Prime Minister" == get_issuer("ttg").label("en")
    assert {"TW", "CP", "QH", "BCĐĐMPTKTTTHTX"} <= {i.code for i in issuers()}


@pytest.mark.parametrize(
    ("code", "party"),
    [("XYZ", False), ("TW", False), ("CP", True), ("TTg15", False)],
)
def test_unknown_issuer(code, party):
    """Unknown codes (or codes of the other family) raise NotFoundError."""
    with pytest.raises(NotFoundError, match="issuer"):
        get_issuer(code, party=party)


def test_issuer_label_refuses_language():
    """Only Vietnamese and English labels exist."""
    with pytest.raises(ValidationError, match="lang"):
        get_issuer("CP").label("fr")


def test_kind_codes():
    """Every document kind code maps to a kind; NĐ is the decree."""
    assert all(isinstance(c, KindCode) for c in kind_codes())
    assert ["NĐ"] == [
        c.code for c in kind_codes() if c.kind is DocumentKind.DECREE
    ]
    assert "circular" == DocumentKind.parse("Thông tư").value


# --- Document values ---------------------------------------------------------


def _doc(**changes):
    base = {
        "number": parse_document_number("09/NQ-CP"),
        "kind": DocumentKind.RESOLUTION,
        "issuer": get_issuer("CP"),
        "source": Source(document="09/NQ-CP"),
    }
    base.update(changes)
    return Document(**base)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"implements": (parse_document_number("09/NQ-CP"),)}, "implements"),
        (
            {"replaces": (parse_document_number("20-NQ/TW"),) * 2},
            "replaces",
        ),
        ({"amends": ["20-NQ/TW"]}, "amends"),
        (
            {
                "signed": pendulum.Date(2023, 2, 2),
                "in_force": pendulum.Date(2023, 2, 1),
            },
            "in_force",
        ),
        ({"title": "  "}, "title"),
        ({"signer": ""}, "signer"),
        ({"issuer": get_issuer("TW", party=True)}, "issuer"),
    ],
)
def test_document_refuses(changes, field):
    """Documents are valid by construction."""
    with pytest.raises(ValidationError) as info:
        _doc(**changes)

    assert field == info.value.field


def test_document_links_and_nfc():
    """Links gather every kind; text fields are NFC."""
    doc = _doc(
        implements=(parse_document_number("20-NQ/TW"),),
        amends=(parse_document_number("10-KH/TW"),),
        signer="Le\u0302 Minh Kha\u0301i",
    )

    assert ["20-NQ/TW", "10-KH/TW"] == [str(n) for n in doc.links()]
    assert "Lê Minh Khái" == doc.signer


# --- registries: properties and loading --------------------------------------


@given(kst.document_registries())
def test_chains_never_loop(reg):
    """Every chain is finite, repeats nothing, and is ordered by its links."""
    for doc in reg.documents:
        chain = reg.implementation_chain(doc)
        position = {d.number: i for i, d in enumerate(chain)}

        assert doc == chain[0]
        assert len(chain) == len(position)
        for member in chain:
            assert all(
                position[n] > position[member.number]
                for n in member.implements
            )
        assert len(reg.replacement_chain(doc)) >= 1


@given(kst.document_registries())
def test_loops_are_refused(reg):
    """Closing a loop between two documents makes the registry invalid."""
    assume(len(reg.documents) >= 2)
    first, *middle, last = reg.documents
    first = attrs.evolve(
        first, implements=(last.number,), replaces=(), amends=()
    )
    if first.number not in last.links():
        last = attrs.evolve(last, amends=(*last.amends, first.number))

    with pytest.raises(DataError, match="loop"):
        DocumentRegistry((first, *middle, last))


@given(kst.documents())
def test_document_json_round_trip(doc):
    """A document survives JSON (numbers as their canonical strings)."""
    text = serialization.to_json(doc)

    assert doc == serialization.from_json(text, Document)
    assert str(doc.number) == json.loads(text)["number"]


def test_number_serialization_refuses_non_text():
    """A number in JSON must be a string."""
    with pytest.raises(Exception, match="number") as info:
        serialization.from_json("5", DocumentNumber)

    assert "ParseError" == type(info.value).__name__


def _row(**changes):
    row = {
        "number": "09/NQ-CP",
        "kind": "resolution",
        "issuer": "CP",
        "title": "ban hành Chương trình hành động",
        "signed": "2023-02-02",
        "signer": None,
        "in_force": None,
        "jurisdiction": None,
        "implements": [],
        "replaces": [],
        "amends": [],
        "source": {"document": "09/NQ-CP"},
    }
    row.update(changes)
    return row


def _envelope(rows):
    return json.dumps(envelope(rows))


def _load(*rows):
    return DocumentRegistry.from_json(_envelope(list(rows)), file="mine.json")


def test_from_json_loads():
    """A user registry in the built-in format loads and answers lookups."""
    reg = _load(
        _row(number="20-NQ/TW", kind="resolution", issuer="TW", signed=None),
        _row(implements=["20-NQ/TW"]),
    )

    assert ["09/NQ-CP", "20-NQ/TW"] == _numbers(
        reg.implementation_chain(reg.get("09/NQ-CP"))
    )


@pytest.mark.parametrize(
    ("rows", "field", "row"),
    [
        ([_row(kind="law-ish")], "rows[0].kind", None),
        ([_row(kind=None)], "rows[0].kind", None),
        ([_row(issuer="TW")], "rows[0].issuer", None),
        ([_row(signed="2/2/2023")], "rows[0].signed", None),
        ([_row(signed="2023-02-30")], "rows[0].signed", None),
        ([_row(number="09/nq-cp")], "rows[0].number", None),
        ([_row(number="09/XX-YY")], "rows[0].number.kind_code", None),
        ([_row(implements="20-NQ/TW")], "rows[0].implements", None),
        ([_row(implements=["20-NQ/TW"])], "implements", 1),
        ([_row(), _row()], "number", 2),
        ([_row(colour="red")], "rows[0]", None),
        (["09/NQ-CP"], "rows[0]", None),
        ([_row(title="")], "rows[0].title", None),
        ([_row(signer=5)], "rows[0].signer", None),
        ([_row(source="09/NQ-CP")], "rows[0].source", None),
        ([_row(source={"note": "no document"})], "rows[0].source", None),
        (
            [_row(source={"document": "x", "page": 3})],
            "rows[0].source",
            None,
        ),
        (
            [_row(source={"document": 5})],
            "rows[0].source.document",
            None,
        ),
        (
            [_row(source={"document": "x", "retrieved": "yesterday"})],
            "rows[0].source.retrieved",
            None,
        ),
        (
            [_row(signed="2023-02-02", in_force="2023-01-01")],
            "rows[0].in_force",
            None,
        ),
    ],
)
def test_from_json_refuses(rows, field, row):
    """Bad registry data raises DataError naming file, path and row."""
    with pytest.raises(DataError) as info:
        _load(*rows)

    assert ("mine.json", field, row) == (
        info.value.file,
        info.value.field,
        info.value.row,
    )


def test_from_json_refuses_loops():
    """Registry data whose links loop is refused, naming the loop."""
    with pytest.raises(DataError, match="20-NQ/TW → 09/NQ-CP → 20-NQ/TW"):
        _load(
            _row(number="20-NQ/TW", issuer="TW", implements=["09/NQ-CP"]),
            _row(implements=["20-NQ/TW"]),
        )


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("{", "not JSON"),
        ("[]", "rows"),
        ('{"rows": []}', "description"),
        (_envelope(3), "CSV file name"),
        (_envelope("other.csv"), "beside"),
        ("[" * 100_000, "nested too deeply"),
        ('{"rows": [], "rows": []}', "twice"),
        (
            '{"description": "\u200b", "sources": [], "rows": []}',
            "non-blank",
        ),
    ],
)
def test_from_json_refuses_files(text, rule):
    """Text that is not a registry file is refused."""
    with pytest.raises(DataError, match=rule):
        DocumentRegistry.from_json(text)


def test_registry_refuses_non_documents():
    """A registry holds a tuple of documents."""
    with pytest.raises(ValidationError, match="documents"):
        DocumentRegistry([_doc()])  # type: ignore[arg-type]


# --- the data files ----------------------------------------------------------


def _write(tmp_path, rows):
    return write_envelope(tmp_path, rows)


_KIND = {
    "code": "KH",
    "kind": "plan",
    "party": True,
    "state": True,
    "source": {"document": "x"},
}
_ISSUER = {
    "code": "CP",
    "name_vi": "Chính phủ",
    "name_en": "the Government",
    "party": False,
    "source": {"document": "x"},
}


@pytest.mark.parametrize(
    ("name", "rows", "field", "rule"),
    [
        ("documents/kind_codes", [3], "rows[0]", "written as an object"),
        (
            "documents/kind_codes",
            [{**_KIND, "kind": "plann"}],
            "rows[0].kind",
            "must be one of",
        ),
        (
            "documents/kind_codes",
            [{**_KIND, "code": "K1"}],
            "rows[0].code",
            "letters",
        ),
        (
            "documents/kind_codes",
            [{**_KIND, "party": "yes"}],
            "rows[0].party",
            "true or false",
        ),
        (
            "bodies/issuers",
            [{**_ISSUER, "aliases": "X"}],
            "rows[0].aliases",
            "must be a list",
        ),
        ("bodies/issuers", [_ISSUER, _ISSUER], "code", "twice"),
        (
            "bodies/issuers",
            [{**_ISSUER, "aliases": ["C-P"]}],
            "aliases[0]",
            "letters",
        ),
    ],
)
def test_data_files_refuse(tmp_path, name, rows, field, rule):
    """Malformed kind-code and issuer files raise DataError at their row."""
    with pytest.raises(DataError, match=rule) as info:
        datasets.load(name, _write(tmp_path, rows))

    assert str(tmp_path / "mine.json") == info.value.file
    assert info.value.field.endswith(field)


def test_own_issuer_file_loads(tmp_path):
    """A corrected copy of a data file loads through the same reader."""
    issuers_found = datasets.load(
        "bodies/issuers", _write(tmp_path, [_ISSUER])
    )

    assert ("CP",) == tuple(i.code for i in issuers_found)


def test_source_with_retrieval_date():
    """Sources in data files carry the date they were read."""
    info = datasets.about("documents/registry")

    assert all(
        s.retrieved is None or s.retrieved.year >= 2025 for s in info.sources
    )
