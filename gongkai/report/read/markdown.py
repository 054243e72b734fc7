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
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Source
from .document import Grid, GridCell
from .entries import PAGE_FOOTER, is_value

RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BR = re.compile(r"<br\s*/?>", re.I)  # line breaks a converter leaves inside cells
#: the names converters give the columns of a header row with no text (pymupdf4llm: Col1 …)
_PLACEHOLDER = re.compile(r"^Col\d+$")
#: a page number that lost one of its dashes on the way ("- 4"): outside a table, not a value
_HALF_FOOTER = re.compile(r"^\s*[-－—–]\s*\d{1,3}\s*$")


def starts_table(lines: list[str], i: int) -> bool:
    """Line i is a table's header row: a pipe row followed by a rule row (|---|---|)."""
    return (
        lines[i].lstrip().startswith("|")
        and i + 1 < len(lines)
        and bool(RULE.match(lines[i + 1].strip()))
    )


def is_page_footer(text: str) -> bool:
    """A page number printed between a table's pieces (a document holding Markdown tables)."""
    return bool(PAGE_FOOTER.match(text) or _HALF_FOOTER.match(text))


def md_grid(lines: list[str], i: int, index: int) -> tuple[Grid, int]:
    """The table starting at line i as a Grid, and the line after it."""
    rows: list[list[GridCell]] = []
    while i < len(lines) and lines[i].lstrip().startswith("|"):
        text = lines[i].strip()
        if not RULE.match(text):
            cells = _BR.sub("", _inner(text)).split("|")
            rows.append(
                [
                    GridCell(
                        _text(c, header=not rows),
                        Source("text", line=i + 1, table=index, row=len(rows), col=j),
                    )
                    for j, c in enumerate(cells)
                ]
            )
        i += 1
    _mark_merged(rows)
    return Grid(rows, Source("text", line=rows[0][0].source.line if rows else None, table=index)), i


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
