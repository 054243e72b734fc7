"""Tables 2 and 3 of the annual report, built from counts taken from the ledger.

This module knows nothing about Django: `compile.py` asks the database for a handful of
grouped counts (`LedgerCounts`) and this module lays them out as `Report` cells, so the
layout logic is testable on plain data and the database does the counting.

Year attribution (domain-spec §5.6), for the statistical year Y:
- 一、本年新收: applications whose legal date of receipt (条例第三十一条) falls in Y;
- 二、上年结转: received before 1 January Y and not concluded before it;
- 三、办理结果: concluded in Y, each in exactly one outcome row (第三十七条: 部分公开 only);
- 四、结转下年度: received by 31 December Y and not concluded by then.
Table 3 (domain-spec §2.5, what to count is [U]): appeals filed in Y or pending at its
start, each under its result when closed by 31 December Y, otherwise under 尚未审结.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from gongkai.report.formats import (
    APPLICANT_COLUMNS,
    FORMAT_2021,
    OUTCOME_COLUMNS,
    OUTCOME_ROWS_2021,
    TABLE1_2021,
    TABLE2_2021,
    TABLE3,
    TOTAL_COLUMN,
    grouped,
    report_title,
)
from gongkai.report.model import AgencyKind, Cell, Report, Source, TextPart

LEDGER = Source(kind="ledger")
ENTERED = Source(kind="entered")
CATALOGUE = Source(kind="catalogue")

CATEGORIES = tuple(c.key for c in APPLICANT_COLUMNS)
OUTCOMES = tuple(r.key for r in OUTCOME_ROWS_2021)
APPEAL_KINDS = tuple(r.key for r in TABLE3.rows)
APPEAL_RESULTS = tuple(c.key for c in OUTCOME_COLUMNS if c.key not in ("pending", "total"))


@dataclass
class LedgerCounts:
    """What the ledger says about one agency's year, already counted.

    Every mapping counts applications (or appeals); a missing key means none.
    """

    received: Counter = field(default_factory=Counter)  # category -> n
    carried_in: Counter = field(default_factory=Counter)  # category -> n
    carried_out: Counter = field(default_factory=Counter)  # category -> n
    concluded: Counter = field(default_factory=Counter)  # (category, outcome) -> n
    appeals: Counter = field(default_factory=Counter)  # (kind, result key | "pending") -> n
    #: problems in the records that keep a case out of a cell; shown, never dropped silently
    anomalies: list[str] = field(default_factory=list)


def _row_cells(report: Report, row: str, counts: dict[str, int]) -> None:
    for cat in CATEGORIES:
        report.set(Cell.number(TABLE2_2021.cell_key(row, cat), counts.get(cat, 0), LEDGER))
    total = sum(counts.get(c, 0) for c in CATEGORIES)
    report.set(Cell.number(TABLE2_2021.cell_key(row, TOTAL_COLUMN), total, LEDGER))


def _check_keys(counts: LedgerCounts) -> None:
    """A category or outcome the format does not know would vanish from the table: refuse it."""
    for mapping in (counts.received, counts.carried_in, counts.carried_out):
        for cat in mapping:
            if cat not in CATEGORIES:
                raise ValueError(f"未知的申请人类型：{cat!r}")
    for cat, outcome in counts.concluded:
        if cat not in CATEGORIES:
            raise ValueError(f"未知的申请人类型：{cat!r}")
        if outcome not in OUTCOMES:
            raise ValueError(f"未知的办理结果：{outcome!r}")
    for kind, result in counts.appeals:
        if kind not in APPEAL_KINDS or result not in (*APPEAL_RESULTS, "pending"):
            raise ValueError(f"未知的复议诉讼类型或结果：{kind!r} {result!r}")


def fill_tables_2_and_3(report: Report, counts: LedgerCounts) -> None:
    """Set the 175 + 15 official cells of tables 2 and 3 from `counts` (all Source(kind="ledger"))."""
    _check_keys(counts)
    _row_cells(report, "new_received", counts.received)
    _row_cells(report, "carried_over_in", counts.carried_in)
    processed: Counter = Counter()
    for outcome in OUTCOMES:
        row = {cat: counts.concluded.get((cat, outcome), 0) for cat in CATEGORIES}
        processed.update(row)
        _row_cells(report, outcome, row)
    _row_cells(report, "processed_total", processed)
    _row_cells(report, "carried_over_out", counts.carried_out)
    for kind in APPEAL_KINDS:
        total = 0
        for col in (*APPEAL_RESULTS, "pending"):
            n = counts.appeals.get((kind, col), 0)
            total += n
            report.set(Cell.number(TABLE3.cell_key(kind, col), n, LEDGER))
        report.set(Cell.number(TABLE3.cell_key(kind, TOTAL_COLUMN), total, LEDGER))


def _cell_name(key: str) -> str:
    _, row, col = FORMAT_2021.specs[key]
    return grouped(row.label, col.label)


def fill_table_1(
    report: Report,
    entered: dict[str, str | None],
    compiled: dict[str, int] | None = None,
    reasons: dict[str, str] | None = None,
) -> None:
    """Table 1: the value entered by hand where there is one (blank stays blank, never a 0),
    else the count compiled from the catalogue. A compiled count never replaces an entered
    figure; where both exist and differ, a note shows the difference and the reason given."""
    compiled, reasons = compiled or {}, reasons or {}
    for key in TABLE1_2021.cell_keys():
        raw = entered.get(key)
        raw = "" if raw is None else str(raw)
        _, _, col = FORMAT_2021.specs[key]
        if raw.strip() or key not in compiled:
            cell = Cell.read(key, raw, ENTERED, decimal=col.decimal)
            report.set(cell)
            if key in compiled and not (cell.known and cell.value == compiled[key]):
                shown = cell.raw or "空白"
                diff = f"（相差{cell.value - compiled[key]}）" if cell.known else ""
                why = f"来源或理由：{reasons[key]}" if reasons.get(key) else "未说明理由"
                report.notes.append(
                    f"{TABLE1_2021.name}“{_cell_name(key)}”录入为{shown}，目录汇总为{compiled[key]}{diff}；{why}。"
                )
        else:
            report.set(Cell.number(key, compiled[key], CATALOGUE))


def assemble_report(
    agency: str,
    year: int,
    counts: LedgerCounts,
    *,
    kind: AgencyKind | None = None,
    can_make_rules: bool | None = None,
    table1: dict[str, str | None] | None = None,
    compiled_table1: dict[str, int] | None = None,
    table1_reasons: dict[str, str] | None = None,
    texts: dict[int, str] | None = None,
) -> Report:
    """One agency's report for `year` in the 2021 format: tables 2–3 counted, table 1 entered
    or compiled from the catalogue, the parts as entered."""
    report = Report(
        format=FORMAT_2021,
        agency=agency,
        year=year,
        agency_kind=kind,
        can_make_rules=can_make_rules,
        title=report_title(agency, year),
        source_kind="ledger",
    )
    for part in FORMAT_2021.parts:
        report.parts[part.number] = TextPart(
            part.number, part.title, (texts or {}).get(part.number, "")
        )
    fill_table_1(report, table1 or {}, compiled_table1, table1_reasons)
    fill_tables_2_and_3(report, counts)
    report.notes.extend(counts.anomalies)
    return report
