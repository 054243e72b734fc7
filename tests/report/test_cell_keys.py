"""A cell key the format does not have is an error at once, never a silently missing value."""

import pytest

from gongkai.report.checks.naming import cell_name
from gongkai.report.formats import FORMAT_2019, FORMAT_2021, TABLE2_2021, TABLE3
from gongkai.report.model import Cell, Report


@pytest.mark.parametrize("typo", ["t2.new_recieved.total", "t2.new_received.totl", "t4.x.y", ""])
def test_every_lookup_of_a_misspelt_key_raises(typo):
    report = Report()
    for lookup in (report.value, report.cell, lambda k: report.set(Cell(k)), FORMAT_2021.check_key):
        with pytest.raises(KeyError, match="no cell"):
            lookup(typo)
    with pytest.raises(KeyError):
        cell_name(FORMAT_2021, typo)


def test_a_row_or_column_the_table_does_not_have_raises():
    with pytest.raises(KeyError, match="new_recieved"):
        TABLE2_2021.cell_key("new_recieved", "total")
    with pytest.raises(KeyError, match="totl"):
        TABLE3.cell_key("review", "totl")


def test_a_2021_only_cell_is_unknown_to_a_2019_report():
    key = FORMAT_2021.cell_key("t1", "regulations", "made")
    assert Report(format=FORMAT_2021).value(key) is None  # in the format, not printed
    with pytest.raises(KeyError):
        Report(format=FORMAT_2019).value(key)


def test_table_names_and_headings_are_the_printed_ones():
    assert [t.name for t in FORMAT_2021.tables] == ["表一", "表二", "表三"]
    assert FORMAT_2021.parts[0].heading == "一、总体情况"
    assert TABLE2_2021.row("denied.state_secret").full_label == "（三）不予公开·1.属于国家秘密"
    assert TABLE2_2021.row("granted").full_label == "（一）予以公开"
    assert TABLE3.row("litigation_direct").full_label == "行政诉讼·未经复议直接起诉"


def test_other_printed_as_one_row_is_said_once_and_read_back():
    report = Report()
    assert not report.other_as_one_row
    report.print_other_as_one_row()
    item = TABLE2_2021.cell_key("other.fee_unpaid", "total")
    assert report.other_as_one_row and report.in_one_row_other(item)
    assert item not in report.missing
    assert not report.in_one_row_other(TABLE2_2021.cell_key("granted", "total"))
