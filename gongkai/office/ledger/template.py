"""Write a ledger workbook in the layout `import-ledger` reads: the blank template offered for
download, and the export of an agency's ledger. Sheet 申请 for applications, 复议诉讼 for appeals."""

from __future__ import annotations

import io

from .sheet import APPEAL_COLUMNS, APPLICATION_COLUMNS


def write_ledger_xlsx(applications: list[dict] = (), appeals: list[dict] = ()) -> bytes:
    """Each record is a mapping column label → value (dates as datetime.date, blanks as None/"")."""
    from openpyxl import Workbook

    from gongkai.report.write.sheet_text import append_row

    book = Workbook()
    sheet = book.active
    sheet.title = "申请"
    for title, columns, records in (
        ("申请", APPLICATION_COLUMNS, applications),
        ("复议诉讼", APPEAL_COLUMNS, appeals),
    ):
        if title != sheet.title:
            sheet = book.create_sheet(title)
        sheet.append(list(columns))
        for rec in records:
            append_row(sheet, [rec.get(c) for c in columns])
            for cell in sheet[sheet.max_row]:
                if hasattr(cell.value, "year"):
                    cell.number_format = "yyyy-mm-dd"
        for col, name in zip("ABCDEFGHIJ", columns):
            sheet.column_dimensions[col].width = max(10, len(name) * 2 + 4)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
