"""A property every one of many cells must have (C-1, C-5, P-1): one fail per bad cell, one
uncertain finding for the cells that cannot be read, one pass when all are good."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..model import Cell
from .context import Context
from .finding import Finding
from .naming import cell_name, value_text

#: True: the cell has the property; False: it breaks it; None: cannot tell
CellTest = Callable[[Cell], "bool | None"]


def each_cell(
    ctx: Context, keys: Iterable[str], test: CellTest, *, good: str, bad: str
) -> Iterator[Finding]:
    """`good`: what all checked cells are ("均为非负整数"); `bad`: what one failing cell is not."""
    report = ctx.report
    checked, unknown, failed = [], [], 0
    for key in keys:
        cell = report.cell(key)
        verdict = test(cell)
        if verdict is None:
            unknown.append(key)
        elif verdict:
            checked.append(key)
        else:
            failed += 1
            yield ctx.failed(
                f"{ctx.show(key)}，{bad}", [key], evidence={"printed": value_text(cell)}
            )
    if unknown:
        names = "；".join(
            f"{cell_name(report.format, k)}（{value_text(report.cell(k))}"
            f"{'：' + report.cell(k).reason if report.cell(k).reason else ''}）"
            for k in unknown
        )
        yield ctx.uncertain(f"{len(unknown)}个单元格无法判断：{names}", unknown)
    if not failed and not unknown:
        yield ctx.passed(f"{len(checked)}个单元格{good}", checked)
