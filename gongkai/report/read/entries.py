"""A table region as a sequence of row entries: label text and the values printed with it.

Every input kind ends up here. A grid row gives one entry whose values are the cells after
its label; a text dump gives entries from its lines, where a label may wrap over several
lines, values may stand one per line or several to a line, and a tall label cell may be
printed after its values ("labels detached from their values"). Nothing here decides which
official cell a value is: that is `place.py`'s job, by row label and column order.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from ..formats import Row
from ..lazy_pattern import lazy
from ..model import NA_MARKS, Source
from ..normalize import has_row_mark
from ..record import Record
from .document import Grid, Line
from .numbers import CUT_DECIMAL, GLUED_SIGNED, NUMBER_TOKEN, is_page_footer

_VALUE_TOKEN = lazy(f"{NUMBER_TOKEN.pattern}|{GLUED_SIGNED.pattern}")
#: a single character of a vertically printed heading (三、本年度办理结果) in front of a label
_VERTICAL = lazy(r"^(?:[\u4e00-\u9fff、]\s+)+(?=\S)")


class Value(Record):
    def __init__(self, raw: str, source: Source, note: str = "", step: str = "") -> None:
        self.raw = raw
        self.source = source
        self.note = note  # the cell's comment or tooltip (document.GridCell.note)
        self.step = (
            step  # a repair that made this value (a split of glued digits, a dropped number)
        )


class Entry(Record):
    def __init__(
        self,
        label: str = "",
        label_sources: list[Source] | None = None,
        values: list[Value] | None = None,
        from_grid: bool = False,
        cols: list[int] | None = None,
        single: bool = False,
        heads: list[tuple[str, int]] | None = None,
        pieces: list[str] | None = None,
        steps: list[str] | None = None,
    ) -> None:
        self.label = label
        self.label_sources: list[Source] = [] if label_sources is None else label_sources
        self.values = values  # None: a label with no values printed beside it
        self.from_grid = from_grid
        self.cols = cols  # grid column of each value (grids only)
        self.single = single  # a run gathered from one-number lines
        #: grid label cells and their columns
        self.heads: list[tuple[str, int]] = [] if heads is None else heads
        #: text lines: the label's text line by line
        self.pieces: list[str] = [] if pieces is None else pieces
        self.steps: list[str] = [] if steps is None else steps  # how it was put together (explain)

    @property
    def source(self) -> Source | None:
        return (
            self.label_sources[0]
            if self.label_sources
            else (self.values[0].source if self.values else None)
        )


def is_value(text: str) -> bool:
    t = (text if text.isascii() else unicodedata.normalize("NFKC", text)).strip()
    return bool(_VALUE_TOKEN.match(t)) or t in NA_MARKS


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
        values = [Value(texts[i], c.source, c.note) for i, c in slots]
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
    A number cut at its decimal point at a line end ("3805." / "84") is a value, never a
    label's text (placement then sees digits left over and leaves the row unreadable).
    """
    out: list[Entry] = []
    last: list[Entry | None] = [None]  # the label that continuation lines extend
    for n, line in enumerate(lines):
        text = line.text.strip()
        if not text or is_page_footer(text):
            continue
        tokens, tail = _split_tail(text.split())
        k = len(tokens)
        if k and not tail and CUT_DECIMAL.match(tokens[-1]) and _starts_with_digit(lines, n + 1):
            k -= 1
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
            heading = Entry(tail, [line.source])
            last[0] = heading
            out.append(heading)
    return out


def _starts_with_digit(lines: list[Line], i: int) -> bool:
    """The next line with text starts with a digit (the rest of a number cut before it)."""
    nxt = next((t for line in lines[i:] if (t := line.text.strip())), "")
    return nxt[:1].isascii() and nxt[:1].isdigit()


def _add(
    out: list[Entry], last: list[Entry | None], label: str, values: list[Value], source: Source
) -> None:
    last_label = last[0]
    if (
        label
        and last_label is not None
        and not has_row_mark(label)
        and _may_continue(out, last_label)
    ):
        last_label.label += label
        last_label.label_sources.append(source)
        last_label.pieces.append(label)
        if values:
            if last_label.values is None:
                last_label.values = values
            else:
                out.append(Entry("", [], values))
        return
    if label:
        entry = Entry(label, [source], values or None, pieces=[label])
        last[0] = entry
        out.append(entry)
        return
    bare = out[-1].values if out and not out[-1].label and out[-1].single else None
    if bare and len(values) == 1:
        bare.extend(values)
    else:
        out.append(Entry("", [], values, single=len(values) == 1))


def join_detached(
    entries: list[Entry],
    names: Callable[[str], Row | None],
    heading: Callable[[Row], bool],
    exactly: Callable[[str], Row | None],
) -> list[Entry]:
    """Labels that a text dump printed around their values, joined by what they name.

    A tall label cell is printed line by line with the row's values in its middle ("2.其他法律行政"
    / "0 0 0 0 0 0 0" / "法规禁止公开"), and a heading's 无 may stand alone on a line ("（四）" / "无"
    / "法提供"). The fragment after the values belongs to the label before them only when the
    joined text names a row (`names`), the first fragment named no row, a heading (`heading`) or
    the same row, and the second fragment alone names no row or the same one. Otherwise they
    stay two labels: "（三）1.属于国家秘密" / values / "不予公开" is a row and the next heading.
    """
    out = list(entries)
    i = 0
    while i + 1 < len(out):
        if _takes_continuation(out, i, names, heading, exactly):
            continue
        if i + 2 >= len(out):
            break
        first, run, second = out[i], out[i + 1], out[i + 2]
        if (
            not first.label
            or first.values is not None
            or run.label
            or not run.values
            or not second.label
            or has_row_mark(second.label)
        ):
            i += 1
            continue
        marks = [v.raw for v in run.values]
        inside = len(marks) == 1 and not any(ch.isdigit() for ch in marks[0])
        joined = first.label + (marks[0] if inside else "") + second.label
        row = names(joined)
        alone, after = names(first.label), names(second.label)
        if (
            row is not None
            and (alone is None or alone is row or heading(alone))
            and (after is None or after is row)
        ):
            step = (
                f"行标签印在数值两侧：“{first.label}”与“{second.label}”合为一个标签"
                if not inside
                else f"“{first.label}”“{marks[0]}”“{second.label}”是一个标签（“{marks[0]}”是标签文字，不是数值）"
            )
            merged = Entry(
                joined,
                first.label_sources + second.label_sources,
                second.values if inside else run.values,
                steps=[*first.steps, step],
            )
            out[i : i + 3] = (
                [merged]
                if inside or second.values is None
                else [
                    Entry(joined, merged.label_sources, run.values, steps=merged.steps),
                    Entry("", [], second.values),
                ]
            )
            continue
        i += 1
    return out


def _takes_continuation(
    out: list[Entry],
    i: int,
    names: Callable[[str], Row | None],
    heading: Callable[[Row], bool],
    exactly: Callable[[str], Row | None],
) -> bool:
    """A row printed with its values on the first line of its label and the rest of the label on
    the lines after ("（六） 1.申请人无正当 … 0 0 0 0 0 0 0" / "再处理其政府信息公开申请"), where
    the first line alone names no row or only its heading: the lines that make it exactly one
    row's whole label (`exactly`) join it, and the label lines after them stay the next label.
    A keyword is not enough here: "3.稳定”" and the next row's "保护第三方合" name a row together."""
    first, second = out[i], out[i + 1]
    if (
        not first.label
        or not first.values
        or not second.label
        or second.values is not None
        or not second.pieces
        or has_row_mark(second.label)
    ):
        return False
    alone = names(first.label)
    if alone is not None and not heading(alone):
        return False
    for k in range(1, len(second.pieces) + 1):
        head = "".join(second.pieces[:k])
        row = exactly(first.label + head)
        if row is None or row is alone or heading(row) or names(head) not in (None, row):
            continue
        first.steps.append(f"行标签的后半“{head}”印在数值之后的行，接回本行标签")
        first.label += head
        first.label_sources += second.label_sources[:k]
        first.pieces += second.pieces[:k]
        rest = second.pieces[k:]
        if rest:
            out[i + 1] = Entry("".join(rest), second.label_sources[k:], None, pieces=rest)
        else:
            del out[i + 1]
        return True
    return False


_GLUED_TAIL = lazy(r"^(\d+)([\u4e00-\u9fff（(].*)$")


def _split_tail(tokens: list[str]) -> tuple[list[str], str]:
    """A row whose numbers are followed by the text of a tall merged cell beside them
    ("4.保护第三方合法权益 6 0 0 0 0 0 6 （三）不", "… 0 8结"): the numbers, and that text apart.
    Only when at least two numbers precede the text, so a label is never cut."""
    for i in range(len(tokens) - 1, 0, -1):
        t = tokens[i]  # the pattern only for a token that starts with a digit (\d: isdecimal)
        m = _GLUED_TAIL.match(t) if t[:1].isdecimal() and not is_value(t) else None
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
    """Drop the characters of a vertically printed heading in front of a row label (the
    pattern only where a space follows the first character: most labels never compile it)."""
    if not label[1:2].isspace():
        return label
    stripped = _VERTICAL.sub("", label)
    return stripped if stripped != label and has_row_mark(stripped) else label


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
