"""One file read into a Report and checked on its own: what a worker does, in a process of the
local pool or on a Dask worker that has only the file's bytes (no shared filesystem).

The worker also puts the findings in the order they are shown and raises the flags the report
raises alone, so that the parent has that work done in parallel; the rules that need last
year's report, and the flags that compare reports, run later, once the reports are paired
(`folder`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..report.checks import iter_findings, ordered
from ..report.read import NotAReport, ReadError, read_path
from .results import FileResult
from .risk import own_flags


def read_one(path: str, rules: Iterable[str] | None = None, name: str | None = None) -> FileResult:
    """The file at `path`, or the reason it cannot be read; never raises. `name` is what the
    caller calls the file (its own path when not given), in the result and its messages."""
    name = name or path
    try:
        report = read_path(path)
    except NotAReport as e:
        return FileResult(name, error=str(e).replace(path, name), not_report=True)
    except ReadError as e:
        return FileResult(name, error=str(e).replace(path, name))
    except Exception as e:  # noqa: BLE001 - one broken file must not stop the folder
        return FileResult(name, error=f"读取时出错：{type(e).__name__}: {e}".replace(path, name))
    if report.source_file == path:
        report.source_file = name
    findings = ordered(report, iter_findings(report, rules=rules))
    return FileResult(name, report, findings, flags=own_flags(report, findings))


def read_batch(paths: list[str], rules: Iterable[str] | None = None) -> list[FileResult]:
    """A few files at a time, so that small text reports are not outweighed by the cost of
    sending each one to a process."""
    return [read_one(p, rules) for p in paths]


def read_bytes(name: str, data: bytes, rules: Iterable[str] | None = None) -> FileResult:
    """A file sent as bytes: written under its own name in a private temporary folder (the
    readers choose by content and suffix), read, and named again as the caller named it."""
    with tempfile.TemporaryDirectory(prefix="gongkai-") as tmp:
        local = Path(tmp) / Path(name).name
        local.write_bytes(data)
        return read_one(str(local), rules, name)


def read_bytes_batch(
    files: list[tuple[str, bytes]], rules: Iterable[str] | None = None
) -> list[FileResult]:
    return [read_bytes(name, data, rules) for name, data in files]
