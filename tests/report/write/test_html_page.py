"""The HTML page: print-ready (A4, CJK serif fonts), real rowspan/colspan headers, cells shown
as printed and unreadable cells marked."""

import re

import pytest

from gongkai.report.write import write

from .sample import sample_report


@pytest.fixture(scope="module")
def page():
    return write(sample_report(), "html").decode("utf-8")


def _cell(page, key):
    m = re.search(rf'<td [^>]*data-key="{re.escape(key)}"[^>]*>([^<]*)</td>', page)
    return m.group(0), m.group(1)


def test_a_standalone_a4_page_with_chinese_serif_fonts(page):
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "@page { size: A4" in page
    assert re.search(r'font-family: "仿宋_GB2312".*"宋体"', page)


def test_parts_in_order_and_tables_inside_their_parts(page):
    marks = [
        "一、总体情况",
        "二、主动公开政府信息情况",
        'id="t1"',
        "三、收到和处理政府信息公开申请情况",
        'id="t2"',
        "四、政府信息公开行政复议、行政诉讼情况",
        'id="t3"',
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    positions = [page.index(m) for m in marks]
    assert positions == sorted(positions)


def test_headers_are_merged_with_rowspan_and_colspan(page):
    assert re.search(r'<th class="note" rowspan="3" colspan="3">（本列数据的勾稽关系为', page)
    assert '<th class="head" colspan="7">申请人情况</th>' in page
    assert '<th class="head" colspan="5">法人或其他组织</th>' in page
    assert '<th class="head" rowspan="2">自然人</th>' in page
    assert '<th class="head" colspan="10">行政诉讼</th>' in page
    assert '<td class="label" rowspan="22">三、本年度办理结果</td>' in page


def test_blank_slash_and_numbers_render_as_printed(page):
    assert _cell(page, "t1.regulations.made")[1] == ""
    assert _cell(page, "t1.regulations.repealed")[1] == "/"
    assert _cell(page, "t1.admin_fees.amount")[1] == "96171.6"
    assert _cell(page, "t2.new_received.total")[1] == "21"


def test_an_unreadable_cell_is_marked_and_says_why(page):
    html, text = _cell(page, "t3.litigation_direct.pending")
    assert text == "约5"
    assert 'class="value unreadable"' in html and "无法读取" in html
    assert "td.unreadable" in page  # the style that shades it


def test_text_is_escaped():
    report = sample_report()
    report.parts[1].text = "<script>alert(1)</script> A&B"
    page = write(report, "html").decode("utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; A&amp;B" in page
