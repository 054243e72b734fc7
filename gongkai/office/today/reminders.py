"""The day's reminders by mail: each person's 今日工作, for those who have something to do.

Run once a day (`gongkai reminders`, from cron or a systemd timer); the page and the mail read
the same worklist, so they never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage

from gongkai.office import mail
from gongkai.office.agencies.models import Membership

from . import worklist


@dataclass(frozen=True)
class Reminder:
    to: str
    subject: str
    body: str


def _lines(work: worklist.Work) -> list[str]:
    lines = []
    if work.extensions:
        lines.append(f"待批准的延期申请 {len(work.extensions)} 件：")
        lines += [
            f"  {e.application.number}（{e.data.get('reason', '')}）" for e in work.extensions
        ]
    for title, rows, total in (
        ("已逾期", work.overdue, work.overdue_total),
        ("5个工作日内到期", work.soon, work.soon_total),
    ):
        if rows:
            lines.append(f"{title} {total} 件：")
            lines += [f"  {r.case.agency.name} {r.case.number}：{r.why}" for r in rows]
    for c in work.catalogue:
        if c.late or c.soon:
            lines.append(
                f"主动公开（{c.agency.name}）：逾期未公开 {len(c.late)} 条，"
                f"即将到期 {len(c.soon)} 条"
            )
    for a in work.annual:
        if a.published:
            continue
        if a.days_left < 0:
            lines.append(
                f"{a.agency.name} {a.year}年度报告已超过发布期限（{a.deadline}），尚未发布"
            )
        else:
            lines.append(
                f"{a.agency.name} {a.year}年度报告距发布期限（{a.deadline}）还有 {a.days_left} 天"
            )
    return lines


def reminders(today: dt.date) -> list[Reminder]:
    """One mail per active person with an address, a role and something to do today."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, pk__in=Membership.objects.values("user_id"), email__gt="")
        .order_by("pk")
    )
    found = []
    for user in users:
        work = worklist.for_user(user, today)
        if work.empty:
            continue
        name = user.get_full_name() or "您好"
        body = "\n".join(
            [
                f"{name}：",
                "",
                f"{today:%Y年%m月%d日} 的待办事项如下。",
                "",
                *_lines(work),
                "",
                "请登录政府信息公开办公系统，在“今日工作”中办理。",
            ]
        )
        found.append(Reminder(user.email, f"今日工作提醒（{today.isoformat()}）", body))
    return found


def send(today: dt.date) -> int:
    """Send the day's reminders; how many went out. MailFailed when the server fails."""
    sent = 0
    for r in reminders(today):
        mail.send(EmailMessage(r.subject, r.body, settings.DEFAULT_FROM_EMAIL, [r.to]))
        sent += 1
    return sent
