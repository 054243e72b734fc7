"""Which 主动公开 items missed the 第二十六条 deadline, and which are close to it: for the
`catalogue late` command and the office dashboard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .timeliness import DUE_SOON_WORKING_DAYS, Deadlines, Lateness
from .vocab import Disclosure


@dataclass(frozen=True)
class ItemTiming:
    item: object
    lateness: Lateness


def timings(agency, year: int, as_of: dt.date) -> list[ItemTiming]:
    """Every 主动公开 item of `agency` formed in `year`, with its standing on `as_of`."""
    from gongkai.office.agencies.models import CalendarOverride

    from .models import Item

    deadlines = Deadlines(CalendarOverride.mapping_for(agency))
    items = Item.objects.filter(
        agency=agency, disclosure=Disclosure.PROACTIVE, formed_on__year=year
    ).order_by("formed_on", "index_no")
    return [
        ItemTiming(i, Lateness(deadlines.of(i.formed_on), i.published_on, as_of)) for i in items
    ]


def late_items(agency, year: int, as_of: dt.date) -> list[ItemTiming]:
    """Published after the deadline, or unpublished with the deadline before `as_of`."""
    return [t for t in timings(agency, year, as_of) if t.lateness.late]


def due_soon(agency, as_of: dt.date, overrides=None) -> list[ItemTiming]:
    """Unpublished items whose deadline is within DUE_SOON_WORKING_DAYS working days."""
    rows = []
    for year in {as_of.year - 1, as_of.year}:
        for t in timings(agency, year, as_of):
            lateness = t.lateness
            if lateness.published or lateness.late:
                continue
            if lateness.working_days_left(overrides) <= DUE_SOON_WORKING_DAYS:
                rows.append(t)
    return sorted(rows, key=lambda t: t.lateness.deadline.date)
