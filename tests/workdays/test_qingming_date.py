"""清明 (solar longitude 15°, Beijing time), computed for provisional years, against chinese_calendar."""

import datetime as dt

import chinese_calendar
import pytest

from gongkai.workdays.qingming import qingming, qingming_instant


def _package_qingming(year):
    terms = chinese_calendar.get_solar_terms(dt.date(year, 4, 1), dt.date(year, 4, 30))
    return next(date for date, name in terms if name == "清明")


@pytest.mark.parametrize("year", range(2008, 2027))
def test_qingming_is_a_day_of_the_official_qingming_holiday(year):
    """The 清明 holiday exists since 2008; chinese_calendar lists its days off per year."""
    holiday = {
        d
        for d, name in chinese_calendar.holidays.items()
        if d.year == year and name == chinese_calendar.Holiday.tomb_sweeping_day.value
    }
    assert qingming(year) in holiday


def test_qingming_matches_the_shouxing_formula_2004_to_2099():
    differing = [y for y in range(2004, 2100) if qingming(y) != _package_qingming(y)]
    assert differing == []


@pytest.mark.parametrize(
    "year, date",
    [
        (2024, dt.date(2024, 4, 4)),
        (2026, dt.date(2026, 4, 5)),
        (2027, dt.date(2027, 4, 5)),
        (2028, dt.date(2028, 4, 4)),
    ],
)
def test_known_years(year, date):
    assert qingming(year) == date


def test_instant_is_close_to_the_published_2024_moment():
    # 2024年清明: 4月4日15时02分 (Beijing time); the method is good to about 15 minutes
    published = dt.datetime(2024, 4, 4, 15, 2)
    assert abs(qingming_instant(2024) - published) < dt.timedelta(minutes=15)
