"""Text dumps of printed tables (pdfplumber, pdftotext -layout, pdfium): labels printed around
their values, a group heading's characters mixed into the row labels, the title's year on a
line of its own, Kangxi-radical characters. Each label is joined by what it names."""

from gongkai.report.model import State
from gongkai.report.read.place import place
from gongkai.report.read.text import parse_text

HEAD = """某局2025年政府信息公开工作年度报告
一、总体情况
正文。
三、收到和处理政府信息公开申请情况
申请人情况 自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计
"""


def _values(report, row):
    keys = [f"t2.{row}.{c}" for c in ("natural_person", "other_org", "total")]
    return [report.cell(k).value for k in keys]


def test_a_label_printed_around_its_values_names_its_row_and_the_next_label_stays_apart():
    r = place(
        parse_text(
            HEAD
            + "（三） 1.属于国家秘密\n1 0 0 0 0 0 1\n不予公开\n"
            + "2.其他法律行政\n2 0 0 0 0 0 2\n法规禁止公开\n"
            + "3.危及“三安全一\n3 0 0 0 0 0 3\n稳定”\n"
        )
    )
    assert _values(r, "denied.state_secret") == [1, 0, 1]
    assert _values(r, "denied.prohibited_by_law") == [2, 0, 2]
    assert _values(r, "denied.security_stability") == [3, 0, 3]


def test_a_heading_printed_down_a_tall_cell_is_not_part_of_the_row_labels():
    """（六）其他处理 printed vertically beside its first row: 其他处 / 理 mixed into its lines."""
    r = place(
        parse_text(
            HEAD
            + "（六） 1.申请人无正当\n其他处 理由逾期不补\n理 正、行政机关不 4 0 0 0 0 1 5\n"
            + "再处理其政府信息公开申请\n申请人逾期未\n2. 6 0 0 0 0 0 6\n"
            + "按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\n"
            + "3.其他 7 0 0 0 0 0 7\n"
        )
    )
    assert _values(r, "other.no_correction") == [4, 1, 5]
    assert _values(r, "other.fee_unpaid") == [6, 0, 6]
    assert _values(r, "other.other") == [7, 0, 7]
    assert "t2.other.total" not in r.cells  # the heading is not a row of values


def test_a_heading_word_alone_on_a_line_is_label_text_not_a_value():
    """ "无" is also the mark for "not applicable"; between "（四）" and "法提供" it is a word."""
    r = place(
        parse_text(
            HEAD
            + "（四）\n无\n法提供\n1.本机关不掌握相关政府信息\n1 0 0 0 0 0 1\n"
            + "2.没有现成信息需要另行制作\n2 0 0 0 0 0 2\n"
        )
    )
    assert _values(r, "unable.not_held") == [1, 0, 1]
    assert _values(r, "unable.needs_creation") == [2, 0, 2]
    assert r.cell("t2.unable.not_held.total").state is State.NUMBER


def test_the_titles_year_set_on_a_line_of_its_own_and_kangxi_radicals():
    r = place(
        parse_text(
            "莆⽥市⽔利局 年度政府信息公开⼯作年度报\n2024\n告\n⼀、总体情况\n正文。\n"
            "三、收到和处理政府信息公开申请情况\n⼀、本年新收政府信息公开申请数量 5 0 0 0 0 0 5\n"
        )
    )
    assert (r.year, r.title, r.agency) == (
        2024,
        "莆田市水利局2024年度政府信息公开工作年度报告",
        "莆田市水利局",
    )
    assert r.cell("t2.new_received.total").value == 5


def test_a_number_cut_onto_the_next_line_leaves_its_row_unreadable_not_shortened():
    """ "行政强制 387" / "3" is 3873 cut in two, or 387 and a stray 3: not 387 either way."""
    r = place(
        parse_text(
            "某局2025年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n"
            "第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚 12\n行政强制 387\n3\n"
            "第二十条第（八）项\n行政事业性收费 1.5\n"
        )
    )
    cell = r.cell("t1.coercion.decisions")
    assert cell.state is State.UNREADABLE and "3" in cell.reason
    assert r.cell("t1.penalty.decisions").value == 12


def test_a_decimal_cut_at_its_point_leaves_the_fee_unreadable_not_rounded():
    """ "行政事业性收费 6377" / ".54": not 6377 (found by the fuzz campaign)."""
    r = place(
        parse_text(
            "某局2025年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n"
            "第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 5\n"
            "第二十条第（八）项\n信息内容 本年收费金额（单位：万元）\n行政事业性收费 6377\n.54\n"
            "三、收到和处理政府信息公开申请情况\n"
        )
    )
    assert r.cell("t1.admin_fees.amount").state is State.UNREADABLE
    assert r.cell("t1.licensing.decisions").value == 5
