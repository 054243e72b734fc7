"""Plain-text inputs: pasted web pages, text dumps of PDFs, Markdown.

Three shapes are recognised line by line:
- running text (paragraphs, and tables flattened one cell or one row per line): `Line`s;
- the tab-flattened table of a pasted web page (SEED): each cell a line starting with a tab,
  a cell's text may wrap onto untabbed lines, rows are separated by blank lines: a `Grid`;
- Markdown pipe tables: a `Grid`.
"""

from __future__ import annotations

import os

from ..formats import FORMAT_2021
from ..lazy_pattern import lazy
from ..model import UNREADABLE_NOTE, Source
from .document import Document, Grid, GridCell, Line
from .encoding import decode
from .limits import check_text_shape
from .parts import part_title

_MAX_CONTINUATION = 12  # a wrapped cell's continuation line is short; a paragraph is not


def read_text(path: str | os.PathLike, data: bytes | None = None) -> Document:
    if data is None:
        with open(path, "rb") as f:
            data = f.read()
    text = decode(data)
    check_text_shape(text)
    return parse_text(text, os.fspath(path))


def parse_text(text: str, path: str | None = None) -> Document:
    doc = Document(kind="text", path=path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if _tabs_are_separators(lines):
        lines = [line.strip() for line in lines]
    i, n = 0, len(lines)
    tables = 0
    markdown = _markdown(text, lines)
    while i < n:
        raw = lines[i]
        if raw.startswith("\t") or _is_tab_row(raw):
            grid, i = _tab_grid(lines, i, tables)
            doc.blocks.append(grid)
            tables += 1
            continue
        if markdown and markdown.starts_table(lines, i):
            grid, i = markdown.md_grid(lines, i, tables)
            doc.blocks.append(grid)
            tables += 1
            continue
        if markdown and markdown.is_page_footer(raw):
            i += 1  # a converter's page number between the pieces of a table
            continue
        if raw.strip():
            doc.blocks += [
                Line(piece, Source("text", line=i + 1)) for piece in _split_titles(raw.strip())
            ]
        i += 1
    return doc


def _markdown(text: str, lines: list[str]):
    """The Markdown reader when some line is a Markdown rule row (|---|, a converter's output),
    else None: a text with no "---" never loads it."""
    if "---" not in text:
        return None
    from . import markdown

    return markdown if any(markdown.RULE.match(line.strip()) for line in lines) else None


_INNER_TITLE = lazy(r"\s+(?=[一二三四五六]\s*、)")


def _split_titles(text: str) -> list[str]:
    """A part title a text dump put at the end of another line ("行政事业性收费 0
    三、收到和处理政府信息公开申请情况") starts a line of its own."""
    pieces = _INNER_TITLE.split(text) if "、" in text else [text]
    if len(pieces) == 1:
        return [text]
    out = [pieces[0]]
    for piece in pieces[1:]:
        if part_title(piece, FORMAT_2021):
            out.append(piece)
        else:
            out[-1] += " " + piece
    return out


def _tabs_are_separators(lines: list[str]) -> bool:
    """Text copied from some pages puts a tab alone on a line between cells, the cells' text on
    lines of their own: such tabs mark nothing a reader can use, and the text reads as a dump
    of one cell a line. (In a pasted SEED-style table most tabbed lines carry a cell's text.)"""
    tabbed = [line for line in lines if line.startswith("\t")]
    alone = sum(1 for line in tabbed if not line.strip())
    return (
        bool(tabbed)
        and alone > len(tabbed) - alone
        and not any(_is_tab_row(line) for line in lines)
    )


def _is_tab_row(raw: str) -> bool:
    """A whole table row on one line, its cells separated by tabs (a table copied as text):
    blank cells stay, as empty text between two tabs."""
    return raw.strip("\n").count("\t") >= 2 and bool(raw.strip())


def _cut_after_last_tab(row: list[GridCell], raw: str) -> bool:
    """A row whose last cell is empty, followed by a line holding one number: the line may
    have been broken right after its last tab (a blank total, then the total alone), or the
    number may be a page's; either reading is a guess, so the cell is unreadable."""
    text = raw.strip()
    return bool(text) and not row[-1].text and "\t" not in raw and text.isdigit()


def _tab_grid(lines: list[str], i: int, index: int) -> tuple[Grid, int]:
    rows: list[list[GridCell]] = []
    row: list[GridCell] = []
    gap = False
    n = len(lines)

    def cell(text: str, line: int, col: int) -> GridCell:
        return GridCell(
            text.strip(), Source("text", line=line, table=index, row=len(rows), col=col)
        )

    while i < n:
        raw = lines[i]
        if _is_tab_row(raw):  # one row a line
            if row:
                rows.append(row)
                row = []
            rows.append([cell(t, i + 1, j) for j, t in enumerate(raw.split("\t"))])
            gap = False
        elif not row and rows and _cut_after_last_tab(rows[-1], raw):
            last = rows[-1][-1]
            last.note = f"{UNREADABLE_NOTE}本行末格为空，下一行只有“{raw.strip()}”：可能是一行被断开，无法确定这一格"
        elif raw.startswith("\t"):  # one cell a line, rows apart (SEED)
            if gap and row:
                rows.append(row)
                row = []
            gap = False
            row.append(cell(raw, i + 1, len(row)))
        elif not raw.strip():
            gap = True
        elif row and len(raw.strip()) <= _MAX_CONTINUATION:
            row[-1].text += raw.strip()  # a wrapped cell ("商业\n企业", "结果\n\n纠正")
        else:
            break
        i += 1
    if row:
        rows.append(row)
    return Grid(rows, Source("text", line=rows[0][0].source.line if rows else None, table=index)), i
