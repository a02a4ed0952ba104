"""
Benchmark: points to ratings per sheet, against hand-written paths.

Run ``python bench/bench_rating.py [--n N] [--repeat R] [--memory M]``.

Every path starts from the same inputs (for each sheet, its organisation,
sector and a dict of the 15 criteria of TT 01/2020/TT-BKHĐT to exact
`decimal.Decimal` points in hundredths) and ends with the list of
ratings; all run in this process, alternating, and the best CPU time of
*R* runs of each is kept:

- ``hand path``: what a hand-written script does per sheet: build a
  record (a plain ``__slots__`` class with the same thirteen fields as a
  `kttt.rating.ScoreSheet`, no checks), add up its points and compare the
  total with the bands;
- ``hand loop``: the bare minimum, no record: add up the dict's points
  and compare;
- ``kttt``: build a `kttt.rating.ScoreSheet` (every field checked, the
  points held as packed whole numbers) and classify it with
  `kttt.rating.classify_many` (every criterion's limit, the group sums,
  the bands, a `kttt.rating.Classification`);
- ``kttt classify``: the classification alone, on sheets built before.

The issue's goal is ``kttt`` within 5x the hand path.
Memory: *M* sheets (2,000 by default; ``--memory 1000000`` for the
issue's million) are built from fresh Decimals and measured with
`tracemalloc` once the inputs are gone; the figure is given per sheet and
for a million sheets (goal: at most 400 MB).
"""

from __future__ import annotations

import argparse
import gc
import random
import time
import tracemalloc

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal

from kttt.organizations import OrganizationKind, Sector
from kttt.rating import Rating, ScoreSheet, classify_many


#: The 15 criteria of TT 01/2020 with the most points each can have (the
#: six criteria of group III share 40 points; the sheets give each <= 6).
_MAXIMA = (7, 6, 11, 6, 8, 6, 6, 6, 4, 6, 6, 6, 6, 6, 6)
_SECTORS = [s for s in Sector if s not in {Sector.AGRICULTURE, Sector.CREDIT}]
_KIND = OrganizationKind.COOPERATIVE

Inputs = list[tuple[str, Sector, dict[str, Decimal]]]


def make_inputs(n: int, seed: int = 2045) -> Inputs:
    """Return *n* sheets' inputs: organisation, sector, points."""
    return list(each_input(n, seed))


def each_input(
    n: int, seed: int = 2045
) -> Iterator[tuple[str, Sector, dict[str, Decimal]]]:
    """Yield *n* sheets' inputs, each made fresh (new Decimals)."""
    rng = random.Random(seed)
    for i in range(n):
        yield (
            f"HTX-{i:07d}",
            rng.choice(_SECTORS),
            {
                f"TC{c}": Decimal(rng.randint(0, 100 * most)) / 100
                for c, most in enumerate(_MAXIMA, start=1)
            },
        )


_GOOD, _FAIR, _AVERAGE = Decimal(80), Decimal(65), Decimal(50)


def _band(total: Decimal) -> Rating:
    if total >= _GOOD:
        return Rating.GOOD
    if total >= _FAIR:
        return Rating.FAIR
    if total >= _AVERAGE:
        return Rating.AVERAGE
    return Rating.WEAK


class HandSheet:
    """A hand-written record of a sheet: the same fields, no checks."""

    __slots__ = (
        "kind",
        "licence_revocation",
        "measures",
        "months_operating",
        "months_suspended",
        "organization",
        "points",
        "province",
        "sanctioned",
        "scheme",
        "sector",
        "special_control",
        "year",
    )

    def __init__(
        self,
        organization: str,
        kind: OrganizationKind,
        sector: Sector,
        year: int,
        points: dict[str, Decimal],
    ) -> None:
        self.organization = organization
        self.kind = kind
        self.sector = sector
        self.year = year
        self.province = None
        self.scheme = None
        self.points = points
        self.measures: dict[str, Decimal] = {}
        self.months_operating = 12
        self.months_suspended = 0
        self.sanctioned = False
        self.special_control = False
        self.licence_revocation = False


def hand_path(inputs: Inputs) -> list[Rating | None]:
    """By hand: a record per sheet, its points added up, the band found."""
    out: list[Rating | None] = []
    for organization, sector, points in inputs:
        sheet = HandSheet(organization, _KIND, sector, 2024, points)
        out.append(_band(sum(sheet.points.values())))
    return out


def hand_loop(inputs: Inputs) -> list[Rating | None]:
    """The bare minimum: add up each dict of points, find the band."""
    return [_band(sum(points.values())) for _, _, points in inputs]


def _sheets(
    inputs: Iterable[tuple[str, Sector, dict[str, Decimal]]],
) -> list[ScoreSheet]:
    return [
        ScoreSheet(
            organization=organization,
            kind=_KIND,
            sector=sector,
            year=2024,
            points=points,
        )
        for organization, sector, points in inputs
    ]


def library(inputs: Inputs) -> list[Rating | None]:
    """Build a ScoreSheet per sheet and classify it, keeping the ratings."""
    sheets = (
        ScoreSheet(
            organization=organization,
            kind=_KIND,
            sector=sector,
            year=2024,
            points=points,
        )
        for organization, sector, points in inputs
    )
    return [c.rating for c in classify_many(sheets)]


def best_of(repeat: int, *runs: Callable[[], object]) -> tuple[float, ...]:
    """Return the best CPU time of each run, in seconds.

    CPU time (not wall time) and alternating runs (a, b, a, b, ...) keep a
    busy, shared machine from favouring either side.
    """
    best = [float("inf")] * len(runs)
    for _ in range(repeat):
        for i, run in enumerate(runs):
            start = time.process_time()
            run()
            best[i] = min(best[i], time.process_time() - start)
    return tuple(best)


def memory_per_sheet(n: int) -> float:
    """Return the bytes a ScoreSheet holds, built from fresh Decimals.

    The inputs are made one sheet at a time and dropped once its sheet is
    built, so that only what the sheets keep is counted.
    """
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    sheets = _sheets(each_input(n, seed=n))
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    if len(sheets) != n:
        raise AssertionError(len(sheets))
    return held / n


def main(argv: Sequence[str] | None = None) -> float:
    """Run the benchmark, print the figures and return the main ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=20_000, help="sheets")
    parser.add_argument("--repeat", type=int, default=5, help="runs each")
    parser.add_argument(
        "--memory", type=int, default=2_000, help="sheets to measure"
    )
    args = parser.parse_args(argv)
    inputs = make_inputs(args.n)
    expected = hand_loop(inputs)
    if library(inputs) != expected or hand_path(inputs) != expected:
        raise SystemExit("the library and the hand-written paths disagree")
    sheets = _sheets(inputs)
    path, loop, lib, only = best_of(
        args.repeat,
        lambda: hand_path(inputs),
        lambda: hand_loop(inputs),
        lambda: library(inputs),
        lambda: [c.rating for c in classify_many(sheets)],
    )
    per = 1e6 / args.n
    print(f"sheets: {args.n:,} (best CPU time of {args.repeat} runs)")
    for name, seconds in (
        ("hand path (record + total)", path),
        ("hand loop (total only)", loop),
        ("kttt (ScoreSheet + classify)", lib),
        ("kttt classify alone", only),
    ):
        print(f"{name:30s} {seconds:.3f} s ({seconds * per:.2f} µs/sheet)")
    print(f"ratio to the hand path: {lib / path:.2f}x (goal: within 5x)")
    print(f"ratio to the bare hand loop: {lib / loop:.2f}x")
    held = memory_per_sheet(args.memory)
    print(
        f"memory: {held:.0f} bytes a sheet, {held:.0f} MB a million "
        f"(goal: at most 400 MB; measured on {args.memory:,} sheets)"
    )
    return lib / path


if __name__ == "__main__":
    main()
