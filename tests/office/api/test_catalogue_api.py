"""The catalogue in the public API and the portal's downloads: only what the portal shows
(published 主动公开 items, never a draft or a withheld one), the portal's fields, paginated and
searchable like the portal; the CSV and JSON downloads hold the same records as the API."""

import csv
import datetime as dt
import io
import json

import pytest

pytestmark = pytest.mark.django_db

FORMED = dt.date(2026, 3, 2)


def _item(agency, index_no, title, **more):
    from gongkai.office.catalogue.models import Item

    fields = {
        "formed_on": FORMED,
        "published_on": FORMED + dt.timedelta(days=3),
        "category": "第二十条第（一）项",
        "doc_type": "normative",
        "stage": "done",
        "disclosure": "proactive",
    }
    fields.update(more)
    return Item.objects.create(agency=agency, index_no=index_no, title=title, **fields)


@pytest.fixture
def catalogue(bureau):
    from gongkai.office.catalogue.search import index_items

    rule = _item(bureau, "A-001", "行政复议案件办理规定", doc_number="某资规〔2026〕1号")
    reading = _item(
        bureau, "A-002", "《行政复议案件办理规定》解读", doc_type="interpretation", interprets=rule
    )
    draft = _item(bureau, "A-003", "复议草稿", stage="draft", published_on=None)
    withheld = _item(
        bureau, "A-004", "复议内部研究", disclosure="withheld", withheld_reason="过程性信息"
    )
    index_items([rule, reading, draft, withheld])
    return rule, reading


def test_the_api_lists_published_items_with_the_portals_fields(client, bureau, catalogue):
    body = client.get(f"/api/v1/agencies/{bureau.pk}/catalogue/").json()
    assert (body["count"], body["page"], body["pages"]) == (2, 1, 1)
    assert [i["index_no"] for i in body["items"]] == ["A-002", "A-001"]
    rule = body["items"][1]
    assert rule == {
        "index_no": "A-001",
        "title": "行政复议案件办理规定",
        "category": "第二十条第（一）项",
        "doc_type": "行政规范性文件",
        "doc_number": "某资规〔2026〕1号",
        "formed_on": "2026-03-02",
        "published_on": "2026-03-05",
        "summary": "",
        "repealed_on": None,
        "expired_on": None,
        "interprets": None,
        "url": f"http://testserver/catalogue/{bureau.pk}/item/{catalogue[0].pk}/",
    }
    assert body["items"][0]["interprets"] == "A-001"
    assert client.get(rule["url"]).status_code == 200


def test_search_filters_and_pages_like_the_portal(client, bureau, catalogue):
    from gongkai.office.api.catalogue import PAGE_SIZE

    url = f"/api/v1/agencies/{bureau.pk}/catalogue/"
    assert [i["index_no"] for i in client.get(url, {"q": "解读"}).json()["items"]] == ["A-002"]
    assert client.get(url, {"q": "复议"}).json()["count"] == 2  # a two-character word
    assert client.get(url, {"year": "2025"}).json()["count"] == 0
    for n in range(PAGE_SIZE):
        _item(bureau, f"B-{n:03d}", f"通知{n}", formed_on=FORMED - dt.timedelta(days=n + 1))
    second = client.get(url, {"page": 2}).json()
    assert (second["count"], second["page"], second["pages"]) == (PAGE_SIZE + 2, 2, 2)
    assert len(second["items"]) == 2


def test_bad_requests_answer_in_chinese(client, bureau):
    missing = client.get("/api/v1/agencies/999999/catalogue/")
    assert missing.status_code == 404 and missing.json()["detail"] == "没有找到。"
    bad = client.get(f"/api/v1/agencies/{bureau.pk}/catalogue/", {"page": "x"})
    assert bad.status_code == 422 and "参数不正确" in bad.json()["detail"]


def test_the_endpoint_is_in_the_schema(client):
    paths = client.get("/api/v1/schema/").json()["paths"]
    operation = paths["/api/v1/agencies/{agency_id}/catalogue/"]["get"]
    assert not operation.get("security")


def test_the_portal_downloads_hold_the_apis_records(client, bureau, catalogue):
    api = client.get(f"/api/v1/agencies/{bureau.pk}/catalogue/").json()["items"]
    response = client.get(f"/catalogue/{bureau.pk}/catalogue.json")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert json.loads(response.content) == api
    response = client.get(f"/catalogue/{bureau.pk}/catalogue.csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff索引号,名称,类别,文种,文号,生成日期,公开日期")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r["索引号"] for r in rows] == ["A-002", "A-001"]
    assert rows[1]["废止日期"] == "" and rows[0]["解读对象（索引号）"] == "A-001"
    assert client.get(f"/catalogue/{bureau.pk}/catalogue.xml").status_code == 404
    filtered = client.get(f"/catalogue/{bureau.pk}/catalogue.json", {"q": "解读"})
    assert [i["index_no"] for i in json.loads(filtered.content)] == ["A-002"]
