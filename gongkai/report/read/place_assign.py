"""Placement stage 5: each matched row's values assigned to its cells, by the column map.

A row's values go to its columns by the header cell above each (a ruled grid) or in the order
the header prints the columns. Labels printed without values and value runs printed without
labels, between two complete rows, are paired only when their counts agree. A row with one
value too few may be glued digits (split where the row's totals leave exactly one split) and
one too many a page number between two cells (dropped when exactly one choice keeps the
totals). Anything else leaves the row's cells UNREADABLE with the reason: a value is never
placed by counting numbers across rows.

`assignments` is pure: it returns a `Placement` (cells with their steps, notes, and the rows
whose digits split several ways, for the repairs stage) and changes nothing it is given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from ..formats import T3, Column, Row
from ..model import UNREADABLE_NOTE, Cell
from ..record import Frozen
from .entries import Entry, Value
from .glued import SIGNS, alternatives, blank_possible, signed_alternatives
from .match import how_matched
from .ocr_confidence import LOST_DIGIT, MIN_CONFIDENCE
from .place_columns import ColumnMap, Matched, row_identities
from .settings import SETTINGS, Settings

MARKED_STEP = "文件标注该格无法读取"
#: the mark that stands for "a split with a blank cell somewhere" among a run's alternatives
BLANK_SPLIT = "（其中有空白格的读法）"


class Glued(Frozen):
    """A row whose glued digits split several ways that keep its own totals: the splits, the
    printed values and the cell keys in order (solved together by the repairs stage)."""

    splits: tuple[tuple[str, ...], ...]
    values: tuple[Value, ...]
    keys: tuple[str, ...]


class Placement(Frozen):
    """What a table's placement gives: its cells (steps on each), notes for the report, the
    rows whose glued digits split several ways, and whether （六） was printed as one row."""

    cells: Mapping[str, Cell] = MappingProxyType({})
    notes: tuple[str, ...] = ()
    glued: Mapping[str, Glued] = MappingProxyType({})
    other_as_one_row: bool = False


class _Draft:
    """The placement being built inside `assignments` (never seen outside it)."""

    def __init__(self, cmap: ColumnMap, settings: Settings) -> None:
        self.cmap = cmap
        self.settings = settings
        self.cells: dict[str, Cell] = {}
        self.notes: list[str] = []
        self.filled: set[str] = set()
        self.alternatives: dict[str, str] = {}  # row → its possible splits
        self.glued: dict[str, Glued] = {}

    def frozen(self) -> Placement:
        return Placement(
            MappingProxyType(dict(self.cells)),
            (*self.cmap.notes, *self.notes),
            MappingProxyType(dict(self.glued)),
        )

    def key(self, row: Row, col: Column) -> str:
        return self.cmap.table.cell_key(row, col)

    def steps_of(self, key: str) -> tuple[str, ...]:
        cell = self.cells.get(key)
        return cell.steps if cell is not None else ()

    def set(self, cell: Cell, steps: Sequence[str] = ()) -> None:
        """Keep `cell` (made for this call, so its steps are set in place), with its steps."""
        if steps:
            cell.steps = tuple(steps)
        self.cells[cell.key] = cell

    def set_read(self, key: str, v: Value, decimal: bool, steps: Sequence[str]) -> None:
        marked = _marked(v)
        self.set(read_cell(key, v, decimal), [*steps, MARKED_STEP] if marked else steps)


def read_cell(key: str, v: Value, decimal: bool) -> Cell:
    """The cell a printed value makes: unreadable when a gongkai writer marked it so, when OCR
    read it with a low confidence, or when its ink shows a digit lost from the page."""
    if _marked(v):  # a gongkai writer's mark: unreadable, and why
        return Cell.unreadable(key, v.raw, v.note[len(UNREADABLE_NOTE) :], v.source)
    conf = v.source.confidence
    if conf is not None and conf < MIN_CONFIDENCE:
        return Cell.unreadable(key, v.raw, f"识别置信度低（{conf:.2f}）", v.source)
    if v.source.ink_whole is False:
        return Cell.unreadable(key, v.raw, LOST_DIGIT, v.source)
    return Cell.read(key, v.raw, v.source, decimal)


def _marked(v: Value) -> bool:
    return bool(v.note) and v.note.startswith(UNREADABLE_NOTE)


def assignments(matched: Matched, cmap: ColumnMap, settings: Settings = SETTINGS) -> Placement:
    d = _Draft(cmap, settings)
    if cmap.table.key == T3:
        _assign_t3(d, matched.entries)
    else:
        _assign_rows(d, matched)
    return d.frozen()


# ------------------------------------------------------------------ tables 1 and 2
def _assign_rows(d: _Draft, matched: Matched) -> None:
    entries, rows = _join_wrapped(d.cmap, list(matched.entries), list(matched.rows))
    segment: list[tuple[Entry, Row | None]] = []
    last: tuple[Entry, Row] | None = None  # the row filled right before the segment
    for e, row in zip(entries, rows):
        if row is not None and e.values is not None and row.key not in d.filled:
            _pair(d, segment, last)
            segment = []
            _fill(d, row, e.values, e, [])
            last = (e, row)
        else:
            segment.append((e, row))
    _pair(d, segment, last)


def _join_wrapped(
    cmap: ColumnMap, entries: list[Entry], rows: list[Row | None]
) -> tuple[list[Entry], list[Row | None]]:
    """A text row whose values wrap onto the next line ("… 3001 53 0 0" / "61 4 3119"):
    the label's values and the unlabelled values right after it are one row when together
    they are exactly as many as the row's columns."""
    out_e: list[Entry] = []
    out_r: list[Row | None] = []
    i = 0
    while i < len(entries):
        e, row = entries[i], rows[i]
        j = i + 1
        if row is not None and e.values and not e.from_grid:
            need, values = len(cmap.columns(row)), list(e.values)
            while j < len(entries) and len(values) < need:
                more = entries[j].values
                if entries[j].label or not more or len(values) + len(more) > need:
                    break
                values += more
                j += 1
            if len(values) == need and j > i + 1:
                steps = [
                    *e.steps,
                    f"数值折到下一行：本行与其后{j - i - 1}行无标签的数值合为{need}个",
                ]
                e = Entry(e.label, e.label_sources, values, steps=steps)
            else:
                j = i + 1
        out_e.append(e)
        out_r.append(row)
        i = j
    return out_e, out_r


def _heading(row: Row) -> bool:
    """A subtotal row's label printed without values is the group heading."""
    return not row.official and bool(row.parts)


def _valued(segment: list[tuple[Entry, Row | None]], i: int) -> bool:
    """The entry after position i is a run of values with no label of its own."""
    if i + 1 >= len(segment):
        return False
    e, _ = segment[i + 1]
    return not e.label and e.values is not None


def _pair(
    d: _Draft, segment: list[tuple[Entry, Row | None]], last: tuple[Entry, Row] | None
) -> None:
    """Tie labels printed without values to value runs printed without labels, in order.

    A tall label cell is often printed above or below the values of its row. Inside a
    stretch of the table between two complete rows, the k-th such label takes the k-th
    such run, but only when their counts agree; otherwise the rows stay unreadable. A
    group heading (（六）其他处理) counts as such a label only when the counts need it and a
    run of values follows it at once: the group printed as one row.
    """
    open_ = [
        (i, e, r)
        for i, (e, r) in enumerate(segment)
        if r is not None and e.values is None and r.key not in d.filled
    ]
    bares = [
        e
        for e, r in segment
        if e.values is not None
        and (r is None or r.key in d.filled)
        and any(v.raw for v in e.values)
    ]
    orphans = [(e, r) for _, e, r in open_ if not _heading(r)]
    if len(orphans) != len(bares):
        valued = [(e, r) for i, e, r in open_ if not _heading(r) or _valued(segment, i)]
        orphans = valued if len(valued) == len(bares) else orphans
    if not orphans and bares and last is not None:
        _doubt(d, last, segment, bares)
        return
    if len(orphans) == len(bares):
        for k, ((e, row), b) in enumerate(zip(orphans, bares), start=1):
            how = (
                f"行标签与数值分开印刷：这一段第{k}个无数值的行标签配第{k}组无标签的数值"
                f"（各{len(bares)}个，按标签与数值的先后）"
            )
            _fill(d, row, b.values or [], e, [how])
        return
    for e, row in orphans:
        reason = f"该行的数值无法确定：这一段有{len(orphans)}个无数值的行标签、{len(bares)}组无标签的数值"
        for col in d.cmap.columns(row):
            d.set(Cell.unreadable(d.key(row, col), "", reason, e.source))
        d.filled.add(row.key)


def _doubt(
    d: _Draft, last: tuple[Entry, Row], segment: list[tuple[Entry, Row | None]], bares: list[Entry]
) -> None:
    """Values that no label takes, printed right after a row of a text dump: the row's own
    values may have been cut there ("行政强制 387" / "3" for 3873). The row before them is
    left unreadable rather than read from a part of its text."""
    entry, row = last
    ruled = entry.from_grid and entry.source is not None and entry.source.kind != "text"
    if ruled or segment[0][0] is not bares[0]:  # a ruled table's cells keep values apart
        return
    raw = " ".join(v.raw for v in entry.values or [])
    extra = " ".join(v.raw for b in bares for v in b.values or [])
    reason = f"本行数值“{raw}”之后还有无标签的数值“{extra}”，可能是本行被截断的数字"
    for col in d.cmap.columns(row):
        key = d.key(row, col)
        d.set(Cell.unreadable(key, raw, reason, entry.source), d.steps_of(key))


def _fill(d: _Draft, row: Row, values: list[Value], entry: Entry, how: list[str]) -> None:
    d.filled.add(row.key)
    cols = d.cmap.columns(row)
    steps = [how_matched(entry.label, row, d.cmap.table, d.settings), *entry.steps, *how]
    placed = _by_position(d.cmap, cols, values, entry)
    if placed is not None:
        for col, v in placed:
            at = d.cmap.positions[col.key] + 1
            where = f"放入“{col.label}”列：该值在表头“{col.label}”所在的第{at}列"
            d.set_read(d.key(row, col), v, col.decimal, [*steps, where])
        return
    where_ = f"{d.cmap.table.key}.{row.key}"
    keys = [c.key for c in cols]
    if len(values) < len(cols):
        signed_at = next((i for i, c in enumerate(cols) if c.signed), None)
        values = _unglue(d, values, keys, where_, signed_at)
    elif len(values) == len(cols) + 1:
        values = _drop_stray(d, values, keys, where_)
    steps += [s for s in (values[0].step if values else "",) if s]
    if len(values) != len(cols):
        raw = " ".join(v.raw for v in values)
        reason = f"该行应有{len(cols)}个数值，读到{len(values)}个（{raw}），无法确定各数值所在的列"
        reason += _alternatives(d, where_)
        for col in cols:
            d.set(Cell.unreadable(d.key(row, col), raw, reason, entry.source), steps)
        return
    for i, (col, v) in enumerate(zip(cols, values), start=1):
        where = f"放入“{col.label}”列：本行第{i}个数值，按表头的列序（共{len(cols)}列）"
        d.set_read(d.key(row, col), v, col.decimal, [*steps, where])


def _by_position(
    cmap: ColumnMap, cols: list[Column], values: list[Value], entry: Entry
) -> list[tuple[Column, Value]] | None:
    """Grid rows: each value under the header cell that names its column, when the header
    names every column and no printed value is left over."""
    pos = cmap.positions
    if not entry.cols or not pos or any(c.key not in pos for c in cols):
        return None
    at = dict(zip(entry.cols, values))
    if any(pos[c.key] not in at for c in cols):
        return None
    used = {pos[c.key] for c in cols}
    if any(v.raw for j, v in at.items() if j not in used):
        return None
    return [(c, at[pos[c.key]]) for c in cols]


# ------------------------------------------------------------------ table 3
def _assign_t3(d: _Draft, entries: Sequence[Entry]) -> None:
    values = [v for e in entries if e.values and any(v.raw for v in e.values) for v in e.values]
    cols = d.cmap.t3_cells()
    keys = [f"{row.key}.{col.key}" for row, col in cols]
    if len(values) < len(cols):
        values = _unglue(d, values, keys, T3)
    elif len(values) == len(cols) + 1:
        values = _drop_stray(d, values, keys, T3)
    if len(values) != len(cols):
        raw = " ".join(v.raw for v in values)
        reason = f"表三应有{len(cols)}个数值，读到{len(values)}个（{raw}），无法确定各数值所在的列"
        reason += _alternatives(d, T3)
        src = values[0].source if values else None
        for row, col in cols:
            d.set(Cell.unreadable(d.key(row, col), raw, reason, src))
        return
    steps = [s for s in (values[0].step if values else "",) if s]
    for i, ((row, col), v) in enumerate(zip(cols, values), start=1):
        where = f"表三第{i}个数值（共{len(cols)}个），按表头的组序与列序：{row.label}·{col.label}"
        d.set_read(d.key(row, col), v, False, [*steps, where])


# ------------------------------------------------------------------ a row's own repairs
def _alternatives(d: _Draft, where: str) -> str:
    found = d.alternatives.get(where)
    return f"。{found}" if found else ""


def _unglue(
    d: _Draft, values: list[Value], keys: list[str], where: str, signed_at: int | None = None
) -> list[Value]:
    """Digits of neighbouring cells printed without a gap ("21710000218"), split only where
    the row's own totals leave exactly one split (glued.py); otherwise left as they are. In a
    row with a signed column (2019 本年增/减) a sign is where that column's cell starts
    ("0-14" is 0 and -14)."""
    raws = [v.raw for v in values]
    if not raws or not all(raws):
        return values
    s = d.settings
    checks = row_identities(keys)
    text = " ".join(raws)
    if signed_at is not None and any(ch in SIGNS for ch in text) and _digits(text, SIGNS):
        found = signed_alternatives(text, len(keys), signed_at, s.splits_kept, s.max_splits)
    elif _digits(text):
        found = alternatives(text, len(keys), checks, s.splits_kept, s.max_splits)
    else:
        return values
    if found is None:
        return values  # too many ways to cut it to try
    if len(found) == 1 and not checks and blank_possible(text, len(keys)):
        found.append([BLANK_SPLIT])
    if len(found) != 1:
        if len(found) > 1:
            shown = "；".join(" ".join(f) for f in found[: s.alternatives_shown])
            more = "等" if len(found) > s.alternatives_shown else ""
            d.alternatives[where] = f"相连的数字“{' '.join(raws)}”有多种拆法：{shown}{more}"
            if len(found) <= s.alternatives_shown and [BLANK_SPLIT] not in found:
                d.glued[where] = Glued(tuple(map(tuple, found)), tuple(values), tuple(keys))
        elif checks and len(keys) <= sum(len(r) for r in raws):
            d.alternatives[where] = (
                f"相连的数字“{' '.join(raws)}”没有一种拆法能使本行的合计关系成立"
            )
        return values
    split = found[0]
    why = "按本行合计关系" if checks else "只有这一种拆法（空白格也不能另作解释）"
    step = f"相连的数字“{' '.join(raws)}”{why}唯一地拆分为 {' '.join(split)}"
    d.notes.append(f"{where}：{step}")
    return cut(values, split, step)


def _digits(text: str, signs: str = "") -> bool:
    """The printed run holds only ASCII digits (and the given signs), cut by spaces."""
    return text.isascii() and all(ch.isdigit() or ch == " " or ch in signs for ch in text)


def cut(values: Sequence[Value], split: Sequence[str], step: str) -> list[Value]:
    """The printed values cut into the pieces of `split` (their digits in order), each piece
    keeping the source of the value its first digit was printed in."""
    sources = [v.source for v in values for _ in range(len(v.raw))]
    out, pos = [], 0
    for piece in split:
        out.append(Value(piece, sources[pos], step=step))
        pos += len(piece)
    return out


def _drop_stray(d: _Draft, values: list[Value], keys: list[str], where: str) -> list[Value]:
    """One number too many in a row of a text dump, typically a page number printed between
    two of its cells: dropped only when exactly one choice leaves the row's totals true."""
    checks = row_identities(keys)
    if not checks or not all(v.raw.isascii() and v.raw.isdigit() for v in values):
        return values
    rows = {i: [int(v.raw) for j, v in enumerate(values) if j != i] for i in range(len(values))}
    fits = [i for i, row in rows.items() if all(check(row) for check in checks)]
    if not fits or len({tuple(rows[i]) for i in fits}) != 1:  # no choice, or choices that differ
        return values
    i = fits[0]
    d.notes.append(
        f"{where}：多出的数字“{values[i].raw}”（{values[i].source.describe()}）不属于本行，"
        "去掉它后本行合计关系成立"
    )
    step = f"去掉多出的数字“{values[i].raw}”：只有去掉它时本行合计关系成立"
    return [v.replace(step=step) for v in values[:i] + values[i + 1 :]]
