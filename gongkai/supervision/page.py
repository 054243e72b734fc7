"""A standalone page of the report's three tables with every cell a finding is about marked:
red for a broken rule, amber for an uncertain one; hovering shows the rule, the message and
where the number was printed. The tables are drawn by the printed page's own cells and tables
(`write.html`), so the page looks like the printed report.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from ..report.checks.finding import Finding, Outcome, Severity
from ..report.checks.naming import cell_name
from ..report.model import Report
from ..report.write.html import cell_html, table_html
from ..report.write.printed_tables import Slot, TableLayout, layouts, title

CSS = """
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "宋体", "SimSun", serif; margin: 2em auto;
       max-width: 1100px; line-height: 1.5; }
h1 { font-size: 20pt; text-align: center; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1.5em; font-size: 10pt; }
td, th { border: 1px solid #444; padding: 2pt 3pt; text-align: center; font-weight: normal; position: relative; }
td.label { text-align: left; }
td.fail { background: #f8b4b4; outline: 2px solid #c00; outline-offset: -2px; cursor: help; }
td.uncertain { background: #ffe38a; outline: 2px dashed #b58900; outline-offset: -2px; cursor: help; }
td.unreadable::after { content: "？"; color: #c00; }
td[data-tip]:hover::after { content: attr(data-tip); position: absolute; left: 0; top: 100%; z-index: 10;
       width: 28em; white-space: pre-wrap; text-align: left; background: #222; color: #fff; padding: 6px 8px;
       border-radius: 4px; font-size: 9pt; box-shadow: 0 2px 6px rgba(0,0,0,.4); }
ul.findings li.ERROR { color: #a00; } ul.findings li.WARN { color: #8a5a00; } ul.findings li.INFO { color: #555; }
.legend span { padding: 0 .5em; margin-right: 1em; }
"""


def _tips(
    report: Report, findings: list[Finding]
) -> tuple[dict[str, list[Finding]], dict[str, list[Finding]]]:
    failing, uncertain = defaultdict(list), defaultdict(list)
    for f in findings:
        target = failing if f.failed else uncertain if f.outcome is Outcome.UNCERTAIN else None
        if target is None:
            continue
        for key in f.cells:
            target[key].append(f)
    return failing, uncertain


def _tip(report: Report, key: str, found: list[Finding]) -> str:
    cell = report.cells.get(key)
    where = cell.source.describe() if cell is not None and cell.source else "（未找到该单元格）"
    lines = [f"{cell_name(report.format, key)} · 出处：{where}"]
    lines += [f"[{f.rule} {f.severity.value} {f.outcome.label}] {f.message}" for f in found]
    return "\n".join(lines)


def _slot(report: Report, slot: Slot, failing, uncertain) -> str:
    found = (failing.get(slot.key) or uncertain.get(slot.key)) if slot.key else None
    if not found:
        return cell_html(slot)
    tip = _tip(report, slot.key, found)
    mark = "fail" if slot.key in failing else "uncertain"
    return cell_html(slot, [mark], tip, [f'data-tip="{escape(tip)}"'])


def _table(report: Report, layout: TableLayout, failing, uncertain) -> str:
    table = table_html(layout, lambda slot: _slot(report, slot, failing, uncertain))
    return f"<h2>{layout.table.name}　{escape(layout.table.title)}</h2>\n{table}"


def tables_html(report: Report, findings: list[Finding]) -> str:
    """The three tables with the cells the findings are about marked (for a page of its own
    or inside the office's pages, with `CSS`)."""
    failing, uncertain = _tips(report, findings)
    return "\n".join(_table(report, t, failing, uncertain) for t in layouts(report))


def render(report: Report, findings: list[Finding]) -> str:
    shown = [f for f in findings if f.outcome is not Outcome.PASS]
    items = "\n".join(
        f'<li class="{f.severity.value}">[{f.rule} {f.severity.value} {f.outcome.label}] '
        f"{escape(f.message)}</li>"
        for f in shown
    )
    counts = "，".join(
        f"{s.label}{sum(1 for f in findings if f.failed and f.severity is s)}条" for s in Severity
    )
    tables = tables_html(report, findings)
    name = escape(title(report))
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>检查：{name}</title>\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n<h1>{name}</h1>\n"
        f'<p class="legend">{counts}。<span class="fail" style="background:#f8b4b4">不通过</span>'
        f'<span style="background:#ffe38a">无法判断</span>鼠标移到标色单元格上可看到规则、说明和出处。</p>\n'
        f'<ul class="findings">\n{items}\n</ul>\n{tables}\n</body>\n</html>\n'
    )
