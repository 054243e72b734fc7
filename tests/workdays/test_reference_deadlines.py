"""Domain-spec §6.2: reference deadlines, the trigger day not counted (民法典第二百零一条)."""

import datetime as dt

import pytest

from gongkai.workdays import add_working_days, working_days_between

D = dt.date

REFERENCE = [
    (D(2026, 9, 18), 20, D(2026, 10, 22)),
    (D(2026, 9, 18), 40, D(2026, 11, 19)),  # with the 第三十三条 extension
    (D(2025, 1, 20), 7, D(2025, 2, 5)),  # a correction notice period
    (D(2025, 1, 20), 20, D(2025, 2, 21)),
    (D(2026, 2, 10), 20, D(2026, 3, 16)),
    (D(2024, 12, 2), 20, D(2024, 12, 30)),
]


@pytest.mark.parametrize("trigger, n, deadline", REFERENCE)
def test_reference_deadline(trigger, n, deadline):
    result = add_working_days(trigger, n)
    assert result.date == deadline
    assert not result.provisional


@pytest.mark.parametrize("trigger, n, deadline", REFERENCE)
def test_counting_back_gives_n(trigger, n, deadline):
    assert working_days_between(trigger, deadline).days == n
    assert working_days_between(deadline, trigger).days == -n


def test_extension_chains_on_the_base_deadline():
    base = add_working_days(D(2026, 9, 18), 20)
    assert add_working_days(base, 20).date == D(2026, 11, 19)


def test_zero_days_is_the_trigger_itself():
    assert add_working_days(D(2026, 10, 3), 0).date == D(2026, 10, 3)


@pytest.mark.parametrize("n", [-1, 2.0, True, "3"])
def test_bad_count_is_refused(n):
    with pytest.raises(ValueError):
        add_working_days(D(2026, 1, 5), n)


def test_a_moment_is_refused_rather_than_cut_to_a_date():
    """A receipt at 07:00 Beijing time is the previous day in UTC: the caller must convert."""
    with pytest.raises(TypeError):
        add_working_days(dt.datetime(2026, 1, 5, 7, 0), 20)
