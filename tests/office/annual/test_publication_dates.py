"""Publication dates (条例第四十九条): not in the future, not before the year is over, never before
the previous version's; the server's time of recording is kept and shown beside the date."""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.office.annual.publish import PublishRefused, publish

pytestmark = pytest.mark.django_db
D = dt.date


def test_a_date_in_the_future_is_refused(bureau, head):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(PublishRefused, match="不能晚于今天"):
        publish(bureau, 2024, head, tomorrow)


def test_a_date_before_the_year_is_over_is_refused(bureau, head):
    with pytest.raises(PublishRefused, match="应在该年度结束后发布"):
        publish(bureau, 2024, head, D(2024, 12, 31))


def test_a_new_version_cannot_be_dated_before_the_last(bureau, head):
    publish(bureau, 2024, head, D(2025, 1, 20))
    with pytest.raises(PublishRefused, match="不能早于上一版"):
        publish(bureau, 2024, head, D(2025, 1, 10), reason="更正")
    assert publish(bureau, 2024, head, D(2025, 1, 20), reason="更正").number == 2


def test_the_recording_time_is_shown_beside_the_stated_date(client, bureau, head):
    version = publish(bureau, 2024, head, D(2025, 1, 20))
    recorded = timezone.localtime(version.at).strftime("%Y-%m-%d %H:%M")
    client.force_login(head)
    page = client.get(f"/office/annual/{bureau.pk}/2024/").content.decode()
    assert "2025-01-20" in page and f"系统记录于 {recorded}" in page
    portal = client.get(f"/agency/{bureau.pk}/").content.decode()
    assert f"系统记录于{timezone.localtime(version.at):%Y年%-m月%-d日}" in portal


def test_the_publish_form_names_the_refusal(client, bureau, head):
    client.force_login(head)
    r = client.post(
        f"/office/annual/{bureau.pk}/2024/publish/", {"published_on": "2099-12-31"}, follow=True
    )
    assert "不能晚于今天" in r.content.decode()
    assert not bureau.annual_reports.filter(versions__isnull=False).exists()
