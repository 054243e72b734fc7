"""条例第二十六条: a 主动公开 item is public within 20 working days of the day it was formed or
changed. The deadline is the 20th working day after 生成日期 (the start day not counted,
domain-spec §6.2); a deadline that used an unconfirmed year's calendar is provisional.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gongkai.workdays import WorkdayResult, add_working_days, working_days_between

#: 条例第二十六条
PUBLICATION_WORKING_DAYS = 20
#: how far ahead the dashboard calls a deadline "due soon", in working days [D]
DUE_SOON_WORKING_DAYS = 5


class Deadlines:
    """Deadlines of one agency's items, each formed-on date counted once (an agency's year has
    at most 366 of them, its catalogue thousands of items)."""

    def __init__(self, overrides=None):
        self.overrides = overrides
        self._cache: dict[dt.date, WorkdayResult] = {}

    def of(self, formed_on: dt.date) -> WorkdayResult:
        if formed_on not in self._cache:
            self._cache[formed_on] = add_working_days(
                formed_on, PUBLICATION_WORKING_DAYS, self.overrides
            )
        return self._cache[formed_on]


@dataclass(frozen=True)
class Lateness:
    """How an item stands against its deadline on `as_of`."""

    deadline: WorkdayResult
    published_on: dt.date | None
    as_of: dt.date

    @property
    def published(self) -> bool:
        return self.published_on is not None and self.published_on <= self.as_of

    @property
    def late(self) -> bool:
        end = self.published_on if self.published else self.as_of
        return end > self.deadline.date

    @property
    def days_late(self) -> int:
        """Calendar days after the deadline (a Saturday publication after a Friday deadline: 1)."""
        end = self.published_on if self.published else self.as_of
        return max(0, (end - self.deadline.date).days)

    def working_days_late(self, overrides=None) -> int:
        end = self.published_on if self.published else self.as_of
        if end <= self.deadline.date:
            return 0
        return working_days_between(self.deadline.date, end, overrides).days

    def working_days_left(self, overrides=None) -> int:
        if self.published or self.as_of >= self.deadline.date:
            return 0
        return working_days_between(self.as_of, self.deadline.date, overrides).days


def deadline_label(deadline: WorkdayResult) -> str:
    """YYYY-MM-DD, with （暂定） when an unconfirmed year's calendar was used."""
    return deadline.date.isoformat() + ("（暂定）" if deadline.provisional else "")
