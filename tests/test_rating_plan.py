"""
Classifying under hand-built schemes: groups whose parts' maxima are not
all known, scoring rules, finer points and the scheme given to the
classifier, each pinned to hand-computed totals and errors.
"""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest

from kttt.errors import ScoreError
from kttt.organizations import OrganizationKind, Sector
from kttt.rating import (
    Band,
    Criterion,
    Rating,
    RatingScheme,
    ScoreSheet,
    StepRule,
    YesNoRule,
    classify,
    classify_many,
    rate_csv,
)
from kttt.sources import Source


COOP = OrganizationKind.COOPERATIVE
D = Decimal


def criterion(
    code: str,
    maximum: str | None,
    *parts: Criterion,
    rule: StepRule | YesNoRule | None = None,
) -> Criterion:
    """A criterion named after its code."""
    return Criterion(
        code=code,
        label_vi=f"tiêu chí {code}",
        label_en=f"criterion {code}",
        maximum=None if maximum is None else D(maximum),
        parts=parts,
        rule=rule,
    )


BANDS = (
    Band(rating=Rating.GOOD, minimum=D(80)),
    Band(rating=Rating.FAIR, minimum=D(65)),
    Band(rating=Rating.AVERAGE, minimum=D(50)),
    Band(rating=Rating.WEAK, minimum=D(0)),
)


def scheme(*criteria: Criterion, **more: object) -> RatingScheme:
    """A province's scheme for cooperatives in every sector, from 2020."""
    fields: dict[str, object] = {
        "code": "TINH-Y",
        "name_vi": "Bộ tiêu chí tỉnh Y",
        "name_en": "Province Y scheme",
        "source": Source(document="7/2023/QĐ-UBND"),
        "in_force": pendulum.Date(2020, 1, 1),
        "kinds": [COOP],
        "criteria": criteria,
        "bands": BANDS,
    }
    fields.update(more)
    return RatingScheme(**fields)  # type: ignore[arg-type]


def sheet(points: dict[str, object], **more: object) -> ScoreSheet:
    """A 2024 sheet of a transport cooperative (TT 01/2020 by default)."""
    return ScoreSheet(
        organization="HTX-Y",
        kind=COOP,
        sector=Sector.TRANSPORT,
        year=2024,
        points=points,  # type: ignore[arg-type]
        **more,  # type: ignore[arg-type]
    )


# A group of 10 points whose second part's maximum is unknown: its parts
# can add up to 6 + 10 = 16, so the group's own maximum must be checked.
OPEN_PAIR = scheme(
    criterion("G", "10", criterion("G1", "6"), criterion("G2", None)),
    criterion("H", "90"),
)


def test_two_parts_above_their_group_maximum_are_refused():
    """G1 6 + G2 5 = 11 exceeds G's 10 though each part is within."""
    with pytest.raises(ScoreError) as info:
        classify(sheet({"G1": 6, "G2": 5, "H": 70}), OPEN_PAIR)

    assert "points.G" == info.value.field
    assert D(11) == info.value.value
    assert (
        "the points of G add up to more than its maximum 10" == info.value.rule
    )


def test_two_parts_at_their_group_maximum_add_up():
    """G1 6 + G2 4 = 10 is G's maximum: total 10 + 70 = 80, good."""
    result = classify(sheet({"G1": 6, "G2": 4, "H": 70}), OPEN_PAIR)

    assert D(80) == result.total
    assert Rating.GOOD == result.rating
    assert {"G": D(10), "H": D(70)} == dict(result.subtotals)
    assert {"G": D(10), "G1": D(6), "G2": D(4), "H": D(70)} == dict(
        result.points
    )


def test_a_part_alone_above_its_group_is_refused_by_its_limit():
    """G2's limit is G's 10: 10.5 points for it name G2, not G."""
    with pytest.raises(ScoreError) as info:
        classify(sheet({"G1": 0, "G2": D("10.5"), "H": 0}), OPEN_PAIR)

    assert "points.G2" == info.value.field
    assert (
        "above the maximum of 10 points for G2 (criterion G2) in TINH-Y"
        == info.value.rule
    )


def test_the_total_is_checked_when_the_maxima_allow_more():
    """Two open criteria of 100 each: 60 + 50 = 110 exceeds the total."""
    open_scheme = scheme(criterion("A", None), criterion("B", None))

    with pytest.raises(ScoreError) as info:
        classify(sheet({"A": 60, "B": 50}), open_scheme)

    assert "points" == info.value.field
    assert D(110) == info.value.value
    assert "the total is above the 100 points of TINH-Y" == info.value.rule
    assert D(100) == classify(sheet({"A": 60, "B": 40}), open_scheme).total


def test_classify_many_uses_the_scheme_given():
    """Sheets TT 01/2020 would rate are rated under the scheme given."""
    sheets = [sheet({"G1": 6, "G2": 4, "H": 70}), sheet({"G": 1, "H": 49})]

    results = list(classify_many(sheets, OPEN_PAIR))

    assert ["TINH-Y", "TINH-Y"] == [r.scheme.code for r in results]
    assert [Rating.GOOD, Rating.AVERAGE] == [r.rating for r in results]


def test_rate_csv_uses_the_scheme_given():
    """The batch path rates under the scheme given too."""
    text = (
        "organization,kind,sector,year,points.G,points.H\n"
        "HTX-Y,hợp tác xã,vận tải,2024,10,55\n"
    )

    (row,) = rate_csv(text, OPEN_PAIR)

    assert Rating.FAIR == row.rating
    assert ("TINH-Y", "fair", "65") == (row.cells[5], row.cells[6], row[6][9])
