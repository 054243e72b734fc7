"""`gongkai aggregate PATH... [--to cells|json|xlsx|csv] [-o OUT]`: sum the reports given.

Whatever their years: `year` is their common year or null, `agency` null; the caller picks
the set. A blank cell adds nothing; a cell a report leaves unreadable makes that sum unknown
(null in cells, listed in notes). A file that cannot be read is named, nothing is written, and
the command exits 2. Exit 0 otherwise, also when some sums are unknown (they are said so).
"""

from __future__ import annotations

import json
import sys

from ..report.write import write
from ..supervision.aggregate import (
    SameReportTwice,
    aggregate,
    csv_bytes,
    to_dict,
)
from ..supervision.collect import collect
from ..supervision.engines import read_local
from .output import add_output_args, emit, output_missing

KINDS = ("cells", "json", "xlsx", "csv")


def add_parser(sub) -> None:
    p = sub.add_parser(
        "aggregate",
        help="汇总多个年度报告的表一至表三（空白不计，无法读取的单元格使合计未知）",
        description="把给定的年度报告（文件或文件夹）的表一至表三逐格相加。"
        "有文件无法读取时指出该文件、不输出任何结果，退出码 2。",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="年度报告文件，或包含报告的文件夹")
    add_output_args(p, KINDS)
    p.add_argument("--jobs", type=int, default=0, metavar="N", help="并行读取的进程数")
    p.set_defaults(run=run)


def run(args) -> int:
    if output_missing(args):
        return 2
    if args.jobs < 0:
        print("错误：--jobs 不能为负数", file=sys.stderr)
        return 2
    files, problems = collect(args.paths)
    results = read_local([str(f) for f in files], args.jobs, rules=())
    failed = problems + [
        f"无法读取 {r.path}：{r.error}" for r in results if r.error and not r.not_report
    ]
    for r in results:
        if r.not_report:
            print(f"已跳过 {r.path}：{r.error}", file=sys.stderr)
    if failed:
        for line in failed:
            print(line, file=sys.stderr)
        print("有文件无法读取，未输出汇总（不把读不出的内容当作0）", file=sys.stderr)
        return 2
    named = [(r.path, r.report) for r in results if r.report is not None]
    if not named:
        print("没有找到可汇总的年度报告", file=sys.stderr)
        return 2
    try:
        agg = aggregate(named)
    except SameReportTwice as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    for note in agg.notes:
        print(f"注意：{note}", file=sys.stderr)
    return emit(_render(agg, args.to), args.output)


def _render(agg, kind: str) -> bytes:
    if kind == "json":
        return (json.dumps(to_dict(agg), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if kind == "csv":
        return csv_bytes(agg)
    return write(agg.as_report(), kind)
