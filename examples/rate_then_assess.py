"""
From score sheets to progress
=============================

Rate a province's cooperatives each year, turn the share rated good or
fair into a series, and assess it against the "more than 60 %" target of
programme 155-CTr/TU.

The score sheets are synthetic (drawn with a fixed seed); the schemes, the
target and the methods are the built-in ones.
"""

from __future__ import annotations

import random

from decimal import Decimal

from kttt import OrganizationKind, Province, Sector
from kttt.progress import assess
from kttt.rating import Denominator, ScoreSheet, classify_many, rating_shares
from kttt.series import Observation, Series
from kttt.targets import target_set


PROVINCE = Province.get("Ninh Thuận")
#: Most points each of the 15 criteria of TT 01/2020 can take here (group
#: III's six criteria share its 40 points).
MAXIMA = (7, 6, 11, 6, 8, 6, 6, 6, 4, 6, 6, 6, 6, 6, 6)


def sheets(year: int, n: int, rng: random.Random) -> list[ScoreSheet]:
    """Synthetic sheets whose scores improve a little every year."""
    lift = (year - 2021) * 0.008
    return [
        ScoreSheet(
            organization=f"HTX-{year}-{i:03d}",
            kind=OrganizationKind.COOPERATIVE,
            sector=Sector.TRADE_SERVICES,
            year=year,
            province=PROVINCE,
            months_operating=12 if rng.random() > 0.05 else 6,
            points={
                f"TC{c}": Decimal(
                    round(most * min(1, 0.3 + 0.7 * rng.random() + lift), 1)
                )
                for c, most in enumerate(MAXIMA, start=1)
            },
        )
        for i in range(n)
    ]


rng = random.Random(155)
observations = []
for year in range(2021, 2026):
    results = list(classify_many(sheets(year, 180, rng)))
    shares = rating_shares(results, denominator=Denominator.ALL)
    percent = float(shares.share_good_or_fair * 100)
    observations.append(Observation(year=year, value=percent, source=None))
    print(
        f"{year}: {len(results)} sheets, good or fair {percent:.1f} % "
        f"of all ({float(shares.share_not_rated) * 100:.1f} % not rated)"
    )

target = target_set("155-CTr/TU").get("organizations.good_fair_share", 2030)
series = Series(
    indicator=target.indicator,
    observations=tuple(observations),
    scope=PROVINCE,
    label="synthetic",
)
progress = assess(target, series)
print(f"\nTarget: {target.describe('en')}")
print(f"Status: {progress.status.label('en')} ({progress.status.label('vi')})")
print(f"Detail: {progress.summary('en')}")
