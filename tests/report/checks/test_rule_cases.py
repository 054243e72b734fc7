"""Every rule answers its table of cases (check_cases/): pass, fail and uncertain reports."""

from __future__ import annotations

import pytest

from gongkai.report.checks import RULES
from gongkai.report.checks.finding import Outcome
from gongkai.report.checks.registry import run_rule

from .check_cases import all_cases

CASES = all_cases()
#: rules whose answer never depends on a number that may be unreadable
NEVER_UNCERTAIN = {"C-2", "S-1", "S-2"}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_answers_case(case):
    report, previous = case.reports()
    findings = run_rule(RULES[case.rule], report, previous)
    assert findings, f"{case.rule} said nothing"
    assert not any("error" in f.evidence for f in findings), [f.message for f in findings]
    outcomes = {f.outcome.value for f in findings}
    if case.outcome == "pass":
        assert outcomes == {"pass"}, [f.message for f in findings if f.outcome is not Outcome.PASS]
    elif case.outcome == "uncertain":
        assert "uncertain" in outcomes and "fail" not in outcomes, [f.message for f in findings]
    else:
        failing = [f for f in findings if f.outcome is Outcome.FAIL]
        assert failing, [f.message for f in findings]
        expected = case.severity or RULES[case.rule].severity.value
        assert any(f.severity.value == expected for f in failing), [
            (f.severity, f.message) for f in failing
        ]
        for key in case.flagged:
            assert any(key in f.cells for f in failing), (key, [f.cells for f in failing])
    for f in findings:
        assert f.rule == case.rule
        assert f.message


def test_every_rule_has_pass_and_fail_cases():
    covered = {(c.rule, c.outcome) for c in CASES}
    for rule_id in RULES:
        assert (rule_id, "pass") in covered, rule_id
        assert (rule_id, "fail") in covered, rule_id
        if rule_id not in NEVER_UNCERTAIN:
            assert (rule_id, "uncertain") in covered, rule_id


def test_every_rule_documents_itself():
    for r in RULES.values():
        assert "Anti-pattern" in r.doc and "Fix" in r.doc, r.id
        assert r.title
