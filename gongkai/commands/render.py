"""`gongkai render REPORT.json --to docx|html|md|xlsx -o OUT`: draw a saved report again.

REPORT.json is the full JSON (`gongkai parse FILE --to json`), possibly corrected by hand; the
output is drawn from it alone, so a fixed number shows up in every format.
"""

from __future__ import annotations

import sys

from ..report.read.document import ReadError
from ..report.read.json import read_json
from ..report.write import WRITERS, write
from .output import emit

KINDS = [k for k in WRITERS if k != "json"]


def add_parser(sub) -> None:
    p = sub.add_parser(
        "render", help="把完整 JSON 格式的年度报告输出为 DOCX、HTML、Markdown 或 XLSX"
    )
    p.add_argument("report", help="年度报告 JSON（由 gongkai parse --to json 生成）")
    p.add_argument("--to", choices=KINDS, required=True, help="输出格式")
    p.add_argument("-o", "--output", required=True, help="输出文件")
    p.set_defaults(run=run)


def run(args) -> int:
    try:
        report = read_json(args.report)
    except ReadError as e:
        print(f"无法读取 {args.report}：{e}", file=sys.stderr)
        return 2
    return emit(write(report, args.to), args.output)
