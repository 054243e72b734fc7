"""The report as a Word document in the official layout (FMT2021 annex), built from formats.py.

A4 with the 公文 margins of GB/T 9704, 仿宋_GB2312 三号 body text with 黑体 part headings, and
the three tables with the merged header cells of the reference template (宋体 10pt, the
勾稽关系 note in 楷体). Fonts are set for East Asian text too (w:eastAsia); otherwise Word
draws the Chinese in its Latin font's fallback. An unreadable cell is shaded and carries a
comment that says why.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, Twips

from ..model import UNREADABLE_NOTE, Report, State
from .printed_tables import Slot, TableLayout, column_shares, layouts, placed, title
from .sections import sections, signature

SUFFIX = ".docx"

BODY_FONT, HEADING_FONT, TITLE_FONT, TABLE_FONT, NOTE_FONT = (
    "仿宋_GB2312",
    "黑体",
    "宋体",
    "宋体",
    "楷体",
)
TEXT_WIDTH = 8844  # twips: A4 minus 2.8 cm and 2.6 cm side margins (GB/T 9704)
UNREADABLE_FILL = "FFE38A"
CELL_MARGIN = 40  # twips each side (Word's default 108 leaves one character per column in table 3)


def _fonts(rpr_parent, name: str, size: float | None = None, bold: bool | None = None) -> None:
    """Set `name` for Latin and East Asian text on a run's or a style's font."""
    font = rpr_parent.font
    font.name = name
    rpr = rpr_parent.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold


def _page(doc) -> None:
    s = doc.sections[0]
    s.page_width, s.page_height = Cm(21), Cm(29.7)
    s.top_margin, s.bottom_margin, s.left_margin, s.right_margin = (
        Cm(3.7),
        Cm(3.5),
        Cm(2.8),
        Cm(2.6),
    )
    normal = doc.styles["Normal"]
    _fonts(normal, BODY_FONT, 16)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = Pt(28)


def _para(
    doc,
    text: str,
    font: str = BODY_FONT,
    size: float = 16,
    indent: bool = True,
    align=WD_ALIGN_PARAGRAPH.JUSTIFY,
    bold: bool | None = None,
):
    p = doc.add_paragraph()
    p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    _fonts(p.add_run(text), font, size, bold)
    return p


def _shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _fill(doc, cell, slot: Slot) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    p = cell.paragraphs[0]
    p.alignment = (
        WD_ALIGN_PARAGRAPH.LEFT if slot.role in ("label", "note") else WD_ALIGN_PARAGRAPH.CENTER
    )
    fmt = p.paragraph_format
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    run = p.add_run(slot.text)
    _fonts(run, NOTE_FONT if slot.role == "note" else TABLE_FONT, 10)
    if slot.state is State.UNREADABLE:
        _shade(cell, UNREADABLE_FILL)
        doc.add_comment(
            run if slot.text else p.add_run(" "),
            text=UNREADABLE_NOTE + (slot.reason or ""),
            author="gongkai",
        )


def _row_flags(row, header: bool) -> None:
    """Never split a row across pages; repeat header rows at the top of each page."""
    trpr = row._tr.get_or_add_trPr()
    for name in ("w:cantSplit", "w:tblHeader") if header else ("w:cantSplit",):
        el = OxmlElement(name)
        el.set(qn("w:val"), "true")
        trpr.append(el)


def _cell_margins(table, twips: int) -> None:
    """Narrow side margins, so that a 4-character label fits a number column in two lines."""
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(twips))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    table._tbl.tblPr.append(mar)


def _table(doc, layout: TableLayout) -> None:
    table = doc.add_table(rows=len(layout.rows), cols=layout.width)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [round(TEXT_WIDTH * share) for share in column_shares(layout)]
    for gc, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(w))
    for row in table.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = Twips(w)
    for r, row in enumerate(table.rows):
        _row_flags(row, r < layout.head)
    _cell_margins(table, CELL_MARGIN)
    # Cells taken once from the unmerged grid (table.cell() rescans the table on each call);
    # slots never overlap, so no merge removes a cell that a later slot uses.
    grid = table._cells

    def at(r, c):
        return grid[r * layout.width + c]

    for r, c, slot in placed(layout):
        cell = at(r, c)
        if slot.rowspan > 1 or slot.colspan > 1:
            cell = cell.merge(at(r + slot.rowspan - 1, c + slot.colspan - 1))
        _fill(doc, cell, slot)


def render(report: Report):
    doc = Document()
    _page(doc)
    tables = {t.table.key: t for t in layouts(report)}
    _para(
        doc, title(report), TITLE_FONT, 22, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True
    )
    for heading, paragraphs, table in sections(report):
        fmt = _para(doc, heading, HEADING_FONT).paragraph_format
        fmt.keep_with_next, fmt.space_before = True, Pt(6)
        for text in paragraphs:
            _para(doc, text)
        if table is not None:
            _table(doc, tables[table.key])
    for line in signature(report):
        _para(doc, line, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    return doc


def write(report: Report) -> bytes:
    buf = io.BytesIO()
    render(report).save(buf)
    return buf.getvalue()
