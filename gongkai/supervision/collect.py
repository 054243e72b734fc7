"""Which files under the paths a person names are annual reports to read.

A named file is taken as it is; a folder is searched for the suffixes the readers take. A JSON
file inside a folder is a report only when gongkai wrote it (labels and other data are skipped).
"""

from __future__ import annotations

from pathlib import Path

from ..report.file_marks import KIND
from ..report.read import READABLE_SUFFIXES as READABLE

_JSON_MARK = f'"{KIND}"'.encode()


def collect(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Report files under `paths`, each once, and the problems met (a path that does not exist)."""
    files, problems = [], []
    for name in paths:
        p = Path(name)
        if p.is_dir():
            files += [f for f in sorted(p.rglob("*")) if f.is_file() and _maybe_report(f)]
        elif p.exists():
            files.append(p)
        else:
            problems.append(f"文件不存在：{p}")
    return list(dict.fromkeys(files)), problems


def _maybe_report(f: Path) -> bool:
    suffix = f.suffix.lower()
    if suffix not in READABLE:
        return False
    if suffix != ".json":
        return True
    try:
        with f.open("rb") as fh:
            return _JSON_MARK in fh.read(4096)
    except OSError:
        return True
