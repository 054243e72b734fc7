"""Whole-process time of `gongkai parse FILE --to cells`, as a user runs it: interpreter start,
imports, reading, placement and output (issue #9 targets: the seed text report < 60 ms, the
6-page dev PDF 01_huaian_2024.pdf < 120 ms median).

    .venv/bin/python bench/parse_process.py [--repeat 15] [FILES...]

Each file is parsed `--repeat` times in a fresh process after one warm-up run (so .pyc files
exist and the file is in the page cache); prints the median and the fastest run.
Numbers, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
GONGKAI = Path(sys.executable).with_name("gongkai")
TARGETS = {"00_guantouzhen_2024.txt": 60, "01_huaian_2024.pdf": 120}


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=15)
    a = ap.parse_args()
    files = a.files or [DEV / name for name in TARGETS]
    missing = [f for f in files if not f.exists()]
    if missing:
        print(f"找不到文件：{', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    for f in files:
        cmd = [str(GONGKAI), "parse", str(f), "--to", "cells"]
        subprocess.run(cmd, check=True, capture_output=True)  # warm-up
        runs = []
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            runs.append(time.perf_counter() - t0)
        target = TARGETS.get(f.name)
        print(
            f"{f.name:28} median {statistics.median(runs) * 1000:6.1f} ms, "
            f"fastest {min(runs) * 1000:6.1f} ms ({a.repeat} runs)"
            + (f"  target < {target} ms" if target else "")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
