"""The roster (应报单位) of a supervising office for a year, each agency with its deadline.

条例第四十九条: 县级以上人民政府部门 publish by 1月31日 of the next year; the 县级以上地方人民政府's
own-level report by 3月31日; townships by 1月31日 in practice [U] (`Report.deadline`). The roster
is the office's own agency and its subtree, plus the agencies its 管理员 added for that year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gongkai.office.agencies.models import Agency
from gongkai.report.model import AgencyKind, Report

from .models import RosterAddition


@dataclass(frozen=True)
class Obliged:
    agency: Agency
    deadline: dt.date
    by_hand: bool = False


def deadline(agency: Agency, year: int) -> dt.date:
    return Report(year=year, agency_kind=AgencyKind(agency.kind)).deadline


def roster(office: Agency, year: int) -> list[Obliged]:
    tree = [office, *office.descendants()]
    seen = {a.pk for a in tree}
    added = [
        a.agency
        for a in RosterAddition.objects.filter(office=office, year=year).select_related("agency")
        if a.agency_id not in seen
    ]
    out = [Obliged(a, deadline(a, year)) for a in tree if a.is_active]
    out += [Obliged(a, deadline(a, year), by_hand=True) for a in added]
    return out
