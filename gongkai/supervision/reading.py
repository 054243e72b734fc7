"""One file read into a Report and checked on its own: what a worker does, in a process of the
local pool or on a Dask worker that has only the file's bytes (no shared filesystem).

The rules that need last year's report run later, once the reports are paired (`folder`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..report.checks import iter_findings
from ..report.read import NotAReport, ReadError, read_path
from .results import FileResult


def read_one(path: str, rules: Iterable[str] | None = None) -> FileResult:
    """The file at `path`, or the reason it cannot be read; never raises."""
    try:
        report = read_path(path)
    except NotAReport as e:
        return FileResult(path, error=str(e), not_report=True)
    except ReadError as e:
        return FileResult(path, error=str(e))
    except Exception as e:  # noqa: BLE001 - one broken file must not stop the folder
        return FileResult(path, error=f"读取时出错：{type(e).__name__}: {e}")
    return FileResult(path, report, findings=list(iter_findings(report, rules=rules)))


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
        result = read_one(str(local), rules)
    result.path = name
    if result.report is not None and result.report.source_file == str(local):
        result.report.source_file = name
    if result.error:
        result.error = result.error.replace(str(local), name)
    return result


def read_bytes_batch(
    files: list[tuple[str, bytes]], rules: Iterable[str] | None = None
) -> list[FileResult]:
    return [read_bytes(name, data, rules) for name, data in files]
