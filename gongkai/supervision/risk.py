"""Risk flags: what a supervising office looks at first, each with the evidence behind it.

A flag never stands alone: it says which cells, which rule or which other report it comes
from. The flags that a rule already answers (ERROR, Y-6 copied text, Y-4 swings, S-1 missing
parts, S-5 late) are read from the findings, so a flag and its rule never disagree; the
others compare a report with its region (`peers`: the other reports of the same year).

`own_flags` are what a report raises alone (a folder run's workers find them), `region_flags`
what its `Peer` raises against the region's (the parent, once every report is read).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..report.checks import Finding, Severity
from ..report.checks.naming import show
from ..report.formats import TABLE2_2021, TABLE3, TOTAL_COLUMN
from ..report.model import Report
from .shared_text import Peer, SentenceIndex, sentences

ERROR, COPIED, SHARED, APPEALS, CORRECTED, SWING, MISSING, LATE = (
    "error",
    "copied",
    "shared",
    "appeals_without_applications",
    "corrected_share",
    "swing",
    "missing_parts",
    "late",
)
LABELS = {
    ERROR: "有错误",
    COPIED: "正文与上年雷同",
    SHARED: "正文与其他机关雷同",
    APPEALS: "无申请却有复议诉讼",
    CORRECTED: "复议诉讼纠正比例畸高",
    SWING: "申请数大幅波动",
    MISSING: "缺少部分",
    LATE: "逾期发布",
}
#: an agency's 纠正 share is far above the region's when it is at least this many times the
#: region's and this much higher, over at least `MIN_APPEALS` cases [D: no official threshold]
CORRECTED_TIMES, CORRECTED_ABOVE, MIN_APPEALS = 2, 0.2, 3

_RULE_FLAGS = {"Y-6": COPIED, "Y-4": SWING, "S-1": MISSING, "S-5": LATE}
_TOTAL = TOTAL_COLUMN.key
_RECEIVED = (
    TABLE2_2021.cell_key("new_received", _TOTAL),
    TABLE2_2021.cell_key("carried_over_in", _TOTAL),
)
_APPEAL_TOTALS = tuple(TABLE3.cell_key(row, _TOTAL) for row in TABLE3.rows)
_CORRECTED = tuple(TABLE3.cell_key(row, "corrected") for row in TABLE3.rows)


@dataclass(frozen=True)
class Flag:
    code: str
    evidence: str  # Chinese: what was found, with the printed values
    cells: tuple[str, ...] = ()
    rule: str | None = None
    data: dict = field(default_factory=dict, compare=False)

    @property
    def label(self) -> str:
        return LABELS[self.code]


def peer(report: Report) -> Peer:
    return Peer(report.agency, sentences(report), _corrected(report))


class Region:
    """The reports of one year that a report is measured against (its peers), read once."""

    def __init__(self, reports: list[Report]):
        peers = [peer(r) for r in reports]
        self._peers = {id(r): p for r, p in zip(reports, peers, strict=True)}
        self._setup(peers)

    @classmethod
    def of(cls, peers: list[Peer]) -> Region:
        """A region of peers taken from reports read elsewhere (a folder run's workers)."""
        region = cls.__new__(cls)
        region._peers = {}
        region._setup(peers)
        return region

    def _setup(self, peers: list[Peer]) -> None:
        self.text = SentenceIndex(peers)
        self.appeals = [p.corrected for p in peers if p.corrected is not None]

    def peer_of(self, report: Report) -> Peer:
        """The report's own peer in the region, or a new one for a report outside it."""
        return self._peers.get(id(report)) or peer(report)


def flags(report: Report, findings: list[Finding], region: Region | None = None) -> list[Flag]:
    """Every flag the report raises; `region` holds the same year's reports (this one among
    them) for the flags that compare with other agencies."""
    out = own_flags(report, findings)
    return out if region is None else out + region_flags(region.peer_of(report), region)


def own_flags(report: Report, findings: list[Finding]) -> list[Flag]:
    """The flags a report raises alone: from its findings, and zero applications with appeals."""
    out = [_error_flag(findings)] if any(f.is_error for f in findings) else []
    for f in findings:
        code = _RULE_FLAGS.get(f.rule)
        if code and f.failed:
            out.append(Flag(code, f.message, f.cells, f.rule, _late(f) if code == LATE else {}))
    return out + _appeals_without_applications(report)


def region_flags(own: Peer, region: Region) -> list[Flag]:
    """The flags a report's peer raises against the region's (this peer among them)."""
    return _corrected_share(own, region) + [
        Flag(
            SHARED,
            f"正文有{s.share:.0%}与{s.other.agency or '另一机关'}的报告相同，如“{s.sentences[0]}”",
            data={"other": s.other.agency, "share": round(s.share, 3)},
        )
        for s in region.text.shared_with(own)
    ]


def _error_flag(findings: list[Finding]) -> Flag:
    errors = [f for f in findings if f.is_error]
    rules = "、".join(dict.fromkeys(f.rule for f in errors))
    cells = tuple(dict.fromkeys(k for f in errors for k in f.cells))
    return Flag(
        ERROR, f"{len(errors)}处错误（{rules}）：{errors[0].message}", cells, errors[0].rule
    )


def _late(f: Finding) -> dict:
    date, deadline = f.evidence.get("date"), f.evidence.get("deadline")
    if not date or not deadline:
        return {}
    days = (dt.date.fromisoformat(date) - dt.date.fromisoformat(deadline)).days
    return {"days": days}


def _sum(report: Report, keys) -> int | None:
    values = [report.value(k) for k in keys]
    return None if None in values else sum(values)


def _appeals_without_applications(report: Report) -> list[Flag]:
    if report.format.version not in ("2019", "2021"):
        return []
    received, appeals = _sum(report, _RECEIVED), _sum(report, _APPEAL_TOTALS)
    if received != 0 or not appeals:
        return []
    cells = (*_RECEIVED, *_APPEAL_TOTALS)
    shown = "；".join(show(report, k) for k in cells if report.value(k))
    return [
        Flag(
            APPEALS,
            f"本年新收和上年结转的申请均为0，却有行政复议、行政诉讼{appeals}件：{shown}",
            cells,
        )
    ]


def _corrected(report: Report) -> tuple[int, int] | None:
    corrected, total = _sum(report, _CORRECTED), _sum(report, _APPEAL_TOTALS)
    return None if corrected is None or total is None else (corrected, total)


def _corrected_share(peer: Peer, region: Region) -> list[Flag]:
    own = peer.corrected
    if own is None or own[1] < MIN_APPEALS:
        return []
    counted = region.appeals
    corrected, total = sum(c for c, _ in counted), sum(t for _, t in counted)
    if not total or len(counted) < 2:
        return []
    share, mean = own[0] / own[1], corrected / total
    if share < CORRECTED_TIMES * mean or share - mean < CORRECTED_ABOVE:
        return []
    return [
        Flag(
            CORRECTED,
            f"复议、诉讼{own[1]}件中纠正{own[0]}件（{share:.0%}），"
            f"本地区{len(counted)}份报告合计{total}件中纠正{corrected}件（{mean:.0%}）",
            _CORRECTED + _APPEAL_TOTALS,
            data={"share": round(share, 3), "region": round(mean, 3)},
        )
    ]


__all__ = ["LABELS", "Flag", "Severity", "flags", "own_flags", "peer", "region_flags"]
