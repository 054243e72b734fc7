"""Every public endpoint of the API, walked from its own OpenAPI schema on the demo county:
no applicant's name, identity number or contact, nor a commenter's on a consultation, in any
answer; the token-only endpoints answer nothing without a token."""

import io
import json

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def _fill(path: str, agencies, years) -> list[str]:
    """Every concrete URL of a schema path, from the demo's agencies and published years."""
    if "{agency_id}" not in path:
        return [path]
    urls = []
    for agency in agencies:
        one = path.replace("{agency_id}", str(agency))
        if "{year}" in one:
            urls += [one.replace("{year}", str(y)) for y in years[agency] + [2019, 2026]]
        else:
            urls.append(one)
    return urls


def test_public_endpoints_carry_no_personal_data(client):
    from gongkai.office.applications.models import Application
    from gongkai.office.catalogue.models import Comment
    from gongkai.office.demo import load_demo

    load_demo(out=io.StringIO())
    personal = {
        value
        for row in Application.objects.values_list("applicant_name", "id_number", "contact")
        for value in row
        if value
    }
    assert len(personal) > 20
    commenters = {v for row in Comment.objects.values_list("name", "contact") for v in row if v}
    assert len(commenters) > 3
    personal |= commenters
    schema = client.get("/api/v1/schema/").json()
    agencies = [a["id"] for a in client.get("/api/v1/agencies/").json()]
    years = {
        a: [r["year"] for r in client.get(f"/api/v1/agencies/{a}/reports/").json()]
        for a in agencies
    }
    assert all(years[a] == [2025, 2024] for a in agencies)
    walked = 0
    for path, item in schema["paths"].items():
        operation = item["get"]
        for url in _fill(path, agencies, years):
            response = client.get(url)
            if operation.get("security"):
                assert response.status_code == 401, url
            else:
                assert response.status_code in (200, 404), url
                walked += 1
            text = json.dumps(response.json(), ensure_ascii=False)
            found = [p for p in personal if p in text]
            assert found == [], (url, found[:3])
    assert walked >= 1 + 3 + 3 * 4 * 2 + 3  # the catalogue of each agency too
    assert "/api/v1/agencies/{agency_id}/catalogue/" in schema["paths"]
