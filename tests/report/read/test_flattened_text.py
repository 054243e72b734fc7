"""Text flattened from a web page with no separators (a browser's textContent of the page
gongkai's own HTML writer makes for each dev report): as one line and as a few lines cut
anywhere. Every cell reads to its label, or is unreadable because its digits split more than
one way (its alternatives in the reason) or in no way that keeps the totals."""

import random
import sys
from pathlib import Path

import pytest

from gongkai.report.read import read_path
from gongkai.report.write.cells_json import cells

from ..conftest import DEV, labelled, skip_reason

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fuzz"))
from damaged_reports import page_text

ONE_A_STEM = [
    p
    for p in labelled((".txt", ".pdf", ".html"))
    if p.id
    in {
        "00_guantouzhen_2024.txt",
        "01_huaian_2024.pdf",
        "02_hongzequ_2023.pdf",
        "03_hongzequ_2024.pdf",
        "04_putian_slj_2024.html",
    }
] or [pytest.param(None, None, marks=pytest.mark.skip(reason=skip_reason(DEV)))]


def _flat(text: str, lines: int, seed: int) -> str:
    if lines == 1:
        return text
    cuts = sorted(random.Random(seed).sample(range(1, len(text)), lines - 1))
    return "\n".join(text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)]))


def _values(c):
    return c["table1"] + [v for row in c["table2"] for v in row] + c["table3"]


@pytest.mark.parametrize("lines", [1, 4])
@pytest.mark.parametrize("path,truth", ONE_A_STEM)
def test_a_flattened_dev_report_reads_to_its_labels_or_says_why_not(path, truth, lines, tmp_path):
    flat = tmp_path / "flat.txt"
    flat.write_text(_flat(page_text(read_path(path), inner=False), lines, 9), "utf-8")
    report = read_path(flat)
    got, want = _values(cells(report)), _values(truth)
    assert [(g, w) for g, w in zip(got, want) if g is not None and g != w] == []
    assert cells(report)["year"] == truth["year"]
    for cell in report.unreadable:
        if cell.key in report.missing:
            continue  # a row the report never printed (04's 规章)
        assert "多种拆法" in cell.reason or "没有一种拆法" in cell.reason, (cell.key, cell.reason)
    read = sum(g is not None for g in got)
    assert read >= sum(w is not None for w in want) - 21  # at most t1's rows and table 3 lost


@pytest.fixture
def huaian_flat(tmp_path) -> Path:
    """01_huaian_2024.pdf flattened to one line."""
    path = DEV / "01_huaian_2024.pdf"
    if not path.exists():
        pytest.skip(skip_reason(path))
    flat = tmp_path / "flat.txt"
    flat.write_text(page_text(read_path(path), inner=False), "utf-8")
    return flat


def test_glued_rows_are_solved_by_the_columns_of_table_2(huaian_flat):
    """01's "2.没有现成信息需要另行制作110000011" fits its row two ways (1 10 … 11, 11 0 … 11);
    （七）总计 = the sum of the outcomes, column by column, leaves one."""
    cell = read_path(huaian_flat).cell("t2.unable.needs_creation.natural_person")
    assert cell.value == 11
    assert "按表二各列的合计关系" in cell.steps[-1]


def test_table_1_digits_with_no_total_to_check_list_their_splits(huaian_flat):
    cell = read_path(huaian_flat).cell("t1.regulations.made")
    assert cell.value is None
    assert "有多种拆法：1 0 11；10 1 1" in cell.reason
