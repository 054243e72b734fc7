"""The Chinese working-day calendar: statutory holidays, 调休 make-up days, and deadlines
counted in working days (domain-spec §6). See `calendar` for the counting rule and the
order of the data sources, `statutory` for the provisional rule of unconfirmed years,
`overrides` for the dated corrections an administrator enters."""

from gongkai.workdays.calendar import (
    PACKAGE,
    PACKAGE_YEARS,
    CalendarUnknown,
    Day,
    WorkdayCount,
    WorkdayResult,
    add_working_days,
    confirmed_years,
    describe_day,
    is_workday,
    shift_by_paused,
    working_days_between,
)
from gongkai.workdays.coverage import (
    CalendarCoverageWarning,
    calendar_coverage_warning,
    statutory_days_worked,
)
from gongkai.workdays.overrides import Override, Overrides, OverridesError
from gongkai.workdays.overrides_file import load_overrides

__all__ = [
    "PACKAGE",
    "PACKAGE_YEARS",
    "CalendarUnknown",
    "Day",
    "WorkdayCount",
    "WorkdayResult",
    "add_working_days",
    "confirmed_years",
    "describe_day",
    "is_workday",
    "shift_by_paused",
    "working_days_between",
    "CalendarCoverageWarning",
    "calendar_coverage_warning",
    "statutory_days_worked",
    "Override",
    "Overrides",
    "OverridesError",
    "load_overrides",
]
