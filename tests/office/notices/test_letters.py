"""Letters from templates: each event's letter is generated with the case's facts and the
clock's dates, attached to the case with a history entry; replies carry their article and the
remedies of 第五十一条; uploaded templates render in a sandbox."""

import datetime as dt
import io

import pytest
from docx import Document

pytestmark = pytest.mark.django_db


def _text(attachment) -> str:
    with attachment.file.open("rb") as f:
        return "\n".join(p.text for p in Document(io.BytesIO(f.read())).paragraphs)


def _generate(client, user, event):
    client.force_login(user)
    return client.post(f"/office/notices/events/{event.pk}/letter/")


def test_a_correction_notice_is_generated_and_attached(client, clerk, make_case):
    from gongkai.office.applications import services

    case = make_case(arrived_on=dt.date(2024, 12, 2))
    services.request_correction(
        case,
        dt.date(2024, 12, 4),
        clerk,
        items="请写明所需文件的文号。",
        correction_due=dt.date(2024, 12, 20),
    )
    event = case.events.get(kind="correction_notice")
    client.force_login(clerk)
    page = client.get(f"/office/cases/{case.pk}/").content.decode()
    assert f'id="letter-{event.pk}"' in page
    response = _generate(client, clerk, event)
    assert response.status_code == 302
    attachment = case.attachments.get()
    assert "补正告知书" in attachment.name
    text = _text(attachment)
    assert "某县自然资源局" in text and "张三：" in text and "请写明所需文件的文号。" in text
    assert "最迟于2024年12月20日提交补正材料" in text and "2024年12月2日收到" in text
    assert "第三十条" in text and "某县自然资源局（印章）" in text and "2024年12月4日" in text
    assert case.history.filter(action="生成文书").exists()
    assert "已生成并附入案卷" in client.get(f"/office/cases/{case.pk}/").content.decode()


@pytest.mark.parametrize(
    "reply_type",
    [
        "granted",
        "denied.state_secret",
        "denied.admin_query",
        "not_held",
        "needs_creation",
        "repeat",
        "excessive",
        "other",
    ],
)
def test_a_reply_letter_cites_its_article_and_the_remedies(client, clerk, make_case, reply_type):
    from gongkai.office.applications import services
    from gongkai.office.applications.replies import BY_KEY

    case = make_case()
    services.reply(case, dt.date(2024, 12, 10), clerk, reply_type=reply_type, denial_reason="涉密")
    _generate(client, clerk, case.events.get(kind="reply"))
    text = _text(case.attachments.get())
    assert "答复书" in text and BY_KEY[reply_type].article in text
    assert "六十日内依法申请行政复议" in text and "六个月内依法向人民法院提起行政诉讼" in text
    assert "第五十一条" in text
    assert ("理由：涉密" in text) == BY_KEY[reply_type].needs_reason


def test_every_reply_type_has_a_sentence():
    from gongkai.office.applications.replies import REPLY_TYPES
    from gongkai.office.notices.letters import reply_sentence

    assert all(reply_sentence(r.key) for r in REPLY_TYPES)


def test_extension_letter_after_approval_carries_the_new_due_date(
    client, clerk, reviewer, make_case
):
    from gongkai.office.applications import services

    case = make_case(arrived_on=dt.date(2024, 12, 2))
    services.request_extension(case, dt.date(2024, 12, 20), clerk, days=10, reason="需要调取档案")
    event = case.events.get(kind="extension")
    _generate(client, clerk, event)
    assert not case.attachments.exists()  # not approved yet: no letter
    services.approve_extension(
        case, dt.date(2024, 12, 23), reviewer, notified_on=dt.date(2024, 12, 23)
    )
    due = services.deadline_for(case).date
    _generate(client, clerk, case.events.get(kind="extension"))
    text = _text(case.attachments.get())
    assert (
        f"最迟于{due.year}年{due.month}月{due.day}日作出答复" in text and "延长10个工作日" in text
    )


def test_fee_notice_gives_the_payment_deadline(client, clerk, make_case):
    from gongkai.office.applications import services
    from gongkai.workdays import add_working_days

    case = make_case(arrived_on=dt.date(2024, 12, 2))
    services.fee_notice(
        case,
        dt.date(2024, 12, 5),
        clerk,
        method="per_item",
        amount=200,
        served_on=dt.date(2024, 12, 6),
    )
    _generate(client, clerk, case.events.get(kind="fee_notice"))
    text = _text(case.attachments.get())
    pay_by = add_working_days(dt.date(2024, 12, 6), 20).date
    assert f"最迟于{pay_by.year}年{pay_by.month}月{pay_by.day}日）缴纳" in text
    assert "按件收取信息处理费，金额为人民币200元" in text


def test_consultation_letter_goes_to_the_third_party(client, clerk, make_case):
    from gongkai.office.applications import services

    case = make_case()
    services.start_consultation(
        case, dt.date(2024, 12, 5), clerk, party="third_party", name="某公司"
    )
    _generate(client, clerk, case.events.get(kind="consultation_start"))
    text = _text(case.attachments.get())
    assert "某公司：" in text and "第三十二条" in text and "张三" not in text


def test_only_the_holding_agency_generates(client, other_clerk, supervisor, make_case):
    from gongkai.office.applications import services

    case = make_case()
    services.reply(case, dt.date(2024, 12, 10), None, reply_type="granted")
    event = case.events.get(kind="reply")
    assert _generate(client, other_clerk, event).status_code == 404
    assert _generate(client, supervisor, event).status_code == 404
    client.force_login(supervisor)
    assert f'id="letter-{event.pk}"' not in client.get(f"/office/cases/{case.pk}/").content.decode()
    assert not case.attachments.exists()


def _docx(*lines) -> io.BytesIO:
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    out.seek(0)
    out.name = "模板.docx"
    return out


def test_an_administrators_template_is_used_and_a_hostile_one_refused(
    client, bureau, clerk, make_case
):
    from gongkai.office.agencies.models import Membership
    from gongkai.office.applications import services

    Membership.objects.create(user=clerk, agency=bureau, role="admin")
    client.force_login(clerk)
    assert client.get("/office/notices/templates/").status_code == 200
    bad = client.post(
        "/office/notices/templates/",
        {"agency": bureau.pk, "kind": "reply", "file": _docx("{{ 机关.__class__.__mro__ }}")},
    )
    assert bad.status_code == 400 and "不允许的表达式" in bad.content.decode()
    junk = io.BytesIO(b"not a docx")
    junk.name = "x.docx"
    assert (
        "不是有效的 DOCX"
        in client.post(
            "/office/notices/templates/", {"agency": bureau.pk, "kind": "reply", "file": junk}
        ).content.decode()
    )
    ok = client.post(
        "/office/notices/templates/",
        {
            "agency": bureau.pk,
            "kind": "reply",
            "file": _docx("本机关自定义答复：{{ 机关 }}，{{ 答复内容 }}"),
        },
    )
    assert ok.status_code == 302
    case = make_case()
    services.reply(case, dt.date(2024, 12, 10), clerk, reply_type="not_held")
    _generate(client, clerk, case.events.get(kind="reply"))
    assert _text(case.attachments.get()).startswith("本机关自定义答复：某县自然资源局，经检索")


def test_clerks_cannot_edit_templates(client, clerk):
    client.force_login(clerk)
    assert client.get("/office/notices/templates/").status_code == 403
    assert client.get("/office/notices/templates/reply/default.docx").status_code == 200


def test_a_double_click_makes_one_letter(client, clerk, make_case):
    from gongkai.office.applications import services
    from gongkai.office.concurrency import new_token

    case = make_case()
    services.request_correction(case, dt.date(2024, 12, 3), clerk, items="请写明地块编号")
    event = case.events.get()
    client.force_login(clerk)
    url = f"/office/notices/events/{event.pk}/letter/"
    token = new_token()
    client.post(url, {"token": token})
    second = client.post(url, {"token": token}, follow=True).content.decode()
    assert case.attachments.count() == 1 and "未重复生成" in second
    client.post(url, {"token": new_token()})  # asked for again later: a second letter
    assert case.attachments.count() == 2
    assert set(case.attachments.values_list("event", flat=True)) == {event.pk}


def test_templates_are_per_agency_with_the_default_behind(
    client, bureau, town, clerk, other_clerk, make_case
):
    from gongkai.office.agencies.models import Membership
    from gongkai.office.applications import services

    Membership.objects.create(user=clerk, agency=bureau, role="admin")
    client.force_login(clerk)
    own = {"agency": bureau.pk, "kind": "reply", "file": _docx("自然资源局答复：{{ 答复内容 }}")}
    assert client.post("/office/notices/templates/", own).status_code == 302
    # the bureau's administrator cannot change the town's letters
    theirs = {"agency": town.pk, "kind": "reply", "file": _docx("冒充：{{ 答复内容 }}")}
    assert client.post("/office/notices/templates/", theirs).status_code == 400
    page = client.get("/office/notices/templates/").content.decode()
    assert "本机关自定义" in page

    mine = make_case()
    services.reply(mine, dt.date(2024, 12, 10), clerk, reply_type="not_held")
    _generate(client, clerk, mine.events.get(kind="reply"))
    assert _text(mine.attachments.get()).startswith("自然资源局答复：经检索")

    other = make_case(by=other_clerk, agency=town)
    services.reply(other, dt.date(2024, 12, 10), other_clerk, reply_type="not_held")
    _generate(client, other_clerk, other.events.get(kind="reply"))
    text = _text(other.attachments.get())
    assert text.startswith("某镇人民政府") and "自然资源局答复" not in text
