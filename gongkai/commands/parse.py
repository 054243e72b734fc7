"""`gongkai parse FILE [--to KIND] [-o OUT]`: read a report and write it in another form."""
from __future__ import annotations

import sys
from pathlib import Path

from ..report.read import ReadError, read_path
from ..report.write import WRITERS, write

BINARY = {"xlsx", "docx"}


def add_parser(sub) -> None:
    p = sub.add_parser("parse", help="读取年度报告（文本、HTML、DOCX、PDF、图片），输出单元格或其他格式")
    p.add_argument("file", help="年度报告文件")
    p.add_argument("--to", choices=list(WRITERS), default="cells", help="输出格式（默认 cells）")
    p.add_argument("-o", "--output", help="输出文件（默认标准输出；xlsx/docx 必须指定）")
    p.set_defaults(run=run)


def run(args) -> int:
    if args.to in BINARY and not args.output:
        print(f"错误：--to {args.to} 需要用 -o 指定输出文件", file=sys.stderr)
        return 2
    try:
        report = read_path(args.file)
    except ReadError as e:
        print(f"无法读取 {args.file}：{e}", file=sys.stderr)
        return 2
    return emit(write(report, args.to), args.output)


def emit(data: bytes, output: str | None) -> int:
    """Write to OUT whole (via a temporary file) or to stdout; never half a file."""
    if not output:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    out = Path(output)
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(out)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        print(f"无法写入 {out}：{e.strerror}", file=sys.stderr)
        return 2
    return 0
