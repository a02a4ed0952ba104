"""
The errors of kttt.progress, each pinned whole: its class, and the message
that names the field, shows the value and states the rule.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pendulum
import pytest

from helpers import COUNT, SHARE, SOURCE
from kttt.errors import (
    IncompatibleSeriesError,
    KtttError,
    NotFoundError,
    ValidationError,
)
from kttt.progress import (
    CompoundGrowth,
    LinearTrend,
    MethodSettings,
    ProgressReport,
    TimeWeightedGeometric,
    WeightedLogit,
    assess,
    assess_many,
    is_met_at,
    met_share,
    required_pace,
)
from kttt.series import Series, national_series
from kttt.targets import (
    Comparator,
    Target,
    TargetSet,
    nq20_targets,
)


def target(value: float = 200, horizon: int = 2030, **more) -> Target:
    """At least *value* of a count by *horizon*."""
    fields = {
        "indicator": COUNT,
        "comparator": Comparator.AT_LEAST,
        "value": value,
        "horizon": horizon,
        "source": SOURCE,
    }
    fields.update(more)
    return Target(**fields)  # type: ignore[arg-type]


DATA = Series.from_values(COUNT, {2015: 100, 2020: 125})
GROWTH = Target.growth_rate(
    indicator=COUNT, rate=7, base_year=2020, horizon=2025, source=SOURCE
)
SHARES = Series.from_values(SHARE, {2015: 10, 2020: 20})
PROGRAMME = TargetSet(code="X", title="x", source=SOURCE, targets=(target(),))


def paths(values: list[list[float]], years: list[int], **more):
    return assess_many(target(**more), DATA, values, years=years)


ERRORS: list[tuple[str, Callable[[], object], type[KtttError], str]] = [
    # --- assess: options ---
    (
        "an unknown method",
        lambda: assess(target(), DATA, method="nowhere"),
        NotFoundError,
        (
            "method='nowhere': known methods: statcan, eurostat, unsd2022,"
            " projection, destatis"
        ),
    ),
    (
        "stale_after below 0",
        lambda: assess(target(), DATA, stale_after=-1),
        ValidationError,
        "stale_after=-1: a whole number of years, at least 0",
    ),
    (
        "stale_after as a flag",
        lambda: assess(target(), DATA, stale_after=True),
        ValidationError,
        "stale_after=True: a whole number of years, at least 0",
    ),
    (
        "settings of another method",
        lambda: assess(
            target(),
            DATA,
            method="eurostat",
            settings=MethodSettings.published("statcan"),
        ),
        ValidationError,
        (
            "settings=MethodSettings(method='statcan', target=(0.95, 0.6,"
            " 0.0), no_target=(0.015, 0.005, 0.0)): the settings of the"
            " 'eurostat' method"
        ),
    ),
    (
        "a projector for another method",
        lambda: assess(target(), DATA, projector=LinearTrend()),
        ValidationError,
        (
            "projector=LinearTrend(): a projector is used by the 'projection'"
            " method only"
        ),
    ),
    (
        "a projector that is not one",
        lambda: assess(target(), DATA, method="projection", projector=[1]),
        ValidationError,
        (
            "projector=[1]: a Projector: a name and a project(years, values,"
            " horizon) method"
        ),
    ),
    (
        "an epsilon of 0",
        lambda: assess(target(), DATA, epsilon=0),
        ValidationError,
        "epsilon=0: must be a positive number",
    ),
    (
        "an infinite epsilon",
        lambda: assess(target(), DATA, epsilon=float("inf")),
        ValidationError,
        "epsilon=inf: must be a positive number",
    ),
    (
        "a base year at the target year",
        lambda: assess(target(), DATA, base_year=2030),
        ValidationError,
        "base_year=2030: must come before the target year 2030",
    ),
    (
        "a base year for Destatis",
        lambda: assess(target(), DATA, method="destatis", base_year=2015),
        ValidationError,
        (
            "base_year=2015: the destatis method uses the last six annual"
            " values; it takes no base year"
        ),
    ),
    # --- assess: the data ---
    (
        "nothing known by the date",
        lambda: assess(target(), DATA, as_of=pendulum.Date(2014, 6, 1)),
        ValidationError,
        (
            "as_of=Date(2014, 6, 1): no observation of the series was known"
            " by this date"
        ),
    ),
    (
        "no observation at all, as of a date",
        lambda: assess(
            target(), Series.of(COUNT, []), as_of=pendulum.Date(2014, 6, 1)
        ),
        ValidationError,
        "as_of=Date(2014, 6, 1): the series has no observation",
    ),
    (
        "only data after the target year",
        lambda: assess(target(horizon=2014), DATA),
        ValidationError,
        "series=[2015, 2020]: no observation up to the target year 2014",
    ),
    # --- assess_many ---
    (
        "a path that does not exist",
        lambda: paths([[130]], [2021]).progress(1),
        NotFoundError,
        "index=1: there are 1 paths",
    ),
    (
        "a negative path index",
        lambda: paths([[130]], [2021]).progress(-1),
        NotFoundError,
        "index=-1: there are 1 paths",
    ),
    (
        "years not after the data",
        lambda: paths([[130]], [2020]),
        ValidationError,
        (
            "years=(2020,): increasing whole years after the series' latest"
            " (2020), up to 2100"
        ),
    ),
    (
        "years not rising",
        lambda: paths([[130, 140]], [2022, 2021]),
        ValidationError,
        (
            "years=(2022, 2021): increasing whole years after the series'"
            " latest (2020), up to 2100"
        ),
    ),
    (
        "paths of the wrong width",
        lambda: paths([[130, 140]], [2021]),
        ValidationError,
        "paths=[[130, 140]]: one or more paths of 1 numbers each",
    ),
    (
        "a flat list of numbers",
        lambda: paths([130, 140], [2021]),
        ValidationError,
        "paths=[130, 140]: one or more paths of 1 numbers each",
    ),
    (
        "ragged paths",
        lambda: paths([[130], [140, 1]], [2021]),
        ValidationError,
        "paths=[[130], [140, 1]]: one or more paths of 1 numbers each",
    ),
    (
        "no path at all",
        lambda: paths(np.zeros((0, 1)), [2021]),
        ValidationError,
        (
            "paths=array([], shape=(0, 1), dtype=float64): one or more paths"
            " of 1 numbers each"
        ),
    ),
    (
        "a path that is not a number",
        lambda: paths([[float("nan")]], [2021]),
        ValidationError,
        "paths=[[nan]]: values must be finite",
    ),
    (
        "a path below the indicator's bound",
        lambda: paths([[-1]], [2021]),
        ValidationError,
        "paths=-1.0: test.count cannot be below 0",
    ),
    (
        "a path above the indicator's bound",
        lambda: assess_many(
            target(indicator=SHARE, value=50), SHARES, [[101]], years=[2021]
        ),
        ValidationError,
        "paths=101.0: test.share cannot be above 100",
    ),
    (
        "no values to share",
        lambda: met_share(target(), []),
        ValidationError,
        "values=[]: one or more numbers",
    ),
    (
        "a growth rate without its base, many values",
        lambda: met_share(GROWTH, [1.0]),
        ValidationError,
        (
            "base_value=None: a growth-rate target needs its base value; use"
            " fill_base()"
        ),
    ),
    (
        "a growth rate without its base, one value",
        lambda: is_met_at(GROWTH, 2025, 100),
        ValidationError,
        (
            "base_value=None: a growth-rate target needs its base value; use"
            " fill_base()"
        ),
    ),
    (
        "a pace from the target year",
        lambda: required_pace(target(), 2030, 100),
        ValidationError,
        "year=2030: must come before the target year 2030",
    ),
    # --- projectors ---
    (
        "fewer values than years",
        lambda: LinearTrend().project([2020, 2021], [1], 2030),
        ValidationError,
        "values=[1]: one value per year is needed",
    ),
    (
        "one observation",
        lambda: LinearTrend().project([2020], [1], 2030),
        ValidationError,
        "years=[2020]: a projection needs at least two observations",
    ),
    (
        "years going back",
        lambda: LinearTrend().project([2021, 2020], [1, 2], 2030),
        ValidationError,
        "years=[2021, 2020]: years must be strictly increasing",
    ),
    (
        "a horizon already observed",
        lambda: LinearTrend().project([2020, 2021], [1, 2], 2021),
        ValidationError,
        "horizon=2021: must be after the last observed year",
    ),
    (
        "an infinite value",
        lambda: LinearTrend().project([2020, 2021], [1, float("inf")], 2030),
        ValidationError,
        "values=[1, inf]: values must be finite",
    ),
    (
        "compound growth from 0",
        lambda: CompoundGrowth().project([2020, 2021], [0, 2], 2030),
        ValidationError,
        "values=[0.0, 2.0]: the compound projector needs values above zero",
    ),
    (
        "geometric growth to a negative value",
        lambda: TimeWeightedGeometric().project([2020, 2021], [1, -2], 2030),
        ValidationError,
        (
            "values=[1.0, -2.0]: the escap_geometric projector needs values"
            " above zero"
        ),
    ),
    (
        "compound growth past the float range",
        lambda: CompoundGrowth().project([2020, 2021], [1e-300, 1e300], 2030),
        ValidationError,
        "values=inf: the compound projection overflows the float range",
    ),
    (
        "a logit scale of 0",
        lambda: WeightedLogit(scale=0),
        ValidationError,
        "scale=0: must be a positive number",
    ),
    (
        "a share of 0 for the logit",
        lambda: WeightedLogit().project([2020, 2021], [0, 50], 2030),
        ValidationError,
        (
            "values=[0, 50]: the logit projector needs shares strictly"
            " between 0 and 100"
        ),
    ),
    (
        "a share above a logit scale of 0.5",
        lambda: WeightedLogit(scale=0.5).project(
            [2020, 2021], [0.2, 0.5], 2030
        ),
        ValidationError,
        (
            "values=[0.2, 0.5]: the logit projector needs shares strictly"
            " between 0 and 0.5"
        ),
    ),
    # --- reports ---
    (
        "a report without a method",
        lambda: ProgressReport.build(PROGRAMME, {}, methods=()),
        ValidationError,
        "methods=(): name at least one method",
    ),
    (
        "an empty list of series",
        lambda: ProgressReport.build(PROGRAMME, {"test.count": []}),
        ValidationError,
        "data=[]: an empty list of series",
    ),
    (
        "a proxy in another unit",
        lambda: ProgressReport.build(
            PROGRAMME,
            {"test.share": SHARES},
            proxies={"test.count": "test.share"},
        ),
        IncompatibleSeriesError,
        (
            "proxies.test.count='test.share': a proxy must be in count, not"
            " percent"
        ),
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

    assert (kind, message) == (type(info.value), str(info.value))


def test_an_empty_series_is_named_whole():
    """Without any observation the error holds the series itself."""
    empty = Series.of(COUNT, [])

    with pytest.raises(ValidationError) as info:
        assess(target(), empty)

    assert ("series", empty, "the series has no observation") == (
        info.value.field,
        info.value.value,
        info.value.rule,
    )


# --- found by the fuzz suite (tests/test_fuzz_entry.py) ----------------------


def _nq20_count():
    return (
        nq20_targets().get("cooperatives.count", 2030),
        national_series("cooperatives.count"),
    )


@pytest.mark.parametrize(
    ("options", "field", "rule"),
    [
        ({"as_of": pendulum.time(12)}, "as_of", "must be a date"),
        ({"as_of": "2024-12-31"}, "as_of", "must be a date"),
        ({"base_year": [2020]}, "base_year", "a year, as a whole number"),
        ({"epsilon": [1]}, "epsilon", "must be a positive number"),
        ({"epsilon": 10**400}, "epsilon", "must be a positive number"),
        ({"method": ["statcan"]}, "method", "known methods"),
    ],
)
def test_assess_refuses_options_of_the_wrong_type(options, field, rule):
    """as_of, base_year, epsilon and method of the wrong type are refused."""
    target, counts = _nq20_count()

    with pytest.raises(KtttError) as info:
        assess(target, counts, **options)

    assert field == info.value.field
    assert info.value.rule.startswith(rule)


@pytest.mark.parametrize(
    ("args", "options", "field"),
    [
        (("20-NQ/TW", {}), {}, "target_set"),
        ((None, None), {}, "data"),
        ((None, {}), {"methods": None}, "methods"),
        ((None, {}), {"proxies": {"a": ["b"]}}, "proxies"),
        ((None, {}), {"as_of": pendulum.time(12)}, "as_of"),
        ((None, {"cooperatives.count": "x"}), {}, "data.cooperatives.count"),
        ((None, {"cooperatives.count": [1]}), {}, "data.cooperatives.count"),
    ],
)
def test_report_refuses_arguments_of_the_wrong_type(args, options, field):
    """ProgressReport.build names the argument of the wrong type."""
    target_set, data = args

    with pytest.raises(ValidationError) as info:
        ProgressReport.build(target_set or nq20_targets(), data, **options)

    assert field == info.value.field


def test_assess_many_refuses_years_that_are_not_items():
    """years=None is a ValidationError naming *years*."""
    pytest.importorskip("numpy")
    target, counts = _nq20_count()

    with pytest.raises(ValidationError) as info:
        assess_many(target, counts, [], years=None)

    assert ("years", "an iterable of whole years") == (
        info.value.field,
        info.value.rule,
    )
