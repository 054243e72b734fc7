"""An application filed on the portal without an account: it enters the ledger as 网络, awaiting
confirmation (第三十一条); the applicant follows it with the 查询码 to the reply; posting and
guessing are throttled; nothing the applicant typed shows on a public page."""

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db

ID = "11010519491231002X"  # a valid 18-digit number (check digit X)
FORM = {
    "applicant_category": "natural_person",
    "applicant_name": "钱七",
    "id_type": "resident_id",
    "id_number": ID,
    "contact": "13912345678",
    "email": "qian@example.cn",
    "address": "某县某路1号",
    "request_text": "2024年本镇道路硬化工程的招标文件",
    "delivery_form": "电子邮件",
}


def _apply(client, agency, **changes):
    return client.post(f"/agency/{agency.pk}/apply/", {**FORM, **changes})


def _code(client, response) -> str:
    page = client.get(response["Location"]).content.decode()
    return re.search(r'id="tracking-code">([A-Z0-9-]+)<', page).group(1)


def _track(client, code):
    return client.post("/track/", {"code": code})


def test_filed_confirmed_answered_and_followed(client, bureau, clerk):
    from gongkai.office.applications import services
    from gongkai.office.applications.models import Application

    response = _apply(client, bureau)
    assert response.status_code == 302
    code = _code(client, response)
    case = Application.objects.get(agency=bureau)
    assert (case.channel, case.status, case.received_on) == ("online", "received", None)
    assert case.applicant_name == "钱七" and case.id_number == ID
    assert (
        case.online.email == "qian@example.cn" and case.online.get_id_type_display() == "居民身份证"
    )
    page = _track(client, code.lower().replace("-", " ")).content.decode()
    assert "待本机关确认" in page and case.number in page
    for personal in ("钱七", ID, "13912345678", "qian@example.cn", "某县某路1号"):
        assert personal not in page
    today = dt.date.today()
    services.confirm_receipt(case, today, clerk)
    case.refresh_from_db()
    page = _track(client, code).content.decode()
    assert f"{today.year}年{today.month}月{today.day}日" in page
    assert f"{case.due_on.year}年{case.due_on.month}月{case.due_on.day}日前" in page
    services.reply(case, today, clerk, reply_type="not_held")
    page = _track(client, code).content.decode()
    assert "已办结" in page and "该政府信息不存在" in page and "第三十六条（四）" in page
    assert "六十日内依法申请行政复议" in page


def test_the_code_is_shown_once(client, bureau):
    response = _apply(client, bureau)
    _code(client, response)
    again = client.get(response["Location"])
    assert again.status_code == 302 and again["Location"] == "/track/"


def test_an_identity_proof_upload_is_optional_and_checked(client, bureau):
    from gongkai.office.applications.models import Application

    bad = _apply(client, bureau, id_proof=SimpleUploadedFile("证件.exe", b"MZ"))
    assert bad.status_code == 400 and "PDF、JPG 或 PNG" in bad.content.decode()
    assert (
        _apply(client, bureau, id_proof=SimpleUploadedFile("证件.png", b"\x89PNG")).status_code
        == 302
    )
    assert Application.objects.get().attachments.get().name == "身份证明（网上提交）"


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"id_number": "110105194912310021"}, "居民身份证号码不正确"),
        ({"applicant_category": "commercial_enterprise"}, "法人或其他组织请填写统一社会信用代码"),
        ({"id_type": "credit_code", "id_number": "91350100M000100Y4A"}, "统一社会信用代码不正确"),
        ({"request_text": ""}, "这个字段是必填项"),
        ({"email": "not-an-address"}, "请输入有效的电子邮箱地址"),
    ],
)
def test_bad_input_is_a_form_error(client, bureau, changes, message):
    from gongkai.office.applications.models import Application

    response = _apply(client, bureau, **changes)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Application.objects.exists()


def test_posting_is_throttled_per_address(client, bureau):
    from gongkai.office.applications.models import Application
    from gongkai.office.portal.throttle import APPLY_LIMITS

    most = APPLY_LIMITS[0][1]
    for _ in range(most):
        assert _apply(client, bureau).status_code == 302
    refused = _apply(client, bureau)
    assert refused.status_code == 429 and "提交过于频繁" in refused.content.decode()
    assert Application.objects.count() == most
    other = client.post(f"/agency/{bureau.pk}/apply/", FORM, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_guessing_codes_is_throttled(client, bureau):
    from gongkai.office.portal.throttle import TRACK_MISSES

    code = _code(client, _apply(client, bureau))
    missing = _track(client, "AAAA-AAAA-AAAA-AAAA")
    assert missing.status_code == 404 and "没有找到这个查询码" in missing.content.decode()
    for _ in range(TRACK_MISSES[1] - 1):
        _track(client, "AAAA-AAAA-AAAA-AAAA")
    blocked = _track(client, code)
    assert blocked.status_code == 429 and "一小时后再试" in blocked.content.decode()


def test_the_agency_page_offers_the_form(client, bureau):
    page = client.get(f"/agency/{bureau.pk}/").content.decode()
    assert f"/agency/{bureau.pk}/apply/" in page and "/track/" in page
    form = client.get(f"/agency/{bureau.pk}/apply/").content.decode()
    assert "证件类型：" in form and "第三十一条" in form
