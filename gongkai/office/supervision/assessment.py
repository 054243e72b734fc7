"""Assessment (条例第四十六条: 考核): each agency of the roster scored for a year on weighted
indicators, every point with the evidence behind it.

An indicator answers a share from 0 to 1, or "not applicable" (no proactive items, no
application concluded, no appeal closed): a not-applicable indicator leaves the total, so an
agency is not marked down for what it had no occasion to do. Score = 100 × Σ weight × share /
Σ weight of the applicable indicators. The indicators and their default weights are gongkai's
[D: the national evaluators' schemes could not be read, domain-spec §4.8].
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from gongkai.office.appeals.models import Appeal

from .board import ON_TIME, BoardRow
from .models import Indicator
from .training import trainings_in_year

LABELS = {
    "report_on_time": "年度报告按期发布（第四十九条）",
    "no_error": "年度报告无错误",
    "proactive_on_time": "主动公开按时（第二十六条）",
    "replies_on_time": "依申请按期答复（第三十三条）",
    "appeals_corrected": "复议诉讼未被纠正",
    "training": "开展培训（第四十七条）",
}
DEFAULTS = {
    "report_on_time": 20,
    "no_error": 20,
    "proactive_on_time": 20,
    "replies_on_time": 20,
    "appeals_corrected": 10,
    "training": 10,
}


@dataclass(frozen=True)
class Point:
    code: str
    weight: int
    share: float | None  # None: not applicable
    evidence: str

    @property
    def label(self) -> str:
        return LABELS[self.code]

    @property
    def points(self) -> float | None:
        return None if self.share is None else round(self.weight * self.share, 2)


@dataclass(frozen=True)
class Score:
    agency: object
    points: list[Point]

    @property
    def total(self) -> float | None:
        applicable = [p for p in self.points if p.share is not None]
        weight = sum(p.weight for p in applicable)
        if not weight:
            return None
        return round(100 * sum(p.weight * p.share for p in applicable) / weight, 1)


def weights(office) -> dict[str, int]:
    """The indicators counted and their weights: the office's (a weight of 0 is not counted),
    or DEFAULTS while its 管理员 has set none."""
    kept = {i.code: i.weight for i in Indicator.objects.filter(office=office) if i.code in LABELS}
    if not kept:
        return dict(DEFAULTS)
    return {code: kept[code] for code in LABELS if kept.get(code)}


def _share(good: int, total: int) -> float | None:
    return None if total == 0 else good / total


def _report(row: BoardRow) -> tuple[Point, Point]:
    on_time = 1.0 if row.status == ON_TIME else 0.0
    where = f"{row.status_label}（期限{row.deadline}）"
    clean = 1.0 if row.found and row.errors == 0 else 0.0
    errors = f"{row.errors}处错误" if row.found else "未提交"
    return Point("report_on_time", 0, on_time, where), Point("no_error", 0, clean, errors)


def _proactive(agency, year: int, as_of: dt.date) -> tuple[float | None, str]:
    from gongkai.office.catalogue.late import timings

    found = timings(agency, year, as_of)
    late = sum(1 for t in found if t.lateness.late)
    return _share(len(found) - late, len(found)), f"主动公开{len(found)}条，逾期{late}条"


def _replies(agency, year: int) -> tuple[float | None, str]:
    from gongkai.office.applications.models import Application

    done = Application.objects.filter(
        agency=agency, concluded_on__year=year, due_on__isnull=False
    ).values_list("concluded_on", "due_on")
    late = sum(1 for concluded, due in done if concluded > due)
    return _share(len(done) - late, len(done)), f"办结{len(done)}件，超期{late}件"


def _appeals(agency, year: int) -> tuple[float | None, str]:
    closed = list(
        Appeal.objects.filter(agency=agency, closed_on__year=year)
        .exclude(result="")
        .values_list("result", flat=True)
    )
    corrected = closed.count("corrected")
    return _share(len(closed) - corrected, len(closed)), f"审结{len(closed)}件，纠正{corrected}件"


def _training(agency, year: int) -> tuple[float, str]:
    n = len(trainings_in_year(agency, year))
    return (1.0 if n else 0.0), f"培训{n}次"


def score(office, row: BoardRow, year: int, as_of: dt.date | None = None) -> Score:
    as_of = as_of or timezone.localdate()
    w = weights(office)
    agency = row.agency
    answers = {p.code: (p.share, p.evidence) for p in _report(row)}
    answers["proactive_on_time"] = _proactive(agency, year, as_of)
    answers["replies_on_time"] = _replies(agency, year)
    answers["appeals_corrected"] = _appeals(agency, year)
    answers["training"] = _training(agency, year)
    return Score(agency, [Point(c, w[c], *answers[c]) for c in LABELS if c in w])
