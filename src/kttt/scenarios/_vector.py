"""The NumPy side of `simulate`: draws, paths, quantiles and probabilities.

Imported only when a simulation draws at random, so that NumPy stays an
optional extra (``pip install 'kttt[simulation]'``).
"""

from __future__ import annotations

import hashlib

from collections.abc import Sequence
from typing import cast

import numpy as np

from numpy.typing import NDArray

from kttt.scenarios._assumptions import Assumption, AssumptionKind


Floats = NDArray[np.float64]


def generator(seed: int, key: str) -> np.random.Generator:
    """Return the random stream of *key* under *seed*.

    The stream depends on nothing else, so a target's draws do not change
    with the other targets simulated or their order.
    """
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    sequence = np.random.SeedSequence(
        seed, spawn_key=(int.from_bytes(digest, "big"),)
    )
    return np.random.Generator(np.random.PCG64(sequence))


def growth(
    rng: np.random.Generator,
    assumption: Assumption,
    rates: Sequence[float] | None,
    shape: tuple[int, int],
) -> Floats:
    """Draw the yearly growth factors ``1 + r``: one row per year.

    *rates* are the series' own yearly rates, for a resampled assumption.
    Rows are drawn in order, so the first years' draws do not depend on how
    many years follow.
    """
    kind = assumption.kind
    if kind is AssumptionKind.NORMAL:
        location = np.log1p(assumption.rate or 0.0)
        spread = assumption.sd or 0.0
        factors: Floats = np.exp(
            location + spread * rng.standard_normal(shape)
        )
        return factors
    if kind is AssumptionKind.RESAMPLED:
        observed = np.asarray(rates, dtype=np.float64)
        return 1 + observed[rng.integers(0, observed.size, size=shape)]
    low, high = assumption.low or 0.0, assumption.high or 0.0
    if kind is AssumptionKind.UNIFORM:
        return 1 + rng.uniform(low, high, size=shape)
    if low == high:
        return np.full(shape, 1 + low)
    return 1 + rng.triangular(low, assumption.mode or 0.0, high, size=shape)


def paths(
    start: float,
    factors: Floats,
    lower: float | None,
    upper: float | None,
) -> tuple[Floats, float]:
    """Return the values year by year, and the share of draws held at a bound.

    A draw that would leave the indicator's bounds stays at the bound that
    year (a share saturates at 100 %), and goes on from there.
    """
    if upper is None and (lower is None or (lower <= 0 <= start)):
        # Growth factors are positive: such a path never leaves the bounds.
        grown: Floats = np.cumprod(factors, axis=0, dtype=np.float64)
        return start * grown, 0.0
    values = np.empty_like(factors)
    current = np.full(factors.shape[1], start, dtype=np.float64)
    held = np.zeros(factors.shape[1], dtype=np.bool_)
    for year, factor in enumerate(factors):
        current *= factor
        if upper is not None:
            held |= current > upper
            np.minimum(current, upper, out=current)
        if lower is not None:
            held |= current < lower
            np.maximum(current, lower, out=current)
        values[year] = current
    return values, float(held.mean())


def quantiles(values: Floats, levels: Sequence[float]) -> list[list[float]]:
    """Return, for each year (row), the values at the quantile *levels*."""
    result: Floats = np.quantile(values, levels, axis=1).T
    return cast("list[list[float]]", result.tolist())
