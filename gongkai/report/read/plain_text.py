"""The plain text of any document, report or not, page by page: what the pre-publication
scanner (`gongkai.review`) reads.

Built on the readers' own loaders (`read_document`, `read_pdf`), with what a scan needs and a
report does not:
- a text file keeps its own lines, blank ones included, so a line number is the file's;
- a PDF keeps its running heads and footers (a report drops them as page furniture; a phone
  number or 内部资料 printed on every page is exactly what the scan must see);
- a DOCX adds the text outside its body: headers, footers, footnotes, comments, and the text
  a tracked change deleted, all of which travel with the file;
- an image embedded in a DOCX or XLSX (a scanned ID card pasted into a list) is read by OCR
  and given as a text of its own;
- a PDF page that is a scan with a few typed words on it (a page number, a stamp's caption)
  is read by OCR as well: its text layer alone would pass the scan's content unread;
- every page of a PDF or image is accounted for: a page showing ink where neither the text
  layer nor OCR gave any text is marked `unread`, never passed as empty.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from . import read_document
from .document import Document, Grid, ReadError
from .docx import NOT_DOCX, W
from .limits import check_package
from .text import decode

#: DOCX parts outside the body, with the Chinese name a location is given under
DOCX_PARTS = (
    (re.compile(r"word/header\d*\.xml$"), "页眉"),
    (re.compile(r"word/footer\d*\.xml$"), "页脚"),
    (re.compile(r"word/footnotes\.xml$"), "脚注"),
    (re.compile(r"word/endnotes\.xml$"), "尾注"),
    (re.compile(r"word/comments\.xml$"), "批注"),
)
DELETED = "修订中删除的文字"
#: where an Office package keeps its pictures, and the raster kinds OCR can read
MEDIA = re.compile(r"(word|xl)/media/[^/]+\.(png|jpe?g|bmp|tiff?|gif|webp)$", re.IGNORECASE)
EMBEDDED = "嵌入图片"
#: a picture smaller than this (a bullet, a line, a tiny logo) cannot hold a readable number
MIN_PICTURE_SIDE = 24
#: a grey level darker than this is ink (paper and scanner noise are lighter)
INK_LEVEL = 200
#: pages are checked for ink at this resolution (a mark of a few points still shows)
INK_DPI = 36
#: a page whose text layer has fewer characters than this, under a picture covering at
#: least PICTURE_SHARE of it, is a scan with a caption: OCR reads the picture too
THIN_TEXT = 50
PICTURE_SHARE = 0.4
SCANNED_PICTURE = "扫描图像"


@dataclass
class PageText:
    """One page's text (the whole text for a file without pages)."""

    page: int | None
    text: str
    ocr: bool = False
    #: the page shows ink but no text could be read from it (a scan OCR could not read)
    unread: bool = False
    #: per line of `text`, where the reader found it (表格1 第2行 第3列, 页眉), or None
    locations: list[str | None] = field(default_factory=list)


def plain_text(path: str | Path) -> list[PageText]:
    """The text of the file in `path`, a PageText per page; ReadError when it cannot be read."""
    p = Path(path)
    if _is_pdf(p):
        from .limits import check_file
        from .pdf import read_pdf

        check_file(p)
        pages = _pages(read_pdf(p, running_heads=True))
        return _every_pdf_page(p, pages)
    doc = read_document(p)
    if doc.kind == "text":
        text = decode(p.read_bytes()).replace("\r\n", "\n").replace("\r", "\n")
        return [PageText(None, text)]
    pages = _pages(doc)
    if doc.kind == "docx":
        pages[0] = _with_docx_extras(p, pages[0])
    if doc.kind in ("docx", "xlsx"):
        pages += _embedded_pictures(p)
    if doc.kind == "ocr" and not pages[0].text.strip():
        pages[0].unread = _image_has_ink(p)
    return pages


def _is_pdf(p: Path) -> bool:
    try:
        with p.open("rb") as f:
            head = f.read(8)
    except OSError:
        return False
    return head.startswith(b"%PDF") or (p.suffix.lower() == ".pdf" and p.is_file())


def _pages(doc: Document) -> list[PageText]:
    """The Document's blocks as text lines grouped by page; a merged table cell is given once."""
    pages: dict[int | None, PageText] = {}
    for block in doc.blocks:
        if isinstance(block, Grid):
            for row in block.rows:
                cells = [c for c in row if not c.spanned]
                if not any(c.text for c in cells):
                    continue
                src = cells[0].source
                where = f"表格{src.table + 1} 第{src.row + 1}行" if src.table is not None else None
                _add(pages, src.page, "\t".join(c.text for c in cells), where, src.kind)
        else:
            src = block.source
            _add(pages, src.page, block.text, _where(src), src.kind)
    if not pages:  # an image is page 1 of itself
        ocr = doc.kind == "ocr"
        pages[None] = PageText(1 if ocr else None, "", ocr=ocr)
    return [pages[k] for k in sorted(pages, key=lambda k: -1 if k is None else k)]


def _where(src) -> str | None:
    if src.table is not None and src.row is not None:
        return src.describe()
    return None


def _add(pages, page, text: str, where: str | None, kind: str) -> None:
    pt = pages.setdefault(page, PageText(page, ""))
    for line in text.split("\n"):
        pt.text += ("\n" if pt.locations else "") + line
        pt.locations.append(where)
    pt.ocr = pt.ocr or kind == "ocr"


def _every_pdf_page(p: Path, pages: list[PageText]) -> list[PageText]:
    """A PageText for every page of the PDF; a page with no text is `unread` when it shows ink;
    a scan under a thin text layer is read by OCR too, as a second PageText of that page."""
    import pypdfium2 as pdfium

    from .limits import MAX_OCR_PAGES, Deadline

    by_number = {pt.page: pt for pt in pages}
    deadline = Deadline()
    ocr_pages = sum(pt.ocr for pt in pages)
    doc = pdfium.PdfDocument(str(p))
    try:
        out = []
        for i in range(len(doc)):
            pt = by_number.get(i + 1) or PageText(i + 1, "")
            out.append(pt)
            page = doc[i]
            try:
                if not pt.text.strip():
                    pt.unread = _has_ink(page.render(scale=INK_DPI / 72).to_pil())
                elif not pt.ocr and _is_captioned_scan(page, pt.text):
                    if ocr_pages >= MAX_OCR_PAGES:
                        raise ReadError(f"扫描页超过 {MAX_OCR_PAGES} 页，超出识别上限：{p}")
                    ocr_pages += 1
                    out.append(_ocr_page(page, i + 1, deadline))
            finally:
                page.close()
        return out
    finally:
        doc.close()


def _is_captioned_scan(page, text: str) -> bool:
    if len(re.sub(r"\s", "", text)) >= THIN_TEXT:
        return False
    import pypdfium2.raw as R

    width, height = page.get_size()
    biggest = 0.0
    for obj in page.get_objects(filter=(R.FPDF_PAGEOBJ_IMAGE,), max_depth=4):
        left, bottom, right, top = obj.get_bounds()
        w = max(0.0, min(right, width) - max(left, 0.0))
        h = max(0.0, min(top, height) - max(bottom, 0.0))
        biggest = max(biggest, w * h)
    return biggest >= PICTURE_SHARE * width * height


def _ocr_page(page, number: int, deadline) -> PageText:
    from .layout import page_blocks
    from .ocr import page_items
    from .pdf import OCR_DPI

    image = page.render(scale=OCR_DPI / 72).to_pil()
    items = page_items(image, number, 72 / OCR_DPI, deadline)
    pt = _pages(Document(page_blocks([items], [page.get_size()[1]], "ocr"), kind="ocr"))[0]
    pt.page, pt.ocr = number, True
    pt.locations = [SCANNED_PICTURE] * len(pt.locations)
    return pt


def _has_ink(image) -> bool:
    low, _high = image.convert("L").getextrema()
    return low < INK_LEVEL


def _image_has_ink(p: Path) -> bool:
    from PIL import Image

    try:
        with Image.open(p) as im:
            im.thumbnail((600, 600))
            return _has_ink(im)
    except (OSError, ValueError):
        return True


def _with_docx_extras(p: Path, body: PageText) -> PageText:
    """The body, then every header, footer, note, comment and deleted text of the package."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    extras: dict[str, list[str]] = {name: [] for _rx, name in DOCX_PARTS} | {DELETED: []}
    try:
        with zipfile.ZipFile(p) as z:
            check_package(z, NOT_DOCX)
            for info in z.infolist():
                name = next((n for rx, n in DOCX_PARTS if rx.match(info.filename)), None)
                if name is None and info.filename != "word/document.xml":
                    continue
                try:
                    root = etree.fromstring(z.read(info), parser)
                except etree.XMLSyntaxError:
                    raise ReadError(f"{NOT_DOCX}：{info.filename} 已损坏") from None
                if name is not None:
                    extras[name] += _paragraphs(root, "t")
                extras[DELETED] += _paragraphs(root, "delText")
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        raise ReadError(f"{NOT_DOCX}（{e}）") from None
    for where, texts in extras.items():  # in DOCX_PARTS order, whatever the package's order
        for text in texts:
            body.text += ("\n" if body.locations else "") + text
            body.locations.append(where)
    return body


def _paragraphs(root, tag: str) -> list[str]:
    """The text of each paragraph under `root` made of `w:{tag}` runs, blank ones left out."""
    out = []
    for para in root.iter(f"{{{W}}}p"):
        text = "".join(t.text or "" for t in para.iter(f"{{{W}}}{tag}")).strip()
        if text:
            out.append(text)
    return out


def _embedded_pictures(p: Path) -> list[PageText]:
    """The text OCR reads in each picture of an Office package, one PageText a picture. A
    picture with no text in it (a logo, a photo) gives an empty text: it is not a page."""
    import io

    from PIL import Image, UnidentifiedImageError

    from .layout import page_blocks
    from .limits import MAX_OCR_PAGES, Deadline, check_pixels
    from .ocr import page_items

    deadline = Deadline()
    out: list[PageText] = []
    with zipfile.ZipFile(p) as z:
        names = [i.filename for i in z.infolist() if MEDIA.match(i.filename)]
        for name in names:
            if len(out) >= MAX_OCR_PAGES:
                raise ReadError(f"嵌入图片超过 {MAX_OCR_PAGES} 张，超出识别上限：{p}")
            try:
                with Image.open(io.BytesIO(z.read(name))) as im:
                    check_pixels(im.width, im.height, f"{p} {name}")
                    if min(im.width, im.height) < MIN_PICTURE_SIDE:
                        continue
                    image = im.convert("RGB")
            except Image.DecompressionBombError:
                raise ReadError(f"嵌入图片过大，超出识别上限：{name}（{p}）") from None
            except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
                raise ReadError(f"嵌入图片无法打开：{name}（{p}）") from None
            blocks = page_blocks([page_items(image, 1, 1.0, deadline)], [image.height], "ocr")
            pt = _pages(Document(blocks, kind="ocr"))[0]
            pt.page, pt.ocr = None, True
            pt.locations = [f"{EMBEDDED} {name}"] * len(pt.locations)
            out.append(pt)
    return out
