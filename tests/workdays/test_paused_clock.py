"""条例第三十三条第三款: consultation time (第三十二条, 第三十四条) is not counted in the reply period."""

import datetime as dt

import pytest

from gongkai.workdays import add_working_days, shift_by_paused, working_days_between

D = dt.date
RECEIVED = D(2026, 3, 2)  # Monday
DEADLINE = add_working_days(RECEIVED, 20)  # 2026-03-30


def test_pause_of_k_working_days_moves_the_deadline_k_working_days():
    pause = (D(2026, 3, 5), D(2026, 3, 12))  # letter Thu, answer next Thu: 5 working days
    assert working_days_between(*pause).days == 5
    assert shift_by_paused(DEADLINE, [pause]).date == add_working_days(DEADLINE, 5).date


def test_no_pause_no_shift():
    assert shift_by_paused(DEADLINE, []).date == DEADLINE.date == D(2026, 3, 30)


def test_overlapping_pauses_count_once():
    third_party = (D(2026, 3, 5), D(2026, 3, 12))
    other_agency = (D(2026, 3, 9), D(2026, 3, 16))  # overlaps; together Mar 6–16 = 7 working days
    assert (
        shift_by_paused(DEADLINE, [third_party, other_agency]).date
        == add_working_days(DEADLINE, 7).date
    )


def test_a_pause_still_running_at_the_deadline_keeps_the_clock_stopped():
    pause = (D(2026, 3, 27), D(2026, 4, 10))  # from the Friday before the deadline, past it
    # 1 working day was left after Mar 27 (Mar 30); the clock restarts after Apr 10
    assert shift_by_paused(DEADLINE, [pause]).date == D(2026, 4, 13)


def test_a_pause_after_the_deadline_changes_nothing():
    assert shift_by_paused(DEADLINE, [(D(2026, 4, 1), D(2026, 4, 10))]).date == DEADLINE.date


def test_a_pause_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError):
        shift_by_paused(DEADLINE, [(D(2026, 3, 12), D(2026, 3, 5))])


def test_shift_into_an_unknown_year_is_provisional():
    late = add_working_days(D(2026, 11, 20), 20)
    assert not late.provisional
    shifted = shift_by_paused(late, [(D(2026, 11, 23), D(2026, 12, 7))])  # 10 working days
    assert shifted.provisional_years == (2027,)
    assert shifted.date == D(
        2027, 1, 4
    )  # 2026-12-31 is the 9th; 元旦 2027 off by the statutory rule
