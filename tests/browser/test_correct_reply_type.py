"""A clerk records a reply with the wrong 答复类型; the 审核人 corrects it with a reason on the case
page: the compiled table 2 moves the case to the right row and the history shows old → new."""

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def _cell(page, live_server, agency, year, key):
    page.goto(f"{live_server.url}/office/annual/{agency.pk}/{year}/")
    return page.frame_locator("#preview").locator(f'[data-key="{key}"]').inner_text().strip()


def test_reviewer_corrects_a_wrong_reply_type(
    page, live_server, login, shots, bureau, clerk, reviewer, make_case
):
    replied = dt.date.today() - dt.timedelta(days=5)
    case = make_case(arrived_on=replied - dt.timedelta(days=10))

    login("clerk", "pw-clerk")
    page.goto(f"{live_server.url}/office/cases/{case.pk}/")
    page.click("#action-reply summary")
    page.fill("#id_reply-on", replied.isoformat())
    page.select_option("#id_reply-reply_type", "not_held")
    page.click("#submit-reply")
    page.wait_for_load_state()
    assert "本机关不掌握" in page.inner_text("#case-outcome")
    # a clerk cannot correct the reply: the form is not offered
    assert page.locator("#correction-correct_reply").count() == 0
    not_held, granted = "t2.unable.not_held.natural_person", "t2.granted.natural_person"
    assert _cell(page, live_server, bureau, replied.year, not_held) == "1"

    login("reviewer", "pw-reviewer")
    page.goto(f"{live_server.url}/office/cases/{case.pk}/")
    page.click("#correction-correct_reply summary")
    page.select_option("#id_correct_reply-reply_type", "granted")
    page.click("#submit-correct_reply")  # without a reason: refused, the form stays open
    page.wait_for_load_state()
    assert "请说明更正的原因" in page.inner_text("#correction-correct_reply")
    page.fill("#id_correct_reply-reason", "答复书为予以公开，登记时选错答复类型")
    page.click("#submit-correct_reply")
    page.wait_for_load_state()

    assert "予以公开" in page.inner_text("#case-outcome")  # the row of table 2
    history = page.inner_text("#history")
    assert "更正答复" in history and "答复书为予以公开，登记时选错答复类型" in history
    assert "经检索没有所需信息，告知不存在 → 予以公开，提供信息或告知获取方式" in history
    assert "撤销" in page.inner_text("#events")  # the wrong reply stays, struck through
    page.screenshot(path=str(shots / "corrected_reply.png"), full_page=True)

    assert _cell(page, live_server, bureau, replied.year, granted) == "1"
    assert _cell(page, live_server, bureau, replied.year, not_held) == "0"
    total = "t2.processed_total.total"
    assert page.frame_locator("#preview").locator(f'[data-key="{total}"]').inner_text() == "1"
