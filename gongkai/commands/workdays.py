"""`gongkai workdays add DATE N` and `gongkai workdays status`: the working-day calendar.

`add` prints the N-th working day after DATE (the day itself not counted, 民法典第二百零一条),
and a second line when the result rests on a year whose official calendar is not confirmed.
`status` prints which years are confirmed and warns when one is needed within 60 days.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from gongkai.workdays import (
    PACKAGE,
    PACKAGE_YEARS,
    CalendarUnknown,
    Overrides,
    OverridesError,
    add_working_days,
    calendar_coverage_warning,
    load_overrides,
    statutory_days_worked,
)
from gongkai.workdays.calendar import layered_overrides
from gongkai.workdays.overrides_file import parse_date
from gongkai.workdays.statutory import FIRST_YEAR, LAST_YEAR

WEEKDAYS = "一二三四五六日"


def add_parser(sub) -> None:
    p = sub.add_parser("workdays", help="工作日计算：第 N 个工作日（法定节假日与调休）")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    add = actions.add_parser("add", help="DATE 之后第 N 个工作日（DATE 当日不计入）")
    add.add_argument("date", metavar="DATE", help="起算日 YYYY-MM-DD")
    add.add_argument("n", metavar="N", help="工作日数（非负整数）")
    status = actions.add_parser("status", help="哪些年份的放假安排已确认")
    status.add_argument("--today", metavar="DATE", help="以该日为今天（默认系统日期）")
    for action in (add, status):
        action.add_argument(
            "--overrides", metavar="FILE", help="覆盖文件（JSON 或 CSV），叠加在日历数据之上"
        )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        overrides = load_overrides(args.overrides) if args.overrides else Overrides()
    except OverridesError as error:
        return _misuse(str(error))
    for date, name in statutory_days_worked(overrides):
        print(
            f"警告: {date.isoformat()}（{name}）是法定节日，但已确认的{date.year}年日历把它算作工作日",
            file=sys.stderr,
        )
    return _add(args, overrides) if args.action == "add" else _status(args, overrides)


def _add(args: argparse.Namespace, overrides: Overrides) -> int:
    try:
        trigger = parse_date(args.date)
    except ValueError as error:
        return _misuse(str(error))
    n = args.n.strip()
    if not n.isdigit() or not n.isascii():
        return _misuse(f"N 应为非负整数（工作日数）: {args.n!r}")
    try:
        result = add_working_days(trigger, int(n), overrides)
    except CalendarUnknown as error:
        return _misuse(str(error))
    print(f"{result.date.isoformat()} 星期{WEEKDAYS[result.date.weekday()]}")
    if result.provisional:
        years = "、".join(f"{year}年" for year in result.provisional_years)
        print(
            f"临时结果: {years}的放假安排未确认，按周一至周五减去法定节日（放假办法第二条）计算，"
            f"未计入补假与调休；放假通知公布后请重新计算。"
        )
    return 0


def _status(args: argparse.Namespace, overrides: Overrides) -> int:
    try:
        today = parse_date(args.today) if args.today else dt.date.today()
    except ValueError as error:
        return _misuse(str(error))
    by_overrides = sorted(layered_overrides(overrides).confirmed_years - set(PACKAGE_YEARS))
    print(f"已确认（{PACKAGE}）: {PACKAGE_YEARS[0]}–{PACKAGE_YEARS[-1]}年")
    print("已确认（覆盖文件）: " + ("、".join(f"{year}年" for year in by_overrides) or "无"))
    print(
        f"其余年份 {max(FIRST_YEAR, PACKAGE_YEARS[-1] + 1)}–{LAST_YEAR}年: 临时计算"
        f"（周一至周五减去放假办法第二条的法定节日，结果标为临时）"
    )
    warning = calendar_coverage_warning(today, overrides)
    if warning:
        print(f"警告: {warning}")
    return 0


def _misuse(message: str) -> int:
    print(f"错误: {message}", file=sys.stderr)
    return 2
