"""Run the report engine's checks (gongkai.report.checks) on a compiled report.

Publishing is blocked while an ERROR finding stands. Last year's published version is passed
as `previous`, so 上年结转 is checked against what was actually published (Y-1).
"""

from __future__ import annotations

from gongkai.report.checks import iter_findings, ordered
from gongkai.report.model import Report


def findings(report: Report, previous: Report | None = None) -> list:
    """Every finding, broken ERROR rules first (registry.ordered)."""
    return ordered(report, iter_findings(report, previous))


#: S-5 (published after the 条例第四十九条 deadline) cannot be mended by editing the report:
#: refusing a late publication would leave the report missing altogether (S-6), which is worse.
#: A late version is published and stays marked late.
NOT_BLOCKING = {"S-5"}


def blocking(found) -> list:
    """The findings that stop publication: a broken ERROR rule, except lateness itself."""
    return [f for f in found if f.is_error and f.rule not in NOT_BLOCKING]
