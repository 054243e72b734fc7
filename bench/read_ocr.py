"""OCR accuracy on the dev PDFs rendered to page images (pdftoppm -r 200), and the confidence
of right and wrong readings, to choose the threshold under which a value is unreadable.

    python bench/read_ocr.py [--scan] [--only NAME] [CORPUS_DIR]

--scan reads the pages as a desk scanner gives them instead (150 dpi, 0.6° askew, blurred:
tests/fixtures/scan_maker.py).

For every labelled dev PDF: render its pages, read them through the OCR path
(`ocr.read_images`), place the cells, and count cells right / unreadable / wrong against the
labels. Then every OCR value cell is compared with the same cell read from the PDF's text
layer; the table of confidences shows where wrong readings sit.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ocr_engine import load, load_engine  # noqa: E402

from gongkai.report.read import ocr  # noqa: E402
from gongkai.report.read.ocr import read_images  # noqa: E402
from gongkai.report.read.pdf import OCR_DPI, read_pdf  # noqa: E402
from gongkai.report.read.place import place  # noqa: E402
from gongkai.report.write.cells_json import cells  # noqa: E402
from tests.corpus import DEV  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
from scan_maker import scanned_pages  # noqa: E402


def _arguments() -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--scan", action="store_true", help="按台式扫描仪的效果读（150 dpi、歪斜、模糊）"
    )
    ap.add_argument("--only", default="", help="只读文件名含此字样的 PDF（如 02_）")
    ap.add_argument("corpus", nargs="?", type=Path, default=DEV, help="带标注的 PDF 所在目录")
    return ap.parse_args()


ARGS = _arguments()
SCAN = ARGS.scan
CORPUS = ARGS.corpus
#: the resolution the pages are read at: the images are in pixels, the text layer in points
DPI = 150 if SCAN else OCR_DPI
#: this counts accuracy: a shared machine under load must not end a report at the reader's
#: time limit (the time a page takes is printed instead)
ocr.OCR_PAGE_SECONDS = 3600
#: pages are read one at a time here, so that each page's CPU seconds are its own
#: (bench/ocr_pages.py measures a document's pages read together, as a user waits for them)
ocr.PAGE_WORKERS = 1
#: (wall, CPU) seconds of every page read, in order
PAGE_TIMES: list[tuple[float, float]] = []
ALL_TIMES: list[tuple[float, float]] = []


def _timed(page_items):
    def timed(*args, **kwargs):
        t0, c0 = time.perf_counter(), time.process_time()
        out = page_items(*args, **kwargs)
        PAGE_TIMES.append((time.perf_counter() - t0, time.process_time() - c0))
        return out

    return timed


ocr.page_items = _timed(ocr.page_items)


def render(pdf: Path, out: Path) -> list[Path]:
    if SCAN:
        return scanned_pages(pdf, out)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(out / pdf.stem)], check=True)
    else:  # same pixels, near enough, without poppler
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(pdf))
        for i in range(len(doc)):
            doc[i].render(scale=200 / 72).to_pil().save(out / f"{pdf.stem}-{i + 1}.png")
    return sorted(out.glob(pdf.stem + "-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def flat(c: dict) -> list:
    return [c["year"], *c["table1"], *[v for row in c["table2"] for v in row], *c["table3"]]


def value_cells(doc):
    for g in doc.grids:
        for row in g.rows:
            for c in row:
                if (
                    not c.spanned
                    and c.source.bbox
                    and (c.text.strip()[:1].isdigit() or c.text == "?")
                ):
                    yield c


def main() -> None:
    pdfs = [p for p in sorted(CORPUS.glob("*.pdf")) if ARGS.only in p.name]
    if not pdfs:
        sys.exit(f"{CORPUS} 中没有{('文件名含“' + ARGS.only + '”的') if ARGS.only else ''} PDF")
    print(load_engine())
    pairs = []
    totals = [0, 0, 0, 0]
    for pdf in pdfs:
        truth = json.loads(pdf.with_suffix(".truth.json").read_text("utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            images = render(pdf, Path(tmp))
            PAGE_TIMES.clear()
            t0, c0 = time.perf_counter(), time.process_time()
            doc = read_images(images)
            dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        ALL_TIMES.extend(PAGE_TIMES)
        pages = "  ".join(f"p{n} {w:.2f}/{c:.2f}" for n, (w, c) in enumerate(PAGE_TIMES, 1))
        print(f"{pdf.name} seconds a page, wall/CPU ({load()}): {pages}")
        report = place(doc)
        got = cells(report)
        right = wrong = unread = 0
        unreadable_keys = {c.key for c in report.unreadable}
        for i, (a, b) in enumerate(zip(flat(got), flat(truth))):
            if a == b or (a is not None and b is not None and abs(float(a) - float(b)) < 1e-9):
                right += 1
            elif a is None:
                unread += 1
            else:
                wrong += 1
                print(f"  WRONG {pdf.name} value #{i}: read {a!r}, label {b!r}")
        n = len(flat(truth))
        totals = [totals[0] + right, totals[1] + unread, totals[2] + wrong, totals[3] + n]
        print(
            f"{pdf.name}: {right}/{n} right, {unread} unreadable/blank, {wrong} wrong; "
            f"{len(images)} pages in {dt:.1f} s ({dt / len(images):.1f} s/page, "
            f"{cpu / len(images):.1f} s CPU/page; {load()}); unreadable cells {len(unreadable_keys)}"
        )
        text = {
            (c.source.page, round(c.source.bbox[0] / 6), round(c.source.bbox[1] / 6)): c.text
            for c in value_cells(read_pdf(pdf))
        }
        px = 72 / DPI
        for c in value_cells(doc):
            key = (
                c.source.page,
                round(c.source.bbox[0] * px / 6),
                round(c.source.bbox[1] * px / 6),
            )
            if key in text:
                pairs.append(
                    (
                        c.source.confidence or 0.0,
                        c.text.replace(" ", "") == text[key].replace(" ", ""),
                        c.text,
                        text[key],
                    )
                )
    walls = sorted(w for w, _ in ALL_TIMES)
    cpus = sorted(c for _, c in ALL_TIMES)
    print(
        f"pages: {len(walls)}; median {walls[len(walls) // 2]:.2f} s wall, "
        f"{cpus[len(cpus) // 2]:.2f} s CPU; slowest {walls[-1]:.2f} s wall, {cpus[-1]:.2f} s CPU "
        f"({load()})"
    )
    print(
        f"overall: {totals[0]}/{totals[3]} right ({totals[0] / totals[3]:.2%}), {totals[1]} not read, {totals[2]} wrong"
    )
    print(f"value cells matched with the text layer: {len(pairs)}")
    for lo, hi in ((0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01)):
        sel = [p for p in pairs if lo <= p[0] < hi]
        bad = [p for p in sel if not p[1]]
        print(
            f"  confidence {lo:.2f}-{min(hi, 1):.2f}: {len(sel):4d} cells, {len(bad)} wrong "
            + " ".join(f"{p[2]!r}≠{p[3]!r}" for p in bad[:6])
        )


if __name__ == "__main__":
    main()
