"""Years without a confirmed calendar: Monday–Friday minus the statutory days of
《全国年节及纪念日放假办法》第二条 (2024 revision), and every such result says it is provisional."""

import datetime as dt

import chinese_calendar
import pytest

from gongkai.workdays import CalendarUnknown, add_working_days, describe_day, working_days_between
from gongkai.workdays.statutory import statutory_days_off

D = dt.date


def test_year_end_crossing_is_provisional():
    result = add_working_days(D(2026, 12, 10), 20)
    assert result.provisional and result.provisional_years == (2027,)
    # 2026-12-11..31 give 15 working days; 2027-01-01 is 元旦; then Jan 4–8
    assert result.date == D(2027, 1, 8)


def test_deadline_inside_a_known_year_is_not_provisional():
    assert not add_working_days(D(2026, 11, 20), 20).provisional


def test_provisionality_survives_chaining():
    base = add_working_days(D(2026, 12, 20), 20)
    assert base.provisional
    assert add_working_days(base, 0).provisional_years == (2027,)


def test_counting_through_an_unknown_year_says_so():
    count = working_days_between(D(2026, 12, 25), D(2027, 1, 8))
    assert count.provisional_years == (2027,)
    assert count.days == 9  # Dec 28–31, then 元旦 off and a weekend, Jan 4–8


@pytest.mark.parametrize("year", [2025, 2026])
def test_rule_gives_the_statutory_days_the_official_calendar_has_off(year):
    """Under the 2024 revision the official 2025 and 2026 calendars have all 13 days off."""
    days = statutory_days_off(year)
    assert len(days) == 13
    assert [d for d in days if chinese_calendar.is_workday(d)] == []


def test_2027_statutory_days():
    days = statutory_days_off(2027)
    spring = [d for d, name in days.items() if name.startswith("春节")]
    assert spring == [
        D(2027, 2, 5),
        D(2027, 2, 6),
        D(2027, 2, 7),
        D(2027, 2, 8),
    ]  # 除夕 + 初一–初三
    assert days[D(2027, 6, 9)] == "端午节" and days[D(2027, 9, 15)] == "中秋节"
    assert {D(2027, 5, 1), D(2027, 5, 2), D(2027, 10, 1), D(2027, 10, 2), D(2027, 10, 3)} <= set(
        days
    )


def test_a_statutory_weekday_is_off_and_marked_provisional():
    day = describe_day(D(2027, 2, 8))  # 正月初三, a Monday
    assert not day.workday and day.provisional and "春节" in day.reason
    ordinary = describe_day(D(2027, 3, 9))
    assert ordinary.workday and ordinary.provisional


def test_middle_autumn_on_national_day_is_one_date():
    days = statutory_days_off(2028)
    assert len(days) == 12 and "中秋节" in days[D(2028, 10, 3)]


@pytest.mark.parametrize("trigger", [D(1999, 12, 1), D(2099, 12, 20)])
def test_no_calendar_at_all_is_an_error_not_a_guess(trigger):
    with pytest.raises(CalendarUnknown):
        add_working_days(trigger, 20)
