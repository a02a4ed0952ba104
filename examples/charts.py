"""
Charts of progress, scenarios and ratings
=========================================

Three charts from :mod:`kttt.plots`: the report of Resolution 20-NQ/TW at a
glance, the fan of a Monte Carlo scenario for the number of cooperatives,
and the ratings of synthetic score sheets by province.

Each chart function takes an optional matplotlib ``Axes`` and returns the one
it drew on; labels are in Vietnamese unless told ``lang="en"``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt

from kttt import plots
from kttt.geography import Province
from kttt.organizations import OrganizationKind, Sector
from kttt.progress import ProgressReport
from kttt.rating import (
    Denominator,
    GroupBy,
    ScoreSheet,
    classify_many,
    rating_shares,
)
from kttt.scenarios import Assumption, Scenario, simulate
from kttt.series import national_statistics
from kttt.targets import nq20_targets


programme = nq20_targets()
stats = national_statistics()

# %%
# Every target of the programme, coloured by its status.
report = ProgressReport.build(programme, stats)
plots.overview(report, lang="en")
print(report.to_dataframe("en")["status"].value_counts(sort=False))

# %%
# The number of cooperatives if it grows 4 % a year, give or take 3.
scenario = Scenario(
    name="4 % ± 3",
    assumptions={"cooperatives.count": Assumption.normal(0.04, 0.03)},
)
simulation = simulate(programme, stats, scenario, seed=2030)
row = simulation.get("cooperatives.count", 2030)
plots.trajectory(row.target, simulated=row, base_year=2020, lang="en")
print(f"Chance of about 45,000 cooperatives in 2030: {row.probability:.0%}")

# %%
# Ratings by province: two provinces side by side on one figure.
SCORES = {"Hà Nội": (28, 26, 22, 18, 10), "Huế": (27, 20, 12, 30, 9)}
sheets = [
    ScoreSheet(
        organization=f"HTX-{name}-{i}",
        kind=OrganizationKind.COOPERATIVE,
        sector=Sector.TRADE_SERVICES,
        year=2024,
        province=Province.get(name),
        points={"I": score, "II": score, "III": score + 5},
    )
    for name, scores in SCORES.items()
    for i, score in enumerate(scores)
]
by_province = rating_shares(
    classify_many(sheets), denominator=Denominator.ALL, by=GroupBy.PROVINCE
)
_, (left, right) = plt.subplots(1, 2, figsize=(10, 3), layout="constrained")
plots.rating_distribution(by_province, ax=left, lang="en")
plots.rating_distribution(by_province, ax=right, lang="vi")
