"""`gongkai parse FILE --explain KEY`: how one cell was read, and only the parse command loaded."""

import subprocess
import sys

import pytest

from gongkai.cli import main

from ..report.conftest import DEV


def _dev(name):
    path = DEV / name
    if not path.exists():
        pytest.skip(f"the shared corpus is not at {DEV}")
    return path


@pytest.fixture
def huaian():
    return _dev("01_huaian_2024.pdf")


@pytest.fixture
def seed_path():
    return _dev("00_guantouzhen_2024.txt")


def test_explain_shows_value_page_box_and_how_it_was_placed(huaian, capsys):
    assert main(["parse", str(huaian), "--explain", "t2.new_received.total"]) == 0
    out = capsys.readouterr().out
    assert "值：3119（数字）" in out
    assert "第4页" in out and "框 x 486.4–520.0" in out
    assert "行标签“一、本年新收政府信息公开申请数量”与该行的标签相同" in out
    assert "表头“总计”所在的第10列" in out


def test_explain_of_a_text_dump_says_the_line_and_the_column_order(seed_path, capsys):
    assert main(["parse", str(seed_path), "--explain", "t3.review.total"]) == 0
    out = capsys.readouterr().out
    assert "位置：第" in out and "行" in out
    assert "表三第5个数值（共15个）" in out


def test_explain_of_an_unknown_key_suggests_the_near_ones(huaian, capsys):
    assert main(["parse", str(huaian), "--explain", "t2.new_recieved.total"]) == 2
    err = capsys.readouterr().err
    assert "没有单元格 t2.new_recieved.total" in err and "t2.new_received.total" in err


def test_parse_loads_neither_the_office_nor_the_other_commands(seed_path):
    code = (
        "import sys; from gongkai.cli import main; "
        f"main(['parse', {str(seed_path)!r}, '--to', 'cells']); "
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('gongkai.commands.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded = out.strip().splitlines()[-1]
    assert loaded == str(
        ["gongkai.commands.arguments", "gongkai.commands.output", "gongkai.commands.parse"]
    )


def test_the_overlay_draws_each_cells_box_and_key_over_its_page(huaian, tmp_path):
    out = tmp_path / "pages.html"
    assert main(["parse", str(huaian), "--overlay", "-o", str(out)]) == 0
    html = out.read_text("utf-8")
    assert html.count('class="box"') == 200  # every official cell of the report has a box
    assert html.count('<img src="data:image/png;base64,') == 3  # the pages with the tables
    box = html[: html.index("<span>t2.new_received.total</span>")].rsplit('<div class="box"', 1)[1]
    assert "left:" in box and "值：3119（数字）" in box


def test_the_overlay_of_a_text_file_is_refused(seed_path, tmp_path, capsys):
    assert main(["parse", str(seed_path), "--overlay", "-o", str(tmp_path / "x.html")]) == 2
    assert "只适用于 PDF" in capsys.readouterr().err
