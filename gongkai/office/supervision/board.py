"""The board: one row per agency of the roster, with where its report stands.

A report counts from either source: the latest file read for the office (uploaded or from a
folder), or the newest version published in gongkai's own office (`annual`), whichever was
dated later. Status is 未提交, 按期发布 or 逾期N天 (calendar days past the 第四十九条 date, as
S-5 reads it: the website date when known, else the sign-off date).

A page is one query of 50 rows whatever the roster's size: the roster (the office's subtree
in one recursive query, plus the agencies added by hand), each agency's `Standing` that counts,
status, filter, sort, page and total all in the database. It is written in SQL because the ORM
spent more time composing it than the database spent running it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connection

from gongkai.office.agencies.models import Agency
from gongkai.report.model import AgencyKind

from .models import RosterAddition, Standing, Task
from .roster import deadline_of

MISSING, ON_TIME, LATE, UNDATED = "missing", "on_time", "late", "undated"
STATUS_LABELS = {MISSING: "未提交", ON_TIME: "按期发布", LATE: "逾期", UNDATED: "日期未知"}
UPLOADED, PUBLISHED = "上传", "本系统发布"
#: ?sort=KEY ascending, ?sort=-KEY descending (the board's headers sort the counts descending):
#: the SQL columns of each key
SORTS = {
    "name": ("name",),
    "status": ("status_rank", "late"),
    "late": ("late",),
    "errors": ("errors",),
    "warnings": ("warnings",),
    "unreadable": ("unreadable",),
    "flags": ("flag_count",),
    "tasks": ("open_tasks",),
}


@dataclass(slots=True)
class BoardRow:
    agency_id: int
    name: str
    deadline: dt.date
    status: str = MISSING
    late_by: int = 0
    by_hand: bool = False
    dated_on: dt.date | None = None
    date_used: str = ""
    source: str = ""  # UPLOADED | PUBLISHED
    submission_id: int | None = None
    errors: int = 0
    warnings: int = 0
    unreadable: int = 0
    flags: list[str] = field(default_factory=list)
    open_tasks: int = 0
    agency: Agency | None = None  # set by `complete`, for the assessment

    @property
    def found(self) -> bool:
        return self.status != MISSING

    @property
    def late_days(self) -> int | None:
        return self.late_by if self.status == LATE else None

    @property
    def status_label(self) -> str:
        if self.status == LATE:
            return f"逾期{self.late_days}天"
        return STATUS_LABELS[self.status]


class Page(NamedTuple):
    rows: list[BoardRow]
    total: int
    number: int  # the page shown: the last one when the one asked for is past the end


def _q(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


#: calendar days from the deadline to the date, in each database's date arithmetic
_DAYS = {
    "postgresql": "(s.dated_on - d.deadline)",
    "sqlite": "CAST(julianday(s.dated_on) - julianday(d.deadline) AS INTEGER)",
}


def _sql(office, year: int, status: str, q: str, order: str, limit: str) -> tuple[str, list]:
    """The roster's rows (the office's subtree, active agencies only, and the agencies added
    by hand that are not in it), each with the Standing that counts: the agency's newest
    published version (office empty) unless the office's latest upload is dated after it."""
    below, tree_params = office.subtree_cte()
    kinds = [k.value for k in AgencyKind]
    deadlines = [x for k in kinds for x in (k, deadline_of(k, year))]
    days = _DAYS[connection.vendor]
    inner = f"""
        SELECT a.id, a.name, a.kind, a.id IN (SELECT id FROM added) AS by_hand,
          s.office_id IS NULL AS published,
          s.submission_id, s.dated_on, COALESCE(s.date_used, '') AS date_used,
          COALESCE(s.errors, 0) AS errors, COALESCE(s.warnings, 0) AS warnings,
          COALESCE(s.unreadable, 0) AS unreadable, s.flags, COALESCE(s.flag_count, 0) AS flag_count,
          CASE WHEN s.id IS NULL THEN '{MISSING}' WHEN s.dated_on IS NULL THEN '{UNDATED}'
            WHEN s.dated_on > d.deadline THEN '{LATE}' ELSE '{ON_TIME}' END AS status,
          CASE WHEN s.dated_on > d.deadline THEN {days} ELSE 0 END AS late,
          (SELECT COUNT(*) FROM {_q(Task)} t WHERE t.agency_id = a.id AND t.office_id = %s
            AND t.year = %s AND t.state = %s) AS open_tasks
        FROM {_q(Agency)} a
        JOIN deadlines d ON d.kind = a.kind
        LEFT JOIN {_q(Standing)} u ON u.agency_id = a.id AND u.year = %s AND u.office_id = %s
        LEFT JOIN {_q(Standing)} p ON p.agency_id = a.id AND p.year = %s AND p.office_id IS NULL
        LEFT JOIN {_q(Standing)} s ON s.id = CASE WHEN p.id IS NOT NULL AND (u.id IS NULL
          OR u.dated_on IS NULL OR u.dated_on <= p.dated_on) THEN p.id ELSE u.id END
        WHERE a.id IN (SELECT id FROM below UNION SELECT id FROM added)
          AND (a.is_active OR a.id IN (SELECT id FROM added))"""
    added = (
        f"SELECT r.agency_id FROM {_q(RosterAddition)} r WHERE r.office_id = %s AND r.year = %s"
        " AND r.withdrawn_at IS NULL AND r.agency_id NOT IN (SELECT id FROM below)"
    )
    params = [*tree_params, *deadlines, office.pk, year]
    params += [office.pk, year, Task.State.OPEN, year, office.pk, year]
    where = []
    if status in STATUS_LABELS:
        where.append("status = %s")
        params.append(status)
    if q:
        where.append("name LIKE %s ESCAPE '\\'")
        params.append("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    rank = "CASE status " + " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(STATUS_LABELS))
    values = ", ".join("(%s, %s)" for _ in kinds)
    sql = (
        f"WITH RECURSIVE {below}, deadlines(kind, deadline) AS (VALUES {values}),"
        f" added(id) AS ({added})"
        f" SELECT b.*, {rank} END AS status_rank, COUNT(*) OVER () AS total FROM ({inner}) b"
        f"{' WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {order} {limit}"
    )
    return sql, params


def _order(office, sort: str) -> str:
    down = " DESC" if sort.startswith("-") else ""
    keys = [f"{k}{down}" for k in SORTS.get(sort.lstrip("-"), ())]
    return ", ".join([*keys, f"CASE WHEN id = {int(office.pk)} THEN 0 ELSE 1 END", "name"])


_FLAGS = Standing._meta.get_field("flags")
_DATE = Standing._meta.get_field("dated_on")


def _row(r, year: int) -> BoardRow:
    pk, name, kind, by_hand, published, sub, on, used, e, w, u, flags, _, status, late = r[:15]
    found = status != MISSING
    return BoardRow(
        agency_id=pk,
        name=name,
        deadline=deadline_of(kind, year),
        status=status,
        late_by=int(late or 0),
        by_hand=bool(by_hand),
        dated_on=_DATE.to_python(on),
        date_used=used,
        source=(PUBLISHED if published else UPLOADED) if found else "",
        submission_id=sub,
        errors=e,
        warnings=w,
        unreadable=u,
        flags=_FLAGS.from_db_value(flags, None, connection) or [] if sub else [],
        open_tasks=r[15],
    )


def page(office, year: int, status="", q="", sort="", number: int = 1, size: int = 50) -> Page:
    """One page of the board (all of it when `size` is 0) and how many rows match: one query,
    or three when the page asked for is past the end (then the last page is shown)."""
    number = min(max(1, int(number)), 10**6)  # an OFFSET the database can hold
    limit = f"LIMIT {int(size)} OFFSET {int(size) * (number - 1)}" if size else ""
    sql, params = _sql(office, year, status, q, _order(office, sort), limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchall()
    if not found and size and number > 1:
        total = page(office, year, status, q, sort, 1, 1).total
        return page(office, year, status, q, sort, max(1, -(-total // size)), size)
    return Page([_row(r, year) for r in found], found[0][-1] if found else 0, number)


def rows(office, year: int, status="", q="", sort="") -> list[BoardRow]:
    """Every matching roster agency's row, office first then by name."""
    return page(office, year, status, q, sort, size=0).rows


def complete(shown: list[BoardRow]) -> list[BoardRow]:
    """Give the rows their agency instance (the assessment's queries need it): one query."""
    agencies = Agency.objects.in_bulk([r.agency_id for r in shown if r.agency is None])
    for r in shown:
        r.agency = r.agency or agencies[r.agency_id]
    return shown


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
