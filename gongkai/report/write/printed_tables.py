"""The three tables as they are printed: rows of slots with their row and column spans.

The html, docx and xlsx writers draw the same picture, the merged header cells of the
FMT2021 annex (domain-spec §2.3–§2.5), so it is computed here once, from formats.py. Only
origin slots are listed, as in HTML: a slot with rowspan 2 is absent from the row below.

Only the official rows and columns are drawn, except where ``report.layout`` says the report
printed a local row instead of its parts (``formats.SINGLE_ROW``: （六）其他处理 as one row);
drawing the parts then would drop the printed numbers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby

from ..formats import (
    APPLICANTS,
    BALANCE_NOTE,
    CONTENT,
    SINGLE_ROW,
    T1,
    T2,
    T3,
    Column,
    Row,
    Table,
    report_title,
)
from ..model import Cell, Report, State


@dataclass(frozen=True)
class Slot:
    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    role: str = "value"  # block | head | note | label | value
    key: str | None = None  # the cell key of a value slot
    state: State | None = None  # the cell's state (value slots)
    reason: str | None = None  # why a value slot is unreadable


@dataclass(frozen=True)
class TableLayout:
    table: Table
    rows: list[list[Slot]]
    width: int  # columns of the grid
    head: int = 0  # leading header rows (repeated on each printed page)
    labels: int = 0  # leading columns that hold row labels, not numbers


def shown(cell: Cell) -> str:
    """What a value slot prints: the number, the printed "/" mark, nothing, or the raw text."""
    if cell.state is State.NUMBER:
        v = cell.value
        return format(v, "f") if isinstance(v, Decimal) else str(v)
    if cell.state is State.NOT_APPLICABLE:
        return cell.raw or "/"
    return cell.raw if cell.state is State.UNREADABLE else ""


def value_slot(report: Report, key: str, colspan: int = 1) -> Slot:
    cell = report.cell(key)
    return Slot(
        shown(cell),
        colspan=colspan,
        key=key,
        state=cell.state,
        reason=cell.reason if cell.state is State.UNREADABLE else None,
    )


def title(report: Report) -> str:
    if report.title:
        return report.title
    return report_title(report.agency, report.year)


def printed_rows(report: Report, table: Table) -> list[Row]:
    """Official rows, with a local row in place of its parts where the report printed it so."""
    rows: list[Row] = []
    swapped = {
        r.key: r
        for r in table.rows
        if not r.official and r.parts and report.layout.get(f"{table.key}.{r.key}") == SINGLE_ROW
    }
    replaced = {part: whole for whole in swapped.values() for part in whole.parts}
    for r in table.rows:
        if r.key in replaced:
            if replaced[r.key] not in rows:
                rows.append(replaced[r.key])
        elif r.official:
            rows.append(r)
    return rows


def official_columns(row: Row) -> tuple[Column, ...]:
    return tuple(c for c in row.columns if c.official)


def _spread(total: int, parts: int) -> list[int]:
    """Split `total` grid columns over `parts` printed columns, the last taking the rest."""
    base = total // parts
    return [base] * (parts - 1) + [total - base * (parts - 1)]


def blocks(report: Report, table: Table) -> TableLayout:
    """Table 1 (§2.3): per 第二十条 item a spanning header, a 信息内容 row, then the data rows."""
    rows = printed_rows(report, table)
    width = max(len(official_columns(r)) for r in rows)
    out: list[list[Slot]] = []
    for (block, cols), brows in groupby(rows, key=lambda r: (r.block, official_columns(r))):
        spans = _spread(width, len(cols))
        out.append([Slot(block, colspan=width + 1, role="block")])
        out.append(
            [Slot(CONTENT, role="head")]
            + [Slot(c.label, colspan=s, role="head") for c, s in zip(cols, spans)]
        )
        for r in brows:
            out.append(
                [Slot(r.label, role="label")]
                + [value_slot(report, table.cell_key(r, c), s) for c, s in zip(cols, spans)]
            )
    return TableLayout(table, out, width + 1, labels=1)


def _column_runs(cols: tuple[Column, ...]) -> list[tuple[str, list[Column]]]:
    return [(g, list(run)) for g, run in groupby(cols, key=lambda c: c.group)]


def chain(row: Row, table: Table) -> tuple[str, ...]:
    """The headings a row sits under, outermost first (三、本年度办理结果 → （三）不予公开)."""
    parent_of = {r.label: r.group for r in table.rows}
    chain: list[str] = []
    group = row.group
    while group and group not in chain:
        chain.insert(0, group)
        group = parent_of.get(group, "")
    return tuple(chain)


def matrix(report: Report, table: Table) -> TableLayout:
    """Table 2 (§2.4): the 勾稽关系 note and 申请人情况 over two header rows; nested row headings."""
    rows = printed_rows(report, table)
    cols = official_columns(rows[0])
    paths = [chain(r, table) for r in rows]
    depth = 1 + max(len(p) for p in paths)
    runs = _column_runs(cols)
    head_rows = 3 if any(g for g, _ in runs) else 2
    out: list[list[Slot]] = [
        [
            Slot(BALANCE_NOTE, rowspan=head_rows, colspan=depth, role="note"),
            Slot(APPLICANTS, colspan=len(cols), role="head"),
        ]
    ]
    second: list[Slot] = []
    third: list[Slot] = []
    for group, run in runs:
        if group:
            second.append(Slot(group, colspan=len(run), role="head"))
            third.extend(Slot(c.label, role="head") for c in run)
        else:
            second.extend(Slot(c.label, rowspan=head_rows - 1, role="head") for c in run)
    out += [second, third] if third else [second]
    for i, (r, path) in enumerate(zip(rows, paths)):
        line: list[Slot] = []
        for level, heading in enumerate(path):
            if i and paths[i - 1][: level + 1] == path[: level + 1]:
                continue
            span = 1
            while i + span < len(rows) and paths[i + span][: level + 1] == path[: level + 1]:
                span += 1
            line.append(Slot(heading, rowspan=span, role="label"))
        line.append(Slot(r.label, colspan=depth - len(path), role="label"))
        line += [value_slot(report, table.cell_key(r, c)) for c in cols]
        out.append(line)
    return TableLayout(table, out, depth + len(cols), head_rows, depth)


def one_row(report: Report, table: Table) -> TableLayout:
    """Table 3 (§2.5): the rows are printed as column groups over one data row of 15 cells."""
    rows = printed_rows(report, table)
    grouped = any(r.group for r in rows)
    first: list[Slot] = []
    second: list[Slot] = []
    third: list[Slot] = []
    values: list[Slot] = []
    for group, grouped_rows in groupby(rows, key=lambda r: r.group):
        run = list(grouped_rows)
        if group:
            first.append(
                Slot(group, colspan=sum(len(official_columns(r)) for r in run), role="head")
            )
        for r in run:
            cols = official_columns(r)
            (second if group else first).append(Slot(r.label, colspan=len(cols), role="head"))
            under = third if group else second
            under.extend(
                Slot(c.label, rowspan=1 if group or not grouped else 2, role="head") for c in cols
            )
            values.extend(value_slot(report, table.cell_key(r, c)) for c in cols)
    head = [first, second] + ([third] if grouped else [])
    return TableLayout(table, head + [values], len(values), len(head))


SHAPES = {T1: blocks, T2: matrix, T3: one_row}


def layouts(report: Report) -> list[TableLayout]:
    return [SHAPES[t.key](report, t) for t in report.format.tables]


def column_shares(layout: TableLayout) -> list[float]:
    """Each grid column's share of the table width, as in the reference template: table 2's
    number columns narrow (640 of 8844 twips), its row headings 760 and 960, the row labels the
    rest; the other tables evenly."""
    labels, numbers = layout.labels, layout.width - layout.labels
    if not labels or numbers <= 3:
        return [1 / layout.width] * layout.width
    total, value, outer, inner = 8844, 640, 760, 960
    headings = [outer] + [inner] * (labels - 2) if labels > 1 else []
    widths = headings + [total - numbers * value - sum(headings)] + [value] * numbers
    return [w / total for w in widths]


def placed(layout: TableLayout) -> Iterator[tuple[int, int, Slot]]:
    """Each slot with the grid row and column where it starts (HTML's table-cell placement)."""
    taken = [[False] * layout.width for _ in layout.rows]
    for r, line in enumerate(layout.rows):
        c = 0
        for slot in line:
            while taken[r][c]:
                c += 1
            for dr in range(slot.rowspan):
                for dc in range(slot.colspan):
                    taken[r + dr][c + dc] = True
            yield r, c, slot
            c += slot.colspan
