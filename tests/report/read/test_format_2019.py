"""A report in the 2019 trial format is read into the 2019 layout (domain-spec §3, §8.1)."""

from gongkai.report.formats import FORMAT_2019
from gongkai.report.model import State
from gongkai.report.read.place import place
from gongkai.report.read.text import parse_text
from gongkai.report.write.cells_json import cells


def cell_lines(*cells):
    return "\n".join("\t" + str(c) for c in cells) + "\n\n"


def report_2019(other_row=("0",) * 7) -> str:
    """A report for 2019 in the tab-flattened layout of a pasted web page (like SEED), with the
    2019 table 1 (22 cells, a negative 本年增/减) and （六）其他处理 as one row whose 总计 cells
    of the outcome rows are left blank, as SH2019 did."""
    t1 = (
        "第二十条第（一）项\n\n"
        + cell_lines("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量")
        + cell_lines("规章", 2, 2, 40)
        + cell_lines("规范性文件", 5, 5, 80)
        + "\t第二十条第（五）项\n\n"
        + cell_lines("信息内容", "上一年项目数量", "本年增/减", "处理决定数量")
        + cell_lines("行政许可", 120, -8, 3000)
        + cell_lines("其他对外管理服务事项", 30, 2, 400)
        + "\t第二十条第（六）项\n\n"
        + cell_lines("信息内容", "上一年项目数量", "本年增/减", "处理决定数量")
        + cell_lines("行政处罚", 200, 0, 150)
        + cell_lines("行政强制", 10, 1, 5)
        + "\t第二十条第（八）项\n\n"
        + cell_lines("信息内容", "上一年项目数量", "本年增/减")
        + cell_lines("行政事业性收费", 6, -1)
        + "\t第二十条第（九）项\n\n"
        + cell_lines("信息内容", "采购项目数量", "采购总金额")
        + cell_lines("政府集中采购", 12, "251000元")
    )
    rows = [r for r in FORMAT_2019.table("t2").official_rows]
    t2 = (
        cell_lines("申请人情况")
        + cell_lines("自然人", "法人或其他组织", "总计")
        + cell_lines("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
    )
    for r in rows:
        if r.key in ("new_received", "carried_over_in", "carried_over_out", "processed_total"):
            values = (3, 1, 0, 0, 0, 0, 4) if r.key == "new_received" else (0,) * 7
            if r.key == "processed_total":
                values = (3, 1, 0, 0, 0, 0, 4)
        elif r.key == "other":
            values = other_row
        elif r.key == "granted":
            values = (3, 1, 0, 0, 0, 0, "")
        else:
            values = (0, 0, 0, 0, 0, 0, "")
        t2 += cell_lines(r.label, *values)
    t3 = (
        cell_lines("行政复议", "行政诉讼")
        + cell_lines(
            "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"
        )
        + cell_lines(*([0] * 15))
    )
    return (
        "某市某局2019年政府信息公开工作年度报告\n一、总体情况\n2019年，我局……\n"
        "二、主动公开政府信息情况\n"
        + t1
        + "三、收到和处理政府信息公开申请情况\n"
        + t2
        + "四、政府信息公开行政复议、行政诉讼情况\n"
        + t3
        + "五、政府信息公开工作存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项\n无。\n"
    )


def test_the_2019_layout_is_detected_and_its_22_table1_cells_read():
    r = place(parse_text(report_2019()))
    assert r.format.version == "2019" and r.year == 2019
    assert r.value("t1.licensing.change") == -8
    assert r.value("t1.admin_fees.change") == -1
    assert r.cell("t1.procurement.amount").raw == "251000元"
    assert r.value("t1.procurement.amount") == 251000
    assert not r.missing


def test_blank_totals_stay_blank_and_the_single_other_row_is_kept():
    r = place(parse_text(report_2019()))
    assert r.cell("t2.granted.total").state is State.BLANK
    assert r.value("t2.granted.natural_person") == 3
    assert r.value("t2.other.total") == 0
    out = cells(r)
    assert out["format"] == "2019" and len(out["table1_2019"]) == 22
    assert out["table2"][2][6] is None  # 予以公开 总计: blank, not 0
    assert out["table2"][20:23] == [[0] * 7] * 3  # a zero （六） forces zero parts


def test_a_nonzero_single_other_row_leaves_its_split_unknown():
    """Only a printed 0 forces the three parts of its column to 0."""
    r = place(parse_text(report_2019(other_row=(1, 0, 0, 0, 0, 0, 1))))
    assert cells(r)["table2"][20:23] == [[None, 0, 0, 0, 0, 0, None]] * 3
