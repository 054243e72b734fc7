"""The plain text of any document, report or not, page by page: what the pre-publication
scanner (`gongkai.review`) reads.

Built on the readers' own loaders (`read_document`, `read_pdf`), with what a scan needs and a
report does not:
- a text file keeps its own lines, blank ones included, so a line number is the file's;
- a PDF keeps its running heads and footers (a report drops them as page furniture; a phone
  number or 内部资料 printed on every page is exactly what the scan must see);
- a DOCX adds the text outside its body: headers, footers, footnotes, comments, and the text
  a tracked change deleted, all of which travel with the file; an XLSX adds its comments;
  a web page adds its HTML comments and the alt and title texts, which anyone sees in the
  page's source;
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
from pathlib import Path

from ..record import Frozen, Record
from . import read_document
from .document import Document, Grid, ReadError
from .docx import NOT_DOCX, W
from .limits import check_package
from .text import decode
from .xlsx import NOT_XLSX

DELETED = "修订中删除的文字"
COMMENT = "批注"
SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
THREADED = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"


class Part(Frozen):
    """Text an Office package holds outside what the reader reads: in the parts named like
    `pattern`, one text per `unit` element, made of its `run` elements' text."""

    pattern: re.Pattern
    where: str
    unit: str
    run: str


def _part(pattern: str, where: str, ns: str, unit: str, run: str) -> Part:
    return Part(re.compile(pattern), where, f"{{{ns}}}{unit}", f"{{{ns}}}{run}")


#: per package kind: its name in messages, and the parts read beside the body (in this order)
PACKAGE_PARTS = {
    "docx": (
        NOT_DOCX,
        (
            _part(r"word/header\d*\.xml$", "页眉", W, "p", "t"),
            _part(r"word/footer\d*\.xml$", "页脚", W, "p", "t"),
            _part(r"word/footnotes\.xml$", "脚注", W, "p", "t"),
            _part(r"word/endnotes\.xml$", "尾注", W, "p", "t"),
            _part(r"word/comments\.xml$", COMMENT, W, "p", "t"),
            _part(r"word/(document|header\d*|footer\d*)\.xml$", DELETED, W, "p", "delText"),
        ),
    ),
    "xlsx": (
        NOT_XLSX,
        (
            _part(r"xl/(comments\d*|comments/[^/]+)\.xml$", COMMENT, SHEET, "comment", "t"),
            _part(r"xl/threadedComments/[^/]+\.xml$", COMMENT, THREADED, "threadedComment", "text"),
        ),
    ),
}
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


class PageText(Record):
    """One page's text (the whole text for a file without pages)."""

    def __init__(self, page: int | None, text: str, ocr: bool = False, unread: bool = False):
        self.page = page
        self.text = text
        self.ocr = ocr
        #: the page shows ink but no text could be read from it (a scan OCR could not read)
        self.unread = unread
        #: per line of `text`, where the reader found it (表格1 第2行 第3列, 页眉), or None
        self.locations: list[str | None] = []


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
    if doc.kind in PACKAGE_PARTS:
        pages[0] = _with_package_extras(p, pages[0], *PACKAGE_PARTS[doc.kind])
    if doc.kind == "html":
        pages[0] = _with_page_source(p, pages[0])
    if doc.kind in ("docx", "xlsx"):
        pages += _embedded_pictures(p)
    if doc.kind == "ocr" and not _ocr_read_something(doc):
        pages[0].unread = _image_has_ink(p)
    return pages


#: OCR of a picture with no digit and no Chinese character in it (a shape read as "O") has read
#: nothing a leak is made of: the picture goes to a person as 未能扫描, never passes as clean.
_OCR_READ_SOMETHING = re.compile(r"[0-9\u4e00-\u9fff]")


def _ocr_read_something(doc: Document) -> bool:
    """OCR read a digit or a Chinese character with a score it is trusted with (a black shape
    can read as "0" with a score of 0.28: that is not reading)."""
    from .ocr_confidence import MIN_CONFIDENCE

    for block in doc.blocks:
        if isinstance(block, Grid):
            read = [(c.text, c.source.confidence) for row in block.rows for c in row]
        else:
            read = [(block.text, block.source.confidence)]
        for text, conf in read:
            if _OCR_READ_SOMETHING.search(text) and (conf is None or conf >= MIN_CONFIDENCE):
                return True
    return False


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
                where = (
                    f"表格{src.table + 1} 第{src.row + 1}行"
                    if src.table is not None and src.row is not None
                    else None
                )
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


def _with_package_extras(p: Path, body: PageText, what: str, parts: tuple[Part, ...]) -> PageText:
    """The body, then the text of `parts` (headers, footers, notes, comments, deleted text)."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    extras: dict[Part, list[str]] = {part: [] for part in parts}
    try:
        with zipfile.ZipFile(p) as z:
            check_package(z, what)
            for info in z.infolist():
                wanted = [part for part in parts if part.pattern.match(info.filename)]
                if not wanted:
                    continue
                try:
                    root = etree.fromstring(z.read(info), parser)
                except etree.XMLSyntaxError:
                    raise ReadError(f"{what}：{info.filename} 已损坏") from None
                for part in wanted:
                    extras[part] += _units(root, part)
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        raise ReadError(f"{what}（{e}）") from None
    for part, texts in extras.items():  # in the parts' order, whatever the package's order
        for text in texts:
            body.text += ("\n" if body.locations else "") + text
            body.locations.append(part.where)
    return body


HTML_COMMENT = "网页源代码注释"
HTML_ATTRIBUTE = "网页图片说明或提示文字"
#: attributes whose text a page carries without showing it as body text
SHOWN_ATTRIBUTES = ("alt", "title")


def _with_page_source(p: Path, body: PageText) -> PageText:
    """The body, then the comments and alt/title texts of the page's source. A page the
    text decoder cannot take (a saved .mht) keeps the reader's text alone."""
    from html.parser import HTMLParser

    try:
        source = decode(p.read_bytes())
    except ReadError:
        return body
    found: list[tuple[str, str]] = []

    class Collector(HTMLParser):
        def handle_comment(self, data):
            found.append((data, HTML_COMMENT))

        def handle_starttag(self, tag, attrs):
            found.extend((v, HTML_ATTRIBUTE) for k, v in attrs if k in SHOWN_ATTRIBUTES and v)

    Collector(convert_charrefs=True).feed(source)
    for text, where in found:
        for line in text.strip().splitlines():
            if line.strip():
                body.text += ("\n" if body.locations else "") + line.strip()
                body.locations.append(where)
    return body


def _units(root, part: Part) -> list[str]:
    """The text of each `part.unit` under `root`, blank ones left out."""
    out = []
    for unit in root.iter(part.unit):
        text = "".join(t.text or "" for t in unit.iter(part.run)).strip()
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
