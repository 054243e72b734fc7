"""The board's cost does not grow with the roster: a county of 10 agencies and one of 130 take
the same number of queries for a page, and only the page's 50 rows are completed."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.office.agencies.models import Agency


def _queries(client, county) -> int:
    with CaptureQueriesContext(connection) as run:
        page = client.get(f"/office/supervision/board/?office={county.pk}&year=2024&sort=name")
    assert page.status_code == 200
    return len(run.captured_queries)


def test_a_page_of_the_board_costs_the_same_queries_for_ten_or_a_hundred_agencies(
    client, county, supervisor
):
    client.force_login(supervisor)
    Agency.objects.bulk_create(
        [Agency(name=f"某县第{i:03d}局", kind="department", parent=county) for i in range(10)]
    )
    small = _queries(client, county)
    middle = Agency.objects.create(name="某县某局", kind="department", parent=county)
    Agency.objects.bulk_create(
        [Agency(name=f"某县某局第{i:03d}所", kind="department", parent=middle) for i in range(120)]
    )
    assert _queries(client, county) == small
    page = client.get(f"/office/supervision/board/?office={county.pk}&year=2024&page=3")
    assert page.content.decode().count('<tr id="agency-') == 132 - 100
