"""OCR of a whole scanned document as a user waits for it: the dev PDF's pages rendered at
200 dpi, read one after another and then PAGE_WORKERS at once (ocr.read_pages), in turns.
Prints, for each way, the document's wall seconds per page (what a user waits for), its CPU
seconds per page, and the machine's load beside them; and the engine's load, paid once per
process (the pages share one engine). The two ways must read the same items.

    .venv/bin/python bench/ocr_pages.py [PDF] [--rounds 2]

OCR is CPU-heavy: a round of a 6-page report is 15-30 CPU seconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ocr_engine import load, load_engine  # noqa: E402

from gongkai.report.read import ocr  # noqa: E402
from gongkai.report.read.pdf import OCR_DPI as DPI  # noqa: E402
from gongkai.report.read.pdf_pages import render  # noqa: E402
from tests.corpus import DEV  # noqa: E402


def signature(pages) -> list:
    """What the pages hold, to compare two ways of reading them."""
    out = []
    for items in pages:
        for it in items:
            glyphs = getattr(it, "glyphs", None)
            out.append(
                [(g.text, round(g.confidence or 0, 4)) for g in glyphs] if glyphs else it.text
            )
    return out


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("pdf", nargs="?", type=Path, default=DEV / "01_huaian_2024.pdf")
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args()
    if not a.pdf.is_file():
        ap.error(f"找不到文件：{a.pdf}")
    import pypdfium2 as pdfium

    images = [render(a.pdf, i, DPI) for i in range(len(pdfium.PdfDocument(str(a.pdf))))]
    print(load_engine())
    seen = {}
    n = len(images)
    for r in range(a.rounds):
        for workers in (1, ocr.PAGE_WORKERS):
            t0, c0 = time.perf_counter(), time.process_time()
            pages = ocr.read_pages(enumerate(images, start=1), 72 / DPI, workers=workers)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            seen.setdefault(workers, signature(pages))
            same = "same items" if seen[workers] == seen[1] else "ITEMS DIFFER"
            print(
                f"round {r + 1}, {workers} page(s) at once: {n} pages, {wall / n:.2f} s wall a "
                f"page, {cpu / n:.2f} s CPU a page ({load()}); {same}"
            )
    return 0 if all(s == seen[1] for s in seen.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
