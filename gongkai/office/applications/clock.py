"""The legal clock of an application: its reply due date, recomputed from the events every time.

A pure function of the application's dates, its events and the calendar overrides; nothing is
stored but the result. Every step of the computation is kept (DueDate.steps) so the case page
can show a person how the date came about. Working days are counted per domain-spec §6.2: the
trigger day is not counted, the period ends on the n-th working day after it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gongkai.workdays import (
    CalendarUnknown,
    add_working_days,
    shift_by_paused,
    working_days_between,
)

REPLY_WD = 20  # 条例第三十三条第二款: 20 working days from receipt
EXTENSION_MAX_WD = 20  # 条例第三十三条第二款: at most 20 more, approved and notified
CORRECTION_NOTICE_WD = 7  # 条例第三十条: one notice within 7 working days of receipt
CONSULTATION_WD = 15  # 条例第三十二条 (third party) and 第三十四条 (co-agency): answer within 15 wd
FEE_PAYMENT_WD = 20  # 国办函〔2020〕109号: pay within 20 wd from the day after the notice arrives

PARTIES = {"third_party": ("第三方", "第三十二条"), "agency": ("其他机关", "第三十四条")}


@dataclass
class DueDate:
    """`date` is None when the clock cannot run (no legal receipt date, awaiting a correction, or
    a fee notice unpaid while fees pause the clock); `paused` says the clock stands still now."""

    date: dt.date | None
    provisional: bool = False
    steps: list[str] = field(default_factory=list)
    paused: bool = False


def as_date(value) -> dt.date | None:
    """Event data is JSON: dates travel as ISO strings."""
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


class _Counter:
    """add_working_days with the overrides bound and provisional results remembered."""

    def __init__(self, calendar):
        self.calendar = calendar or None
        self.provisional = False

    def add(self, trigger: dt.date, n: int) -> dt.date:
        result = add_working_days(trigger, n, self.calendar)
        self.provisional |= bool(result.provisional)
        return result.date

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days d with start < d <= end: the days a pause takes out of the period."""
        count = working_days_between(start, end, self.calendar)
        self.provisional |= bool(count.provisional)
        return count.days

    def shift(self, deadline: dt.date, pauses: list[tuple[dt.date, dt.date]]) -> dt.date:
        result = shift_by_paused(deadline, pauses, self.calendar)
        self.provisional |= bool(result.provisional)
        return result.date


def _first(events, kind):
    return next((e for e in events if e.kind == kind), None)


def compute_deadline(
    application, events, calendar=None, *, fee_pauses_clock: bool = True
) -> DueDate:
    """条例第三十条至第三十五条: the reply due date of `application` given its `events`.

    clock start = the day the corrected application arrived, else the 第三十一条 receipt date;
    + 20 working days (第三十三条); + an approved extension of ≤ 20 working days (第三十三条);
    + the working days paused by consultations (第三十二、三十四条) and, when configured, by a fee
    notice until payment ([U] §5.5); a 第三十五条 delayed date replaces the result.
    """
    events = sorted(
        events,
        key=lambda e: (e.on, getattr(e, "at", None) or dt.datetime.min, getattr(e, "pk", 0) or 0),
    )
    steps: list[str] = []
    try:
        return _compute(application, events, _Counter(calendar), steps, fee_pauses_clock)
    except CalendarUnknown as exc:
        steps.append(f"无法计算答复期限：{exc}。请管理员在“工作日调整”中补充该年的安排。")
        return DueDate(None, steps=steps)


def _compute(application, events, clock, steps, fee_pauses_clock) -> DueDate:
    received = application.received_on
    if received is None:
        steps.append(
            "第三十一条：尚未确认收到申请之日（平常信函、网络、传真需与申请人确认），暂不计算答复期限。"
        )
        return DueDate(None, steps=steps)
    steps.append(f"收到申请之日：{received}（第三十一条）。")

    start = _correction(events, received, clock, steps)
    if start is None:
        return DueDate(None, clock.provisional, steps, paused=True)

    due = clock.add(start, REPLY_WD)
    steps.append(f"自 {start} 起第 {REPLY_WD} 个工作日：{due}（第三十三条第二款）。")
    due = _extension(events, due, clock, steps)
    due, open_pause = _pauses(events, start, due, clock, steps, fee_pauses_clock)
    if due is None:
        return DueDate(None, clock.provisional, steps, paused=True)

    delay = [e for e in events if e.kind == "art35_delay"]
    if delay:
        due = as_date(delay[-1].data.get("delayed_to"))
        steps.append(
            f"第三十五条：申请人说明理由合理但无法按期答复，机关确定并告知的延期答复日期：{due}。"
        )
    if clock.provisional:
        steps.append("注意：计算涉及尚无官方放假安排的年份，结果为暂定日期，公布安排后自动重算。")
    return DueDate(due, clock.provisional, steps, paused=open_pause)


def _correction(events, received, clock, steps):
    """条例第三十条: one correction notice within 7 wd; the period restarts when the corrected
    application arrives. Returns the clock start, or None while the correction is awaited."""
    notice_due = clock.add(received, CORRECTION_NOTICE_WD)
    notice = _first(events, "correction_notice")
    if notice is None:
        steps.append(
            f"如需补正，应于 {notice_due} 前一次性告知（第三十条，{CORRECTION_NOTICE_WD} 个工作日）。"
        )
        return received
    late = "，已超过第三十条规定的期限" if notice.on > notice_due else ""
    steps.append(f"{notice.on} 发出补正通知（应于 {notice_due} 前发出{late}）。")
    corrected = _first(events, "correction_received")
    if corrected is None:
        until = as_date(notice.data.get("correction_due"))
        steps.append(
            "等待申请人补正，答复期限暂停计算" + (f"；补正期限：{until}。" if until else "。")
        )
        return None
    steps.append(f"{corrected.on} 收到补正后的申请，答复期限自此重新起算（第三十条）。")
    return corrected.on


def _extension(events, due, clock, steps):
    """条例第三十三条第二款: one extension of at most 20 wd, approved and notified to the applicant."""
    approved = [e for e in events if e.kind == "extension" and e.data.get("approved")]
    if not approved:
        return due
    event = approved[0]
    days = min(int(event.data.get("days", EXTENSION_MAX_WD)), EXTENSION_MAX_WD)
    extended = clock.add(due, days)
    steps.append(
        f"{event.on} 经负责人同意延长 {days} 个工作日，并于 {as_date(event.data.get('notified_on'))} "
        f"告知申请人：{extended}（第三十三条第二款）。"
    )
    return extended


def _pause_spans(events, fee_pauses_clock, clock, steps):
    """The pauses as (start, end or None, latest end or None, label), in the order they began."""
    spans, current = [], None
    for event in events:
        if event.kind == "consultation_start":
            party, article = PARTIES.get(event.data.get("party"), PARTIES["third_party"])
            delivered = as_date(event.data.get("delivered_on")) or event.on
            latest = clock.add(delivered, CONSULTATION_WD)
            current = [
                event.on,
                None,
                latest,
                f"征求{party}意见（{article}，对方应于 {latest} 前答复）",
            ]
            spans.append(current)
        elif event.kind == "consultation_end" and current is not None:
            current[1] = event.on
            current = None
        elif event.kind == "fee_notice":
            if not fee_pauses_clock:
                steps.append(
                    f"{event.on} 发出收费通知；按设置，缴费期间不停止计算答复期限（[U] 未经确认）。"
                )
                continue
            served = as_date(event.data.get("served_on")) or event.on
            pay_by = clock.add(served, FEE_PAYMENT_WD)
            paid = next((e.on for e in events if e.kind == "fee_paid" and e.on >= event.on), None)
            spans.append(
                [
                    event.on,
                    paid,
                    None,
                    f"收费通知至缴费（申请人应于 {pay_by} 前缴费；暂停计算为 [U] 未经确认的做法）",
                ]
            )
    return spans


def _pauses(events, start, due, clock, steps, fee_pauses_clock):
    """条例第三十三条第三款: consultation time is not counted; fee time per setting ([U]).
    The shift itself is workdays.shift_by_paused over all pauses so far (overlaps count once)."""
    base, applied, open_pause = due, [], False
    for begin, end, latest, label in _pause_spans(events, fee_pauses_clock, clock, steps):
        if begin < start:
            continue
        if begin >= due:
            steps.append(f"{begin} {label}：开始于答复期限届满之后，不影响期限。")
            continue
        if end is None and latest is None:
            steps.append(f"{begin} 起{label}，尚未缴费，答复期限暂停计算。")
            return None, True
        if end is None:
            open_pause, end = True, latest
            note = "尚未结束，按对方最迟答复日计算"
        else:
            end = min(end, latest) if latest is not None else end
            note = f"至 {end}"
        applied.append((begin, end))
        due = clock.shift(base, applied)
        steps.append(
            f"{begin} 起{label}，{note}，不计入 {clock.between(begin, end)} 个工作日：{due}。"
        )
    return due, open_pause
