"""L-: table 3, 行政复议 and 行政诉讼 (domain-spec §4.3)."""

from __future__ import annotations

from ..formats import TABLE3
from .context import Context
from .finding import Severity
from .identity import by_column, equation
from .naming import row_name
from .registry import rule

OUTCOMES = ("maintained", "corrected", "other", "pending")


def _key(group: str, col: str) -> str:
    return TABLE3.cell_key(group, col)


@rule("L-1", Severity.ERROR, title="复议、诉讼各组总计等于各结果之和")
def group_totals(ctx: Context):
    """For 行政复议, 未经复议直接起诉 and 复议后起诉: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 == 总计.

    Anti-pattern: 行政复议 维持 10, 纠正 1, 其他 0, 尚未审结 0, 总计 0 (洪泽区 2023).
    Fix: 总计 11.
    """
    for row in TABLE3.rows:
        name = row_name(ctx.report.format, TABLE3.key, row.key)
        yield equation(
            ctx,
            [_key(row.key, "total")],
            [_key(row.key, c) for c in OUTCOMES],
            title=f'{TABLE3.name}"{name}"总计',
            name=by_column(ctx.report),
        )


@rule("L-2", Severity.INFO, title="有复议后起诉却连续两年无行政复议", reads_previous=True)
def lawsuits_after_review(ctx: Context):
    """复议后起诉 > 0 needs a 行政复议 first: when 行政复议 总计 is 0 this year and last year,
    the lawsuits were probably put in the wrong group (heuristic, INFO).

    Anti-pattern: 复议后起诉 总计 2 with 行政复议 总计 0 in both years.
    Fix: move them to 未经复议直接起诉, or count the reviews they followed.
    """
    after, review = _key("litigation_after_review", "total"), _key("review", "total")
    report, prev = ctx.report, ctx.previous
    keys = [after, review]
    place = "；".join(ctx.show(k) for k in keys)
    n_after, n_review = report.value(after), report.value(review)
    if n_after == 0 or (n_review or 0) > 0:
        yield ctx.passed(f"复议后起诉与行政复议相符：{place}", keys)
        return
    if n_after is None or n_review is None:
        yield ctx.uncertain(f"复议后起诉或行政复议总计不是可计算的数字：{place}", keys)
        return
    if prev is None:
        yield ctx.uncertain(
            f"本年复议后起诉{n_after}件而行政复议为0，需上年报告才能判断：{place}", keys
        )
        return
    last = prev.value(review) if review in prev.format.specs else None
    prev_place = ctx.show_previous(review)
    if last is None:
        yield ctx.uncertain(
            f"上年行政复议总计不是可计算的数字：{place}；{prev_place}",
            keys,
            previous_cells=[review],
        )
    elif last == 0:
        yield ctx.failed(
            f"复议后起诉{n_after}件，但本年和上年行政复议均为0：{place}；{prev_place}",
            keys,
            previous_cells=[review],
        )
    else:
        yield ctx.passed(
            f"复议后起诉可能源于上年的{last}件行政复议：{place}；{prev_place}",
            keys,
            previous_cells=[review],
        )
