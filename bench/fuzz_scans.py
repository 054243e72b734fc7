"""The scan fuzz campaign: random reports printed by gongkai's own writer (headless
Chromium, as the office exports them), a digit whitened away from N cells in the tables'
sums (dust, a fold: the first, the last or a middle digit), the pages scanned (200 dpi out
of focus, or with --scan 150 dpi askew) and read back by OCR. Prints the reports that kept
a wrong cell (must be 0), the damaged cells caught, the true cells made unreadable, and the
cells whose ink was found whole (never a damaged one: ocr_ink.Ink.whole).

    .venv/bin/python bench/fuzz_scans.py [--reports 12] [--damaged 3] [--seed 300] [--scan]
        [--tables t2 t3]

--tables t1 damages table 1 too, whose cells are in no sum: there only the ink can show
a lost digit. About 12 s a report on 2 cores; tests/report/read/test_ocr_damaged_scans.py
runs a few cases.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

from scanned_report import balanced_report, damaged_scan, wrong_cells  # noqa: E402

from gongkai.report.model import State  # noqa: E402
from gongkai.report.read.ocr import read_images  # noqa: E402
from gongkai.report.read.place import place  # noqa: E402

#: where a digit is lost, for a number of three digits or more (two: the ends only)
WHERE = ("first", "last", "middle")


def one(seed: int, damaged: int, scan: bool, tables: tuple[str, ...]) -> dict:
    """One report printed, damaged, scanned and read: its counts."""
    rng = random.Random(f"erased-{seed}")
    written = balanced_report(seed)
    summed = sorted(
        k
        for k, c in written.cells.items()
        if k.split(".")[0] in tables and isinstance(c.value, int) and c.value >= 10
    )
    rng.shuffle(summed)
    lost = {
        k: rng.choice(WHERE if written.value(k) >= 100 else WHERE[:2]) for k in summed[:damaged]
    }
    with tempfile.TemporaryDirectory() as tmp:
        read = place(read_images(damaged_scan(written, Path(tmp), lost, scan=scan)))
    values = {k: c.value for k, c in written.cells.items()}
    cells = [k for k in written.cells if k in read.cells]
    whole = {k for k in cells if read.cells[k].source and read.cells[k].source.ink_whole}
    return {
        "wrong": wrong_cells(read, values),
        "damaged": len(lost),
        "caught": sum(read.cells[k].state is not State.NUMBER for k in lost if k in read.cells),
        "lost": sum(read.cells[k].state is State.UNREADABLE for k in cells if k not in lost),
        "true": sum(k not in lost for k in cells),
        "whole": len(whole),
        "whole_damaged": len(whole & lost.keys()),
    }


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--reports", type=int, default=12, help="报告份数")
    ap.add_argument("--damaged", type=int, default=3, help="每份报告缺损数字的格数")
    ap.add_argument("--seed", type=int, default=300, help="第一份报告的随机种子")
    ap.add_argument("--scan", action="store_true", help="按台式扫描仪的效果（150 dpi、歪斜）")
    ap.add_argument("--tables", nargs="+", default=["t2", "t3"], help="缺损数字所在的表")
    a = ap.parse_args()
    if a.reports < 1 or a.damaged < 1:
        ap.error("报告份数与缺损格数须为正整数")
    if not set(a.tables) <= {"t1", "t2", "t3"}:
        ap.error("表只能是 t1、t2、t3")
    total = {"damaged": 0, "caught": 0, "lost": 0, "true": 0, "whole": 0, "whole_damaged": 0}
    failed = []
    start = time.perf_counter()
    for seed in range(a.seed, a.seed + a.reports):
        r = one(seed, a.damaged, a.scan, tuple(a.tables))
        for k in total:
            total[k] += r[k]
        if r["wrong"]:
            failed.append(seed)
            print(f"  seed {seed}: " + "; ".join(r["wrong"]))
    took = time.perf_counter() - start
    print(
        f"{a.reports} reports, {a.damaged} damaged cells each in {'/'.join(a.tables)}"
        f" ({'150 dpi askew' if a.scan else '200 dpi'}): {len(failed)} kept a wrong cell; "
        f"damaged cells caught {total['caught']}/{total['damaged']}; true cells made unreadable "
        f"{total['lost']}/{total['true']}; ink whole in {total['whole']} cells, "
        f"{total['whole_damaged']} of them damaged; {took:.0f} s"
    )
    return 1 if failed or total["whole_damaged"] else 0


if __name__ == "__main__":
    sys.exit(main())
