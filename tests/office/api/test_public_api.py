"""The public read API: agencies, published years, a year's cells (equal to the portal's JSON
download) and its full JSON; a 404 in Chinese while a year is unpublished; the schema."""

import datetime as dt
import json

import pytest

pytestmark = pytest.mark.django_db


def _publish(agency, user, year, on, reason=""):
    from gongkai.office.annual.publish import publish

    return publish(agency, year, user, on, reason)


def _reply(make_case, on, reply_type):
    from gongkai.office.applications import services

    case = make_case(arrived_on=on)
    services.reply(case, on + dt.timedelta(days=3), None, reply_type=reply_type)
    return case


def test_agencies_and_their_published_years(client, bureau, town, head):
    from gongkai.office.annual.models import AnnualReport

    _publish(bureau, head, 2024, dt.date(2025, 1, 20))
    AnnualReport.objects.create(agency=bureau, year=2025, part1="草稿")
    agencies = client.get("/api/v1/agencies/").json()
    assert {a["name"] for a in agencies} == {"某县人民政府", "某县自然资源局", "某镇人民政府"}
    mine = next(a for a in agencies if a["id"] == bureau.pk)
    assert mine["kind_label"] == "县级以上人民政府部门" and mine["parent_id"] == bureau.parent_id
    years = client.get(f"/api/v1/agencies/{bureau.pk}/reports/").json()
    assert [(y["year"], y["version"], y["published_on"]) for y in years] == [
        (2024, 1, "2025-01-20")
    ]
    assert client.get(years[0]["cells_url"]).status_code == 200
    assert client.get(years[0]["full_url"]).json()["year"] == 2024


def test_cells_of_a_published_year_are_the_portal_download(client, bureau, head, make_case):
    _reply(make_case, dt.date(2024, 3, 4), "granted")
    _reply(make_case, dt.date(2024, 5, 6), "not_held")
    _publish(bureau, head, 2024, dt.date(2025, 1, 20))
    api = client.get(f"/api/v1/agencies/{bureau.pk}/reports/2024/")
    assert api.status_code == 200
    data = api.json()
    assert data["agency"] == "某县自然资源局" and data["year"] == 2024
    assert len(data["table1"]) == 10 and len(data["table2"]) == 25 and len(data["table3"]) == 15
    assert data["table2"][0][0] == 2 and data["table2"][2][0] == 1  # 新收 2, 予以公开 1
    assert data["table1"][0] is None  # table 1 not entered: blank, not 0
    portal = client.get(f"/agency/{bureau.pk}/reports/2024/data.json")
    assert portal["Content-Disposition"].startswith("attachment")
    assert json.loads(portal.content) == data


def test_a_later_ledger_change_does_not_change_the_published_cells(client, bureau, head, make_case):
    _reply(make_case, dt.date(2024, 3, 4), "granted")
    _publish(bureau, head, 2024, dt.date(2025, 1, 20))
    before = client.get(f"/api/v1/agencies/{bureau.pk}/reports/2024/").json()
    _reply(make_case, dt.date(2024, 6, 3), "granted")  # recorded late, after publication
    assert client.get(f"/api/v1/agencies/{bureau.pk}/reports/2024/").json() == before


def test_unpublished_year_and_unknown_agency_are_404_in_chinese(client, bureau):
    from gongkai.office.annual.models import AnnualReport

    AnnualReport.objects.create(agency=bureau, year=2024, part1="草稿")
    for url in (
        f"/api/v1/agencies/{bureau.pk}/reports/2024/",
        f"/api/v1/agencies/{bureau.pk}/reports/2024/full/",
        f"/api/v1/agencies/{bureau.pk + 99}/reports/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert not response.json()["detail"].isascii()
    assert "尚未发布" in client.get(f"/api/v1/agencies/{bureau.pk}/reports/2024/").json()["detail"]
    bad = client.get(f"/api/v1/agencies/{bureau.pk}/reports/2024/?version=abc")
    assert bad.status_code == 422 and "version" in bad.json()["detail"]


def test_an_older_version_on_request(client, bureau, head, make_case):
    from gongkai.office.annual.models import AnnualReport

    _publish(bureau, head, 2024, dt.date(2025, 1, 20))
    entry = AnnualReport.objects.get(agency=bureau, year=2024)
    entry.table1 = {"t1.penalty.decisions": "7"}
    entry.save()
    _publish(bureau, head, 2024, dt.date(2025, 2, 1), reason="补录行政处罚数")
    url = f"/api/v1/agencies/{bureau.pk}/reports/2024/"
    assert client.get(url).json()["table1"][7] == 7
    assert client.get(url + "?version=1").json()["table1"][7] is None
    assert client.get(url + "?version=3").status_code == 404


def test_the_openapi_schema_lists_every_endpoint(client):
    schema = client.get("/api/v1/schema/").json()
    assert schema["info"]["title"] == "政府信息公开数据接口"
    assert {
        "/api/v1/agencies/",
        "/api/v1/agencies/{agency_id}/reports/",
        "/api/v1/agencies/{agency_id}/reports/{year}/",
        "/api/v1/agencies/{agency_id}/reports/{year}/full/",
        "/api/v1/cases/",
        "/api/v1/cases/{case_id}/",
    } <= set(schema["paths"])
