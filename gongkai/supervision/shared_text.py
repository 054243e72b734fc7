"""Text one agency's report shares with other agencies' reports of the same year, beyond the
boilerplate every report carries.

The narrative is cut into sentences (whitespace and punctuation width normalised). A sentence
is boilerplate when it cites the 条例 as the basis of the report (the statutory opening), is
shorter than `MIN_SENTENCE` characters, or appears in more than half of the year's reports
and in at least three: what everyone writes is not copying. An index from sentence to reports
keeps a region of thousands of reports linear.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..report.checks.narrative_figures import flat
from ..report.model import Report

NARRATIVE_PARTS = (1, 5, 6)
MIN_SENTENCE = 12
SHARED = 0.5  # share of a report's own sentences found in one other report [D]
_SENTENCES = re.compile(r"[^。；;！!？?]+[。；;！!？?]?")
_STATUTORY = re.compile(
    r"(条例|第五十条|年度报告格式).{0,40}(编制|制定|发布)|本报告.{0,20}(编制|电子版)"
)


@dataclass(frozen=True)
class Shared:
    other: Report
    share: float  # of this report's own sentences, by length
    sentences: tuple[str, ...]


def sentences(report: Report) -> set[str]:
    out = set()
    for n in NARRATIVE_PARTS:
        for s in _SENTENCES.findall(flat(report.text(n))):
            if len(s) >= MIN_SENTENCE and not _STATUTORY.search(s):
                out.add(s)
    return out


class SentenceIndex:
    """The sentences of a year's reports, and which reports carry each."""

    def __init__(self, reports: list[Report]):
        self.reports = reports
        self.of = {id(r): sentences(r) for r in reports}
        self.carriers: dict[str, list[Report]] = defaultdict(list)
        for r in reports:
            for s in self.of[id(r)]:
                self.carriers[s].append(r)
        self.common = {
            s for s, rs in self.carriers.items() if len(rs) * 2 > len(reports) and len(rs) >= 3
        }

    def shared_with(self, report: Report) -> list[Shared]:
        """The other reports that share at least `SHARED` of this report's own text."""
        own = (self.of.get(id(report)) or sentences(report)) - self.common
        size = sum(map(len, own))
        if not size:
            return []
        same: dict[int, list[str]] = defaultdict(list)
        by_id = {}
        for s in own:
            for other in self.carriers.get(s, ()):
                if other is not report:
                    same[id(other)].append(s)
                    by_id[id(other)] = other
        found = []
        for key, shared in same.items():
            share = sum(map(len, shared)) / size
            if share >= SHARED:
                top = tuple(sorted(shared, key=len, reverse=True)[:3])
                found.append(Shared(by_id[key], share, top))
        return sorted(found, key=lambda s: -s.share)
