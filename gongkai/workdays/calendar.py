"""The Chinese working-day calendar and deadlines counted in working days.

Counting (domain-spec §6.2): 《民法典》第二百零一条 and 《民事诉讼法》第八十五条 — 期间开始的
时和日，不计算在期间内. A period of n working days therefore ends on the n-th working day
*after* the trigger day, whatever kind of day the trigger is; since only working days are
counted, the end never falls on a holiday (民法典第二百零三条 is met by construction).
The 条例 has no counting rule of its own, so this convention is derived [U as an OGI rule].

Which days are working days, in order of precedence:
1. an `Override` for that date (the caller's, then the file committed with gongkai);
2. the official calendar in `chinese_calendar` (statutory holidays and 调休 make-up days,
   2004–2026 in 1.11.0) — only `is_workday`; its `find_workday` and
   `get_workdays(include_weekends=False)` are wrong for this purpose (§6.3 pitfalls 2, 3);
3. a year confirmed by overrides: Monday–Friday, the entries being the whole notice;
4. otherwise *provisional*: Monday–Friday minus the statutory days of 放假办法第二条
   (`statutory`). Every result that used such a day carries `provisional_years`, so that
   nobody mistakes a guess for the official calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

import chinese_calendar

from gongkai.workdays.overrides import Overrides
from gongkai.workdays.overrides_file import bundled_overrides
from gongkai.workdays.statutory import NoStatutoryRule, statutory_days_off

PACKAGE_YEARS = range(min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year + 1)
PACKAGE = f"chinesecalendar {chinese_calendar.__version__}"

_DAY = dt.timedelta(days=1)

OverridesLike = Overrides | Mapping[dt.date, bool] | None


class CalendarUnknown(ValueError):
    """No calendar, official or provisional, can say whether this date is a working day."""


@dataclass(frozen=True)
class Day:
    """What the calendar knows of one date, and from where."""

    workday: bool
    provisional: bool
    reason: str


@dataclass(frozen=True)
class WorkdayResult:
    """A date reached by counting working days; provisional if an unconfirmed year was used."""

    date: dt.date
    provisional_years: tuple[int, ...] = ()

    @property
    def provisional(self) -> bool:
        return bool(self.provisional_years)


@dataclass(frozen=True)
class WorkdayCount:
    """A number of working days; provisional if an unconfirmed year was used."""

    days: int
    provisional_years: tuple[int, ...] = ()

    @property
    def provisional(self) -> bool:
        return bool(self.provisional_years)


def layered_overrides(overrides: OverridesLike = None) -> Overrides:
    """The committed overrides file with the caller's overrides on top."""
    return bundled_overrides().merged(Overrides.coerce(overrides))


def confirmed_years(overrides: OverridesLike = None) -> frozenset[int]:
    """Years whose official calendar is known: the package's and those confirmed by overrides."""
    return frozenset(PACKAGE_YEARS) | layered_overrides(overrides).confirmed_years


def describe_day(date: dt.date, overrides: OverridesLike = None) -> Day:
    """Whether `date` is a working day, whether that is provisional, and why."""
    return _describe(_calendar_date(date), layered_overrides(overrides))


def is_workday(date: dt.date, overrides: OverridesLike = None) -> bool:
    """Whether `date` is a working day. In an unconfirmed year the answer is provisional:
    use `describe_day` where that matters."""
    return describe_day(date, overrides).workday


def add_working_days(
    trigger: dt.date | WorkdayResult, n: int, overrides: OverridesLike = None
) -> WorkdayResult:
    """民法典第二百零一条: the n-th working day after `trigger`, the trigger day not counted.

    `trigger` may be an earlier result (a base deadline to extend, 条例第三十三条); its
    provisional years carry over.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"工作日数应为非负整数: {n!r}")
    walk = _Walk(overrides, trigger)
    date, counted = walk.start, 0
    while counted < n:
        date += _DAY
        counted += walk.workday(date)
    return walk.result(date)


def working_days_between(
    start: dt.date, end: dt.date, overrides: OverridesLike = None
) -> WorkdayCount:
    """The working days after `start` up to and including `end` (negative if `end` is earlier).

    The inverse of `add_working_days`: between(t, add(t, n).date) == n.
    """
    start, end = _calendar_date(start), _calendar_date(end)
    if end < start:
        count = working_days_between(end, start, overrides)
        return WorkdayCount(-count.days, count.provisional_years)
    walk = _Walk(overrides)
    days = sum(walk.workday(start + k * _DAY) for k in range(1, (end - start).days + 1))
    return WorkdayCount(days, walk.years())


def shift_by_paused(
    deadline: dt.date | WorkdayResult,
    pauses: Iterable[tuple[dt.date, dt.date]],
    overrides: OverridesLike = None,
) -> WorkdayResult:
    """条例第三十三条第三款: time spent consulting third parties (第三十二条) or other agencies
    (第三十四条) is not counted. A pause of k working days moves the deadline k working days on.

    Each pause is (start, end): the letter goes out on `start`, the answer arrives (or the
    15 working days lapse) on `end`; the paused days are the working days after `start` up to
    and including `end`, by the same rule as any period [D]. Overlapping pauses count once.
    Pauses must begin after the clock started. A pause still running after the original
    deadline keeps the clock stopped; one that begins after the shifted deadline has no effect.
    """
    walk = _Walk(overrides, deadline)
    paused = set()
    for start, end in pauses:
        start, end = _calendar_date(start), _calendar_date(end)
        if end < start:
            raise ValueError(f"中止期间的结束日早于开始日: {start} – {end}")
        paused.update(start + k * _DAY for k in range(1, (end - start).days + 1))
    owed = sum(walk.workday(day) for day in paused if day <= walk.start)
    date = walk.start
    while owed:
        date += _DAY
        if walk.workday(date) and date not in paused:
            owed -= 1
    return walk.result(date)


class _Walk:
    """One count over the calendar: the layered overrides, and the provisional years met."""

    def __init__(self, overrides: OverridesLike, origin: dt.date | WorkdayResult | None = None):
        self.overrides = layered_overrides(overrides)
        self.provisional: set[int] = set()
        if isinstance(origin, WorkdayResult):
            self.provisional.update(origin.provisional_years)
            origin = origin.date
        self.start = None if origin is None else _calendar_date(origin)

    def workday(self, date: dt.date) -> bool:
        day = _describe(date, self.overrides)
        if day.provisional:
            self.provisional.add(date.year)
        return day.workday

    def years(self) -> tuple[int, ...]:
        return tuple(sorted(self.provisional))

    def result(self, date: dt.date) -> WorkdayResult:
        return WorkdayResult(date, self.years())


def _calendar_date(value: dt.date) -> dt.date:
    """A plain date. A datetime is refused rather than cut: which calendar day a moment falls
    on depends on the time zone (a receipt at 07:00 Beijing time is the previous day in UTC),
    so the caller converts it in Asia/Shanghai time."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise TypeError(f"应为日期（datetime.date），请先按北京时间换算: {value!r}")
    return value


def _describe(date: dt.date, overrides: Overrides) -> Day:
    entry = overrides.get(date)
    if entry is not None:
        return Day(
            entry.workday, False, "覆盖: " + "，".join(filter(None, (entry.note, entry.source)))
        )
    if date.year in PACKAGE_YEARS:
        return _package_day(date)
    weekday = date.weekday() < 5
    if date.year in overrides.confirmed_years:
        return Day(weekday, False, f"{date.year}年已确认: 周一至周五为工作日")
    try:
        holiday = statutory_days_off(date.year).get(date)
    except NoStatutoryRule as error:
        raise CalendarUnknown(
            f"{date.isoformat()}: 不在 {PACKAGE} 的范围内，也没有覆盖数据; {error}"
        ) from None
    if holiday:
        return Day(False, True, f"临时: {holiday}（放假办法第二条），{date.year}年放假安排未确认")
    return Day(weekday, True, f"临时: {date.year}年放假安排未确认，按周一至周五计")


@cache  # the package data never change while running
def _package_day(date: dt.date) -> Day:
    off, name = chinese_calendar.get_holiday_detail(date)
    label = chinese_calendar.Holiday(name).chinese if name else ("周末" if off else "工作日")
    if name and not off:
        label += "调休上班"
    return Day(not off, False, f"{PACKAGE}: {label}")
