"""Document kinds, the codes that stand for them, and the issuing bodies."""

from __future__ import annotations

import functools
import re

from collections.abc import Mapping
from typing import cast

import attrs

from kttt._labels import LabelledEnum, pick
from kttt.documents._data import (
    package_text,
    rows_from_json,
    source_from,
)
from kttt.errors import DataError, NotFoundError
from kttt.sources import Source
from kttt.text import fold, nfc


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
    code: str = attrs.field(converter=nfc)
    #: The kind it stands for.
    kind: DocumentKind
    #: Whether party documents use it.
    party: bool
    #: Whether state documents use it.
    state: bool
    #: Where the abbreviation is defined.
    source: Source


def _nfc_tuple(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(nfc(v) for v in values)


@attrs.frozen(kw_only=True)
class Issuer:
    """A body that issues documents, with the code its reference numbers use.

    >>> from kttt.documents import get_issuer
    >>> get_issuer("TTg").name_en
    'the Prime Minister'
    """

    #: The code as reference numbers write it (``"TTg"``, ``"BKHĐT"``).
    code: str = attrs.field(converter=nfc)
    #: The Vietnamese name.
    name_vi: str = attrs.field(converter=nfc)
    #: The English name.
    name_en: str
    #: Whether it is a body of the Communist Party (not of the state).
    party: bool
    #: Other codes found in reference numbers for the same body.
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_nfc_tuple)
    #: Whether numbers append a term of office to the code (``QH15``).
    numbered_term: bool = False
    #: Where the code and the name come from.
    source: Source

    def label(self, lang: str = "vi") -> str:
        """Return the name in *lang*, ``"vi"`` or ``"en"``."""
        return pick(lang, self.name_vi, self.name_en)


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


def _read_json(name: str) -> list[dict[str, object]]:
    text = package_text(name)
    rows = rows_from_json(text, file=name)
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise DataError(name, row, "a row is a JSON object", row=number)
    return cast("list[dict[str, object]]", rows)


def _field(
    row: Mapping[str, object], name: str, file: str, number: int
) -> str:
    value = row.get(name)
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"{file}: {name}", value, "must be text", row=number)
    return value


def _flag(
    row: Mapping[str, object], name: str, file: str, number: int
) -> bool:
    value = row.get(name, False)
    if not isinstance(value, bool):
        raise DataError(
            f"{file}: {name}", value, "must be true or false", row=number
        )
    return value


def _load_kind_codes() -> tuple[KindCode, ...]:
    file = "kind_codes.json"
    codes: list[KindCode] = []
    for number, row in enumerate(_read_json(file), start=1):
        kind_text = _field(row, "kind", file, number)
        try:
            kind = DocumentKind(kind_text)
        except ValueError:
            raise DataError(
                f"{file}: kind", kind_text, "not a DocumentKind", row=number
            ) from None
        codes.append(
            KindCode(
                code=_field(row, "code", file, number),
                kind=kind,
                party=_flag(row, "party", file, number),
                state=_flag(row, "state", file, number),
                source=source_from(row.get("source"), file=file, row=number),
            )
        )
    return tuple(codes)


def _load_issuers() -> tuple[Issuer, ...]:
    file = "issuers.json"
    issuers: list[Issuer] = []
    for number, row in enumerate(_read_json(file), start=1):
        aliases = row.get("aliases", [])
        if not isinstance(aliases, list) or not all(
            isinstance(a, str) for a in cast("list[object]", aliases)
        ):
            raise DataError(
                f"{file}: aliases",
                row.get("aliases"),
                "a list of codes",
                row=number,
            )
        issuers.append(
            Issuer(
                code=_field(row, "code", file, number),
                name_vi=_field(row, "name_vi", file, number),
                name_en=_field(row, "name_en", file, number),
                party=_flag(row, "party", file, number),
                aliases=tuple(cast("list[str]", aliases)),
                numbered_term=_flag(row, "numbered_term", file, number),
                source=source_from(row.get("source"), file=file, row=number),
            )
        )
    return tuple(issuers)


def _index_tables(
    kind_codes: tuple[KindCode, ...], issuers: tuple[Issuer, ...]
) -> _Tables:
    party_kinds: dict[str, KindCode] = {}
    state_kinds: dict[str, KindCode] = {}
    spellings: dict[str, str] = {}
    for number, entry in enumerate(kind_codes, start=1):
        _check_code(entry.code, "kind_codes.json", number)
        key = fold(entry.code)
        for wanted, table in (
            (entry.party, party_kinds),
            (entry.state, state_kinds),
        ):
            if wanted and key in table:
                raise DataError(
                    "kind_codes.json: code",
                    entry.code,
                    "the same code (ignoring case, Đ/D) twice in a family",
                    row=number,
                )
            if wanted:
                table[key] = entry
        spellings[key] = entry.code
    index: dict[tuple[str, bool], Issuer] = {}
    for number, issuer in enumerate(issuers, start=1):
        for code in (issuer.code, *issuer.aliases):
            _check_code(code, "issuers.json", number)
            entry_key = (fold(code), issuer.party)
            if entry_key in index:
                raise DataError(
                    "issuers.json: code",
                    code,
                    "the same code twice among party or state issuers",
                    row=number,
                )
            if not issuer.party and fold(code) in state_kinds:
                raise DataError(
                    "issuers.json: code",
                    code,
                    "a state issuer code must not be a state kind code",
                    row=number,
                )
            index[entry_key] = issuer
            known = spellings.setdefault(entry_key[0], code)
            if known != code:
                raise DataError(
                    "issuers.json: code",
                    code,
                    f"spelled differently elsewhere ({known!r})",
                    row=number,
                )
    return _Tables(
        kind_codes=kind_codes,
        issuers=issuers,
        party_kinds=party_kinds,
        state_kinds=state_kinds,
        issuer_index=index,
        spellings=spellings,
        numbered=frozenset(fold(i.code) for i in issuers if i.numbered_term),
    )


def _check_code(code: str, file: str, row: int) -> None:
    if not re.fullmatch(r"[A-ZĐ][A-Za-zĐđ]*", code):
        raise DataError(
            f"{file}: code",
            code,
            "a code is letters (A–Z, Đ) starting with a capital",
            row=row,
        )


@functools.cache
def tables() -> _Tables:
    """Load and index the built-in kind codes and issuers (once)."""
    return _index_tables(_load_kind_codes(), _load_issuers())


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
