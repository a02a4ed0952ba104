"""
Benchmark: the whole ``kttt rate`` command against a hand-written script.

Run ``python bench/bench_rate_cli.py [--rows N] [--repeat R]``.

The script writes a CSV of *N* score sheets of cooperatives (TT 01/2020:
fifteen criteria, points written the Vietnamese way, ``"4,5"``; one row
in a thousand has a criterion above its maximum), then runs, as separate
processes, alternating, *R* times each:

- ``python -m kttt rate SHEETS.csv``, and
- a hand-written script that does the same for this CSV: reads the rows,
  the Vietnamese numbers, kinds, sectors and provinces, checks each
  criterion's maximum and group III's 40 points, adds up the groups,
  finds the band and writes the same result columns (explanations
  included) with the same error lines.

It checks that both write byte-identical output (and the same error
lines), and prints the best CPU time of each (the child processes' user +
system time, start-up included) and their ratio.
The issue's goal is a ratio within 2 at 100,000 rows (``--rows 100000``);
the default of 5,000 keeps it quick enough for CI.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile

from collections.abc import Sequence
from pathlib import Path


#: The 15 criteria of TT 01/2020 with their maxima (group III: unknown
#: maxima, 40 points in all; the rows give each at most 6.5).
MAXIMA = (7, 6, 11, 6, 8, 6, 6, 6, 4, 6.5, 6.5, 6.5, 6.5, 6.5, 6.5)
SECTORS = {
    "công nghiệp - tiểu thủ công nghiệp": "industry_handicraft",
    "xây dựng": "construction",
    "vận tải": "transport",
    "thương mại - dịch vụ": "trade_services",
    "môi trường": "environment",
    "khác": "other",
}
PROVINCES = {
    "Hà Nội": "01",
    "Cao Bằng": "04",
    "Tuyên Quang": "08",
    "Điện Biên": "11",
    "Lai Châu": "12",
    "Sơn La": "14",
    "Lào Cai": "15",
    "Thái Nguyên": "19",
}


def _cell(value: int) -> str:
    """Write hundredths the Vietnamese way: 450 is "4,5", 400 is "4"."""
    whole, cents = divmod(value, 100)
    if not cents:
        return str(whole)
    return f"{whole},{cents:02d}".rstrip("0")


def write_sheets(path: Path, rows: int, seed: int = 2045) -> None:
    """Write *rows* score sheets of cooperatives rated for 2025."""
    rng = random.Random(seed)
    codes = [f"TC{c}" for c in range(1, 16)]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(
            "organization,kind,sector,year,province,"
            + ",".join(f"points.{code}" for code in codes)
            + "\n"
        )
        for i in range(1, rows + 1):
            points = [rng.randint(0, int(100 * most)) for most in MAXIMA]
            if i % 1000 == 0:
                points[0] = 750  # above the maximum of TC1
            cells = [
                f"HTX số {i}",
                "hợp tác xã",
                rng.choice(list(SECTORS)),
                "2025",
                rng.choice(list(PROVINCES)),
                *(_cell(p) for p in points),
            ]
            out.write(",".join(f'"{c}"' if "," in c else c for c in cells))
            out.write("\n")


#: The hand-written script: what a careful analyst would write for this
#: CSV without kttt (it knows only this CSV's kinds, sectors and
#: provinces, and TT 01/2020's maxima and bands).
HAND_SCRIPT = r"""
import csv
import sys

from decimal import Decimal

SECTORS = %(sectors)r
PROVINCES = %(provinces)r
MAXIMA = {"TC1": 7, "TC2": 6, "TC3": 11, "TC4": 6, "TC5": 8, "TC6": 6,
          "TC7": 6, "TC8": 6, "TC9": 4}
NAMES = {"TC1": "Capital of the cooperative",
         "TC2": "Assets of the cooperative",
         "TC3": "Business results of the year", "TC4": "Allocations to funds",
         "TC5": "Compliance with the law in organisation and operation",
         "TC6": "Settlement of disputes and complaints",
         "TC7": "Qualifications of managers",
         "TC8": "Benefits and policies for members and workers",
         "TC9": "Use of technical progress, brand building and value chains"}
GROUPS = (("I", ("TC1", "TC2", "TC3", "TC4")),
          ("II", ("TC5", "TC6", "TC7", "TC8", "TC9")),
          ("III", ("TC10", "TC11", "TC12", "TC13", "TC14", "TC15")))
COLUMNS = ("organization", "year", "kind", "sector", "province", "scheme",
           "rating", "rating_vi", "grade", "total", "subtotals", "provisional",
           "decided_by", "explanation_vi", "explanation_en")
BANDS = ((80, "good", "tốt", "good", "80 ≤ tổng điểm ≤ 100",
          "80 ≤ total ≤ 100"),
         (65, "fair", "khá", "fair", "65 ≤ tổng điểm < 80", "65 ≤ total < 80"),
         (50, "average", "trung bình", "average", "50 ≤ tổng điểm < 65",
          "50 ≤ total < 65"),
         (0, "weak", "yếu", "weak", "tổng điểm < 50", "total < 50"))
DOC = "01/2020/TT-BKHĐT"


FORMULA = ("=", "+", "-", "@", "\t", "\r")


def safe(cell):
    return "'" + cell if cell.startswith(FORMULA) else cell


def number(cell):
    return Decimal(cell.replace(".", "").replace(",", "."))


def text(value):
    return format(value.normalize(), "f")


def main(path):
    sys.stdout.write("\ufeff")
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(COLUMNS)
    bad = 0
    with open(path, encoding="utf-8", newline="") as sheets:
        reader = csv.reader(sheets)
        header = next(reader)
        at = {name: i for i, name in enumerate(header)}
        for n, row in enumerate(reader, start=1):
            points = {c: number(row[at["points." + c]])
                      for _, codes in GROUPS for c in codes}
            error = None
            for code, most in MAXIMA.items():
                if points[code] > most:
                    error = (f", column 'points.{code}': points.{code}="
                             f"{points[code]!r}: above the maximum of "
                             f"{most} points for {code} ({NAMES[code]}) in "
                             "TT-01-2020")
                    break
            sums = [(g, sum(points[c] for c in codes)) for g, codes in GROUPS]
            if error is None and sums[2][1] > 40:
                error = (f": points.III={sums[2][1].normalize()!r}: the "
                         "points of III add up to more than its maximum 40")
            if error is not None:
                bad += 1
                sys.stderr.write(f"kttt: error: {path}, row {n}{error}\n")
                continue
            total = sums[0][1] + sums[1][1] + sums[2][1]
            shown = text(total)
            for low, code, vi, en, rule_vi, rule_en in BANDS:
                if total >= low:
                    break
            writer.writerow(safe(cell) for cell in (
                row[at["organization"]], row[at["year"]], "cooperative",
                SECTORS[row[at["sector"]]], PROVINCES[row[at["province"]]],
                "TT-01-2020", code, vi, "", shown,
                "; ".join(f"{g}={text(s)}" for g, s in sums), "false", "band",
                f"Tổng điểm {shown.replace('.', ',')}/100 theo {DOC}: "
                f"{vi} ({rule_vi}).",
                f"Total {shown} of 100 under {DOC}: {en} ({rule_en}).",
            ))
    return 1 if bad else 0


sys.exit(main(sys.argv[1]))
"""


def _cpu() -> float:
    times = os.times()
    return times.children_user + times.children_system


def run(command: Sequence[str]) -> tuple[float, bytes, bytes]:
    """Run *command*; return its CPU time, its output and its errors."""
    start = _cpu()
    # Our own interpreter, on files this script wrote.
    done = subprocess.run(command, capture_output=True, check=False)  # noqa: S603
    if done.returncode not in {0, 1}:
        sys.stderr.write(done.stderr.decode())
        raise SystemExit(f"{command[:3]} failed")
    return _cpu() - start, done.stdout, done.stderr


def main(argv: Sequence[str] | None = None) -> float:
    """Run the benchmark, print the timings and return the ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=5_000, help="rows")
    parser.add_argument("--repeat", type=int, default=3, help="runs each")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        sheets = Path(folder) / "sheets.csv"
        write_sheets(sheets, args.rows)
        script = Path(folder) / "rate_by_hand.py"
        script.write_text(
            HAND_SCRIPT % {"sectors": SECTORS, "provinces": PROVINCES},
            encoding="utf-8",
        )
        commands = (
            [
                sys.executable,
                "-m",
                "kttt",
                "rate",
                str(sheets),
                "--lang",
                "en",
            ],
            [sys.executable, str(script), str(sheets)],
        )
        best = [float("inf"), float("inf")]
        outputs: list[tuple[bytes, bytes]] = []
        for _ in range(args.repeat):
            for i, command in enumerate(commands):
                seconds, out, err = run(command)
                best[i] = min(best[i], seconds)
                outputs.append((out, err))
        (kttt_out, kttt_err), (hand_out, hand_err) = outputs[:2]
        if kttt_out != hand_out or kttt_err != hand_err:
            raise SystemExit("kttt rate and the hand-written script differ")
    kttt, hand = best
    print(
        f"rows: {args.rows:,} ({len(kttt_err.splitlines())} bad), "
        f"output {len(kttt_out):,} bytes, identical"
    )
    print(f"kttt rate:            {kttt:.2f} s CPU (best of {args.repeat})")
    print(f"hand-written script:  {hand:.2f} s CPU")
    print(f"ratio: {kttt / hand:.2f}x (goal: within 2x)")
    return kttt / hand


if __name__ == "__main__":
    main()
