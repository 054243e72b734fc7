"""A report printed by gongkai's writer and scanned, with a digit erased from a table-2 and a
table-3 cell (dust, a fold): OCR sees only what is left, with a high score, and the table's
sums catch it. Every cell reads as written or is unreadable, never a different number."""

import sys
from pathlib import Path

import pytest

from gongkai.report.model import State
from gongkai.report.read.ocr import read_images
from gongkai.report.read.place import place

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fixtures"))
from scanned_report import balanced_report, damaged_scan

pytest.importorskip("rapidocr")
pytestmark = pytest.mark.slow


def _two_digit_cell(report, table: str) -> str:
    return next(
        k
        for k, c in sorted(report.cells.items())
        if k.startswith(f"{table}.") and isinstance(c.value, int) and c.value >= 10
    )


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs /usr/bin/chromium")
def test_a_digit_lost_from_a_scan_leaves_its_cell_unreadable_never_wrong(tmp_path):
    written = balanced_report(7)
    damaged = [_two_digit_cell(written, "t2"), _two_digit_cell(written, "t3")]
    read = place(read_images(damaged_scan(written, tmp_path, damaged)))
    for key in damaged:
        assert read.cells[key].state is State.UNREADABLE, (key, read.cells[key])
        assert f"按合计应为 {written.value(key)}" in read.cells[key].reason
    wrong = {
        k: (c.raw, written.value(k))
        for k, c in read.cells.items()
        if k in written.cells and c.state is State.NUMBER and c.value != written.value(k)
    }
    assert wrong == {}
    readable = [k for k in written.cells if read.cells.get(k) and read.cells[k].known]
    assert len(readable) >= 0.9 * len(written.cells)
