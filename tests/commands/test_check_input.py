"""`gongkai check` on input it cannot read, and on misuse: exit 2 with a message, no traceback."""

from __future__ import annotations

import json

import pytest

from gongkai.cli import main

from ..report.conftest import DEV, skip_reason


@pytest.fixture(autouse=True)
def _debug(monkeypatch):
    monkeypatch.setenv("GONGKAI_DEBUG", "1")


def test_missing_file(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nothing.txt")]) == 2
    assert "无法读取" in capsys.readouterr().err


def test_empty_file(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["check", str(empty)]) == 2
    assert "空" in capsys.readouterr().err


def test_broken_pdf(tmp_path, capsys):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage")
    assert main(["check", str(bad)]) == 2
    assert capsys.readouterr().err.strip()


def test_unreadable_previous(tmp_path, capsys):
    seed = DEV / "00_guantouzhen_2024.txt"
    if not seed.exists():
        pytest.skip(skip_reason(DEV))
    assert main(["check", str(seed), "--previous", str(tmp_path / "none.txt")]) == 2
    assert "上年报告" in capsys.readouterr().err


@pytest.mark.parametrize("extra", [["--html", "x.html"], ["--previous", "x.txt"]])
def test_folder_only_options_are_refused(tmp_path, capsys, extra):
    assert main(["check", str(tmp_path), *extra]) == 2
    assert "错误" in capsys.readouterr().err


def test_bad_summary_suffix(tmp_path, capsys):
    assert main(["check", str(tmp_path), "--summary", str(tmp_path / "out.pdf")]) == 2
    assert ".xlsx" in capsys.readouterr().err


def test_previous_year_runs_the_year_rules(capsys):
    now, last = DEV / "03_hongzequ_2024.pdf", DEV / "02_hongzequ_2023.txt"
    if not now.exists():
        pytest.skip(skip_reason(DEV))
    main(["check", str(now), "--previous", str(last), "--json"])
    findings = json.loads(capsys.readouterr().out)
    rules = {f["rule"] for f in findings}
    assert {"Y-1", "Y-2", "Y-4", "Y-5", "Y-6"} <= rules
    y1 = [f for f in findings if f["rule"] == "Y-1"]
    assert len(y1) == 7 and all(f["outcome"] == "pass" for f in y1)  # 0 carried out, 0 carried in
    assert any(
        k.startswith("上年:") for f in y1 for k in f["sources"]
    )  # last year's cell located too
