"""The public site: an agency's published reports (never a draft), its guide, the catalogue place."""

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db


def _publish(agency, user, year, on, reason=""):
    from gongkai.office.annual.publish import publish

    return publish(agency, year, user, on, reason)


def test_agency_page_lists_published_reports_only(client, bureau, head):
    from gongkai.office.annual.models import AnnualReport

    _publish(bureau, head, 2024, dt.date(2025, 1, 20))
    AnnualReport.objects.create(agency=bureau, year=2025, part1="草稿，不应公开")
    page = client.get(f"/agency/{bureau.pk}/").content.decode()
    assert "2024年政府信息公开工作年度报告" in page and "2025年政府信息公开工作年度报告" not in page
    assert "第三十三条" in page and "主动公开目录" in page and 'id="catalogue-link"' in page
    assert client.get(f"/agency/{bureau.pk}/reports/2025/").status_code == 404


def test_report_page_shows_the_latest_version_and_older_ones_on_request(client, bureau, head):
    from gongkai.office.annual.models import AnnualReport

    _publish(bureau, head, 2024, dt.date(2025, 1, 20))
    entry = AnnualReport.objects.get(agency=bureau, year=2024)
    entry.part6 = "本年度未收取政府信息公开信息处理费。"
    entry.save()
    _publish(bureau, head, 2024, dt.date(2025, 2, 1), reason="补充第六部分")
    latest = client.get(f"/agency/{bureau.pk}/reports/2024/").content.decode()
    first = client.get(f"/agency/{bureau.pk}/reports/2024/?version=1").content.decode()
    assert "本年度未收取政府信息公开信息处理费" in latest and "本年度未收取" not in first
    assert "第2版（补充第六部分）" in client.get(f"/agency/{bureau.pk}/").content.decode()


def test_index_lists_agencies_as_a_tree(client, bureau, town):
    page = client.get("/").content.decode()
    assert page.index("某县人民政府") < page.index("某县自然资源局")
    assert "工作人员登录" in page


def test_public_pages_carry_no_applicant_data(client, bureau, head):
    from gongkai.office.applications.models import Application

    Application.objects.create(
        agency=bureau,
        number="1",
        channel="in_person",
        arrived_on=dt.date(2024, 3, 1),
        received_on=dt.date(2024, 3, 1),
        applicant_category="natural_person",
        applicant_name="赵六",
        contact="13900000000",
        request_text="某文件",
        concluded_on=dt.date(2024, 3, 5),
        outcome="granted",
        status="closed",
    )
    _publish(bureau, head, 2024, dt.date(2025, 1, 20))
    for url in ("/", f"/agency/{bureau.pk}/", f"/agency/{bureau.pk}/reports/2024/"):
        assert "赵六" not in client.get(url).content.decode()
