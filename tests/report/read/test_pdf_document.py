"""The Documents read from the dev PDFs: every value in its row by geometry, tables joined
over page breaks, page footers gone. Values are compared with the hand-checked labels."""

import json
import re

import pytest

from gongkai.report.normalize import loose
from gongkai.report.read.document import Grid, Line
from gongkai.report.read.pdf import read_pdf

from ..conftest import DEV, skip_reason


def _doc(stem):
    path = DEV / f"{stem}.pdf"
    if not path.exists():
        pytest.skip(skip_reason(DEV))
    return read_pdf(path), json.loads((DEV / f"{stem}.truth.json").read_text("utf-8"))


def _numbers(row):
    return [int(c.text) for c in row if not c.spanned and re.fullmatch(r"\d+", c.text.strip())]


def _row(doc, label_start):
    for g in doc.grids:
        for row in g.rows:
            if any(loose(c.text).startswith(loose(label_start)) for c in row if not c.spanned):
                return row
    raise AssertionError(f"no grid row labelled {label_start}")


def test_granted_row_holds_its_seven_values_with_their_page():
    doc, truth = _doc("01_huaian_2024")
    row = _row(doc, "（一）予以公开")
    assert _numbers(row) == truth["table2"][2]
    assert {c.source.page for c in row if re.fullmatch(r"\d+", c.text)} == {4}
    assert all(c.source.bbox is not None for c in row if c.text)


def test_table_two_continued_over_the_page_break_is_one_grid_with_the_cut_label_joined():
    doc, truth = _doc("01_huaian_2024")
    row = _row(doc, "2.没有现成信息需要另行制作")
    assert _numbers(row) == truth["table2"][13]
    assert row[-1].source.page == 5
    grid = next(g for g in doc.grids if any(row is r for r in g.rows))
    first = _row(doc, "一、本年新收")
    assert any(first is r for r in grid.rows), "the page-4 and page-5 parts of table 2 are one grid"
    group = [c for c in row if c.spanned or c.text][1]
    assert loose(group.text) == loose("（四）无法提供")


def test_label_split_over_lines_keeps_its_values():
    doc, truth = _doc("02_hongzequ_2023")
    row = _row(doc, "（二）部分公开")
    assert _numbers(row) == truth["table2"][3]
    assert "不计其他情形" in loose("".join(c.text for c in row))


def test_vertical_group_label_stays_in_its_own_column():
    doc, _ = _doc("02_hongzequ_2023")
    row = _row(doc, "三、本年度办理结果")
    assert loose(row[0].text) == loose("三、本年度办理结果")
    assert loose(row[1].text) == loose("（一）予以公开")


@pytest.mark.parametrize("stem", ["01_huaian_2024", "02_hongzequ_2023", "03_hongzequ_2024"])
def test_table_three_is_one_row_of_fifteen_values(stem):
    doc, truth = _doc(stem)
    rows = [r for g in doc.grids for r in g.rows if len(_numbers(r)) == 15]
    assert [_numbers(r) for r in rows] == [truth["table3"]]


@pytest.mark.parametrize("stem", ["01_huaian_2024", "02_hongzequ_2023", "03_hongzequ_2024"])
def test_no_page_footer_is_left_in_the_text(stem):
    doc, _ = _doc(stem)
    footers = [
        b.text
        for b in doc.blocks
        if isinstance(b, Line) and re.fullmatch(r"\s*-\s*\d+\s*-\s*", b.text)
    ]
    assert footers == []
    assert doc.kind == "pdf"
    assert all(isinstance(b, (Line, Grid)) for b in doc.blocks)
