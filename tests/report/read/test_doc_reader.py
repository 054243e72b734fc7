"""Legacy Word (.doc) files: the text and the table cells read from the piece table."""

import json
from pathlib import Path

import pytest

from gongkai.cli import main
from gongkai.report.read import ReadError, read_path
from gongkai.report.write.cells_json import cells

from ..conftest import DEV, skip_reason

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "01_huaian_2024.doc"


def test_a_doc_saved_by_word_processor_reads_like_the_report_it_holds():
    """The fixture is 01_huaian_2024 written by gongkai as DOCX and saved as .doc by LibreOffice
    (tests/fixtures/README.md says how to make it again)."""
    truth_path = DEV / "01_huaian_2024.truth.json"
    if not truth_path.exists():
        pytest.skip(skip_reason(DEV))
    truth = json.loads(truth_path.read_text("utf-8"))
    got = cells(read_path(FIXTURE))
    assert [got["year"], got["table1"], got["table2"], got["table3"]] == [
        truth["year"],
        truth["table1"],
        truth["table2"],
        truth["table3"],
    ]


def test_every_doc_cell_says_where_it_was(tmp_path):
    report = read_path(FIXTURE)
    cell = report.cell("t2.new_received.total")
    assert cell.source.kind == "doc" and cell.source.line is not None


def test_a_file_that_is_not_a_doc_is_refused(tmp_path, capsys):
    bad = tmp_path / "x.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    with pytest.raises(ReadError, match="Word 97"):
        read_path(bad)
    assert main(["parse", str(bad)]) == 2
    assert "Word 97" in capsys.readouterr().err
