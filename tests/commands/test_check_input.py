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
    path = tmp_path / "nothing.txt"
    assert main(["check", str(path)]) == 2
    assert capsys.readouterr().err == f"无法读取 {path}：文件不存在：{path}\n"


def test_empty_file(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["check", str(empty)]) == 2
    assert capsys.readouterr().err == f"无法读取 {empty}：文件为空：{empty}\n"


def test_broken_pdf(tmp_path, capsys):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage")
    assert main(["check", str(bad)]) == 2
    assert capsys.readouterr().err == (
        f"无法读取 {bad}：PDF 文件不完整（没有结束标记 %%EOF，可能下载中断）：{bad}\n"
    )


def test_unreadable_previous(tmp_path, capsys):
    seed = DEV / "00_guantouzhen_2024.txt"
    if not seed.exists():
        pytest.skip(skip_reason(DEV))
    none = tmp_path / "none.txt"
    assert main(["check", str(seed), "--previous", str(none)]) == 2
    assert f"无法读取上年报告 {none}：文件不存在：{none}\n" in capsys.readouterr().err


@pytest.mark.parametrize(
    "extra, says",
    [
        (["--html", "x.html"], "错误：--html 只用于检查单个文件"),
        (
            ["--previous", "x.txt"],
            "错误：--previous 只用于检查单个文件；检查文件夹时会自动配对同一机关相邻年度的报告",
        ),
    ],
)
def test_folder_only_options_are_refused(tmp_path, capsys, extra, says):
    assert main(["check", str(tmp_path), *extra]) == 2
    assert capsys.readouterr().err == says + "\n"


def test_bad_summary_suffix(tmp_path, capsys):
    out = tmp_path / "out.pdf"
    assert main(["check", str(tmp_path), "--summary", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"错误：--summary 的文件应以 .xlsx、.csv、.html、.htm 结尾：{out}\n"
    )


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
