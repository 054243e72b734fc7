"""Domain-spec §6.1: the 2024–2026 calendars (days off and 调休 make-up days) as the calendar sees them."""

import datetime as dt

import pytest

from gongkai.workdays import describe_day, is_workday

OFF = {
    2024: [
        "01-01",
        "02-10..02-17",
        "04-04..04-06",
        "05-01..05-05",
        "06-10",
        "09-15..09-17",
        "10-01..10-07",
    ],
    2025: ["01-01", "01-28..02-04", "04-04..04-06", "05-01..05-05", "05-31..06-02", "10-01..10-08"],
    2026: [
        "01-01..01-03",
        "02-15..02-23",
        "04-04..04-06",
        "05-01..05-05",
        "06-19..06-21",
        "09-25..09-27",
        "10-01..10-07",
    ],
}
MAKE_UP = {
    2024: ["02-04", "02-18", "04-07", "04-28", "05-11", "09-14", "09-29", "10-12"],
    2025: ["01-26", "02-08", "04-27", "09-28", "10-11"],
    2026: ["01-04", "02-14", "02-28", "05-09", "09-20", "10-10"],
}


def _dates(year, spans):
    for span in spans:
        first, _, last = span.partition("..")
        start = dt.date.fromisoformat(f"{year}-{first}")
        end = dt.date.fromisoformat(f"{year}-{last or first}")
        yield from (start + dt.timedelta(days=k) for k in range((end - start).days + 1))


def _year(year):
    off, make_up = set(_dates(year, OFF[year])), set(_dates(year, MAKE_UP[year]))
    start = dt.date(year, 1, 1)
    days = [start + dt.timedelta(days=k) for k in range((dt.date(year, 12, 31) - start).days + 1)]
    expected = {d: d in make_up or (d.weekday() < 5 and d not in off) for d in days}
    return expected, make_up


@pytest.mark.parametrize("year", sorted(OFF))
def test_every_day_of_the_year_matches_the_notice(year):
    expected, _ = _year(year)
    wrong = [d for d, workday in expected.items() if is_workday(d) != workday]
    assert wrong == []


@pytest.mark.parametrize("year", sorted(MAKE_UP))
def test_make_up_weekend_days_are_working_days(year):
    _, make_up = _year(year)
    assert all(d.weekday() >= 5 for d in make_up)
    assert all(is_workday(d) and not describe_day(d).provisional for d in make_up)
