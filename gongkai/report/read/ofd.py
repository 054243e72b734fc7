"""OFD inputs (GB/T 33190-2016, the national format for official electronic documents): a zip
of XML pages whose text is positioned, read like a PDF's text layer.

The package's OFD.xml names the document (DocBody/DocRoot); the document lists its pages
(Pages/Page BaseLoc), each page's Content.xml holds layers of TextObjects (a Boundary box,
an optional CTM, a font Size, and TextCodes whose X/Y give the baseline of the first
character and DeltaX the advance to each next one) and PathObjects (AbbreviatedData: M, L,
Q, B, A, C drawing commands). Templates a page uses are read with it. Coordinates are in
millimetres from the top left; they are turned into points, so that the glyphs and the
ruling lines go through the same cell geometry (`layout`) as a PDF page's.

lxml reads the XML directly (easyofd, the one library for the format, renders pages through
a stack of imaging dependencies and is date-versioned; reading the text needs none of it).
A page with no text (a scan embedded as an image) is refused with its number: OCR of the
images an OFD carries is not done.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from .document import Document, Line, ReadError
from .layout import Glyph, TablePart, h_edge, page_blocks, text_lines, top_of, v_edge
from .limits import MAX_DEPTH, Budget, check_file, check_package, check_pages, read_part
from .pdf_tables import ruled_tables

NOT_OFD = "不是有效的 OFD 文件"
PT_PER_MM = 72 / 25.4
#: a glyph's box around its baseline, as a share of the font size (the ascent and descent
#: of a CJK font); the width of a last character with no DeltaX after it
ASCENT, DESCENT = 0.88, 0.12
#: the font size (mm) of a text object that states none: 3.5 mm is about 10 pt, body text
DEFAULT_FONT_SIZE = 3.5
_PATH_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARGS = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def read_ofd(path: str | Path) -> Document:
    """The Document an OFD holds; ReadError for a file that is not a readable OFD."""
    check_file(path)
    budget = Budget()
    try:
        with zipfile.ZipFile(path) as z:
            check_package(z, NOT_OFD)
            doc_path = _doc_root(z)
            document = _xml(z, doc_path)
            base = posixpath.dirname(doc_path)
            default_box = _box(document.find("{*}CommonData/{*}PageArea/{*}PhysicalBox"))
            templates = {
                t.get("ID"): _resolve(z, base, t.get("BaseLoc", ""))
                for t in document.iterfind("{*}CommonData/{*}TemplatePage")
            }
            page_list = document.findall("{*}Pages/{*}Page")
            check_pages(len(page_list), path)
            pages, heights = [], []
            for number, entry in enumerate(page_list, start=1):
                budget.deadline.check(f"第 {number} 页")
                content = _xml(z, _resolve(z, base, entry.get("BaseLoc", "")))
                box = _box(content.find("{*}Area/{*}PhysicalBox")) or default_box
                if box is None:
                    raise ReadError(f"{NOT_OFD}：第 {number} 页没有页面大小（PhysicalBox）")
                trees = [
                    _xml(z, templates[t.get("TemplateID")])
                    for t in content.iterfind("{*}Template")
                    if templates.get(t.get("TemplateID"))
                ]
                items = _page_items([*trees, content], box, number, budget)
                if not any(isinstance(it, TablePart) or it.text.strip() for it in items):
                    raise ReadError(
                        f"OFD 第 {number} 页没有文字层（可能是扫描图像），暂不能识别：{path}"
                    )
                pages.append(items)
                heights.append(box[3] * PT_PER_MM)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, KeyError) as e:
        raise ReadError(f"{NOT_OFD}（{e}）") from None
    except OSError as e:
        raise ReadError(f"无法读取文件：{path}（{e.strerror or e}）") from None
    return Document(page_blocks(pages, heights, "ofd"), kind="ofd", path=str(path))


# ----------------------------------------------------------------------------- the package


def _xml(z: zipfile.ZipFile, name: str):
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(read_part(z, name, NOT_OFD), parser)
    except KeyError:
        raise ReadError(f"{NOT_OFD}：缺少 {name}") from None
    except etree.XMLSyntaxError as e:
        if "depth" in str(e):
            raise ReadError(f"{NOT_OFD}：{name} 嵌套过深，无法读取") from None
        raise ReadError(f"{NOT_OFD}：{name} 已损坏（{e}）") from None


def _doc_root(z: zipfile.ZipFile) -> str:
    names = {n.lower(): n for n in z.namelist()}
    if "ofd.xml" not in names:
        raise ReadError(f"{NOT_OFD}：缺少入口文件 OFD.xml")
    root = _xml(z, names["ofd.xml"]).find("{*}DocBody/{*}DocRoot")
    if root is None or not (root.text or "").strip():
        raise ReadError(f"{NOT_OFD}：OFD.xml 没有指明文档（DocRoot）")
    return _resolve(z, "", root.text.strip())


def _resolve(z: zipfile.ZipFile, base: str, loc: str) -> str:
    """A location inside the package: absolute ("/Doc_0/…"), or relative to `base`; some
    producers write it relative to the package root instead."""
    loc = loc.strip().replace("\\", "/")
    if loc.startswith("/"):
        return posixpath.normpath(loc.lstrip("/"))
    joined = posixpath.normpath(posixpath.join(base, loc))
    names = set(z.namelist())
    if joined not in names and posixpath.normpath(loc) in names:
        return posixpath.normpath(loc)
    return joined


def _numbers(text: str | None) -> list[float]:
    out = []
    for t in (text or "").replace(",", " ").split():
        try:
            out.append(float(t))
        except ValueError:
            return []
    return out


def _box(el) -> tuple[float, float, float, float] | None:
    values = _numbers(el.text if el is not None else None)
    if len(values) != 4 or values[2] <= 0 or values[3] <= 0:
        return None
    x, y, w, h = values
    return (x, y, w, h)


def _deltas(text: str | None) -> list[float]:
    """DeltaX/DeltaY: numbers, where "g N d" stands for N times d."""
    tokens = (text or "").split()
    out: list[float] = []
    i = 0
    try:
        while i < len(tokens):
            if tokens[i] == "g" and i + 2 < len(tokens):
                out += [float(tokens[i + 2])] * min(int(float(tokens[i + 1])), 100_000)
                i += 3
            else:
                out.append(float(tokens[i]))
                i += 1
    except ValueError:
        return out
    return out


# ----------------------------------------------------------------------------- one page


def _matrix(el, outer: Matrix) -> Matrix:
    """The object's own space to page space: its CTM, then its Boundary's origin, then the
    enclosing blocks' transforms."""
    ctm = _numbers(el.get("CTM"))
    a, b, c, d, e, f = ctm if len(ctm) == 6 else IDENTITY
    bound = _numbers(el.get("Boundary"))
    if len(bound) == 4:
        e, f = e + bound[0], f + bound[1]
    return _compose((a, b, c, d, e, f), outer)


def _compose(m: Matrix, n: Matrix) -> Matrix:
    """Apply m, then n."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _page_items(trees, box, number: int, budget: Budget) -> list[Line | TablePart]:
    glyphs: list[Glyph] = []
    edges: list[dict] = []
    origin: Matrix = (PT_PER_MM, 0, 0, PT_PER_MM, -box[0] * PT_PER_MM, -box[1] * PT_PER_MM)
    for tree in trees:
        for layer in tree.iterfind("{*}Content/{*}Layer"):
            _walk(layer, origin, glyphs, edges, budget, 0)
    width, height = box[2] * PT_PER_MM, box[3] * PT_PER_MM
    parts = [
        TablePart(number, bbox, cells, [g for g in glyphs if _inside(bbox, g)])
        for bbox, cells in ruled_tables(edges, width, height)
    ]
    loose = [g for g in glyphs if not any(_inside(p.bbox, g) for p in parts)]
    items: list[Line | TablePart] = [*text_lines(loose, number, "ofd"), *parts]
    items.sort(key=top_of)
    return items


def _inside(b, g: Glyph) -> bool:
    return b[0] <= g.cx <= b[2] and b[1] <= g.cy <= b[3]


def _walk(parent, m: Matrix, glyphs, edges, budget: Budget, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise ReadError(f"{NOT_OFD}：页面对象嵌套过深，无法读取")
    for el in parent:
        if not isinstance(el.tag, str):
            continue
        name = etree.QName(el).localname
        budget.take_element()
        if name == "TextObject":
            _text_object(el, _matrix(el, m), glyphs, budget)
        elif name == "PathObject":
            if el.get("Stroke", "true") != "false" or el.get("Fill") == "true":
                _path_object(el, _matrix(el, m), edges)
        elif name in ("PageBlock", "CompositeObject"):
            _walk(el, _matrix(el, m) if el.get("Boundary") else m, glyphs, edges, budget, depth + 1)


def _text_object(el, m: Matrix, out: list[Glyph], budget: Budget) -> None:
    sizes = _numbers(el.get("Size"))
    size = sizes[0] if sizes else DEFAULT_FONT_SIZE
    # the font size in page units: the object's vertical scale applied to it
    scale_y = (m[2] ** 2 + m[3] ** 2) ** 0.5
    em = size * scale_y
    x = y = 0.0
    for code in el.iterfind("{*}TextCode"):
        text = code.text or ""
        budget.take_glyphs(len(text))
        xs, ys = _numbers(code.get("X")), _numbers(code.get("Y"))
        x = xs[0] if xs else x
        y = ys[0] if ys else y
        dx, dy = _deltas(code.get("DeltaX")), _deltas(code.get("DeltaY"))
        spaced = False
        for i, ch in enumerate(text):
            advance = (
                dx[i]
                if i < len(dx)
                else (dx[-1] if dx else size * (1 if ord(ch) > 0x2E7F else 0.5))
            )
            px, py = _apply(m, x, y)
            qx, _ = _apply(m, x + advance, y)
            if ch.isspace():
                spaced = True
            else:
                x0, x1 = min(px, qx), max(px, qx)
                if x1 - x0 < 0.1:
                    x1 = x0 + 0.5 * em
                out.append(
                    Glyph(ch, x0, py - ASCENT * em, x1, py + DESCENT * em, space_before=spaced)
                )
                spaced = False
            x += advance
            y += dy[i] if i < len(dy) else 0.0


def _path_object(el, m: Matrix, out: list[dict]) -> None:
    data = el.find("{*}AbbreviatedData")
    tokens = _PATH_TOKEN.findall(data.text or "") if data is not None else []
    start = cur = None
    i = 0
    while i < len(tokens):
        op = tokens[i].upper() if tokens[i].isalpha() else None
        if op not in _ARGS:
            i += 1
            continue
        n = _ARGS[op]
        try:
            args = [float(t) for t in tokens[i + 1 : i + 1 + n]]
        except ValueError:
            return
        i += 1 + n
        if len(args) < n:
            return
        if op in ("S", "M"):
            start = cur = _apply(m, args[0], args[1])
        elif op == "C":
            if cur is not None and start is not None:
                _edge(cur, start, out)
                cur = start
        else:
            end = _apply(m, args[-2], args[-1])
            if op == "L" and cur is not None:
                _edge(cur, end, out)
            cur = end


def _edge(p, q, out: list[dict]) -> None:
    """A straight segment in page space (points, y down) kept when it is a ruling."""
    x0, x1 = sorted((p[0], q[0]))
    top, bottom = sorted((p[1], q[1]))
    if x1 - x0 < 0.5 and bottom - top > 0.5:
        out.append(v_edge((x0 + x1) / 2, top, bottom))
    elif bottom - top < 0.5 and x1 - x0 > 0.5:
        out.append(h_edge(x0, x1, (top + bottom) / 2))
