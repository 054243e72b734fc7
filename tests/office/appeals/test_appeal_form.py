"""行政复议 / 行政诉讼 cases (条例第五十一条), linked to the contested application of the same agency."""

import datetime as dt

import pytest

from gongkai.office.appeals.models import Appeal

D = dt.date


@pytest.fixture
def case(make_case):
    return make_case()


def post(client, **overrides):
    data = {
        "agency": "",
        "application": "",
        "number": "（2025）某复字第1号",
        "kind": "review",
        "filed_on": "2025-01-10",
        "result": "",
        "closed_on": "",
        "note": "",
    }
    data.update(overrides)
    return client.post("/office/appeals/new/", data)


def test_register_and_close_an_appeal(client, clerk, bureau, case):
    client.force_login(clerk)
    assert post(client, agency=bureau.pk, application=case.pk).status_code == 302
    appeal = Appeal.objects.get()
    assert appeal.application == case and appeal.result == ""
    response = client.post(
        f"/office/appeals/{appeal.pk}/",
        {
            "agency": bureau.pk,
            "application": case.pk,
            "number": appeal.number,
            "kind": "review",
            "filed_on": "2025-01-10",
            "result": "maintained",
            "closed_on": "2025-03-01",
            "note": "",
            "version": appeal.version,
        },
    )
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert (appeal.result, appeal.closed_on) == ("maintained", D(2025, 3, 1))
    assert "（2025）某复字第1号" in client.get(f"/office/cases/{case.pk}/").content.decode()


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"filed_on": "2025-13-01"}, "有效的日期"),
        ({"closed_on": "2025-01-01", "result": "corrected"}, "不能早于立案日期"),
        ({"result": "corrected"}, "同时填写"),
        ({"kind": "appeal_to_heaven"}, "选择"),
    ],
)
def test_bad_input_is_a_form_error(client, clerk, bureau, fields, message):
    client.force_login(clerk)
    response = post(client, agency=bureau.pk, **fields)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Appeal.objects.exists()


def test_application_of_another_agency_cannot_be_linked(client, other_clerk, town, case):
    client.force_login(other_clerk)
    response = post(client, agency=town.pk, application=case.pk)
    assert response.status_code == 400
    assert not Appeal.objects.exists()


def test_other_agency_sees_no_appeal(client, clerk, other_clerk, bureau):
    Appeal.objects.create(
        agency=bureau, number="（2025）诉1号", kind="litigation_direct", filed_on=D(2025, 2, 1)
    )
    client.force_login(other_clerk)
    assert "（2025）诉1号" not in client.get("/office/appeals/").content.decode()
    assert client.get(f"/office/appeals/{Appeal.objects.get().pk}/").status_code == 404


def test_a_reviewer_voids_an_appeal_entered_by_mistake(client, clerk, reviewer, bureau, case):
    from gongkai.office.annual.compile import compile_report
    from gongkai.report.formats import TABLE3, TOTAL_COLUMN

    client.force_login(clerk)
    post(client, agency=bureau.pk, application=case.pk)
    appeal = Appeal.objects.get()
    review_total = TABLE3.cell_key("review", TOTAL_COLUMN)
    assert compile_report(bureau, 2025).value(review_total) == 1
    # a clerk sees no void form and is refused
    assert "作废本案件" not in client.get(f"/office/appeals/{appeal.pk}/").content.decode()
    client.post(f"/office/appeals/{appeal.pk}/void/", {"void-reason": "重复登记"})
    assert Appeal.objects.exists()

    client.force_login(reviewer)
    assert "作废本案件" in client.get(f"/office/appeals/{appeal.pk}/").content.decode()
    response = client.post(f"/office/appeals/{appeal.pk}/void/", {"void-reason": "  "}, follow=True)
    assert not Appeal.objects.get().voided_at and "请说明更正的原因" in response.content.decode()
    client.post(f"/office/appeals/{appeal.pk}/void/", {"void-reason": "重复登记"})
    assert not Appeal.objects.exists() and Appeal.everything.get().void_reason == "重复登记"
    assert compile_report(bureau, 2025).value(review_total) == 0
    # the number is free again for the case entered properly
    assert post(client, agency=bureau.pk).status_code == 302
