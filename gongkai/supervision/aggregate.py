"""A region's tables 1–3 summed over the reports a caller picks, never guessing a number.

A blank (or "/") cell adds nothing, and a cell blank in every report stays blank. A cell any
report leaves unreadable makes that sum unknown, and the total names the reports behind it:
a supervision sum never treats what it could not read as 0 (design.md). 2019-format reports
enter through the mapping of domain-spec §3.4 (`mapping`), their cells without a 2021 place
left out and said so. The result is a 2021-format `Report` with no agency, so every writer
prints it; `to_dict` and `csv_rows` add what a writer cannot say (who was counted).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..report.checks.naming import cell_name
from ..report.formats import FORMAT_2021
from ..report.model import Cell, Number, Report, State
from ..report.write import table_csv
from .mapping import in_2021
from .mapping import names as cell_names
from .pairing import same_agency

NUMBER, BLANK, UNKNOWN = "number", "blank", "unknown"
UNKNOWN_TEXT = "未知"  # what an unknown sum prints in a table


@dataclass
class Total:
    key: str
    value: Number | None = None
    counted: int = 0  # reports that printed a number here
    unknown_in: list[str] = field(default_factory=list)  # reports that left it unreadable
    why: list[str] = field(default_factory=list)

    @property
    def state(self) -> str:
        if self.unknown_in:
            return UNKNOWN
        return NUMBER if self.counted else BLANK


@dataclass
class Aggregate:
    names: list[str]  # one name per report (its file), in the order given
    reports: list[Report]
    totals: dict[str, Total]
    notes: list[str]

    @property
    def year(self) -> int | None:
        years = {r.year for r in self.reports}
        return years.pop() if len(years) == 1 else None

    @property
    def unknown(self) -> list[Total]:
        return [t for t in self.totals.values() if t.state == UNKNOWN]

    def as_report(self) -> Report:
        """The sums as a 2021 report of no agency: unknown sums are unreadable cells."""
        total = Report(format=FORMAT_2021, agency=None, year=self.year, title="汇总")
        for key, t in self.totals.items():
            if t.state == NUMBER:
                total.cells[key] = Cell.number(key, t.value)
            elif t.state == BLANK:
                total.cells[key] = Cell(key)
            else:
                total.cells[key] = Cell.unreadable(key, UNKNOWN_TEXT, unknown_reason(t))
        total.notes = list(self.notes)
        return total


class SameReportTwice(ValueError):
    """Two of the reports are the same agency's for the same year: summing both counts twice."""


def unknown_reason(t: Total) -> str:
    return "；".join(t.why) or "无法读取"


def aggregate(named: list[tuple[str, Report]]) -> Aggregate:
    """Sum the reports (name, report) over the 2021 cells; raises SameReportTwice."""
    _refuse_twice(named)
    totals = {k: Total(k) for k in FORMAT_2021.cell_keys()}
    notes: list[str] = []
    for name, report in named:
        mapped = in_2021(report)
        for key, total in totals.items():
            if key in mapped.unsplit:
                total.unknown_in.append(name)
                total.why.append(f"{name}：{mapped.unsplit[key]}")
                continue
            cell = mapped.cells.get(key)
            if cell is None:
                continue  # no such cell in this format: said once below
            if cell.state is State.NUMBER:
                total.value = (total.value or 0) + cell.value
                total.counted += 1
            elif cell.state is State.UNREADABLE:
                total.unknown_in.append(name)
                total.why.append(f"{name}：{cell.reason or '无法读取'}")
        if mapped.left_out:
            notes.append(
                f"{name}为2019格式，以下单元格在2021格式中没有对应项，未计入："
                f"{cell_names(report.format, mapped.left_out)}"
            )
        if mapped.absent:
            notes.append(
                f"{name}为2019格式，没有这些2021格式的单元格，其合计不含该报告："
                f"{cell_names(FORMAT_2021, mapped.absent)}"
            )
    unknown = [t for t in totals.values() if t.state == UNKNOWN]
    if unknown:
        notes.append(
            f"{len(unknown)}个合计未知（有报告的该单元格无法读取）："
            + "；".join(f"{cell_name(FORMAT_2021, t.key)}（{unknown_reason(t)}）" for t in unknown)
        )
    return Aggregate([n for n, _ in named], [r for _, r in named], totals, notes)


def _refuse_twice(named: list[tuple[str, Report]]) -> None:
    for i, (a_name, a) in enumerate(named):
        for b_name, b in named[i + 1 :]:
            if a.year is not None and a.year == b.year and same_agency(a.agency, b.agency):
                raise SameReportTwice(
                    f"{a_name} 与 {b_name} 都是{a.agency}{a.year}年度的报告，汇总会重复计算"
                )


def to_dict(agg: Aggregate) -> dict:
    """Every sum with its state (number, blank or unknown), the reports counted and the
    reports that made it unknown (with the sum of the rest as `known_part`, a lower bound of
    nothing: the unknown cell may hold anything); and which reports were summed."""
    return {
        "kind": "gongkai.aggregate",
        "agency": None,
        "year": agg.year,
        "reports": [
            {"file": n, "agency": r.agency, "year": r.year, "format": r.format.version}
            for n, r in zip(agg.names, agg.reports)
        ],
        "cells": {
            k: {
                "state": t.state,
                "value": _plain(t.value) if t.state == NUMBER else None,
                "counted": t.counted,
                "unknown_in": t.unknown_in,
                **({"known_part": _plain(t.value or 0)} if t.state == UNKNOWN else {}),
            }
            for k, t in agg.totals.items()
        },
        "notes": agg.notes,
    }


CSV_HEADERS = ("单元格", "表", "行", "列", "合计", "计入报告数")


def csv_rows(agg: Aggregate) -> list[tuple]:
    """One row per cell: key, table, row label, column label, value, reports counted (the
    open-data CSV's lines, with the count): a blank sum is empty, an unknown one 未知."""
    return [
        (key, table, row, column, value, agg.totals[key].counted)
        for table, row, column, key, value, _ in table_csv.rows(agg.as_report())
    ]


def csv_bytes(agg: Aggregate) -> bytes:
    """`csv_rows` under `CSV_HEADERS`, UTF-8 with a BOM for spreadsheet programs."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_HEADERS)
    w.writerows(csv_rows(agg))
    return buf.getvalue().encode("utf-8-sig")


def _plain(v):
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v
