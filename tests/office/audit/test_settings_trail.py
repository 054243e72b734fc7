"""An agency's settings and people's accounts leave a trail old → new, with who and when, in
Chinese, whichever page changed them (the admin, an office page, a command)."""

import json

import pytest
from django.contrib.auth.models import User

from gongkai.office.agencies.models import Agency, Membership
from gongkai.office.audit import trail
from gongkai.office.audit.models import ChangeRecord
from gongkai.office.audit.watched import acting_as


@pytest.fixture
def admin_user(db):
    return User.objects.create_superuser("root", password="pw-root", first_name="系统管理员")


def _agency_form(agency, **overrides):
    data = {
        "name": agency.name,
        "parent": agency.parent_id or "",
        "kind": agency.kind,
        "is_active": "on",
        "address": agency.address,
        "office_hours": agency.office_hours,
        "telephone": agency.telephone,
        "fax": agency.fax,
        "email": agency.email,
        "postal_address": agency.postal_address,
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def _last(instance) -> ChangeRecord:
    return trail.latest(instance)


def test_guide_contacts_changed_in_admin_are_recorded_and_shown_in_chinese(
    client, admin_user, bureau
):
    bureau.telephone = "0510-1111111"
    bureau.save()
    client.force_login(admin_user)
    url = f"/admin/agencies/agency/{bureau.pk}/change/"
    r = client.post(url, _agency_form(bureau, telephone="0510-2222222", office_hours="工作日"))
    assert r.status_code == 302
    record = _last(bureau)
    assert record.action == "修改机关" and record.by == admin_user
    assert record.details() == [
        ("办公时间", "（空） → 工作日"),
        ("联系电话", "0510-1111111 → 0510-2222222"),
    ]
    page = client.get(url).content.decode()
    assert "联系电话：0510-1111111 → 0510-2222222" in page and "系统管理员" in page
    listing = client.get("/admin/audit/changerecord/").content.decode()
    assert "联系电话：0510-1111111 → 0510-2222222" in listing
    assert "telephone" not in listing and "office_hours" not in listing


def test_a_change_saved_by_an_office_page_or_command_names_the_person(bureau, head):
    with acting_as(head):
        bureau.is_active = False
        bureau.save()
    record = _last(bureau)
    assert record.who == "head" and record.details() == [("启用", "是 → 否")]
    bureau.address = "某县人民路1号"
    bureau.save()  # outside any request: the system (an import, the demo)
    assert _last(bureau).who == "系统"


def test_roles_given_and_taken_away_in_admin_are_recorded(client, admin_user, bureau, clerk):
    client.force_login(admin_user)
    role = Membership.objects.get(user=clerk, agency=bureau)
    form = _agency_form(
        bureau,
        **{
            "memberships-TOTAL_FORMS": "2",
            "memberships-INITIAL_FORMS": "1",
            "memberships-0-id": role.pk,
            "memberships-0-agency": bureau.pk,
            "memberships-0-user": clerk.pk,
            "memberships-0-role": role.role,
            "memberships-0-DELETE": "on",
            "memberships-1-agency": bureau.pk,
            "memberships-1-user": clerk.pk,
            "memberships-1-role": "reviewer",
        },
    )
    r = client.post(f"/admin/agencies/agency/{bureau.pk}/change/", form)
    assert r.status_code == 302, r.content.decode()[:2000]
    records = ChangeRecord.objects.filter(agency=bureau, by=admin_user).order_by("id")
    shown = {(r.action, label, change) for r in records for label, change in r.details()}
    assert ("删除人员角色", "角色", "经办人 → （空）") in shown
    assert ("新增人员角色", "角色", "（空） → 审核人") in shown
    assert ("新增人员角色", "用户", "（空） → clerk") in shown


def test_a_person_deactivated_and_reset_is_recorded_without_the_password(client, admin_user, clerk):
    client.force_login(admin_user)
    r = client.post(
        f"/admin/auth/user/{clerk.pk}/password/",
        {"password1": "Xq7-long-enough-2026", "password2": "Xq7-long-enough-2026"},
    )
    assert r.status_code == 302
    clerk.refresh_from_db()
    record = _last(clerk)
    assert record.by == admin_user and record.details() == [("密码", "（不显示） → （已重设）")]
    assert clerk.password not in json.dumps(record.changes)
    with acting_as(admin_user):
        clerk.is_active = False
        clerk.save()
    assert ("有效", "是 → 否") in _last(clerk).details()
    changelist = client.get("/admin/auth/user/").content.decode()
    assert "delete_selected" not in changelist


def test_signing_in_leaves_no_trail(client, clerk):
    before = ChangeRecord.objects.count()
    assert client.post("/login/", {"username": "clerk", "password": "pw-clerk"}).status_code == 302
    assert ChangeRecord.objects.count() == before


def test_an_agency_with_a_trail_cannot_be_deleted_even_outside_the_admin(bureau):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        Agency.objects.filter(pk=bureau.pk).delete()


def test_a_change_the_staff_page_records_in_its_own_terms_is_recorded_once(bureau, head):
    from gongkai.office.agencies import staff

    first = ChangeRecord.objects.count()
    person = staff.add(
        bureau,
        head,
        username="newbie",
        first_name="新人",
        email="",
        password="Xq7-long-enough-2026",
        roles=["clerk"],
    )
    staff.reset_password(person, bureau, head, "Another-long-pass-2026")
    staff.change(person, bureau, head, first_name="新人甲", email="", roles=["reviewer"])
    actions = list(ChangeRecord.objects.order_by("id").values_list("action", flat=True))
    assert actions[first:] == ["添加人员", "重置密码", "修改人员"]


def test_an_agency_letter_template_replaced_on_its_page_is_recorded(client, bureau, clerk):
    import io

    from docx import Document

    from gongkai.office.notices.models import NoticeTemplate

    def upload(text):
        doc, out = Document(), io.BytesIO()
        doc.add_paragraph(text)
        doc.save(out)
        out.seek(0)
        out.name = "答复模板.docx"
        return out

    Membership.objects.create(user=clerk, agency=bureau, role="admin")
    client.force_login(clerk)
    url = "/office/notices/templates/"
    for text in ("第一版：{{ 答复内容 }}", "第二版：{{ 答复内容 }}"):
        form = {"agency": bureau.pk, "kind": "reply", "file": upload(text)}
        assert client.post(url, form).status_code == 302
    template = NoticeTemplate.objects.get(agency=bureau)
    first, second = trail.of(template)
    assert first.action == "新增文书模板" and second.action == "修改文书模板"
    assert second.by == clerk and second.agency == bureau
    [(label, change)] = second.details()
    old, new = change.split(" → ")
    assert label == "模板文件（DOCX）" and old != new and new == template.file.name
