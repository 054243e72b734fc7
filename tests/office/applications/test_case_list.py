"""The case list filters: due within 5 working days, overdue, by status, and search."""

import datetime as dt

import pytest

from gongkai.office.applications import services

D = dt.date


@pytest.fixture
def today(monkeypatch):
    """Pin 'today' to Wednesday 2024-12-18 for the list."""
    from gongkai.office.applications import views

    monkeypatch.setattr(views.timezone, "localdate", lambda: D(2024, 12, 18))
    return D(2024, 12, 18)


def rows(client, query):
    page = client.get("/office/" + query).content.decode()
    return {n for n in ("2024-0001", "2024-0002", "2024-0003", "2024-0004") if n in page}


def test_filters(client, clerk, make_case, today):
    make_case(arrived_on=D(2024, 11, 18), request_text="A")  # 0001 due 2024-12-16: overdue
    make_case(arrived_on=D(2024, 11, 25), request_text="B")  # 0002 due 2024-12-23: within 5 wd
    make_case(arrived_on=D(2024, 12, 10), request_text="C")  # 0003 due 2025-01-07: later
    closed = make_case(arrived_on=D(2024, 11, 15), request_text="D")  # 0004 replied: not overdue
    services.reply(closed, D(2024, 12, 10), clerk, reply_type="granted")
    client.force_login(clerk)
    assert rows(client, "?due=overdue") == {"2024-0001"}
    assert rows(client, "?due=soon") == {"2024-0002"}
    assert rows(client, "?status=closed") == {"2024-0004"}
    assert rows(client, "?status=registered") == {"2024-0001", "2024-0002", "2024-0003"}
    assert rows(client, "?q=2024-0003") == {"2024-0003"}
    assert rows(client, "?q=张三") == {"2024-0001", "2024-0002", "2024-0003", "2024-0004"}
    assert rows(client, "?status=bogus&due=bogus") == {
        "2024-0001",
        "2024-0002",
        "2024-0003",
        "2024-0004",
    }


def test_a_long_list_is_paged_and_the_filters_follow_the_pages(client, clerk, make_case, today):
    from gongkai.office.applications.views import PAGE_SIZE

    for i in range(PAGE_SIZE + 3):
        make_case(arrived_on=D(2024, 11, 1) + dt.timedelta(days=i % 40), request_text=f"件{i}")
    client.force_login(clerk)
    first = client.get("/office/?status=registered").content.decode()
    assert first.count('<tr id="case-') == PAGE_SIZE
    assert "第 1 / 2 页" in first and 'href="?status=registered&amp;page=2"' in first
    second = client.get("/office/?status=registered&page=2").content.decode()
    assert second.count('<tr id="case-') == 3
    assert client.get("/office/?page=99").status_code == 200  # past the end: the last page
