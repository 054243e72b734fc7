"""`gongkai worker [--once] [--poll SECONDS]`: read the files uploaded for supervision.

The queue is a table in the database (no broker): run one or more workers beside
`gongkai serve`; each file is claimed by exactly one of them. `--once` reads what is queued
and exits (for cron or tests).
"""

from __future__ import annotations

import sys
import time


def add_parser(sub) -> None:
    p = sub.add_parser(
        "worker",
        help="后台读取上传的年度报告（监督）：数据库队列，无需其他服务",
        description="读取监督页面上传的年度报告文件。--once 读完队列中的文件后退出。",
    )
    p.add_argument("--once", action="store_true", help="读完当前队列后退出")
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
    from gongkai.office.supervision.intake import work

    if args.once:
        print(f"已读取{work()}个文件")
        return 0
    print("后台读取已启动（Ctrl-C 停止）", file=sys.stderr)
    while True:
        if not work():
            time.sleep(args.poll)
