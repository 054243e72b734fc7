"""`gongkai import-previous FILE --agency NAME [--year Y] [--published-on DATE]`: a report the
agency published before it used gongkai, in any file the reader takes, becomes that year's
published version (the previous year for the next report's checks and its 上年结转)."""

from __future__ import annotations

import sys
from pathlib import Path

from .dates import iso_date
from .office_database import open_agency


def add_parser(sub) -> None:
    p = sub.add_parser(
        "import-previous", help="导入启用本系统前已发布的年度报告（作为该年度的已发布版本）"
    )
    p.add_argument("file", help="报告文件（PDF、DOCX、XLSX、HTML、文本、JSON 等）")
    p.add_argument("--agency", required=True, help="机关名称")
    p.add_argument("--year", type=int, default=None, help="报告年度（文件中读不出时必填）")
    p.add_argument(
        "--published-on", type=iso_date, default=None, help="发布日期（文件中读不出时必填）"
    )
    p.set_defaults(run=run)


def run(args) -> int:
    from gongkai.report.read import ReadError, read_path

    try:
        report = read_path(args.file)
    except ReadError as e:
        print(f"无法读取报告：{e}", file=sys.stderr)
        return 2
    agency = open_agency(args.agency)
    if agency is None:
        return 2
    from gongkai.office.annual.previous import ImportRefused, import_previous

    try:
        done = import_previous(
            agency,
            report,
            year=args.year,
            published_on=args.published_on,
            source=Path(args.file).name,
        )
    except ImportRefused as e:
        print(e, file=sys.stderr)
        return 1
    version = done.version
    print(
        f"已导入{agency.name}{version.report.year}年度报告，作为第{version.number}版"
        f"（发布日期 {version.published_on}）。"
    )
    for note in done.notes:
        print(f"注意：{note}", file=sys.stderr)
    return 0
