"""Document kinds, the codes that stand for them, and the issuing bodies."""

from __future__ import annotations

import functools
import re

from collections.abc import Mapping
from typing import Any, Final

import attrs

from kttt import _data
from kttt._data import Dataset, Envelope
from kttt._labels import LabelledEnum
from kttt.bodies import ISSUERS, Issuer, check_issuer_code
from kttt.errors import DataError, NotFoundError
from kttt.sources import Source
from kttt.text import fold


class DocumentKind(LabelledEnum):
    """The kind of a party or state document (its *thể loại*)."""

    RESOLUTION = "resolution", "nghị quyết", "resolution"
    PLAN = "plan", "kế hoạch", "plan"
    ACTION_PROGRAMME = (
        "action_programme",
        "chương trình hành động",
        "action programme",
    )
    DECISION = "decision", "quyết định", "decision"
    REGULATION = "regulation", "quy định", "regulation"
    RULES = "rules", "quy chế", "rules"
    DIRECTIVE = "directive", "chỉ thị", "directive"
    CONCLUSION = "conclusion", "kết luận", "conclusion"
    NOTICE = "notice", "thông báo", "notice"
    REPORT = "report", "báo cáo", "report"
    GUIDANCE = "guidance", "hướng dẫn", "guidance"
    SUBMISSION = "submission", "tờ trình", "submission"
    SCHEME = "scheme", "đề án", "scheme"
    PARTY_CIRCULAR = "party_circular", "thông tri", "party circular"
    LAW = "law", "luật", "law"
    ORDINANCE = "ordinance", "pháp lệnh", "ordinance"
    ORDER = "order", "lệnh", "order"
    DECREE = "decree", "nghị định", "decree"
    CIRCULAR = "circular", "thông tư", "circular"
    JOINT_CIRCULAR = "joint_circular", "thông tư liên tịch", "joint circular"
    JOINT_RESOLUTION = (
        "joint_resolution",
        "nghị quyết liên tịch",
        "joint resolution",
    )
    OFFICIAL_LETTER = "official_letter", "công văn", "official letter"


@attrs.frozen(kw_only=True)
class KindCode:
    """An abbreviation that stands for a document kind in reference numbers.

    The same letters can mean different kinds in party and in state
    numbers: ``TT`` is a *thông tri* in ``05-TT/TW`` but a *thông tư*
    (circular) in ``01/2020/TT-BKHĐT``.
    """

    #: The abbreviation as the format rules write it (``"CTr"``, ``"QĐ"``).
    code: str = attrs.field(converter=_data.nfc_text)
    #: The kind it stands for.
    kind: DocumentKind = attrs.field(
        validator=_data.instance_of(DocumentKind, "must be a DocumentKind")
    )
    #: Whether party documents use it.
    party: bool = attrs.field(validator=_data.flag())
    #: Whether state documents use it.
    state: bool = attrs.field(validator=_data.flag())
    #: Where the abbreviation is defined.
    source: Source = attrs.field(validator=_data.instance_of(Source))

    def __attrs_post_init__(self) -> None:
        check_issuer_code("code", self.code)


_TERM = re.compile(r"(?P<code>[^\W\d_]+)(?P<term>\d{1,2})")


@attrs.frozen
class _Tables:
    kind_codes: tuple[KindCode, ...]
    issuers: tuple[Issuer, ...]
    # fold(code) -> KindCode, one map per family.
    party_kinds: Mapping[str, KindCode]
    state_kinds: Mapping[str, KindCode]
    # (fold(code), party) -> Issuer, aliases included.
    issuer_index: Mapping[tuple[str, bool], Issuer]
    # fold(code or alias) -> spelling as written in the table.
    spellings: Mapping[str, str]
    # fold(code) of the issuers whose numbers append a term (``QH15``).
    numbered: frozenset[str]


def _parse_kind_codes(envelope: Envelope) -> tuple[KindCode, ...]:
    return envelope.structure(_data.new_converter(), KindCode)


#: The abbreviations of document kinds
#: (``kttt/data/documents/kind_codes.json``).
KIND_CODES: Final = Dataset("documents/kind_codes.json", _parse_kind_codes)


def _index_tables(
    kind_codes: tuple[KindCode, ...], issuers: tuple[Issuer, ...]
) -> _Tables:
    party_kinds: dict[str, KindCode] = {}
    state_kinds: dict[str, KindCode] = {}
    spellings: dict[str, str] = {}
    for number, entry in enumerate(kind_codes, start=1):
        key = fold(entry.code)
        for wanted, table in (
            (entry.party, party_kinds),
            (entry.state, state_kinds),
        ):
            if wanted and key in table:
                raise DataError(
                    "code",
                    entry.code,
                    "the same code (ignoring case, Đ/D) twice in a family",
                    row=number,
                    file=_file(KIND_CODES),
                )
            if wanted:
                table[key] = entry
        spellings[key] = entry.code
    index: dict[tuple[str, bool], Issuer] = {}
    for number, issuer in enumerate(issuers, start=1):
        for code in issuer.codes():
            rule = _issuer_clash(code, issuer.party, index, state_kinds)
            known = spellings.setdefault(fold(code), code)
            if rule is None and known != code:
                rule = f"spelled differently elsewhere ({known!r})"
            if rule is not None:
                raise DataError(
                    "code", code, rule, row=number, file=_file(ISSUERS)
                )
            index[fold(code), issuer.party] = issuer
    return _Tables(
        kind_codes=kind_codes,
        issuers=issuers,
        party_kinds=party_kinds,
        state_kinds=state_kinds,
        issuer_index=index,
        spellings=spellings,
        numbered=frozenset(fold(i.code) for i in issuers if i.numbered_term),
    )


def _issuer_clash(
    code: str,
    party: bool,
    index: Mapping[tuple[str, bool], Issuer],
    state_kinds: Mapping[str, KindCode],
) -> str | None:
    if (fold(code), party) in index:
        return "the same code twice among party or state issuers"
    if not party and fold(code) in state_kinds:
        return "a state issuer code must not be a state kind code"
    return None


def _file(dataset: Dataset[Any]) -> str:
    return f"{_data.PACKAGE_DATA}/{dataset.file}"


@functools.cache
def tables() -> _Tables:
    """Load and index the built-in kind codes and issuers (once)."""
    return _index_tables(KIND_CODES.load(), ISSUERS.load())


def kind_codes() -> tuple[KindCode, ...]:
    """Return every known document kind code, party and state.

    >>> from kttt.documents import kind_codes
    >>> [c.code for c in kind_codes() if c.kind is DocumentKind.DECREE]
    ['NĐ']
    """
    return tables().kind_codes


def kind_code(code: str, *, party: bool) -> KindCode | None:
    """Return the kind code written *code* in a party or state number.

    Case and "D" written for "Đ" are ignored; `None` if it is not a kind
    code of that family.
    """
    table = tables().party_kinds if party else tables().state_kinds
    return table.get(fold(code))


def issuers() -> tuple[Issuer, ...]:
    """Return every built-in issuer."""
    return tables().issuers


def find_issuer(code: str, *, party: bool = False) -> Issuer | None:
    """Return the issuer a number's code stands for, or `None` if unknown.

    A term of office after the code is ignored (``QH15`` is the National
    Assembly); aliases are recognised (``BNN``).
    """
    index = tables().issuer_index
    found = index.get((fold(code), party))
    if found is None:
        match = _TERM.fullmatch(fold(code))
        if match is not None and match["code"] in tables().numbered:
            found = index.get((match["code"], party))
    return found


def get_issuer(code: str, *, party: bool = False) -> Issuer:
    """Return the issuer whose code (or alias) is *code*.

    Party bodies and state bodies are separate: ``BCT`` is the Politburo
    with ``party=True`` and the Ministry of Industry and Trade without.

    >>> from kttt.documents import get_issuer
    >>> get_issuer("bkhdt").code
    'BKHĐT'

    Raises:
        NotFoundError: If no issuer has this code.
    """
    found = find_issuer(code, party=party)
    if found is None:
        family = "party" if party else "state"
        raise NotFoundError(
            "issuer", code, f"no {family} issuer has this code"
        )
    return found


def canonical_spelling(code: str) -> str | None:
    """Return how the tables spell *code*, or `None` if it is not in them.

    ``QH15`` is spelled like ``QH`` followed by the term.
    """
    found = tables().spellings.get(fold(code))
    if found is None:
        match = _TERM.fullmatch(fold(code))
        if match is not None and match["code"] in tables().numbered:
            found = tables().spellings[match["code"]] + match["term"]
    return found
