"""Scans: a PDF page with no text layer is read by OCR and its leaks are found; an image OCR
reads nothing from is 未能扫描 (exit 2), never clean."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from gongkai.cli import main
from gongkai.review import scan_file
from gongkai.review.flags import BANK_CARD, ID_NUMBER, MOBILE, UNSCANNED

from . import documents as make
from .documents import LEAKS

pytestmark = pytest.mark.slow


def image_only(src, out, dpi=200, caption=""):
    """`src` printed and scanned: each page an image, no text layer, or only `caption` typed
    at its foot (a page number added to a scan)."""
    doc, new = pdfium.PdfDocument(str(src)), pdfium.PdfDocument.new()
    for i in range(len(doc)):
        page = doc[i]
        w, h = page.get_size()
        image = pdfium.PdfImage.new(new)
        image.set_bitmap(pdfium.PdfBitmap.from_pil(page.render(scale=dpi / 72).to_pil()))
        image.set_matrix(pdfium.PdfMatrix().scale(w, h))
        blank = new.new_page(w, h)
        blank.insert_obj(image)
        if caption:
            _type(new, blank, caption, w / 2, 20)
        blank.gen_content()
    new.save(str(out))
    return out


def _type(pdf, page, text, x, y):
    import ctypes

    import pypdfium2.raw as R

    obj = R.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", 10.0)
    buf = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
    R.FPDFText_SetText(obj, ctypes.cast(buf, ctypes.POINTER(R.FPDF_WCHAR)))
    R.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
    R.FPDFPage_InsertObject(page.raw, obj)


def test_scanned_pdf_is_read_by_ocr(tmp_path):
    scan = image_only(make.pdf(tmp_path / "src.pdf", [LEAKS]), tmp_path / "scan.pdf")
    result = scan_file(scan)
    assert result.unscanned_reason is None
    assert [(f.kind, f.page) for f in result.flags] == [
        (ID_NUMBER, 1),
        (MOBILE, 1),
        (BANK_CARD, 1),
    ]


def test_a_scan_with_a_typed_page_number_is_read_by_ocr_too(tmp_path):
    src = make.pdf(tmp_path / "src.pdf", [LEAKS])
    scan = image_only(src, tmp_path / "numbered-scan.pdf", caption="- 1 -")
    result = scan_file(scan)
    assert "- 1 -" in result.text
    assert [(f.kind, f.page, f.location) for f in result.flags] == [
        (ID_NUMBER, 1, "扫描图像"),
        (MOBILE, 1, "扫描图像"),
        (BANK_CARD, 1, "扫描图像"),
    ]


def test_an_image_ocr_cannot_read_is_unscanned(tmp_path, capsys):
    from PIL import Image, ImageDraw

    path = tmp_path / "photo.png"
    image = Image.new("RGB", (800, 600), "white")
    ImageDraw.Draw(image).ellipse((200, 150, 600, 450), fill="black")
    image.save(path)
    result = scan_file(path)
    assert result.unscanned_reason == "扫描件无文字层，OCR 未能读取"
    assert [(f.kind, f.page) for f in result.flags] == [(UNSCANNED, 1)]
    assert main(["review", str(path)]) == 2
    assert "未能扫描" in capsys.readouterr().out


def picture_of(tmp_path, lines, name="picture.png"):
    """A picture of printed `lines` (a PDF of them, rendered at 200 dpi, the blank foot cut)."""
    src = make.pdf(tmp_path / "picture-src.pdf", [lines])
    page = pdfium.PdfDocument(str(src))[0]
    image = page.render(scale=200 / 72).to_pil()
    image = image.crop((0, 0, image.width, int(image.height * 0.2)))
    path = tmp_path / name
    image.save(path)
    return path


def test_a_picture_pasted_into_a_docx_is_read_by_ocr(tmp_path):
    import docx

    from .documents import ID

    picture = picture_of(tmp_path, ["附件：身份证复印件", f"{ID}"])
    d = docx.Document()
    d.add_paragraph("关于某事项的说明")
    d.add_picture(str(picture))
    d.save(tmp_path / "with-picture.docx")
    flags = scan_file(tmp_path / "with-picture.docx").flags
    assert [f.kind for f in flags] == [ID_NUMBER]
    assert flags[0].location.startswith("嵌入图片 word/media/")
