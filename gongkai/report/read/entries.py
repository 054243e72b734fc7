"""A table region as a sequence of row entries: label text and the values printed with it.

Every input kind ends up here. A grid row gives one entry whose values are the cells after
its label; a text dump gives entries from its lines, where a label may wrap over several
lines, values may stand one per line or several to a line, and a tall label cell may be
printed after its values ("labels detached from their values"). Nothing here decides which
official cell a value is: that is `place.py`'s job, by row label and column order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..model import NA_MARKS, Source
from ..normalize import ROW_MARK
from .document import Grid, Line

PAGE_FOOTER = re.compile(
    r"^\s*(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[/，,共]\s*共?\s*\d+\s*页)?|\d{1,3}\s*/\s*\d{1,3})\s*$"
)
_NUM_TOKEN = re.compile(r"^[+-]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?(?:万元|元|件|个|项|条)?$")
#: a single character of a vertically printed heading (三、本年度办理结果) in front of a label
_VERTICAL = re.compile(r"^(?:[\u4e00-\u9fff、]\s+)+(?=\S)")


@dataclass
class Value:
    raw: str
    source: Source


@dataclass
class Entry:
    label: str = ""
    label_sources: list[Source] = field(default_factory=list)
    values: list[Value] | None = None  # None: a label with no values printed beside it
    from_grid: bool = False
    cols: list[int] | None = None  # grid column of each value (grids only)
    single: bool = False  # a run gathered from one-number lines
    heads: list[tuple[str, int]] = field(default_factory=list)  # grid label cells and their columns

    @property
    def source(self) -> Source | None:
        return (
            self.label_sources[0]
            if self.label_sources
            else (self.values[0].source if self.values else None)
        )


def is_value(text: str) -> bool:
    t = (text if text.isascii() else unicodedata.normalize("NFKC", text)).strip()
    return bool(_NUM_TOKEN.match(t)) or t in NA_MARKS


def entries_from_grid(grid: Grid) -> list[Entry]:
    """One entry per grid row: label cells, then the value cells (blanks kept) after them.

    The label is the text before the first printed number; every cell after the label is a
    value cell, so a value that is not a number stays in its column and is read as unreadable.

    The grid is a rectangle with merged cells repeated, so a cell's index in its row is its
    column; a copy of a merged cell outside its first slot gives no value of its own.
    """
    out = []
    exact = grid.source.kind != "text"  # a text table's rows do not repeat merged cells: no columns
    for r, row in enumerate(grid.rows):
        texts = [c.text.strip() for c in row]
        first_value = next((i for i, t in enumerate(texts) if t and is_value(t)), len(texts))
        # text after the first number is an unreadable value ("约5"), not a label
        last_label = max((i for i, t in enumerate(texts[:first_value]) if t), default=-1)
        label_cells, heads, seen = [], [], set()
        for i, c in enumerate(row[: last_label + 1]):
            t = texts[i]
            if not t or is_value(t):
                continue
            if exact:
                heads.append((t, i))
            if (c.origin or id(c)) not in seen:
                seen.add(c.origin or id(c))
                label_cells.append(c)
        slots = [(i, c) for i, c in enumerate(row) if i > last_label and not _copy(c, r, i)]
        values = [Value(texts[i], c.source) for i, c in slots]
        has_number = any(v.raw for v in values)
        out.append(
            Entry(
                "".join(c.text.strip() for c in label_cells),
                [c.source for c in label_cells],
                values if has_number or (label_cells and values) else None,
                True,
                [i for i, _ in slots],
                heads=heads,
            )
        )
    return out


def _copy(cell, r: int, i: int) -> bool:
    """A merged cell's copy outside the slot where it starts."""
    return cell.origin is not None and cell.origin != (r, i)


def entries_from_lines(lines: list[Line]) -> list[Entry]:
    """Entries from running text: wrapped labels joined, value runs kept apart.

    A line that ends in numbers is a complete entry (label and values). Lines of one number
    each are gathered into one run of values; a line of several numbers is a run of its own.
    A label line continues the previous label unless it starts with a row mark (（一） 1. 一、)
    or follows a run of values (a label visibly cut, e.g. with an open bracket, still
    continues across it). Which label a bare run belongs to is decided later, in `place`.
    """
    out: list[Entry] = []
    last: list[Entry | None] = [None]  # the label that continuation lines extend
    for line in lines:
        text = line.text.strip()
        if not text or PAGE_FOOTER.match(text):
            continue
        tokens, tail = _split_tail(text.split())
        k = len(tokens)
        while k > 0 and is_value(tokens[k - 1]):
            k -= 1
        _add(
            out,
            last,
            _strip_vertical(" ".join(tokens[:k])),
            [Value(n, line.source) for n in tokens[k:]],
            line.source,
        )
        if tail:  # a merged cell's text printed after the row's numbers: a heading of its own
            last[0] = Entry(tail, [line.source])
            out.append(last[0])
    return out


def _add(
    out: list[Entry], last: list[Entry | None], label: str, values: list[Value], source: Source
) -> None:
    last_label = last[0]
    if (
        label
        and last_label is not None
        and not ROW_MARK.match(label)
        and _may_continue(out, last_label)
    ):
        last_label.label += label
        last_label.label_sources.append(source)
        if values:
            if last_label.values is None:
                last_label.values = values
            else:
                out.append(Entry("", [], values))
        return
    if label:
        last[0] = Entry(label, [source], values or None)
        out.append(last[0])
        return
    bare = out[-1] if out and not out[-1].label and out[-1].values else None
    if bare is not None and len(values) == 1 and len(bare.values) >= 1 and bare.single:
        bare.values.extend(values)
    else:
        out.append(Entry("", [], values, single=len(values) == 1))


_GLUED_TAIL = re.compile(r"^(\d+)([\u4e00-\u9fff（(].*)$")


def _split_tail(tokens: list[str]) -> tuple[list[str], str]:
    """A row whose numbers are followed by the text of a tall merged cell beside them
    ("4.保护第三方合法权益 6 0 0 0 0 0 6 （三）不", "… 0 8结"): the numbers, and that text apart.
    Only when at least two numbers precede the text, so a label is never cut."""
    for i in range(len(tokens) - 1, 0, -1):
        m = _GLUED_TAIL.match(tokens[i]) if not is_value(tokens[i]) else None
        if m and not is_value(m.group(0)):
            head = tokens[:i] + [m.group(1)]
            tail = [m.group(2), *tokens[i + 1 :]]
        elif is_value(tokens[i - 1]) and not is_value(tokens[i]):
            head, tail = tokens[:i], tokens[i:]
        else:
            continue
        n = 0
        while n < len(head) and is_value(head[len(head) - 1 - n]):
            n += 1
        if n >= 2 and not any(is_value(t) for t in tail):
            return head, " ".join(tail)
    return tokens, ""


def _strip_vertical(label: str) -> str:
    """Drop the characters of a vertically printed heading in front of a row label."""
    stripped = _VERTICAL.sub("", label)
    return stripped if stripped != label and ROW_MARK.match(stripped) else label


def _may_continue(out: list[Entry], last: Entry) -> bool:
    """A label line continues `last` when nothing but (at most) one value run stands between
    them and `last` has no values yet, or `last` looks cut off."""
    if out and out[-1] is last:
        return last.values is None or _continues(last.label)
    if len(out) >= 2 and out[-2] is last and not out[-1].label:
        return _continues(last.label)
    return False


def _continues(label: str) -> bool:
    """A label whose text is visibly cut (an open bracket, a trailing 、，)."""
    t = label.rstrip()
    return (
        t.count("（") > t.count("）")
        or t.count("(") > t.count(")")
        or t.endswith(("、", "，", ","))
    )
