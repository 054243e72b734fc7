"""Median parse + check time per text report (issue 2 target: under 5 ms).

    .venv/bin/python bench/speed.py [--repeat 200] [FILES...]

Reads each text report of the dev corpus `--repeat` times in-process (the file is read
from disk each time, as the command does) and prints the median, p95 and the per-file figures.
Numbers, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gongkai.report.checks import iter_findings
from gongkai.report.read import read_path
from tests.corpus import DEV


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=200)
    a = ap.parse_args()
    files = a.files or sorted(DEV.glob("*.txt"))
    if not files:
        print(f"no text reports given and none under {DEV}", file=sys.stderr)
        return 2
    times: list[float] = []
    for f in files:
        read_path(f)  # warm-up: imports, regex compilation
        own = []
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            report = read_path(f)
            findings = list(iter_findings(report))
            own.append(time.perf_counter() - t0)
        times += own
        print(
            f"{f.name:32} median {statistics.median(own) * 1000:6.2f} ms  "
            f"({len(findings)} findings, {a.repeat} runs)"
        )
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(
        f"parse+check per text report: median {statistics.median(times) * 1000:.2f} ms, "
        f"p95 {p95 * 1000:.2f} ms over {len(times)} runs (target < 5 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
