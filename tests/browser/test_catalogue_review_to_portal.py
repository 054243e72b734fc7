"""Acceptance (issue 主动公开, review before publication): a clerk drafts an item whose attachment
holds an ID number; the scan flags it; the reviewer sends it back; the clerk replaces the
attachment; the reviewer passes it, the head signs, and it appears in the portal's catalogue
and search. Before the sign-off its public URL is a 404."""

import datetime as dt

import pytest
from docx import Document

pytestmark = pytest.mark.django_db(transaction=True)

ID_NUMBER = "11010519491231002X"  # a valid 身份证号: check digit X, born 1949-12-31


def _docx(path, *paragraphs):
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(path)
    return str(path)


def test_clerk_reviewer_head_to_portal(
    page, live_server, login, shots, tmp_path, bureau, clerk, reviewer, head
):
    from gongkai.office.catalogue import scan_queue
    from gongkai.office.catalogue.models import Item

    leaky = _docx(
        tmp_path / "复议决定书.docx", "申请人：张三", f"公民身份号码：{ID_NUMBER}", "决定如下。"
    )
    clean = _docx(tmp_path / "复议决定书（公开版）.docx", "申请人：张某", "决定如下。")
    formed = dt.date.today() - dt.timedelta(days=2)

    login("clerk", "pw-clerk")
    page.goto(f"{live_server.url}/office/catalogue/{bureau.pk}/new/")
    page.fill("#id_title", "行政复议决定书（某县自然资源局2026年第3号）")
    page.fill("#id_summary", "对土地登记行为的行政复议决定")
    page.fill("#id_formed_on", formed.isoformat())
    page.select_option("#id_category", "第二十条第（一）项")
    page.select_option("#id_doc_type", "other")
    page.fill("#id_doc_number", "某资复决〔2026〕3号")
    page.click("#item-save")
    page.wait_for_url("**/office/catalogue/item/*/")
    item = Item.objects.get(doc_number="某资复决〔2026〕3号")
    public_url = f"{live_server.url}/catalogue/{bureau.pk}/item/{item.pk}/"

    page.set_input_files("#attach-form input[type=file]", leaky)
    page.click("#attach-submit")
    page.wait_for_load_state()
    assert "扫描中" in page.inner_text("#attachments")  # the scan is the worker's, not the page's
    assert scan_queue.work() == 1
    page.wait_for_selector(".flag-kind")  # the page updates itself when the scan is done
    assert page.locator(".flag-kind").all_inner_texts() == ["身份证号"]
    assert ID_NUMBER not in page.content()  # shown masked
    page.click("#submit-review")
    page.wait_for_load_state()
    assert "保密审查" in page.inner_text("#item-stage")
    page.screenshot(path=str(shots / "catalogue_draft_flagged.png"), full_page=True)
    assert page.goto(public_url).status == 404

    login("reviewer", "pw-reviewer")
    page.goto(f"{live_server.url}/office/catalogue/item/{item.pk}/")
    assert "1条未处理" in page.inner_text("#scan")
    page.fill("#id_reason_back", "附件含公民身份号码，请换成去除个人信息的版本")
    page.click("#send-back")
    page.wait_for_load_state()
    assert "草稿" in page.inner_text("#item-stage")

    login("clerk", "pw-clerk")
    page.goto(f"{live_server.url}/office/catalogue/item/{item.pk}/")
    assert "附件含公民身份号码" in page.inner_text("#history")
    page.click(".attachment .withdraw")
    page.wait_for_load_state()
    page.set_input_files("#attach-form input[type=file]", clean)
    page.click("#attach-submit")
    page.wait_for_load_state()
    assert scan_queue.work() == 1
    page.wait_for_selector("#no-flags")
    page.click("#submit-review")
    page.wait_for_load_state()

    login("reviewer", "pw-reviewer")
    page.goto(f"{live_server.url}/office/catalogue/item/{item.pk}/")
    assert "0条未处理" in page.inner_text("#scan")
    page.click("#pass-review")
    page.wait_for_load_state()
    assert "待签发" in page.inner_text("#item-stage")
    assert page.goto(public_url).status == 404

    login("head", "pw-head")
    page.goto(f"{live_server.url}/office/catalogue/item/{item.pk}/")
    page.click("#sign")
    page.wait_for_load_state()
    assert "已签发" in page.inner_text("#item-stage")
    page.screenshot(path=str(shots / "catalogue_signed.png"), full_page=True)

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/catalogue/{bureau.pk}/")
    assert "行政复议决定书（某县自然资源局2026年第3号）" in page.inner_text("#catalogue")
    page.fill("#q", "复议")
    page.click("#search-submit")
    page.wait_for_load_state()
    assert page.inner_text("#result-count") == "共1条"
    page.click("#catalogue a")
    page.wait_for_load_state()
    assert page.url == public_url
    assert page.inner_text("#item-attachments") == "复议决定书（公开版）.docx"
    page.screenshot(path=str(shots / "catalogue_public_item.png"), full_page=True)
