"""A 2019-format report printed as a PDF comes through: its table 1 (第二十条第（九）项,
本年新制作数量 …) is read by geometry like any other, and the placer recognises the layout."""

import sys
from pathlib import Path

from gongkai.report.read import read_path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fixtures"))
from pdf_maker import Page, build

DOCS = ["本年新制作数量", "本年新公开数量", "对外公开总数量"]
ITEMS = ["上一年项目数量", "本年增/减", "处理决定数量"]


def _table_one(p: Page, top: float) -> float:
    rows = [
        ("第二十条第（一）项", None),
        ("信息内容", DOCS),
        ("规章", ["1", "1", "9"]),
        ("规范性文件", ["4", "4", "30"]),
        ("第二十条第（五）项", None),
        ("信息内容", ITEMS),
        ("行政许可", ["12", "-2", "340"]),
        ("其他对外管理服务事项", ["5", "0", "17"]),
        ("第二十条第（六）项", None),
        ("信息内容", ITEMS),
        ("行政处罚", ["8", "1", "56"]),
        ("行政强制", ["3", "0", "4"]),
        ("第二十条第（八）项", None),
        ("信息内容", ["上一年项目数量", "本年增/减"]),
        ("行政事业性收费", ["2", "0"]),
        ("第二十条第（九）项", None),
        ("信息内容", ["采购项目数量", "采购总金额"]),
        ("政府集中采购", ["6", "251000"]),
    ]
    cells = {}
    for r, (label, values) in enumerate(rows):
        if values is None:
            cells[(r, 0)] = (label, 1, 4)
            continue
        cells[(r, 0)] = label
        if len(values) == 3:
            for c, v in enumerate(values, start=1):
                cells[(r, c)] = v
        else:
            cells[(r, 1)] = values[0]
            cells[(r, 2)] = (values[1], 1, 2)
    return p.table(60, top, [150, 100, 100, 100], [24] * len(rows), cells, size=9)


def test_a_2019_table_one_in_a_pdf_is_placed(tmp_path):
    p = Page()
    p.text(80, 40, "某县人民政府2019年政府信息公开工作年度报告")
    p.text(80, 70, "一、总体情况")
    p.text(80, 90, "本年度依法公开政府信息。")
    p.text(80, 110, "二、主动公开政府信息情况")
    _table_one(p, 130)
    f = tmp_path / "report2019.pdf"
    f.write_bytes(build([p]))
    report = read_path(f)
    assert report.format.version == "2019"
    assert report.value("t1.regulations.new_made") == 1
    assert report.value("t1.licensing.change") == -2
    assert report.value("t1.other_services.decisions") == 17
    assert report.value("t1.procurement.amount") == 251000
    assert report.cell("t1.normative_docs.total_published").source.page == 1
