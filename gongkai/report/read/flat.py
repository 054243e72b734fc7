"""Text flattened from a web page with no separators at all (a crawler's or a browser's
`textContent`): the whole report on one line or a few, part titles inside a line, and the
digits of a row's cells glued ("一、本年新收政府信息公开申请数量452001048").

Such a document is cut back into lines by the texts the format itself prints: before every
part title, table-1 block title (第二十条第（一）项), row label and group heading, and after a
part title. The digits after a label become that row's one run of values, and the header
words before table 3's digits its header; splitting a run into cells is left to placement,
which does it only where the format's arithmetic leaves exactly one split (glued.py).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from ..formats import Format
from ..lazy_pattern import lazy
from .document import Document, Grid, Line
from .settings import SETTINGS, Settings

#: a label and the digits glued after it (signs inside: 2019's 本年增/减 prints "0-14")
_TRAILING_DIGITS = lazy(r"^(.*?[^\d.\s+-])\s*(\d[\d.+-]*)\s*$", re.DOTALL)


def _needles_texts(fmt: Format) -> tuple[set[str], set[str], set[str]]:
    """The part titles, the row labels, and the other texts the format prints before a row."""
    titles = {p.heading for p in fmt.parts}
    rows = {r.label for t in fmt.tables[:2] for r in t.rows}
    others = {r.block for r in fmt.tables[0].rows if r.block}
    others |= {r.group for t in fmt.tables[:2] for r in t.rows if r.group}
    return titles, rows, others


@cache
def _needles(fmt: Format) -> tuple[re.Pattern, frozenset[str], frozenset[str]]:
    """(one pattern for every text to cut before, the part titles, the row labels)."""
    titles, rows, others = _needles_texts(fmt)
    texts = sorted(titles | rows | others, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(t) for t in texts))
    return pattern, frozenset(titles), frozenset(rows)


@cache
def _row_labels(fmt: Format) -> tuple[str, ...]:
    """The row labels `_needles` cuts before, shortest first (a cheap `in` fails soonest)."""
    return tuple(sorted(_needles_texts(fmt)[1], key=len))


@cache
def _t3_heads(fmt: Format) -> tuple[str, ...]:
    """Table 3's column labels: its header ends with one, its digits follow."""
    return tuple({c.label for r in fmt.tables[2].rows for c in r.columns})


def _values_follow(prefix: str, rows: frozenset[str], heads: tuple[str, ...]) -> bool:
    """The digits after `prefix` are table values: it is a row label, or table 3's header."""
    return prefix in rows or prefix.endswith(heads)


def is_flat(doc: Document, fmt: Format, settings: Settings = SETTINGS) -> bool:
    """Some line of a text document holds several row labels: its tables were flattened.

    The pattern of every label (0.6 ms to compile in a fresh process, for each text report)
    is asked only about a line that holds that many labels as substrings: what it finds is
    among them."""
    if doc.kind != "text":
        return False
    least = settings.flat_min_labels
    labels = _row_labels(fmt)
    lines = [b.text for b in doc.lines if sum(r in b.text for r in labels) >= least]
    if not lines:
        return False
    pattern, _, rows = _needles(fmt)
    return any(
        len({m.group(0) for m in pattern.finditer(text) if m.group(0) in rows}) >= least
        for text in lines
    )


def relined(doc: Document, fmt: Format) -> Document:
    """The flattened document as lines again: all of its text joined as textContent gives it,
    then cut before each text the format prints, a part title on a line of its own."""
    lines = doc.lines
    if not lines:
        return doc
    pattern, titles, rows = _needles(fmt)
    text = "".join(b.text for b in lines)
    source = lines[0].source
    cuts = sorted({0, len(text), *(m.start() for m in pattern.finditer(text))})
    ends = {m.end() for m in pattern.finditer(text) if m.group(0) in titles}
    cuts = sorted({*cuts, *ends})
    out: list[Line | Grid] = []
    for a, b in pairwise(cuts):
        piece = text[a:b].strip()
        if not piece:
            continue
        m = _TRAILING_DIGITS.match(piece)
        if m and _values_follow(m.group(1), rows, _t3_heads(fmt)):
            piece = f"{m.group(1)} {m.group(2)}"
        out.append(Line(piece, source))
    return Document(out, kind=doc.kind, path=doc.path, meta=doc.meta)
