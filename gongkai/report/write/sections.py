"""The running order of a printed report: the six parts with their text and tables, and the
sign-off. Shared by the html, docx and markdown writers so they print the same document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ..formats import Table, chinese_date
from ..model import Report
from ..normalize import norm


def heading(number: int, report: Report) -> str:
    return report.format.parts[number - 1].heading


_TERMINAL = "。！？；：!?;:…"
_CLOSING = "」』”’）)"
_ENUMERATED = re.compile(
    r"^(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+[、是]|"
    r"\d+[.、．]|第[一二三四五六七八九十]+)"
)
#: a line at least this share of the widest line filled the printed width (it was wrapped) …
_FULL = 0.75
#: … and a printed A4 line holds at least 20 Chinese characters (width 40)
_MIN_WRAP = 40


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs. Text read from a PDF keeps the printed line breaks; a line that
    filled the width without ending a sentence is joined with the next, unless that one starts
    a numbered item (（一）, 二是, 3.)."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    widest = max((_width(line) for line in lines), default=0)
    out: list[str] = []
    previous = ""
    for line in lines:
        ends = previous.rstrip(_CLOSING)[-1:]
        wrapped = (
            _width(previous) >= max(_FULL * widest, _MIN_WRAP)
            and ends not in _TERMINAL
            and not _ENUMERATED.match(line)
        )
        if out and wrapped:
            out[-1] += line
        else:
            out.append(line)
        previous = line
    return out


def sections(report: Report) -> Iterator[tuple[str, list[str], Table | None]]:
    """(heading, paragraphs, the part's table or None) for parts 一 … 六 in order.

    A part that holds a table (二, 三, 四) is drawn from its cells only: the text a reader keeps
    for it is the table as printed (a flattened dump), which would print every number twice.
    """
    tables = {t.part: t for t in report.format.tables}
    for part in report.format.parts:
        table = tables.get(part.number)
        yield (
            heading(part.number, report),
            [] if table else paragraphs(report.text(part.number)),
            table,
        )


def signature(report: Report) -> list[str]:
    """The signing unit and date printed at the end (domain-spec §2.2), unless the last part's
    text already ends with them (a reader keeps the sign-off there)."""
    lines = [
        line
        for line in (report.agency, report.signed_on and chinese_date(report.signed_on))
        if line
    ]
    last = paragraphs(report.text(report.format.parts[-1].number))[-len(lines) :] if lines else []
    return [] if [norm(x) for x in last] == [norm(x) for x in lines] else lines
