"""Small hostile files that declare far more than they hold end in one clear ReadError, as
the user runs gongkai (`gongkai parse FILE`), within 20 s and 1 GB; the bounds hold for the
file as a whole, not per table; text in UTF-16 is read; special files are refused by what
they are, before anything reads from them."""

import io
import json
import os
import subprocess
import sys
import time
import zipfile

import pytest

from gongkai.report.read import read_path
from gongkai.report.read.document import ReadError
from gongkai.report.read.html import parse_html
from gongkai.report.read.limits import MAX_DEPTH, MAX_GRID_CELLS, MAX_TEXT_CHARS
from gongkai.report.write.cells_json import cells

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TITLE = "<p>某某县人民政府2024年政府信息公开工作年度报告</p>"
#: the child prints its CPU seconds and its peak resident set (KB, Linux) on its last line of
#: stderr: CPU time, not the wall clock, so that a machine busy with other work does not fail
#: a bound the file itself keeps (the wall clock is capped by the run's timeout)
CHILD = (
    "import resource, sys\n"
    "from gongkai.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "u = resource.getrusage(resource.RUSAGE_SELF)\n"
    "print(u.ru_utime + u.ru_stime, u.ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def _refused(path, *words, command=("parse",), tail=("--to", "cells")):
    """Run the command on `path` as a user would: exit 2, one Chinese message, no traceback,
    under 20 s and 1 GB."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *command, str(path), *tail],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "GONGKAI_DEBUG": ""},
    )
    *message, usage = done.stderr.strip().split("\n")
    message = "\n".join(message)
    seconds, peak = float(usage.split()[0]), usage.split()[1]
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in message and "内部错误" not in message, message
    assert all(w in message for w in words), message
    assert seconds < 20, f"{seconds:.1f} s of CPU"
    assert int(peak) < 1024 * 1024, f"{int(peak) // 1024} MB"
    return message


def _docx(body: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
        )
    return buf.getvalue()


def test_html_whose_cells_span_1000_rows_and_columns(tmp_path):
    cell = '<td rowspan="1000" colspan="1000">1</td>'
    rows = "".join(f"<tr>{cell * 10}</tr>" for _ in range(50))
    f = tmp_path / "span.html"
    f.write_text(f"<html><body>{TITLE}<table>{rows}</table></body></html>", "utf-8")
    assert f.stat().st_size < 25_000
    _refused(f, "表格过大", str(MAX_GRID_CELLS))


def test_docx_whose_cells_span_1000_grid_columns(tmp_path):
    tc = (
        '<w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>'
    )
    f = tmp_path / "span.docx"
    f.write_bytes(_docx(f"<w:tbl>{('<w:tr>' + tc * 10 + '</w:tr>') * 100}</w:tbl>"))
    assert f.stat().st_size < 10_000
    _refused(f, "表格过大")


def _sparse_xlsx(path, merge: str | None = None):
    """A workbook with a value at A1 and one at XFD1048576; or, with `merge`, A1 merged
    across that range (written into the XML: openpyxl itself would fill every slot)."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "编号"
    if merge:
        ws.merge_cells("A1:B2")
    else:
        ws["XFD1048576"] = "x"
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as z, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in z.infolist():
            data = z.read(item)
            if merge and item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'ref="A1:B2"', f'ref="{merge}"'.encode())
                assert merge.encode() in data
            out.writestr(item, data)


def test_xlsx_with_one_cell_at_xfd1048576(tmp_path):
    f = tmp_path / "sparse.xlsx"
    _sparse_xlsx(f)
    assert f.stat().st_size < 10_000
    _refused(f, "范围过大", "1048576 行 × 16384 列")


def test_xlsx_whose_merged_range_covers_the_whole_sheet(tmp_path):
    # loading such a workbook makes an object for every slot the range covers
    f = tmp_path / "merged.xlsx"
    _sparse_xlsx(f, merge="A1:XFD1048576")
    _refused(f, "合并单元格")


def test_import_ledger_refuses_the_sparse_xlsx_instead_of_spinning(tmp_path):
    f = tmp_path / "ledger.xlsx"
    _sparse_xlsx(f)
    _refused(f, "范围过大", command=("import-ledger", "--agency", "某某县测试局"), tail=())


def test_a_50_mb_table_page(tmp_path):
    f = tmp_path / "big.html"
    row = "<tr>" + "<td>1</td>" * 20 + "</tr>"
    with f.open("w") as out:
        out.write(f"<html><body>{TITLE}<table>")
        out.write(row * (50 * 1024 * 1024 // len(row)))
        out.write("</table></body></html>")
    _refused(f, "过大")


def test_a_table_page_just_under_the_text_size_is_refused_by_its_elements(tmp_path):
    f = tmp_path / "big.html"
    row = "<tr>" + "<td>1</td>" * 20 + "</tr>"
    f.write_text(f"{TITLE}<table>{row * ((MAX_TEXT_CHARS - 1000) // len(row))}</table>", "utf-8")
    _refused(f, "过大")


def test_deeply_nested_html_is_a_message_not_a_recursion_error(tmp_path):
    f = tmp_path / "deep.html"
    f.write_text(f"<html><body>{TITLE}{'<div>' * 100_000}1{'</div>' * 100_000}</body></html>")
    _refused(f, "嵌套过深", str(MAX_DEPTH))


def test_deeply_nested_docx_is_a_message(tmp_path):
    f = tmp_path / "deep.docx"
    f.write_bytes(_docx("<w:sdt><w:sdtContent>" * 2000 + "</w:sdtContent></w:sdt>" * 2000))
    _refused(f, "嵌套过深")


def test_the_bound_holds_for_all_tables_together_not_for_each():
    one = f"<tr>{'<td colspan=100>1</td>' * 10}</tr>"  # 1000 slots, well under the bound
    tables = MAX_GRID_CELLS // 1000 + 1
    parse_html(TITLE + f"<table>{one}</table>" * (tables - 2))  # under the bound: read
    with pytest.raises(ReadError, match="表格过大"):
        parse_html(TITLE + f"<table>{one}</table>" * tables)


def test_ordinary_spans_are_still_expanded():
    doc = parse_html(
        '<table><tr><td rowspan="2">项目</td><td colspan="3">申请人</td></tr><tr><td>a</td><td>b</td><td>c</td></tr></table>'
    )
    assert [[c.text for c in row] for row in doc.grids[0].rows] == [
        ["项目", "申请人", "申请人", "申请人"],
        ["项目", "a", "b", "c"],
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_text_in_utf16_with_or_without_a_bom_is_read_as_text(tmp_path, encoding, seed_path):
    source = seed_path
    f = tmp_path / "report.txt"
    f.write_bytes(source.read_text("utf-8").encode(encoding))
    truth = json.loads(source.with_suffix(".truth.json").read_text("utf-8"))
    got = cells(read_path(f))
    assert [got["table1"], got["table2"], got["table3"]] == [
        truth["table1"],
        truth["table2"],
        truth["table3"],
    ]


def test_a_web_page_saved_in_utf16_is_read(tmp_path):
    f = tmp_path / "page.html"
    page = "<html><body>" + TITLE + "<p>一、总体情况</p></body></html>"
    f.write_bytes(page.encode("utf-16-le"))
    from gongkai.report.read import read_document

    assert "一、总体情况" in read_document(f).plain_text()


def test_binary_named_txt_is_still_binary(tmp_path):
    f = tmp_path / "report.txt"
    f.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(ReadError, match="二进制"):
        read_path(f)


@pytest.mark.parametrize("special,what", [("/dev/zero", "字符设备"), ("/dev/null", "字符设备")])
def test_a_device_is_refused_by_what_it_is(special, what):
    if not os.path.exists(special):
        pytest.skip(f"no {special}")
    with pytest.raises(ReadError, match=what):
        read_path(special)


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    _refused(fifo, "命名管道")


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(ReadError, match="目录"):
        read_path(tmp_path)


def test_import_catalogue_refuses_the_sparse_xlsx(tmp_path):
    from gongkai.office.catalogue.catalogue_file import CatalogueUnreadable, read_catalogue

    f = tmp_path / "catalogue.xlsx"
    _sparse_xlsx(f)
    t0 = time.process_time()
    with pytest.raises(CatalogueUnreadable, match="范围过大"):
        read_catalogue(f.name, f.read_bytes())
    assert time.process_time() - t0 < 20
