"""`gongkai catalogue late --agency NAME --year Y [--as-of DATE]`: items published late
(条例第二十六条), one tab-separated line each: 索引号, deadline, 公开日期 or 未公开, days late."""

from __future__ import annotations

import datetime as dt
import sys

from .dates import iso_date
from .office_database import open_agency

UNPUBLISHED = "未公开"


def add_parser(sub) -> None:
    p = sub.add_parser("catalogue", help="主动公开目录：逾期公开的条目")
    what = p.add_subparsers(dest="what", metavar="WHAT")
    what.required = True
    late = what.add_parser(
        "late", help="列出某年度生成、超过二十个工作日才公开或至今未公开的主动公开条目"
    )
    late.add_argument("--agency", required=True, help="机关名称")
    late.add_argument("--year", required=True, type=int, help="生成年度")
    late.add_argument("--as-of", type=iso_date, default=None, help="截至日期，默认今天")
    late.set_defaults(run=run_late)


def run_late(args) -> int:
    agency = open_agency(args.agency)
    if agency is None:
        return 2
    from gongkai.office.catalogue.late import late_items
    from gongkai.office.catalogue.timeliness import deadline_label
    from gongkai.workdays import CalendarUnknown

    try:
        rows = late_items(agency, args.year, args.as_of or dt.date.today())
    except CalendarUnknown as e:
        print(f"无法计算期限：{e}", file=sys.stderr)
        return 2
    for t in rows:
        lateness = t.lateness
        published = t.item.published_on.isoformat() if lateness.published else UNPUBLISHED
        print(
            "\t".join(
                (
                    t.item.index_no,
                    deadline_label(lateness.deadline),
                    published,
                    str(lateness.days_late),
                )
            )
        )
    return 0
