"""
Method settings and the classes they set: the published thresholds,
thresholds moved (with exact edges), their errors pinned, and Statistics
Canada's natural-limit factor for targets without a number.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from helpers import COUNT, SHARE, SOURCE, WEAK
from kttt.errors import KtttError, NotFoundError, ValidationError
from kttt.progress import (
    METHOD_NAMES,
    MethodSettings,
    ProgressStatus,
    assess,
)
from kttt.series import Series
from kttt.targets import Comparator, Direction, Indicator, Target, Unit


S = ProgressStatus


def target(indicator: Indicator, comparator: Comparator, value=None):
    return Target(
        indicator=indicator,
        comparator=comparator,
        value=value,
        horizon=2030,
        source=SOURCE,
    )


def test_published_floors_of_each_method():
    """With a target, then without; Destatis' shortfalls are positive."""
    assert {
        "statcan": ((0.95, 0.6, 0.0), (0.015, 0.005, 0.0)),
        "eurostat": ((0.95, 0.6, 0.0), (0.01, 0.0, -0.01)),
        "unsd2022": ((0.95, 0.5, -0.1), (0.01, 0.005, -0.01)),
        "projection": ((0.95, 0.5, 0.1, -0.1), (0.02, 0.005, 0.0)),
        "destatis": ((0.05, 0.2), ()),
    } == {
        method: MethodSettings.published_floors(method)
        for method in METHOD_NAMES
    }


def test_moved_thresholds_keep_the_classes_and_exact_edges():
    """Destatis' 10 % and 40 %: bands above −1/10 and from −2/5, exactly."""
    settings = MethodSettings(method="destatis", target=[0.1, 0.4])

    assert (0.1, 0.4) == settings.target
    assert [
        (-0.1, Fraction(-1, 10), False, S.ON_TRACK),
        (-0.4, Fraction(-2, 5), True, S.NEEDS_ACCELERATION),
        (None, None, True, S.LIMITED),
    ] == [(b.floor, b.exact, b.inclusive, b.status) for b in settings.bands()]
    assert () == settings.no_target_bands()


def test_moved_no_target_thresholds():
    """Eurostat without a target: 2 %, 0 and −2 % in place of 1, 0, −1."""
    settings = MethodSettings(method="eurostat", no_target=(0.02, 0, -0.02))

    assert [
        (0.02, Fraction(1, 50), False),
        (0.0, Fraction(0), True),
        (-0.02, Fraction(-1, 50), True),
        (None, None, True),
    ] == [(b.floor, b.exact, b.inclusive) for b in settings.no_target_bands()]


def test_destatis_shortfall_against_moved_thresholds():
    """m = 1/3 is a cloud under 5 % and 20 %, sun behind cloud up to 40 %."""
    data = Series.from_values(
        COUNT,
        {2015: 100, 2016: 105, 2017: 110, 2018: 115, 2019: 120, 2020: 125},
    )
    wanted = target(COUNT, Comparator.AT_LEAST, 200)
    settings = MethodSettings(method="destatis", target=(0.1, 0.4))

    published = assess(wanted, data, method="destatis")
    moved = assess(wanted, data, method="destatis", settings=settings)

    assert (S.LIMITED, S.NEEDS_ACCELERATION) == (
        published.status,
        moved.status,
    )
    assert 1 / 3 == pytest.approx(moved.shortfall)


def test_a_ratio_exactly_on_a_moved_threshold():
    """−0.5 a year against −1 needed: R = 1/2, on the 0.5 edge, included."""
    data = Series.from_values(WEAK, {2020: 10, 2025: 7.5})
    settings = MethodSettings(method="statcan", target=(0.9, 0.5, 0.0))

    progress = assess(
        target(WEAK, Comparator.NONE_LEFT),
        data,
        base_year=2020,
        settings=settings,
    )

    assert (S.NEEDS_ACCELERATION, 0.5) == (progress.status, progress.ratio)


SETTINGS_ERRORS = [
    (
        {"method": "statcan", "target": (0.95, 0.6)},
        ValidationError,
        "target=(0.95, 0.6): the method has 3 thresholds here",
    ),
    (
        {"method": "statcan", "target": "abc"},
        ValidationError,
        "target='abc': thresholds are a tuple",
    ),
    (
        {"method": "eurostat", "no_target": (0.01, float("nan"), 0)},
        ValidationError,
        "no_target=(0.01, nan, 0): thresholds are finite numbers",
    ),
    (
        {"method": "statcan", "target": (True, 0.5, 0)},
        ValidationError,
        "target=(True, 0.5, 0): thresholds are finite numbers",
    ),
    (
        {"method": "statcan", "target": (0.6, 0.6, 0.0)},
        ValidationError,
        (
            "target=(0.6, 0.6, 0.0): thresholds are strictly decreasing,"
            " best class first"
        ),
    ),
    (
        {"method": "destatis", "target": (0.2, 0.2)},
        ValidationError,
        (
            "target=(0.2, 0.2): thresholds are strictly increasing, best"
            " class first"
        ),
    ),
    (
        {"method": "nowhere"},
        NotFoundError,
        (
            "method='nowhere': known methods: statcan, eurostat, unsd2022,"
            " projection, destatis"
        ),
    ),
]


@pytest.mark.parametrize(("fields", "kind", "message"), SETTINGS_ERRORS)
def test_settings_errors_pinned(fields, kind, message):
    """Each refusal names the thresholds and the rule they break."""
    with pytest.raises(KtttError) as info:
        MethodSettings(**fields)

    assert (kind, message) == (type(info.value), str(info.value))


# --- Statistics Canada's natural limit, pinned from both sides ------------

#: Fewer days is better and 5 days is the least there can be.
DAYS = Indicator(
    code="test.days",
    label_vi="số ngày",
    label_en="days",
    unit=Unit.COUNT,
    direction=Direction.DECREASE,
    lower=5,
)


@pytest.mark.parametrize(
    ("indicator", "base", "latest", "status"),
    [
        # 90 % of the limit 100: C = 1 − 0.9^4.44 = 0.37362, so the top
        # threshold is 1.5 % · C = 0.56043 %; 92.56 is 0.56262 % a year,
        # 92.54 is 0.55818 %.
        (SHARE, 90, 92.56, S.ON_TRACK),
        (SHARE, 90, 92.54, S.NEEDS_ACCELERATION),
        # 8 days against the limit 5: C = 1 − ((10 − 8) / 5)^4.44 = 0.98289,
        # threshold 1.47434 %; 7.4271 falls 1.47513 % a year, 7.4277
        # 1.47354 %.
        (DAYS, 8, 7.4271, S.ON_TRACK),
        (DAYS, 8, 7.4277, S.NEEDS_ACCELERATION),
        # 12 days, past twice the limit: C = 1, threshold 1.5 %; 11.126
        # falls 1.50106 % a year, 11.1272 1.49893 %.
        (DAYS, 12, 11.126, S.ON_TRACK),
        (DAYS, 12, 11.1272, S.NEEDS_ACCELERATION),
    ],
)
def test_natural_limit_factor(indicator, base, latest, status):
    """The growth needed for substantial progress shrinks near the limit."""
    comparator = (
        Comparator.INCREASE
        if indicator.direction is Direction.INCREASE
        else Comparator.DECREASE
    )
    data = Series.from_values(indicator, {2015: base, 2020: latest})

    assert status == assess(target(indicator, comparator), data).status
