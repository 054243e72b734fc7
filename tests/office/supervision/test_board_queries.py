"""The board's cost does not grow with the roster: a county of 5 agencies and one of 60, each
with a file read, a version published here and an open 整改 task, take the same number of
queries for a page, and a deeper tree costs no more than a flat one."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.office.agencies.models import Agency
from gongkai.office.annual.models import AnnualReport, ReportVersion
from gongkai.office.supervision.models import Submission, Task


def _queries(client, county, query="&sort=-errors") -> int:
    with CaptureQueriesContext(connection) as run:
        page = client.get(f"/office/supervision/board/?office={county.pk}&year=2024{query}")
    assert page.status_code == 200
    return len(run.captured_queries)


def _reporting(county, names, parent=None):
    """Agencies below `parent` (the county) that each sent a file, published a version and
    have a task open."""
    agencies = [
        Agency.objects.create(name=n, kind="department", parent=parent or county) for n in names
    ]
    for i, a in enumerate(agencies):
        on = dt.date(2025, 1, 20) + dt.timedelta(days=i % 20)
        Submission.objects.create(
            office=county,
            agency=a,
            year=2024,
            name="x.pdf",
            file="x.pdf",
            state="done",
            errors=i % 4,
            dated_on=on,
            read_at=dt.datetime(2025, 2, 1, tzinfo=dt.UTC),
        )
        report = AnnualReport.objects.create(agency=a, year=2024)
        ReportVersion.objects.create(report=report, number=1, published_on=on, snapshot={})
        Task.objects.create(
            office=county,
            agency=a,
            year=2024,
            finding="合计不符",
            request="改正",
            due_on=dt.date(2025, 3, 1),
        )
    return agencies


def test_a_page_of_the_board_costs_the_same_queries_for_five_or_sixty_agencies(
    client, county, supervisor
):
    client.force_login(supervisor)
    _reporting(county, [f"某县第{i:03d}局" for i in range(5)])
    small = _queries(client, county)
    middle = Agency.objects.create(name="某县某局", kind="department", parent=county)
    _reporting(county, [f"某县某局第{i:03d}所" for i in range(55)], parent=middle)
    assert _queries(client, county) == small
    assert _queries(client, county, "&sort=-tasks&status=on_time&q=某") == small
    page = client.get(f"/office/supervision/board/?office={county.pk}&year=2024&page=2")
    assert page.content.decode().count('<tr id="agency-') == 62 - 50
