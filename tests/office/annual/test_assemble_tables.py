"""Counts from the ledger become table 2 and 3 cells; table 1 stays as entered."""

from collections import Counter

import pytest

from gongkai.office.annual.assemble import LedgerCounts, assemble_report
from gongkai.report.formats import FORMAT_2021
from gongkai.report.model import AgencyKind, State


def _counts():
    c = LedgerCounts()
    c.received.update({"natural_person": 7, "commercial_enterprise": 2})
    c.carried_in.update({"natural_person": 1})
    c.concluded.update(
        {
            ("natural_person", "granted"): 4,
            ("natural_person", "partially_granted"): 2,
            ("commercial_enterprise", "unable.not_held"): 1,
        }
    )
    c.carried_out.update({"natural_person": 2, "commercial_enterprise": 1})
    c.appeals.update(
        {
            ("review", "maintained"): 1,
            ("review", "pending"): 2,
            ("litigation_direct", "corrected"): 1,
        }
    )
    return c


def test_rows_and_totals_come_from_the_counts():
    r = assemble_report("某县自然资源局", 2025, _counts(), kind=AgencyKind.DEPARTMENT)
    assert r.value("t2.new_received.total") == 9
    assert r.value("t2.partially_granted.natural_person") == 2
    assert r.value("t2.processed_total.total") == 7
    assert r.value("t2.processed_total.commercial_enterprise") == 1
    assert r.value("t2.carried_over_out.total") == 3
    assert r.value("t2.denied.state_secret.total") == 0  # a real zero, not a blank
    assert r.value("t3.review.total") == 3 and r.value("t3.review.pending") == 2
    assert r.value("t3.litigation_after_review.total") == 0
    assert all(r.cells[k].source.kind == "ledger" for k in FORMAT_2021.table("t2").cell_keys())
    assert r.deadline.isoformat() == "2026-01-31"


def test_every_official_cell_of_tables_2_and_3_is_set():
    r = assemble_report("甲", 2025, LedgerCounts())
    keys = FORMAT_2021.table("t2").cell_keys() + FORMAT_2021.table("t3").cell_keys()
    assert len(keys) == 190
    assert all(r.cells[k].state is State.NUMBER for k in keys)


def test_table_one_blank_stays_blank_and_entered_values_keep_their_text():
    r = assemble_report(
        "甲",
        2025,
        LedgerCounts(),
        table1={"t1.penalty.decisions": "12", "t1.admin_fees.amount": "1.25"},
    )
    assert r.value("t1.penalty.decisions") == 12
    assert str(r.value("t1.admin_fees.amount")) == "1.25"
    assert r.cell("t1.licensing.decisions").state is State.BLANK
    assert r.cell("t1.licensing.decisions").source.kind == "entered"


def test_a_government_report_is_due_on_31_march():
    r = assemble_report("某县人民政府", 2025, LedgerCounts(), kind=AgencyKind.GOVERNMENT)
    assert r.deadline.isoformat() == "2026-03-31"


def test_an_unknown_outcome_is_refused_not_dropped():
    c = LedgerCounts(concluded=Counter({("natural_person", "granted_somehow"): 1}))
    with pytest.raises(ValueError, match="未知的办理结果"):
        assemble_report("甲", 2025, c)


def test_anomalies_are_kept_as_notes():
    c = LedgerCounts(anomalies=["1件申请已填办结日期但没有办理结果"])
    assert "1件申请已填办结日期但没有办理结果" in assemble_report("甲", 2025, c).notes


def test_balanced_counts_pass_the_r_and_l_checks():
    checks = pytest.importorskip("gongkai.report.checks")
    r = assemble_report("甲", 2025, _counts())
    failed = [
        f
        for f in checks.iter_findings(r)
        if f.rule[:2] in ("R-", "L-") and f.outcome.value != "pass"
    ]
    assert failed == []


def test_unbalanced_counts_are_caught_by_r1():
    checks = pytest.importorskip("gongkai.report.checks")
    c = _counts()
    c.carried_out["natural_person"] += 1  # a case counted as pending and as concluded
    failed = {f.rule for f in checks.iter_findings(assemble_report("甲", 2025, c)) if f.failed}
    assert "R-1" in failed
