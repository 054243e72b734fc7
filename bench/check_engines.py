"""`gongkai check` of many text reports: the local process pool against a local Dask cluster.

    .venv/bin/python bench/check_engines.py [--n 10000] [--jobs 2]

Writes N text reports (Markdown, from reports whose values are set here) to a temporary
folder, then times the folder check (read, check, pair years, risk flags) with `--jobs 2` on
the process pool and on a Dask cluster of 2 local worker processes (which receive the files'
bytes), and prints reports per second for each and the Dask overhead (target under 20%).
Starting and closing the cluster is timed apart (a national evaluator's cluster is already
running) and the all-in figure printed beside it. Numbers, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import tempfile
import time
from pathlib import Path

from distributed import LocalCluster

from gongkai.report.formats import FORMAT_2021
from gongkai.report.model import Cell, Report, TextPart
from gongkai.report.write import write
from gongkai.supervision.engines import PRELOAD
from gongkai.supervision.folder import check_files


def _report(i: int, rng: random.Random) -> Report:
    report = Report(format=FORMAT_2021, agency=f"基准县第{i // 3:04d}局", year=2022 + i % 3)
    for part in FORMAT_2021.parts:
        report.parts[part.number] = TextPart(
            part.number, part.title, f"第{i}份报告{part.title}的说明。"
        )
    for key in FORMAT_2021.cell_keys():
        report.set(Cell.read(key, str(rng.randrange(5)), decimal=FORMAT_2021.specs[key][2].decimal))
    return report


def _figures(n: int, wall: float, results) -> str:
    unread = sum(1 for r in results if r.report is None)
    return f"{n} reports in {wall:.1f} s, {n / wall:.1f} reports/s ({unread} unread)"


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = []
        for i in range(a.n):
            path = folder / f"r{i:05d}.md"
            path.write_bytes(write(_report(i, rng), "md"))
            files.append(path)
        t = time.perf_counter()
        results = check_files(files, jobs=a.jobs)
        local = time.perf_counter() - t
        print(f"local --jobs {a.jobs}: {_figures(a.n, local, results)}")
        t = time.perf_counter()
        cluster = LocalCluster(
            n_workers=a.jobs,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=":0",
            silence_logs=logging.CRITICAL,
            preload=list(PRELOAD),
        )
        start = time.perf_counter() - t
        try:
            t = time.perf_counter()
            results = check_files(
                files, jobs=a.jobs, engine="dask", scheduler=cluster.scheduler_address
            )
            dask = time.perf_counter() - t
        finally:
            t = time.perf_counter()
            cluster.close()
            stop = time.perf_counter() - t
        print(f"dask  {a.jobs} workers: {_figures(a.n, dask, results)}")
        print(f"Dask cluster start-up {start:.1f} s, shut-down {stop:.1f} s")
        print(
            f"Dask overhead: {dask / local - 1:+.0%} on a running cluster, "
            f"{(dask + start + stop) / local - 1:+.0%} with start-up and shut-down (target under 20%)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
