"""A clerk registers an application received by post, issues a 补正 notice, records the
correction, replies 部分公开 and sees it counted in the compiled table; a clerk of another
agency cannot open that case."""

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_post_application_to_partial_disclosure_in_table_two(
    page, live_server, login, shots, bureau, clerk, other_clerk, record_action
):
    today = dt.date.today()
    arrived = today - dt.timedelta(days=30)
    notice, corrected, replied = (arrived + dt.timedelta(days=d) for d in (2, 8, 15))

    login("clerk", "pw-clerk")
    page.goto(f"{live_server.url}/office/cases/new/")
    page.select_option("#id_agency", str(bureau.pk))
    page.select_option("#id_channel", "post_signed")
    page.fill("#id_arrived_on", arrived.isoformat())
    page.select_option("#id_applicant_category", "natural_person")
    page.fill("#id_applicant_name", "邮寄申请人")
    page.fill("#id_contact", "13812345678")
    page.fill("#id_request_text", "某镇2025年度土地征收补偿方案")
    page.click("#intake-submit")
    page.wait_for_url("**/office/cases/*/")
    case_url = page.url
    assert "邮寄（需签收）" in page.content()

    record_action(
        "correction",
        {
            "on": notice.isoformat(),
            "items": "请写明地块名称或位置",
            "correction_due": (notice + dt.timedelta(days=15)).isoformat(),
        },
    )
    assert "待补正" in page.inner_text("#case-status")
    record_action("correction_received", {"on": corrected.isoformat()})
    assert "办理中" in page.inner_text("#case-status")
    record_action(
        "reply",
        {
            "on": replied.isoformat(),
            "reply_type": "partially_granted",
            "denial_reason": "涉及第三方个人信息的部分不予公开（第十五条）",
        },
    )
    assert "部分公开" in page.inner_text("#case-outcome")
    page.screenshot(path=str(shots / "case_page.png"), full_page=True)

    page.goto(f"{live_server.url}/office/annual/{bureau.pk}/{replied.year}/")
    frame = page.frame_locator("#preview")
    cell = frame.locator('[data-key="t2.partially_granted.natural_person"]')
    assert cell.inner_text().strip() == "1"
    assert frame.locator('[data-key="t2.processed_total.total"]').inner_text().strip() == "1"
    assert "本年办结" in page.inner_text("#figures")
    page.screenshot(path=str(shots / "annual_table.png"), full_page=True)

    login("other_clerk", "pw-other_clerk")
    response = page.goto(case_url)
    assert response.status == 404
    assert "邮寄申请人" not in page.content()
