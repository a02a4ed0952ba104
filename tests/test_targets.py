"""Tests for kttt.targets: indicators, comparators, targets and target sets."""

from __future__ import annotations

import json
import math

from decimal import Decimal

import attrs
import pytest

from hypothesis import given, reject, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from helpers import envelope
from kttt import datasets, serialization
from kttt import strategies as kst
from kttt.errors import (
    DataError,
    KtttError,
    NotFoundError,
    ParseError,
    ValidationError,
)
from kttt.geography import Era, Province
from kttt.sources import Source
from kttt.targets import (
    Catalogue,
    Comparator,
    Direction,
    Indicator,
    Interval,
    Target,
    TargetForm,
    TargetSet,
    Tolerance,
    Unit,
    indicators,
    nq20_targets,
    target_set,
)


SOURCE = Source(document="99-CTr/TU", clause="II.2")
COUNT = Indicator.get("cooperatives.count")
SHARE = Indicator.get("cooperatives.good_fair_share")
WEAK = Indicator.get("cooperatives.weak_share")


def level(comparator: Comparator, value: float | None, **kw) -> Target:
    indicator = kw.pop("indicator", COUNT)
    return Target(
        indicator=indicator,
        comparator=comparator,
        value=value,
        horizon=2030,
        source=SOURCE,
        **kw,
    )


# --- Unit, Direction, Indicator ----------------------------------------------


def test_unit_natural_bounds():
    """Each unit has the bounds no quantity in it can leave."""
    assert (0.0, 100.0) == Unit.PERCENT.natural_bounds
    assert (0.0, None) == Unit.COUNT.natural_bounds
    assert (-100.0, None) == Unit.PERCENT_PER_YEAR.natural_bounds
    assert (None, None) == Unit.VND.natural_bounds


def test_direction_sign():
    """Increase is +1 and decrease is -1."""
    assert (1, -1) == (Direction.INCREASE.sign, Direction.DECREASE.sign)


def test_indicator_defaults_to_natural_bounds():
    """A new percentage indicator is bounded by 0 and 100."""
    share = Indicator(
        code="x.share",
        label_vi="tỷ lệ",
        label_en="share",
        unit=Unit.PERCENT,
        direction=Direction.INCREASE,
    )

    assert (0.0, 100.0) == (share.lower, share.upper)


def test_indicator_normalises_vietnamese_label():
    """The Vietnamese label is stored in NFC."""
    indicator = attrs.evolve(
        COUNT, label_vi="ho\u031b\u0323p ta\u0301c xa\u0303"
    )

    assert "hợp tác xã" == indicator.label_vi


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"code": "Cooperatives"}, "code"),
        ({"code": "a..b"}, "code"),
        ({"lower": -1.0}, "lower"),
        ({"lower": None}, "lower"),
        ({"lower": 10.0, "upper": 5.0}, "upper"),
        ({"lower": math.inf}, "lower"),
        ({"upper": math.nan}, "upper"),
        ({"lower": "1"}, "lower"),
        ({"of": "cooperatives.count"}, "of"),
    ],
)
def test_indicator_rejects_bad_fields(changes, field):
    """Bad indicator fields raise a ValidationError naming the field."""
    with pytest.raises(ValidationError) as info:
        attrs.evolve(COUNT, **changes)

    assert field == info.value.field


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"upper": 120.0}, "upper"),
        ({"upper": None}, "upper"),
        ({"of": "Bad Code"}, "of"),
        ({"of": "cooperatives.good_fair_share"}, "of"),
    ],
)
def test_share_indicator_rejects_bad_fields(changes, field):
    """A share stays within 0–100 and is not a share of itself."""
    with pytest.raises(ValidationError) as info:
        attrs.evolve(SHARE, **changes)

    assert field == info.value.field


def test_indicator_label_by_language():
    """label() returns the Vietnamese or the English label."""
    assert ("số hợp tác xã", "cooperatives (hợp tác xã)") == (
        COUNT.label("vi"),
        COUNT.label("en"),
    )
    with pytest.raises(ValidationError):
        COUNT.label("fr")


def test_indicator_check():
    """check() refuses values outside the bounds, naming the field."""
    SHARE.check(100.0)
    with pytest.raises(ValidationError) as info:
        SHARE.check(100.5, "latest")

    assert "latest" == info.value.field
    with pytest.raises(ValidationError):
        SHARE.check(-0.5)


def test_indicator_get_unknown():
    """An unknown code raises NotFoundError."""
    with pytest.raises(NotFoundError) as info:
        Indicator.get("cooperatives.nothing")

    assert "indicator" == info.value.field


def test_builtin_catalogue_nested_shares():
    """The nested shares of NQ 20-NQ/TW name their base group."""
    assert "organizations.good_fair_share" == (
        Indicator.get("organizations.good_fair_value_chain_share").of
    )
    assert "organizations.effective_share" == (
        Indicator.get("organizations.effective_linkage_share").of
    )


def test_indicators_lists_the_catalogue():
    """indicators() lists every built-in indicator once."""
    codes = [i.code for i in indicators()]

    assert len(set(codes)) == len(codes)
    assert len(Catalogue.builtin()) == len(codes)
    assert "cooperatives.count" in Catalogue.builtin()
    assert codes == [i.code for i in Catalogue.builtin()]


# --- Catalogue ---------------------------------------------------------------


def test_catalogue_extend_adds_and_keeps():
    """extend() returns a new catalogue; equal duplicates are fine."""
    mine = attrs.evolve(COUNT, code="province.cooperatives")
    base = Catalogue.builtin()

    extended = base.extend(mine, mine, COUNT)

    assert mine == extended.get("province.cooperatives")
    assert len(base) + 1 == len(extended)
    assert "province.cooperatives" not in base


def test_catalogue_extend_rejects_redefinition():
    """A different indicator under an existing code is refused."""
    other = attrs.evolve(COUNT, label_en="something else")

    with pytest.raises(ValidationError):
        Catalogue.builtin().extend(other)


def test_catalogue_extend_rejects_conflicting_new():
    """Two different new indicators with one code are refused."""
    one = attrs.evolve(COUNT, code="x.y")
    two = attrs.evolve(one, label_en="other")

    with pytest.raises(ValidationError):
        Catalogue.builtin().extend(one, two)


def test_catalogue_rejects_duplicates_and_dangling_of():
    """Codes are unique and nested shares refer inside the catalogue."""
    with pytest.raises(ValidationError) as info:
        Catalogue(indicators=(COUNT, COUNT))

    assert "indicators[1].code" == info.value.field
    nested = Indicator.get("organizations.good_fair_value_chain_share")
    with pytest.raises(ValidationError) as info:
        Catalogue(indicators=(nested,))

    assert "indicators[0].of" == info.value.field


# --- Comparator --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("khoảng", Comparator.ABOUT),
        ("tối thiểu", Comparator.AT_LEAST),
        ("it nhat", Comparator.AT_LEAST),
        ("trên", Comparator.MORE_THAN),
        ("tối đa", Comparator.AT_MOST),
        ("dưới", Comparator.LESS_THAN),
        ("từ … đến", Comparator.BETWEEN),
        ("không còn", Comparator.NONE_LEFT),
        ("đều", Comparator.ALL),
        ("less than", Comparator.LESS_THAN),
    ],
)
def test_comparator_parse(text, expected):
    """Comparators parse from codes, labels and the documents' synonyms."""
    assert expected is Comparator.parse(text)


def test_comparator_parse_unknown():
    """An unknown comparator word raises ParseError."""
    with pytest.raises(ParseError):
        Comparator.parse("gần như")


# --- is_met at every comparator edge -----------------------------------------


@pytest.mark.parametrize(
    ("target", "value", "expected"),
    [
        (level(Comparator.AT_LEAST, 100), 99, False),
        (level(Comparator.AT_LEAST, 100), 100, True),
        (level(Comparator.MORE_THAN, 100), 100, False),
        (level(Comparator.MORE_THAN, 100), 100.000001, True),
        (level(Comparator.AT_MOST, 100), 100, True),
        (level(Comparator.AT_MOST, 100), 101, False),
        (level(Comparator.LESS_THAN, 100), 100, False),
        (level(Comparator.LESS_THAN, 100), 99, True),
        (level(Comparator.ABOUT, 100, tolerance=0.05), 95, True),
        (level(Comparator.ABOUT, 100, tolerance=0.05), 94.99, False),
        (level(Comparator.ABOUT, 100, tolerance=0.05), 105, True),
        (level(Comparator.ABOUT, 100, tolerance=0.05), 1000, True),
        (level(Comparator.BETWEEN, 180, upper=200), 179, False),
        (level(Comparator.BETWEEN, 180, upper=200), 180, True),
        (level(Comparator.BETWEEN, 180, upper=200), 250, True),
        (level(Comparator.NONE_LEFT, None, indicator=WEAK), 0, True),
        (level(Comparator.NONE_LEFT, None, indicator=WEAK), 0.1, False),
        (level(Comparator.ALL, None, indicator=SHARE), 100, True),
        (level(Comparator.ALL, None, indicator=SHARE), 99.9, False),
    ],
)
def test_is_met_at_the_edges(target, value, expected):
    """is_met decides each comparator exactly at and around its edge."""
    assert expected is target.is_met(value)


def test_about_a_decreasing_indicator_is_a_ceiling():
    """'About 5 %' weak cooperatives is met at or below the band's top."""
    target = level(Comparator.ABOUT, 5, tolerance=0.1, indicator=WEAK)

    assert (None, 5.5) == target.bounds()
    assert target.is_met(0)
    assert not target.is_met(5.6)
    assert target.exceeds(4.4)
    assert not target.exceeds(4.6)


def test_between_a_decreasing_indicator():
    """'From 2 to 4 %' weak cooperatives aims at the upper end."""
    target = level(Comparator.BETWEEN, 2, upper=4, indicator=WEAK)

    assert (None, 4.0) == target.bounds()
    assert 4.0 == target.level()
    assert target.exceeds(1)


def test_about_band_and_exceeds():
    """The literal band of 'about 45.000' is ±5 %; beyond it is exceeded."""
    target = nq20_targets().get("cooperatives.count", 2030)

    assert Interval(lower=42750.0, upper=47250.0) == target.band()
    assert (42750.0, None) == target.bounds()
    assert 45000.0 == target.level()
    assert target.exceeds(47251)
    assert not target.exceeds(47250)
    assert target.is_met(50_000)


def test_exceeds_is_false_for_one_sided_targets():
    """Only 'about' and 'between' targets have a band to exceed."""
    target = level(Comparator.AT_LEAST, 10)

    assert not target.exceeds(1_000)
    assert target.band() == target.interval()


def test_strict_bounds_are_open():
    """'More than' and 'less than' exclude their bound."""
    assert Interval(lower=60.0, lower_open=True) == (
        level(Comparator.MORE_THAN, 60, indicator=SHARE).interval()
    )
    assert Interval(upper=2.0, upper_open=True) == (
        Target.cap(
            indicator=WEAK, value=2, horizon=2030, source=SOURCE
        ).interval()
    )


def test_cap_not_strict_is_at_most():
    """A non-strict cap is 'at most'."""
    target = Target.cap(
        indicator=WEAK, value=2, horizon=2030, source=SOURCE, strict=False
    )

    assert Comparator.AT_MOST is target.comparator
    assert target.is_met(2)


def test_levels_of_each_comparator():
    """level() is the value, 0 for 'none left' and 100 for 'all'."""
    assert 0.0 == level(Comparator.NONE_LEFT, None, indicator=WEAK).level()
    assert 100.0 == level(Comparator.ALL, None, indicator=SHARE).level()
    assert 180.0 == level(Comparator.BETWEEN, 180, upper=200).level()
    assert 7.0 == level(Comparator.LESS_THAN, 7).level()


def test_is_met_rejects_impossible_values():
    """An observed share of 140 % or a NaN is refused, not judged."""
    target = level(Comparator.MORE_THAN, 60, indicator=SHARE)

    with pytest.raises(ValidationError):
        target.is_met(140)
    with pytest.raises(ValidationError):
        target.is_met(math.nan)
    with pytest.raises(ValidationError):
        target.exceeds(-1)


# --- increments and growth rates ---------------------------------------------


def increment(**kw) -> Target:
    return Target.increment(
        indicator=COUNT,
        increment=380,
        base_year=2020,
        horizon=2025,
        source=SOURCE,
        **kw,
    )


def test_increment_level_adds_the_base():
    """'+380 cooperatives over 2020' from 1.000 is a level of 1.380."""
    target = increment(base_value=1_000)

    assert 1380.0 == target.level()
    assert (1380.0, None) == target.bounds()
    assert target.is_met(1380)
    assert not target.is_met(1379)
    assert "ít nhất +380 so với năm 2020" == target.describe("vi")
    assert "at least +380 over 2020" == target.describe("en")


def test_increment_between():
    """An increment range shifts both ends by the base."""
    target = increment(
        base_value=100, comparator=Comparator.BETWEEN, upper=400
    )

    assert Interval(lower=480.0, upper=500.0) == target.band()
    assert "từ +380 đến +400 so với năm 2020" == target.describe()


def test_increment_without_base_needs_one():
    """An increment without a base value cannot give a level."""
    target = increment()

    with pytest.raises(ValidationError) as info:
        target.level()

    assert "base_value" == info.value.field
    assert 1500.0 == target.with_base(1120).level()


def test_growth_rate_compares_rates():
    """A growth-rate target compares an observed annual rate."""
    target = Target.growth_rate(
        indicator=Indicator.get("cooperatives.members"),
        rate=7,
        base_year=2020,
        horizon=2025,
        source=SOURCE,
    )

    assert Unit.PERCENT_PER_YEAR is target.unit
    assert target.is_met(7.0)
    assert not target.is_met(6.9)
    assert "at least 7 %/year since 2020" == target.describe("en")
    assert "ít nhất 7 %/năm từ năm 2020" == target.describe("vi")
    with pytest.raises(ValidationError):
        target.is_met(-101)
    with pytest.raises(ValidationError):
        target.horizon_level()


def test_growth_rate_horizon_level():
    """100 growing 10 %/year for 2 years reaches 121."""
    target = Target.growth_rate(
        indicator=COUNT,
        rate=10,
        base_year=2023,
        base_value=100,
        horizon=2025,
        source=SOURCE,
    )

    assert 121.0 == pytest.approx(target.horizon_level())


def test_horizon_level_of_a_level_target_is_its_level():
    """For a level target the horizon level is the level."""
    assert 60.0 == level(Comparator.AT_LEAST, 60).horizon_level()


# --- describe ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "vi", "en"),
    [
        (
            level(Comparator.MORE_THAN, 60, indicator=SHARE),
            "trên 60 %",
            "more than 60 %",
        ),
        (
            level(Comparator.ABOUT, 8_000_000, tolerance=0.05),
            "khoảng 8.000.000",
            "about 8,000,000",
        ),
        (
            level(Comparator.AT_LEAST, 24.75, indicator=SHARE),
            "ít nhất 24,75 %",
            "at least 24.75 %",
        ),
        (
            level(Comparator.NONE_LEFT, None, indicator=WEAK),
            "không còn",
            "none left",
        ),
        (
            level(Comparator.ALL, None, indicator=SHARE),
            "tất cả (100 %)",
            "all (100 %)",
        ),
        (
            level(Comparator.BETWEEN, 1200, upper=1400),
            "từ 1.200 đến 1.400",
            "1,200 to 1,400",
        ),
    ],
)
def test_describe(target, vi, en):
    """describe() writes the requirement in Vietnamese and English."""
    assert (vi, en) == (target.describe("vi"), target.describe("en"))


# --- validation --------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"comparator": Comparator.AT_LEAST, "value": None}, "value"),
        ({"comparator": Comparator.ALL, "value": 5}, "value"),
        ({"comparator": Comparator.BETWEEN, "value": 5}, "upper"),
        ({"comparator": Comparator.AT_LEAST, "value": 5, "upper": 9}, "upper"),
        ({"comparator": Comparator.BETWEEN, "value": 5, "upper": 5}, "upper"),
        ({"comparator": Comparator.ABOUT, "value": 5}, "tolerance"),
        (
            {"comparator": Comparator.AT_LEAST, "value": 5, "tolerance": 0.1},
            "tolerance",
        ),
        (
            {"comparator": Comparator.ABOUT, "value": 5, "tolerance": 1.0},
            "tolerance",
        ),
        ({"comparator": Comparator.AT_LEAST, "value": -5}, "value"),
        ({"comparator": Comparator.AT_LEAST, "value": math.inf}, "value"),
        (
            {"comparator": Comparator.AT_LEAST, "value": 5, "horizon": 1990},
            "horizon",
        ),
        (
            {"comparator": Comparator.AT_LEAST, "value": 5, "horizon": 2030.0},
            "horizon",
        ),
        (
            {"comparator": Comparator.AT_LEAST, "value": 5, "horizon": True},
            "horizon",
        ),
        (
            {"comparator": Comparator.AT_LEAST, "value": 5, "base_year": 2030},
            "base_year",
        ),
        (
            {"comparator": Comparator.AT_LEAST, "value": 5, "base_year": 1999},
            "base_year",
        ),
        (
            {"comparator": Comparator.AT_LEAST, "value": 5, "base_value": 3},
            "base_value",
        ),
        (
            {
                "comparator": Comparator.AT_LEAST,
                "value": 5,
                "base_year": 2020,
                "base_value": -3,
            },
            "base_value",
        ),
        (
            {
                "comparator": Comparator.AT_LEAST,
                "value": 5,
                "form": TargetForm.INCREMENT,
            },
            "base_year",
        ),
        ({"comparator": Comparator.NONE_LEFT, "value": None}, "comparator"),
        ({"comparator": Comparator.ALL, "value": None}, "comparator"),
    ],
)
def test_target_rejects_bad_fields(kwargs, field):
    """Invalid targets raise a ValidationError naming the field."""
    arguments = {"horizon": 2030, **kwargs}
    with pytest.raises(ValidationError) as info:
        Target(indicator=COUNT, source=SOURCE, **arguments)

    assert field == info.value.field


@pytest.mark.parametrize(
    ("amount", "absolute"), [(10**400, True), (10**400, False), (0, True)]
)
def test_tolerance_refuses_amounts_out_of_range(amount, absolute):
    """An amount too large for a float, or none, is refused, named."""
    with pytest.raises(ValidationError) as info:
        Tolerance(amount=amount, absolute=absolute)

    assert ("amount", amount) == (info.value.field, info.value.value)


@pytest.mark.parametrize("tolerance", [10**400, 2.0, 0])
def test_bare_tolerance_out_of_range_is_refused(tolerance):
    """A bare number as tolerance is relative: 10**400, 2 and 0 are not."""
    with pytest.raises(ValidationError) as info:
        level(Comparator.ABOUT, 100, tolerance=tolerance)

    assert ("tolerance", tolerance) == (info.value.field, info.value.value)


@pytest.mark.parametrize("year", [Decimal("sNaN"), 2030.0, "2030", True])
def test_target_set_lookups_refuse_years_that_are_not_whole(year):
    """A year asked of a set is a whole number; sNaN no longer escapes."""
    targets = nq20_targets()
    with pytest.raises(ValidationError) as by_horizon:
        targets.by_horizon(year)
    with pytest.raises(ValidationError) as get:
        targets.get("cooperatives.count", year)

    assert ("year", "horizon") == (by_horizon.value.field, get.value.field)


def test_about_target_whose_band_passes_the_largest_float():
    """About 1.797e308 ±5 % reaches past any float: refused, named."""
    with pytest.raises(ValidationError, match="largest number") as info:
        level(
            Comparator.ABOUT,
            1.7976931348623157e308,
            tolerance=Tolerance(amount=0.05),
        )

    assert "value" == info.value.field


def test_share_target_within_bounds():
    """A share target of 140 % cannot exist."""
    with pytest.raises(ValidationError) as info:
        level(Comparator.MORE_THAN, 140, indicator=SHARE)

    assert "value" == info.value.field
    with pytest.raises(ValidationError) as info:
        level(Comparator.BETWEEN, 60, upper=170, indicator=SHARE)

    assert "upper" == info.value.field


def test_increment_with_base_stays_within_bounds():
    """A base plus increment above 100 % is refused."""
    with pytest.raises(ValidationError) as info:
        Target.increment(
            indicator=SHARE,
            increment=30,
            base_year=2020,
            base_value=80,
            horizon=2030,
            source=SOURCE,
        )

    assert "value" == info.value.field


def test_growth_rate_validation():
    """Growth rates stay above −100 % and compare a value."""
    with pytest.raises(ValidationError) as info:
        Target.growth_rate(
            indicator=COUNT,
            rate=-100,
            base_year=2020,
            horizon=2025,
            source=SOURCE,
        )

    assert "value" == info.value.field
    with pytest.raises(ValidationError) as info:
        Target(
            indicator=WEAK,
            comparator=Comparator.NONE_LEFT,
            horizon=2030,
            form=TargetForm.GROWTH_RATE,
            base_year=2020,
            source=SOURCE,
        )

    assert "comparator" == info.value.field


def test_all_needs_an_increasing_share():
    """'All' on a decreasing share is refused."""
    with pytest.raises(ValidationError):
        level(Comparator.ALL, None, indicator=WEAK)


def test_target_scope_and_text():
    """A target may be provincial; its clause is stored in NFC."""
    ninh_thuan = Province.get("Ninh Thuận", era=Era.PRE_2025)
    target = level(
        Comparator.AT_LEAST,
        1,
        scope=ninh_thuan,
        text_vi="i\u0301t nhất 01 liên hiệp",
    )

    assert not target.is_national
    assert "ít nhất 01 liên hiệp" == target.text_vi


# --- properties --------------------------------------------------------------


@given(kst.targets(), st.data())
def test_is_met_agrees_with_bounds(target, data):
    """is_met(v) holds exactly when v lies in interval()."""
    if target.form is TargetForm.INCREMENT and target.base_value is None:
        lowest = target.indicator.lower or 0.0
        try:
            target = target.with_base(lowest - min(target.value or 0.0, 0.0))
        except ValidationError:
            # "about" a small count that the base makes exact is refused.
            reject()
    interval = target.interval()
    candidates = [b for b in (interval.lower, interval.upper) if b is not None]
    value = data.draw(
        st.sampled_from(candidates) | kst.levels(target.indicator)
        if candidates and target.form is not TargetForm.GROWTH_RATE
        else kst.levels(target.indicator)
        if target.form is not TargetForm.GROWTH_RATE
        else st.floats(-100, 1000)
    )
    try:
        met = target.is_met(value)
    except ValidationError:
        return
    low, high = target.bounds()
    inside = (
        low is None
        or value > low
        or (value == low and not interval.lower_open)
    ) and (
        high is None
        or value < high
        or (value == high and not interval.upper_open)
    )

    assert inside == met


@given(
    kst.targets(
        indicator=COUNT,
        form=TargetForm.LEVEL,
        scope=st.none(),
    ),
    st.integers(0, 10**6),
    st.integers(1, 1000),
)
def test_is_met_is_scale_invariant_for_counts(target, value, factor):
    """Multiplying a count, its target and an absolute tolerance by k > 0.

    Changes no verdict (a relative tolerance scales by itself).
    """
    if target.value is not None:
        target = attrs.evolve(target, value=float(round(target.value)))
    tolerance = target.tolerance
    if tolerance is not None and tolerance.absolute:
        tolerance = Tolerance(amount=tolerance.amount * factor, absolute=True)
    scaled = attrs.evolve(
        target,
        value=None if target.value is None else target.value * factor,
        upper=None if target.upper is None else target.upper * factor,
        tolerance=tolerance,
    )

    assert target.is_met(value) == scaled.is_met(value * factor)


@given(kst.targets())
def test_target_json_round_trip(target):
    """A target survives kttt.serialization's JSON."""
    assert target == serialization.from_json(
        serialization.to_json(target), Target
    )


@given(kst.targets())
def test_target_csv_round_trip(target):
    """A target survives kttt.serialization's CSV."""
    text = serialization.to_csv([target])

    assert [target] == list(serialization.from_csv(text, Target))


@settings(max_examples=50)
@given(kst.target_sets())
def test_target_set_json_round_trip(target_set):
    """TargetSet.to_json and from_json round-trip exactly."""
    text = target_set.to_json()

    assert target_set == TargetSet.from_json(text)
    assert text == TargetSet.from_json(text).to_json()


@given(
    kst.targets(), st.sampled_from(["value", "horizon", "tolerance", "upper"])
)
def test_invalid_changes_raise_kttt_errors(target, field):
    """Breaking a target's rules raises a KtttError, never a bare error."""
    bad = {
        "value": math.nan,
        "horizon": 3000,
        "tolerance": 2.0,
        "upper": -math.inf,
    }
    with pytest.raises(KtttError):
        attrs.evolve(target, **{field: bad[field]})


# --- TargetSet ---------------------------------------------------------------


def test_target_set_lookups():
    """by_horizon, get, horizons and indicators find the NQ 20 targets."""
    nq20 = nq20_targets()

    assert (2030, 2045) == nq20.horizons()
    assert 9 == len(nq20.by_horizon(2030))
    assert 5 == len(nq20.by_horizon(2045))
    assert 14 == len(nq20) == len(list(nq20)) == len(nq20.indicators())
    with pytest.raises(NotFoundError):
        nq20.get("cooperatives.count", 2045)


def test_target_set_rules():
    """A set has targets, one per indicator and horizon, with its scope."""
    one = level(Comparator.AT_LEAST, 5)
    with pytest.raises(ValidationError):
        TargetSet(code="X", title="x", source=SOURCE, targets=())
    with pytest.raises(ValidationError):
        TargetSet(code="X", title="x", source=SOURCE, targets=(one, one))
    with pytest.raises(ValidationError) as info:
        TargetSet(
            code="X",
            title="x",
            source=SOURCE,
            targets=(one,),
            scope=Province.get("Huế"),
        )

    assert "targets[0].scope" == info.value.field


def test_target_set_save_and_load(tmp_path):
    """save() then load() gives back the same set."""
    path = tmp_path / "ctr.json"
    ctr = TargetSet.from_json(nq20_targets().to_json())

    ctr.save(path)

    assert ctr == TargetSet.load(path)


def test_target_set_with_own_indicator():
    """A set on a user indicator writes it and reads it back."""
    mine = Indicator(
        code="province.revenue",
        label_vi="doanh thu bình quân",
        label_en="average revenue",
        unit=Unit.VND,
        direction=Direction.INCREASE,
    )
    growth = Target.growth_rate(
        indicator=mine, rate=7, base_year=2020, horizon=2025, source=SOURCE
    )
    programme = TargetSet(
        code="12-KH/UBND", title="Kế hoạch", source=SOURCE, targets=(growth,)
    )

    document = json.loads(programme.to_json())

    assert ["province.revenue"] == [i["code"] for i in document["indicators"]]
    assert "source" not in document["targets"][0]
    assert programme == TargetSet.from_json(programme.to_json())


REDEFINED = {
    "code": "cooperatives.count",
    "label_vi": "số hợp tác xã đang hoạt động",
    "label_en": "operating cooperatives",
    "unit": "count",
    "direction": "increase",
}


def minimal(**changes) -> dict[str, object]:
    document: dict[str, object] = {
        "code": "1-CTr/TU",
        "title": "Chương trình",
        "scope": None,
        "source": {"document": "1-CTr/TU"},
        "indicators": [],
        "targets": [
            {
                "indicator": "cooperatives.count",
                "comparator": "at_least",
                "value": 10,
                "horizon": 2030,
            }
        ],
    }
    document.update(changes)
    return document


def test_from_json_minimal_file():
    """A hand-written file with defaults reads as expected."""
    target_set = TargetSet.from_json(json.dumps(minimal()))

    assert TargetForm.LEVEL is target_set.targets[0].form
    assert target_set.source == target_set.targets[0].source


def test_file_indicators_take_precedence():
    """A file's own definition of a code wins over the built-in one."""
    target_set = TargetSet.from_json(
        json.dumps(minimal(indicators=[REDEFINED]))
    )

    assert "operating cooperatives" == target_set.targets[0].indicator.label_en


def _target(**changes) -> dict[str, object]:
    return {
        "indicator": "cooperatives.count",
        "comparator": "at_least",
        "value": 10,
        "horizon": 2030,
        **changes,
    }


@pytest.mark.parametrize(
    ("document", "field"),
    [
        ("[1, 2]", "$"),
        ("{not json", "json"),
        (json.dumps(minimal(extra=1)), "extra"),
        (json.dumps(minimal(targets={})), "targets"),
        (json.dumps(minimal(targets=[5])), "targets[0]"),
        (
            json.dumps(minimal(targets=[{"indicator": "nothing.here"}])),
            "targets[0].indicator",
        ),
        (
            json.dumps(minimal(targets=[_target(scope=None)])),
            "targets[0].scope",
        ),
        (
            json.dumps(minimal(targets=[_target(), _target(value=-10)])),
            "targets[1].value",
        ),
        (
            json.dumps(minimal(targets=[_target(horizon=1990)])),
            "targets[0].horizon",
        ),
        (
            json.dumps(minimal(targets=[_target(text_vi=5)])),
            "targets[0].text_vi",
        ),
        (json.dumps(minimal(code=5)), "code"),
        (json.dumps(minimal(title=" ")), "title"),
        (json.dumps(minimal(source={"clause": "x"})), "source"),
        (json.dumps(minimal(scope=5)), "scope"),
        (json.dumps(minimal(scope={"code": "58"})), "scope"),
        (
            json.dumps(minimal(scope={"code": "58", "era": "x"})),
            "scope.era",
        ),
        (
            json.dumps(
                minimal(scope={"code": "58", "era": "63", "name": "Huế"})
            ),
            "scope.name",
        ),
        (
            json.dumps(minimal(scope={"code": "58", "era": "63", "x": 1})),
            "scope",
        ),
        (
            json.dumps(minimal(indicators=[REDEFINED, REDEFINED])),
            "indicators[1].code",
        ),
        (
            json.dumps(minimal(indicators=[{"code": 5}])),
            "indicators[0].code",
        ),
    ],
)
def test_from_json_bad_files(document, field):
    """Bad target-set records raise DataError naming the path."""
    with pytest.raises(DataError) as info:
        TargetSet.from_json(document)

    assert field == info.value.field
    assert info.value.row is None


def test_from_json_unknown_province():
    """A scope that names no province is refused at the scope."""
    document = json.dumps(minimal(scope={"code": "99", "era": "63"}))

    with pytest.raises(DataError) as info:
        TargetSet.from_json(document)

    assert "scope.code" == info.value.field
    assert "99" == info.value.value


def test_scope_name_is_optional_and_folded():
    """A scope is its code and era; a name, if given, may lack diacritics."""
    bare = TargetSet.from_json(
        json.dumps(minimal(scope={"code": "58", "era": "63"}))
    )
    named = TargetSet.from_json(
        json.dumps(
            minimal(scope={"code": "58", "era": "63", "name": "ninh thuan"})
        )
    )

    assert Province.get("58", era=Era.PRE_2025) == bare.scope == named.scope
    assert {"code": "58", "era": "63", "name": "Ninh Thuận"} == (
        json.loads(bare.to_json())["scope"]
    )


def _envelope(*rows: object) -> str:
    return json.dumps(
        envelope(list(rows), document="1-CTr/TU"), ensure_ascii=False
    )


def test_from_json_reads_a_data_file():
    """A data file whose one row is a set reads as the bare record does."""
    assert TargetSet.from_json(json.dumps(minimal())) == (
        TargetSet.from_json(_envelope(minimal()))
    )


def test_load_reads_a_data_file(tmp_path):
    """load() reads a data file, and datasets.load reads a user's copy."""
    path = tmp_path / "ctr.json"
    path.write_text(_envelope(json.loads(nq20_targets().to_json())))

    assert nq20_targets() == TargetSet.load(path)
    assert nq20_targets() == datasets.load("targets/nq20", path)


@pytest.mark.parametrize(
    ("rows", "field"),
    [
        ((minimal(targets=[_target(value=-1)]),), "rows[0].targets[0].value"),
        ((minimal(), minimal()), "rows"),
        ((), "rows"),
    ],
)
def test_bad_data_files_name_file_and_path(tmp_path, rows, field):
    """Errors in a data file name the file and the path in it."""
    path = tmp_path / "ctr.json"
    path.write_text(_envelope(*rows), encoding="utf-8")

    for read in (TargetSet.load, lambda p: datasets.load("targets/nq20", p)):
        with pytest.raises(DataError) as info:
            read(path)

        assert str(path) == info.value.file
        assert field == info.value.field
    with pytest.raises(DataError) as info:
        TargetSet.from_json(path.read_text(encoding="utf-8"))

    assert field == info.value.field


def test_load_names_the_file(tmp_path):
    """load() puts the file in the error, and the path in the record."""
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(minimal(targets=[5])), encoding="utf-8")

    with pytest.raises(DataError) as info:
        TargetSet.load(path)

    assert str(path) == info.value.file
    assert "targets[0]" == info.value.field


def test_load_missing_file(tmp_path):
    """A missing file raises NotFoundError, not OSError."""
    with pytest.raises(NotFoundError) as info:
        TargetSet.load(tmp_path / "none.json")

    assert "path" == info.value.field


def test_blank_labels_are_refused():
    """Labels and clauses are non-blank text."""
    with pytest.raises(ValidationError) as info:
        attrs.evolve(COUNT, label_en=" ")

    assert "label_en" == info.value.field
    with pytest.raises(ValidationError):
        level(Comparator.AT_LEAST, 1, text_vi="")


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: attrs.evolve(COUNT, label_vi=None), "label_vi"),
        (lambda: attrs.evolve(COUNT, label_en=5), "label_en"),
        (lambda: attrs.evolve(COUNT, unit="count"), "unit"),
        (lambda: level(Comparator.AT_LEAST, 1, text_vi=5), "text_vi"),
        (lambda: level(Comparator.AT_LEAST, 1, text_vi="a\x00"), "text_vi"),
        (lambda: level(Comparator.AT_LEAST, 1, indicator="x"), "indicator"),
        (lambda: level("at_least", 1), "comparator"),
        (
            lambda: attrs.evolve(level(Comparator.AT_LEAST, 1), source=None),
            "source",
        ),
        (lambda: level(Comparator.AT_LEAST, 1, scope="58"), "scope"),
        (lambda: level(Comparator.AT_LEAST, 1, form="level"), "form"),
        (
            lambda: TargetSet(
                code=None,
                title="x",
                source=SOURCE,
                targets=(level(Comparator.AT_LEAST, 1),),
            ),
            "code",
        ),
        (
            lambda: TargetSet(code="X", title="x", source=SOURCE, targets=[1]),
            "targets",
        ),
        (lambda: COUNT.check(10**400), "value"),
        (lambda: level(Comparator.AT_LEAST, 10**400), "value"),
        (lambda: level({}, 1), "comparator"),
        (lambda: attrs.evolve(COUNT, unit=None), "unit"),
        (lambda: Interval(lower=[]), "lower"),
        (lambda: Interval(upper=math.nan), "upper"),
        (lambda: Interval(lower_open="no"), "lower_open"),
        (lambda: Catalogue.builtin().extend(None), "indicators[0]"),
        (
            lambda: TargetSet.from_json(
                nq20_targets().to_json(), catalogue=[]
            ),
            "catalogue",
        ),
        (
            lambda: Target.growth_rate(
                indicator=COUNT,
                rate=1e300,
                base_year=2020,
                base_value=1.0,
                horizon=2030,
                source=SOURCE,
            ),
            "value",
        ),
        (
            lambda: Target.growth_rate(
                indicator=COUNT,
                rate=1e10,
                base_year=2000,
                horizon=2100,
                source=SOURCE,
            ).with_base(1.0),
            "value",
        ),
    ],
)
def test_wrong_types_raise_validation_errors(build, field):
    """Wrong types are refused by name, never a TypeError or AttributeError."""
    with pytest.raises(ValidationError) as info:
        build()

    assert field == info.value.field


def test_optional_text_may_be_none():
    """A target without its clause's text is valid (no TypeError on None)."""
    assert level(Comparator.AT_LEAST, 1, text_vi=None).text_vi is None


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("[" * 100_000, "json"),
        ('{"code": "X", "code": "Y"}', "code"),
        ('{"code": "X", "targets": [{"value": 1e999}]}', "json"),
    ],
)
def test_hostile_target_set_json_is_refused(text, field):
    """Deep nesting, repeated keys and infinite numbers are DataErrors."""
    with pytest.raises(DataError) as info:
        TargetSet.from_json(text)

    assert field == info.value.field


def test_a_built_in_set_is_named_by_text():
    """Asking for a built-in set by something that is not text is refused."""
    with pytest.raises(NotFoundError) as info:
        target_set(None)

    assert "target_set" == info.value.field


def _catalogue_file(tmp_path, rows) -> object:
    path = tmp_path / "indicators.json"
    path.write_text(
        json.dumps(
            {
                "description": "Indicators.",
                "sources": [{"document": "x", "retrieved": None}],
                "rows": rows,
            }
        ),
        encoding="utf-8",
    )
    return path


def test_own_catalogue_file_loads(tmp_path):
    """datasets.load reads a catalogue file of the user's."""
    rows = [serialization.make_converter().unstructure(COUNT), REDEFINED]
    rows[1] = {**REDEFINED, "code": "province.cooperatives"}

    found = datasets.load(
        "targets/indicators", _catalogue_file(tmp_path, rows)
    )

    assert COUNT == found.get("cooperatives.count")
    assert 2 == len(found)


@pytest.mark.parametrize(
    ("rows", "field"),
    [
        ([REDEFINED, REDEFINED], "rows[1].code"),
        ([{**REDEFINED, "unit": "tons"}], "rows[0].unit"),
        ([{**REDEFINED, "label_vi": None}], "rows[0].label_vi"),
        ([{**REDEFINED, "extra": 1}], "rows[0]"),
        (
            [{**REDEFINED, "unit": "percent", "of": "nothing.here"}],
            "rows[0].of",
        ),
    ],
)
def test_broken_catalogue_file_names_file_and_row(tmp_path, rows, field):
    """A broken catalogue raises DataError naming the file and the row."""
    path = _catalogue_file(tmp_path, rows)

    with pytest.raises(DataError) as info:
        datasets.load("targets/indicators", path)

    assert str(path) == info.value.file
    assert field == info.value.field
    assert COUNT == Indicator.get("cooperatives.count")


def draw_once(strategy) -> None:
    @settings(max_examples=1, database=None)
    @given(strategy)
    def inner(_):
        pass

    inner()


def test_strategies_refuse_impossible_requests():
    """Strategy knobs that cannot be met fail when drawn."""
    narrow = attrs.evolve(COUNT, lower=0.2, upper=0.8)
    with pytest.raises(InvalidArgument):
        draw_once(kst.targets(indicator=COUNT, comparator=Comparator.ALL))
    with pytest.raises(InvalidArgument):
        draw_once(kst.levels(narrow))
    with pytest.raises(InvalidArgument):
        draw_once(kst.targets(indicator=narrow, form=TargetForm.INCREMENT))
