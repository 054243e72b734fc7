"""A finding carries fixed fields (rule, title, severity, cells, expected, actual, message), and
the first one shown is the most important failure, never a pass."""

from gongkai.report.checks import Outcome, best_match, iter_findings, ordered
from gongkai.report.model import Cell

from .makers import build, values


def _zeros():
    return {k: "0" for k in values(1)}


def test_a_broken_total_says_what_was_expected_and_what_was_printed():
    printed = _zeros()
    printed.update(
        {"t3.review.maintained": "10", "t3.review.corrected": "1", "t3.review.total": "0"}
    )
    report = build("甲局", 2024, printed)
    found = [f for f in iter_findings(report, rules={"L-1"}) if f.failed]
    assert len(found) == 1
    f = found[0].to_dict()
    assert f["rule"] == "L-1" and f["title"] == "复议、诉讼各组总计等于各结果之和"
    assert f["severity"] == "ERROR" and f["expected"] == 11 and f["actual"] == 0
    assert "t3.review.total" in f["cells"] and "总计" in f["message"]


def test_best_match_is_the_error_first_and_never_a_pass():
    printed = _zeros()
    report = build("甲局", 2024, printed)
    clean = list(iter_findings(report, rules={"R-1", "R-2", "L-1"}))
    assert all(f.outcome is Outcome.PASS for f in clean)
    assert best_match(report, clean) is None

    printed["t2.new_received.total"] = "5"  # breaks R-1 and R-3 (ERROR)
    printed["t2.new_received.natural_person"] = "5"
    printed["t3.review.maintained"] = "1"  # breaks L-1
    report = build("甲局", 2024, printed)
    report.set(Cell.read("t2.granted.total", "约3"))  # an uncertain one too
    findings = list(iter_findings(report))
    first = best_match(report, findings)
    assert first.failed and first.severity.value == "ERROR"
    assert first.rule == "R-1"  # table 2 (part 三) before table 3, both ERROR
    shown = ordered(report, findings)
    fails = [f for f in shown if f.failed]
    assert shown[: len(fails)] == fails
