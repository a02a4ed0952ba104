"""
Mutation testing of ``kttt.rating`` and ``kttt.progress`` with mutmut.

``nox -s mutation`` runs it; by hand, from the project's root:

    python bench/mutation.py                       # every mutant
    python bench/mutation.py --sample 500 --seed 1 # 500 of each package

mutmut (configured under ``[tool.mutmut]`` in ``pyproject.toml``) writes
the mutants into ``mutants/``, learns from one run of the suite which
tests reach which function, and runs those tests against each mutant.
This script removes ``mutants/`` first (unless ``--reuse``), so that the
score is measured afresh, with the tests as they are now; it then runs
every mutant of the two packages, or a reproducible random sample of each
(the same seed and the same code give the same mutants), and prints the
score of each package: killed / (killed + survived), a timeout counting
as killed. Mutants no test reaches, and those mutmut skipped or found
suspicious, are listed and left out of the score.
The surviving mutants are listed by function, and written one a line to
``mutants/survivors.txt``; ``mutmut show NAME`` shows one of them.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import io
import json
import os
import pathlib
import random
import shutil
import subprocess
import sys
import time


ROOT = pathlib.Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
PACKAGES = ("rating", "progress")

#: mutmut's exit codes of a mutant's test run, by what they mean (from
#: ``mutmut.stats.status_by_exit_code``; any other code is suspicious).
STATUS = {
    None: "not checked",
    0: "survived",
    1: "killed",
    3: "killed",
    2: "interrupted",
    5: "no tests",
    33: "no tests",
    34: "skipped",
    35: "suspicious",
    36: "timeout",
    37: "type check",
    24: "timeout",
    -24: "timeout",
    152: "timeout",
    255: "timeout",
    -9: "killed by signal",
    -11: "killed by signal",
}
#: What counts as detected: the tests failed, ran out of time, or crashed.
DETECTED = ("killed", "timeout", "killed by signal")
#: What is left out of the score, and listed.
OUTSIDE = ("no tests", "skipped", "suspicious", "type check", "interrupted")


def main() -> int:
    """Run mutmut and print the score of each package."""
    options = _parser().parse_args()
    os.chdir(ROOT)
    if not options.reuse and MUTANTS.exists():
        shutil.rmtree(MUTANTS)
    started = time.monotonic()
    _generate()
    names = _mutant_names()
    chosen = _choose(names, options.sample, options.seed)
    total = sum(len(found) for found in chosen.values())
    what = "every mutant" if options.sample is None else "a sample"
    print(
        f"mutmut: {total} mutants ({what}: "
        + ", ".join(
            f"{package} {len(chosen[package])} of {len(names[package])}"
            for package in PACKAGES
        )
        + (f"; seed {options.seed}" if options.sample is not None else "")
        + ")",
        flush=True,
    )
    arguments = (
        [f"kttt.{package}.*" for package in PACKAGES]
        if options.sample is None
        else sorted(name for found in chosen.values() for name in found)
    )
    log = MUTANTS / "mutmut-run.log"
    print(f"mutmut's own output goes to {log.relative_to(ROOT)}", flush=True)
    command = ["mutmut", "run"]
    if options.max_children is not None:
        command += ["--max-children", str(options.max_children)]
    with log.open("w", encoding="utf-8") as out:
        code = subprocess.call(  # noqa: S603 (our own arguments)
            [*command, *arguments], stdout=out, stderr=subprocess.STDOUT
        )
    if code != 0:
        print(log.read_text(encoding="utf-8")[-3000:])
        print(f"mutmut failed with exit code {code}")
        return code
    minutes = (time.monotonic() - started) / 60
    print(f"done in {minutes:.1f} min", flush=True)
    return _report(chosen, _verdicts(), options.fail_under)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument(
        "--sample",
        type=int,
        metavar="N",
        help="run N random mutants of each package (default: every mutant)",
    )
    parser.add_argument(
        "--seed", type=int, default=1, help="the sample's seed (default 1)"
    )
    parser.add_argument(
        "--max-children",
        type=int,
        metavar="N",
        help="mutants tested at once (default: mutmut's, the CPU count)",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep mutants/ from the last run (its test map may be stale)",
    )
    parser.add_argument(
        "--fail-under",
        type=float,
        default=0.0,
        metavar="PERCENT",
        help="exit 1 if a package scores below PERCENT",
    )
    return parser


def _generate() -> None:
    """Write the mutants into ``mutants/``, as ``mutmut run`` first does.

    mutmut has no command that only generates them; its own steps are
    called (mutmut is pinned in the ``mutation`` dependency group).
    """
    # Imported here: mutmut is in the "mutation" group only.
    from mutmut.__main__ import create_mutants  # noqa: PLC0415
    from mutmut.utils.file_utils import (  # noqa: PLC0415
        copy_also_copy_files,
        copy_src_dir,
    )

    MUTANTS.mkdir(exist_ok=True)
    with contextlib.redirect_stdout(io.StringIO()):  # a line per file
        copy_src_dir()
        copy_also_copy_files()
        create_mutants(os.cpu_count() or 1)


def _metas() -> list[pathlib.Path]:
    return sorted(
        path
        for package in PACKAGES
        for path in (MUTANTS / "src" / "kttt" / package).glob("*.py.meta")
    )


def _mutant_names() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {package: [] for package in PACKAGES}
    for name in _verdicts():
        names[_package_of(name)].append(name)
    return {package: sorted(found) for package, found in names.items()}


def _verdicts() -> dict[str, int | None]:
    verdicts: dict[str, int | None] = {}
    for meta in _metas():
        data = json.loads(meta.read_text(encoding="utf-8"))
        verdicts.update(data["exit_code_by_key"])
    return verdicts


def _package_of(name: str) -> str:
    return name.split(".")[1]


def _choose(
    names: dict[str, list[str]], sample: int | None, seed: int
) -> dict[str, list[str]]:
    if sample is None:
        return names
    return {
        package: sorted(
            random.Random(f"{seed}:{package}").sample(
                found, min(sample, len(found))
            )
        )
        for package, found in names.items()
    }


def _function_of(name: str) -> str:
    """Return the function a mutant belongs to (``_plan.SchemePlan.score``)."""
    module, _, mangled = name.rpartition(".")
    function = mangled.rpartition("__mutmut_")[0]
    function = function.removeprefix("x_").replace("xǁ", "").replace("ǁ", ".")
    return f"{module.removeprefix('kttt.')}.{function}"


def _report(
    chosen: dict[str, list[str]],
    verdicts: dict[str, int | None],
    fail_under: float,
) -> int:
    header = (
        f"{'package':<10}{'mutants':>8}{'killed':>8}{'timeout':>8}"
        f"{'survived':>9}{'no tests':>9}{'other':>6}{'score':>9}"
    )
    print()
    print(header)
    print("-" * len(header))
    failed = False
    survivors: list[str] = []
    outside: list[tuple[str, str]] = []
    for package in PACKAGES:
        counts: collections.Counter[str] = collections.Counter()
        for name in chosen[package]:
            status = STATUS.get(verdicts.get(name), "suspicious")
            counts[status] += 1
            if status == "survived":
                survivors.append(name)
            elif status not in DETECTED:
                outside.append((status, name))
        detected = sum(counts[status] for status in DETECTED)
        scored = detected + counts["survived"]
        score = 100 * detected / scored if scored else 100.0
        failed = failed or score < fail_under
        other = len(chosen[package]) - scored - counts["no tests"]
        print(
            f"{package:<10}{len(chosen[package]):>8}"
            f"{counts['killed'] + counts['killed by signal']:>8}"
            f"{counts['timeout']:>8}{counts['survived']:>9}"
            f"{counts['no tests']:>9}{other:>6}{score:>8.1f}%"
        )
    print()
    print("score = (killed + timeout) / (killed + timeout + survived)")
    if outside:
        print()
        print("Left out of the score:")
        for status, name in sorted(outside):
            print(f"  {status}: {name}")
    (MUTANTS / "survivors.txt").write_text(
        "".join(f"{name}\n" for name in sorted(survivors)), encoding="utf-8"
    )
    if survivors:
        print()
        print(
            f"Surviving mutants by function ({len(survivors)}, listed in "
            "mutants/survivors.txt; see one with `mutmut show NAME`):"
        )
        by_function = collections.Counter(map(_function_of, survivors))
        for function, count in sorted(by_function.items()):
            print(f"  {count:>3}  {function}")
    if failed:
        print()
        print(f"A package scores below {fail_under:g} %.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
