"""`gongkai worker [--once] [--poll SECONDS]`: the long work no web request waits for: reading
the reports uploaded for supervision and scanning the catalogue's attachments before review.

The queues are tables in the database (no broker): run one or more workers beside
`gongkai serve`; each file is claimed by exactly one of them. `--once` does what is queued
and exits (for cron or tests).
"""

from __future__ import annotations

import sys
import time


def add_parser(sub) -> None:
    p = sub.add_parser(
        "worker",
        help="后台任务：读取监督上传的年度报告、扫描目录附件；数据库队列，无需其他服务",
        description="读取监督页面上传的年度报告文件，扫描主动公开目录的附件。"
        "--once 处理完队列中的文件后退出。",
    )
    p.add_argument("--once", action="store_true", help="处理完当前队列后退出")
    p.add_argument(
        "--poll", type=float, default=2.0, metavar="SECONDS", help="队列为空时的等待秒数"
    )
    p.set_defaults(run=run)


def run(args) -> int:
    if args.poll <= 0:
        print("错误：--poll 应大于0", file=sys.stderr)
        return 2
    from gongkai.office.bootstrap import DatabaseUnavailable, ensure_database

    try:
        ensure_database()
    except DatabaseUnavailable as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    from gongkai.office.catalogue.scan_queue import work as scan_attachments
    from gongkai.office.supervision.intake import work as read_reports

    if args.once:
        print(f"已读取{read_reports()}个报告文件，已扫描{scan_attachments()}个附件")
        return 0
    print("后台任务已启动（Ctrl-C 停止）", file=sys.stderr)
    while True:
        if not read_reports() + scan_attachments():
            time.sleep(args.poll)
