"""The board: one row per agency of the roster, with where its report stands.

A report counts from either source: the latest file read for the office (uploaded or from a
folder), or the latest version published in gongkai's own office (`annual`), whichever was
dated later. Status is 未提交, 按期发布 or 逾期N天 (calendar days past the 第四十九条 date, as
S-5 reads it: the website date when known, else the sign-off date).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count

from gongkai.office.annual.models import ReportVersion
from gongkai.report.checks import Outcome, Severity

from .models import Submission, Task
from .roster import roster

MISSING, ON_TIME, LATE, UNDATED = "missing", "on_time", "late", "undated"
STATUS_LABELS = {MISSING: "未提交", ON_TIME: "按期发布", LATE: "逾期", UNDATED: "日期未知"}
#: ?sort=KEY ascending, ?sort=-KEY descending (the board's headers sort the counts descending)
SORTS = {
    "name": lambda r: r.agency.name,
    "status": lambda r: (list(STATUS_LABELS).index(r.status), r.late_days or 0),
    "late": lambda r: r.late_days or 0,
    "errors": lambda r: r.errors,
    "warnings": lambda r: r.warnings,
    "unreadable": lambda r: r.unreadable,
    "flags": lambda r: len(r.flags),
    "tasks": lambda r: r.open_tasks,
}


@dataclass
class BoardRow:
    agency: object
    deadline: dt.date
    by_hand: bool = False
    dated_on: dt.date | None = None
    date_used: str = ""
    source: str = ""  # 上传 | 本系统发布
    submission_id: int | None = None
    errors: int = 0
    warnings: int = 0
    unreadable: int = 0
    flags: list[str] = field(default_factory=list)
    open_tasks: int = 0
    found: bool = False

    @property
    def status(self) -> str:
        if not self.found:
            return MISSING
        if self.dated_on is None:
            return UNDATED
        return LATE if self.dated_on > self.deadline else ON_TIME

    @property
    def late_days(self) -> int | None:
        return (self.dated_on - self.deadline).days if self.status == LATE else None

    @property
    def status_label(self) -> str:
        if self.status == LATE:
            return f"逾期{self.late_days}天"
        return STATUS_LABELS[self.status]


def _published_errors(findings: list) -> int:
    return sum(
        1
        for f in findings
        if f.get("outcome") == Outcome.FAIL.value and f.get("severity") == Severity.ERROR.value
    )


def rows(office, year: int) -> list[BoardRow]:
    obliged = roster(office, year)
    ids = [o.agency.pk for o in obliged]
    latest: dict[int, dict] = {}
    for s in (
        Submission.objects.filter(office=office, year=year, agency_id__in=ids, state="done")
        .order_by("read_at", "id")
        .values(
            "id", "agency_id", "errors", "warnings", "unreadable", "flags", "dated_on", "date_used"
        )
    ):
        latest[s["agency_id"]] = s
    published: dict[int, ReportVersion] = {}
    for v in (
        ReportVersion.objects.filter(report__agency_id__in=ids, report__year=year)
        .order_by("number")
        .only("published_on", "findings", "report__agency_id")
        .select_related("report")
    ):
        published[v.report.agency_id] = v
    tasks = dict(
        Task.objects.filter(office=office, year=year, state=Task.State.OPEN)
        .values("agency_id")
        .annotate(n=Count("id"))
        .values_list("agency_id", "n")
    )
    out = []
    for o in obliged:
        row = BoardRow(o.agency, o.deadline, o.by_hand, open_tasks=tasks.get(o.agency.pk, 0))
        s, v = latest.get(o.agency.pk), published.get(o.agency.pk)
        if v is not None and (s is None or (s["dated_on"] or dt.date.min) <= v.published_on):
            row.found, row.source = True, "本系统发布"
            row.dated_on, row.date_used = v.published_on, "发布日期"
            row.errors = _published_errors(v.findings)
        elif s is not None:
            row.found, row.source, row.submission_id = True, "上传", s["id"]
            row.dated_on, row.date_used = s["dated_on"], s["date_used"]
            row.errors, row.warnings, row.unreadable = s["errors"], s["warnings"], s["unreadable"]
            row.flags = list(dict.fromkeys(f["label"] for f in s["flags"]))
        out.append(row)
    return out


def select(found: list[BoardRow], status: str = "", q: str = "", sort: str = "") -> list[BoardRow]:
    if status in STATUS_LABELS:
        found = [r for r in found if r.status == status]
    if q:
        found = [r for r in found if q in r.agency.name]
    key = SORTS.get(sort.lstrip("-"))
    if key:
        found = sorted(found, key=key, reverse=sort.startswith("-"))
    return found


XLSX_HEADERS = (
    "机关",
    "期限",
    "状态",
    "日期",
    "所用日期",
    "来源",
    "错误",
    "警告",
    "无法读取的单元格",
    "风险提示",
    "待整改",
)


def xlsx(found: list[BoardRow], title: str) -> bytes:
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.append(XLSX_HEADERS)
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in found:
        ws.append(
            [
                r.agency.name,
                r.deadline,
                r.status_label,
                r.dated_on,
                r.date_used,
                r.source,
                r.errors if r.found else None,
                r.warnings if r.found else None,
                r.unreadable if r.found else None,
                "、".join(r.flags),
                r.open_tasks,
            ]
        )
    ws.column_dimensions["A"].width = 30
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
