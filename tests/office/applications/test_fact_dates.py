"""Item 8: an arrival before the 2019 条例 took effect (2019-05-15) or in the future is refused
in the intake form, the service, the online form's path, the ledger import and the appeal form."""

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db


def _intake(client, clerk, bureau, arrived):
    client.force_login(clerk)
    return client.post(
        "/office/cases/new/",
        {
            "agency": bureau.pk,
            "channel": "in_person",
            "arrived_on": arrived,
            "applicant_category": "natural_person",
            "applicant_name": "张三",
            "contact": "13800000000",
            "request_text": "某文件",
        },
    )


@pytest.mark.parametrize(
    "arrived, message",
    [("1999-03-01", "不能早于2019年5月15日"), ("2019-05-14", "不能早于2019年5月15日")],
)
def test_intake_refuses_dates_before_the_regulation(client, clerk, bureau, arrived, message):
    from gongkai.office.applications.models import Application

    response = _intake(client, clerk, bureau, arrived)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Application.objects.exists()


def test_intake_refuses_the_future_and_takes_the_first_day(client, clerk, bureau):
    tomorrow = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    assert "不能晚于今天" in _intake(client, clerk, bureau, tomorrow).content.decode()
    assert _intake(client, clerk, bureau, "2019-05-15").status_code == 302


def test_the_service_refuses_them_whatever_calls_it(make_case):
    from gongkai.office.applications.services import CaseError

    with pytest.raises(CaseError, match="不能早于2019年5月15日"):
        make_case(arrived_on=dt.date(2018, 1, 2))
    with pytest.raises(CaseError, match="不能晚于今天"):
        make_case(arrived_on=dt.date.today() + dt.timedelta(days=3))


def test_the_ledger_import_names_the_row(bureau):
    from gongkai.office.ledger.sheet import _Row

    row = _Row({"收到日期": "1999-03-01"}, facts=True)
    assert row.date("收到日期") is None
    assert row.problems == [
        "收到日期1999-03-01不能早于2019年5月15日（现行《中华人民共和国政府信息公开条例》施行之日）"
    ]


def test_the_appeal_form_refuses_them(client, clerk, bureau):
    client.force_login(clerk)
    response = client.post(
        "/office/appeals/new/",
        {"agency": bureau.pk, "number": "1", "kind": "review", "filed_on": "2001-01-01"},
    )
    assert "立案日期不能早于2019年5月15日" in response.content.decode()
