"""Findings come out as jsonschema's errors do: every one, each with its cells; broken ERROR
rules first, then by position in the printed tables; a rule that trips over an odd report
says so in a finding instead of stopping the check."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.report.checks import RULES, Outcome, Severity, best_match, iter_findings, ordered
from gongkai.report.checks.registry import Rule, run_rule
from gongkai.report.formats import FORMATS
from gongkai.report.model import Cell, Report, Source

from .check_cases import build


def test_best_match_is_the_first_broken_error_in_table_order():
    report = build(
        cells={
            "t3.review.total": 0,  # L-1, table 3
            "t2.granted.commercial_enterprise": 2,  # table 2
            "t1.coercion.decisions": "",
        }
    )  # C-2 WARN, table 1
    found = ordered(report, iter_findings(report))
    first = best_match(report, found)
    assert first.rule in ("R-2", "R-3") and first.outcome is Outcome.FAIL
    assert "t2.granted.commercial_enterprise" in first.cells
    failing = [f for f in found if f.failed]
    ranks = [f.severity.rank for f in failing]
    assert ranks == sorted(ranks)  # ERROR, then WARN, then INFO
    errors = [f for f in failing if f.severity is Severity.ERROR]
    assert [f.rule for f in errors].index("L-1") > max(
        i for i, f in enumerate(errors) if f.rule.startswith("R-")
    )
    assert found[-1].outcome is Outcome.PASS


def test_year_rules_run_only_with_last_years_report():
    report = build()
    assert not any(f.rule.startswith("Y-") for f in iter_findings(report))
    previous = build(meta={"year": 2023})
    assert {f"Y-{n}" for n in (1, 2, 4, 5, 6)} <= {f.rule for f in iter_findings(report, previous)}


def test_a_rule_that_breaks_gives_an_uncertain_finding():
    def broken(ctx):
        raise ZeroDivisionError("division by zero")
        yield  # pragma: no cover

    findings = run_rule(Rule("X-1", Severity.ERROR, "broken", broken), build())
    assert [f.outcome for f in findings] == [Outcome.UNCERTAIN]
    assert "X-1" in findings[0].message


_STATES = st.sampled_from(["0", "3", "", "/", "x", None])


@settings(max_examples=40, deadline=None)
@given(
    version=st.sampled_from(["2021", "2019"]),
    data=st.data(),
    single=st.booleans(),
    subtotal=st.booleans(),
)
def test_no_rule_trips_over_any_mix_of_cells(version, data, single, subtotal):
    """Whatever mix of numbers, blanks, "/", unreadable and missing cells a reader produces,
    every rule answers, names only real cells, and the findings serialise to JSON."""
    fmt = FORMATS[version]
    report = Report(
        format=fmt,
        agency=data.draw(st.sampled_from([None, "某县财政局", "某市人民政府"])),
        year=data.draw(st.sampled_from([None, 2020, 2024])),
    )
    for line, key in enumerate(fmt.cell_keys(official_only=False)):
        spec = fmt.specs[key]
        if not spec[2].official and not subtotal or not spec[1].official and not subtotal:
            continue
        raw = data.draw(_STATES, label=key)
        if raw is not None:
            report.set(Cell.read(key, raw, Source(kind="text", line=line)))
    if single and version == "2021":
        report.layout["t2.other"] = "single_row"
    previous = Report(format=fmt, year=2023, cells=dict(report.cells))
    findings = list(iter_findings(report, previous))
    assert {f.rule for f in findings} >= {"R-1", "L-1", "C-1", "S-2"}
    for f in findings:
        assert "error" not in f.evidence, f.message
        assert all(k in fmt.specs for k in f.cells), f.cells
    json.dumps([f.to_dict() for f in findings], ensure_ascii=False)
    assert set(RULES) >= {f.rule for f in findings}
