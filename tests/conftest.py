"""
Shared test configuration: Hypothesis profiles.

- ``ci`` (loaded when ``CI`` is set): no deadline, too_slow suppressed.
- ``fast`` (loaded when ``FAST=1``): ten examples per test, for iterating.
"""

from __future__ import annotations

import os

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
