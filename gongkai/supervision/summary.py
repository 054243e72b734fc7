"""The summary of a folder check: one row per file (file, agency, year, format, ERROR / WARN /
INFO counts, the findings, the unreadable cells), written as XLSX, CSV or HTML. CSV and HTML
are written row by row: a folder of 10,000 reports makes a summary of hundreds of MB."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from html import escape
from itertools import chain
from pathlib import Path

from ..report.atomic_file import write_atomically
from ..report.checks.finding import Severity
from ..report.write.sheet_text import append_row, csv_text
from .results import FileResult

HEADERS = (
    "文件",
    "机关",
    "年度",
    "格式",
    "错误ERROR",
    "警告WARN",
    "提示INFO",
    "无法判断",
    "问题",
    "无法识别的单元格",
    "风险提示",
    "读取错误",
)
SUFFIXES = (".xlsx", ".csv", ".html", ".htm")


def row(result: FileResult) -> tuple:
    problems = "\n".join(f"[{p.rule} {p.severity.value}] {p.message}" for p in result.problems)
    return (
        result.path,
        result.agency or "",
        result.year or "",
        result.format_version or "",
        result.count(Severity.ERROR),
        result.count(Severity.WARN),
        result.count(Severity.INFO),
        result.uncertain,
        problems,
        "、".join(result.unreadable),
        "\n".join(f"{f.label}：{f.evidence}" for f in result.flags),
        result.error or "",
    )


def write_summary(results: list[FileResult], out: Path) -> None:
    """Write the summary in the kind the suffix of `out` names."""
    suffix = out.suffix.lower()
    rows = map(row, results)
    if suffix == ".xlsx":
        data: bytes | Iterable[bytes] = _xlsx(rows)
    elif suffix == ".csv":
        data = _csv(rows)
    elif suffix in (".html", ".htm"):
        data = (piece.encode("utf-8") for piece in _html(rows))
    else:
        raise ValueError(f"汇总文件应为 {'、'.join(SUFFIXES)} 之一：{out.name}")
    write_atomically(out, data)


def _csv(rows: Iterable[tuple]) -> Iterator[bytes]:
    buf = io.StringIO()
    w = csv.writer(buf)
    yield codecs.BOM_UTF8  # Excel opens UTF-8 with a BOM correctly
    for values in chain([HEADERS], ([csv_text(v) for v in r] for r in rows)):
        w.writerow(values)
        yield buf.getvalue().encode("utf-8")
        buf.seek(0)
        buf.truncate()


def _xlsx(rows) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "检查汇总"
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for values in rows:
        append_row(ws, values)
    for col, width in zip("ABCDEFGHIJKL", (40, 24, 8, 8, 10, 10, 10, 10, 80, 40, 60, 40)):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _html(rows: Iterable[tuple]) -> Iterator[str]:
    head = "".join(f"<th>{escape(h)}</th>" for h in HEADERS)
    yield (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>年度报告检查汇总</title>\n'
        "<style>body{font-family:sans-serif;margin:1em}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:3px 6px;vertical-align:top;white-space:pre-wrap;font-size:13px}"
        "th{background:#eee}</style>\n</head>\n<body>\n<h1>年度报告检查汇总</h1>\n"
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
    )
    for n, values in enumerate(rows):
        cells = "".join(f"<td>{escape(str(v))}</td>" for v in values)
        yield f"{chr(10) if n else ''}<tr>{cells}</tr>"
    yield "\n</tbody>\n</table>\n</body>\n</html>\n"
