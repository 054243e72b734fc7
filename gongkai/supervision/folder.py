"""A folder check: every report read and checked on its own (in parallel), then each paired
with the same agency's report of the year before, whose Y- rules run once both are known."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..report.checks import iter_findings, ordered
from ..report.checks.registry import previous_rules
from .engines import Progress, quiet, read_dask, read_local
from .pairing import YearIndex
from .results import FileResult
from .risk import Region, flags


@dataclass
class FolderRun:
    results: list[FileResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # paths that do not exist

    @property
    def unreadable(self) -> list[FileResult]:
        return [r for r in self.results if r.error and not r.not_report]


def check_files(
    files: list[Path],
    *,
    jobs: int = 0,
    engine: str = "local",
    scheduler: str | None = None,
    rules: Iterable[str] | None = None,
    progress: Progress = quiet,
) -> list[FileResult]:
    """Read and check `files`, then pair years; results in the order of `files`."""
    names = [str(f) for f in files]
    if engine == "dask":
        results = read_dask(names, jobs, scheduler, rules, progress)
    else:
        results = read_local(names, jobs, rules, progress)
    pair(results, rules)
    return results


def pair(results: list[FileResult], rules: Iterable[str] | None = None) -> None:
    """Give each report its previous year's, re-run the rules that read it, order findings,
    and raise the risk flags against the other reports of the same year."""
    wanted = set(rules) if rules is not None else None
    again = previous_rules() if wanted is None else previous_rules() & wanted
    reports = [r.report for r in results if r.report is not None]
    by_report = {id(r.report): r for r in results if r.report is not None}
    by_year: dict[int | None, list] = {}
    for report in reports:
        by_year.setdefault(report.year, []).append(report)
    index = YearIndex(reports)
    for result in results:
        if result.report is None:
            continue
        previous = index.previous_of(result.report)
        if previous is not None:
            result.previous = by_report[id(previous)].path
            result.findings = [f for f in result.findings if f.rule not in again] + list(
                iter_findings(result.report, previous, rules=again)
            )
        result.findings = ordered(result.report, result.findings)
    regions = {year: Region(group) for year, group in by_year.items()}
    for result in results:
        if result.report is not None:
            region = regions[result.report.year]
            result.flags = flags(result.report, result.findings, region)
