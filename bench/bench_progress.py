"""
Benchmark: assessing progress on many scenarios against a hand-written loop.

Run ``python bench/bench_progress.py [--n N] [--repeat R]``.
A notebook that runs *N* growth scenarios of the cooperative count asks
`kttt.progress.assess` (default method, Statistics Canada's) for each one.
The baseline, in the same process on the same numbers, is the loop an
analyst would write in a sheet: the observed compound growth, the required
one, their ratio and Statistics Canada's 0.95 / 0.60 / 0 thresholds, in
plain floats, with no checks, explanations or edge cases.
The script also counts how often the two agree on the status.
It then times the vectorised path, `kttt.progress.assess_many`, on the same
scenarios given as paths (one row of 2026–2029 values per scenario).
The script prints the timings (best of *R*) and the ratios; the issue's
goals are at most 20 for `assess` per call.
"""

from __future__ import annotations

import argparse
import random
import time

from collections.abc import Callable, Sequence

import attrs

from kttt.progress import Progress, ProgressBatch, assess, assess_many
from kttt.series import Observation, Series, national_series
from kttt.targets import Target, nq20_targets


def make_scenarios(n: int, seed: int = 2030) -> list[Series]:
    """
    Return *n* series: the official count, then 2026-2029 at random growth.
    """
    rng = random.Random(seed)
    base = national_series("cooperatives.count")
    latest = base.latest()
    scenarios = []
    for _ in range(n):
        rate = rng.uniform(-0.05, 0.10)
        future = tuple(
            Observation(
                year=latest.year + k,
                value=round(latest.value * (1 + rate) ** k),
                source=None,
            )
            for k in range(1, 5)
        )
        scenarios.append(
            attrs.evolve(base, observations=base.observations + future)
        )
    return scenarios


def hand_loop(target: Target, scenarios: Sequence[Series]) -> list[str]:
    """
    The sheet formula: ratio of observed to required growth, thresholds.
    """
    goal, horizon = target.interval().lower, target.horizon
    out = []
    for series in scenarios:
        first, last = series.observations[0], series.observations[-1]
        if last.value >= goal:
            out.append("achieved")
            continue
        span = last.year - first.year
        observed = (last.value / first.value) ** (1 / span) - 1
        required = (goal / first.value) ** (1 / (horizon - first.year)) - 1
        ratio = observed / abs(required)
        if ratio >= 0.95:
            out.append("on_track")
        elif ratio >= 0.60:
            out.append("needs_acceleration")
        elif ratio >= 0:
            out.append("limited")
        else:
            out.append("regressing")
    return out


def with_kttt(target: Target, scenarios: Sequence[Series]) -> list[Progress]:
    """
    The library: one fully explained `Progress` per scenario.
    """
    return [assess(target, series) for series in scenarios]


def as_paths(scenarios: Sequence[Series]) -> list[list[float]]:
    """
    Return the 2026-2029 values of each scenario, one row per scenario.
    """
    return [[o.value for o in s.observations[-4:]] for s in scenarios]


def vectorised(
    target: Target, base: Series, paths: Sequence[Sequence[float]]
) -> ProgressBatch:
    """
    The library's vectorised path: every scenario at once.
    """
    years = [base.latest().year + k for k in range(1, 5)]
    return assess_many(target, base, paths, years=years)


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
    Time both on the same scenarios and print the ratio.
    """
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    target = nq20_targets().get("cooperatives.count", 2030)
    scenarios = make_scenarios(args.n)
    base = national_series("cooperatives.count")
    paths = as_paths(scenarios)
    statuses = [p.status.value for p in with_kttt(target, scenarios)]
    sheet = hand_loop(target, scenarios)
    batch = [s.value for s in vectorised(target, base, paths).statuses]
    agree = sum(a == b for a, b in zip(statuses, sheet, strict=True))
    same = sum(a == b for a, b in zip(statuses, batch, strict=True))
    baseline = best_of(args.repeat, lambda: hand_loop(target, scenarios))
    library = best_of(args.repeat, lambda: with_kttt(target, scenarios))
    many = best_of(args.repeat, lambda: vectorised(target, base, paths))
    print(f"scenarios: {args.n:,}")
    print(f"hand-written loop: {baseline:.4f} s")
    print(f"kttt.progress.assess: {library:.4f} s")
    print(f"ratio (kttt / loop): {library / baseline:.1f}")
    print(f"per scenario: {library / args.n * 1e6:.1f} µs")
    print(f"statuses agreeing with the loop: {agree:,} of {args.n:,}")
    print(f"kttt.progress.assess_many (vectorised): {many:.4f} s")
    print(f"ratio (assess_many / loop): {many / baseline:.1f}")
    print(f"statuses agreeing with assess: {same:,} of {args.n:,}")


if __name__ == "__main__":
    main()
