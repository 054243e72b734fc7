"""Where an open case stands today beyond its cached due date: the waits that ran out.

The reply clock stops while the office waits for the applicant (补正, 缴费) and the cached
`due_on` is then empty, so a list that only read `due_on` would show such a case as
"暂停" for ever. A wait that ran out is work to do today (close the case as deemed abandoned,
or chase the other party), and is overdue like a missed reply date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from gongkai.office.agencies.models import CalendarOverride
from gongkai.office.applications import clock
from gongkai.office.applications.models import ENDED, Application, CaseEvent, EventKind, Status
from gongkai.office.catalogue.timeliness import DUE_SOON_WORKING_DAYS
from gongkai.workdays import CalendarUnknown, add_working_days, working_days_between

#: "due within 5 working days": the start page, the case list's filter, the catalogue's dashboard
SOON_WD = DUE_SOON_WORKING_DAYS
#: office practice, not law: a wait with no period of its own (a 补正 notice that set no date,
#: an online application not yet confirmed under 第三十一条) is flagged after this many working days
WAIT_LIMIT_WD = 10

WAITING = (Status.RECEIVED, Status.CORRECTION_REQUESTED, Status.AWAITING_PAYMENT, Status.CONSULTING)


@dataclass(frozen=True)
class Lapse:
    """A wait that ran out on `since`: why, in the words the clerk reads."""

    since: dt.date
    label: str


class _Calendars:
    """The calendar overrides of each agency, read once per agency."""

    def __init__(self):
        self._by_agency: dict[int, dict] = {}

    def __call__(self, application) -> dict | None:
        if application.agency_id not in self._by_agency:
            self._by_agency[application.agency_id] = CalendarOverride.mapping_for(
                application.agency
            )
        return self._by_agency[application.agency_id] or None


def _waited(start: dt.date, today: dt.date, calendar) -> int:
    return working_days_between(start, today, calendar).days


def _lapse(application, events, today, calendar) -> Lapse | None:
    first = {e.kind: e for e in reversed(events)}  # the earliest event of each kind
    if application.status == Status.CORRECTION_REQUESTED and EventKind.CORRECTION_NOTICE in first:
        notice = first[EventKind.CORRECTION_NOTICE]
        until = clock.as_date(notice.data.get("correction_due"))
        if until is not None:
            if until < today:
                return Lapse(until, f"补正期限 {until} 已届满，申请人未补正（第三十条）")
            return None
        if _waited(notice.on, today, calendar) > WAIT_LIMIT_WD:
            return Lapse(
                add_working_days(notice.on, WAIT_LIMIT_WD, calendar).date,
                f"{notice.on} 发出补正通知，未设补正期限，已等待超过 {WAIT_LIMIT_WD} 个工作日",
            )
    elif application.status == Status.AWAITING_PAYMENT and EventKind.FEE_NOTICE in first:
        notice = first[EventKind.FEE_NOTICE]
        served = clock.as_date(notice.data.get("served_on")) or notice.on
        pay_by = add_working_days(served, clock.FEE_PAYMENT_WD, calendar).date
        if pay_by < today:
            return Lapse(pay_by, f"缴费期限 {pay_by} 已届满，申请人未缴费")
    elif application.status == Status.CONSULTING and EventKind.CONSULTATION_START in first:
        start = [e for e in events if e.kind == EventKind.CONSULTATION_START][-1]
        delivered = clock.as_date(start.data.get("delivered_on")) or start.on
        latest = add_working_days(delivered, clock.CONSULTATION_WD, calendar).date
        if latest < today:
            return Lapse(latest, f"征求意见的答复期 {latest} 已过，对方未答复")
    elif application.status == Status.RECEIVED:
        if _waited(application.arrived_on, today, calendar) > WAIT_LIMIT_WD:
            return Lapse(
                add_working_days(application.arrived_on, WAIT_LIMIT_WD, calendar).date,
                f"{application.arrived_on} 到达，尚未确认收到已超过 {WAIT_LIMIT_WD} 个工作日"
                "（第三十一条）",
            )
    return None


def lapses(cases, today: dt.date) -> dict[int, Lapse]:
    """{case id: Lapse} for the waiting cases among `cases` (a queryset) whose wait ran out.
    Only cases in a waiting state are read, with their events in one query."""
    waiting = list(
        cases.filter(status__in=WAITING)
        .select_related("agency")
        .order_by()
        .only("pk", "agency", "status", "arrived_on")
    )
    events: dict[int, list] = {c.pk: [] for c in waiting}
    for event in CaseEvent.objects.filter(application_id__in=events).order_by("on", "at", "id"):
        events[event.application_id].append(event)
    calendars, found = _Calendars(), {}
    for case in waiting:
        try:
            lapse = _lapse(case, events[case.pk], today, calendars(case))
        except CalendarUnknown:
            continue  # the case page explains a calendar it cannot count; nothing to flag here
        if lapse is not None:
            found[case.pk] = lapse
    return found


def soon_until(today: dt.date) -> dt.date:
    """The last day that counts as "due within SOON_WD working days"."""
    return add_working_days(today, SOON_WD).date


def overdue(cases, today: dt.date) -> tuple:
    """(queryset of the overdue cases among `cases`, their lapses): past the reply date, or a
    wait that ran out."""
    found = lapses(cases, today)
    late = Q(due_on__lt=today) & ~Q(status__in=ENDED)
    return cases.filter(late | Q(pk__in=list(found))), found


def due_soon(cases, today: dt.date):
    """Open cases whose reply is due from today to SOON_WD working days on."""
    return cases.exclude(status__in=ENDED).filter(due_on__gte=today, due_on__lte=soon_until(today))


def mark(case: Application, today: dt.date, soon: dt.date, lapse: Lapse | None) -> str:
    """ "overdue", "soon" or "": how a row is marked in every list of cases (`soon` is
    soon_until(today), computed once per list)."""
    if case.status in ENDED:
        return ""
    if lapse is not None or (case.due_on and case.due_on < today):
        return "overdue"
    if case.due_on and case.due_on <= soon:
        return "soon"
    return ""
