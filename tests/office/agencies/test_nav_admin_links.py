"""The navigation's 人员管理 and 文书模板 links show for a 管理员 only, and the page asks whether
the user is one once, not once per link."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.office.agencies.models import Membership


def _today(client):
    with CaptureQueriesContext(connection) as run:
        page = client.get("/office/today/")
    assert page.status_code == 200
    admin_checks = [
        q
        for q in run.captured_queries
        if "agencies_membership" in q["sql"] and "IN ('admin')" in q["sql"]
    ]
    return page.content.decode(), len(admin_checks)


def test_admin_links_for_an_admin_only_and_asked_once(client, clerk, bureau):
    client.force_login(clerk)
    page, asked = _today(client)
    assert 'id="nav-staff"' not in page and 'id="nav-notices"' not in page
    assert asked == 1
    Membership.objects.create(user=clerk, agency=bureau, role="admin")
    page, asked = _today(client)  # a new request: the answer is not kept from the last one
    assert 'id="nav-staff"' in page and 'id="nav-notices"' in page
    assert asked == 1
