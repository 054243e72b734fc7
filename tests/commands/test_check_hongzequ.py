"""`gongkai check` on 洪泽区 2023, whose table 3 prints totals of 0 over non-zero outcomes."""

from __future__ import annotations

import json

import pytest

from gongkai.cli import main
from gongkai.report.read import read_path

from ..report.conftest import DEV, skip_reason

HONGZEQU_2023 = DEV / "02_hongzequ_2023.txt"


@pytest.fixture
def path(monkeypatch):
    monkeypatch.setenv("GONGKAI_DEBUG", "1")
    if not HONGZEQU_2023.exists():
        pytest.skip(skip_reason(DEV))
    return HONGZEQU_2023


def test_exits_1_with_l1_for_review_and_after_review(path, capsys):
    assert main(["check", str(path), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    l1 = {f["cells"][0]: f for f in findings if f["rule"] == "L-1"}
    assert l1["t3.review.total"]["outcome"] == "fail"
    assert l1["t3.litigation_after_review.total"]["outcome"] == "fail"
    assert l1["t3.litigation_direct.total"]["outcome"] == "pass"
    review = l1["t3.review.total"]
    assert review["severity"] == "ERROR"
    assert (
        "行政复议" in review["message"] and "10" in review["message"] and "11" in review["message"]
    )
    assert review["sources"]["t3.review.total"]["line"]  # a person can find the printed 0


def test_text_output_names_the_cells(path, capsys):
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert '表三"行政复议"组"总计"列 = 0' in out
    assert "t3.litigation_after_review.total" in out
    assert "（六）其他处理印为一行" in out  # S-3: the 2019 single row in a 2023 report


def test_html_marks_the_failing_cells(path, tmp_path, capsys):
    out = tmp_path / "check.html"
    assert main(["check", str(path), "--html", str(out)]) == 1
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    cell = page.split('data-key="t3.review.total"')[0].rsplit("<td", 1)[1]
    assert "fail" in cell
    tip = page.split('data-key="t3.review.total"')[1].split(">", 1)[0]
    printed = read_path(path).cells["t3.review.total"].source.line  # where the 0 stands
    assert "L-1" in tip and f"第{printed}行" in tip and "出处" in tip
    natural = page.split('data-key="t2.new_received.natural_person"')[0].rsplit("<td", 1)[1]
    assert "fail" not in natural  # a good cell is not marked
