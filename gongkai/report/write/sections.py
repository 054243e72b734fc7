"""The running order of a printed report: the six parts with their text and tables, and the
sign-off. Shared by the html, docx and markdown writers so they print the same document.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..formats import Table
from ..model import Report


def heading(number: int, report: Report) -> str:
    part = report.format.parts[number - 1]
    return f"{part.numeral}、{part.title}"


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def sections(report: Report) -> Iterator[tuple[str, list[str], Table | None]]:
    """(heading, paragraphs, the part's table or None) for parts 一 … 六 in order."""
    tables = {t.part: t for t in report.format.tables}
    for part in report.format.parts:
        yield heading(part.number, report), paragraphs(report.text(part.number)), tables.get(part.number)


def chinese_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def signature(report: Report) -> list[str]:
    """The signing unit and date printed at the end (domain-spec §2.2)."""
    return [line for line in (report.agency, report.signed_on and chinese_date(report.signed_on)) if line]
