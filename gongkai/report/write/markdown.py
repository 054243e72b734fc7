"""The report as Markdown: the six parts in order, each table as pipe tables with the official
labels. Pipe tables cannot merge cells, so a spanning header is folded into the label below it
(法人或其他组织·商业企业) and a row heading into the row label; table 1 gets one pipe table per
第二十条 item, since its items have different columns.
"""

from __future__ import annotations

from itertools import groupby

from ..formats import Row, Table
from ..model import Cell, Report, State
from .printed_tables import SHAPES, chain, official_columns, one_row, printed_rows, shown, title
from .sections import sections, signature

SUFFIX = ".md"


def _esc(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _pipe(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(_esc(h) for h in header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(_esc(v) for v in row) + " |" for row in rows]


def _row_label(r: Row, table: Table) -> str:
    return " ".join((*chain(r, table)[1:], r.label))


def _shown(cell: Cell) -> str:
    """As printed; an unreadable cell is flagged with ⚠ (Markdown has no shading)."""
    return f"⚠{shown(cell)}" if cell.state is State.UNREADABLE else shown(cell)


def _values(report: Report, table: Table, r: Row, cols) -> list[str]:
    return [_shown(report.cell(table.cell_key(r, c))) for c in cols]


def _table(report: Report, table: Table) -> list[str]:
    rows = printed_rows(report, table)
    out: list[str] = []
    if SHAPES[table.key] is one_row:  # printed transposed: each row is a column group (§2.5)
        cols = official_columns(rows[0])
        return _pipe(
            ["", *(c.label for c in cols)],
            [[r.full_label, *_values(report, table, r, cols)] for r in rows],
        )
    for block, block_rows in groupby(rows, key=lambda r: (r.block, official_columns(r))):
        brows = list(block_rows)
        cols = block[1]
        if block[0]:
            out += [f"**{block[0]}**", ""]
        out += _pipe(
            ["", *(c.full_label for c in cols)],
            [[_row_label(r, table), *_values(report, table, r, cols)] for r in brows],
        )
        out.append("")
    return out[:-1]


def render(report: Report) -> str:
    out = [f"# {title(report)}", ""]
    for heading, paragraphs, table in sections(report):
        out += [f"## {heading}", ""]
        for p in paragraphs:
            out += [p, ""]
        if table is not None:
            out += [*_table(report, table), ""]
    out += [f"{line}  " for line in signature(report)]
    return "\n".join(out).rstrip() + "\n"


def write(report: Report) -> bytes:
    return render(report).encode("utf-8")
