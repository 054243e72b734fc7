"""`gongkai render REPORT.json --to KIND -o OUT` draws a saved report; bad input exits 2."""

import io

import docx
import openpyxl

from gongkai.cli import main
from gongkai.report.write import write

from .sample import sample_report


def test_render_writes_each_kind(tmp_path):
    src = tmp_path / "report.json"
    report = sample_report()
    report.cells["t1.penalty.decisions"].raw = "7"  # a hand correction in the JSON …
    report.cells["t1.penalty.decisions"].value = 7
    src.write_bytes(write(report, "json"))
    for kind in ("docx", "html", "md", "xlsx"):
        out = tmp_path / f"out.{kind}"
        assert main(["render", str(src), "--to", kind, "-o", str(out)]) == 0
    assert "| 行政处罚 | 7 |" in (tmp_path / "out.md").read_text("utf-8")  # … shows in every output
    assert (
        docx.Document(io.BytesIO((tmp_path / "out.docx").read_bytes()))
        .tables[0]
        .rows[9]
        .cells[1]
        .text
        == "7"
    )
    assert openpyxl.load_workbook(tmp_path / "out.xlsx").worksheets[1]["B10"].value == 7
    assert 'data-key="t1.penalty.decisions">7<' in (tmp_path / "out.html").read_text("utf-8")


def test_bad_json_or_not_a_report_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{", "utf-8")
    assert main(["render", str(bad), "--to", "html", "-o", str(tmp_path / "x.html")]) == 2
    assert "不是有效的 JSON" in capsys.readouterr().err
    cells = tmp_path / "cells.json"
    cells.write_text('{"agency": "x", "year": 2024, "table1": [0]}', "utf-8")
    assert main(["render", str(cells), "--to", "md", "-o", str(tmp_path / "x.md")]) == 2
    assert "不是 gongkai 年度报告 JSON" in capsys.readouterr().err
    assert (
        main(["render", str(tmp_path / "missing.json"), "--to", "md", "-o", str(tmp_path / "x.md")])
        == 2
    )
    assert not (tmp_path / "x.md").exists()
