"""A ledger names outcomes, applicant types and appeal results with the printed labels, loosely."""

import pytest

from gongkai.office.ledger.labels import (
    appeal_kind_key,
    appeal_result_key,
    bare,
    category_key,
    outcome_key,
    outcome_label,
)
from gongkai.report.formats import APPLICANT_COLUMNS, OUTCOME_ROWS_2021, TABLE3


@pytest.mark.parametrize("row", OUTCOME_ROWS_2021, ids=lambda r: r.key)
def test_every_outcome_row_is_found_by_its_label_without_number(row):
    assert outcome_key(outcome_label(row.key)) == row.key
    assert outcome_key(row.label) == row.key  # with its number, as printed


def test_the_21_ledger_labels_are_distinct():
    labels = [outcome_label(r.key) for r in OUTCOME_ROWS_2021]
    assert len(set(labels)) == 21


def test_partial_disclosure_is_enough_for_row_two():
    assert outcome_key("部分公开") == "partially_granted"
    assert bare("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == "部分公开"


def test_separator_and_bracket_variants_match():
    assert (
        outcome_key("申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请")
        == "other.no_correction"
    )
    assert outcome_key('危及"三安全一稳定"') == "denied.security_stability"
    assert outcome_key("不予公开-属于国家秘密") == "denied.state_secret"


def test_words_that_name_no_single_row_are_refused():
    for text in ("公开", "不予公开", "已答复", "同意"):
        assert outcome_key(text) is None, text


def test_applicant_types():
    for col in APPLICANT_COLUMNS:
        assert category_key(col.label) == col.key
    assert category_key("法人或其他组织-法律服务机构") == "legal_service_org"
    assert category_key("个人") is None


def test_appeal_words():
    for row in TABLE3.rows:
        assert appeal_kind_key(row.label) == row.key
    assert appeal_result_key("结果纠正") == "corrected"
    assert appeal_result_key("尚未审结") == "pending"
    assert appeal_result_key("撤诉") is None
