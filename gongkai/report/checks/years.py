"""Y-: this year's report against last year's from the same agency (domain-spec §4.5)."""

from __future__ import annotations

import difflib
import re

from ..formats import PARTS, TABLE1_2019, TABLE1_2021
from .context import Context
from .finding import Severity
from .narrative_figures import flat
from .registry import rule
from .table2 import APPLICANTS, TOTAL, key

T2_COLUMNS = (*APPLICANTS, TOTAL)


def _years_follow(ctx: Context):
    """None when last year's report is the year before; else why the comparison is off."""
    y, p = ctx.report.year, ctx.previous.year
    if y is None or p is None:
        return "报告年度未知"
    if p != y - 1:
        return f"上年报告的年度是{p}，不是{y - 1}"
    return None


def _carried(ctx: Context):
    """Per column: (this year's 上年结转 key, last year's 结转下年度 key, their values, the place)."""
    for col in T2_COLUMNS:
        now, last = key("carried_over_in", col), key("carried_over_out", col)
        yield (
            now,
            last,
            ctx.report.value(now),
            ctx.previous.value(last),
            f"{ctx.show(now)}；{ctx.show_previous(last)}",
        )


@rule("Y-1", Severity.WARN, title="上年结转等于上年报告的结转下年度", needs_previous=True)
def carried_in_matches(ctx: Context):
    """二、上年结转(Y) == 四、结转下年度(Y−1), per column (总计 included): both rows count the same
    applications. Caveats: 机构改革 can move pending cases between agencies; last year's report
    may have been corrected since; a fixed applicant category moves counts between columns.

    Anti-pattern: 2023 结转下年度 总计 5; 2024 上年结转 总计 0.  Fix: carry the 5 applications over.
    """
    off = _years_follow(ctx)
    if off:
        yield ctx.uncertain(f"无法逐年比较：{off}")
        return
    for now, last, a, b, place in _carried(ctx):
        if a is None or b is None:
            yield ctx.uncertain(f"有单元格不是可计算的数字：{place}", [now], previous_cells=[last])
        elif a != b:
            yield ctx.failed(
                f"本年上年结转{a}件，上年报告结转下年度{b}件，不一致：{place}",
                [now],
                previous_cells=[last],
                expected=b,
                actual=a,
            )
        else:
            yield ctx.passed(
                f"本年上年结转与上年报告结转下年度均为{a}：{place}", [now], previous_cells=[last]
            )


@rule("Y-2", Severity.WARN, title="现行有效件数逐年衔接", needs_previous=True)
def valid_documents(ctx: Context):
    """规章 and 行政规范性文件: 现行有效(Y) == 现行有效(Y−1) + 本年制发(Y) − 本年废止(Y). Caveats:
    documents lapse at the end of their 有效期 without a 废止; 修订 may count as 制发; 清理
    campaigns re-baseline. Skipped across the 2019→2021 format change (对外公开总数 is not 现行有效).

    Anti-pattern: 2023 现行有效 10; 2024 制发 2, 废止 1, 现行有效 15.  Fix: 11, or explain.
    """
    off = _years_follow(ctx)
    if off or ctx.report.format.version != "2021" or ctx.previous.format.version != "2021":
        yield ctx.uncertain(f"无法逐年比较：{off or '两年报告不都是2021格式，件数口径不同'}")
        return
    for row in ("regulations", "normative_docs"):
        valid, made, repealed = (
            TABLE1_2021.cell_key(row, c) for c in ("valid", "made", "repealed")
        )
        v, m, r, last = (
            ctx.report.value(valid),
            ctx.report.value(made),
            ctx.report.value(repealed),
            ctx.previous.value(valid),
        )
        place = (
            f"{ctx.show(valid)}；{ctx.show(made)}；{ctx.show(repealed)}；{ctx.show_previous(valid)}"
        )
        keys = [valid, made, repealed]
        if None in (v, m, r, last):
            yield ctx.uncertain(f"有单元格不是可计算的数字：{place}", keys, previous_cells=[valid])
        elif v != last + m - r:
            yield ctx.failed(
                f"上年现行有效{last} + 本年制发{m} − 本年废止{r} = {last + m - r}，"
                f"但本年现行有效为{v}：{place}",
                keys,
                previous_cells=[valid],
            )
        else:
            yield ctx.passed(
                f"{last} + {m} − {r} = {v}，衔接一致：{place}", keys, previous_cells=[valid]
            )


ITEM_ROWS = ("licensing", "other_services", "penalty", "coercion", "admin_fees")


@rule("Y-3", Severity.WARN, title="2019格式：上一年项目数量逐年衔接", needs_previous=True)
def item_counts(ctx: Context):
    """2019 trial format: 上一年项目数量(Y) == 上一年项目数量(Y−1) + 本年增/减(Y−1), per row.

    Anti-pattern: 2019 上一年项目数量 40, 本年增/减 −8; 2020 上一年项目数量 40.  Fix: 32.
    """
    off = _years_follow(ctx)
    if ctx.report.format.version != "2019" or ctx.previous.format.version != "2019":
        return
    if off:
        yield ctx.uncertain(f"无法逐年比较：{off}")
        return
    for row in ITEM_ROWS:
        now = last = TABLE1_2019.cell_key(row, "prev_items")
        change = TABLE1_2019.cell_key(row, "change")
        a, b, d = ctx.report.value(now), ctx.previous.value(last), ctx.previous.value(change)
        place = f"{ctx.show(now)}；{ctx.show_previous(last)}；{ctx.show_previous(change)}"
        if None in (a, b, d):
            yield ctx.uncertain(
                f"有单元格不是可计算的数字：{place}", [now], previous_cells=[last, change]
            )
        elif a != b + d:
            yield ctx.failed(
                f"上年{b} + 增减{d} = {b + d}，但本年上一年项目数量为{a}：{place}",
                [now],
                previous_cells=[last, change],
            )
        else:
            yield ctx.passed(
                f"{b} + {d} = {a}，衔接一致：{place}", [now], previous_cells=[last, change]
            )


@rule("Y-4", Severity.INFO, title="新收申请数大幅波动", needs_previous=True)
def large_swing(ctx: Context):
    """新收 总计 more than 5 × max(1, last year's), or a fall to 0 from 20 or more: worth a look
    (a new channel, a campaign of applications, or a misplaced row).

    Anti-pattern: 2023 新收 3; 2024 新收 95 with no word on why.  Fix: explain it in part 一.
    """
    new = key("new_received", TOTAL)
    a, b = ctx.report.value(new), ctx.previous.value(new)
    place = f"{ctx.show(new)}；{ctx.show_previous(new)}"
    if a is None or b is None:
        yield ctx.uncertain(f"有单元格不是可计算的数字：{place}", [new], previous_cells=[new])
    elif a > 5 * max(1, b) or (a == 0 and b >= 20):
        yield ctx.failed(
            f"新收申请从{b}件变为{a}件，波动较大：{place}", [new], previous_cells=[new]
        )
    else:
        yield ctx.passed(f"新收申请从{b}件变为{a}件：{place}", [new], previous_cells=[new])


@rule("Y-5", Severity.WARN, title="上年有结转的申请人类别本年上年结转为0", needs_previous=True)
def pending_vanished(ctx: Context):
    """A column with pending applications last year (结转下年度(Y−1) > 0) shows 上年结转(Y) == 0:
    the applications vanished between the reports (a sub-case of Y-1, with a clearer message).

    Anti-pattern: 2023 自然人 结转下年度 4; 2024 自然人 上年结转 0.  Fix: carry them over.
    """
    off = _years_follow(ctx)
    if off:
        yield ctx.uncertain(f"无法逐年比较：{off}")
        return
    pending = [c for c in _carried(ctx) if c[3]]
    if not pending:
        yield ctx.passed("上年报告没有结转下年度的申请（或无法计算）")
    for now, last, a, b, place in pending:
        if a == 0:
            yield ctx.failed(
                f"上年报告结转下年度{b}件，本年上年结转却为0：{place}", [now], previous_cells=[last]
            )
        else:
            yield ctx.passed(
                f"上年结转下年度{b}件，本年上年结转{a if a is not None else '无法计算'}：{place}",
                [now],
                previous_cells=[last],
            )


SIMILAR = 0.9
_SENTENCES = re.compile(r"[^。;!?]+[。;!?]?")


def similarity(a: str, b: str) -> float:
    """Character-level similarity (difflib) for texts of report size; for very long texts the
    share of sentences repeated word for word, which is linear."""
    if max(len(a), len(b)) <= 8000:
        return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    old = set(_SENTENCES.findall(b))
    return sum(len(s) for s in _SENTENCES.findall(a) if s in old) / max(1, len(a))


@rule("Y-6", Severity.WARN, title="正文与上年雷同", needs_previous=True)
def copied_text(ctx: Context):
    """FMT2021 (四) names 内容雷同 as a fault: parts 一 and 五 at least 90% the same as last year's
    (normalised), or a sentence copied from last year with last year's year still in it.

    Anti-pattern: part 五 word for word as last year.  Fix: write this year's problems and measures.
    """
    report, prev = ctx.report, ctx.previous
    for n in (1, 5):
        now, last = flat(report.text(n)), flat(prev.text(n))
        title = f"第{PARTS[n - 1].numeral}部分“{PARTS[n - 1].title}”"
        if not now or not last:
            yield ctx.uncertain(f"{title}在本年或上年报告中未找到，无法比较")
            continue
        ratio = similarity(now, last)
        evidence = {"similarity": round(ratio, 3)}
        if ratio >= SIMILAR:
            yield ctx.failed(
                f"{title}与上年报告的相似度为{ratio:.0%}（阈值{SIMILAR:.0%}），内容雷同",
                parts=[n],
                evidence=evidence,
            )
        else:
            yield ctx.passed(
                f"{title}与上年报告的相似度为{ratio:.0%}", parts=[n], evidence=evidence
            )
        if report.year and prev.year:
            old = f"{prev.year}年"
            previous_sentences = set(_SENTENCES.findall(last))
            stale = [
                s
                for s in _SENTENCES.findall(now)
                if old in s and s in previous_sentences and len(s) > 10
            ]
            for s in stale[:3]:
                yield ctx.failed(
                    f"{title}中的句子“{s}”与上年报告相同，且仍写着{old}",
                    parts=[n],
                    evidence={"sentence": s},
                )
