"""`gongkai reminders [--as-of DATE] [--dry-run]`: mail each person the day's 今日工作 (overdue and
due cases, extensions to approve, catalogue items, the annual report's deadline)."""

from __future__ import annotations

import sys

from .dates import iso_date
from .office_database import open_database


def add_parser(sub) -> None:
    p = sub.add_parser("reminders", help="以电子邮件发送当天的待办提醒（需配置邮件服务器）")
    p.add_argument("--as-of", type=iso_date, default=None, help="按哪一天计算，默认今天")
    p.add_argument(
        "--dry-run", action="store_true", help="只显示将要发送的提醒，不发送（无需邮件服务器）"
    )
    p.set_defaults(run=run)


def run(args) -> int:
    if not open_database():
        return 2
    from django.utils import timezone

    from gongkai.office import mail
    from gongkai.office.today import reminders

    today = args.as_of or timezone.localdate()
    if args.dry_run:
        for r in reminders.reminders(today):
            print(f"收件人：{r.to}\n主题：{r.subject}\n\n{r.body}\n")
        return 0
    if not mail.configured():
        print("未配置邮件服务器（GONGKAI_EMAIL_HOST），未发送提醒。", file=sys.stderr)
        return 2
    try:
        sent = reminders.send(today)
    except mail.MailFailed as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"已发送提醒 {sent} 封。")
    return 0
