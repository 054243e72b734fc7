"""Geometry decides where a value belongs: PDFs written for the test with a known layout
(tall wrapped labels, a table cut by a page break with a footer and a repeated header, a
label cut at the break, running headers, numbers set close together)."""

import sys
from pathlib import Path

from gongkai.report.normalize import loose
from gongkai.report.read.document import Grid, Line
from gongkai.report.read.pdf import read_pdf

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fixtures"))
from pdf_maker import Page, build

HEAD = {(0, 0): "项目", (0, 1): "自然人", (0, 2): "企业", (0, 3): "总计"}
W = [170, 60, 60, 60]


def _read(tmp_path, pages):
    path = tmp_path / "report.pdf"
    path.write_bytes(build(pages))
    return read_pdf(path)


def _texts(grid: Grid):
    return [[c.text for c in row] for row in grid.rows]


def test_tall_wrapped_label_is_in_the_row_of_its_values(tmp_path):
    p = Page()
    p.table(
        60,
        100,
        W,
        [30, 70, 30],
        {
            **HEAD,
            (1, 0): ["（二）部分公开（区分处理的，", "只计这一情形，", "不计其他情形）"],
            (1, 1): "4",
            (1, 2): "0",
            (1, 3): "4",
            (2, 0): "1.属于国家秘密",
            (2, 1): "2",
            (2, 2): "1",
            (2, 3): "3",
        },
    )
    (grid,) = _read(tmp_path, [p]).grids
    assert _texts(grid)[1] == [
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "4",
        "0",
        "4",
    ]
    assert _texts(grid)[2] == ["1.属于国家秘密", "2", "1", "3"]


def test_tall_group_cell_beside_several_value_rows_is_repeated_in_each(tmp_path):
    p = Page()
    p.table(
        60,
        100,
        [40, 130, 60, 60, 60],
        [30, 30, 30],
        {
            (0, 0): (["三", "、", "结", "果"], 3, 1),
            (0, 1): "（一）予以公开",
            (0, 2): "1",
            (0, 3): "0",
            (0, 4): "1",
            (1, 1): "（二）部分公开",
            (1, 2): "5",
            (1, 3): "",
            (1, 4): "5",
            (2, 1): "（七）总计",
            (2, 2): "6",
            (2, 3): "0",
            (2, 4): "6",
        },
    )
    (grid,) = _read(tmp_path, [p]).grids
    assert [loose(r[0].text) for r in grid.rows] == ["三结果"] * 3
    assert [r[0].spanned for r in grid.rows] == [False, True, True]
    assert _texts(grid)[1][1:] == ["（二）部分公开", "5", "", "5"], "a blank cell stays blank"


def test_table_cut_by_a_page_break_is_joined_without_footer_or_repeated_header(tmp_path):
    p1, p2 = Page(), Page()
    p1.text(80, 30, "某某区人民政府办公室")
    p1.text(80, 80, "三、收到和处理政府信息公开申请情况")
    p1.table(
        60,
        680,
        W,
        [30, 30, 30, 30],
        {
            **HEAD,
            (1, 0): "一、本年新收",
            (1, 1): "7",
            (1, 2): "1",
            (1, 3): "8",
            (2, 0): ("（四）无", 2, 1),
            (3, 0): "",
            (2, 1): "2",
            (2, 2): "0",
            (2, 3): "2",
            (3, 1): "3",
            (3, 2): "0",
            (3, 3): "3",
        }
        | {(3, 0): "2.没有现成信息"}
        | {(2, 0): "1.本机关不掌握"},
    )
    p1.text(280, 800, "- 4 -")
    p2.text(80, 30, "某某区人民政府办公室")
    p2.table(
        62,
        60,
        [168, 61, 61, 60],
        [30, 30],
        {
            **HEAD,
            (1, 0): "3.补正后仍不明确",
            (1, 1): "9",
            (1, 2): "0",
            (1, 3): "9",
        },
    )
    p2.text(280, 800, "- 5 -")
    doc = _read(tmp_path, [p1, p2])
    (grid,) = doc.grids
    assert _texts(grid) == [
        ["项目", "自然人", "企业", "总计"],
        ["一、本年新收", "7", "1", "8"],
        ["1.本机关不掌握", "2", "0", "2"],
        ["2.没有现成信息", "3", "0", "3"],
        ["3.补正后仍不明确", "9", "0", "9"],
    ]
    assert grid.rows[-1][1].source.page == 2
    assert [b.text for b in doc.lines] == ["三、收到和处理政府信息公开申请情况"]


def test_group_label_cut_by_the_page_break_is_joined(tmp_path):
    p1, p2 = Page(), Page()
    cols = [50, 120, 60, 60]
    p1.table(
        60,
        700,
        cols,
        [30, 30],
        {
            (0, 0): "",
            (0, 1): "项目",
            (0, 2): "自然人",
            (0, 3): "总计",
            (1, 0): "（四）无",
            (1, 1): "1.本机关不掌握",
            (1, 2): "746",
            (1, 3): "769",
        },
    )
    p2.table(
        60,
        60,
        cols,
        [30, 30],
        {
            (0, 0): ("法提供", 2, 1),
            (0, 1): "2.没有现成信息",
            (0, 2): "11",
            (0, 3): "11",
            (1, 1): "3.补正后仍不明确",
            (1, 2): "1",
            (1, 3): "1",
        },
    )
    (grid,) = _read(tmp_path, [p1, p2]).grids
    assert [r[0].text for r in grid.rows[1:]] == ["（四）无法提供"] * 3
    assert [r[1].text for r in grid.rows[1:]] == [
        "1.本机关不掌握",
        "2.没有现成信息",
        "3.补正后仍不明确",
    ]
    assert [r[2].text for r in grid.rows[1:]] == ["746", "11", "1"]


def test_rows_either_side_of_a_page_break_stay_two_rows(tmp_path):
    """A browser print breaks a table between two complete rows ("行政处罚 0" / "行政强制 0"):
    the row at the top of the page keeps its own label and value."""
    p1, p2 = Page(), Page()
    cols = [170, 120]
    p1.table(
        60,
        700,
        cols,
        [30, 30],
        {(0, 0): "信息内容", (0, 1): "本年处理决定数量", (1, 0): "行政处罚", (1, 1): "7"},
    )
    p2.table(
        60,
        60,
        cols,
        [30, 30],
        {(0, 0): "行政强制", (0, 1): "3", (1, 0): "行政事业性收费", (1, 1): "12.5"},
    )
    (grid,) = _read(tmp_path, [p1, p2]).grids
    assert _texts(grid) == [
        ["信息内容", "本年处理决定数量"],
        ["行政处罚", "7"],
        ["行政强制", "3"],
        ["行政事业性收费", "12.5"],
    ]


def test_a_row_label_whose_values_are_on_the_next_page_is_joined_to_them(tmp_path):
    """A tall row split by the break: the label's first line at the foot of the page, the rest of
    it and the values at the top of the next."""
    p1, p2 = Page(), Page()
    cols = [170, 60, 60]
    p1.table(
        60,
        700,
        cols,
        [30, 30],
        {(0, 0): "项目", (0, 1): "自然人", (0, 2): "总计", (1, 0): "（二）部分公开（区分处理"},
    )
    p2.table(60, 60, cols, [30], {(0, 0): "的，只计这一情形）", (0, 1): "4", (0, 2): "4"})
    (grid,) = _read(tmp_path, [p1, p2]).grids
    assert _texts(grid)[1:] == [["（二）部分公开（区分处理的，只计这一情形）", "4", "4"]]


def test_numbers_set_close_together_stay_apart(tmp_path):
    p = Page()
    p.text(60, 100, "一、本年新收政府信息公开申请数量")
    p.text(300, 100, "217")
    p.text(300 + 3 * 5.25 + 3, 100, "10")
    p.text(380, 100, "227")
    (line,) = _read(tmp_path, [p]).lines
    assert line.text.split()[-3:] == ["217", "10", "227"]
    assert line.source.page == 1 and line.source.bbox[0] < 61


def test_running_header_and_page_numbers_are_dropped(tmp_path):
    pages = []
    for n in range(3):
        p = Page()
        p.text(200, 30, "洪泽区人民政府信息公开年报")
        p.text(80, 120, f"第{n + 1}页的正文")
        p.text(290, 810, f"{n + 1}")
        pages.append(p)
    doc = _read(tmp_path, pages)
    assert [b.text for b in doc.blocks] == ["第1页的正文", "第2页的正文", "第3页的正文"]
    assert all(isinstance(b, Line) for b in doc.blocks)
