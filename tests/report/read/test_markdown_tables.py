"""Markdown as PDF-to-Markdown converters write it: a table per page with the page number
between the pieces, merged cells repeated in every column they cover, Col1 … for an empty
header, a label merged over two columns left as the label and an empty cell. Every dev PDF
converted by pymupdf4llm reads to its labels, and never to a wrong number."""

import json

import pytest

from gongkai.report.read import read_path
from gongkai.report.read.markdown import md_grid
from gongkai.report.read.place import place
from gongkai.report.read.text import parse_text
from gongkai.report.write.cells_json import cells

from ..conftest import DEV, skip_reason


def _values(grid):
    """Each row's cells that are not copies of a merged cell."""
    return [[c.text for c in row if not c.spanned] for row in grid.rows]


def _grid(md: str):
    lines = md.strip().split("\n")
    grid, end = md_grid(lines, 0, 0)
    assert end == len(lines)
    return grid


def test_a_value_repeated_under_a_merged_header_is_one_value():
    grid = _grid(
        """
|第二十条第（五）项|第二十条第（五）项|第二十条第（五）项|第二十条第（五）项|
|---|---|---|---|
|信息内容|本年处理决定数量|本年处理决定数量|本年处理决定数量|
|行政许可|447228|447228|447228|
"""
    )
    assert _values(grid)[-1] == ["行政许可", "447228"]


def test_equal_values_under_their_own_headers_stay_apart():
    grid = _grid(
        """
|信息内容|本年制发件数|本年废止件数|现行有效件数|
|---|---|---|---|
|规章|0|0|0|
|行政规范性文件|5|5|5|
"""
    )
    assert _values(grid)[1:] == [["规章", "0", "0", "0"], ["行政规范性文件", "5", "5", "5"]]


def test_placeholder_column_names_are_no_header():
    grid = _grid(
        """
|Col1|Col2|行政复议|Col4|
|---|---|---|---|
|0|0|0|0|
"""
    )
    assert _values(grid) == [["", "", "行政复议", ""], ["0", "0", "0", "0"]]


def test_a_label_merged_over_two_columns_gives_no_blank_value():
    grid = _grid(
        """
|Col1|Col2|1.信访举报投诉类申请|1|0|0|0|0|0|1|
|---|---|---|---|---|---|---|---|---|---|
||（六）其他处理||0|0|0|0|0|0|0|
||（七）总计||95|0|0|0|0|0|95|
"""
    )
    assert _values(grid)[1] == ["", "（六）其他处理", *["0"] * 7]
    assert _values(grid)[2] == ["", "（七）总计", "95", *["0"] * 5, "95"]


def test_a_blank_value_in_the_first_value_column_stays_a_value():
    grid = _grid(
        """
|项目|自然人|商业企业|总计|
|---|---|---|---|
|（一）予以公开|3|1|4|
|（二）部分公开||2|2|
"""
    )
    assert _values(grid)[2] == ["（二）部分公开", "", "2", "2"]


def test_the_page_number_between_two_pieces_of_a_table_is_not_a_value():
    new, carried = "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"
    text = (
        "某县2024年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n\n"
        "|项目|项目|自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|\n"
        "|---|---|---|---|---|---|---|---|---|\n"
        f"|{new}|{new}|7|0|0|0|0|0|7|\n"
        "\n- 4\n\n"
        "|Col1|Col2|Col3|Col4|Col5|Col6|Col7|Col8|Col9|\n"
        "|---|---|---|---|---|---|---|---|---|\n"
        f"|{carried}|{carried}|2|0|0|0|0|0|2|\n"
    )
    report = place(parse_text(text))
    assert report.value("t2.new_received.natural_person") == 7
    assert report.value("t2.new_received.total") == 7
    assert report.value("t2.carried_over_in.natural_person") == 2
    assert report.value("t2.carried_over_in.total") == 2


FUSED = """
|项目|项目|项目|自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|
|---|---|---|---|---|---|---|---|---|---|
|一、本年新收政府信息公开申请数量|一、本年新收政府信息公开申请数量|一、本年新收政府信息公开申请数量|5|0|0|0|0|0|5|
|三、本年度办理结果|（一）予以公开|（一）予以公开|4|0|0|0|0|0|4|
|三、本年度办理结果|（六）其他处理|2.申请人逾期未<br>按收费通知要求|0|0|0|0|0|0|0|


|Col1|Col2|Col3|Col4|Col5|Col6|Col7|Col8|Col9|Col10|
|---|---|---|---|---|---|---|---|---|---|
||缴纳费用、行政<br>机关不再处理其<br>请<br>3.其他<br>（七）总计|3.其他|1|0|0|0|0|0|1|
||缴纳费用、行政<br>机关不再处理其<br>请<br>3.其他<br>（七）总计|3.其他|5|0|0|0|0|0|5|
|四、结转下年度继续办理|四、结转下年度继续办理|四、结转下年度继续办理|0|0|0|0|0|0|0|
"""


def _t2_markdown(table: str):
    head = "某局2024年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n\n"
    return place(parse_text(head + table + "\n四、政府信息公开行政复议、行政诉讼情况\n"))


def test_labels_a_converter_fused_into_one_cell_go_to_their_rows_in_order():
    report = _t2_markdown(FUSED)
    assert report.value("t2.other.other.natural_person") == 1
    assert report.value("t2.other.other.total") == 1
    assert report.value("t2.processed_total.natural_person") == 5
    assert report.value("t2.processed_total.total") == 5
    assert report.value("t2.other.fee_unpaid.natural_person") == 0
    assert report.value("t2.carried_over_out.total") == 0


def test_fused_labels_that_do_not_match_their_rows_in_number_are_not_guessed():
    """Three labels in the cell and two rows beside it: no row takes a label by position."""
    three = FUSED.replace("3.其他<br>（七）总计", "2.其他<br>3.其他<br>（七）总计")
    report = _t2_markdown(three)
    for key in ("t2.other.other.natural_person", "t2.processed_total.natural_person"):
        assert report.value(key) is None
    wrong = [
        k
        for k, v in (("t2.other.other.total", 1), ("t2.processed_total.total", 5))
        if report.value(k) not in (None, v)
    ]
    assert wrong == []


def test_fused_labels_beside_rows_labelled_apart_do_not_override_the_rows_own_labels():
    """The fused cell lists 3.其他 before （七）总计, but the rows beside it are labelled the
    other way round in their own cells: the order of the lines in the cell places nothing."""
    swapped = FUSED.replace("|3.其他|1|", "|（七）总计|1|")
    report = _t2_markdown(swapped)
    assert report.value("t2.other.other.natural_person") in (None, 5)
    assert report.value("t2.processed_total.natural_person") in (None, 1)


def _converted():
    if not DEV.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=skip_reason(DEV)))]
    return [pytest.param(p, id=p.name) for p in sorted(DEV.glob("*.pdf"))]


def _flat(c: dict) -> list:
    return [c["year"], *c["table1"], *[v for row in c["table2"] for v in row], *c["table3"]]


@pytest.mark.parametrize("pdf", _converted())
def test_a_dev_pdf_converted_to_markdown_reads_to_its_labels(pdf, tmp_path):
    import pymupdf4llm

    md = tmp_path / (pdf.stem + ".md")
    md.write_text(pymupdf4llm.to_markdown(str(pdf), show_progress=False), "utf-8")
    report = read_path(md)
    got = _flat(cells(report))
    want = _flat(json.loads(pdf.with_suffix(".truth.json").read_text("utf-8")))
    assert [(i, g, w) for i, (g, w) in enumerate(zip(got, want)) if g is not None and g != w] == []
    lost = sum(g is None and w is not None for g, w in zip(got, want))
    # the converter fuses 04's labels "3.其他" and "（七）总计" into one cell repeated beside
    # both rows' values: each row takes its own label, in the order printed
    assert lost == 0
