"""PDF reader: each page's text layer becomes Lines (visual rows) and Grids (ruled tables).

Engine, measured on the three dev PDFs (median of 3 runs on the 2-core build machine):

    pdfplumber, chars + edges only            226 / 207 / 211 ms
    pdfplumber, find_tables + extract_words   262 / 227 / 228 ms
    pypdfium2, chars + boxes + page objects    28 /  22 /  23 ms

On the dev PDFs every table cell pdfplumber's `extract()` gives is in this module's grids with
the same text, except where this module does better: a label cut by a page break is joined
("（四）无" + "法提供"), and a cell whose ruling is missing ("信息内容", 02 p3) is kept where
pdfplumber drops it. pdfminer's parsing alone spends most of the 300 ms budget. One difference seen: pdfium extracts nothing from a text object holding a
single two-byte code in a non-embedded CID font (tests/fixtures/pdf_maker.py works around it);
the dev PDFs' fonts are embedded and read in full. So pypdfium2 reads each page
(characters with their boxes, and the ruling lines from the path objects), and pdfplumber's
table geometry over those ruling edges (`pdf_tables.py`, the same algorithm without importing
pdfminer) finds the cell rectangles. Which cell
a character is in is decided by where it stands, so a tall label printed beside its values
stays in their row, and a table continued on the next page is joined into one Grid
(`layout.table_blocks`) with the page footer ("- 4 -") and a repeated header dropped.

End to end, `read_pdf` takes 45-60 ms per dev report (5-6 pages) and the placed reports
score 603/603 cells (score_cells.py). A page without a text layer (a scan) is rendered at
200 dpi and read by OCR (`ocr.py`).
"""

from __future__ import annotations

import ctypes
import os

from ..record import Frozen
from . import pdfium as R
from .document import Document, Line, ReadError
from .layout import Glyph, TablePart, h_edge, page_blocks, text_lines, top_of, v_edge
from .limits import MAX_OCR_PAGES, Deadline, check_file, check_pages
from .pdf_pages import PdfFile, PdfiumFailed, PdfPage, render
from .pdf_tables import ruled_tables

OCR_DPI = 200


def read_pdf(path: str | os.PathLike, *, running_heads: bool = False) -> Document:
    """The Document a PDF holds; ReadError for a file that is not a readable PDF.
    `running_heads` keeps the page headers and footers a report drops (the scanner reads them)."""
    check_file(path)
    _check_complete(path)
    deadline = Deadline()
    with PdfFile(path) as doc:
        check_pages(len(doc), path)
        pages: list[list[Line | TablePart]] = []
        heights: list[float] = []
        scans: list[int] = []  # the pages with no text layer, read by OCR after the others
        for i in range(len(doc)):
            deadline.check(f"第 {i + 1} 页")
            page = doc.page(i)
            try:
                items, height = _read_page(page)
            except (PdfiumFailed, ValueError, AssertionError, ArithmeticError) as e:
                # a damaged page's objects (NaN or huge coordinates, broken streams)
                raise ReadError(
                    f"PDF 第 {i + 1} 页无法解析（{e.__class__.__name__}）：{path}"
                ) from None
            finally:
                page.close()
            if items is None:
                if len(scans) == MAX_OCR_PAGES:
                    raise ReadError(f"扫描页超过 {MAX_OCR_PAGES} 页，超出识别上限（第 {i + 1} 页）")
                scans.append(i)
            pages.append(items or [])
            heights.append(height)
    if scans:
        from .ocr import read_pages  # OCR is optional: only scans need it

        rendered = ((i + 1, render(path, i, OCR_DPI)) for i in scans)
        try:
            for i, items in zip(scans, read_pages(rendered, 72 / OCR_DPI, deadline)):
                pages[i] = items
        except (PdfiumFailed, ValueError, AssertionError, ArithmeticError) as e:
            raise ReadError(f"PDF 扫描页无法识别（{e.__class__.__name__}）：{path}") from None
    kind = "ocr" if scans and len(scans) == len(pages) else "pdf"
    blocks = page_blocks(pages, heights, kind, drop_running_heads=not running_heads)
    return Document(blocks, kind=kind, path=str(path))


# ----------------------------------------------------------------------------- opening


def _check_complete(path) -> None:
    """A PDF ends with %%EOF; a file cut short (an interrupted download) is refused rather
    than read in part."""
    with open(path, "rb") as f:
        head = f.read(1024)
        f.seek(0, os.SEEK_END)
        size = f.tell()
        f.seek(max(0, size - 65536))
        tail = f.read()
    if b"%PDF" not in head:
        raise ReadError(f"不是 PDF 文件（文件头没有 %PDF 标记）：{path}")
    if b"%%EOF" not in tail:
        raise ReadError(f"PDF 文件不完整（没有结束标记 %%EOF，可能下载中断）：{path}")


# ----------------------------------------------------------------------------- one page


def _read_page(page: PdfPage) -> tuple[list[Line | TablePart] | None, float]:
    """The page's items (Lines and table parts) from top to bottom, or None for a page with
    no text layer (a scan, for OCR), and its height."""
    number = page.index + 1
    x0, y0, x1, y1 = page.mediabox()
    frame = _Frame(x0, y1, x1 - x0, y1 - y0)
    glyphs = _glyphs(page, frame)
    if not any(g.text.strip() for g in glyphs):
        return None, frame.height
    parts, loose = _tables(page, frame, glyphs, number)
    items: list[Line | TablePart] = [*text_lines(loose, number, "pdf"), *parts]
    items.sort(key=top_of)
    return items, frame.height


class _Frame(Frozen):
    """PDF user space (y up, from the media box's corner) to page space (y down, from its top)."""

    left: float
    top: float
    width: float
    height: float

    def box(self, left, bottom, right, top) -> tuple[float, float, float, float]:
        return left - self.left, self.top - top, right - self.left, self.top - bottom


def _glyphs(page: PdfPage, frame: _Frame) -> list[Glyph]:
    """The printed characters with their boxes. Characters pdfium inserts itself (spaces, line
    breaks) and those off the page are dropped; where pdfium saw a word gap, the next glyph
    says so (`space_before`), which keeps numbers set close together apart.

    The box is the font's box ("loose": one height for a whole line, and the digits of a number
    touch), except where pdfium reports a loose box far larger than the line (seen for
    characters set in a scaled text matrix, such as a vertically printed group label): there
    the glyph's ink box gives x and its baseline gives the line band.
    """
    raw = page.text()
    chars: list[tuple[int, str, tuple[float, float, float, float], bool]] = []
    ink: dict[int, tuple[float, float, float]] = {}  # char index → its ink box's x, baseline
    try:
        # one out-parameter for every call (the helper API allocates one per box)
        rect = R.FS_RECTF()
        unicode, generated, loosebox = (
            R.FPDFText_GetUnicode,
            R.FPDFText_IsGenerated,
            R.FPDFText_GetLooseCharBox,
        )
        spaced = False
        for i in range(R.FPDFText_CountChars(raw)):
            u = unicode(raw, i)
            if u in (0, 10, 13, 0xFFFE, 0xFFFF) or 0xD800 <= u <= 0xDFFF:
                continue  # dropped, generated or not (no space either: not asked)
            if generated(raw, i) == 1:
                spaced = spaced or u == 32
                continue
            if not loosebox(raw, i, rect):
                raise PdfiumFailed("no character box")
            chars.append((i, chr(u), (rect.left, rect.bottom, rect.right, rect.top), spaced))
            spaced = False
        heights = sorted(lb[3] - lb[1] for _, _, lb, _ in chars if lb[3] > lb[1])
        if not heights:
            return []
        em = heights[len(heights) // 2]
        fits = [_fits(loose, em) for _, _, loose, _ in chars]
        # the ink box and the origin are asked for only where the loose box is too large
        ox, oy = ctypes.c_double(), ctypes.c_double()
        bl, br, bb, bt = (ctypes.c_double() for _ in range(4))
        for (i, ch, _, _), fit in zip(chars, fits):
            if fit or ch.isspace():
                continue
            if not R.FPDFText_GetCharBox(raw, i, bl, br, bb, bt):
                raise PdfiumFailed("no character box")
            R.FPDFText_GetCharOrigin(raw, i, ox, oy)
            ink[i] = (bl.value, br.value, oy.value)
    finally:
        R.FPDFText_ClosePage(raw)
    out = []
    fl, ft, width, height = frame  # frame.box, inline: called for every character
    for (i, ch, loose, spaced), fit in zip(chars, fits):
        if fit:
            left, bottom, right, top = loose
        elif ch.isspace():
            continue
        else:
            left, ink_right, y = ink[i]
            right = max(ink_right, left + 0.1)
            bottom, top = y - 0.15 * em, y + 0.85 * em
        x0, t, x1, b = left - fl, ft - top, right - fl, ft - bottom
        if x1 < 0 or x0 > width or b < 0 or t > height:
            continue
        out.append(Glyph(" " if ch.isspace() else ch, x0, t, x1, b, space_before=spaced))
    return out


def _fits(loose: tuple[float, float, float, float], em: float) -> bool:
    """The font's box is the glyph's (not far larger than the line's typical height)."""
    return loose[2] - loose[0] <= 4 * em and loose[3] - loose[1] <= 4 * em


def _tables(
    page: PdfPage, frame: _Frame, glyphs: list[Glyph], number: int
) -> tuple[list[TablePart], list[Glyph]]:
    """The page's ruled tables, each with the glyphs whose centre its outline holds, and the
    glyphs no table holds (running text): one pass over the glyphs, in their order."""
    tables = ruled_tables(_edges(page, frame), frame.width, frame.height)
    inside: list[list[Glyph]] = [[] for _ in tables]
    loose = []
    for g in glyphs:
        cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        held = False
        for theirs, ((x0, top, x1, bottom), _cells) in zip(inside, tables):
            if x0 <= cx <= x1 and top <= cy <= bottom:
                theirs.append(g)
                held = True
        if not held:
            loose.append(g)
    parts = [TablePart(number, bbox, cells, gs) for (bbox, cells), gs in zip(tables, inside)]
    return parts, loose


def _edges(page: PdfPage, frame: _Frame) -> list[dict]:
    """Horizontal and vertical straight segments of every path (rulings drawn as lines or as
    thin filled rectangles), in pdfplumber's edge form, page space."""
    out: list[dict] = []
    raw = page.raw
    _walk(
        [R.FPDFPage_GetObject(raw, i) for i in range(R.FPDFPage_CountObjects(raw))],
        [],
        frame,
        out,
        0,
    )
    return out


def _matrix(obj) -> tuple[float, ...]:
    m = R.FS_MATRIX()
    if not R.FPDFPageObj_GetMatrix(obj, m):
        return (1, 0, 0, 1, 0, 0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _walk(
    objects: list, parents: list[tuple[float, ...]], frame: _Frame, out: list[dict], depth: int
) -> None:
    """The edges of the paths among `objects` and inside their forms (8 deep at most), in
    order; one loop per container, not a call per object (a page holds thousands of them)."""
    kind_of = R.FPDFPageObj_GetType
    for obj in objects:
        kind = kind_of(obj)
        if kind == R.FPDF_PAGEOBJ_FORM and depth < 8:
            count, get = R.FPDFFormObj_CountObjects(obj), R.FPDFFormObj_GetObject
            inner = [get(obj, j) for j in range(count)]
            _walk(inner, [_matrix(obj), *parents], frame, out, depth + 1)
        elif kind == R.FPDF_PAGEOBJ_PATH:
            _path_edges(obj, [_matrix(obj), *parents], frame, out)


def _apply(chain, x: float, y: float) -> tuple[float, float]:
    for a, b, c, d, e, f in chain:
        x, y = a * x + c * y + e, b * x + d * y + f
    return x, y


def _path_edges(obj, chain, frame: _Frame, out: list[dict]) -> None:
    x, y = ctypes.c_float(), ctypes.c_float()
    start = cur = None
    for k in range(R.FPDFPath_CountSegments(obj)):
        seg = R.FPDFPath_GetPathSegment(obj, k)
        if not R.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        pt = _apply(chain, x.value, y.value)
        kind = R.FPDFPathSegment_GetType(seg)
        if kind == R.FPDF_SEGMENT_MOVETO:
            start = cur = pt
            continue
        if kind == R.FPDF_SEGMENT_LINETO and cur is not None:
            _segment(cur, pt, frame, out)
        cur = pt
        if R.FPDFPathSegment_GetClose(seg) and start is not None:
            _segment(cur, start, frame, out)
            cur = start


def _segment(p, q, frame: _Frame, out: list[dict]) -> None:
    x0, top, x1, bottom = frame.box(
        min(p[0], q[0]), min(p[1], q[1]), max(p[0], q[0]), max(p[1], q[1])
    )
    if abs(x1 - x0) < 0.5 and bottom - top > 0.5:
        out.append(v_edge((x0 + x1) / 2, top, bottom))
    elif abs(bottom - top) < 0.5 and x1 - x0 > 0.5:
        out.append(h_edge(x0, x1, (top + bottom) / 2))
