"""The OCR slip campaign: random reports that keep every sum (gongkai's fuzz writer), all cells
taken as read by OCR, N slips of OCR (a digit dropped, a digit added, two neighbouring digits
swapped) applied to random cells in the table's sums, then the sums check (ocr_arithmetic.py)
run as placement runs it. Prints, per slip count, the reports that kept a wrong cell (must be
0), the slipped cells caught, and the true cells lost. In memory, no images: seconds.

    .venv/bin/python bench/fuzz_ocr_slips.py [--reports 300] [--slips 3 5] [--seed 0] [--ink 0.85]

--ink gives that share of the cells not slipped, at random, ink that shows them whole
(ocr_ink.Ink.whole: what 85% of a printed and scanned centred table's cells show); a slipped
cell's ink never does. Without it no cell has ink evidence, as from a table set left.

tests/report/read/test_ocr_slips.py runs a few of these reports in the suite.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

from scanned_report import slipped_report, wrong_cells  # noqa: E402

from gongkai.report.model import State  # noqa: E402
from gongkai.report.read.ocr_arithmetic import distrust_misread  # noqa: E402


def campaign(reports: int, slips: int, first_seed: int = 0, ink: float = 0.0) -> dict:
    """The campaign's counts, and the wrong cells of each report that kept one."""
    out = {"wrong_reports": [], "slipped": 0, "caught": 0, "lost": 0, "cells": 0}
    for seed in range(first_seed, first_seed + reports):
        report, written, slipped = slipped_report(seed, slips, ink)
        distrust_misread(report)
        wrong = wrong_cells(report, written)
        if wrong:
            out["wrong_reports"].append((seed, wrong))
        out["slipped"] += len(slipped)
        out["caught"] += sum(report.cells[k].state is State.UNREADABLE for k in slipped)
        out["lost"] += sum(
            report.cells[k].state is State.UNREADABLE for k in written if k not in slipped
        )
        out["cells"] += len(written)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--reports", type=int, default=300, help="每种错读数的报告份数")
    ap.add_argument("--slips", type=int, nargs="+", default=[3, 5], help="每份报告的错读数")
    ap.add_argument("--seed", type=int, default=0, help="第一份报告的随机种子")
    ap.add_argument("--ink", type=float, default=0.0, help="未错读的格中墨迹显示完整的比例")
    a = ap.parse_args()
    if a.reports < 1 or any(n < 1 for n in a.slips):
        ap.error("报告份数与错读数须为正整数")
    if not 0 <= a.ink <= 1:
        ap.error("墨迹完整的比例须在 0 与 1 之间")
    failed = 0
    for n in a.slips:
        start = time.perf_counter()
        r = campaign(a.reports, n, a.seed, a.ink)
        took = time.perf_counter() - start
        failed += len(r["wrong_reports"])
        print(
            f"{n} slips, {a.reports} reports, ink whole in {a.ink:.0%} of the rest: "
            f"{len(r['wrong_reports'])} kept a wrong cell; "
            f"slipped cells caught {r['caught']}/{r['slipped']}; "
            f"true cells made unreadable {r['lost']}/{r['cells'] - r['slipped']}; {took:.1f} s"
        )
        for seed, wrong in r["wrong_reports"]:
            print(f"  seed {seed}: " + "; ".join(wrong))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
