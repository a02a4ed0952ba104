"""
Where the 2030 targets of Resolution 20-NQ/TW stand
===================================================

Where do the 2030 targets of Resolution 20-NQ/TW stand, and what if?

Prints the built-in report, compares the five methods on the cooperative
count, then asks how fast the count must grow from 2025 for the 2030 target
to be judged on track, by adding projected years to the series.
"""

from __future__ import annotations

import attrs

from kttt.progress import METHOD_NAMES, ProgressReport, assess
from kttt.series import Observation, national_series, national_statistics
from kttt.targets import nq20_targets


targets = nq20_targets()
report = ProgressReport.build(targets, national_statistics())
print(report.to_text("en"))

cooperatives = national_series("cooperatives.count")
target = targets.get("cooperatives.count", 2030)
print("\nMethods side by side for", target.indicator.label_en)
for method in METHOD_NAMES:
    progress = assess(target, cooperatives, method=method)
    print(f"  {method:<10} {progress.status.label('en')}")

print("\nScenarios: annual growth of the count after 2025")
latest = cooperatives.latest()
for rate in (0.01, 0.03, 0.05):
    future = tuple(
        Observation(
            year=latest.year + years,
            value=round(latest.value * (1 + rate) ** years),
            source=None,
        )
        for years in range(1, 5)
    )
    scenario = attrs.evolve(
        cooperatives, observations=cooperatives.observations + future
    )
    progress = assess(target, scenario, method="projection")
    print(
        f"  {rate:.0%}/year: projected {progress.projected_value:,.0f}"
        f" in 2030 -> {progress.status.label('en')}"
    )
