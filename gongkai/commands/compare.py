"""`gongkai compare OLD NEW [--json]`: two reports side by side.

Every cell that differs (old, new, change; blank and "/" kept as printed), and the share of
each text part of NEW repeated from OLD. Exit 0, or 2 when a file cannot be read.
"""

from __future__ import annotations

import json
import sys

from ..report.read import ReadError, read_path
from ..supervision.compare import compare, shown, to_dict


def add_parser(sub) -> None:
    p = sub.add_parser(
        "compare",
        help="比较两份年度报告：逐格变化与正文重复比例",
        description="比较两份年度报告（通常是同一机关相邻两年）：列出每个不同的单元格"
        "（旧值、新值、变化），以及新报告各部分正文与旧报告重复的比例。",
    )
    p.add_argument("old", metavar="OLD", help="较早的报告")
    p.add_argument("new", metavar="NEW", help="较新的报告")
    p.add_argument("--json", action="store_true", help="输出机器可读的 JSON")
    p.set_defaults(run=run)


def run(args) -> int:
    reports = []
    for path in (args.old, args.new):
        try:
            reports.append(read_path(path))
        except ReadError as e:
            print(f"无法读取 {path}：{e}", file=sys.stderr)
            return 2
    c = compare(*reports)
    if args.json:
        print(json.dumps(to_dict(c), ensure_ascii=False, indent=1))
        return 0
    old, new = c.old, c.new
    print(f"旧：{args.old}（{old.agency or '机关未知'} {old.year or '？'}年度）")
    print(f"新：{args.new}（{new.agency or '机关未知'} {new.year or '？'}年度）")
    print(f"\n单元格：{len(c.changed)}个不同，{len(c.cells) - len(c.changed)}个相同")
    for ch in c.changed:
        delta = f"（{ch.change:+}）" if ch.change is not None else ""
        print(f"  {ch.name}：{shown(ch.old)} → {shown(ch.new)}{delta}")
    print("\n正文与旧报告重复的比例：")
    for t in c.texts:
        share = "（缺少该部分）" if t.share is None else f"{t.share:.0%}"
        print(f"  {t.title}：{share}")
    return 0
