"""The administrator's catalogue screen: the 索引号 scheme (validated, versioned, audited; new
items are numbered by it) and the agency's own categories (added, 停用 and 启用 again, never
deleted; offered in the item form while active). Only the agency's 管理员."""

import datetime as dt

import pytest

from .conftest import new_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(bureau):
    from django.contrib.auth.models import User

    from gongkai.office.agencies.models import Membership

    user = User.objects.create_user("admin1", password="pw")
    Membership.objects.create(user=user, agency=bureau, role="admin")
    return user


def _url(bureau):
    return f"/office/catalogue/{bureau.pk}/setup/"


def _scheme(client, bureau, pattern, next_seq=1, version=0):
    return client.post(
        _url(bureau),
        {"form": "scheme", "pattern": pattern, "next_seq": next_seq, "version": version},
    )


def test_the_scheme_numbers_new_items_and_is_audited(client, bureau, admin, clerk):
    from gongkai.office.audit.models import ChangeRecord

    client.force_login(admin)
    assert _scheme(client, bureau, "11421081MB0000000X/{year}-{seq:04d}", 7).status_code == 302
    item = new_item(bureau, clerk, formed_on=dt.date(2026, 5, 1))
    assert item.index_no == "11421081MB0000000X/2026-0007"
    records = ChangeRecord.objects.filter(action="修改索引号规则")
    changes = {label: change for r in records for label, change in r.details()}
    assert {r.by for r in records} == {admin}
    assert changes["索引号格式"] == "{year}-{seq:05d} → 11421081MB0000000X/{year}-{seq:04d}"
    assert changes["下一个序号"] == "1 → 7"
    page = client.get(_url(bureau)).content.decode()
    assert "11421081MB0000000X/2026-0008" in page  # the example: the next number
    assert "修改索引号规则" in page


@pytest.mark.parametrize(
    "pattern,message",
    [
        ("{year}-", "须含序号 {seq}"),
        ("{year}-{seq", "花括号不成对"),
        ("{year}-{seq}-{month}", "不认识：month"),
        ("{}-{seq}", "不认识：{}"),
        ("{year}-{seq:.2}", "格式无效"),
        ("X" * 90 + "{seq:012d}", "超过100个字符"),
    ],
)
def test_a_bad_scheme_is_a_form_error(client, bureau, admin, pattern, message):
    from gongkai.office.catalogue.models import IndexScheme

    client.force_login(admin)
    response = _scheme(client, bureau, pattern)
    assert response.status_code == 400 and message in response.content.decode()
    assert IndexScheme.objects.get(agency=bureau).pattern == "{year}-{seq:05d}"


def test_a_stale_scheme_form_is_refused(client, bureau, admin):
    client.force_login(admin)
    assert _scheme(client, bureau, "A-{seq}", version=0).status_code == 302
    response = _scheme(client, bureau, "B-{seq}", version=0)
    assert response.status_code == 400 and "已被修改" in response.content.decode()


def test_own_categories_are_added_stopped_and_offered_while_active(client, bureau, admin, clerk):
    from gongkai.office.audit.models import ChangeRecord
    from gongkai.office.catalogue.forms import ItemForm
    from gongkai.office.catalogue.models import OwnCategory

    client.force_login(admin)
    add = {"form": "category", "name": " 乡村振兴专栏 "}
    assert client.post(_url(bureau), add).status_code == 302
    again = client.post(_url(bureau), add)
    assert again.status_code == 400 and "已有该类别" in again.content.decode()
    law = client.post(_url(bureau), {"form": "category", "name": "第二十一条"})
    assert law.status_code == 400 and "法定类别" in law.content.decode()
    category = OwnCategory.objects.get(agency=bureau)
    assert category.name == "乡村振兴专栏"
    assert "乡村振兴专栏" in dict(ItemForm(agency=bureau).fields["category"].choices)
    client.post(f"/office/catalogue/category/{category.pk}/toggle/")
    assert "乡村振兴专栏" not in dict(ItemForm(agency=bureau).fields["category"].choices)
    trail = ChangeRecord.objects.filter(
        agency=bureau, object_id=category.pk, action__contains="类别"
    )
    assert [(r.action, r.by) for r in trail] == [
        ("新增本机关目录类别", admin),
        ("修改本机关目录类别", admin),
    ]
    assert dict(trail.last().details()) == {"启用": "是 → 否"}
    assert OwnCategory.objects.filter(pk=category.pk).exists()  # never deleted


def test_an_item_keeps_a_stopped_category_in_its_form(bureau, clerk):
    from gongkai.office.catalogue.forms import ItemForm
    from gongkai.office.catalogue.models import OwnCategory

    OwnCategory.objects.create(agency=bureau, name="旧专栏", active=False)
    item = new_item(bureau, clerk, formed_on=dt.date(2026, 1, 5), category="旧专栏")
    assert "旧专栏" in dict(ItemForm(instance=item, agency=bureau).fields["category"].choices)


def test_only_the_agencys_administrator(client, bureau, clerk, admin):
    client.force_login(admin)
    assert 'id="catalogue-setup"' in client.get(f"/office/catalogue/{bureau.pk}/").content.decode()
    client.force_login(clerk)
    assert "catalogue-setup" not in client.get(f"/office/catalogue/{bureau.pk}/").content.decode()
    assert client.get(_url(bureau)).status_code == 403
    assert _scheme(client, bureau, "C-{seq}").status_code == 403
