"""The staff API: a token made on the office page opens the cases the person may open on the
pages; applicants' data only for the holding agency's staff; revoked or missing tokens get a
401 in Chinese."""

import pytest

pytestmark = pytest.mark.django_db


def _token(user, name="对接"):
    from gongkai.office.api.models import ApiToken

    return ApiToken.issue(user, name)


def _get(client, url, token):
    return client.get(url, headers={"Authorization": f"Bearer {token}"})


def test_staff_see_their_cases_with_the_applicant(client, clerk, make_case):
    case = make_case()
    _, token = _token(clerk)
    data = _get(client, "/api/v1/cases/", token).json()
    assert data["count"] == 1 and data["pages"] == 1
    item = data["items"][0]
    assert item["number"] == case.number and item["applicant"]["name"] == "张三"
    assert item["status_label"] == "办理中" and item["channel_label"] == "当面提交"
    detail = _get(client, f"/api/v1/cases/{case.pk}/", token).json()
    assert detail["applicant"]["contact"] == "13800000000" and detail["events"] == []


def test_a_supervisor_sees_figures_but_no_applicant(client, supervisor, make_case):
    case = make_case()
    _, token = _token(supervisor)
    data = _get(client, "/api/v1/cases/", token)
    assert data.json()["items"][0]["applicant"] is None
    body = _get(client, f"/api/v1/cases/{case.pk}/", token).content.decode()
    assert "张三" not in body and "13800000000" not in body and "110101199001011234" not in body


def test_another_agencys_case_is_404(client, other_clerk, make_case):
    case = make_case()
    _, token = _token(other_clerk)
    assert _get(client, "/api/v1/cases/", token).json()["count"] == 0
    response = _get(client, f"/api/v1/cases/{case.pk}/", token)
    assert response.status_code == 404 and "张三" not in response.content.decode()


def test_missing_wrong_and_revoked_tokens_are_refused(client, clerk, make_case):
    make_case()
    record, token = _token(clerk)
    assert client.get("/api/v1/cases/").status_code == 401
    assert "令牌" in client.get("/api/v1/cases/").json()["detail"]
    assert _get(client, "/api/v1/cases/", token + "x").status_code == 401
    record.revoke()
    assert _get(client, "/api/v1/cases/", token).status_code == 401
    clerk.is_active = False
    clerk.save()
    _, again = _token(clerk)
    assert _get(client, "/api/v1/cases/", again).status_code == 401


def test_the_token_page_shows_a_token_once_and_revokes(client, clerk):
    from gongkai.office.api.models import ApiToken

    client.force_login(clerk)
    page = client.post("/office/api/", {"name": "统计系统"}).content.decode()
    record = ApiToken.objects.get(user=clerk)
    assert 'id="new-token"' in page and record.prefix in page
    token = page.split('id="new-token"')[1].split("<code>")[1].split("</code>")[0]
    assert _get(client, "/api/v1/cases/", token).status_code == 200
    again = client.get("/office/api/").content.decode()
    assert token not in again and "统计系统" in again
    client.post(f"/office/api/{record.pk}/revoke/")
    assert _get(client, "/api/v1/cases/", token).status_code == 401
    assert ApiToken.objects.get(pk=record.pk).revoked is not None  # kept, with its date


def test_filters_and_pages(client, clerk, make_case):
    import datetime as dt

    from gongkai.office.api.staff import PAGE_SIZE

    for i in range(PAGE_SIZE + 1):
        make_case(arrived_on=dt.date(2024, 3, 1) + dt.timedelta(days=i % 20))
    make_case(channel="online")
    _, token = _token(clerk)
    first = _get(client, "/api/v1/cases/", token).json()
    assert first["count"] == PAGE_SIZE + 2 and first["pages"] == 2
    assert len(first["items"]) == PAGE_SIZE
    assert len(_get(client, "/api/v1/cases/?page=2", token).json()["items"]) == 2
    waiting = _get(client, "/api/v1/cases/?status=received", token).json()
    assert waiting["count"] == 1 and waiting["items"][0]["status_label"] == "待确认收到"
