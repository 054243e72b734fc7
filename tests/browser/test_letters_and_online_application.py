"""Acceptance (issue 11): a 补正告知书 generated and attached to the case; an online application
filed anonymously, confirmed by the clerk, answered, and its reply seen on the tracking page."""

import datetime as dt
import io

import pytest
from docx import Document

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_correction_notice_is_generated_and_attached(
    page, live_server, login, shots, bureau, clerk, make_case, record_action
):
    from gongkai.office.applications.models import Attachment

    today = dt.date.today()
    case = make_case(arrived_on=today - dt.timedelta(days=3))
    login("clerk", "pw-clerk")
    page.goto(f"{live_server.url}/office/cases/{case.pk}/")
    record_action(
        "correction",
        {
            "on": today.isoformat(),
            "items": "请写明所需文件的文号",
            "correction_due": (today + dt.timedelta(days=15)).isoformat(),
        },
    )
    page.click("#events button:has-text('生成文书')")
    page.wait_for_load_state()
    assert "已生成并附入案卷" in page.inner_text("#messages")
    link = page.locator("#attachments a", has_text="补正告知书")
    assert link.count() == 1
    page.screenshot(path=str(shots / "letter_attached.png"), full_page=True)
    with page.expect_download() as download:
        link.click()
    with open(download.value.path(), "rb") as f:
        text = "\n".join(p.text for p in Document(io.BytesIO(f.read())).paragraphs)
    assert "政府信息公开申请补正告知书" in text and "请写明所需文件的文号" in text
    assert Attachment.objects.filter(application=case).count() == 1


def test_online_application_to_reply_on_the_tracking_page(
    page, live_server, login, shots, bureau, clerk, record_action
):
    page.goto(f"{live_server.url}/agency/{bureau.pk}/")
    page.click("#apply-online a:has-text('网上提交')")
    page.select_option("#id_applicant_category", "natural_person")
    page.fill("#id_applicant_name", "孙八")
    page.select_option("#id_id_type", "resident_id")
    page.fill("#id_id_number", "11010519491231002X")
    page.fill("#id_contact", "13911112222")
    page.fill("#id_request_text", "2025年本局行政许可事项清单")
    page.click("#apply-submit")
    page.wait_for_load_state()
    code = page.inner_text("#tracking-code")
    number = page.inner_text("#case-number")
    page.screenshot(path=str(shots / "online_filed.png"), full_page=True)

    login("clerk", "pw-clerk")
    page.goto(f"{live_server.url}/office/")
    page.click(f"a:has-text('{number}')")
    assert "网络" in page.content() and "待确认收到" in page.inner_text("#case-status")
    today = dt.date.today().isoformat()
    record_action("confirm", {"on": today})
    assert "办理中" in page.inner_text("#case-status")
    record_action("reply", {"on": today, "reply_type": "granted"})
    assert "已办结" in page.inner_text("#case-status")

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/track/")
    page.fill("#id_code", code.lower())
    page.click("#track-submit")
    page.wait_for_load_state()
    reply = page.inner_text("#track-reply")
    assert "本机关予以公开" in reply and "第三十六条（二）" in reply and "行政复议" in reply
    assert "孙八" not in page.content() and "13911112222" not in page.content()
    page.screenshot(path=str(shots / "online_tracked.png"), full_page=True)
