"""Which report is last year's: same agency, year − 1 (for the Y- rules in folder mode).

Agencies print their name with or without the city above them ("洪泽区人民政府" in 2023,
"淮安市洪泽区人民政府" in 2024), so a name also matches its longer form when what precedes
it is a place (ending in 省/市/州/县/区/盟/旗).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Generic, Protocol, TypeVar

from ..report.normalize import norm

_PLACE = re.compile(r"(省|自治区|市|州|盟|县|区|旗)$")


class Dated(Protocol):
    """A report, or what a folder run keeps of one: whose, and which year."""

    @property
    def agency(self) -> str | None: ...
    @property
    def year(self) -> int | None: ...


R = TypeVar("R", bound=Dated)


def same_agency(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    a, b = norm(a), norm(b)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.endswith(short) and bool(_PLACE.search(long[: -len(short)]))


def previous_of(report: R, reports: Iterable[R]) -> R | None:
    """Last year's report of the same agency among `reports`, or None."""
    if report.year is None:
        return None
    for other in reports:
        if (
            other is not report
            and other.year == report.year - 1
            and same_agency(report.agency, other.agency)
        ):
            return other
    return None


class YearIndex(Generic[R]):
    """Reports by year and by the endings of their agency's name, so that pairing thousands of
    reports looks at the few that can match instead of all of them."""

    def __init__(self, reports: Iterable[R]):
        self.by_key: dict[tuple[int, str], list[R]] = {}
        self.position: dict[int, int] = {}
        for n, r in enumerate(reports):
            self.position[id(r)] = n
            if r.year is None or not r.agency:
                continue
            for ending in _endings(norm(r.agency)):
                self.by_key.setdefault((r.year, ending), []).append(r)

    def previous_of(self, report: R) -> R | None:
        if report.year is None or not report.agency:
            return None
        seen: list[R] = []
        for ending in _endings(norm(report.agency)):  # a shorter form is one of its endings
            seen += self.by_key.get((report.year - 1, ending), [])
        unique = {id(r): r for r in seen}.values()  # in the order given, as `previous_of` reads
        return previous_of(report, sorted(unique, key=lambda r: self.position[id(r)]))


def _endings(name: str) -> set[str]:
    """The name itself and its endings of 4 characters or more (the shorter forms it has)."""
    return {name, *(name[i:] for i in range(len(name) - 3))}
