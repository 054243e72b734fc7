"""Whether the official calendar is known far enough ahead, and whole where confirmed.

Domain-spec §6.3 pitfall 6: the calendar changes every year (放假办法第七条, the yearly
notice), and a pinned package stops at its last year. Deadlines run up to 40 working days
plus pauses, so a year must be confirmed — by a newer `chinesecalendar` or by overrides
entered from the notice — before today + 60 days reaches it. Until then deadlines there
are provisional; this says so in time for someone to act, usually each November.
"""

from __future__ import annotations

import datetime as dt

from gongkai.workdays.calendar import (
    PACKAGE,
    PACKAGE_YEARS,
    OverridesLike,
    confirmed_years,
    is_workday,
    layered_overrides,
)
from gongkai.workdays.statutory import NoStatutoryRule, statutory_days_off

HORIZON_DAYS = 60


class CalendarCoverageWarning(UserWarning):
    """The official calendar is not known for a year that deadlines will soon reach."""


def unconfirmed_years_ahead(
    today: dt.date, overrides: OverridesLike = None, horizon_days: int = HORIZON_DAYS
) -> list[int]:
    """The years from today to today + `horizon_days` that no official calendar confirms."""
    last = today + dt.timedelta(days=horizon_days)
    known = confirmed_years(overrides)
    return [year for year in range(today.year, last.year + 1) if year not in known]


def calendar_coverage_warning(
    today: dt.date, overrides: OverridesLike = None, horizon_days: int = HORIZON_DAYS
) -> str | None:
    """A message naming the unconfirmed years within `horizon_days` of `today`, or None."""
    missing = unconfirmed_years_ahead(today, overrides, horizon_days)
    if not missing:
        return None
    years = "、".join(f"{year}年" for year in missing)
    return (
        f"工作日历未确认: {years}的放假安排在今后{horizon_days}天内就会用到，"
        f"但 {PACKAGE}（{PACKAGE_YEARS[0]}–{PACKAGE_YEARS[-1]}年）和覆盖文件都没有确认；"
        f"涉及该年的期限只能临时计算。请升级 chinesecalendar，或把国务院办公厅的放假通知"
        f"录入 gongkai/workdays/overrides.json 并在 confirmed_years 中列出该年。"
    )


def statutory_days_worked(overrides: OverridesLike = None) -> list[tuple[dt.date, str]]:
    """Statutory days off (放假办法第二条) that a year confirmed by overrides treats as working.

    A confirmed year's entries are meant to be the whole yearly notice; a 春节 weekday left
    out would silently become a working day. Returns (date, holiday) pairs to show the
    administrator; empty when every confirmed year has its statutory days off.
    """
    layered = layered_overrides(overrides)
    worked = []
    for year in sorted(layered.confirmed_years - set(PACKAGE_YEARS)):
        try:
            holidays = statutory_days_off(year)
        except NoStatutoryRule:
            continue
        worked += [
            (date, name) for date, name in sorted(holidays.items()) if is_workday(date, layered)
        ]
    return worked
