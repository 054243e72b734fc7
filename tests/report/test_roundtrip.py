"""Writing a report as DOCX or HTML and reading that file back gives the same cells.

For every dev report (text dumps and PDFs) and for a hand-built report holding every kind of
cell: what the writers draw, the readers and the placement read back, blank, "/", numbers and
unreadable cells alike.
"""

import functools

import pytest

from gongkai.report.formats import FORMAT_2019
from gongkai.report.model import Cell, Report
from gongkai.report.read import read_path
from gongkai.report.write import write
from gongkai.report.write.cells_json import cells

from .conftest import labelled
from .write.sample import sample_report


@functools.cache
def _read(path):
    """Each dev report is read once for both kinds (the PDFs take a second or two)."""
    return read_path(path)


def _states(report):
    return {k: (report.cell(k).state, report.cell(k).value) for k in report.format.cell_keys()}


def _round_trip(report, kind, tmp_path):
    path = tmp_path / f"report.{kind}"
    path.write_bytes(write(report, kind))
    return read_path(path)


@pytest.mark.parametrize("kind", ["docx", "html", "xlsx"])
def test_a_built_report_keeps_blank_slash_numbers_and_unreadable_cells(kind, tmp_path):
    report = sample_report()
    back = _round_trip(report, kind, tmp_path)
    assert _states(back) == _states(report)
    assert back.cell("t3.litigation_direct.pending").raw == "约5"
    assert (back.agency, back.year, back.signed_on) == (
        report.agency,
        report.year,
        report.signed_on,
    )
    if kind != "xlsx":  # a workbook holds the tables and the metadata only
        assert back.text(1) == report.text(1) and back.text(5) == report.text(5)


@pytest.mark.parametrize("kind", ["docx", "html", "xlsx"])
@pytest.mark.parametrize("path,truth", labelled((".txt", ".pdf")))
def test_every_dev_report_reads_back_the_same(path, truth, kind, tmp_path):
    report = _read(path)  # a labelled report that does not read is a failure, never a skip
    back = _round_trip(report, kind, tmp_path)
    assert cells(back) == cells(report)
    assert _states(back) == _states(report)
    assert back.layout == report.layout


@pytest.mark.parametrize("kind", ["docx", "html", "xlsx"])
def test_a_2019_format_report_keeps_its_layout_and_signed_changes(kind, tmp_path):
    """The 2019 trial format: other table-1 columns, a negative 本年增/减, （六）其他处理 as one row."""
    report = Report(format=FORMAT_2019, agency="某区人民政府", year=2020)
    for i, key in enumerate(FORMAT_2019.cell_keys()):
        column = FORMAT_2019.specs[key][2]
        printed = "-8" if column.signed else "251000.5" if column.decimal else str(i % 7)
        report.set(Cell.read(key, printed, decimal=column.decimal))
    back = _round_trip(report, kind, tmp_path)
    assert back.format.version == "2019"
    assert _states(back) == _states(report)
    assert back.cell("t1.licensing.change").value == -8


@pytest.mark.parametrize("kind", ["docx", "html", "xlsx"])
def test_an_unreadable_cell_with_nothing_printed_stays_unreadable_with_its_reason(kind, tmp_path):
    """A row the source did not print is unreadable, not blank: the writer's mark says so."""
    report = sample_report()
    report.set(Cell.unreadable("t1.regulations.made", "", "表中未找到该单元格"))
    back = _round_trip(report, kind, tmp_path)
    cell = back.cell("t1.regulations.made")
    assert (cell.state, cell.reason) == (
        report.cell("t1.regulations.made").state,
        "表中未找到该单元格",
    )
    assert (
        back.cell("t1.regulations.repealed").state is report.cell("t1.regulations.repealed").state
    )
