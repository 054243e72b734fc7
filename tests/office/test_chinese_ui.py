"""Chinese throughout: codes shown as labels, people by name, error pages, the admin's name and
form labels with the full-width colon."""

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db


def test_history_and_events_show_labels_and_names(client, clerk, reviewer, make_case):
    from gongkai.office.applications import services

    clerk.first_name, reviewer.first_name = "李经办", "王审核"
    clerk.save()
    reviewer.save()
    case = make_case(arrived_on=dt.date(2024, 12, 2))
    services.request_extension(case, dt.date(2024, 12, 20), clerk, days=5, reason="调档")
    services.approve_extension(
        case, dt.date(2024, 12, 23), reviewer, notified_on=dt.date(2024, 12, 23)
    )
    services.fee_notice(case, dt.date(2024, 12, 24), clerk, method="per_item", amount=100)
    client.force_login(clerk)
    page = client.get(f"/office/cases/{case.pk}/").content.decode()
    assert "办理中 → 待缴费" in page and "awaiting_payment" not in page
    assert "收费方式：按件" in page and "per_item" not in page
    assert "已批准：是" in page and "False" not in page and "True" not in page
    assert "批准人：王审核" in page and ">李经办<" in page
    assert "当面提交" in page and "in_person" not in page


def test_error_pages_are_chinese(client, clerk):
    from django.template.loader import render_to_string

    missing = client.get("/office/no-such-page/")
    assert missing.status_code == 404 and "页面不存在" in missing.content.decode()
    client.force_login(clerk)
    refused = client.get("/office/notices/templates/")
    assert refused.status_code == 403 and "没有权限" in refused.content.decode()
    assert "系统出错" in render_to_string("500.html")
    assert "页面已过期" in render_to_string("403_csrf.html")


def test_the_admin_is_named_for_the_office(client):
    page = client.get("/admin/login/").content.decode()
    assert "政府信息公开 · 系统管理" in page and "Django" not in page


def test_form_labels_end_in_a_full_width_colon(client, clerk):
    client.force_login(clerk)
    page = client.get("/office/cases/new/").content.decode()
    assert "到达日期：</label>" in page and "到达日期:</label>" not in page
