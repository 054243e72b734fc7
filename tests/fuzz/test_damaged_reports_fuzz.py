"""The fuzz campaign that can fail: random reports printed by gongkai's own writers, damaged in
the hostile ways real files are (damaged_reports.py), read back. Every cell must be the value
written or unreadable: never a different number. The committed run is short; FUZZ_EXAMPLES=N
runs a long campaign."""

import os
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gongkai.report.formats import FORMAT_2019, FORMAT_2021
from gongkai.report.model import State
from gongkai.report.read import ReadError, read_path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from damaged_reports import HOW, damage, random_report

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


def wrong_cells(seed: int, how: str, folder: Path, fmt=FORMAT_2021) -> tuple[list[str], int]:
    """The cells read as another value than the one written, and how many were read at all."""
    written = random_report(seed, fmt)
    suffix, content = damage(written, how, random.Random(seed))
    path = folder / f"{how}-{seed}{suffix}"
    path.write_text(content, "utf-8")
    try:
        back = read_path(path)
    except ReadError:
        return [], 0  # refused with a message: nothing wrong was said
    wrong, read = [], 0
    for key in written.format.cell_keys():
        got = back.cell(key)
        if got.state is State.UNREADABLE:
            continue
        read += 1
        want = written.cell(key)
        if (got.state, got.value) != (want.state, want.value):
            wrong.append(f"{key}: 写入 {want.value}，读出 {got.value}（{' / '.join(got.steps)}）")
    return wrong, read


@pytest.mark.parametrize("how", HOW)
@FUZZ
@given(seed=st.integers(0, 10**6))
@example(seed=475174)  # cut-lines: a row broken right after its last tab, its total alone below
def test_a_damaged_report_reads_back_as_written_or_unreadable(how, seed, tmp_path_factory):
    wrong, _ = wrong_cells(seed, how, tmp_path_factory.mktemp("fuzz"))
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("how", ["text-content", "text-content-lines", "inner-text"])
@FUZZ
@given(seed=st.integers(0, 10**6))
def test_a_damaged_2019_format_report_reads_back_as_written_or_unreadable(
    how, seed, tmp_path_factory
):
    wrong, _ = wrong_cells(seed, how, tmp_path_factory.mktemp("fuzz"), FORMAT_2019)
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("how", ["inner-text", "footers", "characters"])
def test_mild_damage_leaves_every_cell_readable(how, tmp_path):
    """Damage that keeps the cells apart must not cost a cell: the campaign measures loss too."""
    wrong, read = wrong_cells(7, how, tmp_path)
    assert not wrong and read == 200


def test_a_row_broken_after_its_last_tab_leaves_that_cell_unreadable_not_blank(tmp_path):
    """ "8.属于行政查询事项\t0\t602\t2\t14\t14\t0\t" then "632" alone: the total is not
    blank (it may be the 632 below, or that may be a page number): unreadable, saying why."""
    written = random_report(3)
    _, content = damage(written, "inner-text", random.Random(3))
    key = "t2.denied.admin_query.total"
    row = next(line for line in content.splitlines() if line.startswith("8.属于行政查询事项"))
    assert row.endswith("\t" + str(written.value(key)))
    path = tmp_path / "cut.txt"
    cut = row.rindex("\t") + 1
    path.write_text(content.replace(row, row[:cut] + "\n" + row[cut:]), "utf-8")
    back = read_path(path)
    cell = back.cell(key)
    assert cell.state is State.UNREADABLE and "下一行只有" in cell.reason
    assert back.value("t2.denied.admin_query.natural_person") == written.value(
        "t2.denied.admin_query.natural_person"
    )  # the rest of the row, and of the table, is read
    assert back.value("t2.unable.not_held.total") == written.value("t2.unable.not_held.total")
