"""
Development sessions: ``nox`` runs them all, ``nox -s tests`` one of them.

Every session runs on the interpreter nox itself runs on, so a fresh machine
with one Python needs nothing else (and ``CI=true`` has no interpreter to
miss).
"""

from __future__ import annotations

import pathlib

import nox


nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_external_run = True
nox.options.sessions = ["lint", "tests", "typing", "docs", "examples"]

ROOT = pathlib.Path(__file__).parent


def _install(session: nox.Session, *groups: str) -> None:
    """Install kttt itself (not editable: test what users get) and groups."""
    session.install(".")
    for group in groups:
        session.install("--group", group)


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff (lint and formatting) and the import layers of the package."""
    _install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("lint-imports")


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite under coverage, with a branch coverage report."""
    _install(session, "tests")
    session.run("coverage", "erase")
    session.run(
        "coverage",
        "run",
        "-m",
        "pytest",
        "-n",
        "2",
        *session.posargs,
    )
    session.run("coverage", "combine", "--quiet")
    session.run("coverage", "report")


@nox.session
def fuzz(session: nox.Session) -> None:
    """The long fuzz profile: over 500,000 hostile inputs, counted.

    Every parser, loader and constructor of the lower rooms gets random
    and mutated input (``tests/test_fuzz.py``), and so do the command line
    and the rating, progress, scenario, programme-sheet and history entry
    points (``tests/test_fuzz_entry.py``); anything but a KtttError (or,
    for the command line, an exit status other than 0, 1 or 2, or a
    traceback) fails. It takes a while, so it is not one of the default
    sessions.
    """
    _install(session, "tests")
    session.run(
        "pytest",
        "-q",
        "-n",
        "2",
        "tests/test_fuzz.py",
        "tests/test_fuzz_entry.py",
        *session.posargs,
        env={"KTTT_FUZZ": "long"},
    )


@nox.session
def snapshots(session: nox.Session) -> None:
    """Write the golden snapshots of the built-in datasets anew.

    Run it after a deliberate change to a data file, then review the diff
    of ``tests/snapshots/``.
    """
    _install(session, "tests")
    session.run(
        "pytest",
        "-q",
        "tests/test_snapshots.py",
        env={"KTTT_UPDATE_SNAPSHOTS": "1"},
    )


@nox.session
def typing(session: nox.Session) -> None:
    """mypy --strict and pyright on the package and the typing API file."""
    _install(session, "typing")
    session.run("mypy", "src", "tests/typing", "noxfile.py")
    session.run("pyright", "src", "tests/typing")


@nox.session
def docs(session: nox.Session) -> None:
    """Sphinx HTML (nitpicky, warnings are errors) and the doctests."""
    _install(session, "docs")
    for builder in ("html", "doctest"):
        session.run(
            "python",
            "-Im",
            "sphinx",
            "-T",
            "-E",
            "-W",
            "--keep-going",
            "-n",
            "-b",
            builder,
            "-d",
            "docs/_build/doctrees",
            "docs",
            f"docs/_build/{builder}",
        )
    session.run("python", "docs/check_api.py", "docs/_build/html")


@nox.session
def examples(session: nox.Session) -> None:
    """Run every script in examples/ (warnings are errors) and the benches.

    Charts draw with matplotlib's Agg backend (no display); the README's
    chart is drawn into a temporary file. Each bench prints its ratio
    against its baseline, run in the same process or as a whole command;
    none of them asserts a time.
    """
    _install(session, "tests", "bench")
    agg = {"MPLBACKEND": "Agg"}
    for script in sorted((ROOT / "examples").glob("*.py")):
        session.run("python", "-W", "error", str(script), env=agg)
    chart = pathlib.Path(session.create_tmp()) / "readme-fan-chart.png"
    session.run("python", "docs/readme_chart.py", str(chart), env=agg)
    for bench in (
        "bench/bench_rating.py",
        "bench/bench_progress.py",
        "bench/bench_scenarios.py",
        "bench/bench_loading.py",
        "bench/bench_rate_cli.py",
        "bench/bench_import.py",
    ):
        session.run("python", bench)


@nox.session
def mutation(session: nox.Session) -> None:
    """Mutation testing of kttt.rating and kttt.progress (not run by default).

    Prints the score of each package and fails under 90 %. Every mutant by
    default (hours); ``nox -s mutation -- --sample 500 --seed 1`` tests a
    reproducible sample of 500 mutants of each package instead. The other
    options are those of ``python bench/mutation.py --help``.
    """
    _install(session, "mutation")
    session.run(
        "python", "bench/mutation.py", "--fail-under", "90", *session.posargs
    )
