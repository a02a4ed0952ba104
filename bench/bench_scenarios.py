"""
Benchmark: `kttt.scenarios.simulate` against a plain NumPy reference.

Run ``python bench/bench_scenarios.py [--draws D] [--repeat R]``.
Every target of Resolution 20-NQ/TW (2030 and 2045) is simulated from its
latest value to its target year with *D* draws of log-normal yearly growth
(10,000 by default, as the issue asks). Targets without national
statistics get a short synthetic series, so that every target is drawn.
The reference, in the same process on the same seeds, is the computation a
NumPy user would write by hand: draw the growth, cumulate it (holding
shares at 100 %), take the quantiles of each year and count the draws that
meet the target in its year, with no checks, explanations or tables.
The script prints both timings (best of *R*), their ratio and whether the
probabilities agree; the issue's goal is a ratio of at most 2.
"""

from __future__ import annotations

import argparse
import hashlib
import time

from collections.abc import Callable, Mapping

import numpy as np

from numpy.typing import NDArray

from kttt.scenarios import QUANTILES, Assumption, Scenario, simulate
from kttt.series import Series, national_statistics
from kttt.targets import Comparator, Target, TargetSet, Unit, nq20_targets


#: Yearly growth assumed: median rate and spread of the log growth.
RATE, SPREAD = 0.04, 0.05
SEED = 2045


def make_data(targets: TargetSet) -> dict[str, Series]:
    """
    Return a series for every target: the statistics, else synthetic.

    A synthetic series has 2020–2025 values at a third of the target's
    level (for "all": 30 %), growing by 5 % a year.
    """
    stats = national_statistics()
    data: dict[str, Series] = {}
    for target in targets:
        code = target.indicator.code
        if code in stats:
            data[code] = stats[code][0]
            continue
        start = (target.value or 100) / 3
        data[code] = Series.from_values(
            target.indicator,
            {2020 + k: start * 1.05**k for k in range(6)},
            label="synthetic",
        )
    return data


def make_scenario(targets: TargetSet) -> Scenario:
    """
    Return one log-normal growth assumption per indicator.
    """
    growth = Assumption.normal(RATE, SPREAD)
    return Scenario(
        name="bench",
        assumptions={i.code: growth for i in targets.indicators()},
    )


def _stream(seed: int, target: Target) -> np.random.Generator:
    key = f"{target.indicator.code}@{target.horizon}".encode()
    digest = int.from_bytes(hashlib.blake2b(key, digest_size=8).digest())
    sequence = np.random.SeedSequence(seed, spawn_key=(digest,))
    return np.random.Generator(np.random.PCG64(sequence))


def _met(target: Target, values: NDArray[np.float64]) -> float:
    goal = target.interval().lower or 0.0
    if target.comparator is Comparator.MORE_THAN:
        return float((values > goal).mean())
    return float((values >= goal).mean())


def reference(
    targets: TargetSet, data: Mapping[str, Series], draws: int
) -> dict[tuple[str, int], float]:
    """
    The same simulation written directly in NumPy: the probabilities.
    """
    chances: dict[tuple[str, int], float] = {}
    for target in targets:
        series = data[target.indicator.code].until(target.horizon)
        latest = series.observations[-1]
        years = target.horizon - latest.year
        rng = _stream(SEED, target)
        growth = np.exp(
            np.log1p(RATE) + SPREAD * rng.standard_normal((years, draws))
        )
        if target.indicator.unit is Unit.PERCENT:
            values = np.empty_like(growth)
            current = np.full(draws, latest.value)
            for year in range(years):
                current = np.minimum(current * growth[year], 100.0)
                values[year] = current
        else:
            values = latest.value * np.cumprod(growth, axis=0)
        np.quantile(values, QUANTILES, axis=1)
        key = (target.indicator.code, target.horizon)
        chances[key] = _met(target, values[-1])
    return chances


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """
    Return the best wall time of *repeat* runs, in seconds.
    """
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """
    Time both on the same targets, draws and seeds; print the ratio.
    """
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    targets = nq20_targets()
    data = make_data(targets)
    scenario = make_scenario(targets)

    def library() -> dict[tuple[str, int], float | None]:
        result = simulate(targets, data, scenario, draws=args.draws, seed=SEED)
        return {
            (r.target.indicator.code, r.target.horizon): r.probability
            for r in result.rows
        }

    agree = library() == reference(targets, data, args.draws)
    baseline = best_of(
        args.repeat, lambda: reference(targets, data, args.draws)
    )
    timed = best_of(args.repeat, library)
    print(f"targets: {len(targets)}, draws: {args.draws:,} each, to 2045")
    print(f"plain NumPy reference: {baseline:.4f} s")
    print(f"kttt.scenarios.simulate: {timed:.4f} s")
    print(f"ratio (kttt / reference): {timed / baseline:.2f}")
    print(f"probabilities agree with the reference: {agree}")


if __name__ == "__main__":
    main()
