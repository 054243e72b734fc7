"""T-: the narrative against the tables (domain-spec §4.6).

Figures are read from parts 一 and 六 with regular expressions over the flat text
(`narrative_figures.flat`). Where the narrative can be read two ways, either reading passes.
A narrative that states nothing passes: there is nothing to contradict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from .. import narrative_grammar
from ..formats import T1, T2, TABLE2_2021, TABLE3, TOTAL_COLUMN
from .context import Context
from .finding import Finding, Severity
from .narrative_figures import Mention, flat, mentions, sentence_at
from .registry import rule

NARRATIVE = (1, 6)
N = r"(\d+)"
_SEP = r"[^。;]"


def _text(ctx: Context, parts=NARRATIVE) -> str:
    return "。".join(flat(ctx.report.text(n)) for n in parts if n in ctx.report.parts)


def _total(row: str) -> str:
    return TABLE2_2021.cell_key(row, TOTAL_COLUMN)


def _group(ctx: Context, prefix: str) -> list[str]:
    return [
        _total(r.key)
        for r in ctx.report.format.table(T2).rows
        if r.leaf and r.key.startswith(prefix)
    ]


def _sum(ctx: Context, keys: list[str]) -> Decimal | None:
    values = [ctx.report.value(k) for k in keys]
    return None if None in values or not keys else Decimal(sum(values))


def _compare(
    ctx: Context,
    found: list[Mention],
    readings: dict[str, list[str]],
    *,
    what: str,
    parts=NARRATIVE,
) -> Iterator[Finding]:
    """Each stated figure must equal one of the `readings` (label → cells summed)."""
    cells = list(dict.fromkeys(k for keys in readings.values() for k in keys))
    parts = [n for n in parts if n in ctx.report.parts]
    if not ctx.report.parts:
        yield ctx.uncertain("未找到正文各部分，无法核对")
        return
    if not found:
        yield ctx.passed(f"正文未写明{what}，无需核对", parts=parts)
        return
    sums = {label: _sum(ctx, keys) for label, keys in readings.items()}
    table = "，".join(f"{label}为{'无法计算' if s is None else s}" for label, s in sums.items())
    shown = [k for k in cells if ctx.report.value(k) != 0]
    place = "；".join(ctx.show(k) for k in shown[:6]) or "相关单元格均为0"
    for m in found:
        head = f"正文“{m.sentence}”称{what}{m.value}，表中{table}"
        evidence = {"sentence": m.sentence, "stated": m.value, "table": sums}
        known = [v for v in sums.values() if v is not None]
        wanted = {"expected": known[0] if len(known) == 1 else known, "actual": m.value}
        if any(s == m.value for s in sums.values() if s is not None):
            yield ctx.passed(f"{head}，一致", cells, parts=parts, evidence=evidence, **wanted)
        elif any(s is None for s in sums.values()):
            yield ctx.uncertain(
                f"{head}，表中有单元格无法计算。涉及：{place}",
                cells,
                parts=parts,
                evidence=evidence,
            )
        else:
            yield ctx.failed(
                f"{head}，不一致。涉及：{place}", cells, parts=parts, evidence=evidence, **wanted
            )


RECEIVED = rf"(?:受理|收到|新收|接收|接到){_SEP}{{0,20}}?申请(?:共计|合计|共)?{N}件"


@rule("T-1", Severity.WARN, title="正文所述收到申请数与表二相符")
def received(ctx: Context):
    """ "收到/新收/受理 … 申请 N 件" equals 一、本年新收 总计, or 新收 + 上年结转 when the sentence
    counts carried-over applications too (either reading passes).

    Anti-pattern: "全年共受理政府信息公开申请25件" with 新收 总计 21.  Fix: one of the two is wrong.
    """
    found = mentions(RECEIVED, _text(ctx))
    yield from _compare(
        ctx,
        found,
        {
            "本年新收": [_total("new_received")],
            "新收加上年结转": [_total("new_received"), _total("carried_over_in")],
        },
        what="收到申请（件）",
    )


@rule("T-2", Severity.WARN, title="正文所述办结申请数与表二相符")
def concluded(ctx: Context):
    """ "办结/答复 … N 件" equals （七）总计 总计.

    Anti-pattern: "答复3050件" with （七）总计 3015.  Fix: one of the two is wrong.
    """
    found = mentions(rf"(?:办结|答复)(?:申请|了)?(?:共计|合计|共)?{N}件", _text(ctx))
    yield from _compare(
        ctx, found, {"（七）总计": [_total("processed_total")]}, what="办结/答复申请（件）"
    )


@rule("T-3", Severity.WARN, title="正文所述结转下年度数与表二相符")
def carried_over(ctx: Context):
    """ "结转/顺延到下年度 … N 件" equals 四、结转下年度继续办理 总计.

    Anti-pattern: "另有103件顺延到下年度答复" with 结转下年度 总计 0.  Fix: one of the two is wrong.
    """
    text = _text(ctx)
    taken: list[tuple[int, int]] = []
    found = mentions(rf"{N}件[^。;,]{{0,6}}(?:结转|顺延)(?:到|至)?下一?年", text, taken)
    found += mentions(
        rf"(?:结转|顺延)(?:到|至)?下一?年度?(?:继续办理|办理|答复)?(?:的?申请)?(?:共计|共)?{N}件",
        text,
        taken,
    )
    yield from _compare(
        ctx, found, {"结转下年度": [_total("carried_over_out")]}, what="结转下年度（件）"
    )


OUTCOME_PHRASES = (  # most specific first: "予以公开及部分公开" before "予以公开"
    ("予以公开及部分公开", r"予以公开(?:及|和|与|、)部分公开", ("granted", "partially_granted")),
    ("予以公开", r"(?<!不)予以公开", ("granted",)),
    ("部分公开", r"部分公开", ("partially_granted",)),
    ("不予公开", r"不予公开", ("denied.",)),
    ("无法提供", r"无法提供", ("unable.",)),
    ("不予处理", r"不予处理", ("not_processed.",)),
)
_SHARE = r"(?:的?申请)?(?:共计|共)?{n}件(?:,占(?:比)?(?:总数的?)?(\d+(?:\.\d+)?)%)?"


def _outcome_keys(ctx: Context, rows: tuple[str, ...]) -> list[str]:
    keys = []
    for row in rows:
        keys += _group(ctx, row) if row.endswith(".") else [_total(row)]
    return keys


@rule("T-4", Severity.WARN, title="正文所述办理结果数及占比与表二相符")
def outcome_shares(ctx: Context):
    """ "予以公开及部分公开 N 件，占 X%", "不予公开 N 件", "无法提供 N 件", "不予处理 N 件" equal the
    group sums of the 总计 column; X is recomputed over （七）总计 to the printed precision.

    Anti-pattern: "予以公开及部分公开258件，占33.9%" while the table gives 272 + 3 = 275 of 805,
    34.2% (SH2019).  Fix: take the figures from the table.
    """
    text = _text(ctx)
    taken: list[tuple[int, int]] = []
    total = ctx.report.value(_total("processed_total"))
    any_found = False
    for label, phrase, rows in OUTCOME_PHRASES:
        found = mentions(phrase + _SHARE.format(n=N), text, taken)
        if not found:
            continue
        any_found = True
        keys = _outcome_keys(ctx, rows)
        yield from _compare(ctx, found, {label: keys}, what=f"{label}（件）")
        for m in found:
            if m.groups[1] is None:
                continue
            yield from _share(ctx, m, total, label)
    if not any_found:
        yield ctx.passed(
            "正文未写明各办理结果的件数，无需核对",
            parts=[n for n in NARRATIVE if n in ctx.report.parts],
        )


def _share(ctx: Context, m: Mention, total, label: str) -> Iterator[Finding]:
    printed = m.groups[1]
    places = len(printed.split(".")[1]) if "." in printed else 0
    key = _total("processed_total")
    if not total:
        yield ctx.uncertain(
            f"正文“{m.sentence}”写明占比{printed}%，但（七）总计为{total}，无法计算占比", [key]
        )
        return
    share = narrative_grammar.share(m.value, total, places)
    evidence = {"sentence": m.sentence, "stated": printed, "recomputed": str(share)}
    text = f"正文“{m.sentence}”称{label}占{printed}%，按{m.value}/{total}计算为{share}%"
    if share == Decimal(printed):
        yield ctx.passed(f"{text}，一致", [key], evidence=evidence)
    else:
        yield ctx.failed(f"{text}，不一致。涉及：{ctx.show(key)}", [key], evidence=evidence)


@rule("T-5", Severity.WARN, title="正文所述复议、诉讼数与表三相符")
def appeals(ctx: Context):
    """ "行政复议 N 件/起" equals 表三 行政复议 总计; "行政诉讼 N 件/起" equals 未经复议直接起诉 总计 +
    复议后起诉 总计.

    Anti-pattern: "行政复议11件" while 行政复议 总计 printed 0 (洪泽区 2023).  Fix: 总计 11.
    """
    text = _text(ctx)
    tail = rf"(?:案件)?(?:共计|共)?{N}(?:件|起)"
    yield from _compare(
        ctx,
        mentions(r"行政复议" + tail, text),
        {"行政复议总计": [TABLE3.cell_key("review", TOTAL_COLUMN)]},
        what="行政复议（件）",
    )
    yield from _compare(
        ctx,
        mentions(r"行政诉讼" + tail, text),
        {
            "两类行政诉讼总计之和": [
                TABLE3.cell_key(row, TOTAL_COLUMN)
                for row in ("litigation_direct", "litigation_after_review")
            ]
        },
        what="行政诉讼（件）",
    )


@rule("T-6", Severity.INFO, title="正文所述规章、规范性文件数与表一相符")
def documents(ctx: Context):
    """ "制发/出台/公开 规范性文件 N 件", "规章 N 件" equal table 1 本年制发 (2019: 本年新制作). INFO
    only: the narrative often counts what was published rather than made.

    Anti-pattern: "出台规范性文件5件" with 本年制发 3.  Fix: say which count the sentence means.
    """
    t1 = ctx.report.format.table(T1)

    def made(row: str) -> str:  # 本年制发 (2021), 本年新制作 (2019): the row's first column
        return t1.cell_key(row, t1.row(row).columns[0])

    text = _text(ctx)
    yield from _compare(
        ctx,
        mentions(rf"规章{N}件", text),
        {"规章本年制发": [made("regulations")]},
        what="规章（件）",
    )
    yield from _compare(
        ctx,
        mentions(rf"(?:制发|出台|印发|公开|制定){_SEP}{{0,12}}?规范性文件{N}件", text),
        {"规范性文件本年制发": [made("normative_docs")]},
        what="规范性文件（件）",
    )


FEE = "信息处理费"
_FEE_AMOUNT = re.compile(r"信息处理费(?:共计|合计|共|总计)?(\d+(?:\.\d+)?)(万元|元)?")
_YEAR = re.compile(r"(\d{4})年")


@rule("T-7", Severity.WARN, title="第六部分说明信息处理费")
def fee_statement(ctx: Context):
    """《政府信息公开信息处理费管理办法》(国办函〔2020〕109号): 2021-format reports state in part 六
    whether 信息处理费 was charged and how much. An amount above 0 carries its unit (元) and
    refers to year Y.

    Anti-pattern: part 六 "无" .  Fix: "本年度未收取政府信息公开信息处理费。"
    """
    report = ctx.report
    if 6 not in report.parts:
        yield ctx.uncertain("未找到第六部分“其他需要报告的事项”，无法核对信息处理费说明")
        return
    text = flat(report.text(6))
    if FEE not in text:
        yield ctx.failed("第六部分未说明政府信息公开信息处理费的收取情况", parts=[6])
        return
    for m in _FEE_AMOUNT.finditer(text):
        amount, unit = Decimal(m.group(1)), m.group(2)
        sentence = sentence_at(text, m.start(), m.end())
        if amount == 0:
            continue
        years = {int(y) for y in _YEAR.findall(sentence)}
        if unit is None:
            yield ctx.failed(
                f"第六部分“{sentence}”写明信息处理费{amount}却没有单位（元）", parts=[6]
            )
            return
        if years and report.year not in years:
            yield ctx.failed(
                f"第六部分“{sentence}”所述年份{sorted(years)}不是报告年度{report.year}", parts=[6]
            )
            return
        yield ctx.passed(
            f"第六部分说明了信息处理费：“{sentence}”",
            parts=[6],
            evidence={"amount": amount, "unit": unit},
        )
        return
    start = text.find(FEE)
    sentence = sentence_at(text, start, start + len(FEE))
    yield ctx.passed(f"第六部分说明了信息处理费：“{sentence}”", parts=[6])


_NO_NOTICE = (
    r"未(?:发出|发送|下达|送达|开具)[^。;,]{0,6}收费通知|未启动(?:信息处理费)?收费|没有发出收费通知"
)


@rule("T-8", Severity.INFO, title="“未发出收费通知”与逾期未缴费行相符")
def fee_notice(ctx: Context):
    """Part 六 saying no fee was charged *or notified* contradicts （六）2.逾期未按收费通知要求缴纳
    费用 > 0 (an applicant failed to pay after a 收费通知). "未收取" (nothing collected) is
    consistent with an unpaid notice.

    Anti-pattern: "本年度未发出收费通知" with （六）2 总计 1.  Fix: one of the two is wrong.
    """
    key = _total("other.fee_unpaid")
    report = ctx.report
    m = re.search(_NO_NOTICE, flat(report.text(6)))
    if m is None:
        yield ctx.passed("第六部分未称未发出收费通知", parts=[6] if 6 in report.parts else [])
        return
    if key not in report.cells:
        yield ctx.uncertain(f"第六部分称“{m.group(0)}”，但表二未分列（六）2.逾期未缴费", parts=[6])
        return
    value = report.value(key)
    if value is None:
        yield ctx.uncertain(f"第六部分称“{m.group(0)}”，{ctx.show(key)}无法计算", [key], parts=[6])
    elif value > 0:
        yield ctx.failed(f"第六部分称“{m.group(0)}”，但{ctx.show(key)}", [key], parts=[6])
    else:
        yield ctx.passed(f"第六部分称“{m.group(0)}”，与{ctx.show(key)}一致", [key], parts=[6])


_NONE_RECEIVED = r"未(?:收到|受理|接到|接收)(?:任何)?(?:政府信息公开|依申请公开)?申请|申请(?:数量)?为?0件|无依申请公开(?:事项|申请)"


@rule("T-9", Severity.WARN, title="正文是否收到申请与表二相符")
def any_applications(ctx: Context):
    """A narrative saying no application was received (or that some were) agrees with table 2:
    一、本年新收 总计 is 0 exactly when the narrative says none came in.

    Anti-pattern: "本年度未收到政府信息公开申请" with 新收 总计 3.  Fix: one of the two is wrong.
    """
    report, text = ctx.report, _text(ctx)
    key = _total("new_received")
    value = report.value(key)
    none = re.search(_NONE_RECEIVED, text)
    some = [m for m in mentions(RECEIVED, text) if m.value > 0]
    parts = [n for n in NARRATIVE if n in report.parts]
    if none is None and not some:
        yield ctx.passed("正文未说明是否收到申请", parts=parts)
    elif value is None:
        yield ctx.uncertain(f"{ctx.show(key)}无法计算", [key], parts=parts)
    elif none is not None and value > 0:
        yield ctx.failed(f"正文称“{none.group(0)}”，但{ctx.show(key)}", [key], parts=parts)
    elif some and value == 0 and (report.value(_total("carried_over_in")) or 0) == 0:
        yield ctx.failed(
            f"正文“{some[0].sentence}”称收到申请，但{ctx.show(key)}", [key], parts=parts
        )
    else:
        yield ctx.passed(f"正文与表二一致：{ctx.show(key)}", [key], parts=parts)


_PERIOD_YEARS = (
    r"(?:^|[。;])(\d{4})年度?[,，]",
    r"(\d{4})年1月1日(?:起)?至(\d{4})年12月31日",
    r"(\d{4})年(?:全年|以来|度)",
)


@rule("T-10", Severity.WARN, title="标题及总体情况中的统计年度与报告年度相符")
def statistical_year(ctx: Context):
    """The title year and the years part 一 gives for the statistical period ("2024年，我镇…",
    "2024年1月1日至2024年12月31日") are the report year Y: a stale year is the usual sign of
    last year's text reused.

    Anti-pattern: a 2024 report whose part 一 opens "2023年，我局…".  Fix: update the year.
    """
    report = ctx.report
    if report.year is None:
        yield ctx.uncertain("报告年度未知，无法核对")
        return
    stated: list[tuple[int, str, str]] = []
    title = flat(report.title or "")
    m = _YEAR.search(title)
    if m:
        stated.append((int(m.group(1)), "标题", title))
    text = flat(report.text(1))
    for pattern in _PERIOD_YEARS:
        for m in re.finditer(pattern, text):
            for y in filter(None, m.groups()):
                stated.append((int(y), "第一部分", sentence_at(text, m.start(), m.end())))
    wrong = [(y, where, s) for y, where, s in stated if y != report.year]
    parts = [1] if 1 in report.parts else []
    for y, where, s in wrong:
        yield ctx.failed(
            f"{where}“{s}”中的年份{y}不是报告年度{report.year}", parts=parts, evidence={"year": y}
        )
    if not wrong:
        yield ctx.passed(
            f"标题和第一部分所述统计年度均为{report.year}（共{len(stated)}处）", parts=parts
        )
