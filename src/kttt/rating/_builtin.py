"""The built-in schemes, user scheme files, and the default scheme choice."""

from __future__ import annotations

import os

from collections.abc import Iterable
from typing import Final

from kttt import _data
from kttt._data import Dataset
from kttt.errors import NotFoundError
from kttt.organizations import OrganizationKind, Sector
from kttt.rating._enums import SizeBasis, SizeClass
from kttt.rating._scheme import RatingScheme, parse_scheme


#: Thông tư 01/2020/TT-BKHĐT: cooperatives and their unions
#: (``kttt/data/rating/tt-01-2020.json``).
TT_01_2020: Final = Dataset("rating/tt-01-2020.json", parse_scheme, exact=True)
#: Thông tư 09/2017/TT-BNNPTNT: agricultural cooperatives
#: (``kttt/data/rating/tt-09-2017.json``).
TT_09_2017: Final = Dataset("rating/tt-09-2017.json", parse_scheme, exact=True)
#: Thông tư 42/2016/TT-NHNN: people's credit funds
#: (``kttt/data/rating/tt-42-2016.json``).
TT_42_2016: Final = Dataset("rating/tt-42-2016.json", parse_scheme, exact=True)

_SCHEMES: Final = (TT_01_2020, TT_09_2017, TT_42_2016)


def builtin_schemes() -> tuple[RatingScheme, ...]:
    """Return the schemes kttt ships, validated on load.

    They are TT 01/2020/TT-BKHĐT (cooperatives and their unions),
    TT 09/2017/TT-BNNPTNT (agricultural cooperatives) and
    TT 42/2016/TT-NHNN (people's credit funds).

    Raises:
        DataError: If a built-in file is broken (a bug in kttt).
    """
    return tuple(dataset.load() for dataset in _SCHEMES)


def builtin_scheme(code: str) -> RatingScheme:
    """Return the built-in scheme with *code* (``"TT-01-2020"``).

    Raises:
        NotFoundError: If kttt ships no scheme with that code.
    """
    for scheme in builtin_schemes():
        if scheme.code == code:
            return scheme
    known = ", ".join(s.code for s in builtin_schemes())
    raise NotFoundError("scheme", code, f"not a built-in scheme ({known})")


def load_scheme(path: str | os.PathLike[str]) -> RatingScheme:
    """Read a scheme file, such as a province's own scheme.

    The file holds one scheme in the format `RatingScheme.to_json` writes,
    or a kttt data file whose one row is a scheme.

    Raises:
        NotFoundError: If the file cannot be read.
        DataError: If it is not a valid scheme; the error names the file,
            the path in it and the value.
    """
    return RatingScheme.from_json(_data.read_text(path), file=os.fspath(path))


def scheme_for(
    kind: OrganizationKind,
    sector: Sector,
    year: int,
    *,
    schemes: Iterable[RatingScheme] | None = None,
) -> RatingScheme:
    """Choose the scheme that rates *kind* in *sector* for *year*.

    Among the schemes that apply (see `RatingScheme.applies_to`), one
    limited to named sectors wins over one for every sector (so
    agricultural cooperatives get TT 09/2017/TT-BNNPTNT), then the one in
    force most recently.

    >>> from kttt.rating import scheme_for
    >>> scheme_for(OrganizationKind.COOPERATIVE, Sector.AGRICULTURE, 2024).code
    'TT-09-2017'
    >>> scheme_for(OrganizationKind.COOPERATIVE, Sector.TRANSPORT, 2024).code
    'TT-01-2020'

    Args:
        kind: The organisation's legal form.
        sector: Its field of activity.
        year: The year rated.
        schemes: The schemes to choose from (the built-in ones by default).

    Raises:
        NotFoundError: If no scheme applies.
    """
    candidates = [
        s
        for s in (builtin_schemes() if schemes is None else schemes)
        if s.applies_to(kind, sector, year)
    ]
    if not candidates:
        raise NotFoundError(
            "kind",
            kind.value,
            f"no rating scheme rates a {kind.label_en} in {sector.label_en} "
            f"for {year}; load one with load_scheme",
        )
    return max(candidates, key=lambda s: (bool(s.sectors), s.in_force))


def size_by_members(members: int) -> SizeClass:
    """Return the size class of a cooperative with *members* members.

    TT 01/2020/TT-BKHĐT, Điều 4: under 50 micro, 50 to 300 small, over 300
    to 1,000 medium, over 1,000 large.

    >>> from kttt.rating import size_by_members
    >>> size_by_members(300), size_by_members(301)
    (<SizeClass.SMALL: 'small'>, <SizeClass.MEDIUM: 'medium'>)

    Raises:
        ValidationError: If *members* is not a whole number at least 0.
    """
    return TT_01_2020.load().size_class(SizeBasis.MEMBERS, members)


def size_by_capital(capital: int) -> SizeClass:
    """Return the size class of a cooperative with *capital* VND in total.

    TT 01/2020/TT-BKHĐT, Điều 5: under 1 billion micro, 1 to under 5
    billion small, 5 to under 50 billion medium, 50 billion and more large.

    >>> from kttt.rating import size_by_capital
    >>> size_by_capital(5_000_000_000)
    <SizeClass.MEDIUM: 'medium'>

    Raises:
        ValidationError: If *capital* is not a whole number of VND at least 0.
    """
    return TT_01_2020.load().size_class(SizeBasis.CAPITAL, capital)
