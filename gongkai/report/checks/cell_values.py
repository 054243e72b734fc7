"""C-: one printed cell at a time (domain-spec §4.1)."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from ..formats import T1, TABLE1_2021
from ..model import Cell, Report, State
from .cellwise import each_cell
from .context import Context
from .finding import Severity
from .naming import row_name, value_text
from .registry import rule
from .rulemaking import can_make_rules, government_level


def _present(report: Report) -> list[str]:
    """The cells the report printed, in table order."""
    return [k for k in report.format.specs if k in report.cells]


def _column(report: Report, key: str):
    return report.format.specs[key][2]


@rule("C-1", Severity.ERROR, title="计数为非负整数，收费金额为非负数")
def counts_are_counts(ctx: Context):
    """Every count cell is a non-negative integer; the fee in 万元 is a non-negative decimal.
    Full-width digits and thousands separators are fine (the reader accepts them). Signs in the
    2019 layout are C-5's business.

    Anti-pattern: 行政许可 "12.5", or 自然人 "-1".  Fix: print whole counts, never negative.
    """
    report = ctx.report
    signs = report.format.version != "2019"

    def test(cell: Cell):
        if cell.state in (State.BLANK, State.NOT_APPLICABLE):
            return True  # a blank is C-2's business, not C-1's
        if cell.state is not State.NUMBER:
            return None
        col = _column(report, cell.key)
        whole = col.decimal or not isinstance(cell.value, Decimal)
        return whole and (not signs or col.signed or cell.value >= 0)

    yield from each_cell(
        ctx,
        _present(report),
        test,
        good="均为非负整数（收费金额为非负数）",
        bad="不是非负整数" if signs else "不是整数",
    )


@rule("C-2", Severity.WARN, title="空白或“/”单元格")
def blank_cells(ctx: Context):
    """A blank, "—", "-", "/" or "无" cell: the format wants a number, 0 included. Arithmetic
    rules report such cells as uncertain rather than read them as 0.

    Anti-pattern: 予以公开 row 总计 left blank (SH2019).  Fix: print 0 or the number.
    """
    report = ctx.report
    by_row: dict[tuple[str, str], list[str]] = defaultdict(list)
    keys = _present(report)
    for key in keys:
        if report.cells[key].state in (State.BLANK, State.NOT_APPLICABLE):
            table, row, _ = report.format.specs[key]
            by_row[(table.key, row.key)].append(key)
    for (table_key, row_key), blanks in by_row.items():
        cols = "、".join(
            f"“{_column(report, k).label}”列（{value_text(report.cells[k])}）" for k in blanks
        )
        places = "；".join(ctx.show(k) for k in blanks)
        yield ctx.failed(
            f'{report.format.table(table_key).name}"{row_name(report.format, table_key, row_key)}"行有{len(blanks)}个单元格'
            f"未填数字：{cols}。涉及：{places}",
            blanks,
        )
    if not by_row:
        yield ctx.passed(f"{len(keys)}个单元格均填有数字或无法识别，无空白单元格", keys)


@rule("C-3", Severity.WARN, title="无规章制定权的机关规章数应为0")
def rules_need_power(ctx: Context):
    """《立法法》第九十一条、第九十三条: only 国务院部门 and 省、自治区、直辖市、设区的市、自治州的人民政府
    make 规章. Their departments, county governments and townships report 0 in the 规章 row.

    Anti-pattern: a 县 department reporting 规章 本年制发 2 (it means 规范性文件).
    Fix: move the documents to the 行政规范性文件 row.
    """
    report = ctx.report
    keys = report.format.table(T1).row_keys("regulations", official_only=False)
    power, why = can_make_rules(report)
    place = "；".join(ctx.show(k) for k in keys)
    nonzero = [k for k in keys if (report.value(k) or 0) != 0]
    unknown = [k for k in keys if report.cell(k).state is State.UNREADABLE]
    if nonzero:
        if power is False:
            yield ctx.failed(f"{why}，但规章行不为0：{place}", nonzero)
        elif power is None:
            yield ctx.uncertain(f"规章行不为0，而{why}：{place}", nonzero)
        else:
            yield ctx.passed(f"{why}，可报告规章：{place}", nonzero)
    elif unknown:
        yield ctx.uncertain(f"规章行有单元格无法识别：{place}", keys)
    else:
        yield ctx.passed(f"规章行为0（{why}）：{place}", keys)


_YUAN = re.compile(r"(?<!万)元")


@rule("C-4", Severity.WARN, title="收费金额像是以元而非万元填报")
def fee_in_wan_yuan(ctx: Context):
    """Table 1 本年收费金额 is in 万元. An amount whose text carries "元", or a whole number of
    at least 10^5 (10亿元) for anything below a provincial or city government, was probably
    written in 元 [D, heuristic].

    Anti-pattern: 行政事业性收费 "251000" for a county department.  Fix: 25.1 (万元).
    """
    report = ctx.report
    key = TABLE1_2021.cell_key("admin_fees", "amount")
    if key not in report.format.specs:  # 2019: no amount, only the count of fee items
        return
    cell = report.cell(key)
    place = ctx.show(key)
    if not cell.known:
        yield ctx.uncertain(f"收费金额不是可计算的数字：{place}", [key])
        return
    limit = 10**6 if government_level(report.agency or "") in ("high", "city") else 10**5
    if _YUAN.search(cell.raw):
        yield ctx.failed(f"收费金额带有单位“元”，表中单位为万元：{place}", [key])
    elif cell.value >= limit and cell.value == int(cell.value):
        yield ctx.failed(
            f"收费金额为不小于{limit}的整数（即{cell.value}万元），疑似按元填报：{place}", [key]
        )
    else:
        yield ctx.passed(f"收费金额看来以万元填报：{place}", [key])


@rule("C-5", Severity.ERROR, title="2019格式：仅“本年增/减”可为负数")
def signs_2019(ctx: Context):
    """FMT2019 (Hubei's notes in WH2020): 本年增/减 is a net change and may be negative
    ("-8", "减8"); every other cell is >= 0. Applies to the 2019 layout only.

    Anti-pattern: 行政许可 处理决定数量 "-3".  Fix: a count cannot fall below 0.
    """
    report = ctx.report
    if report.format.version != "2019":
        return

    def test(cell: Cell):
        if cell.state is not State.NUMBER:
            return True if cell.state in (State.BLANK, State.NOT_APPLICABLE) else None
        return _column(report, cell.key).signed or cell.value >= 0

    yield from each_cell(
        ctx, _present(report), test, good="符号正确（仅本年增/减为负）", bad="不应为负数"
    )
