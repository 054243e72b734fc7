"""A scanned page (a PDF page with no text layer) is read by OCR: values land in their cells
by the image's rulings, and a value OCR is unsure of is passed on as such, never as a guess."""

import json
import re

import pytest

from gongkai.report.read.pdf import read_pdf

from ..conftest import DEV, skip_reason

pytestmark = pytest.mark.slow


def _scan_of_page(src, number, out):
    """An image-only PDF of page `number` of `src`, rendered at 200 dpi."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(str(src))[number - 1]
    w, h = page.get_size()
    pil = page.render(scale=200 / 72).to_pil()
    pdf = pdfium.PdfDocument.new()
    image = pdfium.PdfImage.new(pdf)
    image.set_bitmap(pdfium.PdfBitmap.from_pil(pil))
    image.set_matrix(pdfium.PdfMatrix().scale(w, h))
    new = pdf.new_page(w, h)
    new.insert_obj(image)
    new.gen_content()
    pdf.save(str(out))


def _values(doc):
    return {
        (c.source.page, round(c.source.bbox[0] / 6), round(c.source.bbox[1] / 6)): c
        for g in doc.grids
        for row in g.rows
        for c in row
        if not c.spanned and c.source.bbox and re.fullmatch(r"[\d?]+", c.text.replace(" ", ""))
    }


def test_scanned_page_reads_table_three_and_never_a_wrong_number(tmp_path):
    src = DEV / "01_huaian_2024.pdf"
    if not src.exists():
        pytest.skip(skip_reason(DEV))
    truth = json.loads((DEV / "01_huaian_2024.truth.json").read_text("utf-8"))
    scan = tmp_path / "scan.pdf"
    _scan_of_page(src, 5, scan)
    doc = read_pdf(scan)
    assert doc.kind == "ocr"
    t3 = [
        r
        for g in doc.grids
        for r in g.rows
        if sum(bool(re.fullmatch(r"\d+", c.text)) for c in r) == 15
    ]
    assert [[int(c.text) for c in r] for r in t3] == [truth["table3"]]
    assert all(c.source.kind == "ocr" and c.source.confidence is not None for r in t3 for c in r)
    text_layer = {k: c for k, c in _values(read_pdf(src)).items() if k[0] == 5}
    ocr = {(1, *k[1:]): c for k, c in _values(doc).items()}
    matched = [(ocr[(1, *k[1:])], c) for k, c in text_layer.items() if (1, *k[1:]) in ocr]
    assert len(matched) >= 0.9 * len(text_layer)
    wrong = [
        (o.text, c.text)
        for o, c in matched
        if o.text != c.text and (o.source.confidence or 0) >= 0.8
    ]
    assert wrong == []


def test_a_desk_scan_askew_and_blurred_never_gives_a_wrong_number(tmp_path):
    """Page 5 of a dev PDF as a scanner gives it (150 dpi, 0.6° askew, out of focus): table 3
    is read where OCR is sure of it, and unreadable where it is not, never wrong."""
    import sys
    from pathlib import Path

    from gongkai.report.read.ocr import MIN_CONFIDENCE, read_images

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fixtures"))
    from scan_maker import scanned_pages

    src = DEV / "01_huaian_2024.pdf"
    if not src.exists():
        pytest.skip(f"the shared corpus is not at {DEV}")
    truth = json.loads((DEV / "01_huaian_2024.truth.json").read_text("utf-8"))["table3"]
    doc = read_images(scanned_pages(src, tmp_path, [5]))
    rows = [
        [c for c in r if re.fullmatch(r"[\d?]+", c.text) and not c.spanned]
        for g in doc.grids
        for r in g.rows
    ]
    (t3,) = [r for r in rows if len(r) == len(truth)]
    trusted = [
        (int(c.text), want)
        for c, want in zip(t3, truth)
        if (c.source.confidence or 0) >= MIN_CONFIDENCE
    ]
    assert all(got == want for got, want in trusted), trusted
    assert len(trusted) >= len(truth) - 2
