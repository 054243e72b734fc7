"""Pass / fail / uncertain cases for every rule (as sqlfluff keeps a YAML of cases beside each
rule). A case changes a small, consistent sample report and says what one rule must answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from gongkai.report.formats import FORMATS
from gongkai.report.model import Cell, Report, Source, TextPart

MISSING = object()  # a cell value: the cell was not found in the input

#: a consistent 2021-format report with a little of everything (totals add up)
BASE_CELLS: dict[str, Any] = {
    "t1.normative_docs.made": 2,
    "t1.normative_docs.repealed": 1,
    "t1.normative_docs.valid": 10,
    "t1.licensing.decisions": 30,
    "t1.penalty.decisions": 4,
    "t1.admin_fees.amount": "1.5",
    "t2.new_received.natural_person": 5,
    "t2.new_received.commercial_enterprise": 1,
    "t2.new_received.total": 6,
    "t2.carried_over_in.natural_person": 1,
    "t2.carried_over_in.total": 1,
    "t2.granted.natural_person": 3,
    "t2.granted.commercial_enterprise": 1,
    "t2.granted.total": 4,
    "t2.unable.not_held.natural_person": 1,
    "t2.unable.not_held.total": 1,
    "t2.other.other.natural_person": 1,
    "t2.other.other.total": 1,
    "t2.processed_total.natural_person": 5,
    "t2.processed_total.commercial_enterprise": 1,
    "t2.processed_total.total": 6,
    "t2.carried_over_out.natural_person": 1,
    "t2.carried_over_out.total": 1,
    "t3.review.maintained": 1,
    "t3.review.pending": 1,
    "t3.review.total": 2,
}

BASE_PARTS = {
    1: (
        "总体情况",
        "2024年，本镇认真贯彻《条例》。\n（一）主动公开情况。及时主动公开政策文件。\n"
        "（二）依申请公开情况。全年共收到政府信息公开申请6件，办结6件，另有1件结转下年度办理。\n"
        "（三）政府信息管理情况。落实审核制度。\n（四）政府信息公开平台建设情况。维护门户网站。\n"
        "（五）政府信息公开监督保障情况。开展工作考核和社会评议，落实责任追究。",
    ),
    2: ("主动公开政府信息情况", ""),
    3: ("收到和处理政府信息公开申请情况", ""),
    4: ("政府信息公开行政复议、行政诉讼情况", ""),
    5: ("存在的主要问题及改进情况", "一是公开不够及时。二是解读形式单一。下一步将加强培训。"),
    6: ("其他需要报告的事项", "本年度未收取政府信息公开信息处理费。"),
}

BASE_META = {
    "agency": "管头镇人民政府",
    "year": 2024,
    "title": "管头镇2024年政府信息公开工作年报",
    "signed_on": dt.date(2025, 1, 24),
}

#: last year's report, consistent with BASE: 结转 1 carried into 2024, 现行有效 9 + 2 − 1 = 10
PREVIOUS = {
    "meta": {
        "year": 2023,
        "title": "管头镇2023年政府信息公开工作年报",
        "signed_on": dt.date(2024, 1, 20),
    },
    "cells": {
        "t1.normative_docs.valid": 9,
        "t1.normative_docs.made": 0,
        "t1.normative_docs.repealed": 0,
    },
    "parts": {
        1: "2023年，本镇开展了政务公开工作，重点推进决策公开。\n完善了网站栏目。",
        5: "2023年存在培训不足的问题。今后加强队伍建设和制度建设。",
    },
}


def build(
    cells: dict | None = None,
    meta: dict | None = None,
    parts: dict | None = None,
    layout: dict | None = None,
    version: str = "2021",
) -> Report:
    """The base report with `cells` (key → int, printed str, or MISSING), `meta` and `parts`
    (number → text, or None to drop the part) changed. Unlisted cells are printed 0."""
    report = Report(format=FORMATS[version], **{**BASE_META, **(meta or {})})
    values = {**(BASE_CELLS if version == "2021" else {}), **(cells or {})}
    specs = report.format.specs
    printed_rows = {k.rsplit(".", 1)[0] for k in values if k in specs and not specs[k][1].official}
    printed_cols = {k.rsplit(".", 1)[1] for k in values if k in specs and not specs[k][2].official}
    for line, key in enumerate(report.format.cell_keys(official_only=False), start=100):
        row, col = key.rsplit(".", 1)
        row_printed = specs[key][1].official or row in printed_rows
        col_printed = specs[key][2].official or col in printed_cols
        if not (row_printed and col_printed):
            continue  # a local row or column is printed whole, or not at all
        value = values.get(key, 0)
        if value is MISSING:
            continue
        source = Source(kind="text", line=line)
        spec = report.format.specs[key][2]
        cell = (
            Cell.read(key, value, source, spec.decimal)
            if isinstance(value, str)
            else Cell.number(key, value, source)
        )
        report.set(cell)
    texts = {n: text for n, (_, text) in BASE_PARTS.items()}
    texts.update(parts or {})
    line = 1
    for n, text in sorted(texts.items()):
        if text is None:
            continue
        report.parts[n] = TextPart(n, BASE_PARTS[n][0], text, line=line)
        line += text.count("\n") + 2
    report.layout.update(layout or {})
    return report


@dataclass
class Case:
    rule: str
    outcome: str  # pass | fail | uncertain
    why: str
    cells: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    parts: dict = field(default_factory=dict)
    layout: dict = field(default_factory=dict)
    version: str = "2021"
    previous: dict | None = None  # changes to PREVIOUS; None = no previous report
    flagged: tuple[str, ...] = ()  # cells a failing finding must name
    severity: str | None = None  # expected severity of the finding, when it differs

    @property
    def id(self) -> str:
        return f"{self.rule}-{self.outcome}-{self.why}"

    def reports(self) -> tuple[Report, Report | None]:
        report = build(self.cells, self.meta, self.parts, self.layout, self.version)
        if self.previous is None:
            return report, None
        prev = {
            k: {**PREVIOUS.get(k, {}), **self.previous.get(k, {})}
            for k in ("cells", "meta", "parts")
        }
        prev_version = self.previous.get("version", self.version)
        return report, build(prev["cells"], prev["meta"], prev["parts"], version=prev_version)


def all_cases() -> list[Case]:
    from . import (
        appeals,
        applications,
        cell_values,
        narrative_vs_tables,
        proactive,
        structure,
        years,
    )

    return [
        c
        for m in (
            applications,
            appeals,
            cell_values,
            proactive,
            structure,
            narrative_vs_tables,
            years,
        )
        for c in m.CASES
    ]
