"""Whole-process time of `gongkai parse FILE --to cells`, as a user runs it: interpreter start,
imports, reading, placement and output (issue #9 targets: the seed text report < 60 ms, the
6-page dev PDF 01_huaian_2024.pdf < 120 ms median).

    .venv/bin/python bench/parse_process.py [--repeat 15] [FILES...]

Each file is parsed `--repeat` times in a fresh process after one warm-up run (so .pyc files
exist and the file is in the page cache); prints the median and the fastest wall-clock run,
and the median CPU time of the process (user + system, from its rusage). The machine is
shared: the load average is printed beside the figures, and on a loaded machine the CPU time
and the fastest run say more than the median. The runs may write .pyc files (an installed
package has them: pip compiles at install), whatever PYTHONDONTWRITEBYTECODE says here.
Numbers, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
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
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    files = a.files or [DEV / name for name in TARGETS]
    missing = [f for f in files if not f.exists()]
    if missing:
        print(f"找不到文件：{', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    for f in files:
        cmd = [str(GONGKAI), "parse", str(f), "--to", "cells"]
        subprocess.run(cmd, check=True, capture_output=True)  # warm-up; shows a failure
        runs, cpu = [], []
        load = os.getloadavg()[0]
        for _ in range(a.repeat):
            wall, used = run(cmd)
            runs.append(wall)
            cpu.append(used)
        target = TARGETS.get(f.name)
        print(
            f"{f.name:28} median {statistics.median(runs) * 1000:6.1f} ms, "
            f"fastest {min(runs) * 1000:6.1f} ms, CPU {statistics.median(cpu) * 1000:6.1f} ms "
            f"({a.repeat} runs, load {load:.1f})" + (f"  target < {target} ms" if target else "")
        )
    return 0


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run of `cmd`; exits when it fails."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"{' '.join(cmd)} 失败（退出码 {proc.returncode}）")
    return wall, usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    sys.exit(main())
