"""The check page (`gongkai check FILE --html`, the office's report page) draws its tables with
the printed page's cells: the same spans, blanks, "/" and unreadable marks, and only the cells a
finding is about marked in addition."""

import re

from gongkai.report.checks import iter_findings
from gongkai.report.model import Cell
from gongkai.report.write.html import render as printed_page
from gongkai.supervision.page import tables_html

from .makers import build, values

UNREADABLE = "t2.granted.natural_person"


def _tables(html: str) -> list[str]:
    return re.findall(r'<table id="[^"]+">.*?</table>', html, flags=re.S)


def _report():
    report = build("甲局", 2024, values(3))
    report.set(Cell.unreadable(UNREADABLE, "1?", "不是数字：'1?'"))
    return report


def test_without_findings_the_tables_are_the_printed_ones():
    report = _report()
    assert _tables(tables_html(report, [])) == _tables(printed_page(report))
    assert 'class="value unreadable" title="无法读取：不是数字' in tables_html(report, [])


def test_findings_add_their_marks_and_nothing_else():
    report = _report()
    findings = list(iter_findings(report))
    checked, printed = _tables(tables_html(report, findings)), _tables(printed_page(report))
    assert len(checked) == len(printed) == 3
    marked = re.compile(r' (fail|uncertain)\b| data-tip="[^"]*"| title="[^"]*"')
    assert [marked.sub("", t) for t in checked] == [marked.sub("", t) for t in printed]
    assert any("fail" in t or "uncertain" in t for t in checked)
