"""The statutory days off of a year, by rule, for years whose yearly notice is not yet known.

《全国年节及纪念日放假办法》(2024年11月10日国务院令第795号修订) 第二条: 全体公民放假的节日
are 元旦 1 day (1 January), 春节 4 days (除夕, 正月初一至初三), 清明节 1 day, 劳动节 2 days
(1–2 May), 端午节 1 day (五月初五), 中秋节 1 day (八月十五), 国庆节 3 days (1–3 October):
13 days. The lunar dates come from `lunardate`, 清明 from `qingming`.

What the rule cannot know, and so does not guess: the 补假 of 第六条 (a holiday on a
weekend is made up on a working day) and the 调休 of 第七条, both placed by the yearly
国务院办公厅 notice. A count over such a year is therefore provisional and says so.
The revision is taken to apply from 2025 [U: the text says "自公布之日起施行"; the 2025
notice and package data are consistent with 2025-01-01]. Earlier years are not handled here:
`chinese_calendar` covers them.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from lunardate import LunarDate

from gongkai.workdays.qingming import qingming

FIRST_YEAR = 2025  # 国务院令第795号 in force for the whole year [U]
LAST_YEAR = 2099  # the last lunar year `lunardate` knows


class NoStatutoryRule(ValueError):
    """The year lies outside the years the 2024 rule and the lunar tables can serve."""


@cache
def statutory_days_off(year: int) -> dict[dt.date, str]:
    """放假办法第二条: the 13 statutory days off of `year`, date → holiday name.

    Two holidays may fall on one date (中秋节 on 1–3 October); the names are then joined
    and the year has fewer than 13 distinct dates, as the rule alone cannot place the day
    made up for it.
    """
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise NoStatutoryRule(
            f"{year}年: 没有可用的法定节日规则（仅支持 {FIRST_YEAR}–{LAST_YEAR} 年）"
        )
    spring = LunarDate(year, 1, 1).to_solar_date()
    day = dt.timedelta(days=1)
    named = [
        (dt.date(year, 1, 1), "元旦"),
        (spring - day, "春节（除夕）"),
        (spring, "春节"),
        (spring + day, "春节"),
        (spring + 2 * day, "春节"),
        (qingming(year), "清明节"),
        (dt.date(year, 5, 1), "劳动节"),
        (dt.date(year, 5, 2), "劳动节"),
        (LunarDate(year, 5, 5).to_solar_date(), "端午节"),
        (LunarDate(year, 8, 15).to_solar_date(), "中秋节"),
        (dt.date(year, 10, 1), "国庆节"),
        (dt.date(year, 10, 2), "国庆节"),
        (dt.date(year, 10, 3), "国庆节"),
    ]
    days: dict[dt.date, str] = {}
    for date, name in named:
        days[date] = f"{days[date]}、{name}" if date in days else name
    return days
