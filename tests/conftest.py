"""
Shared test configuration: Hypothesis profiles, the fuzz inputs count and
cold caches for mutmut.

- ``ci`` (loaded when ``CI`` is set): no deadline, too_slow suppressed.
- ``fast`` (loaded when ``FAST=1``): ten examples per test, for iterating.
- ``mutation`` (``--hypothesis-profile=mutation``, as mutmut runs the
  tests): the same examples every run and no example database, so that a
  mutant's verdict does not depend on luck or on the mutants before it.

Every fuzz target (a test marked ``fuzz`` by ``hostile.fuzz``, in
``test_fuzz.py`` and ``test_fuzz_entry.py``) records how many inputs it
ran as ``fuzz_inputs``; with ``KTTT_FUZZ`` set, the summary lists them and
their total, across the xdist workers.

Under mutmut (``nox -s mutation``), every test starts with kttt's caches
empty: the converters, the built-in datasets, the rating plans and the
memories of points. Otherwise the code that fills them runs once, before
the mutants, and no test could ever catch a mutant in it.
"""

from __future__ import annotations

import os
import sys

import pytest

from hypothesis import HealthCheck, settings

from hostile import INPUTS


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
settings.register_profile(
    "mutation",
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
if os.environ.get("FAST") == "1":
    settings.load_profile("fast")
elif os.environ.get("CI"):
    settings.load_profile("ci")
else:
    settings.load_profile("dev")


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``fuzz`` mark of the fuzz targets."""
    config.addinivalue_line(
        "markers", "fuzz: a fuzz target whose inputs are counted"
    )


@pytest.fixture(autouse=True)
def _count_inputs(request, record_property):
    """Record how many inputs a fuzz target ran (the summary adds them up)."""
    start = INPUTS[0]
    yield
    if request.node.get_closest_marker("fuzz") is not None:
        record_property("fuzz_inputs", INPUTS[0] - start)


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


#: The caches of kttt whose filling runs code of kttt.rating or
#: kttt.progress: (module, name) of a ``functools.cache`` or a dictionary.
#: The built-in datasets stay loaded: the tests that read scheme files
#: run the same code.
_CACHES = (
    ("kttt.rating._scheme", "converter"),
    ("kttt.serialization", "_shared_converter"),
    ("kttt.serialization", "_make_flat_converter"),
    ("kttt.rating._plan", "_PLANS"),
    ("kttt.rating._points", "_LAYOUTS"),
    ("kttt.rating._points", "_HUNDREDTHS"),
    ("kttt.rating._rows", "_CELL_HUNDREDTHS"),
)


def _clear_caches() -> None:
    for module, name in _CACHES:
        found = sys.modules.get(module)
        if found is not None:
            cache = getattr(found, name)
            clear = getattr(cache, "cache_clear", None) or cache.clear
            clear()


if "MUTANT_UNDER_TEST" in os.environ:  # mutmut is running the tests

    @pytest.fixture(autouse=True)
    def _cold_caches() -> None:
        _clear_caches()
