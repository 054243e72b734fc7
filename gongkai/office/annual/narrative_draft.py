"""Sentences for parts 一, 五 and 六 pre-filled from the compiled figures.

The office edits them in the browser; they are a start that already agrees with the tables
(the text checks T-1 … T-5 and T-7 compare the two), never a finished text. Part 一 follows
the five aspects FMT2021 一(一) names (S-4); a people's government of any level, a township
included, also reports 考核、评议、责任追究 (条例第五十条第（四）项).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from gongkai.report.formats import (
    DENIED,
    NOT_PROCESSED,
    OTHER,
    TABLE1_2021,
    TABLE2_2021,
    TABLE3,
    TOTAL_COLUMN,
    UNABLE,
)
from gongkai.report.model import Report
from gongkai.report.narrative_grammar import share_text
from gongkai.report.normalize import ROW_MARK


@dataclass(frozen=True)
class Fees:
    """信息处理费 in the year (国办函〔2020〕109号): notices sent and money collected, in 元."""

    notices: int = 0
    collected_yuan: Decimal = Decimal(0)


@dataclass(frozen=True)
class Training:
    """A training the agency held or attended in the year (its 培训记录 in supervision)."""

    held_on: dt.date
    topic: str


TOPICS_NAMED = 5


def training_sentence(trainings: Sequence[Training]) -> str:
    """监督保障: how many trainings, and their topics (the first few, then 等)."""
    if not trainings:
        return ""
    topics = list(dict.fromkeys(t.topic for t in sorted(trainings, key=lambda t: t.held_on)))
    named = "、".join(topics[:TOPICS_NAMED]) + ("等" if len(topics) > TOPICS_NAMED else "")
    return f"本年度开展政府信息公开培训{len(trainings)}次，内容包括{named}。"


def _total(report: Report, row: str) -> int:
    return report.value(TABLE2_2021.cell_key(row, TOTAL_COLUMN)) or 0


def _group_total(report: Report, group: str) -> int:
    return sum(_total(report, r.key) for r in TABLE2_2021.rows if r.leaf and r.group == group)


def applications_sentence(report: Report) -> str:
    """依申请公开 in figures: T-1 新收, T-2 办结, T-4 outcome groups and share, T-3 结转."""
    done = _total(report, "processed_total")
    shown = _total(report, "granted") + _total(report, "partially_granted")
    share = f"，占{share_text(shown, done)}" if done else ""
    parts = [
        f"本年度共新收政府信息公开申请{_total(report, 'new_received')}件，"
        f"上年结转{_total(report, 'carried_over_in')}件；办结{done}件，"
        f"其中予以公开及部分公开{shown}件{share}"
    ]
    for group in (DENIED, UNABLE, NOT_PROCESSED, OTHER):
        n = _group_total(report, group)
        if n:
            parts.append(f"{ROW_MARK.sub('', group)}{n}件")  # （三）不予公开 → 不予公开
    return "，".join(parts) + f"；结转下年度继续办理{_total(report, 'carried_over_out')}件。"


def appeals_sentence(report: Report) -> str:
    """T-5: 行政复议 = review.total; 行政诉讼 = both litigation rows."""
    review = report.value(TABLE3.cell_key("review", TOTAL_COLUMN)) or 0
    suits = sum(
        report.value(TABLE3.cell_key(row, TOTAL_COLUMN)) or 0
        for row in ("litigation_direct", "litigation_after_review")
    )
    return f"本年度因政府信息公开工作被申请行政复议{review}件，被提起行政诉讼{suits}件。"


def proactive_sentence(report: Report, catalogue=None) -> str:
    """Table 1 figures, only those entered (a blank is not a 0), then what the catalogue records
    (`catalogue`: a catalogue.year_facts.ProactiveYear): items published by category,
    channels, interpretations, consultations, concerns answered and items published late.
    Items are counted in 条 so that no sentence reads as a table-1 document count (T-6)."""
    bits = []
    for key, words in (
        (("normative_docs", "made"), "制发行政规范性文件{}件"),
        (("licensing", "decisions"), "作出行政许可决定{}个"),
        (("penalty", "decisions"), "作出行政处罚决定{}个"),
    ):
        v = report.value(TABLE1_2021.cell_key(*key))
        if v is not None:
            bits.append(words.format(v))
    figures = f"本年度{'，'.join(bits)}，均按规定主动公开。" if bits else ""
    return f"（一）主动公开。{figures}{_catalogue_sentences(catalogue)}"


def _catalogue_sentences(c) -> str:
    if c is None:
        return ""
    text = f"全年主动公开政府信息{c.published}条"
    if c.by_category:
        text += "，其中" + "、".join(f"{cat}{n}条" for cat, n in c.by_category[:5])
    text += "。"
    if c.channels:
        text += f"通过{'、'.join(c.channels)}等渠道发布。"
    if c.interpretations:
        text += f"发布政策解读{c.interpretations}篇。"
    if c.consultations:
        text += f"开展意见征集{c.consultations}次，收到公众意见{c.comments}条"
        text += f"，公布意见采纳情况{c.feedback_published}次。" if c.feedback_published else "。"
    if c.concerns:
        text += f"回应社会关切{c.concerns}次。"
    if c.late:
        text += f"有{c.late}条信息超过二十个工作日才公开（条例第二十六条），已督促整改。"
    return text


def part_one(report: Report, catalogue=None, trainings: Sequence[Training] = ()) -> str:
    lines = [
        f"{report.year}年，{report.agency}认真贯彻落实《中华人民共和国政府信息公开条例》，现将本年度政府信息公开工作情况报告如下。",
        proactive_sentence(report, catalogue),
        f"（二）依申请公开。{applications_sentence(report)}{appeals_sentence(report)}",
        "（三）政府信息管理。",
        "（四）政府信息公开平台建设。",
        f"（五）监督保障。{training_sentence(trainings)}",
    ]
    if report.is_peoples_government:
        lines[-1] += "本年度工作考核、社会评议和责任追究结果情况："
    return "\n".join(lines)


def part_five() -> str:
    return "（一）存在的主要问题。\n（二）改进情况。"


def part_six(fees: Fees) -> str:
    """T-7: the 信息处理费 statement; T-8: say a notice was sent when one was."""
    if fees.collected_yuan:
        amount = fees.collected_yuan.normalize()
        money = f"本年度依据《政府信息公开信息处理费管理办法》收取政府信息公开信息处理费共计{amount:f}元。"
    else:
        money = "本年度未收取政府信息公开信息处理费。"
    notices = f"本年度发出收费通知{fees.notices}件。" if fees.notices else ""
    return money + notices


def prefill(
    report: Report, fees: Fees, catalogue=None, trainings: Sequence[Training] = ()
) -> dict[int, str]:
    """The starting text of parts 一, 五, 六 (`catalogue`: what the catalogue records of the year;
    `trainings`: the agency's training records of the year)."""
    return {1: part_one(report, catalogue, trainings), 5: part_five(), 6: part_six(fees)}
