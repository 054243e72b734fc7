"""The report's numbers as CSV, one line per cell of the official tables (open data).

Each line names its table, row and column as printed, the cell key, the value as printed and
its state, so blank, 0 and "/" stay three different things. Text that a spreadsheet would run
as a formula (starting with = + - @) is quoted with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io

from ..model import Report, State
from .printed_tables import chain, official_columns, printed_rows, shown
from .sheet_text import csv_text

SUFFIX = ".csv"
HEADER = ("表格", "行", "列", "单元格", "值", "状态")
STATE_LABELS = {
    State.NUMBER: "数值",
    State.BLANK: "空白",
    State.NOT_APPLICABLE: "不适用（“/”）",
    State.UNREADABLE: "无法读取",
}


def rows(report: Report):
    for table in report.format.tables:
        for row in printed_rows(report, table):
            label = "·".join((*chain(row, table), row.label))
            for column in official_columns(row):
                key = f"{table.key}.{row.key}.{column.key}"
                cell = report.cell(key)
                value = shown(cell)
                yield (
                    table.title,
                    label,
                    f"{column.group}·{column.label}" if column.group else column.label,
                    key,
                    value if cell.state is State.NUMBER else csv_text(value),
                    STATE_LABELS[cell.state],
                )


def write(report: Report) -> bytes:
    out = io.StringIO()
    sheet = csv.writer(out, lineterminator="\r\n")
    sheet.writerow(HEADER)
    sheet.writerows(rows(report))
    # a BOM so that spreadsheet programs on Chinese Windows open the file as UTF-8
    return ("\ufeff" + out.getvalue()).encode("utf-8")
