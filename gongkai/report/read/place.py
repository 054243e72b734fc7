"""Place printed values into the official cells: a chain of pure stages, one per question.

    input kind → Document     (read/<kind>.py; geometry in layout.py)
    → prepared Document       `prepared`: Han compatibility forms folded, flattened text relined
    → parts and table blocks  parts.split_parts
    → entries                 `table_entries`: label text with the values printed beside it
    → matched rows            place_columns.matched_rows: each entry's official row, the header
    → column map              place_columns.column_map: the columns the header prints, in order
    → assignments             place_assign.assignments: each row's values to its cells
    → repairs                 place_repairs.repairs: what needs the whole table (glued rows)
    → OCR'd digits checked    ocr_arithmetic: a digit OCR lost, caught by the table's sums

Each stage is a function of its input and one frozen `Settings` (settings.py, where every
tolerance is named once) and returns a new value that a test can inspect; nothing is carried
from one table to the next. A value is never placed by counting numbers across rows: a row
whose values do not fit its columns, or a run of values that cannot be tied to exactly one
label, leaves its cells UNREADABLE with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..formats import Format, Table
from ..model import Report, State
from .detect import detect_format
from .document import Document, Grid, Line, NotAReport, ReadError, folded
from .entries import Entry, entries_from_grid, entries_from_lines, join_detached
from .flat import is_flat, relined
from .match import match_row, whole_label
from .meta import read_meta
from .ocr_arithmetic import distrust_misread, has_ocr_cells
from .parts import split_parts
from .place_assign import Placement, assignments
from .place_columns import column_map, matched_rows
from .place_repairs import repairs
from .settings import SETTINGS, Settings


def place(doc: Document, settings: Settings = SETTINGS) -> Report:
    """The Report a Document holds; ReadError when it holds no annual report."""
    doc, fmt = prepared(doc, settings)
    report = Report(format=fmt, source_file=doc.path, source_kind=doc.kind)
    regions = split_parts(doc, fmt)
    for region in regions:
        if region.part is not None and region.part not in report.parts:
            report.parts[region.part] = region.text_part()
    read_meta(report, doc, regions)
    for table in fmt.tables:
        blocks = [b for r in regions if r.table == table.key for b in r.blocks]
        if blocks:
            placed = place_table(table, blocks, settings)
            report.cells.update(placed.cells)
            report.notes.extend(placed.notes)
            if placed.other_as_one_row:
                report.print_other_as_one_row()
    if has_ocr_cells(report):  # a digit OCR lost breaks the table's sums: never a wrong value
        distrust_misread(report)
    if not any(c.state is State.NUMBER for c in report.cells.values()):
        if not report.parts:
            raise NotAReport("不是政府信息公开工作年度报告：没有找到报告的各部分标题和统计表")
        raise ReadError("没有读到统计表中的任何数字：表格的版式无法识别")
    return report


def prepared(doc: Document, settings: Settings = SETTINGS) -> tuple[Document, Format]:
    """The document every later stage reads, and its format: Han compatibility forms folded
    (some PDF fonts print ⼀ for 一), and text flattened from a web page cut back into lines."""
    doc = folded(doc)
    fmt = detect_format(doc.plain_text())
    if is_flat(doc, fmt, settings):
        doc = relined(doc, fmt)
    return doc, fmt


def place_table(
    table: Table, blocks: Sequence[Line | Grid], settings: Settings = SETTINGS
) -> Placement:
    """One table's cells from the blocks of its part: the stages from entries to repairs."""
    matched = matched_rows(table_entries(blocks, table, settings), table, settings)
    cmap = column_map(matched, table)
    return repairs(assignments(matched, cmap, settings), cmap, settings)


def table_entries(
    blocks: Sequence[Line | Grid], table: Table, settings: Settings = SETTINGS
) -> list[Entry]:
    """The table's blocks as row entries: each grid row one entry, runs of text lines joined
    where a label wraps or is printed around its values (entries.py)."""
    out: list[Entry] = []
    run: list[Line] = []

    def lines() -> list[Entry]:
        return join_detached(
            entries_from_lines(run),
            lambda label: match_row(label, table, settings),
            lambda row: not row.official and bool(row.parts),
            lambda label: whole_label(label, table, settings),
        )

    for b in blocks:
        if isinstance(b, Line):
            run.append(b)
            continue
        out += lines()
        run = []
        out += entries_from_grid(b)
    return out + lines()
