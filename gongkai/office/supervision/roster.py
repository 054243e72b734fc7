"""The roster (应报单位) of a supervising office for a year, each agency with its deadline.

条例第四十九条: 县级以上人民政府部门 publish by 1月31日 of the next year; the 县级以上地方人民政府's
own-level report by 3月31日; townships by 1月31日 in practice [U] (`Report.deadline`). The roster
is the office's own agency and its subtree, plus the agencies its 管理员 added for that year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from gongkai.office.agencies.models import Agency
from gongkai.report.model import AgencyKind, Report

from .models import RosterAddition


class Entry(NamedTuple):
    """One obliged agency as the roster page lists it: its key, name and kind, no model
    instance (a tuple: a roster may hold thousands)."""

    pk: int
    name: str
    kind: str
    deadline: dt.date
    by_hand: bool = False


@dataclass(frozen=True)
class Obliged:
    agency: Agency
    deadline: dt.date
    by_hand: bool = False


@cache
def deadline_of(kind: str, year: int) -> dt.date:
    return Report(year=year, agency_kind=AgencyKind(kind)).deadline


def deadline(agency: Agency, year: int) -> dt.date:
    return deadline_of(agency.kind, year)


_FIELDS = ("id", "name", "kind", "is_active")


def entries(office: Agency, year: int) -> list[Entry]:
    """The roster in two queries: the office and its active subtree (nearest level first), then
    the agencies its 管理员 added for `year` that are not in the tree."""
    tree = [(office.pk, office.name, office.kind, office.is_active)]
    tree += office.descendant_values(*_FIELDS)
    seen = {pk for pk, *_ in tree}
    added = RosterAddition.objects.filter(office=office, year=year, withdrawn_at=None).order_by(
        "agency__name"
    )
    out = [Entry(pk, n, k, deadline_of(k, year)) for pk, n, k, active in tree if active]
    out += [
        Entry(pk, n, k, deadline_of(k, year), by_hand=True)
        for pk, n, k in added.values_list("agency_id", "agency__name", "agency__kind")
        if pk not in seen
    ]
    return out


def roster(office: Agency, year: int) -> list[Obliged]:
    found = entries(office, year)
    agencies = Agency.objects.in_bulk([e.pk for e in found])
    return [Obliged(agencies[e.pk], e.deadline, e.by_hand) for e in found]
