"""The scan fuzz campaign: random reports printed by gongkai's HTML writer (headless Chromium,
as the office exports them), scanned at 200 dpi out of focus, with the last digit of a few
random value cells erased (dust, a fold), read back by OCR. Prints, per report, the cells
wrong (must be 0), unreadable and read, and the erased cells' outcome.

    .venv/bin/python bench/fuzz_scans.py [--reports 5] [--erase 3]

Numbers, not a pass/fail test (tests/report/read/test_ocr_damaged_scans.py runs one report).
OCR is CPU-heavy: a report is 3-4 pages, 10-30 s.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

from scanned_report import balanced_report, damaged_scan  # noqa: E402

from gongkai.report.model import State  # noqa: E402
from gongkai.report.read.ocr import read_images  # noqa: E402
from gongkai.report.read.place import place  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--reports", type=int, default=5)
    ap.add_argument("--erase", type=int, default=3, help="每份报告擦去末位数字的单元格数")
    a = ap.parse_args()
    failed = 0
    for seed in range(a.reports):
        written = balanced_report(seed)
        numbers = sorted(
            k for k, c in written.cells.items() if isinstance(c.value, int) and c.value >= 10
        )
        erase = random.Random(seed).sample(numbers, min(a.erase, len(numbers)))
        with tempfile.TemporaryDirectory(prefix="gongkai-scan-fuzz-") as tmp:
            read = place(read_images(damaged_scan(written, Path(tmp), erase)))
        wrong = [
            f"{k}: 读为 {c.raw}，应为 {written.value(k)}"
            for k, c in read.cells.items()
            if k in written.cells and c.state is State.NUMBER and c.value != written.value(k)
        ]
        unread = sum(not read.cell(k).known for k in written.cells)
        caught = sum(read.cell(k).state is State.UNREADABLE for k in erase)
        failed += bool(wrong)
        print(
            f"seed {seed}: wrong {len(wrong)}, unreadable {unread}/{len(written.cells)}, "
            f"erased digits caught {caught}/{len(erase)}"
        )
        for w in wrong:
            print("  WRONG", w)
    print(f"reports with a wrong cell: {failed}/{a.reports}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
