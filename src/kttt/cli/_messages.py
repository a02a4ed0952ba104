"""Errors as the command line shows them, in Vietnamese or English.

The place (file, row, column) and the framing are in the language asked
for, and so are the rules of the command line's own readers; a rule from
deeper in the library that has no translation here is shown as the
library words it, in English.
"""

from __future__ import annotations

from typing import Final

from kttt._labels import pick
from kttt.errors import InvalidFileError, KtttError


#: The command line's own rules, in Vietnamese.
RULES_VI: Final = {
    "the file is empty": "tệp rỗng",
    "a column name appears twice": "một tên cột xuất hiện hai lần",
    "not a column of a data file": "không phải là cột của tệp số liệu",
    "a data file has the columns indicator, year and value": (
        "tệp số liệu phải có các cột indicator, year và value"
    ),
    "a year is a whole number such as 2025": (
        "năm là một số nguyên, ví dụ 2025"
    ),
    "a count of people or organisations is a whole number": (
        "số người hoặc số tổ chức phải là số nguyên"
    ),
    "a percentage is written only for a percent indicator": (
        "dấu % chỉ dùng cho chỉ tiêu tính bằng phần trăm"
    ),
    "the same indicator and year twice": (
        "cùng một chỉ tiêu và năm xuất hiện hai lần"
    ),
    "an Excel workbook needs --output FILE": (
        "tệp Excel cần tham số --output TỆP"
    ),
}

#: Parts of rules that carry values of their own, in Vietnamese.
FRAGMENTS_VI: Final = (
    (
        "not an indicator of the programme",
        "không phải chỉ tiêu của chương trình",
    ),
    ("did you mean", "có phải là"),
    ("lists them", "liệt kê các mã"),
    (
        "a number is written '1.200' or '8,5' (or '1,200' or '8.5')",
        "số viết như '1.200' hoặc '8,5' (hoặc '1,200' hoặc '8.5')",
    ),
    ("the Vietnamese way", "theo cách viết Việt Nam"),
    ("the English way", "theo cách viết tiếng Anh"),
    ("say which convention the data uses", "hãy chỉ rõ cách viết số"),
    ("ambiguous", "không rõ nghĩa"),
    ("numbers are written", "số được viết"),
    ("use one, or pass", "hãy dùng một cách, hoặc dùng"),
    ("must be one of", "phải là một trong"),
    ("cannot be read", "không đọc được"),
    ("problems in all", "vấn đề tất cả"),
)

_WORDS: Final = {
    "error": ("lỗi", "error"),
    "row": ("dòng", "row"),
    "column": ("cột", "column"),
    "problems": ("vấn đề", "problems"),
    "has": ("có", "has"),
}


def describe(error: KtttError, lang: str) -> str:
    """Return *error* as lines for standard error, in *lang*."""
    lang = lang if lang in {"vi", "en"} else "vi"
    label = _word("error", lang)
    if isinstance(error, InvalidFileError) and len(error.errors) == 1:
        error = error.errors[0]
    if isinstance(error, InvalidFileError) and len(error.errors) > 1:
        head = (
            f"kttt: {label}: {error.file or ''} {_word('has', lang)} "
            f"{len(error.errors)} {_word('problems', lang)}:\n"
        )
        return head + "".join(
            f"  {_line(each, lang, file=False)}\n" for each in error.errors
        )
    return f"kttt: {label}: {_line(error, lang, file=True)}\n"


def _line(error: KtttError, lang: str, *, file: bool) -> str:
    where = [error.file] if file and error.file else []
    if error.row is not None:
        where.append(f"{_word('row', lang)} {error.row}")
    if error.column is not None:
        where.append(f"{_word('column', lang)} {error.column!r}")
    rule = _vietnamese(error.rule) if lang == "vi" else error.rule
    head = ", ".join(where)
    prefix = f"{head}: " if head else ""
    return f"{prefix}{error.field}={error.shown_value()}: {rule}"


def _vietnamese(rule: str) -> str:
    whole = RULES_VI.get(rule)
    if whole is not None:
        return whole
    for english, vietnamese in FRAGMENTS_VI:
        rule = rule.replace(english, vietnamese)
    return rule


def _word(name: str, lang: str) -> str:
    vi, en = _WORDS[name]
    return pick(lang, vi, en)
