"""Documents, the links between them, and the built-in registry."""

from __future__ import annotations

import functools

from collections.abc import Callable, Iterable, Mapping
from typing import Final

import attrs
import cattrs
import pendulum

from kttt import _data
from kttt._data import Dataset, Envelope, Row
from kttt.bodies import Issuer
from kttt.documents._kinds import DocumentKind, get_issuer
from kttt.documents._numbers import DocumentNumber, parse_document_number
from kttt.errors import DataError, NotFoundError, ParseError, ValidationError
from kttt.sources import Source


def _check_links(
    document: Document,
    attribute: attrs.Attribute[tuple[DocumentNumber, ...]],
    value: tuple[DocumentNumber, ...],
) -> None:
    if not isinstance(value, tuple) or not all(  # pyright: ignore[reportUnnecessaryIsInstance]
        isinstance(n, DocumentNumber)  # pyright: ignore[reportUnnecessaryIsInstance]
        for n in value
    ):
        raise ValidationError(
            attribute.name, value, "a tuple of DocumentNumber values"
        )
    if document.number in value:
        raise ValidationError(
            attribute.name,
            str(document.number),
            "a document cannot link to itself",
        )
    if len(set(value)) != len(value):
        raise ValidationError(
            attribute.name,
            tuple(str(n) for n in value),
            "each document is listed once",
        )


def _check_in_force(
    document: Document,
    attribute: attrs.Attribute[pendulum.Date | None],
    value: pendulum.Date | None,
) -> None:
    if (
        value is not None
        and document.signed is not None
        and value < document.signed
    ):
        raise ValidationError(
            attribute.name,
            value,
            f"a document comes into force on or after its signing "
            f"({document.signed})",
        )


def _check_issuer(
    document: Document, attribute: attrs.Attribute[Issuer], value: Issuer
) -> None:
    if value.party != document.number.is_party:
        family = "a party" if document.number.is_party else "a state"
        raise ValidationError(
            attribute.name,
            value.code,
            f"{document.number} is {family} number; its issuer must be too",
        )


@attrs.frozen(kw_only=True)
class Document:
    """A party or state document: its number, what it is, what it implements.

    Facts not known are `None`; nothing is filled in by guesswork.
    The kind is the document's own (``15-NQ/TU`` is an action programme
    although its number says NQ), and the issuer is the body that issued
    it (``10-KH/TW`` was issued by the Politburo for the Central
    Committee).

    >>> doc = get_document("155-CTr/TU")
    >>> doc.kind.label("en"), str(doc.signed), doc.signer
    ('action programme', '2022-11-21', 'Nguyễn Đức Thanh')
    """

    #: The reference number.
    number: DocumentNumber = attrs.field(
        validator=_data.instance_of(DocumentNumber)
    )
    #: The kind of document.
    kind: DocumentKind = attrs.field(validator=_data.instance_of(DocumentKind))
    #: The body that issued it.
    issuer: Issuer = attrs.field(
        validator=attrs.validators.and_(
            _data.instance_of(Issuer), _check_issuer
        )
    )
    #: The title (*trích yếu*) in Vietnamese, if the sources give it.
    title: str | None = attrs.field(
        default=None,
        converter=_data.nfc_text,
        validator=_data.optional(_data.text()),
    )
    #: The signing (or adoption) date, if known.
    signed: pendulum.Date | None = attrs.field(
        default=None, validator=_data.optional(_data.date())
    )
    #: The person who signed it, if known.
    signer: str | None = attrs.field(
        default=None,
        converter=_data.nfc_text,
        validator=_data.optional(_data.text()),
    )
    #: The date it came into force, if known.
    in_force: pendulum.Date | None = attrs.field(
        default=None,
        validator=attrs.validators.and_(
            _data.optional(_data.date()), _check_in_force
        ),
    )
    #: The province whose bodies issued it; `None` for national documents.
    jurisdiction: str | None = attrs.field(
        default=None,
        converter=_data.nfc_text,
        validator=_data.optional(_data.text()),
    )
    #: The documents it carries out or is issued under.
    implements: tuple[DocumentNumber, ...] = attrs.field(
        default=(), validator=_check_links
    )
    #: The documents whose place it takes (20-NQ/TW replaces 13-NQ/TW).
    replaces: tuple[DocumentNumber, ...] = attrs.field(
        default=(), validator=_check_links
    )
    #: The documents it amends without replacing them.
    amends: tuple[DocumentNumber, ...] = attrs.field(
        default=(), validator=_check_links
    )
    #: Where the facts above come from.
    source: Source = attrs.field(validator=_data.instance_of(Source))

    def links(self) -> tuple[DocumentNumber, ...]:
        """Return every number this document links to, of every link kind."""
        return (*self.implements, *self.replaces, *self.amends)


_LINKS = ("implements", "replaces", "amends")


def _check_registry(
    _: object,
    attribute: attrs.Attribute[tuple[Document, ...]],
    value: tuple[Document, ...],
) -> None:
    if not isinstance(value, tuple) or not all(  # pyright: ignore[reportUnnecessaryIsInstance]
        isinstance(d, Document)  # pyright: ignore[reportUnnecessaryIsInstance]
        for d in value
    ):
        raise ValidationError(
            attribute.name, value, "a tuple of Document values"
        )
    seen: dict[DocumentNumber, int] = {}
    for row, document in enumerate(value, start=1):
        if document.number in seen:
            raise DataError(
                "number",
                str(document.number),
                f"listed twice (rows {seen[document.number]} and {row})",
                row=row,
            )
        seen[document.number] = row
    for row, document in enumerate(value, start=1):
        for link in _LINKS:
            for number in getattr(document, link):
                if number not in seen:
                    raise DataError(
                        link,
                        str(number),
                        "links to a document not in the registry",
                        row=row,
                    )
    by_number = {d.number: d for d in value}
    _check_no_loop(by_number)


def _check_no_loop(by_number: Mapping[DocumentNumber, Document]) -> None:
    done: set[DocumentNumber] = set()
    for start in by_number:
        path: list[DocumentNumber] = []
        on_path: set[DocumentNumber] = set()
        stack: list[tuple[DocumentNumber, Iterable[DocumentNumber]]] = []
        if start in done:
            continue
        stack.append((start, iter(by_number[start].links())))
        path.append(start)
        on_path.add(start)
        while stack:
            node, children = stack[-1]
            child = next(iter(children), None)
            if child is None:
                stack.pop()
                path.pop()
                on_path.discard(node)
                done.add(node)
            elif child in on_path:
                loop = [*path[path.index(child) :], child]
                raise DataError(
                    "implements",
                    " → ".join(str(n) for n in loop),
                    "links between documents must not loop",
                )
            elif child not in done:
                stack.append((child, iter(by_number[child].links())))
                path.append(child)
                on_path.add(child)


@attrs.frozen
class DocumentRegistry:
    """A set of documents whose links all resolve and never loop.

    The built-in registry is `registry()`; build your own from `Document`
    values or load one with `DocumentRegistry.from_json`.
    A registry holds one document per number, so keep the registries of
    different provinces apart (their numbers repeat).

    Raises:
        DataError: If a number is listed twice, a link points outside the
            registry, or links loop.
    """

    #: The documents, in the order given.
    documents: tuple[Document, ...] = attrs.field(validator=_check_registry)

    @classmethod
    def from_json(cls, text: str, *, file: str = "<json>") -> DocumentRegistry:
        """Load a registry written like the built-in ``registry.json``.

        Raises:
            DataError: Naming the file, row, field and value at fault.
        """
        return parse_registry(_data.parse_envelope(text, file=file))

    def get(self, number: DocumentNumber | str) -> Document:
        """Return the document with this number (a value or any written form).

        Raises:
            DocumentNumberError: If *number* is text that is not a number.
            NotFoundError: If no document has this number.
        """
        wanted = (
            number
            if isinstance(number, DocumentNumber)
            else parse_document_number(number)
        )
        for document in self.documents:
            if document.number == wanted:
                return document
        raise NotFoundError(
            "number", str(wanted), "no document in the registry has it"
        )

    def implementation_chain(self, document: Document) -> tuple[Document, ...]:
        """Return *document* and every document it implements, up to the roots.

        Each document comes before the documents it implements, so a
        single line of implementation reads from the most concrete to the
        founding document.
        """
        return self._walk(document, lambda d: d.implements)

    def replacement_chain(self, document: Document) -> tuple[Document, ...]:
        """Return *document* and the documents it replaces, oldest last."""
        return self._walk(document, lambda d: d.replaces)

    def implemented_by(self, document: Document) -> tuple[Document, ...]:
        """Return the documents that directly implement *document*."""
        return tuple(
            d for d in self.documents if document.number in d.implements
        )

    def _walk(
        self,
        document: Document,
        links: Callable[[Document], tuple[DocumentNumber, ...]],
    ) -> tuple[Document, ...]:
        start = self.get(document.number)
        # Depth-first post-order over the links gives every document after
        # the documents that link to it once reversed.
        order: list[Document] = []
        seen: set[DocumentNumber] = set()

        def visit(current: Document) -> None:
            seen.add(current.number)
            for number in reversed(links(current)):
                if number not in seen:
                    visit(self.get(number))
            order.append(current)

        visit(start)
        return tuple(reversed(order))


def configure_converter(conv: cattrs.Converter) -> None:
    """Write a `DocumentNumber` in its canonical form and read it back."""
    conv.register_unstructure_hook(DocumentNumber, str)
    conv.register_structure_hook(DocumentNumber, _structure_number)


def _structure_number(value: object, _: object) -> DocumentNumber:
    if not isinstance(value, str):
        raise ParseError(
            "", value, "a reference number is text such as '20-NQ/TW'"
        )
    return parse_document_number(value)


def _canonical_number(value: object, _: object) -> DocumentNumber:
    number = _structure_number(value, DocumentNumber)
    if str(number) != value:
        raise ParseError("", value, f"write it as {str(number)!r}")
    return number


def _issuer_given(value: object, _: object) -> Issuer:
    if not isinstance(value, Issuer):
        raise ParseError("issuer", value, "an issuer is named by its code")
    return value


@functools.cache
def _file_converter() -> cattrs.Converter:
    # A registry file writes numbers canonically and issuers as codes,
    # looked up in the party or state family of the document's number.
    conv = _data.new_converter()
    conv.register_structure_hook(DocumentNumber, _canonical_number)
    conv.register_structure_hook(Issuer, _issuer_given)
    return conv


@attrs.frozen
class _Number:
    # Reads a row's number alone, first: its family picks the issuer.
    number: DocumentNumber


def _document(row: Row) -> Document:
    conv = _file_converter()
    with row.reading():
        fields = _data.as_mapping(row.data)
        if fields is None:
            raise ParseError("", row.data, "a document is a JSON object")
        record = dict(fields)
        number = _data.structure(
            conv, {"number": record.get("number")}, _Number
        ).number
        code = record.get("issuer")
        if not isinstance(code, str):
            raise ParseError("issuer", code, "an issuer is named by its code")
        record["issuer"] = get_issuer(code, party=number.is_party)
        return _data.structure(conv, record, Document)


def parse_registry(envelope: Envelope) -> DocumentRegistry:
    """Read a registry from an envelope of document rows.

    Raises:
        DataError: Naming the file and the path of the first bad value,
            or the row of a repeated number or a link that does not
            resolve.
    """
    documents = tuple(_document(row) for row in envelope)
    with _data.reading(envelope.file):
        return DocumentRegistry(documents)


#: The documents the sources cite (``kttt/data/documents/registry.json``).
REGISTRY: Final = Dataset("documents/registry.json", parse_registry)


def registry() -> DocumentRegistry:
    """Return the built-in registry of the documents the sources cite."""
    return REGISTRY.load()


def documents() -> tuple[Document, ...]:
    """Return every document of the built-in registry."""
    return registry().documents


def get_document(number: DocumentNumber | str) -> Document:
    """Return the built-in document with this number.

    >>> get_document("so 09/nq-cp").issuer.name_en
    'the Government'

    Raises:
        DocumentNumberError: If *number* is text that is not a number.
        NotFoundError: If the registry has no such document.
    """
    return registry().get(number)


def implementation_chain(document: Document) -> tuple[Document, ...]:
    """Walk the built-in registry's ``implements`` links up to the roots.

    >>> from kttt.documents import implementation_chain
    >>> chain = implementation_chain(get_document("155-CTr/TU"))
    >>> [str(d.number) for d in chain]
    ['155-CTr/TU', '10-KH/TW', '20-NQ/TW']
    """
    return registry().implementation_chain(document)


def replacement_chain(document: Document) -> tuple[Document, ...]:
    """Walk the built-in registry's ``replaces`` links back to the oldest.

    >>> from kttt.documents import replacement_chain
    >>> [str(d.number) for d in replacement_chain(get_document("20-NQ/TW"))]
    ['20-NQ/TW', '13-NQ/TW']
    """
    return registry().replacement_chain(document)


def implemented_by(document: Document) -> tuple[Document, ...]:
    """Return the built-in documents that directly implement *document*."""
    return registry().implemented_by(document)
