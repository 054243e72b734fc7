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
from .limits import check_package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MAX_DOCUMENT_XML = 50 * 1024 * 1024
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
            try:
                info = z.getinfo("word/document.xml")
            except KeyError:
                raise ReadError(f"{NOT_DOCX}：缺少正文 word/document.xml") from None
            if info.file_size > MAX_DOCUMENT_XML:
                raise ReadError(
                    f"{NOT_DOCX}：正文解压后 {info.file_size // 1024 // 1024} MB，"
                    f"超过 {MAX_DOCUMENT_XML // 1024 // 1024} MB 的上限（疑似压缩炸弹）"
                )
            check_package(z, NOT_DOCX)
            with z.open(info) as f:
                xml = f.read(MAX_DOCUMENT_XML + 1)
            if len(xml) > MAX_DOCUMENT_XML:  # the size in the directory lied
                raise ReadError(
                    f"{NOT_DOCX}：正文解压后超过 {MAX_DOCUMENT_XML // 1024 // 1024} MB 的上限"
                )
            return xml, _part(z, "word/comments.xml")
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


def _part(z: zipfile.ZipFile, name: str) -> bytes:
    """A secondary part, within the document part's limit; empty when absent or too large."""
    try:
        info = z.getinfo(name)
    except KeyError:
        return b""
    if info.file_size > MAX_DOCUMENT_XML:
        return b""
    with z.open(info) as f:
        data = f.read(MAX_DOCUMENT_XML + 1)
    return data if len(data) <= MAX_DOCUMENT_XML else b""


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


def _grid(tbl, index: int, comments: dict[str, str]) -> Grid:
    rows: list[list[GridCell]] = []
    for r, tr in enumerate(_children(tbl, _w("tr"))):
        row: list[GridCell] = []
        before = int(_val(tr, "w:trPr/w:gridBefore") or 0)
        row += [GridCell("", Source("docx", table=index, row=r, col=c)) for c in range(before)]
        for tc in _children(tr, _w("tc")):
            c = len(row)
            span = max(1, min(int(_val(tc, "w:tcPr/w:gridSpan") or 1), 1000))
            vmerge = _val(tc, "w:tcPr/w:vMerge")
            above = rows[r - 1][c] if r and c < len(rows[r - 1]) else None
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
    for r, row in enumerate(rows):
        row += [
            GridCell("", Source("docx", table=index, row=r, col=c)) for c in range(len(row), width)
        ]
    return Grid(rows, Source("docx", table=index))


def parse_document_xml(xml: bytes, path: str | None = None, comments_xml: bytes = b"") -> Document:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as e:
        raise ReadError(f"{NOT_DOCX}：正文 XML 已损坏（{e}）") from None
    comments = _comment_texts(comments_xml, parser)
    body = root.find(_w("body"))
    if body is None:
        raise ReadError(f"{NOT_DOCX}：正文没有 w:body")
    doc = Document(kind="docx", path=path)
    paragraphs = tables = 0

    def visit(parent):
        nonlocal paragraphs, tables
        for el in parent:
            if el.tag == _w("p"):
                paragraphs += 1
                for line in _text(el).split("\n"):
                    if line.strip():
                        doc.blocks.append(Line(line.strip(), Source("docx", line=paragraphs)))
            elif el.tag == _w("tbl"):
                grid = _grid(el, tables, comments)
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
