"""The rules by spec ID, and the order in which findings are shown.

A rule is a small function decorated with `@rule("R-1", Severity.ERROR, title=...)`; its
docstring shows the anti-pattern and the fix (as sqlfluff rules do). `iter_findings` runs
every rule and yields every finding (jsonschema's `iter_errors`); `ordered` and `best_match`
put broken ERROR rules first, then by position in the tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..formats import Format
from ..model import Report
from .context import Context
from .finding import Finding, Outcome, Severity

RuleFunction = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str
    check: RuleFunction
    needs_previous: bool = False
    reads_previous: bool = False  # runs alone, but its answer can change with last year's report

    @property
    def doc(self) -> str:
        return (self.check.__doc__ or "").strip()

    @property
    def family(self) -> str:
        return self.id.split("-")[0]

    def _doc_part(self, start: str, end: str | None) -> str:
        doc = self.doc
        if start:
            if start not in doc:
                return ""
            doc = doc.split(start, 1)[1]
        if end and end in doc:
            doc = doc.split(end, 1)[0]
        return " ".join(doc.split())

    @property
    def summary(self) -> str:
        """What the rule asks, from its docstring (before the anti-pattern)."""
        return self._doc_part("", _FAULT)

    @property
    def fault(self) -> str:
        """The docstring's anti-pattern: what a report that breaks the rule prints."""
        return self._doc_part(_FAULT, _FIX)

    @property
    def fix(self) -> str:
        return self._doc_part(_FIX, None)


_FAULT, _FIX = "Anti-pattern:", "Fix:"


RULES: dict[str, Rule] = {}


def rule(
    rule_id: str,
    severity: Severity,
    *,
    title: str,
    needs_previous: bool = False,
    reads_previous: bool = False,
):
    """Register a rule function under its spec ID (domain-spec §4)."""

    def register(fn: RuleFunction) -> RuleFunction:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        RULES[rule_id] = Rule(
            rule_id, severity, title, fn, needs_previous, reads_previous or needs_previous
        )
        return fn

    return register


def run_rule(r: Rule, report: Report, previous: Report | None = None) -> list[Finding]:
    """One rule's findings. A rule that fails on an odd report gives an uncertain finding
    instead of stopping the whole check."""
    ctx = Context(report, previous, r.id, r.severity, r.title)
    try:
        return list(r.check(ctx))
    except Exception as exc:  # noqa: BLE001 - reported as a finding, never a traceback
        return [
            ctx.uncertain(
                f"规则{r.id}无法执行：{type(exc).__name__}: {exc}", evidence={"error": repr(exc)}
            )
        ]


def iter_findings(
    report: Report, previous: Report | None = None, rules: Iterable[str] | None = None
) -> Iterator[Finding]:
    """Every finding of every rule one report (and last year's, when given) can answer."""
    wanted = set(rules) if rules is not None else None
    for r in RULES.values():
        if wanted is not None and r.id not in wanted:
            continue
        if r.needs_previous and previous is None:
            continue
        yield from run_rule(r, report, previous)


def previous_rules() -> set[str]:
    """The rules whose findings depend on last year's report: the ones to run again once
    reports read apart have been paired."""
    return {r.id for r in RULES.values() if r.reads_previous}


def position(report: Report, finding: Finding) -> tuple:
    """Where a finding sits in the printed report: (part, row, column)."""
    return _position(report.format, tuple(finding.cells), tuple(finding.parts))


@lru_cache(maxsize=2**14)  # the same rule names the same cells in every report of a folder
def _position(fmt: Format, cells: tuple[str, ...], parts: tuple[int, ...]) -> tuple:
    spots = []
    for key in cells:
        spec = fmt.specs.get(key)
        if spec:
            table, row, col = spec
            spots.append((table.part, table.rows.index(row), row.columns.index(col)))
    spots.extend((n, -1, -1) for n in parts)
    return min(spots) if spots else (99, 0, 0)


def sort_key(report: Report, finding: Finding) -> tuple:
    return (
        finding.outcome is not Outcome.FAIL,
        finding.severity.rank,
        finding.outcome.rank,
        position(report, finding),
        finding.rule,
    )


def ordered(report: Report, findings: Iterable[Finding]) -> list[Finding]:
    """Broken rules first, ERROR before WARN before INFO, then in table order."""
    return sorted(findings, key=lambda f: sort_key(report, f))


def best_match(report: Report, findings: Iterable[Finding]) -> Finding | None:
    """The finding to show first: the most important broken rule, else the first uncertain
    one; never a pass (None when every rule passed), as jsonschema's `best_match`."""
    found = [f for f in ordered(report, findings) if f.outcome is not Outcome.PASS]
    return found[0] if found else None


class UnknownRule(ValueError):
    """A rule ID or family prefix that names no registered rule."""


def select(include: Iterable[str] = (), exclude: Iterable[str] = ()) -> set[str]:
    """The rule IDs chosen by `--rules` / `--exclude-rules`, as sqlfluff selects rules: each
    item is an ID (R-1) or a family prefix (T- or T); no `include` means every rule."""

    def matching(item: str) -> set[str]:
        item = item.strip().upper()
        if item in RULES:
            return {item}
        family = item.rstrip("-")
        found = {r.id for r in RULES.values() if r.family == family}
        if not found:
            raise UnknownRule(item)
        return found

    wanted = set(RULES)
    include = [i for i in include if i.strip()]
    if include:
        wanted = set().union(*(matching(i) for i in include))
    for item in exclude:
        if item.strip():
            wanted -= matching(item)
    return wanted
