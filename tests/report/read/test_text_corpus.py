"""The text reader reads every labelled dev text report exactly (acceptance of issue 2)."""

import json
import re
import shutil
import subprocess

import pytest

from gongkai.cli import main
from gongkai.report.formats import chinese_date
from gongkai.report.read import read_path
from gongkai.report.write.cells_json import cells

from ..conftest import labelled


@pytest.mark.parametrize("path,truth", labelled())
def test_every_cell_and_the_year_match_the_labels(path, truth):
    got = cells(read_path(path))
    assert got["year"] == truth["year"]
    assert got["table1"] == truth["table1"]
    for i, (row, want) in enumerate(zip(got["table2"], truth["table2"])):
        assert row == want, f"table2 row {i}"
    assert got["table3"] == truth["table3"]


def test_parse_command_prints_the_seed_cells(seed_path, capsys):
    assert main(["parse", str(seed_path), "--to", "cells"]) == 0
    out = json.loads(capsys.readouterr().out)
    truth = json.loads(seed_path.with_name("00_guantouzhen_2024.truth.json").read_text("utf-8"))
    assert {k: out[k] for k in ("year", "table1", "table2", "table3")} == {
        k: truth[k] for k in ("year", "table1", "table2", "table3")
    }


def test_every_seed_cell_says_which_line_it_was_printed_on(seed_path):
    report = read_path(seed_path)
    lines = seed_path.read_text("utf-8").split("\n")
    for key in report.format.cell_keys():
        cell = report.cells[key]
        assert cell.source is not None and cell.source.line is not None, key
        assert lines[cell.source.line - 1].strip() == cell.raw, key


def test_seed_metadata(seed_path):
    report = read_path(seed_path)
    assert report.agency == "管头镇人民政府"
    dates = [line.strip() for line in seed_path.read_text("utf-8").splitlines()]
    dates = [d for d in dates if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", d)]
    assert chinese_date(report.signed_on) == dates[-1]  # the 落款 date printed under the agency
    assert [p for p in sorted(report.parts)] == [1, 2, 3, 4, 5, 6]
    assert "信息处理费" in report.text(6)


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)
@pytest.mark.parametrize("path,truth", labelled((".pdf",)))
def test_a_layout_preserving_text_dump_of_each_dev_pdf_reads_exactly(path, truth, tmp_path):
    """Another tool's text dump (pdftotext -layout: one row per line, labels wrapped around
    their values) is a layout the reader was not written against."""
    dump = tmp_path / (path.stem + ".txt")
    subprocess.run(["pdftotext", "-layout", str(path), str(dump)], check=True)
    got = cells(read_path(dump))
    assert [got["year"], got["table1"], got["table2"], got["table3"]] == [
        truth["year"],
        truth["table1"],
        truth["table2"],
        truth["table3"],
    ]


def _plumber(path, layout):
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(p.extract_text(layout=layout) or "" for p in pdf.pages)


def _pdfium(path):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


DUMPS = {
    "pdfplumber": lambda p: _plumber(p, False),
    "pdfplumber-layout": lambda p: _plumber(p, True),
    "pdfium": _pdfium,
}


@pytest.mark.parametrize("tool", DUMPS)
@pytest.mark.parametrize("path,truth", labelled((".pdf",)))
def test_text_dumps_of_each_dev_pdf_by_other_tools_read_exactly(path, truth, tool, tmp_path):
    dump = tmp_path / (path.stem + ".txt")
    dump.write_text(DUMPS[tool](path), "utf-8")
    got = cells(read_path(dump))
    assert [got["year"], got["table1"], got["table2"], got["table3"]] == [
        truth["year"],
        truth["table1"],
        truth["table2"],
        truth["table3"],
    ]
