"""Which official row a printed label names.

Printed labels wrap, carry the group heading in front ("（三）不予公开1.属于国家秘密"), swap
"1." for "1、", and have typos ("其他法律行政止公开"). A label is matched on its core text (the
label without its numbering) after `loose` normalisation; short, generic cores ("其他",
"总计") must come with their numbering; near misses are accepted only above a high
similarity. When several rows match, the one printed last in the label wins: the row label
ends the text that stands before the numbers.

A text dump of a table whose group heading is printed down a tall cell beside its rows mixes
the heading's characters into the row labels, line by line ("（六） 1.申请人无正当 / 其他处
理由逾期不补 / 理 正、行政机关不…"). A label that is exactly the row's label interleaved with a
piece of one of its headings names that row before anything else is tried.
"""

from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache

from ..formats import Row, Table, without_note
from ..normalize import CN_NUMERALS, loose
from ..record import Frozen
from .settings import SETTINGS, Settings


def _without_numbering(text: str) -> str:
    """`text` without the numbering it starts with: a run of Chinese numerals, else of digits
    (what `^(?:[一…十]+|\\d+)` removes; no pattern, whose class of Han numerals costs re 0.4 ms
    to compile in a fresh process)."""
    rest = text.lstrip(CN_NUMERALS)
    if len(rest) < len(text):
        return rest
    i = 0
    while i < len(text) and text[i].isdecimal():
        i += 1
    return text[i:]


class Target(Frozen):
    row: Row
    full: str  # loose label with numbering
    core: str  # loose label without numbering
    strict: bool  # the core alone is too generic
    keywords: tuple[str, ...] = ()  # loose keywords of three characters or more
    headings: tuple[str, ...] = ()  # loose labels of the groups the row sits under
    #: how long a text can be that is the label with a piece of a heading mixed in (0: none)
    widest: int = 0


@cache
def _targets(table: Table, settings: Settings) -> tuple[Target, ...]:
    out = []
    by_label = {r.label: r for r in table.rows}
    for row in table.rows:
        headings: list[str] = []
        group = row.group
        while group and len(headings) < 3:
            headings.append(loose(group))
            group = by_label[group].group if group in by_label else ""
        full = loose(row.label)
        core = _without_numbering(full)
        # （二）部分公开's printed note is long and often broken; its head identifies it
        if row.label != without_note(row.label):
            full = loose(without_note(row.label))
            core = _without_numbering(full)
        keywords = tuple(
            k for k in (loose(kw) for kw in row.keywords) if len(k) >= settings.keyword_chars
        )
        strict = len(core) <= settings.generic_core_chars
        widest = len(full) + max(map(len, headings), default=-len(full))
        out.append(Target(row, full, core, strict, keywords, tuple(headings), widest))
    return tuple(out)


@lru_cache(maxsize=4096)  # placement asks for the same labels more than once
def match_row(label: str, table: Table, settings: Settings = SETTINGS) -> Row | None:
    """The row of `table` that `label` names, or None.

    Exact label text (or a distinctive keyword) wins over any near miss; a near miss is
    considered only when no row's label is printed exactly.
    """
    text = loose(label)
    if not text:
        return None
    targets = _targets(table, settings)
    mixed = [t.row for t in targets if _interleaved(text, t)]
    if len(mixed) == 1:
        return mixed[0]
    for fuzzy in (False, True):
        best: tuple[int, int, Row] | None = None
        for t in targets:
            pos = _find_fuzzy(text, t, settings) if fuzzy else _find(text, t)
            if pos is None:
                continue
            score = (pos + len(t.core), len(t.core))
            if best is None or score > best[:2]:
                best = (*score, t.row)
        if best:
            return best[2]
    return None


def _find(text: str, t: Target) -> int | None:
    """Where the row's label sits in `text` (its end decides between candidates)."""
    needle = t.full if t.strict else t.core
    i = text.rfind(needle)
    if i >= 0:
        return i
    for k in t.keywords:
        j = text.rfind(k)
        if j >= 0:
            return j
    return None


def _find_fuzzy(text: str, t: Target, settings: Settings) -> int | None:
    if t.strict or len(t.core) < settings.fuzzy_core_chars:
        return None
    cut = _cut(text, t.core, settings)
    return cut if cut is not None else _fuzzy(text, t.core, settings.fuzzy_min)


def _cut(text: str, core: str, settings: Settings) -> int | None:
    """A label cut at a line end ("5.要求行政机关确认或重新出"): most of the core's beginning."""
    tail = _without_numbering(text)
    k = len(tail)
    least = max(settings.cut_label_chars, settings.cut_label_share * len(core))
    if k >= least and core.startswith(tail):
        return len(text) - k
    return None


def _fuzzy(text: str, core: str, least: float) -> int | None:
    """A typo'd label: a window of `text` (a character or two shorter or longer than the core)
    at least `least` similar to the core."""
    chars = set(core)
    if len(chars & set(text)) < least * len(chars):
        return None  # too few of the label's characters: not this row
    from difflib import SequenceMatcher  # only for a typo: most reports never get here

    n = len(core)
    best, where = 0.0, None
    for size in (n - 2, n - 1, n, n + 1):
        if size <= 0 or size > len(text):
            continue
        for i in range(0, len(text) - size + 1):
            r = SequenceMatcher(None, text[i : i + size], core).ratio()
            if r > best:
                best, where = r, i
    return where if best >= least else None


def how_matched(label: str, row: Row, table: Table, settings: Settings = SETTINGS) -> str:
    """Why `label` names `row`, in Chinese, for a cell's explanation."""
    text = loose(label)
    t = next(t for t in _targets(table, settings) if t.row is row)
    if text in (t.full, t.core):
        how = "与该行的标签相同"
    elif _interleaved(text, t):
        how = "是该行的标签，其中夹着竖排的分组标题文字"
    elif _find(text, t) is not None:
        how = "以该行的标签结尾" if (t.full if t.strict else t.core) in text else "含该行的关键词"
    else:
        how = "与该行的标签近似（错字或被截断）"
    return f"行标签“{label}”{how}：{row.label}"


def whole_label(label: str, table: Table, settings: Settings = SETTINGS) -> Row | None:
    """The row whose label `label` is, all of it and nothing more (its numbering optional, the
    characters of a heading beside it allowed in between): stronger evidence than `match_row`,
    which also accepts a keyword or the end of a longer text."""
    text = loose(label)
    targets = _targets(table, settings)
    hits = [t.row for t in targets if text in (t.full, t.core) or _interleaved(text, t)]
    return hits[0] if len(hits) == 1 else None


def _interleaved(text: str, t: Target) -> bool:
    """`text` is the row's label (with or without its numbering) with one unbroken piece of one
    of its headings mixed in, character by character, and nothing else."""
    if not len(t.core) < len(text) <= t.widest:
        return False  # too short or too long for any of its labels and headings
    first, last = text[0], text[-1]
    for label in (t.full, t.core):
        extra = len(text) - len(label)
        if extra <= 0:
            continue
        for heading in t.headings:
            # the text starts and ends with the label's or the heading's characters: a cheap
            # no for most pairs (placement asks about every label and every row)
            if (
                extra <= len(heading)
                and (label[:1] == first or first in heading)
                and (label[-1:] == last or last in heading)
                and _shuffle(text, label, heading, extra)
            ):
                return True
    return False


def _shuffle(text: str, label: str, heading: str, extra: int) -> bool:
    """`text` interleaves all of `label` with heading[s:s + extra] for some s."""
    rest = iter(text)
    if not all(ch in rest for ch in label):  # the label is not even a subsequence: cheap no
        return False
    have = Counter(text)
    have.subtract(label)
    if any(v < 0 for v in have.values()):
        return False
    for s in range(len(heading) - extra + 1):
        piece = heading[s : s + extra]
        if Counter(piece) != +have:
            continue
        states = {(0, 0)}  # characters of label, of piece consumed
        for ch in text:
            states = {
                nxt
                for i, j in states
                for nxt in (
                    (i + 1, j) if i < len(label) and label[i] == ch else None,
                    (i, j + 1) if j < len(piece) and piece[j] == ch else None,
                )
                if nxt is not None
            }
            if not states:
                break
        if (len(label), len(piece)) in states:
            return True
    return False
