"""The DOCX looks like the official annex: A4, East Asian fonts, the six parts in order and the
three tables with the merged header cells of the reference template."""

import io

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from gongkai.report.formats import FORMAT_2021
from gongkai.report.write import write

from .sample import sample_report


@pytest.fixture(scope="module")
def document():
    return docx.Document(io.BytesIO(write(sample_report(), "docx")))


def _row_cells(table, r):
    """(text, gridSpan, vMerge) of each <w:tc> of row r, as Word stores it."""
    out = []
    for tc in table._tbl.tr_lst[r].tc_lst:
        pr = tc.tcPr
        span = pr.gridSpan.val if pr is not None and pr.gridSpan is not None else 1
        vmerge = pr.vMerge.val if pr is not None and pr.vMerge is not None else None
        out.append(("".join(t.text or "" for t in tc.iter(qn("w:t"))), span, vmerge))
    return out


def test_the_page_is_a4(document):
    s = document.sections[0]
    assert abs(s.page_width - Cm(21)) < Cm(0.05) and abs(s.page_height - Cm(29.7)) < Cm(0.05)


def test_chinese_text_has_an_east_asian_font(document):
    fonts = {
        r.element.rPr.rFonts.get(qn("w:eastAsia")) for p in document.paragraphs for r in p.runs
    }
    assert None not in fonts
    assert {"仿宋_GB2312", "黑体"} <= fonts
    assert document.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_the_six_parts_come_in_order_with_their_text(document):
    texts = [p.text for p in document.paragraphs]
    headings = [f"{p.numeral}、{p.title}" for p in FORMAT_2021.parts]
    positions = [texts.index(h) for h in headings]
    assert positions == sorted(positions)
    assert texts[positions[0] + 1].startswith("2024年，本机关认真贯彻")
    assert texts[-2:] == ["某县自然资源局", "2025年1月20日"]


def test_table_2_header_merges_like_the_template(document):
    t2 = document.tables[1]
    first = _row_cells(t2, 0)
    assert first[0][0].startswith("（本列数据的勾稽关系为") and first[0][1:] == (3, "restart")
    assert first[1] == ("申请人情况", 7, None)
    second = _row_cells(t2, 1)
    assert ("法人或其他组织", 5, None) in second
    assert ("自然人", 1, "restart") in second and ("总计", 1, "restart") in second
    assert [c[0] for c in _row_cells(t2, 2)][2:-1] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]


def test_table_2_row_headings_span_their_rows(document):
    t2 = document.tables[1]
    starts = {c[0]: r for r in range(len(t2.rows)) for c in _row_cells(t2, r) if c[2] == "restart"}
    assert starts["三、本年度办理结果"] == 5
    below = [_row_cells(t2, r)[0][2] for r in range(6, 27)]
    assert below == ["continue"] * 21  # through （七）总计
    assert _row_cells(t2, 27)[0][:2] == ("四、结转下年度继续办理", 3)


def test_table_3_is_one_row_under_three_header_rows(document):
    t3 = document.tables[2]
    assert _row_cells(t3, 0) == [("行政复议", 5, None), ("行政诉讼", 10, None)]
    assert [c[:2] for c in _row_cells(t3, 1)][5:] == [("未经复议直接起诉", 5), ("复议后起诉", 5)]
    assert len(t3.rows) == 4 and len(_row_cells(t3, 3)) == 15


def test_table_1_has_a_header_per_article_item(document):
    t1 = document.tables[0]
    blocks = [c[0] for r in range(len(t1.rows)) for c in _row_cells(t1, r) if c[1] == 4]
    assert blocks == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ]


def test_blank_stays_blank_slash_stays_slash_and_numbers_print_as_read(document):
    t1 = document.tables[0]
    regulations = [c.text for c in t1.rows[2].cells]
    assert regulations == ["规章", "", "/", "0"]
    assert t1.rows[13].cells[-1].text == "96171.6"
    t2 = document.tables[1]
    assert t2.rows[4].cells[5].text == "/"  # 上年结转 · 科研机构


def test_an_unreadable_cell_keeps_its_text_shaded_with_a_comment(document):
    t3 = document.tables[2]
    cell = t3.rows[3].cells[8]
    assert cell.text == "约5"
    assert cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "FFE38A"
    assert any("无法读取" in c.text for c in document.comments)
