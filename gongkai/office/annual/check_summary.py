"""The report page's checks in one consistent account: the rows to look at, the errors that
stop publication first, and one sentence counting them, so the summary never says "no
blocking error" above an 错误 row without saying why that error does not block."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.report.checks.finding import Finding, Outcome, Severity

from .checking import NOT_BLOCKING, blocking


@dataclass(frozen=True)
class Row:
    finding: Finding
    blocks: bool

    @property
    def level(self) -> str:
        f = self.finding
        if f.is_error:
            return f"{f.severity.label}（{'阻止发布' if self.blocks else '不阻止发布'}）"
        return f.severity.label if f.failed else f.outcome.label


@dataclass(frozen=True)
class Summary:
    rows: list[Row]
    blocking: int
    passed: int | None  # None for the stored findings of a version (only the failed are kept)

    @property
    def text(self) -> str:
        failed = [r.finding for r in self.rows if r.finding.failed]
        others = [f for f in failed if f.is_error and f.rule in NOT_BLOCKING]
        bits = []
        if self.blocking:
            bits.append(f"有{self.blocking}项错误，改正前不能发布")
        if others:
            rules = "、".join(sorted({f.rule for f in others}))
            bits.append(f"{len(others)}项错误不阻止发布（{rules}：逾期仍可发布，版本标注逾期）")
        if not self.blocking and not others:
            bits.append("没有错误")
        for severity in (Severity.WARN, Severity.INFO):
            n = sum(1 for f in failed if f.severity is severity)
            if n:
                bits.append(f"{severity.label}{n}项")
        unsure = sum(1 for r in self.rows if r.finding.outcome is Outcome.UNCERTAIN)
        if unsure:
            bits.append(f"无法判断{unsure}项")
        if self.passed is not None:
            bits.append(f"通过{self.passed}项")
        return "；".join(bits) + "。"


def summarize(found: list[Finding], stored: bool = False) -> Summary:
    """`found` in the registry's order (`stored`: a version's findings, the failed only); the
    rows are those not passed, the ones that stop publication first."""
    stops = {id(f) for f in blocking(found)}
    rows = [Row(f, id(f) in stops) for f in found if f.outcome is not Outcome.PASS]
    rows.sort(key=lambda r: not r.blocks)  # stable: the registry's order within each group
    passed = None if stored else sum(1 for f in found if f.outcome is Outcome.PASS)
    return Summary(rows, len(stops), passed)


def flagged_cells(summary: Summary) -> dict[str, str]:
    """{cell key: "error" | "warn"}: the cells the preview marks (an error wins)."""
    marks: dict[str, str] = {}
    for row in summary.rows:
        kind = "error" if row.finding.is_error else "warn"
        for key in row.finding.cells:
            if marks.get(key) != "error":
                marks[key] = kind
    return marks


MARKS = {
    "error": "background:#fde2e2;outline:2px solid #a00",
    "warn": "background:#fff3d6;outline:2px solid #b36b00",
}


def marked(page: str, marks: dict[str, str]) -> str:
    """The HTML writer's page with a style marking `marks` ({cell key: kind}) by data-key."""
    if not marks:
        return page
    rules = "".join(
        ",".join(f'[data-key="{k}"]' for k, m in marks.items() if m == kind) + f"{{{style}}}"
        for kind, style in MARKS.items()
        if kind in marks.values()
    )
    style = f'<style id="finding-marks">{rules}</style>'
    return page.replace("</head>", style + "</head>", 1) if "</head>" in page else style + page
