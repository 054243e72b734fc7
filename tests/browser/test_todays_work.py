"""A clerk signs in and lands on 今日工作: the case whose 补正 period ran out five weeks ago is
under 已逾期 (not "暂停"), and the link to the full list keeps it there."""

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_overdue_correction_on_the_start_page(page, live_server, login, shots, clerk, make_case):
    from gongkai.office.applications import services

    today = dt.date.today()
    arrived = today - dt.timedelta(days=70)
    case = make_case(arrived_on=arrived, request_text="某村土地承包合同")
    services.request_correction(
        case,
        arrived + dt.timedelta(days=2),
        clerk,
        items="请写明村名",
        correction_due=today - dt.timedelta(weeks=5),
    )
    on_time = make_case(arrived_on=today - dt.timedelta(days=1), request_text="新到的申请")

    login("clerk", "pw-clerk")
    assert page.url.endswith("/office/today/")
    overdue = page.locator("#overdue")
    row = overdue.locator(f"#overdue-{case.pk}")
    assert row.is_visible() and "overdue" in (row.get_attribute("class") or "")
    assert "补正期限" in row.inner_text() and "已届满" in row.inner_text()
    assert on_time.number not in overdue.inner_text()
    page.screenshot(path=str(shots / "todays-work.png"), full_page=True)

    row.locator("a").click()
    page.wait_for_url(f"**/office/cases/{case.pk}/")
    page.goto(f"{live_server.url}/office/?due=overdue")
    listed = page.locator(f"#case-{case.pk}")
    assert listed.is_visible() and "暂停" not in listed.inner_text()
    assert "已逾期" in listed.inner_text()
