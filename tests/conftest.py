"""
Shared test configuration: Hypothesis profiles, and the fuzz inputs count.

- ``ci`` (loaded when ``CI`` is set): no deadline, too_slow suppressed.
- ``fast`` (loaded when ``FAST=1``): ten examples per test, for iterating.

With ``KTTT_FUZZ`` set, the summary lists how many inputs each fuzz target
of ``test_fuzz.py`` ran (its tests record them as ``fuzz_inputs``), and
their total, across the xdist workers.
"""

from __future__ import annotations

import os

import pytest

from hypothesis import HealthCheck, settings


settings.register_profile(
    "ci",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "dev", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fast",
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
if os.environ.get("FAST") == "1":
    settings.load_profile("fast")
elif os.environ.get("CI"):
    settings.load_profile("ci")
else:
    settings.load_profile("dev")


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter,
) -> None:
    """List the inputs each fuzz target ran, and the total."""
    if not os.environ.get("KTTT_FUZZ"):
        return
    counts: dict[str, int] = {}
    for reports in terminalreporter.stats.values():
        for report in reports:
            for name, value in getattr(report, "user_properties", ()):
                if name == "fuzz_inputs":
                    counts[report.nodeid] = value
    if not counts:
        return
    terminalreporter.section("fuzz inputs")
    for nodeid, count in sorted(counts.items()):
        terminalreporter.write_line(f"{count:>10,}  {nodeid}")
    terminalreporter.write_line(
        f"{sum(counts.values()):>10,}  inputs over {len(counts)} targets"
    )
