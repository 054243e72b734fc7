"""The board: one row per agency of the roster, with where its report stands.

A report counts from either source: the latest file read for the office (uploaded or from a
folder), or the latest version published in gongkai's own office (`annual`), whichever was
dated later. Status is 未提交, 按期发布 or 逾期N天 (calendar days past the 第四十九条 date, as
S-5 reads it: the website date when known, else the sign-off date).

A board of 2,000 agencies is built from a few queries of plain values, sorted and filtered in
memory, and only the rows shown (a page of 50) are completed with their agency and risk flags
(`complete`): a model instance or a JSON list per agency would cost more than the page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Max, OuterRef, Q, Subquery

from gongkai.office.agencies.models import Agency
from gongkai.office.annual.models import ReportVersion
from gongkai.report.checks import Outcome, Severity

from .models import Submission, Task
from .roster import entries

MISSING, ON_TIME, LATE, UNDATED = "missing", "on_time", "late", "undated"
STATUS_LABELS = {MISSING: "未提交", ON_TIME: "按期发布", LATE: "逾期", UNDATED: "日期未知"}
#: ?sort=KEY ascending, ?sort=-KEY descending (the board's headers sort the counts descending)
SORTS = {
    "name": lambda r: r.name,
    "status": lambda r: (list(STATUS_LABELS).index(r.status), r.late_days or 0),
    "late": lambda r: r.late_days or 0,
    "errors": lambda r: r.errors,
    "warnings": lambda r: r.warnings,
    "unreadable": lambda r: r.unreadable,
    "flags": lambda r: len(r.flags),
    "tasks": lambda r: r.open_tasks,
}


@dataclass(slots=True)
class BoardRow:
    agency_id: int
    name: str
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
    agency: Agency | None = None  # set by `complete`, for the rows shown

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
    """Every roster agency's row, without its agency instance or risk flags (`complete`)."""
    obliged = entries(office, year)
    ids = {o.pk for o in obliged}
    latest: dict[int, tuple] = {}
    for s in (
        Submission.objects.filter(office=office, year=year, state="done", agency__isnull=False)
        .order_by("read_at", "id")
        .values_list("agency_id", "id", "errors", "warnings", "unreadable", "dated_on", "date_used")
    ):
        latest[s[0]] = s
    newest = (
        ReportVersion.objects.filter(report=OuterRef("report"))
        .values("report")
        .annotate(n=Max("number"))
        .values("n")
    )
    published = {
        agency_id: (on, findings)
        for agency_id, on, findings in ReportVersion.objects.filter(
            Q(report__agency_id__in=office.descendant_ids())
            | Q(report__agency_id__in=[office.pk, *(o.pk for o in obliged if o.by_hand)]),
            report__year=year,
            number=Subquery(newest),
        ).values_list("report__agency_id", "published_on", "findings")
        if agency_id in ids
    }
    tasks = dict(
        Task.objects.filter(office=office, year=year, state=Task.State.OPEN)
        .values("agency_id")
        .annotate(n=Count("id"))
        .values_list("agency_id", "n")
    )
    out = []
    for o in obliged:
        row = BoardRow(o.pk, o.name, o.deadline, o.by_hand, open_tasks=tasks.get(o.pk, 0))
        s, v = latest.get(o.pk), published.get(o.pk)
        if v is not None and (s is None or (s[5] or dt.date.min) <= v[0]):
            row.found, row.source = True, "本系统发布"
            row.dated_on, row.date_used = v[0], "发布日期"
            row.errors = _published_errors(v[1])
        elif s is not None:
            row.found, row.source, row.submission_id = True, "上传", s[1]
            row.errors, row.warnings, row.unreadable, row.dated_on, row.date_used = s[2:]
        out.append(row)
    return out


def complete(shown: list[BoardRow]) -> list[BoardRow]:
    """Give the rows shown their agency and their uploads' risk flags: two queries."""
    todo = [r for r in shown if r.agency is None]
    agencies = Agency.objects.in_bulk([r.agency_id for r in todo])
    flags = dict(
        Submission.objects.filter(
            pk__in=[r.submission_id for r in todo if r.submission_id]
        ).values_list("id", "flags")
    )
    for r in todo:
        r.agency = agencies[r.agency_id]
        if r.submission_id:
            r.flags = list(dict.fromkeys(f["label"] for f in flags[r.submission_id]))
    return shown


def select(found: list[BoardRow], status: str = "", q: str = "", sort: str = "") -> list[BoardRow]:
    if status in STATUS_LABELS:
        found = [r for r in found if r.status == status]
    if q:
        found = [r for r in found if q in r.name]
    key = SORTS.get(sort.lstrip("-"))
    if key is SORTS["flags"]:
        complete(found)
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
    for r in complete(found):
        ws.append(
            [
                r.name,
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
