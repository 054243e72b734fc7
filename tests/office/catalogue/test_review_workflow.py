"""条例第十七条: draft → 保密审查 → sign-off → published, sent back with a reason at any step, every
flag settled by the reviewer, every decision in the history; the public page is a 404 until
the head signs. Driven through the office pages as the three people would."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db

ID_NUMBER = "11010519491231002X"  # check digit valid (GB 11643), born 1949-12-31


@pytest.fixture
def as_user(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def _new(client, bureau, **fields):
    data = {
        "title": "关于行政复议案件办理的通知",
        "summary": "规范行政复议受理流程",
        "body": "各科室：请按本通知办理。",
        "formed_on": (dt.date.today() - dt.timedelta(days=3)).isoformat(),
        "category": "第二十条第（一）项",
        "doc_type": "normative",
        "doc_number": "某资规〔2026〕3号",
        "disclosure": "proactive",
    }
    data.update(fields)
    response = client.post(f"/office/catalogue/{bureau.pk}/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    from gongkai.office.catalogue.models import Item

    return Item.objects.get(title=data["title"])


def _post(client, item, action, **data):
    return client.post(f"/office/catalogue/item/{item.pk}/{action}/", data, follow=True)


def _settle_all(client, item):
    for flag in item.flags.filter(stale=False, settled=""):
        client.post(f"/office/catalogue/flag/{flag.pk}/settle/", {"conclusion": "已核实，可公开"})


def test_from_draft_to_portal_with_a_return_on_the_way(
    as_user, bureau, clerk, reviewer, head, client
):
    from gongkai.office.catalogue.models import Decision

    c = as_user(clerk)
    item = _new(c, bureau, body=f"联系人身份证号 {ID_NUMBER}，请核对。")
    assert item.stage == "draft" and item.index_no
    public = f"/catalogue/{bureau.pk}/item/{item.pk}/"
    _post(c, item, "submit")

    c = as_user(reviewer)
    assert c.get(public).status_code == 404
    page = _post(c, item, "pass").content.decode()
    assert "条扫描提示未处理" in page
    item.refresh_from_db()
    assert item.stage == "review"
    _post(c, item, "back", reason=" ")  # a return without a reason is refused
    item.refresh_from_db()
    assert item.stage == "review"
    _post(c, item, "back", reason="正文含身份证号，请删除")
    item.refresh_from_db()
    assert item.stage == "draft"

    c = as_user(clerk)
    c.post(
        f"/office/catalogue/item/{item.pk}/edit/",
        {
            "title": item.title,
            "summary": item.summary,
            "body": "各科室：请按本通知办理。",
            "formed_on": item.formed_on.isoformat(),
            "category": item.category,
            "doc_type": item.doc_type,
            "doc_number": item.doc_number,
            "disclosure": "proactive",
            "version": item.version,
        },
    )
    _post(c, item, "submit")

    c = as_user(reviewer)
    _settle_all(c, item)
    _post(c, item, "pass", reason="已审查")
    item.refresh_from_db()
    assert item.stage == "signoff"
    assert c.get(public).status_code == 404

    c = as_user(head)
    _post(c, item, "sign")
    item.refresh_from_db()
    assert item.stage == "done" and item.published_on == dt.date.today()
    assert item.publications.get().get_channel_display() == "政府网站"
    c.logout()
    assert c.get(public).status_code == 200
    assert [d.action for d in Decision.objects.filter(item=item)] == [
        "新建",
        "送保密审查",
        "退回修改",
        "修改",
        "送保密审查",
        *["处理扫描提示"] * item.flags.exclude(settled="").count(),
        "保密审查通过",
        "签发",
        "公开",
    ]
    back = Decision.objects.get(item=item, action="退回修改")
    assert back.reason == "正文含身份证号，请删除" and back.by == reviewer


def test_each_step_belongs_to_its_role(as_user, bureau, clerk, reviewer, head):
    from gongkai.office.catalogue import workflow

    item = _new(as_user(clerk), bureau)
    with pytest.raises(workflow.StepRefused):
        workflow.submit(item, reviewer)
    workflow.submit(item, clerk)
    with pytest.raises(workflow.StepRefused, match="审核人"):
        workflow.pass_review(item, clerk)
    with pytest.raises(workflow.StepRefused):
        workflow.sign(item, head)  # not yet reviewed
    for flag in workflow.open_flags(item):
        workflow.settle(flag, reviewer, "无敏感信息")
    workflow.pass_review(item, reviewer)
    with pytest.raises(workflow.StepRefused, match="负责人"):
        workflow.sign(item, reviewer)
    workflow.send_back(item, head, "文号有误")
    item.refresh_from_db()
    assert item.stage == "draft"


def test_staff_of_another_agency_cannot_open_the_item(as_user, bureau, clerk, other_clerk):
    item = _new(as_user(clerk), bureau)
    assert as_user(other_clerk).get(f"/office/catalogue/item/{item.pk}/").status_code == 404


def test_a_withdrawn_attachment_keeps_its_flags_but_they_no_longer_block(
    as_user, bureau, clerk, reviewer
):
    from gongkai.office.catalogue import scan_queue, workflow

    item = _new(as_user(clerk), bureau)
    bad = workflow.attach(
        item, clerk, SimpleUploadedFile("名单.txt", f"张三 {ID_NUMBER}\n".encode())
    )
    assert scan_queue.work() == 1
    assert bad.flags.exists()
    workflow.withdraw_attachment(bad, clerk)
    assert not workflow.open_flags(item).filter(attachment=bad).exists()
    assert bad.flags.filter(stale=True).count() == bad.flags.count()
    bad.refresh_from_db()
    assert bad.withdrawn is not None and bad.file  # kept, not deleted


def test_channels_set_the_first_publication_day(as_user, bureau, clerk, reviewer, head):
    from gongkai.office.catalogue import workflow

    item = _new(as_user(clerk), bureau)
    workflow.submit(item, clerk)
    for flag in workflow.open_flags(item):
        workflow.settle(flag, reviewer, "无敏感信息")
    workflow.pass_review(item, reviewer)
    workflow.sign(item, head)
    earlier = dt.date.today() - dt.timedelta(days=1)
    workflow.record_publication(item, clerk, "notice_board", earlier)
    item.refresh_from_db()
    assert item.published_on == earlier  # 公开日期: the first day on any channel
    with pytest.raises(workflow.StepRefused, match="账号名称"):
        workflow.record_publication(item, clerk, "new_media", earlier)
    workflow.record_publication(item, clerk, "new_media", earlier, "鄂水源头 和美管头")
    assert item.publications.count() == 3


def test_an_item_with_a_review_history_cannot_be_deleted_with_it(as_user, bureau, clerk, reviewer):
    """History is append-only: deleting an item in code or in a shell does not take its scan
    flags, its attachments or its review decisions with it (第十七条's record of the review)."""
    from django.db.models import ProtectedError

    from gongkai.office.catalogue import scan_queue, workflow
    from gongkai.office.catalogue.models import Decision, Flag

    item = _new(as_user(clerk), bureau)
    workflow.attach(item, clerk, SimpleUploadedFile("名单.txt", f"张三 {ID_NUMBER}\n".encode()))
    assert scan_queue.work() == 1
    _post(as_user(clerk), item, "submit")
    flags, decisions = Flag.objects.filter(item=item).count(), Decision.objects.filter(item=item)
    assert flags and decisions.exists()
    with pytest.raises(ProtectedError):
        item.delete()
    assert Flag.objects.filter(item=item).count() == flags
    assert Decision.objects.filter(item=item).count() == decisions.count()
