"""A region's reports for a year, from both sources (files read for the office and versions
published in gongkai's own office), for the aggregate, the comparison and the charts."""

from __future__ import annotations

import statistics

from gongkai.office.annual.models import ReportVersion
from gongkai.office.annual.snapshot import report_from_snapshot
from gongkai.report.formats import FORMAT_2021
from gongkai.report.model import Report
from gongkai.supervision.mapping import in_2021

from .intake import report_of
from .models import Submission
from .roster import roster


def reports(office, year: int) -> tuple[list[tuple[object, Report]], list[object]]:
    """(agency, report) for each roster agency that has a report of `year` (the later dated of
    an upload and a published version), and the agencies that have none."""
    obliged = [o.agency for o in roster(office, year)]
    ids = [a.pk for a in obliged]
    uploaded = {}
    for s in Submission.objects.filter(
        office=office, year=year, agency_id__in=ids, state="done"
    ).order_by("read_at", "id"):
        uploaded[s.agency_id] = s
    published = {}
    for v in (
        ReportVersion.objects.filter(report__agency_id__in=ids, report__year=year)
        .select_related("report")
        .order_by("number")
    ):
        published[v.report.agency_id] = v
    found, missing = [], []
    for agency in obliged:
        s, v = uploaded.get(agency.pk), published.get(agency.pk)
        if v is not None and (s is None or s.dated_on is None or s.dated_on <= v.published_on):
            found.append((agency, report_from_snapshot(v.snapshot)))
        elif s is not None:
            found.append((agency, report_of(s)))
        else:
            missing.append(agency)
    return found, missing


def medians(found: list[tuple[object, Report]]) -> dict[str, float | None]:
    """The region's median of each 2021 cell over the reports that printed a number there."""
    values: dict[str, list] = {k: [] for k in FORMAT_2021.cell_keys()}
    for _, report in found:
        for key, cell in in_2021(report).cells.items():
            if cell.known:
                values[key].append(cell.value)
    return {k: (statistics.median(v) if v else None) for k, v in values.items()}
