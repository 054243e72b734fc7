"""What a rule sees: this year's report, last year's (or None), and the makers of findings.

A rule function receives one `Context` and yields findings through `ctx.passed`,
`ctx.failed` and `ctx.uncertain`, which fill in the rule ID, its severity and the sources of
the cells named, so every rule reports the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Report, Source
from .finding import Finding, Outcome, Severity
from .naming import show


@dataclass
class Context:
    report: Report
    previous: Report | None
    rule: str
    severity: Severity
    title: str = ""

    def show(self, key: str) -> str:
        return show(self.report, key)

    def show_previous(self, key: str) -> str:
        assert self.previous is not None
        return show(self.previous, key, year_prefix=_year_label(self.previous))

    def finding(
        self,
        outcome: Outcome,
        message: str,
        cells: Iterable[str] = (),
        *,
        evidence: dict[str, Any] | None = None,
        severity: Severity | None = None,
        parts: Iterable[int] = (),
        previous_cells: Iterable[str] = (),
        expected: Any = None,
        actual: Any = None,
    ) -> Finding:
        cells = tuple(dict.fromkeys(cells))
        parts = tuple(parts)
        sources: dict[str, Source] = {}
        for key in cells:
            cell = self.report.cells.get(key)
            if cell is not None and cell.source is not None:
                sources[key] = cell.source
        for key in previous_cells:
            cell = self.previous.cells.get(key) if self.previous else None
            if cell is not None and cell.source is not None:
                sources[f"上年:{key}"] = cell.source
        for n in parts:
            p = self.report.parts.get(n)
            if p is not None and (p.line is not None or p.page is not None):
                sources[f"第{n}部分"] = Source(
                    kind=self.report.source_kind or "", line=p.line, page=p.page
                )
        return Finding(
            self.rule,
            severity or self.severity,
            outcome,
            message,
            cells,
            evidence or {},
            sources,
            parts,
            self.title,
            expected,
            actual,
        )

    def passed(self, message: str, cells: Iterable[str] = (), **kw) -> Finding:
        return self.finding(Outcome.PASS, message, cells, **kw)

    def failed(self, message: str, cells: Iterable[str] = (), **kw) -> Finding:
        return self.finding(Outcome.FAIL, message, cells, **kw)

    def uncertain(self, message: str, cells: Iterable[str] = (), **kw) -> Finding:
        return self.finding(Outcome.UNCERTAIN, message, cells, **kw)


def _year_label(report: Report) -> str:
    return f"{report.year}年报告" if report.year else "上年报告"
