"""A folder check: every report read and checked on its own (in parallel), then each paired
with the same agency's report of the year before, whose Y- rules run once both are known.

The parent holds each report packed (`results`); pairing reads only agencies and years, and
opens the reports of a pair alone, one pair at a time, so its memory grows by some 40 KB a
text report (bench/check_engines.py prints its peak).
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable
from pathlib import Path

from ..report.checks import iter_findings, ordered
from ..report.checks.registry import previous_rules, sort_key
from .engines import Progress, quiet, read_dask, read_local
from .pairing import YearIndex
from .results import FileResult
from .risk import Region, own_flags, region_flags


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
    """Give each report its previous year's, re-run the rules that read it, and raise the risk
    flags against the other reports of the same year. `results` come from the readers: their
    findings in order and the flags each report raises alone already there."""
    wanted = set(rules) if rules is not None else None
    again = previous_rules() if wanted is None else previous_rules() & wanted
    read = [r for r in results if r.has_report]
    index = YearIndex(read)
    by_year: dict[int | None, list[FileResult]] = {}
    for result in read:
        by_year.setdefault(result.year, []).append(result)
    for year in by_year.values():  # a year's region at a time: its index of sentences is large
        region = Region.of([r.peer for r in year])
        for result in year:
            previous = index.previous_of(result)
            if previous is not None:
                result.previous = previous.path
                _check_with(result, previous, again)
            result.flags += region_flags(result.peer, region)


def _check_with(result: FileResult, previous: FileResult, again: set[str]) -> None:
    """The rules in `again` run once more with last year's report, their findings put in
    place among the others (as `ordered` would), and the flags raised alone raised again."""
    report = result.report
    found = [f for f in result.findings if f.rule not in again]
    for f in ordered(report, iter_findings(report, previous.report, rules=again)):
        insort(found, f, key=lambda f: sort_key(report, f))
    result.findings = found
    result.flags = own_flags(report, found)
