"""XLSX inputs: a workbook whose sheets hold the report's tables (as some agencies publish
them, and as gongkai's own XLSX writer writes them).

A sheet that holds one of the three tables becomes a `Grid` (merged cells expanded, each cell
with its sheet, row and column); any other sheet's text cells become `Line`s, so a title such
as "…2024年政府信息公开工作年度报告" is found as in any other input.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..file_marks import METADATA, METADATA_SHEET
from ..model import Source
from ..spreadsheet_text import spreadsheet_text
from .document import Document, Grid, GridCell, Line, ReadError
from .limits import MAX_SHEET_CELLS, Budget, check_package
from .parts import row_table
from .sheet_extent import NOT_XLSX, Extent, measure_workbook


def read_xlsx(path: str | Path) -> Document:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with zipfile.ZipFile(path) as z:
            check_package(z, NOT_XLSX)
            extents = measure_workbook(z, NOT_XLSX, MAX_SHEET_CELLS)
        wb = openpyxl.load_workbook(path, data_only=True)
    except ReadError:
        raise
    except (zipfile.BadZipFile, InvalidFileException, KeyError, EOFError, ValueError) as e:
        raise ReadError(f"{NOT_XLSX}（{e}）") from None
    except Exception as e:  # noqa: BLE001 - a damaged package fails inside openpyxl in many ways
        raise ReadError(f"{NOT_XLSX}：文件已损坏（{type(e).__name__}）") from None
    doc = Document(kind="xlsx", path=str(path))
    budget = Budget()
    for index, ws in enumerate(wb.worksheets):
        extent = extents.get(ws.title, Extent())
        budget.take_cells(extent.slots)
        rows = _rows(ws, index, extent)
        if ws.title == METADATA_SHEET:
            fields = dict(METADATA)
            doc.meta = {
                fields[r[0].text]: r[1].text for r in rows if len(r) > 1 and r[0].text in fields
            }
        if any(row_table([c.text for c in row]) for row in rows):
            doc.blocks.append(Line(ws.title, Source("xlsx", table=index)))
            doc.blocks.append(Grid(rows, Source("xlsx", table=index)))
        else:
            doc.blocks += [
                Line(c.text, c.source) for row in rows for c in row if c.text and not c.spanned
            ]
    return doc


def _rows(ws, index: int, extent: Extent) -> list[list[GridCell]]:
    """The sheet as a rectangle up to its last value; a merged range repeats its top-left
    value with `origin` set."""
    if not extent.slots:
        return []
    merged = {}
    for rng in ws.merged_cells.ranges:
        for r in range(rng.min_row, min(rng.max_row, extent.rows) + 1):
            for c in range(rng.min_col, min(rng.max_col, extent.cols) + 1):
                merged[(r, c)] = (rng.min_row, rng.min_col)
    out = []
    for r, row in enumerate(
        ws.iter_rows(min_row=1, max_row=extent.rows, max_col=extent.cols), start=1
    ):
        line = []
        for c, cell in enumerate(row, start=1):
            top = merged.get((r, c))
            value = ws.cell(*top).value if top else cell.value
            origin = (top[0] - 1, top[1] - 1) if top else None
            note = cell.comment.text if cell.comment is not None else ""
            line.append(
                GridCell(
                    spreadsheet_text(value),
                    Source("xlsx", table=index, row=r - 1, col=c - 1),
                    origin,
                    note,
                )
            )
        out.append(line)
    return out
