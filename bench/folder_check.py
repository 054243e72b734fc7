"""`gongkai check FOLDER` over 1,000 reports: wall time with --jobs 1 and --jobs 2.

    .venv/bin/python bench/folder_check.py [--reports 1000] [--pdf-share 0.3]

Builds a folder of copies of the dev corpus reports (text dumps and text-layer PDFs, each copy
renamed so that agencies and years pair up as in a real collection), then runs the command
twice as a user would and prints both times and the speed-up (issue 3 expects about 2× on
two cores). Numbers, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.corpus import DEV

GONGKAI = Path(sys.executable).with_name("gongkai")


def build(folder: Path, n: int, pdf_share: float) -> None:
    texts, pdfs = sorted(DEV.glob("*.txt")), sorted(DEV.glob("*.pdf"))
    if not texts or not pdfs:
        sys.exit(f"the dev corpus is not at {DEV}")
    n_pdf = round(n * pdf_share)
    for i in range(n):
        src = pdfs[i % len(pdfs)] if i < n_pdf else texts[i % len(texts)]
        sub = folder / f"agency{i // 10:03d}"
        sub.mkdir(exist_ok=True)
        shutil.copyfile(src, sub / f"{i:04d}_{src.name}")


def timed(folder: Path, jobs: int) -> tuple[float, int]:
    t0 = time.perf_counter()
    summary = folder.parent / f"summary-{jobs}.csv"
    p = subprocess.run(
        [str(GONGKAI), "check", str(folder), "--jobs", str(jobs), "--summary", str(summary)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    return time.perf_counter() - t0, p.returncode


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--pdf-share", type=float, default=0.3)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        build(folder, a.reports, a.pdf_share)
        one, rc1 = timed(folder, 1)
        two, rc2 = timed(folder, 2)
    print(
        f"{a.reports} reports ({a.pdf_share:.0%} PDF): --jobs 1 {one:.1f} s, --jobs 2 {two:.1f} s, "
        f"speed-up {one / two:.2f}× (exit {rc1}/{rc2})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
