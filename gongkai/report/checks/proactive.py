"""P-: table 1, proactive disclosure under 条例第二十条 (domain-spec §4.4).

P-3 (a township issuing 行政规范性文件 is legal) is deliberately not a check.
"""

from __future__ import annotations

from ..formats import T1, Format
from ..model import Cell, State
from .cellwise import each_cell
from .context import Context
from .finding import Severity
from .registry import rule

DOCUMENT_ROWS = ("regulations", "normative_docs")


def document_keys(fmt: Format) -> list[str]:
    """规章 and 规范性文件 cells (制发/废止/现行有效 in 2021; 新制作/新公开/对外公开总数 in 2019)."""
    return [k for row in DOCUMENT_ROWS for k in fmt.table(T1).row_keys(row, official_only=False)]


@rule("P-1", Severity.ERROR, title="规章、规范性文件件数不为负")
def document_counts(ctx: Context):
    """条例第二十条第（一）项: 本年制发, 本年废止 and 现行有效 are counts of documents, never below 0.

    Anti-pattern: 行政规范性文件 本年废止 "-2" (a net change written into a count).
    Fix: 本年废止 2, and 现行有效 lowered by 2.
    """

    def test(cell: Cell):
        if cell.state is State.NUMBER:
            return cell.value >= 0
        return None if cell.state is State.UNREADABLE else True

    yield from each_cell(
        ctx, document_keys(ctx.report.format), test, good="均不为负数", bad="件数不应为负数"
    )


@rule("P-2", Severity.WARN, title="本年废止不超过上年现行有效与本年制发之和", needs_previous=True)
def repeal_bound(ctx: Context):
    """You cannot repeal more than existed: 本年废止(Y) <= 现行有效(Y−1) + 本年制发(Y).

    Anti-pattern: 2023 现行有效 3; 2024 制发 0, 废止 5.  Fix: check which year's count is wrong.
    """
    report, prev = ctx.report, ctx.previous
    if report.format.version != "2021" or prev.format.version != "2021":
        yield ctx.uncertain("两年报告不都是2021格式，件数口径不同，不比较")
        return
    for row in DOCUMENT_ROWS:
        repealed, made, valid = (
            report.format.cell_key(T1, row, c) for c in ("repealed", "made", "valid")
        )
        place = f"{ctx.show(repealed)}；{ctx.show(made)}；{ctx.show_previous(valid)}"
        r, m, v = report.value(repealed), report.value(made), prev.value(valid)
        if None in (r, m, v):
            yield ctx.uncertain(
                f"有单元格不是可计算的数字：{place}", [repealed, made], previous_cells=[valid]
            )
        elif r > v + m:
            yield ctx.failed(
                f"本年废止{r}件，多于上年现行有效{v}件加本年制发{m}件：{place}",
                [repealed, made],
                previous_cells=[valid],
            )
        else:
            yield ctx.passed(
                f"本年废止{r} ≤ 上年现行有效{v} + 本年制发{m}：{place}",
                [repealed, made],
                previous_cells=[valid],
            )
