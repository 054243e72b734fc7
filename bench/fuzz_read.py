"""The long fuzz campaign: random reports printed by gongkai's HTML writer, damaged in each
hostile way (tests/fuzz/damaged_reports.py), read back. Prints, per damage and format, how many
files had a wrong cell (must be 0) and how many cells were read on average.

    .venv/bin/python bench/fuzz_read.py [--reports 200] [DAMAGE...]

Numbers, not a pass/fail test (the suite runs the same campaign short).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))

from damaged_reports import HOW  # noqa: E402
from test_damaged_reports_fuzz import wrong_cells  # noqa: E402

from gongkai.report.formats import FORMAT_2019, FORMAT_2021  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("damage", nargs="*", help=f"损坏方式（默认全部）：{'、'.join(HOW)}")
    ap.add_argument("--reports", type=int, default=200)
    a = ap.parse_args()
    unknown = [d for d in a.damage if d not in HOW]
    if unknown:
        print(f"未知的损坏方式：{'、'.join(unknown)}", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="gongkai-fuzz-"))
    failed = 0
    for fmt in (FORMAT_2021, FORMAT_2019):
        for how in a.damage or HOW:
            bad, read = 0, []
            for seed in range(a.reports):
                wrong, n = wrong_cells(seed, how, folder, fmt)
                read.append(n)
                if wrong:
                    bad += 1
                    print(f"  {fmt.version} {how} seed {seed}: {wrong[0]}")
            failed += bad
            cells = len(fmt.cell_keys())
            print(
                f"{fmt.version} {how:20} files with a wrong cell {bad}/{a.reports}, "
                f"cells read {sum(read) / len(read):.0f}/{cells} on average"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
