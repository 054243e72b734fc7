"""The checks of the annual report (domain-spec §4): one module per rule family.

    from gongkai.report.checks import iter_findings, ordered
    for finding in ordered(report, iter_findings(report, previous=last_year)):
        print(finding.rule, finding.outcome.value, finding.message)

Families: cell_values (C-), applications (R-, table 2), appeals (L-, table 3), proactive (P-,
table 1), narrative_vs_tables (T-), structure (S-), years (Y-, needs last year's
report). Each rule is registered in `registry.RULES` under its spec ID.
"""

from __future__ import annotations

from . import (  # noqa: F401  (registers the rules)
    appeals,
    applications,
    cell_values,
    narrative_vs_tables,
    proactive,
    structure,
    years,
)
from .finding import Finding, Outcome, Severity
from .registry import RULES, Rule, best_match, iter_findings, ordered, rule

__all__ = [
    "Finding",
    "Outcome",
    "Severity",
    "RULES",
    "Rule",
    "best_match",
    "iter_findings",
    "ordered",
    "rule",
]
