"""Each placement stage's output on a small input: what the stage decided, before the next."""

from pathlib import Path

import pytest

from gongkai.report.formats import FORMAT_2021
from gongkai.report.model import Report, State
from gongkai.report.read import read_path
from gongkai.report.read.parts import split_parts
from gongkai.report.read.place import place, place_table, prepared, table_entries
from gongkai.report.read.place_assign import assignments
from gongkai.report.read.place_columns import column_map, matched_rows
from gongkai.report.read.place_repairs import repairs
from gongkai.report.read.settings import SETTINGS, Settings
from gongkai.report.read.text import parse_text
from gongkai.report.write.cells_json import cells

from ..conftest import labelled
from .test_flattened_text import ONE_A_STEM, page_text

T2 = FORMAT_2021.table("t2")
HEAD = "三、收到和处理政府信息公开申请情况\n"
NEW = "一、本年新收政府信息公开申请数量"
CARRIED = "二、上年结转政府信息公开申请数量"


def _blocks(body: str):
    return parse_text(HEAD + body).blocks


def _stages(body: str, table=T2, settings=SETTINGS):
    entries = table_entries(_blocks(body), table, settings)
    matched = matched_rows(entries, table, settings)
    cmap = column_map(matched, table)
    return entries, matched, cmap


def test_entries_join_a_wrapped_label_and_keep_its_values():
    entries, _, _ = _stages(f"{NEW[:8]}\n{NEW[8:]} 1 0 0 0 0 0 1\n")
    labelled_ = [e for e in entries if e.label.endswith("申请数量")]
    assert len(labelled_) == 1
    assert labelled_[0].label.endswith(NEW) and [v.raw for v in labelled_[0].values] == list(
        "1000001"
    )


def test_matched_rows_give_each_entry_its_row_and_the_header_before_the_first_row():
    head = "申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"
    _, matched, _ = _stages(f"{head}\n{NEW} 1 0 0 0 0 0 1\n{CARRIED} 0 0 0 0 0 0 0\n")
    keys = [r.key if r else None for r in matched.rows]
    assert keys[-2:] == ["new_received", "carried_over_in"]
    assert "自然人" in matched.header and "申请数量" not in matched.header


def test_the_column_map_puts_a_named_subtotal_where_the_header_prints_it():
    head = "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 小计 总计"
    _, _, cmap = _stages(f"{head}\n{NEW} 1 0 0 0 0 0 0 1\n")
    cols = [c.key for c in cmap.columns(T2.row("new_received"))]
    assert cols[-2:] == ["org_subtotal", "total"] and cols[0] == "natural_person"
    assert cmap.subtotal_at is None and cmap.notes == ()


def test_the_column_map_finds_an_unnamed_subtotal_by_the_rows_totals():
    # eight numbers a row under a seven-column header: the 8th-from-last only fits as 小计
    head = "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"
    body = f"{head}\n{NEW} 2 1 1 0 0 0 2 4\n{CARRIED} 1 0 3 0 0 0 3 4\n"
    _, _, cmap = _stages(body)
    assert cmap.subtotal_at == 6
    assert [c.key for c in cmap.columns(T2.row("carried_over_in"))][6] == "org_subtotal"
    assert any("小计" in n for n in cmap.notes)


def test_assignments_place_values_by_the_column_map_and_leave_the_stages_input_alone():
    _, matched, cmap = _stages(f"{NEW} 3 0 0 0 1 0 4\n")
    before = [(e.label, [v.raw for v in e.values or []]) for e in matched.entries]
    placed = assignments(matched, cmap)
    assert placed.cells["t2.new_received.legal_service_org"].value == 1
    assert placed.cells["t2.new_received.total"].value == 4
    assert "本行第7个数值" in placed.cells["t2.new_received.total"].steps[-1]
    assert assignments(matched, cmap) == placed  # the same input, the same placement
    assert [(e.label, [v.raw for v in e.values or []]) for e in matched.entries] == before
    with pytest.raises(TypeError):
        placed.cells["t2.new_received.total"] = None  # a stage's output is read-only


def test_a_row_with_a_value_too_few_is_unreadable_in_the_assignment():
    _, matched, cmap = _stages(f"{NEW} 3 0 0 0 1 4\n")
    cell = assignments(matched, cmap).cells["t2.new_received.total"]
    assert cell.state is State.UNREADABLE and "应有7个数值，读到6个" in cell.reason


def test_glued_rows_left_to_the_repairs_are_solved_there_by_the_columns():
    """01's "2.没有现成信息需要另行制作110000011" splits two ways within its row: the
    assignment leaves it unreadable with both splits, the repairs stage takes the one that keeps
    table 2's column totals."""
    path = Path(ONE_A_STEM[1].values[0])
    doc = parse_text(page_text(read_path(path), inner=False))
    doc, fmt = prepared(doc)
    assert fmt is FORMAT_2021 and len(doc.lines) > 40  # one line cut back at every label
    assert any(line.text.startswith("2.没有现成信息需要另行制作") for line in doc.lines)
    blocks = [b for r in split_parts(doc, fmt) if r.table == "t2" for b in r.blocks]
    matched = matched_rows(table_entries(blocks, T2), T2)
    cmap = column_map(matched, T2)
    placed = assignments(matched, cmap)
    key = "t2.unable.needs_creation.natural_person"
    assert "t2.unable.needs_creation" in placed.glued
    assert placed.cells[key].state is State.UNREADABLE
    assert "多种拆法" in placed.cells[key].reason
    fixed = repairs(placed, cmap)
    assert fixed.cells[key].value == 11
    assert "按表二各列的合计关系" in fixed.cells[key].steps[-1]
    assert place_table(T2, blocks) == fixed


def test_settings_are_frozen_and_each_tolerance_decides_what_its_stage_does():
    with pytest.raises(AttributeError):
        SETTINGS.fuzzy_min = 0.5
    typo = "1.属于国家秘蜜 7 0 0 0 0 0 7\n"  # 蜜 for 密: a near miss, no keyword
    _, matched, _ = _stages(typo)
    assert [r.key for r in matched.rows if r] == ["denied.state_secret"]
    _, strict, _ = _stages(typo, settings=Settings(fuzzy_min=0.99))
    assert [r for r in strict.rows if r] == []


def test_the_alternatives_shown_are_as_many_as_the_settings_say():
    doc = parse_text(
        "某局2025年政府信息公开工作年度报告\n一、总体情况\n正文。\n"
        "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n"
        f"规章 1011\n{HEAD}{NEW} 1 0 0 0 0 0 1\n"
    )
    reason = place(doc).cell("t1.regulations.made").reason
    one = place(doc, Settings(alternatives_shown=1)).cell("t1.regulations.made").reason
    assert reason.count("；") >= 1 and "；" not in one and one.endswith("等")


@pytest.mark.parametrize("path,truth", labelled((".txt",)))
def test_the_stages_one_by_one_give_a_dev_report_its_labelled_tables(path, truth):
    doc, fmt = prepared(parse_text(Path(path).read_text("utf-8")))
    regions = split_parts(doc, fmt)
    report = Report(format=fmt)
    for table in fmt.tables:
        blocks = [b for r in regions if r.table == table.key for b in r.blocks]
        placed = place_table(table, blocks)
        report.cells.update(placed.cells)
        if placed.other_as_one_row:
            report.print_other_as_one_row()
    got = cells(report)
    assert [got[t] for t in ("table1", "table2", "table3")] == [
        truth[t] for t in ("table1", "table2", "table3")
    ]
