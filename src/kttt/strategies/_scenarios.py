"""Strategies for growth assumptions and scenarios."""

from __future__ import annotations

from hypothesis import strategies as st

from kttt.scenarios import Assumption, AssumptionKind, Scenario
from kttt.strategies._base import labelled_enums
from kttt.strategies._targets import indicators


#: Yearly rates drawn: a fall of 50 % to a rise of 50 % a year.
_RATES = st.floats(-0.5, 0.5)


@st.composite
def _spreads(draw: st.DrawFn, *, uniform: bool) -> Assumption:
    low = draw(_RATES)
    high = draw(st.floats(low, 0.5))
    if uniform:
        return Assumption.uniform(low, high)
    return Assumption.triangular(low, draw(st.floats(low, high)), high)


_BY_KIND: dict[AssumptionKind, st.SearchStrategy[Assumption]] = {
    AssumptionKind.CONSTANT_RATE: _RATES.map(Assumption.constant_rate),
    AssumptionKind.CONSTANT_INCREMENT: st.floats(-1e6, 1e6).map(
        Assumption.constant_increment
    ),
    AssumptionKind.OBSERVED_TREND: st.builds(
        Assumption.observed_trend, st.integers(1, 15), linear=st.booleans()
    ),
    AssumptionKind.NORMAL: st.builds(
        Assumption.normal, _RATES, st.floats(0, 0.3)
    ),
    AssumptionKind.TRIANGULAR: _spreads(uniform=False),
    AssumptionKind.UNIFORM: _spreads(uniform=True),
    AssumptionKind.RESAMPLED: st.builds(
        Assumption.resampled, st.none() | st.integers(1, 15)
    ),
}


def assumptions(
    *, kind: AssumptionKind | None = None
) -> st.SearchStrategy[Assumption]:
    """Draw a valid `kttt.scenarios.Assumption`.

    Args:
        kind: Draw only this kind (any kind by default, shrinking towards a
            constant rate).

    Rates lie between −50 % and +50 % a year; windows span 1 to 15 years.
    """
    if kind is not None:
        return _BY_KIND[kind]
    return labelled_enums(AssumptionKind).flatmap(_BY_KIND.__getitem__)


@st.composite
def scenarios(draw: st.DrawFn, *, max_size: int = 4) -> Scenario:
    """Draw a valid `kttt.scenarios.Scenario`.

    It has up to *max_size* assumptions on distinct indicator codes (drawn
    by `indicators`), and a short name.
    """
    codes = draw(
        st.lists(
            indicators().map(lambda i: i.code),
            max_size=max_size,
            unique=True,
        )
    )
    return Scenario(
        name=draw(st.sampled_from(["cơ sở", "cao", "thấp", "2 %/năm"])),
        assumptions={code: draw(assumptions()) for code in codes},
    )
