"""
The errors of kttt.rating, each pinned whole: its class, and the message
that names the field, shows the value and states the rule.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from kttt.errors import KtttError, NotFoundError, ParseError, ValidationError
from kttt.organizations import OrganizationKind, Sector
from kttt.rating import ScoreSheet, SizeBasis, builtin_scheme, scheme_for


TT01 = builtin_scheme("TT-01-2020")
TT42 = builtin_scheme("TT-42-2016")
COOP = OrganizationKind.COOPERATIVE
TRANSPORT = Sector.TRANSPORT
NO_SCHEME = (
    "kind='cooperative': no rating scheme rates a cooperative in transport"
    " for 2024; load one with load_scheme"
)


def sheet(**fields: object) -> ScoreSheet:
    """A 2024 sheet of a transport cooperative."""
    return ScoreSheet(
        organization="HTX-1",
        kind=COOP,
        sector=TRANSPORT,
        year=2024,
        **fields,  # type: ignore[arg-type]
    )


ERRORS: list[tuple[str, Callable[[], object], type[KtttError], str]] = [
    (
        "a negative total",
        lambda: TT01.band_for(Decimal("-0.01")),
        ValidationError,
        "total=Decimal('-0.01'): a total is at least 0",
    ),
    (
        "size classes a scheme lacks",
        lambda: TT42.size_class(SizeBasis.MEMBERS, 3),
        NotFoundError,
        "basis='members': TT-42-2016 defines no size classes on it",
    ),
    (
        "no scheme among those given",
        lambda: scheme_for(COOP, TRANSPORT, 2024, schemes=[TT42]),
        NotFoundError,
        NO_SCHEME,
    ),
    (
        "no scheme at all",
        lambda: scheme_for(COOP, TRANSPORT, 2024, schemes=[]),
        NotFoundError,
        NO_SCHEME,
    ),
    (
        "a row with more cells than columns",
        lambda: ScoreSheet.from_row(
            {"organization": "HTX-1", None: ["x", "y"]}  # type: ignore[dict-item]
        ),
        ParseError,
        "row=['x', 'y']: more cells than columns",
    ),
    (
        "binary floats as points",
        lambda: sheet(points={"I": Decimal(1), "II": 1.5}),
        ValidationError,
        "points.II=1.5: points is a finite Decimal (or int)",
    ),
]


@pytest.mark.parametrize(
    ("call", "kind", "message"),
    [pytest.param(*case[1:], id=case[0]) for case in ERRORS],
)
def test_error_names_field_value_and_rule(call, kind, message):
    """The error is of its class and its message is exactly as pinned."""
    with pytest.raises(KtttError) as info:
        call()

    assert kind is type(info.value)
    assert message == str(info.value)


def test_a_float_is_refused_even_after_its_text_was_seen():
    """1.5 (a float) is refused though Decimal("1.5") was just read."""
    assert Decimal("1.5") == sheet(points={"I": Decimal("1.5")}).points["I"]

    with pytest.raises(ValidationError) as info:
        sheet(points={"I": 1.5})

    assert "points.I=1.5: points is a finite Decimal (or int)" == str(
        info.value
    )
