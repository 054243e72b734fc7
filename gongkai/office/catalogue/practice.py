"""Proactive-disclosure practice beyond the 条例 (domain-spec §5.10): interpretation published in
step with its document, consultation periods, time limits for answering public concerns, and
the 第四十四条 prompt when several applications ask for the same information."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils import timezone

from gongkai.report.normalize import norm
from gongkai.workdays import working_days_between

from .vocab import ConsultationKind, Disclosure, DocType, Stage

# ------------------------------------------------------------------ interpretation (三同步)


def missing_interpretations(agency, year: int):
    """国办发〔2016〕80号 (同步组织、同步审签、同步部署): the 行政规范性文件 published in `year`
    without an interpretation published on the same day."""
    from .models import Item

    same_day = Item.objects.filter(
        interprets=OuterRef("pk"),
        doc_type=DocType.INTERPRETATION,
        published_on=OuterRef("published_on"),
    )
    return (
        Item.objects.filter(
            agency=agency,
            doc_type=DocType.NORMATIVE,
            disclosure=Disclosure.PROACTIVE,
            stage=Stage.DONE,
            published_on__year=year,
        )
        .exclude(Exists(same_day))
        .order_by("published_on", "index_no")
    )


# ------------------------------------------------------------------ consultation periods

#: 《重大行政决策程序暂行条例》(国务院令第713号): generally not less than 30 days; 地方政府规章草案
#: not less than 30 days (法治政府建设 indicators, restated) [V, restated]
MIN_DAYS = {ConsultationKind.MAJOR_DECISION: 30, ConsultationKind.RULE_DRAFT: 30}
#: 行政规范性文件: not less than 7 working days, 30 days when closely tied to businesses'
#: operations [V, restated; the national source text not read]
NORMATIVE_WORKING_DAYS = 7
NORMATIVE_BUSINESS_DAYS = 30


def period_problem(c, overrides=None) -> str:
    """Why the consultation's period is too short ("" when it is long enough). The opening day
    is not counted (民法典第二百零一条); a shorter period with its reason stated is reported as
    such, not refused (重大行政决策: 因情况紧急等原因需要缩短期限的，应当予以说明)."""
    if c.closes_on < c.opens_on:
        return "截止日期早于开始日期"
    if c.kind == ConsultationKind.NORMATIVE_DRAFT and not c.concerns_business:
        got = working_days_between(c.opens_on, c.closes_on, overrides).days
        wanted, unit = NORMATIVE_WORKING_DAYS, "个工作日"
    else:
        got = (c.closes_on - c.opens_on).days
        wanted, unit = MIN_DAYS.get(c.kind, NORMATIVE_BUSINESS_DAYS), "日"
    if got >= wanted:
        return ""
    head = f"{ConsultationKind(c.kind).label}征求意见期限应不少于{wanted}{unit}，实际{got}{unit}"
    reason = c.shortened_reason.strip()
    return f"{head}；已说明缩短理由：{reason}" if reason else f"{head}，且未说明缩短理由"


def feedback_missing(c, today: dt.date) -> bool:
    """The consultation closed and what was adopted (采纳情况) is not yet published."""
    return c.closes_on < today and not (c.feedback.strip() and c.feedback_on)


# ------------------------------------------------------------------ responding to concerns

#: 国办发〔2016〕61号: 特别重大、重大突发事件 — authoritative information within 5 hours;
#: other 政务舆情 — a response within 48 hours [V, news reports of the documents]
EMERGENCY_HOURS = 5
OTHER_HOURS = 48


@dataclass(frozen=True)
class ConcernStanding:
    limit_hours: int
    due: dt.datetime
    answered: bool
    late: bool
    hours_taken: float | None

    @property
    def label(self) -> str:
        if self.answered:
            return "超时回应" if self.late else "按时回应"
        return "已超时未回应" if self.late else "待回应"


def concern_standing(concern, now: dt.datetime | None = None) -> ConcernStanding:
    now = now or timezone.now()
    limit = EMERGENCY_HOURS if concern.major_emergency else OTHER_HOURS
    due = concern.raised_at + dt.timedelta(hours=limit)
    if concern.responded_at:
        taken = (concern.responded_at - concern.raised_at).total_seconds() / 3600
        return ConcernStanding(limit, due, True, concern.responded_at > due, round(taken, 1))
    return ConcernStanding(limit, due, False, now > due, None)


# ------------------------------------------------------------------ 第四十四条

#: 条例第四十四条 says "多个申请人"; three is the threshold gongkai prompts at [D]
SAME_REQUEST_PROMPT = 3


def repeated_requests(agency, since: dt.date):
    """条例第四十四条: information asked for by several applications since `since` (the same
    text once spaces and punctuation width are folded), most asked first: (text, count)."""
    from gongkai.office.applications.models import Application

    counts: dict[str, list] = {}
    for text in Application.objects.filter(agency=agency, arrived_on__gte=since).values_list(
        "request_text", flat=True
    ):
        key = norm(text)
        if key:
            counts.setdefault(key, [text, 0])[1] += 1
    return sorted(
        ((text, n) for text, n in counts.values() if n >= SAME_REQUEST_PROMPT),
        key=lambda pair: -pair[1],
    )
