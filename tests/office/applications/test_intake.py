"""Intake (条例第二十九、三十一条): the form accepts a complete application, refuses missing or
impossible fields with a form error (never a 500), and sets the legal receipt date by channel."""

import datetime as dt

import pytest

from gongkai.office.applications.models import Application

URL = "/office/cases/new/"


def form_data(bureau, **overrides):
    data = {
        "agency": bureau.pk,
        "number": "",
        "channel": "in_person",
        "arrived_on": "2024-12-02",
        "received_on": "",
        "applicant_category": "commercial_enterprise",
        "applicant_subtype": "有限责任公司",
        "applicant_name": "某某建材有限公司",
        "id_number": "91110000MA00000000",
        "contact": "010-12345678",
        "request_text": "某地块出让合同",
        "delivery_form": "纸质，邮寄",
    }
    data.update(overrides)
    return data


@pytest.fixture
def logged_in(client, clerk):
    client.force_login(clerk)
    return client


def test_in_person_application_is_received_on_arrival(logged_in, bureau):
    response = logged_in.post(URL, form_data(bureau))
    case = Application.objects.get()
    assert response.status_code == 302 and response.url == f"/office/cases/{case.pk}/"
    assert case.received_on == dt.date(2024, 12, 2) and case.status == "registered"
    assert case.number == "2024-0001"
    assert case.due_on == dt.date(2024, 12, 30)


def test_numbers_follow_on_per_agency_and_year(make_case, bureau):
    assert [make_case().number, make_case().number] == ["2024-0001", "2024-0002"]


def test_online_application_waits_for_confirmation(logged_in, bureau, clerk):
    logged_in.post(URL, form_data(bureau, channel="online"))
    case = Application.objects.get()
    assert case.received_on is None and case.status == "received" and case.due_on is None
    response = logged_in.post(f"/office/cases/{case.pk}/confirm/", {"confirm-on": "2024-12-03"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.received_on == dt.date(2024, 12, 3) and case.due_on == dt.date(2024, 12, 31)


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("arrived_on", "2025-02-30", "有效的日期"),
        ("arrived_on", "", "必填"),
        ("applicant_name", "", "必填"),
        ("request_text", "", "必填"),
        ("applicant_category", "martian", "选择"),
        ("arrived_on", "2999-01-01", "不能晚于今天"),
    ],
)
def test_missing_or_impossible_fields_are_form_errors(logged_in, bureau, field, value, message):
    response = logged_in.post(URL, form_data(bureau, **{field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Application.objects.exists()


def test_receipt_date_before_arrival_is_refused(logged_in, bureau):
    response = logged_in.post(URL, form_data(bureau, channel="fax", received_on="2024-11-30"))
    assert response.status_code == 400 and "不能早于到达日期" in response.content.decode()


def test_in_person_receipt_date_must_be_the_arrival_date(logged_in, bureau):
    response = logged_in.post(URL, form_data(bureau, received_on="2024-12-05"))
    assert response.status_code == 400 and "第三十一条" in response.content.decode()


def test_duplicate_number_is_a_form_error(logged_in, bureau):
    logged_in.post(URL, form_data(bureau, number="A-1"))
    response = logged_in.post(URL, form_data(bureau, number="A-1"))
    assert response.status_code == 400 and "A-1" in response.content.decode()
    assert Application.objects.count() == 1


def test_cannot_register_for_another_agency(logged_in, town):
    response = logged_in.post(URL, form_data(town))
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_supervisor_cannot_open_intake(client, supervisor):
    client.force_login(supervisor)
    assert client.get(URL).status_code == 403


def test_event_dates_in_the_future_are_form_errors(logged_in, make_case):
    case = make_case(channel="online")
    response = logged_in.post(f"/office/cases/{case.pk}/confirm/", {"confirm-on": "9999-12-31"})
    assert response.status_code == 400 and "不能晚于今天" in response.content.decode()
    case.refresh_from_db()
    assert case.received_on is None


def test_a_year_without_calendar_data_is_explained_not_a_crash(logged_in, make_case):
    """A case from before 2004 (outside chinesecalendar), as an old database may hold though
    intake now refuses dates before 2019-05-15: the clock says why it stops."""
    from gongkai.office.applications.models import Application

    case = make_case()
    Application.objects.filter(pk=case.pk).update(
        arrived_on=dt.date(2003, 6, 2), received_on=dt.date(2003, 6, 2), due_on=None
    )
    page = logged_in.get(f"/office/cases/{case.pk}/").content.decode()
    assert "无法计算答复期限" in page
