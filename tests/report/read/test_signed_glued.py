"""The 2019 layout's table 1 with its signed 本年增/减 column, glued ("0-14"): split by the same
rule as any glued run (only where exactly one split is possible), the sign marking where the
signed cell starts. Built from a dev report rewritten in the 2019 layout by gongkai's writer."""

import pytest

from gongkai.report.formats import FORMAT_2019, T1_FROM_2019
from gongkai.report.model import Cell, Report, State
from gongkai.report.read import read_path
from gongkai.report.read.glued import blank_possible, signed_alternatives

from .test_flattened_text import ONE_A_STEM, page_text

#: the 2019 table-1 cells the 2021 layout has no cell for (the other five come from the report)
T1_2019 = {
    "regulations": (None, 2, 40),
    "normative_docs": (None, 5, 80),
    "licensing": (12, -3, None),
    "other_services": (0, -14, 9),
    "penalty": (200, 7, None),
    "coercion": (10, 0, None),
    "admin_fees": (3, -1),
    "procurement": (12, 251000),
}


def _in_2019_layout(report: Report) -> Report:
    """The report's tables in the 2019 layout: table 2 and 3 as read (（六） as one row, the sum
    of its three items), table 1 with the 2019 cells."""
    out = Report(format=FORMAT_2019, agency=report.agency, year=report.year)
    out.parts = dict(report.parts)
    from_2021 = {v: k for k, v in T1_FROM_2019.items()}
    t1 = FORMAT_2019.table("t1")
    for row in t1.rows:
        for col, value in zip(row.columns, T1_2019[row.key]):
            key = t1.cell_key(row, col)
            if value is None:
                value = report.value(next(k for k, v in from_2021.items() if v == key))
            out.cells[key] = Cell.number(key, value)
    for key in FORMAT_2019.cell_keys():
        if key.startswith(("t2.", "t3.")) and key in report.cells:
            out.cells[key] = report.cells[key]
    for col in FORMAT_2019.table("t2").row("other").columns:
        if col.official:
            parts = [v for k, v in report.cells.items() if k.startswith("t2.other.")]
            total = sum(c.value for c in parts if c.key.endswith(f".{col.key}"))
            out.cells[f"t2.other.{col.key}"] = Cell.number(f"t2.other.{col.key}", total)
    return out


@pytest.fixture(scope="module")
def written():
    return _in_2019_layout(read_path(ONE_A_STEM[1].values[0]))


@pytest.mark.parametrize("inner", [False, True], ids=["text-content", "inner-text"])
def test_a_2019_report_flattened_reads_every_cell_right_or_leaves_it_unreadable(
    written, inner, tmp_path
):
    path = tmp_path / "flat.txt"
    path.write_text(page_text(written, inner=inner), "utf-8")
    got = read_path(path)
    assert got.format is FORMAT_2019
    wrong = [
        (k, c.value, got.cells[k].value)
        for k, c in written.cells.items()
        if k in got.cells and got.cells[k].state is State.NUMBER and got.cells[k].value != c.value
    ]
    assert wrong == []
    if inner:  # a line per cell: every table-1 cell, signs and all, reads as written
        assert all(got.value(k) == written.value(k) for k in FORMAT_2019.table("t1").cell_keys())


def test_the_sign_of_a_glued_signed_cell_is_where_that_cell_starts(written, tmp_path):
    path = tmp_path / "flat.txt"
    path.write_text(page_text(written, inner=False), "utf-8")
    got = read_path(path)
    # "行政事业性收费3-1": 3 and -1, the one way two cells can be read around the sign
    assert [got.value(f"t1.admin_fees.{c}") for c in ("prev_items", "change")] == [3, -1]
    assert "唯一地拆分为 3 -1" in got.cell("t1.admin_fees.change").steps[-2]
    # "其他对外管理服务事项0-149": -1 and 49, or -14 and 9: unreadable, both listed
    cell = got.cell("t1.other_services.change")
    assert cell.state is State.UNREADABLE
    assert "0 -1 49" in cell.reason and "0 -14 9" in cell.reason


def test_signed_splits_keep_the_sign_at_the_signed_cell_only():
    assert signed_alternatives("0-14", 2, 1) == [["0", "-14"]]
    assert signed_alternatives("12-30", 3, 1) == [["12", "-3", "0"]]
    assert signed_alternatives("-14", 2, 1) == []  # no digits left for the cell before
    assert signed_alternatives("1-2-3", 3, 1) == []  # two signs: not one signed cell
    assert not blank_possible("0-14", 2) and blank_possible("12-30", 3)
