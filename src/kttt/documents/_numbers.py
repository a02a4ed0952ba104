"""Document reference numbers (*số ký hiệu văn bản*): parse, format, find."""

from __future__ import annotations

import re

from typing import cast

import attrs

from kttt import _data
from kttt.documents._kinds import (
    DocumentKind,
    canonical_spelling,
    find_issuer,
    kind_code,
)
from kttt.errors import DocumentNumberError, ValidationError
from kttt.text import fold, nfc


#: The largest sequence number kttt accepts (six digits).
MAX_SEQUENCE = 999_999
#: The years a reference number may carry.
YEARS = range(1945, 2100)

_TOKEN = re.compile(r"[A-ZĐ][A-ZĐ0-9]*")
_PREFIX = re.compile(r"(?P<word>\w+)\s*:?\s+|(?P<word2>\w+)\s*:\s*")


def _check_sequence(
    _: object, attribute: attrs.Attribute[int], value: int
) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)  # pyright: ignore[reportUnnecessaryIsInstance]
        or not 1 <= value <= MAX_SEQUENCE
    ):
        raise DocumentNumberError(
            attribute.name, value, f"a whole number from 1 to {MAX_SEQUENCE}"
        )


def _check_year(
    _: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and (
        isinstance(value, bool)
        or not isinstance(value, int)  # pyright: ignore[reportUnnecessaryIsInstance]
        or value not in YEARS
    ):
        raise DocumentNumberError(
            attribute.name,
            value,
            f"a year from {YEARS.start} to {YEARS.stop - 1}",
        )


def _canonical_token(token: str) -> str:
    return canonical_spelling(token) or token.upper()


@attrs.frozen(kw_only=True)
class DocumentNumber:
    """The reference number of a party or state document, such as ``20-NQ/TW``.

    Party numbers join the sequence number and the sign with a hyphen
    (``155-CTr/TU``); state numbers with a slash (``09/NQ-CP``), with the
    year between them for legal normative documents
    (``01/2020/TT-BKHĐT``, ``17/2023/QH15``).
    ``str(number)`` gives the canonical form, which
    `parse_document_number` reads back to an equal value.

    >>> number = DocumentNumber.parse("số 01/2020/tt-bkhdt")
    >>> str(number)
    '01/2020/TT-BKHĐT'
    >>> number.kind
    <DocumentKind.CIRCULAR: 'circular'>
    >>> number.issuer_codes
    ('BKHĐT',)
    """

    #: The sequence number (*số*); written with at least two digits.
    sequence: int = attrs.field(validator=_check_sequence)
    #: The year, written only in the numbers of legal normative documents.
    year: int | None = attrs.field(default=None, validator=_check_year)
    #: The abbreviation of the kind (``"NQ"``, ``"CTr"``, ``"QĐ"``), or
    #: `None` where the number has none (laws: ``17/2023/QH15``;
    #: official letters: ``768/BTC-KTHT``).
    kind_code: str | None = attrs.field(
        default=None,
        validator=_data.optional(_data.instance_of(str, "must be text")),
    )
    #: The issuer codes, the issuing body first (``("BNN", "KTHT")``).
    issuer_codes: tuple[str, ...]
    #: Whether it is a party document (hyphen form ``20-NQ/TW``).
    is_party: bool = attrs.field(default=False, validator=_data.flag())

    def __attrs_post_init__(self) -> None:
        _check_sign(self)

    @classmethod
    def parse(cls, text: str) -> DocumentNumber:
        """Read a reference number; see `parse_document_number`."""
        return parse_document_number(text)

    @property
    def kind(self) -> DocumentKind | None:
        """The kind the number's kind code stands for, if it has one."""
        if self.kind_code is None:
            return None
        found = kind_code(self.kind_code, party=self.is_party)
        return None if found is None else found.kind

    @property
    def sign(self) -> str:
        """The sign (*ký hiệu*): everything after the number (and year)."""
        if self.is_party:
            return f"{self.kind_code}/{self.issuer_codes[0]}"
        parts = (self.kind_code,) if self.kind_code else ()
        return "-".join((*parts, *self.issuer_codes))

    def __str__(self) -> str:
        if self.is_party:
            return f"{self.sequence:02d}-{self.sign}"
        year = f"{self.year}/" if self.year is not None else ""
        return f"{self.sequence:02d}/{year}{self.sign}"


def _check_sign(number: DocumentNumber) -> None:
    codes = number.issuer_codes
    if not isinstance(codes, tuple) or not codes:  # pyright: ignore[reportUnnecessaryIsInstance]
        raise DocumentNumberError(
            "issuer_codes", codes, "a non-empty tuple of issuer codes"
        )
    if number.kind_code is not None:
        _check_kind_code(number.kind_code, party=number.is_party)
    for code in codes:
        _check_issuer_code(code)
    if number.is_party:
        _check_party(number)
    elif number.kind_code is None and find_issuer(codes[0]) is None:
        raise DocumentNumberError(
            "kind_code",
            codes[0],
            "neither a kind code of state documents nor a known issuer",
        )


def _check_kind_code(code: str, *, party: bool) -> None:
    found = kind_code(code, party=party)
    if found is None:
        family = "party" if party else "state"
        raise DocumentNumberError(
            "kind_code", code, f"not a kind code of {family} documents"
        )
    if found.code != code:
        raise DocumentNumberError(
            "kind_code", code, f"is written {found.code!r}"
        )


def _check_party(number: DocumentNumber) -> None:
    if number.kind_code is None:
        raise DocumentNumberError(
            "kind_code", None, "a party number has a kind code (NQ, KH...)"
        )
    if number.year is not None:
        raise DocumentNumberError(
            "year", number.year, "party numbers carry no year"
        )
    if len(number.issuer_codes) != 1:
        raise DocumentNumberError(
            "issuer_codes",
            number.issuer_codes,
            "a party number has one issuer code",
        )


def _check_issuer_code(code: object) -> None:
    if not isinstance(code, str) or not _TOKEN.fullmatch(code.upper()):
        raise DocumentNumberError(
            "issuer_codes",
            code,
            "an issuer code is letters A–Z and Đ (then digits), "
            "starting with a letter",
        )
    if _canonical_token(code) != code:
        raise DocumentNumberError(
            "issuer_codes", code, f"is written {_canonical_token(code)!r}"
        )


def parse_document_number(text: str) -> DocumentNumber:
    """Read a document reference number in any of its written shapes.

    Accepted: party numbers (``20-NQ/TW``, ``155-CTr/TU``), state numbers
    (``09/NQ-CP``, ``2306/QĐ-BNN-KTHT``), legal normative numbers with a
    year (``01/2020/TT-BKHĐT``, ``17/2023/QH15``) and official letters
    (``768/BTC-KTHT``).
    Tolerated: a leading "số"/"Số" (with or without a colon), spaces
    around the separators, decomposed Unicode, lower case, and "D" written
    for "Đ".

    >>> str(parse_document_number("Số  20 - nq / tw"))
    '20-NQ/TW'
    >>> str(parse_document_number("39/QD-BCDDMPTKTTTHTX"))
    '39/QĐ-BCĐĐMPTKTTTHTX'

    Raises:
        DocumentNumberError: Naming the part that is wrong (``sequence``,
            ``separator``, ``year``, ``kind_code``, ``issuer_codes``) and
            the rule it breaks.
    """
    if not isinstance(text, str):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise DocumentNumberError("number", text, "a reference number is text")
    body = _strip_prefix(nfc(text).strip())
    head = re.match(r"\d+", body)
    if head is None:
        raise DocumentNumberError(
            "sequence", text, "a reference number starts with its number"
        )
    rest = body[head.end() :].lstrip()
    separator, rest = rest[:1], rest[1:]
    if separator not in {"-", "/"}:
        raise DocumentNumberError(
            "separator",
            text,
            "the number is followed by '-' (party) or '/' (state)",
        )
    sequence = _sequence(head.group(), text)
    if separator == "-":
        return _parse_party(sequence, rest, text)
    return _parse_state(sequence, rest, text)


def _strip_prefix(body: str) -> str:
    match = _PREFIX.match(body)
    if match is not None and fold(match["word"] or match["word2"]) == "so":
        return body[match.end() :]
    return body


def _sequence(digits: str, text: str) -> int:
    # Longer digit runs cannot be in range (and int() refuses very long
    # ones): compare the length first.
    short = len(digits.lstrip("0")) <= len(str(MAX_SEQUENCE))
    sequence = int(digits) if short else 0
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise DocumentNumberError(
            "sequence", text, f"the number runs from 1 to {MAX_SEQUENCE}"
        )
    return sequence


def _parse_party(sequence: int, rest: str, text: str) -> DocumentNumber:
    parts = [part.strip() for part in rest.split("/")]
    if len(parts) != 2:
        raise DocumentNumberError(
            "separator",
            text,
            "a party number is 'number-KIND/ISSUER' with one '/'",
        )
    kind_text, issuer_text = parts
    found = kind_code(_token(kind_text, "kind_code", text), party=True)
    if found is None:
        raise DocumentNumberError(
            "kind_code", text, f"{kind_text!r} is not a party kind code"
        )
    issuer = _canonical_token(_token(issuer_text, "issuer_codes", text))
    return _build(
        text,
        sequence=sequence,
        kind_code=found.code,
        issuer_codes=(issuer,),
        is_party=True,
    )


def _parse_state(sequence: int, rest: str, text: str) -> DocumentNumber:
    parts = [part.strip() for part in rest.split("/")]
    year: int | None = None
    if len(parts) == 2:
        if not re.fullmatch(r"\d{4}", parts[0]):
            raise DocumentNumberError(
                "year", text, f"{parts[0]!r} is not a four-digit year"
            )
        year = int(parts[0])
    elif len(parts) != 1:
        raise DocumentNumberError(
            "separator",
            text,
            "a state number is 'number/[year/]SIGN' with at most two '/'",
        )
    tokens = [
        _token(token.strip(), "issuer_codes", text)
        for token in parts[-1].split("-")
    ]
    found = kind_code(tokens[0], party=False)
    if found is not None:
        if len(tokens) == 1:
            raise DocumentNumberError(
                "issuer_codes", text, "the kind code is followed by '-ISSUER'"
            )
        kind, issuers = found.code, tokens[1:]
    else:
        kind, issuers = None, tokens
    return _build(
        text,
        sequence=sequence,
        year=year,
        kind_code=kind,
        issuer_codes=tuple(_canonical_token(t) for t in issuers),
    )


def _token(token: str, field: str, text: str) -> str:
    if not token:
        raise DocumentNumberError(field, text, "a part of the sign is empty")
    if not _TOKEN.fullmatch(token.upper()):
        raise DocumentNumberError(
            field,
            text,
            f"{token!r}: a sign is made of codes of letters A–Z and Đ "
            "(then digits)",
        )
    return token


def _build(text: str, **fields: object) -> DocumentNumber:
    try:
        return DocumentNumber(**fields)  # type: ignore[arg-type]
    except DocumentNumberError as error:
        raise DocumentNumberError(error.field, text, error.rule) from None


@attrs.frozen(kw_only=True)
class DocumentNumberMatch:
    """A reference number found in a text by `find_document_numbers`."""

    #: The number, parsed.
    number: DocumentNumber = attrs.field(
        validator=_data.instance_of(DocumentNumber)
    )
    #: Where it starts in the text (an index into the text as given).
    start: int = attrs.field(validator=_data.whole_number())
    #: Where it ends (exclusive).
    end: int = attrs.field(validator=_data.whole_number())
    #: The text matched, exactly as written (``text[start:end]``).
    text: str = attrs.field(validator=_data.text(unpadded=True))

    def __attrs_post_init__(self) -> None:
        if self.end - self.start != len(self.text):
            raise ValidationError(
                "end",
                self.end,
                f"the span of {self.text!r} from {self.start} ends at "
                f"{self.start + len(self.text)}",
            )

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)``, as ``re.Match.span()`` gives it."""
        return self.start, self.end


_L = r"A-Za-zĐđ"
_FIND_TOKEN = rf"[{_L}][{_L}0-9]*"
_FIND = re.compile(
    rf"""
    (?<![\w\u0300-\u036f/.,-])
    (?:
        (?P<party>\d{{1,6}}-{_FIND_TOKEN}/{_FIND_TOKEN})
      | (?P<state>\d{{1,6}}/(?:\d{{4}}/)?{_FIND_TOKEN}(?:-{_FIND_TOKEN})*)
    )
    (?![\w\u0300-\u036f]|[/-][\w])
    """,
    re.VERBOSE,
)


def find_document_numbers(text: str) -> tuple[DocumentNumberMatch, ...]:
    """Find every document reference number in a Vietnamese text.

    A reference is found where it is written without inner spaces
    (``20-NQ/TW``, ``09/NQ-CP``, ``01/2020/TT-BKHĐT``), in any case and
    with "D" for "Đ"; spans index into *text* as given, even when *text*
    is in decomposed Unicode.
    Bare numbers without a sign ("Kết luận số 56") are not references.

    >>> found = find_document_numbers(
    ...     "Thực hiện Nghị quyết số 20-NQ/TW và Nghị quyết số 09/NQ-CP."
    ... )
    >>> [(str(m.number), m.span) for m in found]
    [('20-NQ/TW', (24, 32)), ('09/NQ-CP', (50, 58))]
    """
    if not isinstance(cast("object", text), str):
        raise DocumentNumberError("text", text, "must be text")
    found: list[DocumentNumberMatch] = []
    for match in _FIND.finditer(text):
        try:
            number = parse_document_number(match.group())
        except DocumentNumberError:
            continue
        found.append(
            DocumentNumberMatch(
                number=number,
                start=match.start(),
                end=match.end(),
                text=match.group(),
            )
        )
    return tuple(found)
