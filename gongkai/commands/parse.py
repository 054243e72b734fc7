"""`gongkai parse FILE [--to KIND] [-o OUT]`: read a report and write it in another form."""

from __future__ import annotations

import sys

from ..report.read import ReadError, read_path
from ..report.write import WRITERS, write
from .output import add_output_args, emit, output_missing


def add_parser(sub) -> None:
    p = sub.add_parser(
        "parse", help="读取年度报告（文本、HTML、DOCX、XLSX、PDF、OFD、图片），输出单元格或其他格式"
    )
    p.add_argument("file", help="年度报告文件")
    add_output_args(p, WRITERS)
    p.set_defaults(run=run)


def run(args) -> int:
    if output_missing(args):
        return 2
    try:
        report = read_path(args.file)
    except ReadError as e:
        print(f"无法读取 {args.file}：{e}", file=sys.stderr)
        return 2
    return emit(write(report, args.to), args.output)
