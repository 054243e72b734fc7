"""The spreadsheet: a sheet per table in the official layout, numbers as numbers."""

import io

import openpyxl
import pytest

from gongkai.report.write import write

from .sample import sample_report


@pytest.fixture(scope="module")
def workbook():
    return openpyxl.load_workbook(io.BytesIO(write(sample_report(), "xlsx")))


def test_a_metadata_sheet_and_one_sheet_per_table(workbook):
    assert workbook.sheetnames == [
        "报告信息",
        "表一 主动公开政府信息情况",
        "表二 收到和处理政府信息公开申请情况",
        "表三 政府信息公开行政复议、行政诉讼情况",
    ]
    meta = {row[0]: row[1] for row in workbook["报告信息"].iter_rows(values_only=True)}
    assert (
        meta["机关"] == "某县自然资源局"
        and meta["年度"] == 2024
        and meta["落款日期"] == "2025-01-20"
    )


def test_numbers_are_numbers_and_blank_and_slash_stay_apart(workbook):
    t1 = workbook.worksheets[1]
    assert t1["A14"].value == "行政事业性收费" and t1["B14"].value == 96171.6
    assert [t1.cell(3, c).value for c in range(1, 5)] == ["规章", None, "/", 0]
    assert t1["B10"].value == 3985758 and isinstance(t1["B10"].value, int)


def test_table_2_headers_are_merged(workbook):
    t2 = workbook.worksheets[2]
    merged = {str(r) for r in t2.merged_cells.ranges}
    assert {"A1:C3", "D1:J1", "E2:I2", "D2:D3", "J2:J3", "A6:A27"} <= merged
    assert t2["D1"].value == "申请人情况" and t2["E2"].value == "法人或其他组织"
    assert t2["J4"].value == 21  # 一、本年新收 · 总计


def test_an_unreadable_cell_keeps_its_text_with_a_comment(workbook):
    t3 = workbook.worksheets[3]
    cell = t3.cell(4, 9)
    assert cell.value == "约5" and "无法读取" in cell.comment.text
