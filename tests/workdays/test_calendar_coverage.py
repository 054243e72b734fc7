"""Domain-spec §6.3 pitfall 6: a reminder before deadlines reach a year with no confirmed calendar."""

import datetime as dt
import warnings

import pytest

from gongkai.workdays import CalendarCoverageWarning, Overrides, calendar_coverage_warning

D = dt.date


def test_no_warning_while_the_next_60_days_are_known():
    assert calendar_coverage_warning(D(2026, 10, 1)) is None
    assert calendar_coverage_warning(D(2026, 11, 1)) is None  # + 60 days = 2026-12-31


def test_warning_names_the_missing_year_once_it_is_within_60_days():
    message = calendar_coverage_warning(D(2026, 11, 2))  # + 60 days = 2027-01-01
    assert message and "2027年" in message and "overrides.json" in message


def test_confirming_the_year_by_overrides_silences_it():
    assert calendar_coverage_warning(D(2026, 11, 28), Overrides(confirmed_years=[2027])) is None


def test_every_missing_year_is_named():
    message = calendar_coverage_warning(D(2027, 12, 1), Overrides(confirmed_years=[2027]))
    assert "2028年" in message and "2027年" not in message


def test_calendar_is_confirmed_for_the_next_60_days():
    """The live reminder: warns, and xfails (never fails the run), naming the missing year.

    It cannot be a hard failure: on 2026-11-28 the 2027 calendar is in neither
    chinesecalendar 1.11.0 nor a committed overrides file, and no one can make it pass until
    the notice is published and entered in gongkai/workdays/overrides.json.
    """
    message = calendar_coverage_warning(dt.date.today())
    if message:
        warnings.warn(message, CalendarCoverageWarning, stacklevel=1)
        pytest.xfail(message)
