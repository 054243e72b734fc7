"""`gongkai check` of 10,000 text reports: the local process pool against a local Dask cluster.

    .venv/bin/python bench/check_engines.py [--n 10000] [--jobs 2] [--rounds 2] [--cache DIR]

Writes N text reports (Markdown, by gongkai's own writer, from reports whose values are set
here; three years per agency so that years pair) once into a cache directory outside the
repository (default ~/.cache/gongkai/check_engines-N; kept for the next run), then runs the
command as a user would, alternating, `--rounds` times each:

    gongkai check DIR --jobs 2 --summary local.csv
    gongkai check DIR --jobs 2 --engine dask --summary dask.csv   (starts and stops a 2-worker
                                                                  local cluster; files sent as bytes)

Prints reports per second for each (best wall time of the rounds, and the CPU seconds of the
command and all its processes, which a busy machine disturbs less), the peak resident memory
of the command's own process (the parent that pairs the years: its workers' apart) and its own
CPU seconds, whether the two summaries are identical, the cluster's start-up and shut-down timed alone, and the Dask overhead with
the start-up included and without it (target under 20%), with the load average beside each
figure. Numbers, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gongkai.report.formats import FORMAT_2021
from gongkai.report.model import Cell, Report, TextPart
from gongkai.report.write import write
from gongkai.supervision.engines import PRELOAD

DONE = "complete"  # written last: a cache cut short is written again
#: the `gongkai` console script, run by `python -c` so that the process reports its own peak
#: resident memory and CPU as it ends (RUSAGE_SELF: the parent alone, not its workers)
MEASURED = (
    "import resource, sys\n"
    "from gongkai.cli import console\n"
    "sys.argv[0] = 'gongkai'\n"
    "try:\n"
    "    code = console()\n"
    "finally:\n"
    "    u = resource.getrusage(resource.RUSAGE_SELF)\n"
    "    print(f'\\nparent {u.ru_maxrss} KiB {u.ru_utime + u.ru_stime:.2f} s', file=sys.stderr)\n"
    "sys.exit(code)\n"
)
_PARENT = re.compile(r"parent (\d+) KiB ([\d.]+) s\s*$")


def _report(i: int, rng: random.Random) -> Report:
    report = Report(format=FORMAT_2021, agency=f"基准县第{i // 3:04d}局", year=2022 + i % 3)
    for part in FORMAT_2021.parts:
        report.parts[part.number] = TextPart(
            part.number, part.title, f"第{i}份报告{part.title}的说明。"
        )
    for key in FORMAT_2021.cell_keys():
        report.set(Cell.read(key, str(rng.randrange(5)), decimal=FORMAT_2021.specs[key][2].decimal))
    return report


def cached(n: int, cache: Path) -> Path:
    """The folder of `n` reports, written once."""
    marker = cache / DONE
    if marker.exists() and marker.read_text().strip() == str(n):
        return cache
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    rng = random.Random(1)
    t = time.perf_counter()
    for i in range(n):
        (cache / f"r{i:05d}.md").write_bytes(write(_report(i, rng), "md"))
    (cache / DONE).write_text(str(n))
    print(f"wrote {n} reports to {cache} in {time.perf_counter() - t:.0f} s")
    return cache


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


class Run:
    """One `gongkai check`: wall and CPU seconds (the command and every process it started),
    and the parent's own peak resident memory (MiB) and CPU seconds."""

    def __init__(self, wall: float, cpu: float, parent_mib: float, parent_cpu: float):
        self.wall, self.cpu, self.parent_mib, self.parent_cpu = wall, cpu, parent_mib, parent_cpu


def run(folder: Path, jobs: int, engine: str, summary: Path) -> Run:
    cmd = [sys.executable, "-c", MEASURED, "check", str(folder), "--jobs", str(jobs)]
    cmd += ["--summary", str(summary)]
    if engine == "dask":
        cmd += ["--engine", "dask"]
    cpu, t = _children_cpu(), time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    if done.returncode not in (0, 1):  # 1: some report has an ERROR, as generated reports may
        sys.exit(
            f"gongkai check --engine {engine} failed ({done.returncode}): {done.stderr[-500:]}"
        )
    parent = _PARENT.search(done.stderr)
    if parent is None:
        sys.exit(f"gongkai check --engine {engine} did not report its memory: {done.stderr[-500:]}")
    return Run(wall, _children_cpu() - cpu, int(parent[1]) / 1024, float(parent[2]))


def cluster_start_stop(jobs: int) -> tuple[float, float]:
    """The local cluster `--engine dask` starts, timed alone: (start-up, shut-down) seconds."""
    from distributed import Client, LocalCluster

    t = time.perf_counter()
    cluster = LocalCluster(
        n_workers=jobs,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=":0",
        silence_logs=logging.CRITICAL,
        preload=list(PRELOAD),
    )
    client = Client(cluster)
    start = time.perf_counter() - t
    t = time.perf_counter()
    client.close()
    cluster.close()
    return start, time.perf_counter() - t


def _load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--cache", type=Path, default=None)
    a = ap.parse_args()
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = cached(a.n, a.cache or home / "gongkai" / f"check_engines-{a.n}")
    n = a.n
    times: dict[str, list[Run]] = {"local": [], "dask": []}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(a.rounds):
            for engine in ("local", "dask") if r % 2 == 0 else ("dask", "local"):
                done = run(folder, a.jobs, engine, Path(tmp) / f"{engine}.csv")
                times[engine].append(done)
                print(
                    f"  round {r + 1} {engine}: {done.wall:.1f} s wall, {done.cpu:.1f} s CPU, "
                    f"parent {done.parent_mib:.0f} MiB peak RSS and {done.parent_cpu:.1f} s CPU "
                    f"({_load()})"
                )
        same = (Path(tmp) / "local.csv").read_bytes() == (Path(tmp) / "dask.csv").read_bytes()
    start, stop = cluster_start_stop(a.jobs)
    # the best of the rounds, wall and CPU each: what the machine's other load left alone
    (lw, lc), (dw, dc) = (
        (min(d.wall for d in times[e]), min(d.cpu for d in times[e])) for e in times
    )
    for engine, label in (
        ("local", f"local --jobs {a.jobs}: {n} reports,"),
        ("dask", f"dask {a.jobs} local workers (start-up included):"),
    ):
        best = min(d.wall for d in times[engine])
        least = min(d.cpu for d in times[engine])
        peak = max(d.parent_mib for d in times[engine])
        print(
            f"{label} {n / best:.0f} reports/s wall, {n / least:.0f} per CPU-s; "
            f"parent peak RSS {peak:.0f} MiB"
        )
    print(f"the two summaries are {'identical' if same else 'DIFFERENT'}")
    print(f"Dask cluster alone: start-up {start:.1f} s, shut-down {stop:.1f} s ({_load()})")
    print(
        f"Dask overhead (target under 20%): wall {dw / lw - 1:+.0%} with start-up and shut-down, "
        f"{(dw - start - stop) / lw - 1:+.0%} without; CPU {dc / lc - 1:+.0%}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
