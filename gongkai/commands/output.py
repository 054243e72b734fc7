"""Where a command's report goes: `--to KIND` and `-o OUT`, written whole or not at all."""

from __future__ import annotations

import sys

BINARY = {"xlsx", "docx"}


def add_output_args(p, kinds, default: str | None = "cells") -> None:
    p.add_argument(
        "--to",
        choices=list(kinds),
        default=default,
        required=default is None,
        help="输出格式" + (f"（默认 {default}）" if default else ""),
    )
    p.add_argument("-o", "--output", help="输出文件（默认标准输出；xlsx/docx 必须指定）")


def output_missing(args) -> bool:
    """True (after saying so) when a binary kind is asked for without -o."""
    if args.to in BINARY and not args.output:
        print(f"错误：--to {args.to} 需要用 -o 指定输出文件", file=sys.stderr)
        return True
    return False


def emit(data: bytes, output: str | None) -> int:
    """Write to OUT whole (via a temporary file) or to stdout; never half a file."""
    if not output:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    from ..report.atomic_file import write_atomically  # pathlib: only when writing a file

    try:
        write_atomically(output, data)
    except OSError as e:
        print(f"无法写入 {output}：{e.strerror}", file=sys.stderr)
        return 2
    return 0
