"""Placement stage 6: repairs that need the whole table, after every row has been assigned.

Table 2's rows whose glued digits split several ways are solved together by the table's
column arithmetic (solve.py): each takes its one split that keeps every column identity. And
a 2021 table 2 that printed （六）其他处理 as one row, without its three items, is said so (the
report then reads the row for its items). Pure: a new `Placement` from the one given.
"""

from __future__ import annotations

from types import MappingProxyType

from ..formats import OTHER_KEY, T2, TOTAL_COLUMN
from ..model import Cell, State
from .place_assign import Placement, cut, read_cell
from .place_columns import ColumnMap
from .settings import SETTINGS, Settings
from .solve import solve_columns


def repairs(placed: Placement, cmap: ColumnMap, settings: Settings = SETTINGS) -> Placement:
    if cmap.table.key != T2:
        return placed
    solved, notes = _solve_glued(placed, cmap, settings)
    cells = {**placed.cells, **solved}
    return placed._replace(
        cells=MappingProxyType(cells),
        notes=(*placed.notes, *notes),
        other_as_one_row=_other_as_one_row(cells, cmap),
    )


def _solve_glued(
    placed: Placement, cmap: ColumnMap, settings: Settings
) -> tuple[dict[str, Cell], list[str]]:
    """Rows whose glued digits split several ways, solved together by table 2's column
    totals: each takes its one split that keeps them all."""
    table = cmap.table
    rows = {where.split(".", 1)[1]: g for where, g in placed.glued.items()}
    if not rows or len({g.keys for g in rows.values()}) != 1:
        return {}, []
    columns = next(iter(rows.values())).keys
    known: dict[tuple[str, str], int] = {}
    for key, cell in placed.cells.items():
        row_key, col_key = key.split(".", 1)[1].rsplit(".", 1)
        if cell.state is State.NUMBER and isinstance(cell.value, int) and row_key not in rows:
            known[(row_key, col_key)] = cell.value
    candidates = {r: [[int(x) for x in f] for f in g.splits] for r, g in rows.items()}
    picked = solve_columns(table, columns, known, candidates, settings.max_combinations)
    if picked is None:
        return {}, []
    cells: dict[str, Cell] = {}
    notes = []
    for r, k in picked.items():
        glued = rows[r]
        row = table.row(r)
        split = glued.splits[k]
        step = (
            f"相连的数字“{' '.join(v.raw for v in glued.values)}”有{len(glued.splits)}种符合本行合计的拆法，"
            f"按表二各列的合计关系（（七）总计＝各办理结果之和，一＋二＝（七）＋四）唯一确定为 "
            f"{' '.join(split)}"
        )
        for col, v in zip(cmap.columns(row), cut(glued.values, split, step)):
            key = table.cell_key(row, col)
            before = placed.cells[key].steps[:1] if key in placed.cells else ()
            cell = read_cell(key, v, col.decimal)
            cell.steps = (*before, step)
            cells[key] = cell
        notes.append(f"{table.key}.{r}：{step}")
    return cells, notes


def _other_as_one_row(cells: dict[str, Cell], cmap: ColumnMap) -> bool:
    """（六）其他处理 printed as one row in a table that has its three items (2021): the row was
    placed and none of its items was."""
    table = cmap.table
    items = [r for r in table.rows if r.leaf and r.key.startswith(f"{OTHER_KEY}.")]
    if not items:  # the 2019 layout: （六） is one row anyway
        return False
    printed_items = any(table.cell_key(r, TOTAL_COLUMN) in cells for r in items)
    return table.cell_key(OTHER_KEY, TOTAL_COLUMN) in cells and not printed_items
