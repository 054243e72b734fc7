"""`gongkai parse FILE [--to KIND] [-o OUT]`: read a report and write it in another form;
`--explain KEY` says instead how one cell was read (value, text, page and box, the steps)."""

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
    p.add_argument(
        "--explain",
        metavar="KEY",
        help="说明一个单元格是怎样读出的（如 t2.new_received.total）：数值、原文、页码与位置、放置步骤",
    )
    p.add_argument(
        "--overlay",
        action="store_true",
        help="PDF：输出一个网页，把每个单元格读取的位置框在页面图上（需用 -o 指定 .html 文件）",
    )
    p.set_defaults(run=run)


def run(args) -> int:
    if output_missing(args):
        return 2
    try:
        report = read_path(args.file)
    except ReadError as e:
        print(f"无法读取 {args.file}：{e}", file=sys.stderr)
        return 2
    if args.overlay:
        return _overlay(report, args)
    if args.explain:
        from ..report.read.explain import explain

        try:
            text = explain(report, args.explain)
        except KeyError as e:
            print(f"错误：{e.args[0]}", file=sys.stderr)
            return 2
        return emit(text.encode("utf-8"), args.output)
    return emit(write(report, args.to), args.output)


def _overlay(report, args) -> int:
    if report.source_kind not in ("pdf", "ocr"):
        print("错误：--overlay 只适用于 PDF 文件", file=sys.stderr)
        return 2
    if not args.output:
        print("错误：--overlay 需要用 -o 指定输出的 .html 文件", file=sys.stderr)
        return 2
    from ..report.read.overlay import overlay

    try:
        html = overlay(report, args.file)
    except ReadError as e:
        print(f"无法生成位置图：{e}", file=sys.stderr)
        return 2
    return emit(html.encode("utf-8"), args.output)
