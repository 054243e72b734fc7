"""What a folder check knows about one file: its report and findings, or why it was not read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..report.checks.finding import Finding, Outcome, Severity
from ..report.model import Report

if TYPE_CHECKING:
    from .risk import Flag


@dataclass
class FileResult:
    path: str
    report: Report | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # why the file could not be read
    previous: str | None = None  # the file used as last year's report
    not_report: bool = False  # read, but no annual report in it: skipped, not a failure
    flags: list[Flag] = field(default_factory=list)  # risk flags, once the folder is paired

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.failed and f.severity is severity)

    @property
    def uncertain(self) -> int:
        return sum(1 for f in self.findings if f.outcome is Outcome.UNCERTAIN)

    @property
    def has_error(self) -> bool:
        return any(f.is_error for f in self.findings)

    @property
    def unreadable(self) -> list[str]:
        return [c.key for c in self.report.unreadable] if self.report else []
