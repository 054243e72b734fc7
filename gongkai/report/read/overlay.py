"""A PDF's pages as an HTML page with each placed cell's box and key drawn over them, to see at
a glance where every number was read (`gongkai parse FILE.pdf --overlay -o pages.html`).

Like pdfplumber's `debug_tablefinder`: the picture of what placement decided. A box is green for
a number, grey for a blank or "/", red for an unreadable cell; its tooltip is the cell's
explanation.
"""

from __future__ import annotations

import base64
import io
from html import escape

from ..model import Report, State
from .document import ReadError
from .explain import explain

SCALE = 1.5  # 108 dpi: numbers legible, a page about 150 KB
_COLOURS = {
    State.NUMBER: "#1a7f37",
    State.BLANK: "#777",
    State.NOT_APPLICABLE: "#777",
    State.UNREADABLE: "#c00",
}


def overlay(report: Report, pdf_path: str, pages: set[int] | None = None) -> str:
    """The HTML page: every page of the PDF holding a placed cell (or the `pages` asked for)."""
    import pypdfium2 as pdfium

    boxes: dict[int, list[tuple[str, object]]] = {}
    for key, cell in report.cells.items():
        src = cell.source
        if src is not None and src.page is not None and src.bbox is not None:
            boxes.setdefault(src.page, []).append((key, cell))
    try:
        doc = pdfium.PdfDocument(str(pdf_path))
    except pdfium.PdfiumError:
        raise ReadError(f"PDF 文件无法打开：{pdf_path}") from None
    shown = sorted(pages if pages else boxes)
    out = []
    try:
        for number in shown:
            if not 1 <= number <= len(doc):
                raise ReadError(f"没有第 {number} 页（共 {len(doc)} 页）")
            page = doc[number - 1]
            width, height = page.get_size()
            image = page.render(scale=SCALE).to_pil()
            png = io.BytesIO()
            image.save(png, "PNG", optimize=True)
            out.append(_page(number, width, height, png.getvalue(), boxes.get(number, []), report))
            page.close()
    finally:
        doc.close()
    return _HEAD + "\n".join(out) + "\n</body></html>\n"


def _page(number, width, height, png: bytes, cells, report: Report) -> str:
    data = base64.b64encode(png).decode("ascii")
    marks = []
    for key, cell in cells:
        x0, top, x1, bottom = cell.source.bbox
        style = (
            f"left:{100 * x0 / width:.2f}%;top:{100 * top / height:.2f}%;"
            f"width:{100 * (x1 - x0) / width:.2f}%;height:{100 * (bottom - top) / height:.2f}%;"
            f"border-color:{_COLOURS[cell.state]}"
        )
        marks.append(
            f'<div class="box" style="{style}" title="{escape(explain(report, key))}">'
            f"<span>{escape(key)}</span></div>"
        )
    return (
        f'<section><h2>第 {number} 页（{len(cells)} 个单元格）</h2><div class="page">'
        f'<img src="data:image/png;base64,{data}" alt="第 {number} 页">'
        + "".join(marks)
        + "</div></section>"
    )


_HEAD = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>单元格位置</title>
<style>
body { font-family: sans-serif; margin: 1em; }
.page { position: relative; display: inline-block; border: 1px solid #ccc; }
.page img { display: block; width: 900px; }
.box { position: absolute; border: 2px solid; box-sizing: border-box; }
.box span { position: absolute; left: 0; top: -1.1em; font-size: 9px; white-space: nowrap;
  background: rgba(255,255,255,.85); display: none; }
.box:hover span { display: block; }
</style></head><body>
<p>绿框：数字；灰框：空白或“/”；红框：无法读取。鼠标停在框上可看到单元格的键和读取步骤。</p>
"""
