"""The data layer, through the public doors that use it.

Strict JSON (`kttt.serialization.from_json`), strict CSV
(`kttt.serialization.from_csv`), the envelope of data files and the bytes
of the user's files (`kttt.datasets.load`), and located errors.
"""

from __future__ import annotations

import json

import attrs
import pendulum
import pytest

from kttt import datasets
from kttt.errors import DataError, KtttError, NotFoundError, ValidationError
from kttt.serialization import from_csv, from_json
from kttt.sources import Source


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ('{"document": "a", "document": "b"}', "twice"),
        ("[" * 100_000, "nested too deeply"),
        ('{"document": NaN}', "finite"),
        ('{"document": Infinity}', "finite"),
        ('{"document": 1e999}', "finite"),
        ("1" * 5000, "too many digits"),
        ("{", "not JSON"),
    ],
)
def test_json_that_python_would_accept_or_crash_on_is_refused(text, rule):
    """Duplicate keys, NaN, deep nesting and huge numbers are DataErrors."""
    with pytest.raises(DataError, match=rule):
        from_json(text, Source)


def test_deep_rows_of_a_data_file_are_refused(tmp_path):
    """A row nested as deep as JSON allows is refused, not a crash."""
    path = tmp_path / "issuers.json"
    deep = "[" * 900 + "]" * 900
    path.write_text(
        '{"description": "d", "sources": [{"document": "x", "retrieved": '
        f'null}}], "rows": [{{"a": {deep}}}]}}',
        encoding="utf-8",
    )

    with pytest.raises(KtttError):
        datasets.load("bodies/issuers", path)


def test_json_error_names_line_and_column():
    """A syntax error says where it is."""
    with pytest.raises(DataError, match=r"line 2, column 1"):
        from_json('{"document": "a",\n}', Source)


@pytest.mark.parametrize(
    ("text", "field", "row", "column"),
    [
        ("document,url\na,b,c\n", "cells", 1, "url"),
        ("document,url\na\n", "cells", 1, "url"),
        ("document,document\na,b\n", "header", None, None),
        ("document,\na,b\n", "header", None, None),
        ("", "header", None, None),
        ("document,\u200b\na,b\n", "header", None, None),
        ("\na\n", "cells", 1, None),
    ],
)
def test_csv_shape_errors_name_row_and_column(text, field, row, column):
    """Ragged rows and repeated or blank columns are refused, located."""
    with pytest.raises(DataError) as info:
        list(from_csv(text, Source))

    assert (field, row, column) == (
        info.value.field,
        info.value.row,
        info.value.column,
    )


def test_csv_delimiters_and_blank_rows():
    """Semicolons and tabs are read; blank rows are skipped but counted."""
    text = "document;url;note\nA;;\n\n;;n\n"

    with pytest.raises(KtttError) as info:
        list(from_csv(text, Source))

    assert 3 == info.value.row
    assert [Source(document="A")] == list(
        from_csv("document\tnote\nA\t\n", Source)
    )


def _envelope(**changes):
    data = {
        "description": "issuers",
        "sources": [
            {"key": "g", "document": "GLOSSARY.md", "retrieved": None},
        ],
        "rows": [
            {
                "code": "CP",
                "name_vi": "Chính phủ",
                "name_en": "the Government",
                "party": False,
                "source": "g",
            }
        ],
    }
    data.update(changes)
    return data


def _write(tmp_path, data, encoding="utf-8"):
    path = tmp_path / "issuers.json"
    path.write_bytes(json.dumps(data, ensure_ascii=False).encode(encoding))
    return path


def test_a_row_names_a_source_by_key(tmp_path):
    """A source written as a key of the envelope's sources is that source."""
    (issuer,) = datasets.load("bodies/issuers", _write(tmp_path, _envelope()))

    assert Source(document="GLOSSARY.md") == issuer.source


def test_a_row_refines_a_named_source(tmp_path):
    """A source written as a reference and fields adds to that source."""
    row = {**_envelope()["rows"][0], "source": {"ref": "g", "clause": "I"}}
    path = _write(tmp_path, _envelope(rows=[row]))

    (issuer,) = datasets.load("bodies/issuers", path)

    assert Source(document="GLOSSARY.md", clause="I") == issuer.source


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"sources": [{"document": "x"}]}, "sources[0].retrieved"),
        (
            {"sources": [{"document": "x", "retrieved": "2026-02-30"}]},
            "sources[0].retrieved",
        ),
        (
            {
                "sources": [
                    {"key": "g", "document": "x", "retrieved": None},
                    {"key": "g", "document": "y", "retrieved": None},
                ]
            },
            "sources[1].key",
        ),
        ({"description": " "}, "description"),
        ({"rows": {"a": 1}}, "rows"),
        (
            {"rows": [{**_envelope()["rows"][0], "source": "h"}]},
            "rows[0].source",
        ),
        ({"extra": 1}, "$"),
    ],
)
def test_malformed_envelopes_are_located(tmp_path, changes, field):
    """Every defect of the envelope names the file and the path."""
    path = _write(tmp_path, _envelope(**changes))

    with pytest.raises(DataError) as info:
        datasets.load("bodies/issuers", path)

    assert (str(path), field) == (info.value.file, info.value.field)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_user_files_in_excel_encodings_read(tmp_path, encoding):
    """UTF-8 with a byte-order mark and UTF-16 read like UTF-8."""
    path = _write(tmp_path, _envelope(), encoding)

    (issuer,) = datasets.load("bodies/issuers", path)

    assert "Chính phủ" == issuer.name_vi


def test_windows_1258_reads_into_nfc(tmp_path):
    """The Vietnamese code page, whose tones combine, reads as NFC text."""
    text = json.dumps(_envelope(), ensure_ascii=False)
    decomposed = text.replace("í", "i\u0301").replace("ủ", "u\u0309")
    path = tmp_path / "issuers.json"
    path.write_bytes(decomposed.encode("cp1258"))

    (issuer,) = datasets.load("bodies/issuers", path)

    assert "Chính phủ" == issuer.name_vi


@pytest.mark.parametrize("name", ["missing.json", "a\x00b"])
def test_a_missing_file_is_not_found(tmp_path, name):
    """A path that cannot be read, or names no possible file, is refused."""
    with pytest.raises(NotFoundError, match="cannot be read") as info:
        datasets.load("bodies/issuers", tmp_path / name)

    assert "path" == info.value.field


@pytest.mark.parametrize("path", [5, b"issuers.json", []])
def test_a_path_of_the_wrong_type_is_a_data_error(path):
    """A path that is not text or an os.PathLike is refused."""
    with pytest.raises(DataError) as info:
        datasets.load("bodies/issuers", path)

    assert "path" == info.value.field


def test_datasets_registry():
    """Every dataset is listed, described and sourced."""
    for name in datasets.names():
        info = datasets.about(name)

        assert info.description.strip()
        assert info.sources
        assert info.rows > 0
        assert all(
            s.retrieved is None or isinstance(s.retrieved, pendulum.Date)
            for s in info.sources
        )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rows": -1}, "rows"),
        ({"sources": [None]}, "sources"),
        ({"name": ""}, "name"),
    ],
)
def test_dataset_info_is_valid_by_construction(changes, field):
    """What `about` describes has the types it declares."""
    with pytest.raises(ValidationError) as info:
        attrs.evolve(datasets.about("bodies/issuers"), **changes)

    assert field == info.value.field


@pytest.mark.parametrize(
    "fields",
    [
        {"document": "\u200b"},
        {"document": "20-NQ/TW", "clause": "\u200e"},
        {"url": "https://x\n"},
        {"document": "20-NQ/TW", "note": " \ufeff"},
    ],
)
def test_sources_refuse_invisible_or_control_text(fields):
    """A source's text is visible and printable; zero-width is blank."""
    with pytest.raises(ValidationError):
        Source(**fields)


def test_an_unknown_dataset_is_not_found():
    """A name that is not a dataset lists the names there are."""
    with pytest.raises(KtttError, match="documents/registry"):
        datasets.load("nope")
