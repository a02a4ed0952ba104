"""Party and state documents: reference numbers, kinds, issuers and links.

A `DocumentNumber` is the *số ký hiệu* of a document (``20-NQ/TW``,
``09/NQ-CP``, ``01/2020/TT-BKHĐT``); `parse_document_number` reads every
shape the sources use and `find_document_numbers` finds them in a text.
A `Document` adds what is known about the document itself (kind, issuer,
title, dates, signer) and its links to other documents; the built-in
registry holds every document the seed texts and the domain notes cite.
"""

from __future__ import annotations

from kttt.bodies import Issuer
from kttt.documents._kinds import (
    KIND_CODES,
    DocumentKind,
    KindCode,
    get_issuer,
    issuers,
    kind_codes,
)
from kttt.documents._numbers import (
    DocumentNumber,
    DocumentNumberMatch,
    find_document_numbers,
    parse_document_number,
)
from kttt.documents._registry import (
    REGISTRY,
    Document,
    DocumentRegistry,
    configure_converter,
    documents,
    get_document,
    implementation_chain,
    implemented_by,
    parse_registry,
    registry,
    replacement_chain,
)


__all__ = [
    "KIND_CODES",
    "REGISTRY",
    "Document",
    "DocumentKind",
    "DocumentNumber",
    "DocumentNumberMatch",
    "DocumentRegistry",
    "Issuer",
    "KindCode",
    "configure_converter",
    "documents",
    "find_document_numbers",
    "get_document",
    "get_issuer",
    "implementation_chain",
    "implemented_by",
    "issuers",
    "kind_codes",
    "parse_document_number",
    "parse_registry",
    "registry",
    "replacement_chain",
]
