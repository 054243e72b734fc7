"""The demo county's assessment for 2025, computed here by hand from its records: the reports
published on time without errors, proactive items published within 20 working days of being
formed (第二十六条), replies by their due dates, appeals not corrected, trainings recorded."""

import datetime as dt

import pytest

from gongkai.office import demo
from gongkai.office.agencies.models import Agency
from gongkai.office.annual.models import ReportVersion
from gongkai.office.appeals.models import Appeal
from gongkai.office.applications.models import Application
from gongkai.office.catalogue.models import Item
from gongkai.office.supervision.models import Indicator, TrainingRecord
from gongkai.workdays import add_working_days

YEAR = 2025


@pytest.fixture
def county(db):
    demo.load_demo(out=open("/dev/null", "w"))
    return Agency.objects.get(name=demo.COUNTY)


def _by_hand(agency) -> float:
    version = ReportVersion.objects.filter(report__agency=agency, report__year=YEAR).latest(
        "number"
    )
    deadline = dt.date(YEAR + 1, 3, 31) if agency.kind == "government" else dt.date(YEAR + 1, 1, 31)
    on_time = 1 if version.published_on <= deadline else 0
    errors = [f for f in version.findings if f["outcome"] == "fail" and f["severity"] == "ERROR"]
    parts = [(20, on_time), (20, 0 if errors else 1)]
    items = Item.objects.filter(agency=agency, disclosure="proactive", formed_on__year=YEAR)
    if items:
        today = dt.date.today()
        good = 0
        for item in items:
            due = add_working_days(item.formed_on, 20).date
            published = item.published_on is not None and item.published_on <= today
            good += (item.published_on if published else today) <= due
        parts.append((20, good / len(items)))
    replies = Application.objects.filter(
        agency=agency, concluded_on__year=YEAR, due_on__isnull=False
    )
    if replies:
        parts.append((20, sum(a.concluded_on <= a.due_on for a in replies) / len(replies)))
    closed = Appeal.objects.filter(agency=agency, closed_on__year=YEAR).exclude(result="")
    if closed:
        parts.append((10, sum(a.result != "corrected" for a in closed) / len(closed)))
    trained = TrainingRecord.objects.filter(agency=agency, held_on__year=YEAR).exists()
    parts.append((10, 1 if trained else 0))
    return round(100 * sum(w * s for w, s in parts) / sum(w for w, _ in parts), 1)


def _scores(client, county):
    page = client.get(f"/office/supervision/assessment/?office={county.pk}&year={YEAR}")
    text = page.content.decode()
    out = {}
    for agency in Agency.objects.filter(name__in=[demo.COUNTY, demo.BUREAU, demo.TOWN]):
        row = text.split(f'id="score-{agency.pk}"')[1].split("</tr>")[0]
        out[agency] = (float(row.split('class="total">')[1].split("<")[0]), row)
    return out


def test_demo_scores_equal_the_hand_computation(client, county):
    from django.contrib.auth.models import User

    town = Agency.objects.get(name=demo.TOWN)
    client.force_login(User.objects.get(username="zhen_clerk"))
    client.post(
        "/office/supervision/training/",
        {
            "agency": town.pk,
            "held_on": "2025-06-10",
            "topic": "条例解读",
            "attendees": "经办人、负责人",
        },
    )
    assert TrainingRecord.objects.filter(agency=town).count() == 1
    client.force_login(User.objects.get(username="xian_supervisor"))
    scores = _scores(client, county)
    for agency, (total, row) in scores.items():
        assert total == _by_hand(agency), agency.name
        assert "主动公开" in row and "按期发布" in row
    assert "培训1次" in scores[town][1]


def test_weights_kept_by_the_office_change_the_score(client, county):
    from django.contrib.auth.models import User

    client.force_login(User.objects.get(username="xian_supervisor"))
    before = _scores(client, county)
    Indicator.objects.create(office=county, code="training", weight=0)
    Indicator.objects.create(office=county, code="report_on_time", weight=50)
    after = _scores(client, county)
    for agency, (total, _) in after.items():
        assert total == 100.0  # only the on-time report counts now, and every one was on time
        assert before[agency][0] < 100.0  # no training was recorded before


def test_the_assessment_exports_with_its_evidence(client, county):
    import io

    from django.contrib.auth.models import User
    from openpyxl import load_workbook

    client.force_login(User.objects.get(username="xian_supervisor"))
    sheet = client.get(
        f"/office/supervision/assessment/?office={county.pk}&year={YEAR}&export=xlsx"
    )
    rows = list(load_workbook(io.BytesIO(sheet.content)).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("机关", "总分") and len(rows) == 4
    assert all("办结" in r[-1] and "培训" in r[-1] for r in rows[1:])
