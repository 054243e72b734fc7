"""Editing a draft: a form loaded before someone else's save is refused with who saved and
nothing is overwritten; every saved edit is in the item's 修改记录 old → new, field by field,
with Chinese labels, who and the version."""

import pytest

from .conftest import new_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(bureau, clerk):
    return new_item(bureau, clerk)


def _edit_data(item, **changes):
    data = {
        "title": item.title,
        "summary": item.summary,
        "body": item.body,
        "formed_on": item.formed_on.isoformat(),
        "category": item.category,
        "doc_type": item.doc_type,
        "doc_number": item.doc_number,
        "disclosure": item.disclosure,
        "version": item.version,
    }
    data.update(changes)
    return data


def _second_clerk(bureau):
    from django.contrib.auth import get_user_model

    from gongkai.office.agencies.models import Membership

    user = get_user_model().objects.create_user("clerk2", password="x", first_name="李四")
    Membership.objects.create(user=user, agency=bureau, role="clerk")
    return user


def test_a_stale_edit_form_is_refused_and_names_who_saved(client, bureau, clerk, draft):
    from gongkai.office.catalogue.models import Item

    other = _second_clerk(bureau)
    loaded = _edit_data(draft)  # both open the edit page at version 0
    client.force_login(clerk)
    first = client.post(f"/office/catalogue/item/{draft.pk}/edit/", {**loaded, "title": "甲的标题"})
    assert first.status_code == 302
    client.force_login(other)
    second = client.post(
        f"/office/catalogue/item/{draft.pk}/edit/", {**loaded, "title": "乙的标题"}
    )
    page = second.content.decode()
    assert second.status_code == 400
    assert "已被修改" in page and "clerk" in page and "您的修改未保存" in page
    assert Item.objects.get(pk=draft.pk).title == "甲的标题"
    fresh = client.get(f"/office/catalogue/item/{draft.pk}/edit/").content.decode()
    assert 'name="version" value="1"' in fresh
    again = client.post(
        f"/office/catalogue/item/{draft.pk}/edit/",
        _edit_data(Item.objects.get(pk=draft.pk), title="乙的标题"),
    )
    assert again.status_code == 302 and Item.objects.get(pk=draft.pk).title == "乙的标题"


def test_every_changed_field_is_recorded_old_to_new(client, bureau, clerk, draft):
    from gongkai.office.audit import trail

    client.force_login(clerk)
    response = client.post(
        f"/office/catalogue/item/{draft.pk}/edit/",
        _edit_data(draft, title="关于宅基地审批的通知（修订）", doc_number="某政发〔2026〕1号"),
    )
    assert response.status_code == 302
    record = trail.latest(draft)
    assert record.action == "修改目录条目" and record.by == clerk and record.version == 1
    assert dict(record.details()) == {
        "名称": "关于农村宅基地审批的通知 → 关于宅基地审批的通知（修订）",
        "文号": "（空） → 某政发〔2026〕1号",
    }
    page = client.get(f"/office/catalogue/item/{draft.pk}/").content.decode()
    assert "修改记录" in page and "（空） → 某政发〔2026〕1号" in page
    draft.refresh_from_db()
    unchanged = client.post(f"/office/catalogue/item/{draft.pk}/edit/", _edit_data(draft))
    assert unchanged.status_code == 302
    assert trail.latest(draft).pk == record.pk  # saving nothing changed records nothing


def test_a_forged_version_is_a_form_error_not_a_crash(client, clerk, draft):
    client.force_login(clerk)
    response = client.post(
        f"/office/catalogue/item/{draft.pk}/edit/", _edit_data(draft, version="x")
    )
    assert response.status_code == 400 and "表单已失效" in response.content.decode()
