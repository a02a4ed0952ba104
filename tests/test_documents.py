"""Tests for document reference numbers: parsing, formatting and finding."""

from __future__ import annotations

import re
import unicodedata

from pathlib import Path

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from kttt import strategies as kst
from kttt.documents import (
    DocumentKind,
    DocumentNumber,
    find_document_numbers,
    get_document,
    parse_document_number,
)
from kttt.documents._kinds import canonical_spelling
from kttt.errors import DocumentNumberError, ParseError, ValidationError
from kttt.strategies._documents import SHAPES, vietnamese_words


SEEDS = Path(__file__).parent / "data" / "seeds"


def _seed(prefix: str) -> str:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


# Every reference number in each seed, in reading order (read by hand).
SEED_NUMBERS = {
    "000": ["20-NQ/TW", "20-NQ/TW"],
    "001": [
        "20-NQ/TW",
        "20-NQ/TW",
        "09/NQ-CP",
        "09/NQ-CP",
        "20-NQ/TW",
        "20-NQ/TW",
        "09/NQ-CP",
    ],
    "002": [
        "39/QĐ-BCĐĐMPTKTTTHTX",
        "20-NQ/TW",
        "09/NQ-CP",
        "20-NQ/TW",
        "20-NQ/TW",
        "09/NQ-CP",
        "20-NQ/TW",
    ],
    "003": [
        "20-NQ/TW",
        "155-CTr/TU",
        "20-NQ/TW",
        "20-NQ/TW",
        "10-KH/TW",
        "20-NQ/TW",
        "13-NQ/TW",
        "15-NQ/TU",
        *["20-NQ/TW", "10-KH/TW"] * 5,
    ],
    "004": ["12/CT-TTg", "08/CT-UBND", "27-CT/TU"],
}


# --- parsing: every shape of the glossary ------------------------------------


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("20-NQ/TW", (20, None, "NQ", ("TW",), True)),
        ("10-KH/TW", (10, None, "KH", ("TW",), True)),
        ("13-NQ/TW", (13, None, "NQ", ("TW",), True)),
        ("155-CTr/TU", (155, None, "CTr", ("TU",), True)),
        ("15-NQ/TU", (15, None, "NQ", ("TU",), True)),
        ("27-CT/TU", (27, None, "CT", ("TU",), True)),
        ("56-KL/TW", (56, None, "KL", ("TW",), True)),
        ("09/NQ-CP", (9, None, "NQ", ("CP",), False)),
        ("12/CT-TTg", (12, None, "CT", ("TTg",), False)),
        ("08/CT-UBND", (8, None, "CT", ("UBND",), False)),
        ("39/QĐ-BCĐĐMPTKTTTHTX", (39, None, "QĐ", ("BCĐĐMPTKTTTHTX",), False)),
        ("2306/QĐ-BNN-KTHT", (2306, None, "QĐ", ("BNN", "KTHT"), False)),
        ("01/2020/TT-BKHĐT", (1, 2020, "TT", ("BKHĐT",), False)),
        ("193/2013/NĐ-CP", (193, 2013, "NĐ", ("CP",), False)),
        ("23/2012/QH13", (23, 2012, None, ("QH13",), False)),
        ("17/2023/QH15", (17, 2023, None, ("QH15",), False)),
    ],
)
def test_parse_glossary_shapes(text, parts):
    """Every shape in the glossary parses into its parts and back."""
    number = parse_document_number(text)

    assert parts == (
        number.sequence,
        number.year,
        number.kind_code,
        number.issuer_codes,
        number.is_party,
    )
    assert text == str(number)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("số 20-NQ/TW", "20-NQ/TW"),
        ("Số: 17/2023/QH15", "17/2023/QH15"),
        ("SỐ 09/NQ-CP", "09/NQ-CP"),
        ("so 09/NQ-CP", "09/NQ-CP"),
        ("  155 - CTr / TU ", "155-CTr/TU"),
        ("01 / 2020 / TT - BKHĐT", "01/2020/TT-BKHĐT"),
        ("20-nq/tw", "20-NQ/TW"),
        ("12/ct-ttg", "12/CT-TTg"),
        ("155-ctr/tu", "155-CTr/TU"),
        ("39/QD-BCDDMPTKTTTHTX", "39/QĐ-BCĐĐMPTKTTTHTX"),
        ("01/2020/TT-BKHDT", "01/2020/TT-BKHĐT"),
        ("193/2013/nd-cp", "193/2013/NĐ-CP"),
        (
            unicodedata.normalize("NFD", "Số 39/QĐ-BCĐĐMPTKTTTHTX"),
            "39/QĐ-BCĐĐMPTKTTTHTX",
        ),
        ("9/NQ-CP", "09/NQ-CP"),
        ("2306/qd-bnn-ktht", "2306/QĐ-BNN-KTHT"),
        ("768/BC-BTC", "768/BC-BTC"),
        ("05-TT/TW", "05-TT/TW"),
        ("45/BTC-KTHT", "45/BTC-KTHT"),
    ],
)
def test_parse_tolerates(text, canonical):
    """Prefixes, spaces, case, NFD and D-for-Đ are read as the same number."""
    assert canonical == str(parse_document_number(text))


def test_kind_depends_on_family():
    """TT is a thông tri in party numbers and a circular in state numbers."""
    party = parse_document_number("05-TT/TW")
    state = parse_document_number("01/2020/TT-BKHĐT")

    assert (DocumentKind.PARTY_CIRCULAR, DocumentKind.CIRCULAR) == (
        party.kind,
        state.kind,
    )
    assert parse_document_number("17/2023/QH15").kind is None


def test_sign_and_named_constructor():
    """The sign is everything after the number; parse is a classmethod."""
    assert "QĐ-BNN-KTHT" == DocumentNumber.parse("2306/QĐ-BNN-KTHT").sign
    assert "CTr/TU" == DocumentNumber.parse("155-CTr/TU").sign
    assert "QH15" == DocumentNumber.parse("17/2023/QH15").sign


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("", "sequence"),
        ("   ", "sequence"),
        ("NQ/TW", "sequence"),
        ("số", "sequence"),
        ("20_NQ/TW", "separator"),
        ("20 NQ/TW", "separator"),
        ("20-XX/TW", "kind_code"),
        ("20-NĐ/CP", "kind_code"),
        ("20/KL-TW", "kind_code"),
        ("20/ABC-CP", "kind_code"),
        ("20-NQ/TW/X", "separator"),
        ("20-NQ", "separator"),
        ("0-NQ/TW", "sequence"),
        ("1234567/NQ-CP", "sequence"),
        ("20/20222/NQ-CP", "year"),
        ("20/1900/NQ-CP", "year"),
        ("20/2020/2020/NQ-CP", "separator"),
        ("20-NQ/", "issuer_codes"),
        ("20/NQ", "issuer_codes"),
        ("20/NQ--CP", "issuer_codes"),
        ("20/NQ-Cồ", "issuer_codes"),
        ("20-KL/TW-CP", "issuer_codes"),
        ("20/2020/20", "issuer_codes"),
        ("20-1NQ/TW", "kind_code"),
    ],
)
def test_parse_refuses(text, field):
    """Bad numbers raise DocumentNumberError naming the part that is wrong."""
    with pytest.raises(DocumentNumberError) as info:
        parse_document_number(text)

    assert field == info.value.field
    assert text == info.value.value
    assert field in str(info.value)


def test_parse_refuses_non_text():
    """A number that is not text is refused as a ParseError."""
    with pytest.raises(ParseError, match="number"):
        parse_document_number(20)  # type: ignore[arg-type]


@pytest.mark.parametrize("read", [parse_document_number, get_document])
def test_a_sequence_of_5000_digits_is_out_of_range(read):
    """A sequence too long for int() is refused by its range (issue 11)."""
    with pytest.raises(DocumentNumberError) as info:
        read("1" * 5000 + "/NQ-CP")

    assert "sequence" == info.value.field


def test_finder_refuses_non_text():
    """Finding numbers in something that is not text is refused."""
    with pytest.raises(DocumentNumberError) as info:
        find_document_numbers(None)  # type: ignore[arg-type]

    assert "text" == info.value.field


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind_code": 5}, "kind_code"),
        ({"is_party": ""}, "is_party"),
    ],
)
def test_construction_refuses_wrong_types(fields, field):
    """A kind code that is not text, or a non-bool family, is refused."""
    with pytest.raises(ValidationError) as info:
        DocumentNumber(sequence=9, issuer_codes=("CP",), **fields)

    assert field == info.value.field


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"start": -1}, "start"),
        ({"end": 9}, "end"),
        ({"text": ""}, "text"),
        ({"number": "20-NQ/TW"}, "number"),
    ],
)
def test_matches_are_valid_spans(fields, field):
    """A found number's span is where its text is, in a text."""
    match = find_document_numbers("Nghị quyết 20-NQ/TW")[0]

    with pytest.raises(ValidationError) as info:
        attrs.evolve(match, **fields)

    assert field == info.value.field


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (
            {"sequence": 0, "kind_code": "NQ", "issuer_codes": ("CP",)},
            "sequence",
        ),
        (
            {"sequence": True, "kind_code": "NQ", "issuer_codes": ("CP",)},
            "sequence",
        ),
        (
            {"sequence": "9", "kind_code": "NQ", "issuer_codes": ("CP",)},
            "sequence",
        ),
        (
            {
                "sequence": 9,
                "year": 1800,
                "kind_code": "NQ",
                "issuer_codes": ("CP",),
            },
            "year",
        ),
        (
            {
                "sequence": 9,
                "year": "2020",
                "kind_code": "NQ",
                "issuer_codes": ("CP",),
            },
            "year",
        ),
        (
            {"sequence": 9, "kind_code": "Nq", "issuer_codes": ("CP",)},
            "kind_code",
        ),
        (
            {"sequence": 9, "kind_code": "XX", "issuer_codes": ("CP",)},
            "kind_code",
        ),
        (
            {"sequence": 9, "kind_code": "KL", "issuer_codes": ("CP",)},
            "kind_code",
        ),
        (
            {"sequence": 9, "kind_code": "NQ", "issuer_codes": ()},
            "issuer_codes",
        ),
        (
            {"sequence": 9, "kind_code": "NQ", "issuer_codes": ["CP"]},
            "issuer_codes",
        ),
        (
            {"sequence": 9, "kind_code": "CT", "issuer_codes": ("TTG",)},
            "issuer_codes",
        ),
        (
            {"sequence": 9, "kind_code": "NQ", "issuer_codes": ("cp",)},
            "issuer_codes",
        ),
        (
            {"sequence": 9, "kind_code": "NQ", "issuer_codes": ("C P",)},
            "issuer_codes",
        ),
        (
            {"sequence": 9, "kind_code": "NQ", "issuer_codes": (5,)},
            "issuer_codes",
        ),
        ({"sequence": 9, "issuer_codes": ("ABC",)}, "kind_code"),
        (
            {"sequence": 9, "issuer_codes": ("TW",), "is_party": True},
            "kind_code",
        ),
        (
            {
                "sequence": 9,
                "year": 2020,
                "kind_code": "NQ",
                "issuer_codes": ("TW",),
                "is_party": True,
            },
            "year",
        ),
        (
            {
                "sequence": 9,
                "kind_code": "NQ",
                "issuer_codes": ("TW", "TU"),
                "is_party": True,
            },
            "issuer_codes",
        ),
    ],
)
def test_construction_refuses(fields, field):
    """DocumentNumber values are valid by construction."""
    with pytest.raises(DocumentNumberError) as info:
        DocumentNumber(**fields)

    assert field == info.value.field


# --- properties --------------------------------------------------------------


@pytest.mark.parametrize("shape", SHAPES)
@given(data=st.data())
def test_round_trip_every_shape(shape, data):
    """parse(str(n)) == n for generated numbers of every shape."""
    number = data.draw(kst.document_numbers(shape=shape))

    assert number == parse_document_number(str(number))
    assert (shape == "party") == number.is_party


def _sloppy(number: DocumentNumber, spaces: bool, prefix: str) -> str:
    # Known codes may be written in lower case and with D for Đ; unknown
    # codes only in another Unicode normalisation.
    def token(match: re.Match[str]) -> str:
        code = match.group()
        if canonical_spelling(code) is None:
            return code
        return code.replace("Đ", "D").lower()

    text = re.sub(r"[A-Za-zĐ][A-Za-zĐ0-9]*", token, str(number))
    if spaces:
        text = re.sub(r"([-/])", r" \1  ", text)
    return unicodedata.normalize("NFD", prefix + text)


@given(
    kst.document_numbers(),
    st.booleans(),
    st.sampled_from(["", "số ", "Số ", "Số: ", "SỐ "]),
)
def test_parse_tolerates_generated(number, spaces, prefix):
    """Written sloppily, a generated number still parses to itself."""
    assert number == parse_document_number(_sloppy(number, spaces, prefix))


@given(
    vietnamese_words(),
    st.sampled_from(["số ", "(", "", "Nghị quyết "]),
    kst.document_numbers(),
    st.sampled_from(["", ",", ";", ")", ".", " ngày 16/6/2022"]),
    vietnamese_words(),
)
def test_finder_finds_embedded_number(before, lead, number, trail, after):
    """A generated number in generated Vietnamese text is found at its span."""
    head = f"{before} {lead}"
    text = f"{head}{number}{trail} {after}"

    found = find_document_numbers(text)

    assert [(number, len(head), len(head) + len(str(number)))] == [
        (m.number, m.start, m.end) for m in found
    ]
    assert str(number) == found[0].text


@given(
    st.lists(st.tuples(vietnamese_words(), kst.document_numbers()), max_size=4)
)
def test_finder_finds_every_number_in_order(pieces):
    """Several numbers in one text are all found, in order, with spans."""
    text = ""
    expected = []
    for words, number in pieces:
        text += f"{words} số "
        expected.append((number, len(text)))
        text += f"{number}; "

    found = find_document_numbers(text)

    assert expected == [(m.number, m.start) for m in found]
    assert all(text[m.start : m.end] == m.text for m in found)
    assert all(m.span == (m.start, m.end) for m in found)


# --- the seeds ---------------------------------------------------------------


@pytest.mark.parametrize("prefix", sorted(SEED_NUMBERS))
def test_finder_on_seeds(prefix):
    """Every reference in each seed is found, parsed and in the registry."""
    text = _seed(prefix)

    found = find_document_numbers(text)

    assert SEED_NUMBERS[prefix] == [str(m.number) for m in found]
    assert all(text[m.start : m.end] == m.text for m in found)
    assert all(m.number == parse_document_number(m.text) for m in found)
    assert all(get_document(m.number).number == m.number for m in found)


@pytest.mark.parametrize("prefix", sorted(SEED_NUMBERS))
def test_finder_on_decomposed_seeds(prefix):
    """In NFD text the same numbers are found, spans indexing that text."""
    text = unicodedata.normalize("NFD", _seed(prefix))

    found = find_document_numbers(text)

    assert SEED_NUMBERS[prefix] == [str(m.number) for m in found]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_finder_skips_bare_numbers_and_dates():
    """Dates, ratios and bare numbers ("Kết luận số 56") are not references."""
    text = (
        "Kết luận số 56 của Bộ Chính trị; 12/63 tỉnh; ngày 16/6/2022; "
        "1.200-1.400 tổ hợp tác; 20-NQ/TW/X; 5/ha; 3-tháng/năm"
    )

    assert () == find_document_numbers(text)


def test_finder_tolerates_case_and_d():
    """Lower case and D for Đ are found too, as parse accepts them."""
    found = find_document_numbers("theo qd 39/qd-bcddmptktttHTX và 20-nq/tw")

    assert ["39/QĐ-BCĐĐMPTKTTTHTX", "20-NQ/TW"] == [
        str(m.number) for m in found
    ]
