"""The audit trail cannot be lost: no cascade deletes, no deleted people, every edit old → new,
stale forms refused instead of undoing another's edit."""

import datetime as dt

import pytest
from django.db.models import ProtectedError

from gongkai.office.applications.models import History
from gongkai.office.audit.models import AppendOnly, ChangeRecord

D = dt.date


@pytest.fixture
def admin_user(db):
    from django.contrib.auth.models import User

    return User.objects.create_superuser("root", password="pw-root")


def test_an_application_cannot_be_deleted_with_its_history(make_case, client, admin_user):
    case = make_case()
    with pytest.raises(ProtectedError):
        case.delete()
    client.force_login(admin_user)
    assert client.get(f"/admin/applications/application/{case.pk}/delete/").status_code == 403
    assert History.objects.filter(application=case).exists()


def test_a_person_who_acted_is_deactivated_not_deleted(make_case, clerk, client, admin_user):
    case = make_case()
    with pytest.raises(ProtectedError):
        clerk.delete()
    client.force_login(admin_user)
    assert client.get(f"/admin/auth/user/{clerk.pk}/delete/").status_code == 403
    assert case.history.get(action="登记申请").by.username == "clerk"


def test_a_change_record_is_never_rewritten(bureau):
    from gongkai.office.audit import trail

    record = trail.record(bureau, None, "新增机关", {})
    record.action = "篡改"
    with pytest.raises(AppendOnly):
        record.save()
    with pytest.raises(AppendOnly):
        record.delete()


def _appeal_form(appeal, **overrides):
    data = {
        "agency": appeal.agency_id,
        "application": "",
        "number": appeal.number,
        "kind": appeal.kind,
        "filed_on": appeal.filed_on.isoformat(),
        "result": "",
        "closed_on": "",
        "note": appeal.note,
        "version": appeal.version,
    }
    data.update(overrides)
    return data


@pytest.fixture
def appeal(bureau):
    from gongkai.office.appeals.models import Appeal

    return Appeal.objects.create(
        agency=bureau, number="（2025）复1号", kind="review", filed_on=D(2025, 1, 10)
    )


def test_an_appeal_edit_is_recorded_old_to_new_and_shown(client, clerk, appeal):
    client.force_login(clerk)
    r = client.post(
        f"/office/appeals/{appeal.pk}/",
        _appeal_form(
            appeal, result="corrected", closed_on="2025-03-01", note="复议机关责令重新答复"
        ),
    )
    assert r.status_code == 302
    record = ChangeRecord.objects.get(object_id=appeal.pk, action="修改复议诉讼案件")
    assert record.by == clerk
    assert ("结果", "（空） → 结果纠正") in record.details()
    assert ("审结日期", "（空） → 2025-03-01") in record.details()
    page = client.get(f"/office/appeals/{appeal.pk}/").content.decode()
    assert "（空） → 2025-03-01" in page and "clerk" in page


def test_a_stale_appeal_form_is_refused_and_keeps_the_other_edit(client, clerk, reviewer, appeal):
    stale = _appeal_form(appeal, note="经办人的备注")
    client.force_login(reviewer)
    assert (
        client.post(
            f"/office/appeals/{appeal.pk}/", _appeal_form(appeal, note="审核人的备注")
        ).status_code
        == 302
    )
    client.force_login(clerk)
    r = client.post(f"/office/appeals/{appeal.pk}/", stale)
    assert r.status_code == 400
    page = r.content.decode()
    assert "已被修改" in page and "reviewer" in page
    appeal.refresh_from_db()
    assert appeal.note == "审核人的备注"


def _report_form(version, **fields):
    return {"part1": "", "part5": "", "part6": "", "version": version, **fields}


def test_annual_draft_edits_are_recorded_per_cell_and_a_stale_form_is_refused(
    client, bureau, clerk, reviewer
):
    from gongkai.office.annual.models import AnnualReport

    url = f"/office/annual/{bureau.pk}/2025/"
    client.force_login(clerk)
    assert client.post(url, _report_form(0, t1__penalty__decisions="4")).status_code == 302
    client.force_login(reviewer)
    assert client.post(url, _report_form(1, t1__penalty__decisions="5")).status_code == 302
    client.force_login(clerk)
    r = client.post(url, _report_form(1, t1__penalty__decisions="6", part5="经办人的修改"))
    assert r.status_code == 400 and "已被修改" in r.content.decode()
    entry = AnnualReport.objects.get()
    assert entry.table1["t1.penalty.decisions"] == "5" and entry.part5 == ""
    last = ChangeRecord.objects.filter(object_id=entry.pk).latest("id")
    assert last.by == reviewer
    assert [c for c in last.details() if "4 → 5" in c[1]]
    page = client.get(url).content.decode()
    head, body = page.split("</head>")
    assert "4 → 5" in body and "4 → 5" not in head  # the trail is on the page, not in its title


def test_an_agency_setting_changed_in_admin_is_recorded(client, admin_user, bureau):
    client.force_login(admin_user)
    r = client.post(
        f"/admin/agencies/agency/{bureau.pk}/change/",
        {
            "name": bureau.name,
            "parent": bureau.parent_id,
            "kind": "department",
            "can_make_rules": "on",
            "is_active": "on",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert r.status_code == 302
    record = ChangeRecord.objects.get(object_id=bureau.pk, action="修改机关")
    assert record.by == admin_user and ("有规章制定权", "否 → 是") in record.details()


def test_an_agency_cannot_be_deleted_in_admin(client, admin_user, bureau):
    client.force_login(admin_user)
    assert client.get(f"/admin/agencies/agency/{bureau.pk}/delete/").status_code == 403


def test_admin_cannot_filter_or_search_on_personal_fields(client, admin_user, make_case):
    make_case(contact="13912345678")
    client.force_login(admin_user)
    base = "/admin/applications/application/"
    assert client.get(base + "?status__exact=registered").status_code == 200
    for probe in ("contact__startswith=139", "applicant_name__regex=^张", "id_number__contains=1"):
        r = client.get(f"{base}?{probe}")
        assert r.status_code == 400, probe
    # no search either: a phone number that matches nobody does not empty the list
    assert "2024-0001" in client.get(base + "?q=10000000000").content.decode()


def test_no_admin_page_deletes_a_record_with_history(admin_user, rf):
    """Every admin page of gongkai's records and people is guarded: only a role or a calendar
    override may be deleted (axes' lock records are deleted to unlock an account)."""
    from django.contrib import admin

    request = rf.get("/admin/")
    request.user = admin_user
    deletable = {
        model._meta.label
        for model, page in admin.site._registry.items()
        if page.has_delete_permission(request)
        and (model.__module__.startswith("gongkai.") or model._meta.label == "auth.User")
    }
    assert deletable == {"agencies.Membership", "agencies.CalendarOverride"}


def test_a_yes_no_and_a_moment_read_as_a_person_reads_them(settings):
    from gongkai.office.audit.trail import shown

    settings.TIME_ZONE = "Asia/Shanghai"
    assert shown(True) == "是" and shown(False) == "否" and shown(None) == "（空）"
    assert shown("2026-12-01T12:13:10.049629+00:00") == "2026-12-01 20:13"
    assert shown(0) == "0" and shown("/") == "/"
