"""Markdown from an OCR tool: generic column headers, <br> inside cells, one table per part."""

from gongkai.report.formats import FORMAT_2021
from gongkai.report.model import State
from gongkai.report.read.place import place
from gongkai.report.read.text import parse_text


def md_table(rows, width):
    head = "| " + " | ".join(f"列{i + 1}" for i in range(width)) + " |\n|" + "---|" * width + "\n"
    return head + "".join("| " + " | ".join(str(c) for c in r) + " |\n" for r in rows)


def test_generic_headers_leave_placement_to_the_row_labels():
    t2 = FORMAT_2021.table("t2")
    rows = [
        [
            "申请人情况<br>自然人",
            "商业<br>企业",
            "科研<br>机构",
            "社会公益<br>组织",
            "法律服务<br>机构",
            "其他",
            "总计",
        ]
    ]
    for n, row in enumerate(t2.official_rows):
        rows.append(
            [f"三、本年度<br>办理结果 {row.label}" if row.leaf else row.label, n, 0, 0, 0, 0, "", n]
        )
    t3 = [
        ["行政复议", "", "", "", "", "行政诉讼"],
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
        list(range(15)),
    ]
    text = (
        "某区某局2023年政府信息公开工作年度报告\n一、总体情况\n正文\n三、收到和处理政府信息公开申请情况\n\n"
        + md_table(rows, 8)
        + "\n四、政府信息公开行政复议、行政诉讼情况\n\n"
        + md_table(t3, 15)
    )
    r = place(parse_text(text))
    for n, row in enumerate(t2.official_rows):
        assert r.value(f"t2.{row.key}.natural_person") == n, row.key
        assert r.cell(f"t2.{row.key}.other_org").state is State.BLANK
    assert r.value("t3.review.maintained") == 0
    assert r.value("t3.litigation_after_review.total") == 14
