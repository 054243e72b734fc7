"""Read a ledger kept in a spreadsheet (XLSX or CSV) into plain records, with every bad row listed.

One row per application: 编号, 收到日期, 申请人类型, 申请人, 申请内容, 补正通知日期, 补正收到日期,
延期工作日, 办结日期 (blank while pending), 办理结果 (an outcome label of the 2021 table). Appeals
come in a sheet or file of their own: 编号, 类型, 立案日期, 结果 (blank while pending), 结案日期,
关联申请编号. A sheet is told apart by its columns. Nothing here touches the database.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.office.applications import fact_dates
from gongkai.office.applications.clock import EXTENSION_MAX_WD
from gongkai.report.formats import OUTCOME_COLUMNS, TABLE3
from gongkai.report.normalize import norm
from gongkai.report.read.document import ReadError
from gongkai.report.read.encoding import decode
from gongkai.report.read.limits import MAX_IMPORT_CELLS, check_file
from gongkai.report.read.sheet_extent import workbook_rows
from gongkai.report.spreadsheet_text import spreadsheet_text

from .labels import CATEGORY_LABELS, appeal_kind_key, appeal_result_key, category_key, outcome_key

APPLICATION_COLUMNS = (
    "编号",
    "收到日期",
    "申请人类型",
    "申请人",
    "申请内容",
    "补正通知日期",
    "补正收到日期",
    "延期工作日",
    "办结日期",
    "办理结果",
)
APPLICATION_REQUIRED = ("编号", "收到日期", "申请人类型", "办结日期", "办理结果")
APPEAL_COLUMNS = ("编号", "类型", "立案日期", "结果", "结案日期", "关联申请编号")
APPEAL_REQUIRED = ("编号", "类型", "立案日期", "结果", "结案日期")


class LedgerUnreadable(Exception):
    """The file cannot be read as a ledger at all (not XLSX/CSV, no recognisable sheet)."""


@dataclass(frozen=True)
class RowError:
    where: str  # file name, and sheet name for a workbook
    row: int  # 1-based row number as the spreadsheet shows it
    reason: str

    def __str__(self) -> str:
        return f"{self.where} 第{self.row}行：{self.reason}"


@dataclass
class ApplicationRecord:
    where: str
    row: int
    number: str
    received_on: dt.date
    category: str
    applicant: str = ""
    request: str = ""
    correction_notice_on: dt.date | None = None
    correction_received_on: dt.date | None = None
    extension_days: int | None = None
    concluded_on: dt.date | None = None
    outcome: str = ""  # an OUTCOME_ROWS_2021 key; "" while pending


@dataclass
class AppealRecord:
    where: str
    row: int
    number: str
    kind: str  # a TABLE3 row key
    filed_on: dt.date
    result: str = ""  # maintained | corrected | other; "" while pending
    closed_on: dt.date | None = None
    application_number: str = ""


@dataclass
class Ledger:
    applications: list[ApplicationRecord] = field(default_factory=list)
    appeals: list[AppealRecord] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


# ---------------------------------------------------------------- cell values

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(value) -> dt.date | None:
    """A date as a workbook stores it or as typed: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = re.sub(r"\s+", "", spreadsheet_text(value))
    text = re.sub(r"[T ]?00:00(:00)?$", "", text)
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            return dt.date(*map(int, m.groups()))  # ValueError for 2024-02-30
    raise ValueError(text)


class _Row:
    """One spreadsheet row, read column by column; problems pile up in `problems`."""

    def __init__(self, values: dict[str, object], facts: bool = False):
        """`facts`: every date records what happened, so none may lie after today (the
        ledger, as the web forms; a catalogue's 失效日期 may lie ahead)."""
        self.values = values
        self.facts = facts
        self.problems: list[str] = []

    def text(self, column: str) -> str:
        return spreadsheet_text(self.values.get(column))

    def date(self, column: str, required: bool = False) -> dt.date | None:
        raw = self.values.get(column)
        if spreadsheet_text(raw) == "":
            if required:
                self.problems.append(f"缺少{column}")
            return None
        try:
            day = parse_date(raw)
        except ValueError:
            self.problems.append(
                f"{column}“{spreadsheet_text(raw)}”不是有效日期（应如 2024-03-05）"
            )
            return None
        if self.facts and (message := fact_dates.problem(day, f"{column}{day:%Y-%m-%d}")):
            self.problems.append(message.rstrip("。"))
            return None
        return day

    def order(self, earlier: tuple[str, dt.date | None], later: tuple[str, dt.date | None]) -> None:
        if earlier[1] and later[1] and later[1] < earlier[1]:
            self.problems.append(
                f"{later[0]}{later[1]:%Y-%m-%d}早于{earlier[0]}{earlier[1]:%Y-%m-%d}"
            )


# ---------------------------------------------------------------- one row each


def _application(where: str, number: int, values: dict) -> ApplicationRecord | list[str]:
    r = _Row(values, facts=True)
    ident = r.text("编号")
    if not ident:
        r.problems.append("缺少编号")
    received = r.date("收到日期", required=True)
    category = category_key(r.text("申请人类型"))
    if not r.text("申请人类型"):
        r.problems.append("缺少申请人类型")
    elif category is None:
        r.problems.append(
            f"申请人类型“{r.text('申请人类型')}”不是表二的六类之一（{'、'.join(CATEGORY_LABELS)}）"
        )
    notice = r.date("补正通知日期")
    corrected = r.date("补正收到日期")
    concluded = r.date("办结日期")
    if corrected and not notice and "补正通知日期" in values:
        r.problems.append("有补正收到日期却没有补正通知日期")
    r.order(("收到日期", received), ("补正通知日期", notice))
    r.order(("补正通知日期", notice), ("补正收到日期", corrected))
    r.order(("收到日期", received), ("办结日期", concluded))
    extension = None
    if r.text("延期工作日"):
        try:
            extension = int(r.text("延期工作日"))
        except ValueError:
            extension = -1
        if not 1 <= extension <= EXTENSION_MAX_WD:
            r.problems.append(
                f"延期工作日“{r.text('延期工作日')}”应为1至{EXTENSION_MAX_WD}的整数（条例第三十三条）"
            )
    outcome_text = r.text("办理结果")
    outcome = outcome_key(outcome_text) if outcome_text else ""
    if outcome is None:
        r.problems.append(f"办理结果“{outcome_text}”不是表二21个办理结果之一")
    if concluded and not outcome_text:
        r.problems.append("已填办结日期但缺少办理结果")
    if outcome_text and not concluded and not any("办结日期" in p for p in r.problems):
        r.problems.append("已填办理结果但缺少办结日期")
    if r.problems:
        return r.problems
    return ApplicationRecord(
        where,
        number,
        ident,
        received,
        category,
        r.text("申请人"),
        r.text("申请内容"),
        notice,
        corrected,
        extension,
        concluded,
        outcome,
    )


KINDS = " / ".join(r.label for r in TABLE3.rows)
RESULTS = " / ".join(c.label for c in OUTCOME_COLUMNS if c.key not in ("pending", "total"))


def _appeal(where: str, number: int, values: dict) -> AppealRecord | list[str]:
    r = _Row(values, facts=True)
    ident = r.text("编号")
    if not ident:
        r.problems.append("缺少编号")
    kind = appeal_kind_key(r.text("类型"))
    if kind is None:
        r.problems.append(f"类型“{r.text('类型')}”应为 {KINDS}")
    filed = r.date("立案日期", required=True)
    closed = r.date("结案日期")
    result_text = r.text("结果")
    result = appeal_result_key(result_text) if result_text else ""
    if result is None:
        r.problems.append(f"结果“{result_text}”应为 {RESULTS}，审理中留空")
    elif result == "pending":
        result = ""
    if closed and not result:
        r.problems.append("已填结案日期但缺少结果")
    if result and not closed and not any("结案日期" in p for p in r.problems):
        r.problems.append("已填结果但缺少结案日期")
    r.order(("立案日期", filed), ("结案日期", closed))
    if r.problems:
        return r.problems
    return AppealRecord(where, number, ident, kind, filed, result, closed, r.text("关联申请编号"))


# ---------------------------------------------------------------- sheets and files


def _kind_of(header: list[str]) -> str | None:
    names = set(header)
    if {"类型", "立案日期"} <= names:
        return "appeals"
    if {"收到日期", "申请人类型"} <= names or {"收到日期", "办理结果"} <= names:
        return "applications"
    return None


def read_rows(where: str, rows, ledger: Ledger) -> None:
    """Read one table (a sheet, or a CSV file): the first non-empty row is the header."""
    header: list[str] | None = None
    kind = None
    for number, values in enumerate(rows, start=1):
        cells = list(values)
        if not any(spreadsheet_text(v) for v in cells):
            continue
        if header is None:
            header = [norm(spreadsheet_text(v)) for v in cells]
            kind = _kind_of(header)
            if kind is None:
                ledger.errors.append(
                    RowError(
                        where,
                        number,
                        "表头无法识别：既不是申请台账（编号、收到日期、申请人类型、"
                        "办结日期、办理结果…）也不是复议诉讼台账（编号、类型、立案日期…）",
                    )
                )
                return
            required = APPLICATION_REQUIRED if kind == "applications" else APPEAL_REQUIRED
            missing = [c for c in required if c not in header]
            if missing:
                ledger.errors.append(RowError(where, number, f"缺少列：{'、'.join(missing)}"))
                return
            continue
        record_values = {h: v for h, v in zip(header, cells) if h}
        parse = _application if kind == "applications" else _appeal
        result = parse(where, number, record_values)
        if isinstance(result, list):
            ledger.errors.append(RowError(where, number, "；".join(result)))
        elif kind == "applications":
            ledger.applications.append(result)
        else:
            ledger.appeals.append(result)


def read_file(path: str | Path, ledger: Ledger | None = None) -> Ledger:
    """Add the records of one XLSX or CSV file to `ledger` (a new one by default)."""
    path = Path(path)
    ledger = ledger if ledger is not None else Ledger()
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xlsm"):
        raise LedgerUnreadable(f"{path.name}：只接受 .xlsx 或 .csv 文件")
    try:
        check_file(path)
        data = path.read_bytes()
        if suffix == ".csv":
            read_rows(path.name, csv.reader(io.StringIO(decode(data))), ledger)
        else:
            for title, rows in workbook_rows(data, MAX_IMPORT_CELLS):
                read_rows(f"{path.name}「{title}」", rows, ledger)
    except ReadError as e:
        raise LedgerUnreadable(f"{path.name}：{e}") from e
    except OSError as e:
        raise LedgerUnreadable(f"{path}：无法读取（{e.strerror}）") from e
    return ledger


def check_numbers(ledger: Ledger, known_applications=frozenset()) -> None:
    """编号 is unique per agency: a number used twice in the files is an error on the later row.
    An appeal's 关联申请编号 must name an application in the files or in `known_applications`."""
    for records in (ledger.applications, ledger.appeals):
        seen: dict[str, ApplicationRecord | AppealRecord] = {}
        for rec in records:
            if rec.number in seen:
                first = seen[rec.number]
                ledger.errors.append(
                    RowError(
                        rec.where,
                        rec.row,
                        f"编号“{rec.number}”重复（已见于{first.where} 第{first.row}行）",
                    )
                )
            else:
                seen[rec.number] = rec
    numbers = {a.number for a in ledger.applications} | set(known_applications)
    for ap in ledger.appeals:
        if ap.application_number and ap.application_number not in numbers:
            ledger.errors.append(
                RowError(ap.where, ap.row, f"关联申请编号“{ap.application_number}”不在申请台账中")
            )


def read_ledger(paths, known_applications=frozenset()) -> Ledger:
    """Read every file, then check the numbers across them; `errors` lists every bad row."""
    ledger = Ledger()
    for p in paths:
        read_file(p, ledger)
    check_numbers(ledger, known_applications)
    return ledger
