"""OFD (GB/T 33190): every dev PDF, written as an OFD from its text layer as OFD producers write
one, reads to its labels; positioned text (DeltaX, "g" repeats, a CTM, templates, page
blocks) lands where it is printed; a broken or hostile OFD ends in one clear ReadError."""

import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

from gongkai.report.read import read_document, read_path
from gongkai.report.read.document import ReadError
from gongkai.report.read.limits import MAX_PAGES
from gongkai.report.read.ofd import _deltas
from gongkai.report.write.cells_json import cells

from ..conftest import DEV, skip_reason

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fixtures"))
from ofd_maker import OfdPage, Run, build, from_pdf

PDFS = sorted(DEV.glob("*.pdf"))
#: the dev PDFs as parameters, or one that skips saying where the corpus should be
DEV_PDFS = [pytest.param(p, id=p.name) for p in PDFS] or [
    pytest.param(None, marks=pytest.mark.skip(reason=skip_reason(DEV)))
]


def _flat(c: dict) -> list:
    return [c["year"], *c["table1"], *[v for row in c["table2"] for v in row], *c["table3"]]


@pytest.mark.parametrize("pdf", DEV_PDFS)
def test_each_dev_pdf_written_as_ofd_reads_to_its_labels(tmp_path, pdf):
    f = tmp_path / (pdf.stem + ".ofd")
    f.write_bytes(from_pdf(pdf))
    report = read_path(f)
    truth = _flat(json.loads(pdf.with_suffix(".truth.json").read_text("utf-8")))
    got = _flat(cells(report))
    wrong = [(i, a, b) for i, (a, b) in enumerate(zip(got, truth)) if a is not None and a != b]
    assert not wrong, wrong  # never a wrong number
    assert got == truth  # and here every cell is read
    assert {c.source.kind for c in report.cells.values() if c.source} == {"ofd"}


def _sample() -> OfdPage:
    page = OfdPage()
    page.text(20, 20, "某某镇人民政府2024年政府信息公开工作年度报告", size=5)
    page.grid(
        20,
        40,
        [60, 25, 25],
        [10, 10],
        {
            (0, 0): "项目",
            (0, 1): "自然人",
            (0, 2): "总计",
            (1, 0): "一、本年新收",
            (1, 1): "45",
            (1, 2): "45",
        },
    )
    return page


def test_text_and_a_ruled_table_land_where_they_are_printed(tmp_path):
    f = tmp_path / "r.ofd"
    f.write_bytes(build([_sample()]))
    doc = read_document(f)
    assert doc.kind == "ofd"
    assert doc.lines[0].text == "某某镇人民政府2024年政府信息公开工作年度报告"
    assert [[c.text for c in row] for row in doc.grids[0].rows] == [
        ["项目", "自然人", "总计"],
        ["一、本年新收", "45", "45"],
    ]
    # millimetres become points: the title's baseline 20 mm from the top is at 56.7 pt
    assert abs(doc.lines[0].source.bbox[3] - (20 + 0.12 * 5) * 72 / 25.4) < 0.5


def test_a_run_in_a_scaled_object_space_reads_the_same(tmp_path):
    plain, scaled = _sample(), _sample()
    for run in scaled.runs:
        run.scaled = True
    a, b = tmp_path / "a.ofd", tmp_path / "b.ofd"
    a.write_bytes(build([plain]))
    b.write_bytes(build([scaled]))
    da, db = read_document(a), read_document(b)
    assert da.plain_text() == db.plain_text()
    assert da.lines[0].source.bbox == pytest.approx(db.lines[0].source.bbox, abs=0.5)


def test_deltax_repeats():
    assert _deltas("g 3 2.5 1 g 2 4") == [2.5, 2.5, 2.5, 1.0, 4.0, 4.0]
    assert _deltas("") == []


def test_two_numbers_set_apart_in_one_text_code_stay_apart(tmp_path):
    page = OfdPage()
    page.text(20, 20, "2024年政府信息公开工作年度报告", size=5)
    page.runs.append(Run("3 12", 20, 40, 3.5, [2, 10, 2]))  # "3", a gap, "12"
    f = tmp_path / "r.ofd"
    f.write_bytes(build([page]))
    assert "3 12" in read_document(f).plain_text()


def _rewrite(data: bytes, name: str, new: bytes | None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(buf, "w") as out:
        for item in z.infolist():
            if item.filename != name:
                out.writestr(item, z.read(item))
        if new is not None:
            out.writestr(name, new)
    return buf.getvalue()


def test_a_template_page_is_read_with_the_page(tmp_path):
    data = build([OfdPage().text(20, 60, "第一部分正文")])
    doc_xml = zipfile.ZipFile(io.BytesIO(data)).read("Doc_0/Document.xml").decode()
    doc_xml = doc_xml.replace(
        "</ofd:CommonData>",
        '<ofd:TemplatePage ID="7" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>',
    )
    content = zipfile.ZipFile(io.BytesIO(data)).read("Doc_0/Pages/Page_0/Content.xml").decode()
    content = content.replace("<ofd:Area>", '<ofd:Template TemplateID="7"/><ofd:Area>')
    template = build([OfdPage().text(20, 30, "某某县人民政府2024年政府信息公开工作年度报告")])
    tpl = zipfile.ZipFile(io.BytesIO(template)).read("Doc_0/Pages/Page_0/Content.xml")
    data = _rewrite(data, "Doc_0/Document.xml", doc_xml.encode())
    data = _rewrite(data, "Doc_0/Pages/Page_0/Content.xml", content.encode())
    data = _rewrite(data, "Doc_0/Tpls/Tpl_0/Content.xml", tpl)
    f = tmp_path / "t.ofd"
    f.write_bytes(data)
    text = read_document(f).plain_text()
    assert "年度报告" in text and "第一部分正文" in text


def test_an_ofd_is_found_by_its_content_whatever_its_name(tmp_path):
    f = tmp_path / "report.zip"
    f.write_bytes(build([_sample()]))
    assert read_document(f).kind == "ofd"


def _fails(tmp_path, data: bytes, *words):
    f = tmp_path / "bad.ofd"
    f.write_bytes(data)
    with pytest.raises(ReadError) as e:
        read_path(f)
    assert all(w in str(e.value) for w in words), str(e.value)


def test_not_a_zip(tmp_path):
    _fails(tmp_path, b"this is not an OFD at all", "OFD")


def test_a_zip_without_ofd_xml(tmp_path):
    _fails(tmp_path, _rewrite(build([_sample()]), "OFD.xml", None), "OFD.xml")


def test_a_page_that_is_missing(tmp_path):
    _fails(tmp_path, _rewrite(build([_sample()]), "Doc_0/Pages/Page_0/Content.xml", None), "缺少")


def test_broken_page_xml(tmp_path):
    _fails(
        tmp_path,
        _rewrite(build([_sample()]), "Doc_0/Pages/Page_0/Content.xml", b"<ofd:Page"),
        "损坏",
    )


def test_a_page_with_no_text_layer_says_so(tmp_path):
    _fails(tmp_path, build([OfdPage()]), "第 1 页", "文字层")


def test_too_many_pages(tmp_path):
    pages = [OfdPage().text(20, 20, f"第{i}页") for i in range(MAX_PAGES + 1)]
    _fails(tmp_path, build(pages), str(MAX_PAGES + 1), "页")


def test_a_page_bomb_is_refused(tmp_path):
    page = OfdPage()
    page.runs.append(Run("1" * 600_000, 20, 40, 3.5, []))
    _fails(tmp_path, build([page]), "字符")


def test_deeply_nested_page_blocks(tmp_path):
    content = (
        '<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>'
        + "<ofd:PageBlock>" * 5000
        + "</ofd:PageBlock>" * 5000
        + "</ofd:Layer></ofd:Content></ofd:Page>"
    )
    data = _rewrite(build([_sample()]), "Doc_0/Pages/Page_0/Content.xml", content.encode())
    _fails(tmp_path, data, "嵌套过深")


def test_the_command_reads_an_ofd(tmp_path, capsys):
    from gongkai.cli import main

    if not PDFS:
        pytest.skip(skip_reason(DEV))
    f = tmp_path / "r.ofd"
    f.write_bytes(from_pdf(PDFS[0]))
    assert main(["parse", str(f), "--to", "cells"]) == 0
    assert json.loads(capsys.readouterr().out)["table2"][0][-1] is not None
