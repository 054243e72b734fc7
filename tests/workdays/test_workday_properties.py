"""Properties of counting working days, over the confirmed years and the provisional ones."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.workdays import add_working_days, confirmed_years, describe_day, working_days_between

triggers = st.dates(min_value=dt.date(2004, 1, 1), max_value=dt.date(2030, 12, 31))
counts = st.integers(min_value=0, max_value=120)


@settings(max_examples=200, deadline=None)
@given(triggers, st.integers(min_value=1, max_value=120))
def test_result_is_a_working_day_strictly_after_the_trigger(trigger, n):
    result = add_working_days(trigger, n)
    assert result.date > trigger
    assert describe_day(result.date).workday


@settings(max_examples=200, deadline=None)
@given(triggers, counts)
def test_monotone_in_n(trigger, n):
    assert add_working_days(trigger, n).date < add_working_days(trigger, n + 1).date


@settings(max_examples=200, deadline=None)
@given(triggers, counts, counts)
def test_counting_in_two_steps_is_counting_once(trigger, n, m):
    assert (
        add_working_days(add_working_days(trigger, n).date, m).date
        == add_working_days(trigger, n + m).date
    )


@settings(max_examples=200, deadline=None)
@given(triggers, counts)
def test_between_inverts_add(trigger, n):
    result = add_working_days(trigger, n)
    count = working_days_between(trigger, result.date)
    assert count.days == n and count.provisional_years == result.provisional_years


@settings(max_examples=200, deadline=None)
@given(triggers, st.integers(min_value=1, max_value=120))
def test_provisional_exactly_when_a_counted_day_lies_in_an_unconfirmed_year(trigger, n):
    result = add_working_days(trigger, n)
    first_counted = trigger + dt.timedelta(days=1)
    walked = set(range(first_counted.year, result.date.year + 1))
    assert result.provisional_years == tuple(sorted(walked - confirmed_years()))
