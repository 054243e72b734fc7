"""DOCX inputs: the body of word/document.xml, paragraphs and tables in body order.

The XML is read directly (not through python-docx) so that a hostile file is checked before
anything is inflated: a file that is not a zip, or has no document part, is refused, and so is
a document part or a package whose uncompressed size is out of all proportion (a zip bomb).
Merged cells are expanded: a gridSpan cell fills the grid columns it spans, a vMerge
continuation repeats the cell above, each copy with `origin` at the slot where the merge starts.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from ..model import Source
from .document import Document, Grid, GridCell, Line, ReadError
from .limits import Budget, check_package, read_part

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NOT_DOCX = "不是有效的 DOCX 文件"
#: wrappers whose children belong to the body or the row or the cell as if unwrapped
WRAPPERS = {
    f"{{{W}}}sdt",
    f"{{{W}}}sdtContent",
    f"{{{W}}}customXml",
    f"{{{W}}}smartTag",
    f"{{{W}}}ins",
}
_CHARS = {f"{{{W}}}tab": "\t", f"{{{W}}}br": "\n", f"{{{W}}}cr": "\n", f"{{{W}}}noBreakHyphen": "-"}
_SKIP = {f"{{{MC}}}Fallback", f"{{{W}}}del", f"{{{W}}}instrText", f"{{{W}}}rPr", f"{{{W}}}pPr"}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _document_xml(path: Path, data: bytes | None) -> tuple[bytes, bytes]:
    """The document part, and the comments part (empty when there is none)."""
    source = path if data is None else io.BytesIO(data)
    try:
        with zipfile.ZipFile(source) as z:
            if "word/document.xml" not in z.namelist():
                raise ReadError(f"{NOT_DOCX}：缺少正文 word/document.xml")
            check_package(z, NOT_DOCX)
            xml = read_part(z, "word/document.xml", NOT_DOCX)
            comments = (
                read_part(z, "word/comments.xml", NOT_DOCX)
                if "word/comments.xml" in z.namelist()
                else b""
            )
            return xml, comments
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        NotImplementedError,
        zlib.error,
    ) as e:
        raise ReadError(f"{NOT_DOCX}（{e}）") from None
    except OSError as e:
        raise ReadError(f"无法读取文件：{path}（{e.strerror or e}）") from None


def _comment_texts(xml: bytes, parser) -> dict[str, str]:
    """Comment id → its text (gongkai's writer says why a cell is unreadable in a comment)."""
    if not xml:
        return {}
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError:
        return {}
    return {c.get(_w("id"), ""): _text(c).strip() for c in root.iter(_w("comment"))}


def _children(el, wanted: str):
    """Direct children named `wanted`, looking through content-control and similar wrappers."""
    for c in el:
        if c.tag == wanted:
            yield c
        elif c.tag in WRAPPERS:
            yield from _children(c, wanted)


def _text(el) -> str:
    """The visible text under `el`: runs, tabs and breaks; not deleted text nor fallbacks."""
    out: list[str] = []

    def visit(node):
        for c in node:
            if c.tag in _SKIP:
                continue
            if c.tag == _w("t"):
                out.append(c.text or "")
            elif c.tag in _CHARS:
                out.append(_CHARS[c.tag])
            elif c.tag == _w("p") and out and out[-1] != "\n":
                out.append("\n")
                visit(c)
            else:
                visit(c)

    visit(el)
    return "".join(out)


def _val(el, path: str) -> str | None:
    found = el.find(path, {"w": W})
    return None if found is None else found.get(_w("val"), "")


def _grid(tbl, index: int, comments: dict[str, str], budget: Budget) -> Grid:
    rows: list[list[GridCell]] = []
    for r, tr in enumerate(_children(tbl, _w("tr"))):
        budget.take_element()
        row: list[GridCell] = []
        before = _count(_val(tr, "w:trPr/w:gridBefore"), 0)
        budget.take_cells(before)
        row += [GridCell("", Source("docx", table=index, row=r, col=c)) for c in range(before)]
        for tc in _children(tr, _w("tc")):
            c = len(row)
            span = _count(_val(tc, "w:tcPr/w:gridSpan"), 1)
            budget.take_cells(span)
            vmerge = _val(tc, "w:tcPr/w:vMerge")
            above = rows[r - 1][c] if r and c < len(rows[r - 1]) else None
            origin: tuple[int, int] | None
            if vmerge is not None and vmerge != "restart" and above is not None:
                if above.origin is None:
                    above.origin = (r - 1, c)
                text, origin = above.text, above.origin
            else:
                text = "\n".join(line.strip() for line in _text(tc).strip().split("\n"))
                origin = (r, c) if span > 1 or vmerge == "restart" else None
            note = "\n".join(
                comments.get(ref.get(_w("id"), ""), "") for ref in tc.iter(_w("commentReference"))
            )
            row += [
                GridCell(text, Source("docx", table=index, row=r, col=c + dc), origin, note)
                for dc in range(span)
            ]
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    budget.take_cells(sum(width - len(row) for row in rows))  # the blank slots filled in
    for r, row in enumerate(rows):
        row += [
            GridCell("", Source("docx", table=index, row=r, col=c)) for c in range(len(row), width)
        ]
    return Grid(rows, Source("docx", table=index))


def _count(value: str | None, default: int) -> int:
    """A gridSpan or gridBefore: a whole number, at least the default (garbage is the default)."""
    digits = (value or "").strip()
    return max(int(digits), default) if digits.isdigit() and len(digits) < 10 else default


def parse_document_xml(xml: bytes, path: str | None = None, comments_xml: bytes = b"") -> Document:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as e:
        if "depth" in str(e):  # libxml2 stops at 256 levels unless told the tree is huge
            raise ReadError(f"{NOT_DOCX}：正文嵌套过深，无法读取") from None
        raise ReadError(f"{NOT_DOCX}：正文 XML 已损坏（{e}）") from None
    comments = _comment_texts(comments_xml, parser)
    body = root.find(_w("body"))
    if body is None:
        raise ReadError(f"{NOT_DOCX}：正文没有 w:body")
    doc = Document(kind="docx", path=path)
    budget = Budget()
    paragraphs = tables = 0

    def visit(parent):
        nonlocal paragraphs, tables
        for el in parent:
            budget.take_element()
            if el.tag == _w("p"):
                paragraphs += 1
                for line in _text(el).split("\n"):
                    if line.strip():
                        doc.blocks.append(Line(line.strip(), Source("docx", line=paragraphs)))
            elif el.tag == _w("tbl"):
                grid = _grid(el, tables, comments, budget)
                tables += 1
                if grid.rows:
                    doc.blocks.append(grid)
            elif el.tag in WRAPPERS:
                visit(el)

    visit(body)
    return doc


def read_docx(path: str | Path, data: bytes | None = None) -> Document:
    """The DOCX in `path` as a Document; ReadError for a non-zip, a damaged file or a zip bomb.

    A Line's `line` is the paragraph's 1-based number in the body."""
    p = Path(path)
    xml, comments = _document_xml(p, data)
    return parse_document_xml(xml, str(p), comments)
