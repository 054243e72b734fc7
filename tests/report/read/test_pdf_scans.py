"""A PDF's pages without a text layer (scans) go to OCR together, after its text pages are
read: each scanned page is recognised with its own page number and lands in its place in the
document, between the text pages; the OCR page limit still refuses a longer scan. The OCR
itself is replaced by a stand-in here (test_ocr_scan.py reads real scans, slowly)."""

import pytest

from gongkai.report.model import Source
from gongkai.report.read import limits, ocr
from gongkai.report.read import pdf as pdf_reader
from gongkai.report.read.document import Line, ReadError
from gongkai.report.read.pdf import read_pdf

from ..conftest import DEV


def _mixed(out, layout):
    """A PDF whose pages follow `layout`: "t" a text page of the dev PDF 01, "s" a blank image
    (no text layer, as a scan)."""
    import pypdfium2 as pdfium
    from PIL import Image

    src = pdfium.PdfDocument(str(DEV / "01_huaian_2024.pdf"))
    pdf = pdfium.PdfDocument.new()
    for n, kind in enumerate(layout):
        if kind == "t":
            pdf.import_pages(src, [n % len(src)])
            continue
        w, h = 595, 842
        image = pdfium.PdfImage.new(pdf)
        image.set_bitmap(pdfium.PdfBitmap.from_pil(Image.new("RGB", (w, h), "white")))
        image.set_matrix(pdfium.PdfMatrix().scale(w, h))
        page = pdf.new_page(w, h)
        page.insert_obj(image)
        page.gen_content()
    pdf.save(str(out))
    return out


@pytest.fixture
def recognised(monkeypatch):
    """page_items replaced: each scanned page reads as one line naming its page number."""
    seen = []

    def page_items(image, page, scale, deadline=None):
        seen.append((page, image.size))
        box = (100.0, 400.0, 300.0, 412.0)  # mid-page: not a running head
        return [Line(f"扫描第{page}页", Source(kind="ocr", page=page, bbox=box))]

    monkeypatch.setattr(ocr, "page_items", page_items)
    monkeypatch.setattr(ocr, "_engine", lambda: None)
    return seen


def _page_texts(doc):
    return [(ln.source.page, ln.text) for ln in doc.lines if ln.text.startswith("扫描")]


def test_scanned_pages_among_text_pages_keep_their_numbers_and_places(tmp_path, recognised):
    doc = read_pdf(_mixed(tmp_path / "mixed.pdf", "tstsss"))
    assert sorted(p for p, _ in recognised) == [2, 4, 5, 6]
    assert _page_texts(doc) == [
        (2, "扫描第2页"),
        (4, "扫描第4页"),
        (5, "扫描第5页"),
        (6, "扫描第6页"),
    ]
    assert {size for _, size in recognised} == {(round(595 * 200 / 72), round(842 * 200 / 72))}
    assert doc.kind == "pdf"  # text pages too
    assert any(ln.source.page == 1 and not ln.text.startswith("扫描") for ln in doc.lines)


def test_a_scan_only_pdf_is_an_ocr_document(tmp_path, recognised):
    doc = read_pdf(_mixed(tmp_path / "scan.pdf", "sss"))
    assert doc.kind == "ocr"
    assert _page_texts(doc) == [(1, "扫描第1页"), (2, "扫描第2页"), (3, "扫描第3页")]


def test_more_scanned_pages_than_the_limit_are_refused_before_any_is_read(
    tmp_path, recognised, monkeypatch
):
    monkeypatch.setattr(pdf_reader, "MAX_OCR_PAGES", 2)
    with pytest.raises(ReadError, match="扫描页超过 2 页，超出识别上限（第 4 页）"):
        read_pdf(_mixed(tmp_path / "long.pdf", "tsss"))
    assert recognised == []
    assert limits.MAX_OCR_PAGES > 2  # the real limit is untouched
