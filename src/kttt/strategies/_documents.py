"""Strategies for document numbers, documents and document registries."""

from __future__ import annotations

import functools

from typing import Literal

from hypothesis import strategies as st

from kttt.documents import (
    Document,
    DocumentKind,
    DocumentNumber,
    DocumentRegistry,
    Issuer,
    issuers,
    kind_codes,
)
from kttt.documents._kinds import canonical_spelling
from kttt.documents._numbers import MAX_SEQUENCE, YEARS
from kttt.sources import Source
from kttt.strategies._base import labelled_enums, pendulum_dates


#: The written shapes of a reference number.
NumberShape = Literal["party", "state", "legal", "letter"]
SHAPES: tuple[NumberShape, ...] = ("party", "state", "legal", "letter")

_WORDS = (
    "về",
    "tiếp tục",
    "đổi mới",
    "phát triển",
    "kinh tế tập thể",
    "hợp tác xã",
    "Ban Chỉ đạo",
    "Nghị quyết",
    "Kế hoạch",
    "thực hiện",
    "giai đoạn mới",
    "Đảng",
)


def _canonical(token: str) -> str:
    return canonical_spelling(token) or token


_LETTERS = "ABCDEGHIKLMNOPQRSTUVXYĐ"


@functools.cache
def issuer_codes() -> st.SearchStrategy[str]:
    """Draw an issuer code as numbers write it, known or not.

    Shrinks towards short codes of capital letters; codes that spell a
    known issuer differently (``TTG``) come out in its spelling (``TTg``).
    """
    return st.builds(
        str.__add__,
        st.sampled_from(_LETTERS),
        st.text(alphabet=_LETTERS + "0123456789", max_size=7),
    ).map(_canonical)


@functools.cache
def _kind_codes(*, party: bool) -> st.SearchStrategy[str]:
    codes = sorted(
        {c.code for c in kind_codes() if (c.party if party else c.state)}
    )
    return st.sampled_from(codes)


@functools.cache
def _known_issuers(*, party: bool) -> st.SearchStrategy[Issuer]:
    return st.sampled_from([i for i in issuers() if i.party is party])


@st.composite
def _party_numbers(draw: st.DrawFn) -> DocumentNumber:
    return DocumentNumber(
        sequence=draw(st.integers(1, MAX_SEQUENCE)),
        kind_code=draw(_kind_codes(party=True)),
        issuer_codes=(draw(issuer_codes()),),
        is_party=True,
    )


@st.composite
def _state_numbers(draw: st.DrawFn, *, legal: bool) -> DocumentNumber:
    year = draw(st.integers(YEARS.start, YEARS.stop - 1)) if legal else None
    if legal and draw(st.booleans()):
        # A law or a resolution of the National Assembly: no kind code.
        term = draw(st.integers(1, 20))
        return DocumentNumber(
            sequence=draw(st.integers(1, MAX_SEQUENCE)),
            year=year,
            issuer_codes=(f"QH{term}",),
        )
    return DocumentNumber(
        sequence=draw(st.integers(1, MAX_SEQUENCE)),
        year=year,
        kind_code=draw(_kind_codes(party=False)),
        issuer_codes=tuple(
            draw(st.lists(issuer_codes(), min_size=1, max_size=3))
        ),
    )


@st.composite
def _letter_numbers(draw: st.DrawFn) -> DocumentNumber:
    first = draw(_known_issuers(party=False)).code
    rest = draw(st.lists(issuer_codes(), max_size=2))
    return DocumentNumber(
        sequence=draw(st.integers(1, MAX_SEQUENCE)),
        issuer_codes=(first, *rest),
    )


@functools.cache
def document_numbers(
    *, shape: NumberShape | None = None
) -> st.SearchStrategy[DocumentNumber]:
    """Draw a valid `kttt.documents.DocumentNumber`.

    Args:
        shape: ``"party"`` (``20-NQ/TW``), ``"state"`` (``09/NQ-CP``),
            ``"legal"`` (with a year: ``01/2020/TT-BKHĐT``,
            ``17/2023/QH15``) or ``"letter"`` (an official letter without
            a kind code: ``768/BTC-KTHT``); by default any of them.

    Shrinks towards party numbers with small sequence numbers.
    """
    by_shape: dict[NumberShape, st.SearchStrategy[DocumentNumber]] = {
        "party": _party_numbers(),
        "state": _state_numbers(legal=False),
        "legal": _state_numbers(legal=True),
        "letter": _letter_numbers(),
    }
    if shape is None:
        return st.one_of(*by_shape.values())
    return by_shape[shape]


def document_kinds() -> st.SearchStrategy[DocumentKind]:
    """Draw a `kttt.documents.DocumentKind`, shrinking towards resolutions."""
    return labelled_enums(DocumentKind)


@functools.cache
def document_issuers(
    *, party: bool | None = None
) -> st.SearchStrategy[Issuer]:
    """Draw a built-in `kttt.documents.Issuer`, party or state if asked."""
    return st.sampled_from(
        [i for i in issuers() if party is None or i.party is party]
    )


_TEXT = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map(" ".join)


_OPTIONAL_DATES = st.none() | pendulum_dates()
_SIGNERS = st.none() | st.sampled_from(("Nguyễn Văn A", "Trần Thị B"))
_TITLES = st.none() | _TEXT
_JURISDICTIONS = st.none() | st.just("Ninh Thuận")


@st.composite
def _documents(
    draw: st.DrawFn,
    number: DocumentNumber | None,
    links: tuple[DocumentNumber, ...],
) -> Document:
    drawn = draw(document_numbers()) if number is None else number
    signed = draw(_OPTIONAL_DATES)
    in_force = None
    if signed is not None and draw(st.booleans()):
        in_force = signed.add(days=draw(st.integers(0, 400)))
    chosen = tuple(n for n in links if n != drawn)
    split = draw(st.integers(0, len(chosen)))
    return Document(
        number=drawn,
        kind=draw(document_kinds()),
        issuer=draw(document_issuers(party=drawn.is_party)),
        title=draw(_TITLES),
        signed=signed,
        signer=draw(
            st.none() | st.sampled_from(("Nguyễn Văn A", "Trần Thị B"))
        ),
        in_force=in_force,
        jurisdiction=draw(_JURISDICTIONS),
        implements=chosen[:split],
        replaces=chosen[split:],
        source=Source(document=str(drawn), note="generated"),
    )


def documents(
    *, number: DocumentNumber | None = None
) -> st.SearchStrategy[Document]:
    """Draw a valid `kttt.documents.Document` (without links).

    Args:
        number: Use this number; by default draw one of any shape.
    """
    return _documents(number, ())


@st.composite
def _registries(draw: st.DrawFn, max_size: int) -> DocumentRegistry:
    numbers = draw(
        st.lists(
            document_numbers(), min_size=1, max_size=max_size, unique=True
        )
    )
    made: list[Document] = []
    for number in numbers:
        earlier = [d.number for d in made]
        links = draw(
            st.lists(st.sampled_from(earlier), unique=True, max_size=3)
            if earlier
            else st.just([])
        )
        made.append(draw(_documents(number, tuple(links))))
    return DocumentRegistry(tuple(made))


def document_registries(
    *, max_size: int = 8
) -> st.SearchStrategy[DocumentRegistry]:
    """Draw a `kttt.documents.DocumentRegistry` of up to *max_size* documents.

    Every document links only to documents drawn before it, so the links
    never loop; the order of the documents is the order they were drawn.
    """
    return _registries(max_size)


def vietnamese_words() -> st.SearchStrategy[str]:
    """Draw a short run of Vietnamese words (no digits, no codes)."""
    return _TEXT
