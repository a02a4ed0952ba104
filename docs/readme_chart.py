"""Draw the README's fan chart: ``python docs/readme_chart.py [OUT.png]``.

The chart answers the README's scenario question with the built-in data;
without an argument it rewrites ``docs/_static/readme-fan-chart.png``.
``nox -s examples`` runs it into a temporary file, so it keeps working.
"""

from __future__ import annotations

import sys

from pathlib import Path

import matplotlib as mpl


mpl.use("Agg")

from kttt import plots
from kttt.scenarios import Assumption, Scenario, simulate
from kttt.series import national_statistics
from kttt.targets import nq20_targets


OUT = Path(__file__).parent / "_static" / "readme-fan-chart.png"


def main(out: Path) -> None:
    """Simulate the cooperative count to 2030 and draw its fan."""
    scenario = Scenario(
        name="4 % ± 3",
        assumptions={"cooperatives.count": Assumption.normal(0.04, 0.03)},
    )
    simulation = simulate(
        nq20_targets(), national_statistics(), scenario, seed=1
    )
    row = simulation.get("cooperatives.count", 2030)
    ax = plots.trajectory(row.target, simulated=row, base_year=2020, lang="en")
    ax.figure.savefig(out, dpi=96)
    print(f"chance of meeting the target: {row.probability:.0%}; {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
