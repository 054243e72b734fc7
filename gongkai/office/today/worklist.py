"""What a person has to do today, by role: the start page and the reminder mail read this.

Staff see their own agencies' cases; a 监督人 also the agencies below (never applicants' data:
nothing personal is on this page at all). 审核人 and 负责人 get the queue of extensions waiting
for their approval (条例第三十三条第二款).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gongkai.office.agencies import access
from gongkai.office.agencies.models import Agency, CalendarOverride
from gongkai.office.annual.publish import latest_version
from gongkai.office.applications.models import ENDED, Application, CaseEvent, EventKind
from gongkai.office.catalogue.late import due_soon as catalogue_due_soon
from gongkai.office.catalogue.late import late_items
from gongkai.report.model import AgencyKind, Report
from gongkai.workdays import CalendarUnknown

from . import standing

ROWS_SHOWN = 50  # a section longer than this links to the full, filtered list


@dataclass(frozen=True)
class CaseRow:
    case: Application
    mark: str  # standing.mark: "overdue" or "soon"
    why: str  # the reply date, or the wait that ran out


@dataclass(frozen=True)
class AnnualDeadline:
    """条例第四十九条: the report of `year` is published by `deadline`."""

    agency: Agency
    year: int
    deadline: dt.date
    days_left: int  # calendar days; negative once the deadline has passed
    published: bool


@dataclass(frozen=True)
class CatalogueDue:
    agency: Agency
    late: list  # unpublished items past the 第二十六条 deadline (catalogue.late.ItemTiming)
    soon: list  # unpublished items due within SOON_WD working days


@dataclass
class Work:
    today: dt.date
    overdue: list[CaseRow] = field(default_factory=list)
    overdue_total: int = 0
    soon: list[CaseRow] = field(default_factory=list)
    soon_total: int = 0
    extensions: list = field(default_factory=list)  # CaseEvent, each with .may_approve
    catalogue: list[CatalogueDue] = field(default_factory=list)
    annual: list[AnnualDeadline] = field(default_factory=list)
    several_agencies: bool = False

    @property
    def empty(self) -> bool:
        return not (
            self.overdue
            or self.soon
            or self.extensions
            or any(c.late or c.soon for c in self.catalogue)
            or any(not a.published for a in self.annual)
        )


def annual_deadline(agency: Agency, today: dt.date) -> AnnualDeadline | None:
    """The report the agency is to publish next, counted down from 1 December of its year;
    a report of last year still unpublished after its deadline stays on the page, late."""
    year = today.year if today.month == 12 else today.year - 1
    deadline = Report(year=year, agency_kind=AgencyKind(agency.kind)).deadline
    if deadline is None:
        return None
    published = latest_version(agency, year) is not None
    return AnnualDeadline(agency, year, deadline, (deadline - today).days, published)


def _catalogue(agency: Agency, today: dt.date) -> CatalogueDue:
    overrides = CalendarOverride.mapping_for(agency) or None
    try:
        late = [
            t
            for year in (today.year - 1, today.year)
            for t in late_items(agency, year, today)
            if not t.lateness.published
        ]
        soon = catalogue_due_soon(agency, today, overrides)
    except CalendarUnknown:
        late, soon = [], []
    return CatalogueDue(agency, late, soon)


def _rows(cases, today, lapses) -> list[CaseRow]:
    soon = standing.soon_until(today)
    rows = []
    for case in cases[:ROWS_SHOWN]:
        lapse = lapses.get(case.pk)
        why = lapse.label if lapse else f"答复期限 {case.due_on}"
        rows.append(CaseRow(case, standing.mark(case, today, soon, lapse), why))
    return rows


def extensions_waiting(agency_ids) -> list:
    """条例第三十三条第二款: extensions requested and not yet approved, on open cases."""
    events = CaseEvent.objects.filter(
        kind=EventKind.EXTENSION, application__agency_id__in=agency_ids
    ).exclude(application__status__in=ENDED)
    return [
        e
        for e in events.select_related("application__agency", "by").order_by("on", "id")
        if not e.data.get("approved")
    ]


def for_user(user, today: dt.date) -> Work:
    staff = list(access.staff_agencies(user).order_by("name"))
    visible = access.visible_agency_ids(user, {a.pk for a in staff})
    work = Work(today, several_agencies=len(visible) > 1)
    cases = Application.objects.filter(agency_id__in=visible)
    late, lapses = standing.overdue(cases, today)
    late = late.select_related("agency").order_by("due_on", "arrived_on", "id")
    work.overdue_total = late.count()
    work.overdue = _rows(late, today, lapses)
    soon = standing.due_soon(cases, today).select_related("agency").order_by("due_on", "id")
    work.soon_total = soon.count()
    work.soon = _rows(soon, today, {})
    approver = set(access.agencies_for(user, access.APPROVER_ROLES).values_list("pk", flat=True))
    for event in extensions_waiting([a.pk for a in staff]):
        event.may_approve = event.application.agency_id in approver
        work.extensions.append(event)
    work.catalogue = [_catalogue(a, today) for a in staff]
    shown = staff or Agency.objects.filter(pk__in=visible).order_by("name")
    work.annual = [d for a in shown if (d := annual_deadline(a, today)) is not None]
    return work
