"""Dated corrections to the calendar that an administrator enters.

The yearly 国务院办公厅 notice on holiday arrangements (放假办法第七条: 调休 is set each year)
reaches the `chinese_calendar` package only with a new release; a regional holiday
(放假办法第四条: 少数民族习惯的节日, set by the local government) never does. An `Override`
says of one date whether it is a working day, with a note and the document it comes from.
A year is *confirmed* when the administrator has entered a whole notice for it: its days
off and make-up working days are then the entries, every other day follows Monday–Friday.

The Django side builds an `Overrides` from its database, the CLI from a file
(`overrides_file`); the calendar layers them over the package data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass


class OverridesError(ValueError):
    """Overrides that contradict themselves or cannot be read."""


@dataclass(frozen=True)
class Override:
    """One date: a working day (`workday=True`, e.g. 调休上班) or a day off."""

    date: dt.date
    workday: bool
    note: str = ""
    source: str = ""


class Overrides:
    """A set of `Override`s, at most one per date, and the years they confirm."""

    def __init__(self, entries: Iterable[Override] = (), confirmed_years: Iterable[int] = ()):
        self._by_date: dict[dt.date, Override] = {}
        for entry in entries:
            known = self._by_date.get(entry.date)
            if known is not None and known.workday != entry.workday:
                raise OverridesError(f"{entry.date.isoformat()}: 同一日期既标为工作日又标为休息日")
            self._by_date[entry.date] = entry
        self.confirmed_years = frozenset(int(year) for year in confirmed_years)

    @classmethod
    def coerce(cls, value: Overrides | Mapping[dt.date, bool] | None) -> Overrides:
        """Accept an `Overrides`, a plain mapping date → is-working-day, or None (empty)."""
        if value is None:
            return cls()
        if isinstance(value, Overrides):
            return value
        return cls(Override(date, bool(workday)) for date, workday in value.items())

    def merged(self, other: Overrides) -> Overrides:
        """These overrides with `other` laid on top: where both name a date, `other` wins."""
        combined = {**self._by_date, **other._by_date}
        return Overrides(combined.values(), self.confirmed_years | other.confirmed_years)

    def get(self, date: dt.date) -> Override | None:
        return self._by_date.get(date)

    def __iter__(self) -> Iterator[Override]:
        return iter(sorted(self._by_date.values(), key=lambda entry: entry.date))

    def __len__(self) -> int:
        return len(self._by_date)

    def __repr__(self) -> str:
        return f"Overrides({len(self)} entries, confirmed_years={sorted(self.confirmed_years)})"
