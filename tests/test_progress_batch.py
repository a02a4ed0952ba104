"""
Tests of kttt.progress.assess_many and met_share: the vectorised path
agrees with assess path by path, and refuses bad input.
"""

from __future__ import annotations

import math
import subprocess
import sys
import textwrap

import pytest

from hypothesis import given
from hypothesis import strategies as st

from helpers import COUNT, PROFIT, REVENUE, SOURCE, level
from kttt.errors import NotFoundError, ValidationError
from kttt.progress import (
    METHOD_NAMES,
    ProgressStatus,
    assess,
    assess_many,
    is_met_at,
    met_share,
)
from kttt.series import Observation, Series, national_series
from kttt.targets import (
    Comparator,
    Target,
    nq20_targets,
)


COOPERATIVES = nq20_targets().get("cooperatives.count", 2030)
COUNTS = national_series("cooperatives.count")
S = ProgressStatus


def continued(series: Series, years, path) -> Series:
    """The series continued by a path, as assess_many reads it."""
    ahead = [
        Observation(year=y, value=v, projected=True)
        for y, v in zip(years, path, strict=True)
    ]
    return Series.of(series.indicator, [*series.observations, *ahead])


def test_two_paths_of_the_cooperative_count():
    """Flat at 35,041 to 2027: R = 0.85; +10 %/yr: on track."""
    # Flat: (35,041 / 26,040)^(1/7) − 1 = 4.33 % against
    # (42,750 / 26,040)^(1/10) − 1 = 5.08 %: R = 0.852.
    paths = [[35_041, 35_041], [38_545.1, 42_399.61]]
    batch = assess_many(COOPERATIVES, COUNTS, paths, years=[2026, 2027])

    assert [S.NEEDS_ACCELERATION, S.ON_TRACK] == list(batch.statuses)
    assert math.isclose(0.852, batch.ratios[0], rel_tol=1e-3)
    assert 2 == len(batch)
    assert 0.5 == batch.share(S.ON_TRACK)
    assert batch.progress(1).status is S.ON_TRACK
    assert 2026 == batch.progress(0).projected_from
    records = batch.to_records()
    assert ["needs_acceleration", "on_track"] == [r["status"] for r in records]
    assert [0, 1] == [r["path"] for r in records]


def test_batch_records_are_pinned_whole():
    """One record per path: the target, the method, the path's verdict."""
    data = Series.from_values(COUNT, {2020: 100, 2025: 150})
    # To 2026: 160 gives (1.6)^(1/6) − 1 against 2^(1/10) − 1 (R = 1.137);
    # 150 stays: (1.5)^(1/6) − 1 = 6.99 %, R = 0.97; 140 falls back.
    paths = [[160.0], [150.0], [140.0]]
    batch = assess_many(
        level(Comparator.AT_LEAST, 200), data, paths, years=[2026]
    )
    ratios = [
        ((value / 100) ** (1 / 6) - 1) / (2 ** (1 / 10) - 1)
        for value in (160, 150, 140)
    ]

    assert [
        {
            "indicator": "test.count",
            "horizon": 2030,
            "method": "statcan",
            "path": index,
            "status": status,
            "ratio": pytest.approx(ratio),
        }
        for index, (status, ratio) in enumerate(
            zip(
                ["on_track", "on_track", "needs_acceleration"],
                ratios,
                strict=True,
            )
        )
    ] == batch.to_records()


def test_paths_reaching_the_target_year_get_final_verdicts():
    """Paths to 2032: only 2030 decides, achieved or missed."""
    years = list(range(2026, 2033))
    low = [35_041 * 1.02**k for k in range(1, 8)]
    high = [35_041 * 1.05**k for k in range(1, 8)]
    batch = assess_many(COOPERATIVES, COUNTS, [low, high], years=years)

    # 35,041 · 1.02⁵ = 38,688 < 42,750 ≤ 44,722 = 35,041 · 1.05⁵.
    assert (S.MISSED, S.ACHIEVED) == batch.statuses
    assert (None, None) == batch.ratios


@st.composite
def cases(draw: st.DrawFn):
    observed = draw(
        st.dictionaries(
            st.integers(2012, 2024),
            st.integers(0, 1_000),
            min_size=1,
            max_size=6,
        )
    )
    years = sorted(
        draw(st.sets(st.integers(2025, 2034), min_size=1, max_size=5))
    )
    paths = draw(
        st.lists(
            st.lists(
                st.integers(0, 1_000), min_size=len(years), max_size=len(years)
            ),
            min_size=1,
            max_size=6,
        )
    )
    comparator = draw(
        st.sampled_from(
            [Comparator.AT_LEAST, Comparator.AT_MOST, Comparator.ABOUT]
        )
    )
    # ±5 % of a count below 20 admits no other count: 'about' ≠ 'exactly'.
    about = comparator is Comparator.ABOUT
    more = {"tolerance": 0.05} if about else {}
    target = level(
        comparator, draw(st.integers(20 if about else 1, 1_000)), **more
    )
    series = Series.from_values(COUNT, observed)
    return target, series, years, paths


@given(
    cases(),
    st.sampled_from(METHOD_NAMES),
    st.none() | st.integers(2012, 2020),
)
def test_every_path_gets_the_verdict_of_assess(case, method, base_year):
    """Status and ratio of each path are those of assess on it."""
    target, series, years, paths = case
    if method == "destatis":
        base_year = None
    batch = assess_many(
        target, series, paths, years=years, method=method, base_year=base_year
    )

    for path, status, ratio in zip(
        paths, batch.statuses, batch.ratios, strict=True
    ):
        alone = assess(
            target,
            continued(series, years, path),
            method=method,
            base_year=base_year,
        )
        assert alone.status is status
        assert (alone.ratio is None) == (ratio is None)
        if ratio is not None:
            assert math.isclose(alone.ratio, ratio, rel_tol=1e-12)


@st.composite
def signed_cases(draw: st.DrawFn):
    values = st.integers(-1_000, 1_000) | st.sampled_from([0, -1, 1])
    observed = draw(
        st.dictionaries(
            st.integers(2012, 2024), values, min_size=1, max_size=6
        )
    )
    years = sorted(
        draw(st.sets(st.integers(2025, 2034), min_size=1, max_size=4))
    )
    paths = draw(
        st.lists(
            st.lists(values, min_size=len(years), max_size=len(years)),
            min_size=1,
            max_size=6,
        )
    )
    target = Target(
        indicator=PROFIT,
        comparator=draw(
            st.sampled_from([Comparator.AT_LEAST, Comparator.AT_MOST])
        ),
        value=draw(values),
        horizon=2030,
        base_year=draw(st.none() | st.integers(2012, 2024)),
        source=SOURCE,
    )
    return target, Series.from_values(PROFIT, observed), years, paths


@given(signed_cases(), st.sampled_from(["statcan", "eurostat", "unsd2022"]))
def test_paths_of_either_sign_get_the_verdict_of_assess(case, method):
    """Negative values, zeros and changes of sign: as assess decides."""
    target, series, years, paths = case
    batch = assess_many(target, series, paths, years=years, method=method)

    for path, status, ratio in zip(
        paths, batch.statuses, batch.ratios, strict=True
    ):
        alone = assess(target, continued(series, years, path), method=method)
        assert (alone.status, alone.ratio) == (status, pytest.approx(ratio))


def _as_assess_gives(target, series, paths, years, method):
    """Assert that assess_many gives each path the verdict of assess."""
    batch = assess_many(target, series, paths, years=years, method=method)
    alone = [
        assess(target, continued(series, years, path), method=method)
        for path in paths
    ]

    assert [p.status for p in alone] == list(batch.statuses)
    assert [p.ratio for p in alone] == [
        None if r is None else pytest.approx(r, rel=1e-12, abs=1e-15)
        for r in batch.ratios
    ]
    return batch


#: From 100 in 2028, 400 by 2030 needs 100 %/yr: a path to x in 2029 has
#: the ratio x / 100 − 1, exactly StatCan's 0.95 at 195 and UNSD's 0.5 at
#: 150; within 1e-9 of a threshold (195 ± 1e-7) or farther.
EDGE_VALUES = [
    194.9,
    195 - 1e-7,
    195,
    195 + 1e-7,
    195.1,
    159.9,
    160,
    160.1,
    149.9,
    150,
    150.1,
    100,
    99.9,
    90,
    89.9,
    0,
    300,
    400,
]
AC, OT, NA, LI, RE = (
    S.ACHIEVED,
    S.ON_TRACK,
    S.NEEDS_ACCELERATION,
    S.LIMITED,
    (S.REGRESSING),
)
EDGE_STATUSES = {
    "statcan": [
        NA,
        NA,
        OT,
        OT,
        OT,
        LI,
        NA,
        NA,
        LI,
        LI,
        LI,
        LI,
        RE,
        RE,
        RE,
        RE,
        OT,
        AC,
    ],
    "unsd2022": [
        NA,
        NA,
        NA,
        OT,
        OT,
        NA,
        NA,
        NA,
        LI,
        NA,
        NA,
        LI,
        LI,
        LI,
        RE,
        RE,
        OT,
        AC,
    ],
}


@pytest.mark.parametrize("method", list(EDGE_STATUSES))
def test_paths_on_and_around_each_threshold(method):
    """Ratios on a threshold, within 1e-9 of it and beyond: as assess."""
    batch = _as_assess_gives(
        level(Comparator.AT_LEAST, 400),
        Series.from_values(COUNT, {2028: 100}),
        [[x] for x in EDGE_VALUES],
        [2029],
        method,
    )

    assert EDGE_STATUSES[method] == list(batch.statuses)
    assert (0.95, 2.0, None) == (
        batch.ratios[2],
        batch.ratios[-2],
        batch.ratios[-1],
    )


@pytest.mark.parametrize("method", ["statcan", "unsd2022"])
def test_paths_from_a_negative_base_on_each_threshold(method):
    """From −100 to −25 (−50 %/yr): −52.5 in 2029 is exactly R = 0.95."""
    values = [-52.5, -52.4, -70, -80, -100, -110, -30, -20, 0, 10]
    batch = _as_assess_gives(
        level(Comparator.AT_LEAST, -25, indicator=PROFIT),
        Series.from_values(PROFIT, {2028: -100}),
        [[x] for x in values],
        [2029],
        method,
    )
    first = OT if method == "statcan" else NA

    assert [first, OT, NA, LI, LI, RE, OT, AC, AC, AC] == list(batch.statuses)
    assert (0.95, 1.4) == (batch.ratios[0], batch.ratios[6])


@pytest.mark.parametrize("method", ["statcan", "unsd2022"])
def test_paths_through_zero_use_linear_rates_as_assess_does(method):
    """A path to 0 or across it, a year on: annual changes, as assess."""
    rising = _as_assess_gives(
        level(Comparator.AT_LEAST, 400, indicator=PROFIT),
        Series.from_values(PROFIT, {2028: 100}),
        [[-50], [0], [-100], [50]],
        [2029],
        method,
    )
    falling = _as_assess_gives(
        level(Comparator.AT_LEAST, -25, indicator=PROFIT),
        Series.from_values(PROFIT, {2028: -100}),
        [[-300], [-200]],
        [2029],
        method,
    )

    # −50: (−50 − 100) / 1 against (400 − 100) / 2 a year; 0 and 50:
    # growth of −100 % and −50 % against 100 %; −300: −(3 − 1) / 0.5.
    assert [RE] * 4 == list(rising.statuses)
    assert (-1.0, -1.0, pytest.approx(-4 / 3), -0.5) == rising.ratios
    assert ((RE, RE), (-4.0, -2.0)) == (falling.statuses, falling.ratios)


def test_whole_numbers_beyond_64_bits_are_read_as_floats():
    """Đồng amounts written as ints above 2⁶³ are assessed, as by assess."""
    batch = _as_assess_gives(
        level(Comparator.AT_LEAST, 10**21, indicator=REVENUE),
        Series.from_values(REVENUE, {2015: 10**19, 2020: 10**20}),
        [[2 * 10**20], [10**20], [10**21]],
        [2025],
        "statcan",
    )

    assert (OT, NA, AC) == batch.statuses


def test_eurostat_paths_on_and_around_each_threshold():
    """Over three years from 2024 to 2030's 6,400: 100 · 1.95³ is R = 0.95."""
    values = [
        edge * factor
        for edge in (100 * 1.95**3, 100 * 1.6**3, 100)
        for factor in (1 - 1e-4, 1, 1 + 1e-4)
    ]
    batch = _as_assess_gives(
        level(Comparator.AT_LEAST, 6400),
        Series.from_values(COUNT, {2024: 100}),
        [[x / 2, x, x] for x in [*values, 0, 50, 6400]],
        [2025, 2026, 2027],
        "eurostat",
    )

    assert [NA, OT, OT, LI, NA, NA, RE, LI, LI, RE, RE, AC] == list(
        batch.statuses
    )


def test_epsilon_paths_go_through_assess():
    """With an epsilon every path is assessed one by one, the same way."""
    target = level(Comparator.AT_LEAST, 500)
    series = Series.from_values(COUNT, {2020: 0, 2022: 100})
    paths = [[150, 200], [0, 0]]
    batch = assess_many(target, series, paths, years=[2023, 2024], epsilon=1.0)

    expected = [
        assess(target, continued(series, [2023, 2024], p), epsilon=1.0).status
        for p in paths
    ]
    assert expected == list(batch.statuses)


def test_growth_rate_targets():
    """7 %/yr from 100 in 2020: final verdicts in the target year 2025."""
    target = Target.growth_rate(
        indicator=REVENUE, rate=7, base_year=2020, horizon=2025, source=SOURCE
    )
    series = Series.from_values(REVENUE, {2020: 100, 2023: 120})
    batch = assess_many(
        target, series, [[130, 141], [130, 140], [-5, -10]], years=[2024, 2025]
    )

    # 100 · 1.07⁵ = 140.26.
    assert (S.ACHIEVED, S.MISSED, S.MISSED) == batch.statuses


@pytest.mark.parametrize(
    ("paths", "years", "field"),
    [
        ([[1.0]], [2025], "years"),
        ([[1.0]], [], "years"),
        ([[1.0, 2.0]], [2027, 2026], "years"),
        ([[1.0]], [2101], "years"),
        ([[1.0]], [2026.0], "years"),
        ([], [2026], "paths"),
        ([[1.0, 2.0]], [2026], "paths"),
        ([["x"]], [2026], "paths"),
        ([[math.inf]], [2026], "paths"),
        ([[-1.0]], [2026], "paths"),
    ],
)
def test_bad_years_and_paths(paths, years, field):
    """Years must follow the series; paths fit them and the bounds."""
    with pytest.raises(ValidationError) as info:
        assess_many(COOPERATIVES, COUNTS, paths, years=years)

    assert field == info.value.field


def test_bad_share_of_a_percentage():
    """A share above 100 % is refused."""
    share = nq20_targets().get("organizations.good_fair_share", 2030)
    series = Series.from_values(share.indicator, {2024: 70})

    with pytest.raises(ValidationError, match="above 100"):
        assess_many(share, series, [[101.0]], years=[2025])


def test_unknown_method_and_path():
    """An unknown method, and asking for a path that is not there."""
    with pytest.raises(NotFoundError, match="method"):
        assess_many(COOPERATIVES, COUNTS, [[1.0]], years=[2026], method="x")
    batch = assess_many(COOPERATIVES, COUNTS, [[1.0]], years=[2026])
    with pytest.raises(NotFoundError, match="index"):
        batch.progress(1)


def test_no_observation_up_to_the_target_year():
    """Paths after the target year of a target without data are refused."""
    target = Target(
        indicator=COUNT,
        comparator=Comparator.AT_LEAST,
        value=5,
        horizon=2025,
        source=SOURCE,
    )
    with pytest.raises(ValidationError, match="target year"):
        assess_many(target, Series.of(COUNT, []), [[1.0]], years=[2026])


# --- met_share ---------------------------------------------------------------


@given(
    st.lists(st.integers(0, 100_000), min_size=1, max_size=20),
    st.sampled_from(
        [Comparator.AT_LEAST, Comparator.MORE_THAN, Comparator.LESS_THAN]
    ),
    st.integers(0, 100_000),
)
def test_met_share_counts_what_is_met_at(values, comparator, goal):
    """The share equals the count of values is_met_at accepts."""
    target = level(comparator, goal)
    expected = sum(is_met_at(target, 2030, v) for v in values) / len(values)

    assert math.isclose(expected, met_share(target, values))


def test_met_share_of_a_growth_rate_target():
    """7 %/yr since 2020 from 100: 140.26 needed in 2025, 131.08 in 2024."""
    target = Target.growth_rate(
        indicator=REVENUE,
        rate=7,
        base_year=2020,
        base_value=100,
        horizon=2025,
        source=SOURCE,
    )

    assert 0.5 == met_share(target, [141, 139])
    assert 1 == met_share(target, [141, 132], year=2024)
    assert 0 == met_share(target, [141, 132], year=2020)
    assert 0 == met_share(target, [-3, 0])
    with pytest.raises(ValidationError, match="base_value"):
        met_share(target.with_base(None), [1.0])  # type: ignore[arg-type]


#: Which of 0, the base 100, and the edge 100 · 2^span − 1, +0, +1 meet
#: "rate (comparator) 100 %/yr since 2020" a whole number of years later.
DOUBLING = {
    Comparator.AT_LEAST: [False, False, False, True, True],
    Comparator.MORE_THAN: [False, False, False, False, True],
    Comparator.AT_MOST: [False, True, True, True, False],
    Comparator.LESS_THAN: [False, True, True, False, False],
}


@pytest.mark.parametrize("comparator", list(DOUBLING))
@pytest.mark.parametrize("year", [2019, 2020, 2021, 2022, 2024])
def test_met_share_of_growth_rates_on_each_edge(comparator, year):
    """Exact rates on the edge, and nothing met up to the base year."""
    target = Target.growth_rate(
        indicator=REVENUE,
        rate=100,
        comparator=comparator,
        base_year=2020,
        base_value=100,
        horizon=2025,
        source=SOURCE,
    )
    edge = 100 * 2 ** (year - 2020)
    values = [0, 100, edge - 1, edge, edge + 1]
    expected = DOUBLING[comparator] if year > 2020 else [False] * 5

    assert expected == [is_met_at(target, year, v) for v in values]
    assert expected == [met_share(target, [v], year=year) == 1 for v in values]
    assert sum(expected) / 5 == met_share(target, values, year=year)


def test_met_share_of_a_growth_rate_from_a_negative_or_zero_base():
    """From −100 a rate needs values below 0; from 0 no rate exists."""
    falling = Target.growth_rate(
        indicator=PROFIT,
        rate=10,
        base_year=2020,
        base_value=-100,
        horizon=2025,
        source=SOURCE,
    )
    values = [-200, -121, -120, -100, -50, 0, 50]
    expected = [True, True, False, False, False, False, False]

    assert expected == [is_met_at(falling, 2022, v) for v in values]
    assert expected == [
        met_share(falling, [v], year=2022) == 1 for v in values
    ]
    from_zero = falling.with_base(0)
    assert not any(is_met_at(from_zero, 2022, v) for v in values)
    assert 0 == met_share(from_zero, values, year=2022)


@pytest.mark.parametrize("values", [[], [[1.0]], ["x"]])
def test_met_share_needs_numbers(values):
    """One or more numbers."""
    with pytest.raises(ValidationError, match="values"):
        met_share(COOPERATIVES, values)


def test_without_numpy_the_extra_is_named():
    """assess_many and met_share say what to install."""
    script = textwrap.dedent(
        """
        import sys
        sys.modules["numpy"] = None
        from kttt.errors import NotFoundError
        from kttt.progress import assess_many, met_share
        from kttt.series import national_series
        from kttt.targets import nq20_targets
        target = nq20_targets().get("cooperatives.count", 2030)
        counts = national_series("cooperatives.count")
        for call in (
            lambda: met_share(target, [1.0]),
            lambda: assess_many(target, counts, [[1.0]], years=[2026]),
        ):
            try:
                call()
            except NotFoundError as error:
                print(error.rule)
        """
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
    )

    assert 2 == result.stdout.count("pip install 'kttt[simulation]'")


def test_paths_too_short_for_the_window_are_insufficient():
    """Eurostat needs three years in its window: 2010 and 2026 are not."""
    target = level(Comparator.AT_LEAST, 50)
    series = Series.from_values(COUNT, {2010: 5})
    batch = assess_many(
        target, series, [[6.0]], years=[2026], method="eurostat"
    )
    alone = assess(target, continued(series, [2026], [6.0]), method="eurostat")

    assert (S.INSUFFICIENT_DATA,) == batch.statuses
    assert alone.status is S.INSUFFICIENT_DATA
