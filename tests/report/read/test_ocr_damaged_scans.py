"""A report printed by gongkai's writer and scanned, with a digit erased from a table-2 and a
table-3 cell (dust, a fold): OCR sees only what is left, with a high score, and the table's
sums catch it. Every cell reads as written or is unreadable, never a different number; and a
table's own printed error is read as printed, because the ink shows every digit there."""

import sys
from pathlib import Path

import pytest

from gongkai.report.checks import RULES
from gongkai.report.checks.registry import run_rule
from gongkai.report.model import Cell, State
from gongkai.report.read.ocr import read_images
from gongkai.report.read.ocr_confidence import LOST_DIGIT
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
        # the ink says so where the number stands clear of its walls, the sums where not
        reason = read.cells[key].reason
        assert reason == LOST_DIGIT or f"按合计应为 {written.value(key)}" in reason
    assert _wrong(read, written) == {}
    readable = [k for k in written.cells if read.cells.get(k) and read.cells[k].known]
    assert len(readable) >= 0.9 * len(written.cells)


def _set(report, group: str, values: dict[str, int]) -> None:
    for col, v in values.items():
        report.set(Cell.read(f"t3.{group}.{col}", str(v)))


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs /usr/bin/chromium")
def test_a_sum_the_printed_table_gets_wrong_is_read_as_printed_from_a_scan(tmp_path):
    """洪泽区 2023's own error, printed and scanned: 行政复议 总计 0 over 维持 10 and 纠正 1.
    A 20 read as 0 and a 10 read as 1 would explain it, but their ink shows each number whole
    and centred: the cells are read as printed and L-1 reports the table's error."""
    written = balanced_report(7)
    printed = {"maintained": 10, "corrected": 1, "other": 0, "pending": 0, "total": 0}
    _set(written, "review", printed)
    read = place(read_images(damaged_scan(written, tmp_path, [])))
    assert {c: read.value(f"t3.review.{c}") for c in printed} == printed
    assert any(f.failed for f in run_rule(RULES["L-1"], read))


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs /usr/bin/chromium")
def test_two_digits_lost_from_one_table_3_group_are_both_unreadable(tmp_path):
    """维持 23 and 纠正 14 each lose their last digit (2 and 1 are left, 总计 37 stands): no
    one slip mends the sum, two do; the two cells whose ink sits off centre are unreadable."""
    written = balanced_report(7)
    _set(written, "review", {"maintained": 23, "corrected": 14, "other": 0, "pending": 0})
    _set(written, "review", {"total": 37})
    lost = ["t3.review.maintained", "t3.review.corrected"]
    read = place(read_images(damaged_scan(written, tmp_path, lost)))
    for key in lost:
        assert read.cells[key].state is State.UNREADABLE, (key, read.cells[key])
    assert read.value("t3.review.total") == 37
    assert _wrong(read, written) == {}


def _wrong(read, written) -> dict:
    return {
        k: (c.raw, written.value(k))
        for k, c in read.cells.items()
        if k in written.cells and c.state is State.NUMBER and c.value != written.value(k)
    }


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs /usr/bin/chromium")
def test_a_digit_lost_from_table_1_which_has_no_sums_shows_in_its_ink(tmp_path):
    """Table 1's cells are in no sum: a 16 whose 1 was lost reads, with a high score, as 6.
    Its ink stands half a digit off its cell's centre: unreadable, saying why."""
    written = balanced_report(7)
    written.set(Cell.read("t1.regulations.made", "16"))
    written.set(Cell.read("t1.normative_docs.made", "250"))
    lost = {"t1.regulations.made": "first", "t1.normative_docs.made": "middle"}
    read = place(read_images(damaged_scan(written, tmp_path, lost)))
    for key in lost:
        assert read.cells[key].state is State.UNREADABLE, (key, read.cells[key])
        assert read.cells[key].reason == LOST_DIGIT
    assert _wrong(read, written) == {}
