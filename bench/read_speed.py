"""Reading speed and memory per input kind: median time per report and peak memory.

    .venv/bin/python bench/read_speed.py [--repeat 20] [--ocr-pages 3] [CORPUS_DIR]

Kinds: text (the dev .txt dumps), html (each dev report written out by the HTML writer and
read back), pdf (the dev PDFs' text layer), ocr (dev PDF pages as 200-dpi images, per page).
Time is wall-clock in-process through `read_path` (file read, Document, placement); memory is
the peak of Python allocations (tracemalloc, a separate pass) and the process's maximum
resident size at the end (which includes pdfium's and onnxruntime's native memory).
Targets on the 2-core build machine (issue #9): no worse than text 3.6 ms, HTML 10 ms,
text-layer PDF 66 ms a report, OCR under 1.5 s a page. The machine is shared: the load average
is printed with the figures. Numbers, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gongkai.report.read import read_path  # noqa: E402
from gongkai.report.read.ocr import read_images  # noqa: E402
from gongkai.report.write.html import write as write_html  # noqa: E402
from tests.corpus import DEV  # noqa: E402


def measure(fn, items, repeat: int) -> tuple[float, float]:
    """(median seconds per item, peak MB of Python allocations for one item)."""
    times = []
    for _ in range(repeat):
        for it in items:
            t0 = time.perf_counter()
            fn(it)
            times.append(time.perf_counter() - t0)
    peak = 0.0
    for it in items:
        tracemalloc.start()
        fn(it)
        peak = max(peak, tracemalloc.get_traced_memory()[1] / 1e6)
        tracemalloc.stop()
    return statistics.median(times), peak


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("corpus", nargs="?", type=Path, default=DEV)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument(
        "--ocr-pages", type=int, default=3, help="how many page images to OCR (0: skip)"
    )
    a = ap.parse_args()
    texts = sorted(a.corpus.glob("*.txt"))
    pdfs = sorted(a.corpus.glob("*.pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        htmls = []
        for t in texts:
            h = tmp / f"{t.stem}.html"
            h.write_bytes(write_html(read_path(t)))
            htmls.append(h)
        rows = [
            ("text", texts, a.repeat),
            ("html", htmls, a.repeat),
            ("pdf", pdfs, max(1, a.repeat // 4)),
        ]
        for kind, items, repeat in rows:
            if not items:
                print(f"{kind:5s} no inputs")
                continue
            med, peak = measure(read_path, items, repeat)
            print(
                f"{kind:5s} {len(items)} reports  median {med * 1000:8.1f} ms/report  peak {peak:6.1f} MB (Python)"
            )
        if a.ocr_pages and pdfs:
            import pypdfium2 as pdfium

            doc = pdfium.PdfDocument(str(pdfs[0]))
            images = []
            for i in range(min(a.ocr_pages, len(doc))):
                p = tmp / f"page-{i + 1}.png"
                doc[len(doc) - 1 - i].render(scale=200 / 72).to_pil().save(p)
                images.append(p)
            read_images(images[:1])  # load the models once, as a server would
            med, peak = measure(lambda im: read_images([im]), images, 1)
            print(
                f"ocr   {len(images)} pages    median {med:8.2f} s/page    peak {peak:6.1f} MB (Python)"
            )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"max resident size of this process: {rss:.0f} MB; load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
