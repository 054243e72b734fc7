"""Domain-spec §6.3 pitfall 2: a trigger on a weekend or holiday still counts from the next day.

chinese_calendar's find_workday first moves to a working day and counts from there, one day
too late; the rule (民事诉讼法第八十五条) counts the n-th working day after the trigger.
"""

import datetime as dt

import chinese_calendar
import pytest

from gongkai.workdays import add_working_days

D = dt.date


@pytest.mark.parametrize(
    "trigger, deadline, find_workday_says",
    [
        (D(2026, 3, 7), D(2026, 4, 3), D(2026, 4, 7)),  # a Saturday
        (D(2026, 10, 3), D(2026, 11, 3), D(2026, 11, 4)),  # 国庆 holiday
    ],
)
def test_trigger_on_a_day_off(trigger, deadline, find_workday_says):
    assert add_working_days(trigger, 20).date == deadline
    assert chinese_calendar.find_workday(20, trigger) == find_workday_says


def test_a_holiday_run_is_skipped_whole():
    # 2026-09-30 (Wed), then 10-01..10-07 off, 10-10 (Sat) a make-up working day
    assert add_working_days(D(2026, 9, 30), 1).date == D(2026, 10, 8)
    assert add_working_days(D(2026, 10, 9), 1).date == D(2026, 10, 10)
