"""`gongkai compile --agency NAME --year Y [--to KIND] [-o OUT]`: the annual report from the ledger."""

from __future__ import annotations

import sys

from .office_database import open_agency
from .output import add_output_args, emit, output_missing

KINDS = ("cells", "json", "docx", "html")


def add_parser(sub) -> None:
    p = sub.add_parser("compile", help="由台账汇总生成某机关某年度的年度报告")
    p.add_argument("--agency", required=True, help="机关名称")
    p.add_argument("--year", required=True, type=int, help="统计年度")
    add_output_args(p, KINDS)
    p.set_defaults(run=run)


def run(args) -> int:
    if output_missing(args):
        return 2
    agency = open_agency(args.agency)
    if agency is None:
        return 2
    from gongkai.office.annual.compile import compile_report
    from gongkai.report.write import write

    report = compile_report(agency, args.year)
    for note in report.notes:
        print(f"注意：{note}", file=sys.stderr)
    return emit(write(report, args.to), args.output)
