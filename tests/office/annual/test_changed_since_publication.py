"""A correction after publication leaves the published version as it was; the report page lists
the cells that today's compilation prints differently, and the 负责人 publishes a new version."""

import datetime as dt

import pytest

from gongkai.office.annual.models import ReportVersion
from gongkai.office.annual.publish import publish
from gongkai.office.annual.snapshot import report_from_snapshot
from gongkai.office.applications import corrections, services

pytestmark = pytest.mark.django_db
D = dt.date


def test_a_corrected_reply_after_publication(client, make_case, clerk, reviewer, head, bureau):
    case = make_case(arrived_on=D(2024, 11, 4))
    services.reply(case, D(2024, 11, 20), clerk, reply_type="not_held")
    publish(bureau, 2024, head, D(2025, 1, 20))
    url = f"/office/annual/{bureau.pk}/2024/"

    client.force_login(head)
    assert 'id="changed-since-publication"' not in client.get(url).content.decode()

    corrections.correct_reply(case, reviewer, reason="选错答复类型", reply_type="granted")
    page = client.get(url).content.decode()
    assert "有4个单元格与已发布版本不同" in page
    assert '<tr data-key="t2.granted.natural_person"><td>表二' in page
    assert "核对后可在草稿中发布新版本" in page
    (version,) = ReportVersion.objects.all()
    assert report_from_snapshot(version.snapshot).value("t2.unable.not_held.natural_person") == 1

    client.post(url + "publish/", {"published_on": "2025-02-03", "reason": "更正1件申请的答复类型"})
    assert ReportVersion.objects.count() == 2
    assert 'id="changed-since-publication"' not in client.get(url).content.decode()
    client.force_login(clerk)
    assert "是否发布新版本由本机关负责人决定" not in client.get(url).content.decode()
