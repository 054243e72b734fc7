"""Placing values by row and column label: what a reader does with awkward layouts."""

import pytest

from gongkai.report.model import State
from gongkai.report.read.document import ReadError
from gongkai.report.read.place import place
from gongkai.report.read.text import parse_text

T2_HEAD = """三、收到和处理政府信息公开申请情况
申请人情况 自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计
"""
ROWS = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
]


def doc(body: str):
    return place(
        parse_text("某局2025年政府信息公开工作年度报告\n一、总体情况\n正文。\n" + T2_HEAD + body)
    )


def test_a_row_with_one_value_too_few_is_unreadable_not_shifted():
    r = doc(f"{ROWS[0]} 3 0 0 0 1 4\n{ROWS[1]} 0 0 0 0 0 0 0\n")
    for col in ("natural_person", "total"):
        cell = r.cell(f"t2.new_received.{col}")
        assert cell.state is State.UNREADABLE
        assert "应有7个数值，读到6个" in cell.reason
    assert r.cell("t2.carried_over_in.total").value == 0


def test_blank_slash_and_zero_stay_distinct_in_a_markdown_table():
    table = (
        "| 行 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
        "|---|---|---|---|---|---|---|---|\n"
        f"| {ROWS[0]} | 2 |  | / | 0 | — | 0 | 2 |\n"
    )
    r = doc(table)
    states = [
        r.cell(f"t2.new_received.{c}").state
        for c in (
            "natural_person",
            "commercial_enterprise",
            "research_institution",
            "public_welfare_org",
            "legal_service_org",
        )
    ]
    assert states == [
        State.NUMBER,
        State.BLANK,
        State.NOT_APPLICABLE,
        State.NUMBER,
        State.NOT_APPLICABLE,
    ]
    assert r.cell("t2.new_received.public_welfare_org").value == 0


def test_values_printed_beside_a_tall_label_are_tied_to_it():
    # pdfplumber prints a tall label cell's values on the line between its wrapped halves
    body = (
        f"{ROWS[2]} 0 0 0 0 0 0 0\n（二）部分公开（区分处理的，只计这一情 形，不\n4 0 0 0 0 0 4\n计其他情形）\n"
        "1 0 0 0 0 0 1\n1.属于国家秘密\n2.其他法律行政法规禁止公开 0 0 0 0 0 0 0\n"
    )
    r = doc(body)
    assert r.value("t2.partially_granted.total") == 4
    assert r.value("t2.denied.state_secret.total") == 1


def test_values_that_cannot_be_tied_to_one_label_are_unreadable():
    body = (
        f"{ROWS[2]} 0 0 0 0 0 0 0\n（二）部分公开\n4 0 0 0 0 0 4\n5 0 0 0 0 0 5\n"
        "2.其他法律行政法规禁止公开 0 0 0 0 0 0 0\n"
    )
    r = doc(body)
    cell = r.cell("t2.partially_granted.total")
    assert cell.state is State.UNREADABLE and "无法确定" in cell.reason


def test_a_label_with_a_typo_is_still_its_row():
    r = doc(f"{ROWS[2]} 0 0 0 0 0 0 0\n2.其他法律行政止公开 7 0 0 0 0 0 7\n")
    assert r.value("t2.denied.prohibited_by_law.natural_person") == 7


def test_a_text_with_no_report_in_it_is_refused():
    with pytest.raises(ReadError, match="不是政府信息公开工作年度报告"):
        place(parse_text("会议通知\n请各单位于周五下午三点参会。\n"))


def test_glued_digits_are_split_only_where_the_row_total_leaves_one_split():
    r = doc(f"{ROWS[0]} 21710000218\n{ROWS[1]} 0 0 0 0 0 0 0\n")
    assert [
        r.value(f"t2.new_received.{c}")
        for c in ("natural_person", "commercial_enterprise", "total")
    ] == [217, 1, 218]
    assert any("21710000218" in n for n in r.notes)


def test_glued_digits_with_more_than_one_possible_split_stay_unreadable():
    # 0 0 1 10 0 0 11 and 0 0 11 0 0 0 11 both add up: which one was printed cannot be known
    r = doc(f"{ROWS[0]} 001100011\n{ROWS[1]} 0 0 0 0 0 0 0\n")
    cell = r.cell("t2.new_received.total")
    assert cell.state is State.UNREADABLE


def test_a_report_sent_to_another_process_keeps_its_layout_object():
    """Folder checks read in worker processes; the layout must come back as the same object."""
    import pickle

    r = doc(f"{ROWS[0]} 1 0 0 0 0 0 1\n")
    assert pickle.loads(pickle.dumps(r)).format is r.format


def test_a_row_whose_values_wrap_onto_the_next_line_is_one_row():
    r = doc(f"{ROWS[0]} 3001 53 0 0\n61 4 3119\n{ROWS[1]} 0 0 0 0 0 0 0\n")
    assert [
        r.value(f"t2.new_received.{c}") for c in ("natural_person", "legal_service_org", "total")
    ] == [3001, 61, 3119]
    assert r.value("t2.carried_over_in.total") == 0


def test_part_titles_without_the_enumeration_comma():
    r = place(
        parse_text(
            "某局2025年政府信息公开工作年度报告\n一 总体情况\n正文。\n三．收到和处理政府信息公开申请情况\n"
            f"{ROWS[0]} 1 0 0 0 0 0 1\n"
        )
    )
    assert 1 in r.parts and r.value("t2.new_received.total") == 1


def test_a_web_page_publication_date_is_read_for_the_deadline_check():
    text = (
        "首页 > 政府信息公开 > 年度报告\n某县某局2024年政府信息公开工作年度报告\n发布日期：2025-01-20 来源：某县某局\n"
        "一、总体情况\n正文。\n三、收到和处理政府信息公开申请情况\n" + f"{ROWS[0]} 1 0 0 0 0 0 1\n"
    )
    r = place(parse_text(text))
    assert str(r.published_on) == "2025-01-20" and r.year == 2024


def test_the_year_in_chinese_numerals_or_only_in_the_text():
    body = f"一、总体情况\n2023年，我局……2022年……2023年。\n三、收到和处理政府信息公开申请情况\n{ROWS[0]} 1 0 0 0 0 0 1\n"
    assert place(parse_text("某局二〇二三年政府信息公开工作年度报告\n" + body)).year == 2023
    r = place(parse_text("某局政府信息公开工作年度报告\n" + body))
    assert r.year == 2023 and any("推定" in n for n in r.notes)


def test_a_table_copied_as_tab_separated_text_keeps_its_blank_cells():
    rows = (
        "\t".join(
            ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
        )
        + "\n"
    )
    rows += "\t".join([ROWS[0], "3", "", "0", "0", "/", "0", "3"]) + "\n"
    rows += "\t".join(["三、本年度办理结果", ROWS[2], "3", "0", "0", "0", "0", "0", "3"]) + "\n"
    r = doc(rows)
    assert r.value("t2.new_received.natural_person") == 3
    assert r.cell("t2.new_received.commercial_enterprise").state is State.BLANK
    assert r.cell("t2.new_received.legal_service_org").state is State.NOT_APPLICABLE
    assert r.value("t2.granted.total") == 3


def test_text_with_tabs_alone_between_cells_reads_as_one_cell_a_line():
    """Copied from a page exported by a word processor: each cell's text on its own lines,
    a tab alone on the line between two cells."""
    cells_ = [ROWS[0], "3", "0", "0", "0", "1", "0", "4", ROWS[1], *["0"] * 7]
    body = "\n\n\t\n\n".join(cells_) + "\n"
    r = doc(body)
    assert [
        r.value(f"t2.new_received.{c}") for c in ("natural_person", "legal_service_org", "total")
    ] == [3, 1, 4]


def test_a_page_number_inside_a_row_of_a_text_dump_is_dropped_only_when_the_totals_say_so():
    lines = (
        "\n".join([ROWS[0], "746", "12", "0", "5", "0", "10", "1", "769", ROWS[1], *["0"] * 7])
        + "\n"
    )
    r = doc(lines)  # "5", the page number, printed between two cells of the row
    assert [
        r.value(f"t2.new_received.{c}") for c in ("natural_person", "public_welfare_org", "total")
    ] == [746, 0, 769]
    assert any("“5”" in n for n in r.notes)


def test_an_extra_number_that_could_be_any_of_several_stays_unreadable():
    # dropping the first 2 or either of the last two leaves a true total, with different rows
    lines = "\n".join([ROWS[0], "2", "0", "0", "0", "0", "0", "2", "2", ROWS[1], *["0"] * 7]) + "\n"
    assert doc(lines).cell("t2.new_received.total").state is State.UNREADABLE


def test_one_cell_a_line_with_the_other_group_printed_as_one_row():
    """A PyMuPDF-style dump (each cell on a line of its own) of a 2021 table that printed
    （六）其他处理 as one row: the heading takes the values printed right after it."""
    from gongkai.report.formats import FORMAT_2021

    lines = []
    for row in FORMAT_2021.table("t2").official_rows:
        if row.key.startswith("other."):
            continue
        if row.key == "denied.state_secret":
            lines.append("（三）不予公开")  # a heading with its items below
        lines.append(row.label)
        if row.key == "processed_total":
            lines[-1:] = ["（六）其他处理", *["0"] * 7, row.label]
        lines += ["2" if row.key in ("new_received", "processed_total", "granted") else "0"] * 6 + [
            "12" if row.key in ("new_received", "processed_total", "granted") else "0"
        ]
    r = doc("\n".join(lines) + "\n")
    assert r.layout.get("t2.other") == "single_row"
    assert r.value("t2.other.total") == 0 and r.value("t2.processed_total.total") == 12
    assert not [c.key for c in r.unreadable if c.key.startswith("t2.")]


def test_a_merged_cells_text_printed_after_a_rows_numbers_is_not_part_of_the_row():
    """Text dumps sorted by position put a tall merged cell's text after the numbers of the
    row beside it ("… 6 0 0 0 0 0 6 （三）不", "… 0 8结")."""
    body = (
        f"{ROWS[2]} 0 0 0 0 0 0 0\n4.保护第三方合法权益 6 0 0 0 0 0 6 （三）不\n予公开\n"
        "5.属于三类内部事务信息 7 1 0 0 0 0 8结\n6.属于四类过程性信息 12 0 0 0 0 0 12\n"
    )
    r = doc(body)
    assert r.value("t2.denied.third_party.total") == 6
    assert r.value("t2.denied.internal_affairs.total") == 8
    assert r.value("t2.denied.process_info.natural_person") == 12


def test_a_part_title_at_the_end_of_another_line_still_starts_its_part():
    text = (
        "某局2024年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n"
        "行政事业性收费 0 三、收到和处理政府信息公开申请情况\n" + f"{ROWS[0]} 1 0 0 0 0 0 1\n"
    )
    r = place(parse_text(text))
    assert r.value("t1.admin_fees.amount") == 0 and r.value("t2.new_received.total") == 1


def test_part_titles_worded_otherwise_are_found_by_their_key_words():
    text = (
        "某局2024年政府信息公开工作年度报告\n一、总体情况\n正文。\n三、收到和处理政府信息公开申请的情况\n"
        f"{ROWS[0]} 1 0 0 0 0 0 1\n四、政府信息公开行政复议和行政诉讼情况\n"
        + " ".join(["0"] * 15)
        + "\n"
        "五、存在的问题和改进措施\n问题。\n六、其他需要报告的事项\n无。\n"
    )
    r = place(parse_text(text))
    assert sorted(r.parts) == [1, 3, 4, 5, 6]
    assert r.value("t2.new_received.total") == 1 and r.value("t3.review.total") == 0


def test_a_table_whose_part_title_is_missing_is_still_read():
    text = (
        "某局2024年政府信息公开工作年度报告\n一、总体情况\n正文。\n"
        f"{ROWS[0]} 1 0 0 0 0 0 1\n{ROWS[1]} 0 0 0 0 0 0 0\n"
    )
    assert place(parse_text(text)).value("t2.new_received.total") == 1


def test_an_unnamed_subtotal_column_is_found_by_the_row_totals():
    """Eight numbers a row, the header naming seven columns: the eighth is a 法人小计 column
    before 总计, since only there every row's totals hold."""
    body = f"{ROWS[0]} 5 1 0 0 2 0 3 8\n{ROWS[1]} 1 0 0 0 0 1 1 2\n{ROWS[2]} 6 1 0 0 2 1 4 10\n"
    r = doc(body)
    assert [
        r.value(f"t2.new_received.{c}")
        for c in ("natural_person", "legal_service_org", "org_subtotal", "total")
    ] == [5, 2, 3, 8]
    assert r.value("t2.granted.total") == 10
