"""Text one agency's report shares with other agencies' reports of the same year, beyond the
boilerplate every report carries.

The narrative is cut into sentences (whitespace and punctuation width normalised). A sentence
is boilerplate when it cites the 条例 as the basis of the report (the statutory opening), is
shorter than `MIN_SENTENCE` characters, or appears in more than half of the year's reports
and in at least three: what everyone writes is not copying. An index from sentence to reports
keeps a region of thousands of reports linear. The index holds each report's sentences and
agency (a `Peer`), not the report, so a folder run's region costs no more than its text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..report.checks.narrative_figures import flat
from ..report.model import Report
from ..report.record import Frozen

NARRATIVE_PARTS = (1, 5, 6)
MIN_SENTENCE = 12
SHARED = 0.5  # share of a report's own sentences found in one other report [D]
_SENTENCES = re.compile(r"[^。；;！!？?]+[。；;！!？?]?")
_STATUTORY = re.compile(
    r"(条例|第五十条|年度报告格式).{0,40}(编制|制定|发布)|本报告.{0,20}(编制|电子版)"
)


class Peer(Frozen):
    """What a region keeps of one report to compare it with the others."""

    agency: str | None
    sentences: frozenset[str]
    corrected: tuple[int, int] | None  # (纠正, 总计) of table 3, when both are numbers


@dataclass(frozen=True)
class Shared:
    other: Peer
    share: float  # of this report's own sentences, by length
    sentences: tuple[str, ...]


def sentences(report: Report) -> frozenset[str]:
    out = set()
    for n in NARRATIVE_PARTS:
        for s in _SENTENCES.findall(flat(report.text(n))):
            if len(s) >= MIN_SENTENCE and not _STATUTORY.search(s):
                out.add(s)
    return frozenset(out)


class SentenceIndex:
    """The sentences of a year's reports (their peers), and which peers carry each."""

    def __init__(self, peers: list[Peer]):
        self.carriers: dict[str, list[Peer]] = defaultdict(list)
        for p in peers:
            for s in p.sentences:
                self.carriers[s].append(p)
        self.common = {
            s for s, ps in self.carriers.items() if len(ps) * 2 > len(peers) and len(ps) >= 3
        }

    def shared_with(self, peer: Peer) -> list[Shared]:
        """The other peers that share at least `SHARED` of this one's own text."""
        own = peer.sentences - self.common
        size = sum(map(len, own))
        if not size:
            return []
        same: dict[int, list[str]] = defaultdict(list)
        by_id = {}
        for s in own:
            for other in self.carriers.get(s, ()):
                if other is not peer:
                    same[id(other)].append(s)
                    by_id[id(other)] = other
        found = []
        for key, shared in same.items():
            share = sum(map(len, shared)) / size
            if share >= SHARED:
                top = tuple(sorted(shared, key=len, reverse=True)[:3])
                found.append(Shared(by_id[key], share, top))
        return sorted(found, key=lambda s: -s.share)
