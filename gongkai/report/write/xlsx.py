"""The report as a spreadsheet: one sheet per table in the official layout, plus its metadata.

Numbers are stored as numbers (so a supervising office can add up sheets), "/" as the text
printed, a blank cell as an empty cell; an unreadable cell keeps its printed text, shaded,
with a comment saying why.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ..file_marks import METADATA, METADATA_SHEET
from ..model import UNREADABLE_NOTE, Report, State
from .full_json import to_dict
from .printed_tables import Slot, TableLayout, layouts, placed, title
from .sheet_text import append_row, as_text

SUFFIX = ".xlsx"

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_UNREADABLE = PatternFill("solid", fgColor="FFE38A")
_FONT = Font(name="宋体", size=10)


def _value(report: Report, slot: Slot):
    if slot.key and slot.state is State.NUMBER:
        return report.cell(slot.key).value
    return slot.text or None


def _sheet_name(layout: TableLayout) -> str:
    return f"{layout.table.name} {layout.table.title}"[:31]


def _table(wb: Workbook, report: Report, layout: TableLayout) -> None:
    ws = wb.create_sheet(_sheet_name(layout))
    for r, c, slot in placed(layout):
        for dr in range(slot.rowspan):
            for dc in range(slot.colspan):
                ws.cell(r + dr + 1, c + dc + 1).border = _BORDER
        cell = as_text(ws.cell(r + 1, c + 1, _value(report, slot)))
        cell.font = _FONT
        cell.alignment = Alignment(
            horizontal="left" if slot.role in ("label", "note") else "center",
            vertical="center",
            wrap_text=True,
        )
        if slot.state is State.UNREADABLE:
            cell.fill = _UNREADABLE
            cell.comment = Comment(UNREADABLE_NOTE + (slot.reason or ""), "gongkai")
        if slot.rowspan > 1 or slot.colspan > 1:
            ws.merge_cells(
                start_row=r + 1,
                start_column=c + 1,
                end_row=r + slot.rowspan,
                end_column=c + slot.colspan,
            )
    for col in range(1, layout.width + 1):
        ws.column_dimensions[get_column_letter(col)].width = 24 if col <= layout.labels else 10
    if layout.head:
        ws.freeze_panes = ws.cell(layout.head + 1, layout.labels + 1)


def render(report: Report) -> Workbook:
    wb = Workbook()
    meta = wb.active
    meta.title = METADATA_SHEET
    data = to_dict(report)
    data["title"] = title(report)
    for label, key in METADATA:
        append_row(meta, [label, data.get(key)])
    for note in report.notes:
        append_row(meta, ["备注", note])
    meta.column_dimensions["A"].width = 18
    meta.column_dimensions["B"].width = 60
    for layout in layouts(report):
        _table(wb, report, layout)
    return wb


def write(report: Report) -> bytes:
    buf = io.BytesIO()
    render(report).save(buf)
    return buf.getvalue()
