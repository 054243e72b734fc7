"""S-: the report's parts, tables, layout and publication date (domain-spec §4.7).

S-6 (no report published at all) and S-7 (changed after publication) need the publishing
site, not one report, and are left to the supervision tools.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..formats import PARTS, chinese_date
from .context import Context
from .finding import Severity
from .naming import row_name
from .narrative_figures import flat
from .registry import rule


@rule("S-1", Severity.ERROR, title="六个部分齐全且顺序正确")
def six_parts(ctx: Context):
    """FMT2021 一、报告内容 and 条例第五十条: the report has six parts, 一 总体情况 to 六 其他需要
    报告的事项, in that order (title variants accepted).

    Anti-pattern: no part 六 (the 信息处理费 statement then has nowhere to go).
    Fix: add 六、其他需要报告的事项.
    """
    parts = ctx.report.parts
    missing = [p for p in PARTS if p.number not in parts]
    for p in missing:
        yield ctx.failed(f"缺少第{p.numeral}部分“{p.title}”", evidence={"missing": p.number})
    spots = [
        (n, (parts[n].page or 0, parts[n].line or 0))
        for n in sorted(parts)
        if parts[n].line is not None or parts[n].page is not None
    ]
    order = [n for n, _ in sorted(spots, key=lambda s: s[1])]
    if order != sorted(order):
        printed = "、".join(PARTS[n - 1].numeral for n in order)
        yield ctx.failed(f"各部分顺序不对：依次为{printed}", parts=order, evidence={"order": order})
    elif not missing:
        yield ctx.passed(
            "六个部分齐全，顺序正确："
            + "；".join(_numbered(n, parts[n].title) for n in sorted(parts)),
            parts=sorted(parts),
        )


def _numbered(n: int, title: str) -> str:
    """A part title with its numeral once ("一、总体情况"), whether or not it was printed with it."""
    numeral = PARTS[n - 1].numeral
    return title if title.startswith(numeral) else f"{numeral}、{title}"


def _by_row(ctx: Context, keys: list[str]) -> str:
    rows = defaultdict(list)
    for key in keys:
        table, row, col = ctx.report.format.specs[key]
        rows[(table.key, row.key)].append(col.label)
    return "；".join(
        f'{ctx.report.format.table(t).name}"{row_name(ctx.report.format, t, r)}"行（{"、".join(cols)}）'
        for (t, r), cols in rows.items()
    )


@rule("S-2", Severity.ERROR, title="表格行列齐全")
def full_tables(ctx: Context):
    """Tables 1–3 carry the full row and column set of the detected layout: a missing official
    cell is an ERROR; a local extra row or column (a 小计) is INFO.

    Anti-pattern: table 2 without 二、上年结转政府信息公开申请数量.  Fix: print the row, with 0s.
    """
    report = ctx.report
    missing = report.missing
    official = set(report.format.cell_keys())
    extra = [
        k
        for k in report.format.specs
        if k in report.cells and k not in official and not report.in_one_row_other(k)
    ]
    if missing:
        yield ctx.failed(f"缺少{len(missing)}个规定单元格：{_by_row(ctx, missing)}", missing)
    if extra:
        yield ctx.failed(
            f"有{len(extra)}个格式以外的单元格（地方增加的行或列，已一并核对）：{_by_row(ctx, extra)}",
            extra,
            severity=Severity.INFO,
        )
    if not missing:
        yield ctx.passed(f"{report.format.version}格式的规定单元格齐全", [])


@rule("S-3", Severity.ERROR, title="格式与年度相符")
def layout_matches_year(ctx: Context):
    """Reports for 2019 and 2020 use the 2019 trial format (国办公开办函〔2019〕60号); from 2021 the
    2021 format (〔2021〕30号). A report for Y >= 2021 in the 2019 layout (第（九）项, 本年新制作数量,
    or a single-row （六）其他处理) is an ERROR; a 2019/2020 report in the 2021 layout is INFO.

    Anti-pattern: a 2023 report with （六）其他处理 as one row.  Fix: print its three items.
    """
    report = ctx.report
    year, version = report.year, report.format.version
    single = report.other_as_one_row
    if year is None:
        yield ctx.uncertain("报告年度未知，无法核对格式")
    elif year >= 2021 and (version == "2019" or single):
        what = (
            "（六）其他处理印为一行（2019试行格式）"
            if single and version != "2019"
            else "使用2019试行格式"
        )
        cells = [k for k in report.cells if report.in_one_row_other(k)]
        yield ctx.failed(
            f"{year}年度报告应使用2021格式（国办公开办函〔2021〕30号），但{what}", cells
        )
    elif year in (2019, 2020) and version == "2021":
        yield ctx.failed(
            f"{year}年度报告使用了2021格式，当年应为2019试行格式", severity=Severity.INFO
        )
    elif year < 2019:
        yield ctx.uncertain(f"{year}年度在2019年以前，无全国统一表格")
    else:
        yield ctx.passed(f"{year}年度报告使用{version}格式，相符")


ASPECTS = {
    "主动公开": r"主动地?公开",
    "依申请公开": r"依申请公开|申请公开",
    "政府信息管理": r"政府信息管理|信息管理",
    "政府信息公开平台建设": r"平台建设",
    "监督保障": r"监督保障",
}
GOVERNMENT_ASPECTS = {"工作考核": r"考核", "社会评议": r"评议", "责任追究": r"责任追究|问责"}


@rule("S-4", Severity.WARN, title="总体情况涵盖五个方面")
def overview_aspects(ctx: Context):
    """FMT2021 一(一): part 一 covers 主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设 and
    监督保障; for 各级人民政府 also 工作考核、社会评议和责任追究结果 (条例第五十条第（四）项).
    One WARN per aspect not named.

    Anti-pattern: part 一 about 组织领导 and 政策解读 only.  Fix: one paragraph per aspect.
    """
    report = ctx.report
    if 1 not in report.parts:
        yield ctx.uncertain("未找到第一部分“总体情况”，无法核对")
        return
    text = flat(report.text(1))
    aspects = dict(ASPECTS)
    government = report.is_peoples_government
    if government:
        aspects.update(GOVERNMENT_ASPECTS)
    for aspect, pattern in aspects.items():
        m = re.search(pattern, text)
        if m:
            yield ctx.passed(
                f"第一部分提到“{aspect}”：…{text[max(0, m.start() - 10) : m.end() + 10]}…",
                parts=[1],
                evidence={"aspect": aspect},
            )
        else:
            yield ctx.failed(f"第一部分未提到“{aspect}”", parts=[1], evidence={"aspect": aspect})
    if government is None:
        yield ctx.uncertain("发布机关未知，无法判断是否须报告考核、评议和责任追究情况", parts=[1])


@rule("S-5", Severity.ERROR, title="按期发布")
def on_time(ctx: Context):
    """条例第四十九条: 县级以上人民政府部门 publish by 1月31日; a 县级以上地方人民政府's own-level
    report by 3月31日; townships by 1月31日 in practice [U: no national text found]. The website
    publication date is used when known, else the sign-off date as a proxy.

    Anti-pattern: a department's 2024 report signed 2025-02-10.  Fix: publish by 2025-01-31.
    """
    report = ctx.report
    deadline = report.deadline
    if report.published_on is not None:
        date, which = report.published_on, "网站发布日期"
    elif report.signed_on is not None:
        date, which = report.signed_on, "落款日期（代替发布日期）"
    else:
        yield ctx.uncertain("未找到发布日期或落款日期")
        return
    evidence = {
        "date": date.isoformat(),
        "used": which,
        "deadline": deadline.isoformat() if deadline else None,
    }
    if deadline is None:
        yield ctx.uncertain(
            f"报告年度未知，无法确定期限；{which}为{chinese_date(date)}", evidence=evidence
        )
    elif date > deadline:
        yield ctx.failed(
            f"{which}{chinese_date(date)}晚于期限{chinese_date(deadline)}（条例第四十九条）",
            evidence=evidence,
            expected=f"≤ {deadline.isoformat()}",
            actual=date,
        )
    else:
        yield ctx.passed(
            f"{which}{chinese_date(date)}不晚于期限{chinese_date(deadline)}", evidence=evidence
        )
