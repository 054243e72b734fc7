"""Table 2 (收到和处理政府信息公开申请情况) as printed: which columns and rows a report has.

Local variants count: a 法人小计 column and subtotal rows are checked when printed. A report
that printed （六）其他处理 as one row (`Report.other_as_one_row`) uses that row as the
（六） outcome row in place of its three items (domain-spec §3.2, §3.4).
"""

from __future__ import annotations

from ..formats import (
    APPLICANT_COLUMNS,
    LEGAL_SUBTOTAL,
    ORG,
    OTHER_KEY,
    T2,
    TABLE2_2021,
    TOTAL_COLUMN,
    Row,
)
from ..model import Report

ORG_COLUMNS = tuple(c.key for c in APPLICANT_COLUMNS if c.group == ORG)
APPLICANTS = tuple(c.key for c in APPLICANT_COLUMNS)
TOTAL = TOTAL_COLUMN.key
SUBTOTAL = LEGAL_SUBTOTAL.key


def has_org_subtotal(report: Report) -> bool:
    return any(key(row.key, SUBTOTAL) in report.cells for row in report.format.table(T2).rows)


def columns(report: Report) -> tuple[str, ...]:
    """The 7 official columns, plus 法人小计 when the report printed it."""
    cols = (*APPLICANTS, TOTAL)
    return (*cols[:-1], SUBTOTAL, cols[-1]) if has_org_subtotal(report) else cols


def _printed(report: Report, row: Row) -> bool:
    return any(k in report.cells for k in TABLE2_2021.row_keys(row, official_only=False))


def rows(report: Report) -> list[Row]:
    """Table 2 rows as printed: the official rows (the （六） items replaced by the single
    （六） row where so printed) and the local subtotal rows that appear in the report."""
    single = report.other_as_one_row
    out = []
    for row in report.format.table(T2).rows:
        if single and row.key.startswith(f"{OTHER_KEY}."):
            continue
        if row.official or _printed(report, row) or (single and row.key == OTHER_KEY):
            out.append(row)
    return out


def leaf_rows(report: Report) -> list[Row]:
    """The outcome rows summed by （七）总计 (R-2): 21 in 2021, 19 in 2019 or a single-row （六）."""
    single = report.other_as_one_row
    table = report.format.table(T2)
    out = []
    for row in table.rows:
        if single and row.key.startswith(f"{OTHER_KEY}."):
            continue
        if row.leaf or (single and row.key == OTHER_KEY):
            out.append(row)
    return out


def subtotal_rows(report: Report) -> list[Row]:
    """Printed subtotal rows with their items printed too (R-4)."""
    return [
        r
        for r in report.format.table(T2).rows
        if r.parts and _printed(report, r) and not (r.key == OTHER_KEY and report.other_as_one_row)
    ]


def key(row: str, col: str) -> str:
    """A table-2 cell key (the rows and columns of both formats are those of 2021)."""
    return TABLE2_2021.cell_key(row, col)
