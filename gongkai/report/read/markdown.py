"""Markdown pipe tables, as PDF-to-Markdown converters and OCR tools write them.

A converter writes one Markdown table per page, so a report's table arrives in pieces with the
page footer ("- 4") between them; it repeats a merged cell's text in every column the cell
covers ("|行政许可|447228|447228|447228|" under a header merged the same way); it names the
columns of an empty header row Col1, Col2 …; it leaves a label merged over two columns as the
label and an empty cell. Read naively, the footer becomes a value of the row above it, a merged
value three values, the empty label cell a blank value, and the row's count of values no longer
fits its columns. Here each table becomes a Grid whose merged copies are marked as copies
(`GridCell.origin`), so placement reads each printed value once, by its row's label; pieces
are joined later by their labels (placement), never by counting numbers.

At a page break a converter can also fuse the labels of the rows it finds there into one cell
repeated down those rows ("…申请<br>3.其他<br>（七）总计" beside both "3.其他" and "（七）总计"'s
values): when the cell holds as many numbered labels as the rows it is repeated in, each row
takes its own, in the order printed (`_split_fused_labels`); otherwise the rows are left as
they are, and unreadable.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Source
from ..normalize import ROW_MARK
from .document import Grid, GridCell
from .entries import is_value
from .numbers import HALF_FOOTER, PAGE_FOOTER

RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BR = re.compile(r"<br\s*/?>", re.I)  # line breaks a converter leaves inside cells
#: the names converters give the columns of a header row with no text (pymupdf4llm: Col1 …)
_PLACEHOLDER = re.compile(r"^Col\d+$")


def starts_table(lines: list[str], i: int) -> bool:
    """Line i is a table's header row: a pipe row followed by a rule row (|---|---|)."""
    return (
        lines[i].lstrip().startswith("|")
        and i + 1 < len(lines)
        and bool(RULE.match(lines[i + 1].strip()))
    )


def is_page_footer(text: str) -> bool:
    """A page number printed between a table's pieces (a document holding Markdown tables)."""
    return bool(PAGE_FOOTER.match(text) or HALF_FOOTER.match(text))


def md_grid(lines: list[str], i: int, index: int) -> tuple[Grid, int]:
    """The table starting at line i as a Grid, and the line after it."""
    rows: list[list[GridCell]] = []
    broken: list[list[list[str]]] = []  # each cell's lines, as the <br> inside it broke them
    while i < len(lines) and lines[i].lstrip().startswith("|"):
        text = lines[i].strip()
        if not RULE.match(text):
            cells = [_BR.split(c) for c in _inner(text).split("|")]
            broken.append(cells)
            rows.append(
                [
                    GridCell(
                        _text("".join(c), header=not rows),
                        Source("text", line=i + 1, table=index, row=len(rows), col=j),
                    )
                    for j, c in enumerate(cells)
                ]
            )
        i += 1
    _split_fused_labels(rows, broken)
    _mark_merged(rows)
    return Grid(rows, Source("text", line=rows[0][0].source.line if rows else None, table=index)), i


def _split_fused_labels(rows: list[list[GridCell]], broken: list[list[list[str]]]) -> None:
    """Give each row of a run its own label where the converter fused the run's labels into
    one cell repeated down it: k rows with values, the same label cell in one column, and in
    that cell exactly k lines that start a numbered label (3. （七） 四、). Row i takes the
    i-th label, but only when nothing else tells the rows apart (their label cells are all
    alike). Text before the first label is the wrapped end of the row above, and a label cell
    the run repeats beside it that names another row of the run is that row's, not this one's."""
    r = 0
    while r < len(rows):
        j = next((j for j, c in enumerate(rows[r]) if _fused(broken[r][j])), None)
        if j is None:
            r += 1
            continue
        run = r
        while run < len(rows) and j < len(rows[run]) and rows[run][j].text == rows[r][j].text:
            run += 1
        labels = _numbered(broken[r][j])
        values = all(any(c.text and is_value(c.text) for c in rows[k]) for k in range(r, run))
        alike = len({_label_texts(rows[k]) for k in range(r, run)}) == 1
        if values and alike and len(labels) == run - r:
            for k, label in zip(range(r, run), labels):
                rows[k][j].text = label
                for c in rows[k]:
                    if c is not rows[k][j] and c.text in labels and c.text != label:
                        c.text = ""
        r = run


def _label_texts(row: list[GridCell]) -> tuple[str, ...]:
    """The texts of a row's cells before its first value."""
    out = []
    for c in row:
        if c.text and is_value(c.text):
            break
        out.append(c.text)
    return tuple(out)


def _fused(lines: list[str]) -> bool:
    return len(_numbered(lines)) > 1


def _numbered(lines: list[str]) -> list[str]:
    """The labels a cell's lines hold, each from a line starting with its number to the next."""
    out: list[str] = []
    for line in (t.strip() for t in lines):
        if ROW_MARK.match(line):
            out.append(line)
        elif out and line:
            out[-1] += line
    return out


def _inner(row: str) -> str:
    """The row without its outer pipes: only one on each side, so that an empty first or
    last cell ("||（六）其他处理|…") keeps its column."""
    row = row[1:] if row.startswith("|") else row
    return row[:-1] if row.endswith("|") else row


def _text(cell: str, header: bool) -> str:
    t = cell.strip()
    return "" if header and _PLACEHOLDER.match(t) else t


def _mark_merged(rows: list[list[GridCell]]) -> None:
    """Mark the copies a converter wrote of merged cells: a label repeated in the next column;
    a value repeated in the next column where every header row above it is merged there too;
    an empty cell between a row's label and the column where the table's values start."""
    has_value = [any(c.text and is_value(c.text) for c in row) for row in rows]
    firsts = [
        next(j for j, c in enumerate(row) if c.text and is_value(c.text))
        for row, v in zip(rows, has_value)
        if v
    ]
    start = Counter(firsts).most_common(1)[0][0] if firsts else None
    for r, row in enumerate(rows):
        heads = _header_rows(rows, has_value, r)
        for j in range(1, len(row)):
            cell, left = row[j], row[j - 1]
            if cell.text and cell.text == left.text:
                merged_above = heads and all(
                    j < len(h) and h[j].text and h[j].text == h[j - 1].text for h in heads
                )
                if not is_value(cell.text) or merged_above:
                    cell.origin = left.origin or (r, j - 1)
            elif not cell.text and left.text and not is_value(left.text):
                if start is not None and j < start and has_value[r]:
                    cell.origin = left.origin or (r, j - 1)  # the label merged over two columns


def _header_rows(rows: list[list[GridCell]], has_value: list[bool], r: int) -> list:
    """The rows without values right above row r (its header, when r follows one)."""
    out = []
    k = r - 1
    while k >= 0 and not has_value[k]:
        out.append(rows[k])
        k -= 1
    return out
