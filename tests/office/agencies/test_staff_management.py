"""人员管理 for an agency's 管理员: add staff, assign roles, reset passwords, deactivate (never
delete), each change kept old → new; nobody else reaches these pages."""

import pytest
from django.contrib.auth.models import User

from gongkai.office.agencies.models import Membership

pytestmark = pytest.mark.django_db
GOOD = "Zhuanyuan-2026!"


@pytest.fixture
def admin(bureau):
    user = User.objects.create_user("admin", password="pw-admin", first_name="赵管理")
    Membership.objects.create(user=user, agency=bureau, role="admin")
    return user


def signs_in(client, username, password) -> bool:
    response = client.post("/login/", {"username": username, "password": password})
    return response.status_code == 302


def new_person(client, bureau, **overrides):
    data = {
        "username": "wang",
        "first_name": "王经办",
        "email": "wang@example.cn",
        "roles": ["clerk"],
        "password": GOOD,
    } | overrides
    return client.post(f"/office/staff/{bureau.pk}/new/", data)


def test_an_administrator_adds_a_person_who_can_then_sign_in(client, admin, bureau):
    client.force_login(admin)
    assert new_person(client, bureau).status_code == 302
    wang = User.objects.get(username="wang")
    assert wang.first_name == "王经办" and wang.check_password(GOOD)
    assert list(Membership.objects.filter(user=wang).values_list("role", flat=True)) == ["clerk"]
    listed = client.get("/office/staff/").content.decode()
    assert "王经办" in listed and "经办人" in listed and "在职" in listed
    page = client.get(f"/office/staff/{bureau.pk}/{wang.pk}/").content.decode()
    assert "添加人员" in page and "角色：（空） → 经办人" in page and "赵管理" in page
    client.logout()
    assert signs_in(client, "wang", GOOD)


def test_bad_input_is_a_form_error_in_chinese(client, admin, bureau):
    client.force_login(admin)
    taken = new_person(client, bureau, username="admin")
    assert taken.status_code == 400 and "该登录名已被使用" in taken.content.decode()
    weak = new_person(client, bureau, password="12345678")
    assert weak.status_code == 400 and "密码" in weak.content.decode()
    no_role = new_person(client, bureau, roles=[])
    assert "请至少选择一个角色" in no_role.content.decode()
    odd = new_person(client, bureau, username="王 五")
    assert "登录名只能包含" in odd.content.decode()
    supervisor = new_person(client, bureau, roles=["supervisor"])
    assert supervisor.status_code == 400  # a 监督人 is named by the supervising level
    assert not User.objects.filter(username="wang").exists()


def test_roles_are_changed_and_the_change_is_kept(client, admin, clerk, bureau):
    client.force_login(admin)
    response = client.post(
        f"/office/staff/{bureau.pk}/{clerk.pk}/",
        {"first_name": "李经办", "email": "", "roles": ["clerk", "reviewer"]},
    )
    assert response.status_code == 302
    assert set(Membership.objects.filter(user=clerk).values_list("role", flat=True)) == {
        "clerk",
        "reviewer",
    }
    page = client.get(f"/office/staff/{bureau.pk}/{clerk.pk}/").content.decode()
    assert "经办人 → 经办人、审核人" in page and "姓名：（空） → 李经办" in page


def test_an_administrator_cannot_drop_their_own_admin_role(client, admin, bureau):
    client.force_login(admin)
    response = client.post(
        f"/office/staff/{bureau.pk}/{admin.pk}/", {"first_name": "赵管理", "roles": ["clerk"]}
    )
    assert response.status_code == 400 and "不能取消自己的管理员角色" in response.content.decode()


def test_a_password_is_reset_and_the_old_one_stops_working(client, admin, clerk, bureau):
    client.force_login(admin)
    response = client.post(f"/office/staff/{bureau.pk}/{clerk.pk}/password/", {"password": GOOD})
    assert response.status_code == 302
    clerk.refresh_from_db()
    assert clerk.check_password(GOOD) and not clerk.check_password("pw-clerk")
    page = client.get(f"/office/staff/{bureau.pk}/{clerk.pk}/").content.decode()
    assert "重置密码" in page and "原密码 → 已重置" in page and GOOD not in page
    weak = client.post(f"/office/staff/{bureau.pk}/{clerk.pk}/password/", {"password": "short"})
    assert weak.status_code == 400


def test_deactivated_never_deleted(client, admin, clerk, bureau, make_case):
    case = make_case()  # the clerk's name stays on what they did
    client.force_login(admin)
    client.post(f"/office/staff/{bureau.pk}/{clerk.pk}/active/", {"active": "0"})
    clerk.refresh_from_db()
    assert not clerk.is_active and User.objects.filter(pk=clerk.pk).exists()
    assert case.history.filter(by=clerk).exists()
    assert not signs_in(client, "clerk", "pw-clerk")
    client.force_login(admin)
    assert "已停用" in client.get("/office/staff/?state=inactive").content.decode()
    client.post(f"/office/staff/{bureau.pk}/{clerk.pk}/active/", {"active": "1"})
    clerk.refresh_from_db()
    assert clerk.is_active
    page = client.get(f"/office/staff/{bureau.pk}/{clerk.pk}/").content.decode()
    assert "停用人员" in page and "启用人员" in page


def test_a_person_with_roles_elsewhere_is_not_deactivated_from_here(
    client, admin, clerk, town, bureau
):
    Membership.objects.create(user=clerk, agency=town, role="clerk")
    client.force_login(admin)
    response = client.post(
        f"/office/staff/{bureau.pk}/{clerk.pk}/active/", {"active": "0"}, follow=True
    )
    assert "在其他机关也有角色" in response.content.decode()
    clerk.refresh_from_db()
    assert clerk.is_active


def test_only_the_agencys_administrator_manages_its_staff(
    client, clerk, head, other_clerk, supervisor, admin, town, bureau
):
    for user in (clerk, head, supervisor):
        client.force_login(user)
        assert client.get("/office/staff/").status_code == 403
        assert 'id="nav-staff"' not in client.get("/office/today/").content.decode()
    client.force_login(admin)
    assert 'id="nav-staff"' in client.get("/office/today/").content.decode()
    assert client.get(f"/office/staff/{town.pk}/new/").status_code == 404
    assert client.get(f"/office/staff/{bureau.pk}/{other_clerk.pk}/").status_code == 404
    assert "other_clerk" not in client.get("/office/staff/").content.decode()
