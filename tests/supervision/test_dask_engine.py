"""`gongkai check FOLDER --engine dask` writes exactly the summary `--jobs 1` writes, on a local
multi-process cluster whose workers receive the files' bytes."""

import csv
import json

import pytest

from gongkai.cli import main

from .makers import build, save, values


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "reports"
    (root / "sub").mkdir(parents=True)
    for i, (agency, year, kind) in enumerate(
        [
            ("甲局", 2023, "docx"),
            ("甲局", 2024, "html"),  # paired with 2023 for the Y- rules
            ("乙局", 2024, "xlsx"),
            ("丙镇人民政府", 2024, "md"),
        ]
    ):
        save(build(agency, year, values(i)), root / ("sub" if i % 2 else ""), f"r{i}", kind)
    (root / "broken.docx").write_bytes(b"PK\x03\x04 broken")
    return root


def _run(capsys, folder, out, *args):
    code = main(["check", str(folder), "--summary", str(out), "--json", *args])
    printed = json.loads(capsys.readouterr().out)
    return code, printed, list(csv.reader(out.read_text("utf-8-sig").splitlines()))


@pytest.mark.slow
def test_dask_and_one_process_give_the_same_summary(folder, tmp_path, capsys):
    one = _run(capsys, folder, tmp_path / "one.csv", "--jobs", "1")
    dask = _run(capsys, folder, tmp_path / "dask.csv", "--engine", "dask", "--jobs", "2")
    assert one[0] == dask[0] == 2  # the broken file
    assert one[2] == dask[2]
    assert one[1] == dask[1]
    assert len(one[2]) == 1 + 5
    paired = [r for r in one[1] if r["previous"]]
    assert len(paired) == 1 and paired[0]["file"].endswith("r1.html")


def test_scheduler_only_with_dask(folder, tmp_path, capsys):
    assert main(["check", str(folder), "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "--scheduler 只用于 --engine dask" in capsys.readouterr().err


def test_an_unreachable_scheduler_is_a_clear_error(folder, capsys):
    code = main(["check", str(folder), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert code == 2
    assert "无法连接 Dask 调度器 tcp://127.0.0.1:9" in capsys.readouterr().err
