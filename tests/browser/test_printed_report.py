"""A report page printed to PDF by Chromium, with the page broken after a given table row (as a
browser breaks a page wherever it ends), reads back exactly: a row at the top of a page never
takes the value of the row at the foot of the page before, and no row is lost. The suite prints
a few breaks per dev report; the slow test breaks after every row in turn."""

import pytest

from gongkai.report.read import read_path
from gongkai.report.write import write
from gongkai.report.write.cells_json import cells

from ..report.conftest import labelled

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
]
BREAK = "k => document.querySelectorAll('tr').forEach((tr, i) => tr.style.breakAfter = i === k ? 'page' : '')"


def _prints(page, path, rows, tmp_path):
    """(row, cells read back) for a print broken after each of `rows` (None: every row)."""
    html = tmp_path / "report.html"
    html.write_bytes(write(read_path(path), "html"))
    page.goto(html.as_uri())
    count = page.evaluate("document.querySelectorAll('tr').length")
    if rows == "t1":  # after each row of table 1 (short rows, where a break cut 04's print)
        rows = page.evaluate(
            "[...document.querySelectorAll('tr')].flatMap((tr, i) => tr.closest('#t1') ? [i] : [])"
        )
    for k in range(count) if rows is None else [r % count for r in rows]:
        page.evaluate(BREAK, k)
        pdf = tmp_path / f"break-after-{k}.pdf"
        pdf.write_bytes(page.pdf(format="A4"))
        yield k, cells(read_path(pdf))


def _labels(truth):
    return [truth["year"], truth["table1"], truth["table2"], truth["table3"]]


@pytest.mark.parametrize("path,truth", ONE_A_STEM)
def test_a_page_break_after_a_table_row_loses_and_moves_nothing(page, path, truth, tmp_path):
    rows = "t1" if path.name in ("01_huaian_2024.pdf", "04_putian_slj_2024.html") else [13, 29]
    for k, got in _prints(page, path, rows, tmp_path):
        assert _labels(got) == _labels(truth), f"page break after row {k}"


@pytest.mark.slow
@pytest.mark.parametrize("path,truth", ONE_A_STEM)
def test_a_page_break_after_any_row_reads_exactly(page, path, truth, tmp_path):
    for k, got in _prints(page, path, None, tmp_path):
        assert _labels(got) == _labels(truth), f"page break after row {k}"
