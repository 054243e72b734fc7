"""read_docx: paragraphs and tables in body order, gridSpan and vMerge expanded with their
origin, and hostile files (not a zip, a zip bomb) refused with a message."""

import io
import zipfile

import pytest

from gongkai.report.read.document import Grid, ReadError
from gongkai.report.read.docx import read_docx
from gongkai.report.read.limits import MAX_XML_PART

from ...corpus import REFERENCE, skip_reason

TEMPLATE = REFERENCE / "blank_template_2021format.docx"


@pytest.fixture(scope="module")
def template():
    if not TEMPLATE.exists():
        pytest.skip(skip_reason(TEMPLATE))
    return read_docx(TEMPLATE)


def test_paragraphs_and_tables_come_in_body_order(template):
    order = [("table" if isinstance(b, Grid) else b.text) for b in template.blocks]
    assert order[:4] == [
        "政府信息公开工作年度报告格式模板",
        "一、总体情况",
        "（文字描述）",
        "二、主动公开政府信息情况",
    ]
    assert order.index("table") == 4
    assert order[order.index("三、收到和处理政府信息公开申请情况") + 1] == "table"
    assert order[-1] == "（文字描述，收取信息处理费情况在此处报告。）"
    assert template.kind == "docx" and template.lines[1].source.line is not None


def test_the_template_tables_expand_to_full_grids(template):
    t1, t2, t3 = template.grids
    assert [len(t1.rows), len(t1.rows[0])] == [14, 4]
    assert [len(t2.rows), len(t2.rows[0])] == [28, 10]
    assert [len(t3.rows), len(t3.rows[0])] == [4, 15]
    assert all(len(row) == len(g.rows[0]) for g in (t1, t2, t3) for row in g.rows)


def test_grid_span_and_vertical_merge_are_expanded_with_their_origin(template):
    t2, t3 = template.grids[1], template.grids[2]
    applicants = t2.rows[0][3:]
    assert {c.text for c in applicants} == {"申请人情况"} and {c.origin for c in applicants} == {
        (0, 3)
    }
    note = [t2.rows[r][c] for r in range(3) for c in range(3)]
    assert {c.origin for c in note} == {(0, 0)} and note[0].text.startswith(
        "（本列数据的勾稽关系为"
    )
    assert sum(not c.spanned for c in note) == 1
    results = [t2.rows[r][0] for r in range(5, 27)]
    assert {c.text for c in results} == {"三、本年度办理结果"} and {c.origin for c in results} == {
        (5, 0)
    }
    assert (
        t3.rows[2][0].text == "结果维持"
        and t3.rows[2][0].origin == (1, 0)
        and t3.rows[2][0].spanned
    )
    cell = t2.rows[9][3]
    assert (cell.source.kind, cell.source.table, cell.source.row, cell.source.col) == (
        "docx",
        1,
        9,
        3,
    )


def test_a_file_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0 an old .doc file")
    with pytest.raises(ReadError, match="不是有效的 DOCX 文件"):
        read_docx(path)


def test_a_zip_without_a_document_is_refused(tmp_path):
    path = tmp_path / "report.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ReadError, match="不是有效的 DOCX 文件：缺少正文"):
        read_docx(path)


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<" + b" " * (MAX_XML_PART + 1024))
    assert len(buf.getvalue()) < 50_000
    path = tmp_path / "bomb.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(ReadError, match="压缩炸弹"):
        read_docx(path)


def test_damaged_xml_is_refused(tmp_path):
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document xmlns:w='x'><w:body><w:p>")
    with pytest.raises(ReadError, match="不是有效的 DOCX 文件"):
        read_docx(path)
