"""Page numbers and numbers in printed text: one pattern each (read/numbers.py), and what a
reader does with them."""

import pytest

from gongkai.report.read.numbers import (
    CUT_DECIMAL,
    NUMBER_TOKEN,
    PAGE_FOOTER,
    PAGE_NUMBER,
    VALUE_TEXT,
)
from gongkai.report.read.place import place
from gongkai.report.read.text import parse_text


@pytest.mark.parametrize(
    "text", ["— 4 —", "- 12 -", "第4页", "第 4 页 共 6 页", "第4页/共6页", "4/6"]
)
def test_a_page_number_in_its_marks_is_a_footer_anywhere(text):
    assert PAGE_FOOTER.match(text) and PAGE_NUMBER.match(text)


def test_a_bare_number_is_a_page_number_only_in_a_margin():
    assert PAGE_NUMBER.match(" 4 ") and not PAGE_FOOTER.match("4")


@pytest.mark.parametrize("text", ["0", "1,234", "3,001.5", "+3", "-2", "251000元", "3起", ".54"])
def test_a_printed_number_is_one_value_token(text):
    assert NUMBER_TOKEN.match(text)


@pytest.mark.parametrize("text", ["约5", "1,23", "第4页", "3.危及"])
def test_text_that_is_not_a_number_is_not_a_value_token(text):
    assert not NUMBER_TOKEN.match(text)


def test_a_cell_of_marks_is_a_value_cell_and_a_label_is_not():
    assert VALUE_TEXT.match("—") and VALUE_TEXT.match("无") and VALUE_TEXT.match("1,234")
    assert not VALUE_TEXT.match("行政许可")


def test_a_footer_between_two_rows_of_a_text_dump_is_dropped_and_a_lone_number_is_kept():
    head = "某局2025年政府信息公开工作年度报告\n一、总体情况\n正文。\n三、收到和处理政府信息公开申请情况\n"
    rows = (
        "一、本年新收政府信息公开申请数量 3 0 0 0 1 0 4\n{}\n二、上年结转政府信息公开申请数量\n{}\n"
    )
    footer = place(parse_text(head + rows.format("第 2 页 共 6 页", "1 0 0 0 0 0 1")))
    assert footer.value("t2.new_received.total") == 4
    assert footer.value("t2.carried_over_in.natural_person") == 1
    # a bare "2" between the rows is not dropped as a page number: which run is the row's is
    # then unsure, and the row is left unreadable rather than given either
    bare = place(parse_text(head + rows.format("2", "1 0 0 0 0 0 1")))
    cell = bare.cell("t2.carried_over_in.natural_person")
    assert cell.value is None and "2组无标签的数值" in cell.reason


def test_a_number_cut_at_its_decimal_point_is_never_read_as_its_decimals():
    """A text dump cut inside "3805.84" ("行政事业性收费 3805." / "84", fuzz seed 2881): 84 is not
    the fee; the cell is unreadable and says why."""
    t1 = (
        "某局2025年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n"
        "第二十条第（八）项\n信息内容 本年收费金额（单位：万元）\n行政事业性收费 3805.\n84\n"
        "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 3 0 0 0 1 0 4\n"
    )
    cell = place(parse_text(t1)).cell("t1.admin_fees.amount")
    assert cell.value is None and "3805." in cell.raw and cell.reason
    assert CUT_DECIMAL.match("3805.") and not CUT_DECIMAL.match("1.属于")
