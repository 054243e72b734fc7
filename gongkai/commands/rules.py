"""`gongkai rules [ID...]`: every rule of the checker, as a user sees it.

Each rule with its ID, severity, title and, in Chinese, what it asks, a report that breaks it
and the correction (`checks.catalogue`; the docstrings are the developers' account, domain-spec
§4). An ID may be a family prefix (T-). Exit 2 for an ID that names no rule.
"""

from __future__ import annotations

import json
import sys

from ..report.checks import RULES
from ..report.checks.catalogue import TEXTS
from ..report.checks.registry import Rule, UnknownRule, select


def add_parser(sub) -> None:
    p = sub.add_parser(
        "rules",
        help="列出检查规则：编号、严重程度、标题、问题示例与改正方法",
        description="列出全部检查规则，或只列出给定编号（或类别前缀，如 T-）的规则。",
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="规则编号，如 R-1；或类别前缀，如 T-")
    p.add_argument("--json", action="store_true", help="输出机器可读的 JSON")
    p.set_defaults(run=run)


def run(args) -> int:
    try:
        chosen = select(args.ids) if args.ids else set(RULES)
    except UnknownRule as e:
        print(f"错误：没有这条规则或这类规则：{e}", file=sys.stderr)
        return 2
    rules = [r for r in RULES.values() if r.id in chosen]
    if args.json:
        print(json.dumps([_dict(r) for r in rules], ensure_ascii=False, indent=1))
        return 0
    detailed = bool(args.ids)
    print("\n\n".join(_text(r) for r in rules) if detailed else _table(rules))
    return 0


def _dict(r: Rule) -> dict:
    text = TEXTS[r.id]
    return {
        "rule": r.id,
        "severity": r.severity.value,
        "title": r.title,
        "needs_previous": r.needs_previous,
        "summary": text.summary,
        "fault": text.fault,
        "fix": text.fix,
    }


def _table(rules: list[Rule]) -> str:
    lines = [f"{r.id:6} {r.severity.value:5} {r.severity.label}  {r.title}" for r in rules]
    lines.append(
        f"\n共{len(rules)}条规则。gongkai rules ID 查看某条规则的说明、问题示例与改正方法。"
    )
    return "\n".join(lines)


def _text(r: Rule) -> str:
    head = f"{r.id}  {r.severity.value}（{r.severity.label}）  {r.title}"
    if r.needs_previous:
        head += "  （需要上年报告）"
    text = TEXTS[r.id]
    return "\n".join(
        [head, f"  说明：{text.summary}", f"  问题示例：{text.fault}", f"  改正：{text.fix}"]
    )
