"""
Benchmark: the time ``import kttt`` takes, against its own dependencies.

Run ``python bench/bench_import.py [--repeat R]``.

Each statement runs in a fresh interpreter (imports are cached within a
process), alternating, *R* times; the best CPU time of each child (user +
system) is kept:

- ``pass``: the interpreter's own start-up;
- ``import attrs, cattrs, pendulum``: the baseline, kttt's runtime
  dependencies;
- ``import kttt``: the package (its rooms load on first use);
- ``import kttt`` and first use of `kttt.Cooperative`, `kttt.Target` and
  `kttt.assess`: what a notebook's first cell costs.

It prints each time, and each ratio to the baseline with the start-up
taken off both sides: the time the imports themselves take.
The issue's goal is ``import kttt`` within 1.3 times the baseline.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from collections.abc import Sequence


STATEMENTS = {
    "start-up (pass)": "pass",
    "import attrs, cattrs, pendulum": "import attrs, cattrs, pendulum",
    "import kttt": "import kttt",
    "import kttt + first use": (
        "import kttt; kttt.Cooperative; kttt.Target; kttt.assess"
    ),
}
BASELINE = "import attrs, cattrs, pendulum"
START_UP = "start-up (pass)"


def cpu_time(statement: str) -> float:
    """Return the CPU time of a fresh interpreter running *statement*."""
    process = subprocess.Popen(  # noqa: S603  (our own interpreter)
        [sys.executable, "-c", statement]
    )
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        message = f"{statement!r} failed"
        raise RuntimeError(message)
    return usage.ru_utime + usage.ru_stime


def best_times(repeat: int) -> dict[str, float]:
    """Return the best CPU time of each statement, run alternating."""
    best = dict.fromkeys(STATEMENTS, float("inf"))
    for _ in range(repeat):
        for name, statement in STATEMENTS.items():
            best[name] = min(best[name], cpu_time(statement))
    return best


def main(argv: Sequence[str] | None = None) -> float:
    """Print the times and the ratios; return ``import kttt``'s ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    best = best_times(args.repeat)
    start_up = best[START_UP]
    baseline = max(best[BASELINE] - start_up, 1e-9)
    print(f"best CPU time of {args.repeat} fresh interpreters each")
    for name, seconds in best.items():
        line = f"{name:32} {seconds * 1000:7.1f} ms"
        if name != START_UP:
            ratio = (seconds - start_up) / baseline
            line += f"   imports {ratio:5.2f}x the baseline"
        print(line)
    ratio = (best["import kttt"] - start_up) / baseline
    print(f"import kttt: {ratio:.2f}x import attrs, cattrs, pendulum")
    return ratio


if __name__ == "__main__":
    main()
