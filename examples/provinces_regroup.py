"""
Regroup a table by the 34 units of 2025
=======================================

Regroup a table kept by the 63 old provinces onto the 34 units of 2025.

The 2023 steering-committee network (seed document 000) names the 12
provinces whose standing agency was not the planning department; after the
merger of 1 July 2025, which new units inherit at least one of them?
"""

from __future__ import annotations

from collections import defaultdict

from kttt import Era, Province
from kttt.committees import StandingAgency, network_2023


snapshot = network_2023()
inherited: defaultdict[Province, list[str]] = defaultdict(list)
for entry in snapshot.provinces:
    if entry.standing_agency not in {None, StandingAgency.PLANNING_DEPARTMENT}:
        inherited[entry.province.successor()].append(entry.province.name)

before, after = len(Province.all(Era.PRE_2025)), len(Province.all())
print(f"{before} provinces became {after}")
print("New units that inherit a committee not run by the planning department:")
for unit, olds in sorted(inherited.items(), key=lambda item: item[0].code):
    print(f"  {unit.code} {unit.name:<12} <- {', '.join(olds)}")
