"""条例第二十六条 on the office's catalogue page: due soon (working days left), overdue and
unpublished (calendar days), published late (working days), across 春节 2026 and its 调休
Saturday, on a day fixed for the test (2026-03-10, a Tuesday); the dates are counted by hand."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from gongkai.cli import main

from .conftest import row

pytestmark = pytest.mark.django_db
AGENCY = "某镇人民政府"
TODAY = dt.date(2026, 3, 10)

# From Tue 01-20: 01-21..23 (3), 01-26..30 (8), 02-02..06 (13), 02-09..13 (18), make-up
# Sat 02-14 (19), 春节 off 02-15..23, Tue 02-24 (20): the deadline is 2026-02-24.
# From Fri 02-06 the deadline is Thu 03-12 (tests/office/catalogue/test_late_list.py).
ROWS = [
    row("DUE", "其他文件", "2026-02-06"),
    row("OVERDUE", "其他文件", "2026-01-20"),
    row("LATE", "其他文件", "2026-01-20", 公开日期="2026-02-27"),
    row("ON-TIME", "其他文件", "2026-01-20", 公开日期="2026-02-24"),
]


def _rows(page: str, table: str) -> list[list[str]]:
    body = re.search(rf'<table id="{table}">.*?<tbody>(.*?)</tbody>', page, re.S)
    if body is None:
        return []
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", tr)]
        for tr in re.findall(r"<tr>(.*?)</tr>", body.group(1), re.S)
    ]


def test_the_dashboard_counts_across_the_spring_festival(catalogue_csv, client, monkeypatch):
    from django.contrib.auth.models import User

    from gongkai.office.agencies.models import Agency, Membership

    assert main(["import-catalogue", str(catalogue_csv(ROWS)), "--agency", AGENCY]) == 0
    agency = Agency.objects.get(name=AGENCY)
    user = User.objects.create_user("town-clerk", password="pw")
    Membership.objects.create(user=user, agency=agency, role="clerk")
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)
    client.force_login(user)
    page = client.get(f"/office/catalogue/{agency.pk}/").content.decode()
    assert [(r[0], r[2], r[3]) for r in _rows(page, "due-soon")] == [("DUE", "2026-03-12", "2")]
    assert [(r[0], r[2], r[3]) for r in _rows(page, "overdue")] == [("OVERDUE", "2026-02-24", "14")]
    assert [(r[0], r[2], r[3], r[4]) for r in _rows(page, "published-late")] == [
        ("LATE", "2026-02-24", "2026-02-27", "3")
    ]
