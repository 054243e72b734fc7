"""R-: table 2, applications received and handled (domain-spec §4.2), one check per column."""

from __future__ import annotations

from ..formats import TABLE2_2021
from . import table2
from .context import Context
from .finding import Severity
from .identity import by_column, by_row, equation
from .registry import rule
from .table2 import key


def _column_title(ctx: Context, col: str) -> str:
    spec = ctx.report.format.specs[key("new_received", col)][2]
    return f'{TABLE2_2021.name}"{spec.full_label}"列'


@rule("R-1", Severity.ERROR, title="勾稽关系：第一项加第二项之和等于第三项加第四项之和")
def balance(ctx: Context):
    """The note printed in table 2: 新收 + 上年结转 == （七）总计 + 结转下年度, per column.

    Anti-pattern: 新收 21, 上年结转 0, （七）总计 20, 结转下年度 0 — one application vanished.
    Fix: count it in its outcome row or carry it over to next year.
    """
    for col in table2.columns(ctx.report):
        yield equation(
            ctx,
            [key("new_received", col), key("carried_over_in", col)],
            [key("processed_total", col), key("carried_over_out", col)],
            title=f"{_column_title(ctx, col)}勾稽关系",
            name=by_row(ctx.report),
        )


@rule("R-2", Severity.ERROR, title="（七）总计等于各办理结果之和")
def outcomes_total(ctx: Context):
    """（七）总计 is the total of 三、本年度办理结果: the sum of the outcome (leaf) rows, per column.

    Anti-pattern: （一）予以公开 3 + （四）1.不掌握 2 = 5, but （七）总计 printed 6.
    Fix: every concluded application is counted in exactly one outcome row (条例第三十七条 for
    部分公开), and （七）总计 is their sum.
    """
    leaves = table2.leaf_rows(ctx.report)
    for col in table2.columns(ctx.report):
        yield equation(
            ctx,
            [key("processed_total", col)],
            [key(r.key, col) for r in leaves],
            title=f"{_column_title(ctx, col)}（七）总计与各办理结果之和",
            name=by_row(ctx.report),
        )


@rule("R-3", Severity.ERROR, title="每行总计等于各类申请人之和")
def row_totals(ctx: Context):
    """Every row: 总计 == 自然人 + the five 法人或其他组织 columns; a printed 法人小计 == the five.

    Anti-pattern: 予以公开 row 自然人 258, 商业企业 12, 其他 2, 总计 blank (SH2019).
    Fix: print the row total, 272.
    """
    report = ctx.report
    subtotal = table2.has_org_subtotal(report)
    for row in table2.rows(report):
        label = f'{TABLE2_2021.name}"{by_row(report)(key(row.key, table2.TOTAL))}"行'
        yield equation(
            ctx,
            [key(row.key, table2.TOTAL)],
            [key(row.key, c) for c in table2.APPLICANTS],
            title=f"{label}总计",
            name=by_column(report),
        )
        if subtotal:
            yield equation(
                ctx,
                [key(row.key, table2.SUBTOTAL)],
                [key(row.key, c) for c in table2.ORG_COLUMNS],
                title=f"{label}法人或其他组织小计",
                name=by_column(report),
            )


@rule("R-4", Severity.ERROR, title="小计行等于其各项之和")
def subtotals(ctx: Context):
    """A subtotal row a report adds for （三）/（四）/（五）/（六） equals the sum of its items.

    Anti-pattern: （三）不予公开 printed 4 while its items 1–8 sum to 3.
    Fix: correct the subtotal or the item that is wrong.
    """
    for row in table2.subtotal_rows(ctx.report):
        for col in table2.columns(ctx.report):
            yield equation(
                ctx,
                [key(row.key, col)],
                [key(p, col) for p in row.parts],
                title=f"{_column_title(ctx, col)}{row.label}小计",
                name=by_row(ctx.report),
            )


@rule("R-5", Severity.ERROR, title="结转下年度不超过新收与上年结转之和")
def carried_over_bound(ctx: Context):
    """结转下年度 <= 新收 + 上年结转, per column: follows from R-1, reported apart because it
    catches swapped rows.

    Anti-pattern: 新收 0, 上年结转 0, 结转下年度 3 (the 结转 numbers put in the wrong row).
    Fix: put the pending applications in 四、结转下年度继续办理 only if they arrived this year or
    were carried over into it.
    """
    for col in table2.columns(ctx.report):
        yield equation(
            ctx,
            [key("carried_over_out", col)],
            [key("new_received", col), key("carried_over_in", col)],
            title=f"{_column_title(ctx, col)}结转下年度与新收、上年结转",
            name=by_row(ctx.report),
            at_most=True,
        )


@rule("R-7", Severity.INFO, title="不予处理“大量反复”或“逾期未缴费”与申请量不相称")
def fee_threshold(ctx: Context):
    """国办函〔2020〕109号第四条: the 信息处理费 按件 starts at an applicant's 11th application in a
    month, so 大量反复申请 > 0 or 逾期未缴费 > 0 while 新收 < 11 is implausible by 件数. The agency
    may have charged 按量 or counted across months: INFO only.

    Anti-pattern: 新收 4, （六）2.逾期未缴费 1.  Fix: check which row the application belongs to.
    """
    report = ctx.report
    suspects = [
        k
        for k in (key("not_processed.excessive", "total"), key("other.fee_unpaid", "total"))
        if k in report.format.specs and not report.in_one_row_other(k)
    ]
    new = key("new_received", "total")
    keys = [new, *suspects]
    place = "；".join(ctx.show(k) for k in keys)
    flagged = [k for k in suspects if (report.value(k) or 0) > 0]
    if not flagged and all(report.cell(k).known for k in suspects):
        yield ctx.passed(f"未报告大量反复申请或逾期未缴费：{place}", keys)
    elif report.value(new) is None:
        yield ctx.uncertain(f"新收申请数不是可计算的数字：{place}", keys)
    elif flagged and report.value(new) < 11:
        yield ctx.failed(
            f"新收申请仅{report.value(new)}件，按件收费（第11件起）不可能达到，"
            f"却报告了不予处理或逾期未缴费，请核对：{place}",
            keys,
        )
    elif flagged:
        yield ctx.passed(f"新收申请{report.value(new)}件，收费门槛可能达到：{place}", keys)
    else:
        yield ctx.uncertain(f"相关单元格不是可计算的数字：{place}", keys)
