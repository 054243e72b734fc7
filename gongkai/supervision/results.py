"""What a folder check knows about one file: its report and findings, or why it was not read.

The report (without the reader's steps, which no rule and no output of a folder run reads) and
the findings are kept packed (`packed`): what the outputs print of every file (agency, year,
format, counts, unreadable cells) is kept as it is, and the rest is opened when the Y- rules
or an output need it. The broken rules' messages are packed apart (`problems`), so that the
summary and the command's lines open them without opening every finding, and so are the flags.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..report.checks.finding import Finding, Outcome, Severity
from ..report.model import Cell, Report, Source, State
from ..report.record import Frozen
from .packed import Packed
from .risk import Flag, peer
from .shared_text import Peer


class Problem(Frozen):
    """A broken rule as the summary and the command's lines print it."""

    rule: str
    severity: Severity
    message: str


#: a cell as packed: plain values pickle and load several times faster than `Cell` records
_CellValues = tuple[str, str, State, object, Source | None, str | None]


def _pack(report: Report) -> Packed[tuple[Report, list[_CellValues]]]:
    cells = [(c.key, c.raw, c.state, c.value, c.source, c.reason) for c in report.cells.values()]
    return Packed((report.replace(cells={}), cells))


def _unpack(packed: Packed[tuple[Report, list[_CellValues]]]) -> Report:
    report, cells = packed.open()
    report.cells = {key: Cell(key, *rest) for key, *rest in cells}  # type: ignore[arg-type]
    return report


class FileResult:
    def __init__(
        self,
        path: str,
        report: Report | None = None,
        findings: Iterable[Finding] = (),
        error: str | None = None,  # why the file could not be read
        previous: str | None = None,  # the file used as last year's report
        not_report: bool = False,  # read, but no annual report in it: skipped, not a failure
        flags: Iterable[Flag] = (),  # risk flags, once the folder is paired
    ):
        self.path = path
        self.error = error
        self.previous = previous
        self.not_report = not_report
        self.flags = flags
        self.agency: str | None = None
        self.year: int | None = None
        self.format_version: str | None = None
        self.unreadable: list[str] = []  # keys of the cells that could not be read
        self.peer: Peer | None = None  # what the same year's reports compare it with
        self._report: Packed[tuple[Report, list[_CellValues]]] | None = None
        if report is not None:
            self.report = report
        self.findings = findings

    @property
    def has_report(self) -> bool:
        return self._report is not None

    @property
    def report(self) -> Report | None:
        """A new copy of the report, without the reader's steps."""
        return _unpack(self._report) if self._report is not None else None

    @report.setter
    def report(self, report: Report) -> None:
        self.agency, self.year = report.agency, report.year
        self.format_version = report.format.version
        self.unreadable = [c.key for c in report.unreadable]
        self.peer = peer(report)
        self._report = _pack(report)

    @property
    def findings(self) -> list[Finding]:
        """A new copy of the findings, in the order they are shown."""
        return self._findings.open()

    @findings.setter
    def findings(self, findings: Iterable[Finding]) -> None:
        found = list(findings)
        self._findings = Packed(found)
        self._problems = Packed([Problem(f.rule, f.severity, f.message) for f in found if f.failed])
        self._failed = {s: 0 for s in Severity}
        for f in found:
            if f.failed:
                self._failed[f.severity] += 1
        self.uncertain = sum(1 for f in found if f.outcome is Outcome.UNCERTAIN)
        self.passed = sum(1 for f in found if f.outcome is Outcome.PASS)

    @property
    def flags(self) -> list[Flag]:
        """A new copy of the risk flags (their evidence quotes the findings: packed as well)."""
        return self._flags.open()

    @flags.setter
    def flags(self, flags: Iterable[Flag]) -> None:
        self._flags = Packed(list(flags))

    @property
    def problems(self) -> list[Problem]:
        """The broken rules, in the order of the findings."""
        return self._problems.open()

    def count(self, severity: Severity) -> int:
        return self._failed[severity]

    @property
    def has_error(self) -> bool:
        return self._failed[Severity.ERROR] > 0
