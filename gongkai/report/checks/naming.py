"""Cells in human terms: 表二"一、本年新收…"行"总计"列 = 21（第34行）.

Findings name cells the way a person reads the printed table, with the printed value and the
place it was read from, never only by their keys.
"""

from __future__ import annotations

import re
from functools import cache

from ..formats import T3, Format, without_note
from ..model import Cell, Report, State

_GROUP_NUMBER = re.compile(r"^（[一二三四五六七八九十]+）")
_MAX = 14


def short(label: str) -> str:
    """A printed label cut for a message: long labels end in "…"."""
    label = without_note(label)
    return label if len(label) <= _MAX else label[: _MAX - 2] + "…"


@cache
def row_name(fmt: Format, table: str, row: str) -> str:
    r = fmt.table(table).row(row)
    if table == T3:
        return r.full_label
    m = _GROUP_NUMBER.match(r.group)
    label = short(r.label)
    return f"{m.group(0)}{label}" if m and r.leaf and "." in r.key else label


@cache
def cell_name(fmt: Format, key: str) -> str:
    """表二"（三）1.属于国家秘密"行"法人或其他组织·其他"列."""
    table, row, col = fmt.specs[fmt.check_key(key)]
    rname = row_name(fmt, table.key, row.key)
    kind = "组" if table.key == T3 else "行"
    return f'{table.name}"{rname}"{kind}"{col.full_label}"列'


def value_text(cell: Cell | None) -> str:
    """The printed value as a person sees it; blank, "/" and unreadable stay distinct."""
    if cell is None:
        return "未找到"
    if cell.state is State.NUMBER:
        return cell.raw or str(cell.value)
    if cell.state is State.BLANK:
        return "空白"
    if cell.state is State.NOT_APPLICABLE:
        return f"“{cell.raw}”" if cell.raw else "“/”"
    if cell.reason == "表中未找到该单元格" or not cell.raw:
        return "未找到"
    return f"无法识别（“{cell.raw}”）"


def where(cell: Cell | None) -> str:
    if cell is None or cell.source is None:
        return ""
    text = cell.source.describe()
    return f"（{text}）" if text else ""


def show(report: Report, key: str, year_prefix: str = "") -> str:
    """`表二"…"行"总计"列 = 21（第34行）`."""
    cell = report.cells.get(key)
    if cell is None and key in report.format.specs:
        cell = report.cell(key)
    return f"{year_prefix}{cell_name(report.format, key)} = {value_text(cell)}{where(cell)}"
