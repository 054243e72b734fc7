"""`gongkai check PATH...` over a folder: reads in parallel, pairs consecutive years of one
agency for the Y- rules, writes a summary, and exits 2 > 1 > 0."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from gongkai.cli import main

from ..report.conftest import DEV, skip_reason

FILES = (
    "00_guantouzhen_2024.txt",
    "02_hongzequ_2023.txt",
    "03_hongzequ_2024.pdf",
    "02_hongzequ_2023.truth.json",
)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("GONGKAI_DEBUG", "1")
    if not all((DEV / f).exists() for f in FILES):
        pytest.skip(skip_reason(DEV))
    root = tmp_path / "reports"
    (root / "hongze").mkdir(parents=True)
    shutil.copy(DEV / FILES[0], root)
    for f in FILES[1:]:
        shutil.copy(DEV / f, root / "hongze")
    return root


def run_json(capsys, *args):
    code = main(["check", *map(str, args), "--json"])
    return code, {r["file"].split("/")[-1]: r for r in json.loads(capsys.readouterr().out)}


def test_folder_pairs_years_and_exits_1(folder, tmp_path, capsys):
    summary = tmp_path / "summary.csv"
    code, results = run_json(capsys, folder, "--jobs", "2", "--summary", summary, "--all")
    assert code == 1  # 洪泽区 2023 breaks L-1
    assert set(results) == set(FILES[:3])  # the labels JSON is not a report
    later = results["03_hongzequ_2024.pdf"]
    assert later["previous"].endswith(
        "02_hongzequ_2023.txt"
    )  # 洪泽区人民政府 ~ 淮安市洪泽区人民政府
    assert any(f["rule"] == "Y-1" for f in later["findings"])
    assert results["00_guantouzhen_2024.txt"]["previous"] is None
    assert not any(
        f["rule"].startswith("Y-") for f in results["00_guantouzhen_2024.txt"]["findings"]
    )

    _, brief = run_json(capsys, folder, "--jobs", "1")  # without --all: problems only
    assert all(f["outcome"] != "pass" for r in brief.values() for f in r["findings"])
    assert brief["03_hongzequ_2024.pdf"]["passed"] > 0

    rows = list(csv.DictReader(summary.read_text("utf-8-sig").splitlines()))
    by_file = {r["文件"].split("/")[-1]: r for r in rows}
    assert by_file["02_hongzequ_2023.txt"]["错误ERROR"] != "0"
    assert "L-1" in by_file["02_hongzequ_2023.txt"]["问题"]
    assert by_file["00_guantouzhen_2024.txt"]["错误ERROR"] == "0"
    assert by_file["00_guantouzhen_2024.txt"]["机关"] == "管头镇人民政府"


def test_unreadable_file_makes_exit_2(folder, tmp_path, capsys):
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    out = tmp_path / "summary.xlsx"
    assert main(["check", str(folder), "--summary", str(out), "--jobs", "1"]) == 2
    printed = capsys.readouterr().out
    assert "broken.pdf：无法读取" in printed
    from openpyxl import load_workbook

    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "文件" and len(rows) == 1 + 4
    broken = [r for r in rows if str(r[0]).endswith("broken.pdf")][0]
    assert broken[-1]  # the reason it could not be read


def test_clean_folder_exits_0_with_html_summary(folder, tmp_path, capsys):
    shutil.rmtree(folder / "hongze")
    out = tmp_path / "summary.html"
    assert main(["check", str(folder), "--summary", str(out)]) == 0
    page = out.read_text("utf-8")
    assert "管头镇人民政府" in page and "<table>" in page


def test_named_files_are_checked_together(folder, capsys):
    code, results = run_json(
        capsys,
        folder / "hongze" / "02_hongzequ_2023.txt",
        folder / "hongze" / "03_hongzequ_2024.pdf",
    )
    assert code == 1 and len(results) == 2
    assert results["03_hongzequ_2024.pdf"]["previous"]
