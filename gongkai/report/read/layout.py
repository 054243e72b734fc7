"""Page geometry shared by the PDF and OCR readers: glyph boxes into rows, cell boxes into grids.

Both readers end with positioned text (PDF glyphs, OCR boxes) and, for ruled tables, cell
rectangles. This module turns them into `Line`s (visual rows, left to right) and `Grid`s
(merged cells expanded), and joins the parts of a table that continue over a page break:
geometry decides which row a value is in, never reading order.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from operator import attrgetter

from ..model import Source
from ..normalize import has_row_mark
from ..record import TYPE_CHECKING, Record
from .document import Grid, GridCell, Line
from .numbers import PAGE_NUMBER, VALUE_TEXT
from .settings import SETTINGS, Settings

if TYPE_CHECKING:
    from typing import TypeGuard


class Glyph(Record):
    """One positioned piece of text: a PDF character or an OCR box. Coordinates: x right, y down."""

    def __init__(
        self,
        text: str,
        x0: float,
        top: float,
        x1: float,
        bottom: float,
        confidence: float | None = None,
        space_before: bool = False,
        word: int | None = None,
        ink_whole: bool | None = None,
    ) -> None:
        self.text = text
        self.x0 = x0
        self.top = top
        self.x1 = x1
        self.bottom = bottom
        self.confidence = confidence
        self.space_before = space_before  # the PDF engine saw a word gap before this glyph
        self.word = word  # OCR: the text box this character was read in
        self.ink_whole = ink_whole  # OCR: what its cell's ink says of the number (ocr.Ink.whole)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


_x0 = attrgetter("x0")


def _median(values: list[float]) -> float:
    """statistics.median, without importing statistics (fractions, random: 7 ms of every PDF)."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def bbox_of(glyphs: list[Glyph]) -> tuple[float, float, float, float]:
    return (
        min(g.x0 for g in glyphs),
        min(g.top for g in glyphs),
        max(g.x1 for g in glyphs),
        max(g.bottom for g in glyphs),
    )


def min_confidence(glyphs: list[Glyph]) -> float | None:
    confs = [g.confidence for g in glyphs if g.confidence is not None]
    return min(confs) if confs else None


def ink_whole(glyphs: list[Glyph]) -> bool | None:
    """What the ink of the glyphs' cell says of their number (Source.ink_whole): False when
    it says of any that a digit was lost, True when it says of every one that it is whole."""
    says = {g.ink_whole for g in glyphs}
    return False if False in says else True if says == {True} else None


def visual_rows(glyphs: list[Glyph], settings: Settings = SETTINGS) -> list[list[Glyph]]:
    """Glyphs grouped into rows by their vertical centres, each row sorted left to right.

    Fonts differ in box height (a digit's box is taller than a Han character's in the same
    line), so rows are found from centres: a glyph starts a new row when its centre is more
    than a share (`Settings.row_centre_share`) of the typical height below the row's mean centre.
    """
    if not glyphs:
        return []
    heights = [g.height for g in glyphs if g.height > 0]
    tol = settings.row_centre_share * _median(heights) if heights else 1
    rows: list[list[Glyph]] = []
    mean = 0.0
    centres = [(g.top + g.bottom) / 2 for g in glyphs]  # Glyph.cy, once per glyph
    for k in sorted(range(len(glyphs)), key=centres.__getitem__):
        g, cy = glyphs[k], centres[k]
        if rows and cy - mean <= tol:
            rows[-1].append(g)
            mean += (cy - mean) / len(rows[-1])
        else:
            rows.append([g])
            mean = cy
    return [sorted(r, key=_x0) for r in rows]


def join_row(row: list[Glyph], settings: Settings = SETTINGS) -> str:
    """The text of one visual row; a visible gap between glyphs becomes a space.

    Digits of neighbouring cells must never run together ("217" + "10" → "21710"), so a gap
    wider than a share (`Settings.word_gap_share`) of the narrower neighbour's width separates
    them.
    """
    out: list[str] = []
    prev: Glyph | None = None
    for g in row:
        if prev is not None and g.word is not None and g.word == prev.word:
            pass  # one OCR text box is one word
        elif prev is not None:
            gap = g.x0 - prev.x1
            width = min(max(prev.x1 - prev.x0, 0.1), max(g.x1 - g.x0, 0.1))
            if (
                (gap > width * settings.word_gap_share or g.space_before)
                and not out[-1].endswith(" ")
                and not g.text.startswith(" ")
            ):
                out.append(" ")
        out.append(g.text)
        prev = g
    return " ".join("".join(out).split())  # runs of spaces as one, none at the ends


def cell_text(glyphs: list[Glyph], settings: Settings = SETTINGS) -> str:
    """The text of a table cell: its rows joined without a break (a wrapped Chinese label is one
    label), except between two digits, which stay apart so no number is glued together."""
    text = ""
    for row in visual_rows(glyphs, settings):
        t = join_row(row, settings)
        if not t:
            continue
        if text and text[-1].isdigit() and t[0].isdigit():
            text += " "
        elif (
            text and text[-1].isascii() and text[-1].isalnum() and t[0].isascii() and t[0].isalnum()
        ):
            text += " "
        text += t
    return text


def top_of(item: Line | TablePart) -> float:
    """How far down its page an item starts: a page's items are sorted by it."""
    box = item.bbox if isinstance(item, TablePart) else item.source.bbox
    if box is None:
        raise ValueError("a page's line has no box")
    return box[1]


def text_lines(
    glyphs: list[Glyph], page: int, kind: str, settings: Settings = SETTINGS
) -> list[Line]:
    """Running text as Lines, one per visual row."""
    out = []
    for row in visual_rows(glyphs, settings):
        text = join_row(row, settings)
        if text:
            out.append(
                Line(
                    text,
                    Source(
                        kind=kind,
                        page=page,
                        bbox=_round(bbox_of(row)),
                        confidence=min_confidence(row),
                    ),
                )
            )
    return out


def _round(b):
    return (round(b[0], 1), round(b[1], 1), round(b[2], 1), round(b[3], 1))


# ----------------------------------------------------------------------------- tables


def h_edge(x0: float, x1: float, y: float) -> dict:
    """A horizontal ruling in pdfplumber's edge form."""
    return {
        "object_type": "line",
        "orientation": "h",
        "x0": x0,
        "x1": x1,
        "top": y,
        "bottom": y,
        "doctop": y,
        "width": x1 - x0,
        "height": 0,
    }


def v_edge(x: float, top: float, bottom: float) -> dict:
    return {
        "object_type": "line",
        "orientation": "v",
        "x0": x,
        "x1": x,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": 0,
        "height": bottom - top,
    }


class TablePart(Record):
    """The piece of a ruled table that sits on one page: its cell rectangles and the glyphs
    inside the table's outline."""

    def __init__(
        self,
        page: int,
        bbox: tuple[float, float, float, float],
        cells: list[tuple[float, float, float, float]],
        glyphs: list[Glyph],
    ) -> None:
        self.page = page
        self.bbox = bbox
        self.cells = cells
        self.glyphs = glyphs


class _Span:
    """One printed cell placed on the grid: rows r0..r1-1, columns c0..c1-1 (compared by
    identity: two cells may print the same)."""

    def __init__(
        self, r0: int, r1: int, c0: int, c1: int, page: int, bbox: tuple[float, float, float, float]
    ) -> None:
        self.r0 = r0
        self.r1 = r1
        self.c0 = c0
        self.c1 = c1
        self.page = page
        self.bbox = bbox
        self.glyphs: list[Glyph] = []
        self.text = ""

    @property
    def is_label(self) -> bool:
        return bool(self.text.strip()) and not VALUE_TEXT.match(self.text)


def _cluster(values: list[float], tol: float) -> list[float]:
    """Sorted distinct positions, values closer than `tol` merged into their mean."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]


def _nearest(bounds: list[float], v: float) -> int:
    """The index of the bound nearest `v`, the first of equally near ones. `bounds` ascend
    (`_cluster`), so it is found by bisection, not by a scan (called for every cell corner):
    a scan only where a damaged file's NaN or infinity leaves them unordered."""
    if not bounds or not (math.isfinite(v) and all(map(math.isfinite, bounds))):
        return min(range(len(bounds)), key=lambda i: abs(bounds[i] - v))
    i = bisect_left(bounds, v)
    if i == len(bounds):
        i -= 1
    elif i and v - bounds[i - 1] <= bounds[i] - v:
        i -= 1
    while i and abs(bounds[i - 1] - v) == abs(bounds[i] - v):  # equal after rounding
        i -= 1
    return i


def table_blocks(
    parts: list[TablePart], kind: str, table_index: int, settings: Settings = SETTINGS
) -> list[Line | Grid]:
    """One table (its parts on consecutive pages, in order) as a Grid, plus Lines for rows that
    are running text (a report typed inside a one-column frame, a title row above the table).

    Column positions are compared after scaling each part to its own width: a table continued
    on the next page is often shifted or stretched by a few points.
    """
    xs = []
    for p in parts:
        w = max(p.bbox[2] - p.bbox[0], 1.0)
        xs += [(x - p.bbox[0]) / w for c in p.cells for x in (c[0], c[2])]
    cols = _cluster(xs, settings.column_edge_share)
    spans: list[_Span] = []
    row_base = 0
    breaks: list[int] = []  # first grid row of each part after the first
    for i, p in enumerate(parts):
        w = max(p.bbox[2] - p.bbox[0], 1.0)
        ys = _cluster([y for c in p.cells for y in (c[1], c[3])], settings.row_edge_points)
        if i:
            breaks.append(row_base)
        part_spans = []
        for c in p.cells:
            r0, r1 = _nearest(ys, c[1]), _nearest(ys, c[3])
            c0, c1 = _nearest(cols, (c[0] - p.bbox[0]) / w), _nearest(cols, (c[2] - p.bbox[0]) / w)
            if r1 <= r0 or c1 <= c0:
                continue
            part_spans.append(_Span(row_base + r0, row_base + r1, c0, c1, p.page, c))
        _fill_holes(part_spans, ys, cols, p, row_base)
        _assign_glyphs(part_spans, p.glyphs, settings)
        spans += part_spans
        row_base += max(len(ys) - 1, 0)
    n_rows, n_cols = row_base, max(len(cols) - 1, 0)
    if not n_rows or not n_cols:
        return []
    slots: list[list[_Span | None]] = [[None] * n_cols for _ in range(n_rows)]
    for s in spans:
        for r in range(s.r0, s.r1):
            for col in range(s.c0, s.c1):
                if slots[r][col] is None:
                    slots[r][col] = s
    part_of = [0] * n_rows
    for i, b in enumerate(breaks, start=1):
        for r in range(b, n_rows):
            part_of[r] = i
    slots, part_of = _drop_repeated_headers(slots, part_of)
    slots = _join_across_breaks(slots, part_of)
    _absorb_label_gaps(slots)
    return _to_blocks(slots, kind, table_index)


def _fill_holes(
    spans: list[_Span], ys: list[float], cols: list[float], p: TablePart, base: int
) -> None:
    """Slots no detected cell covers (a missing ruling line) become cells of their own, so the
    text printed there is still read, in the slot where it stands."""
    covered = {(r, c) for s in spans for r in range(s.r0, s.r1) for c in range(s.c0, s.c1)}
    w = max(p.bbox[2] - p.bbox[0], 1.0)
    for r in range(len(ys) - 1):
        for c in range(len(cols) - 1):
            if (base + r, c) not in covered:
                x0, x1 = p.bbox[0] + cols[c] * w, p.bbox[0] + cols[c + 1] * w
                spans.append(
                    _Span(base + r, base + r + 1, c, c + 1, p.page, (x0, ys[r], x1, ys[r + 1]))
                )


def _assign_glyphs(spans: list[_Span], glyphs: list[Glyph], settings: Settings) -> None:
    """Each glyph goes to the cell that holds its centre (the smallest such cell, the first of
    equal ones). Cells are looked up in bands of the page's height, smallest first, so a page
    of a thousand characters does not test every glyph against every cell."""
    band = 10.0
    centres = [((g.x0 + g.x1) / 2, (g.top + g.bottom) / 2) for g in glyphs]
    rows = [cy // band for _, cy in centres if math.isfinite(cy)]
    if not rows:
        return _cell_texts(spans, settings)
    first, last = int(min(rows)), int(max(rows))  # a damaged file's huge cell spans only these
    bands: dict[int, list[tuple[float, float, float, float, _Span]]] = {}
    for s in sorted(spans, key=lambda s: (s.bbox[2] - s.bbox[0]) * (s.bbox[3] - s.bbox[1])):
        x0, top, x1, bottom = s.bbox
        if not (math.isfinite(top) and math.isfinite(bottom)):
            continue
        for b in range(max(first, int(top // band)), min(last, int(bottom // band)) + 1):
            bands.setdefault(b, []).append((x0, top, x1, bottom, s))
    for g, (cx, cy) in zip(glyphs, centres):
        if not math.isfinite(cy):
            continue
        for x0, top, x1, bottom, s in bands.get(int(cy // band), ()):
            if x0 <= cx <= x1 and top <= cy <= bottom:
                s.glyphs.append(g)
                break
    _cell_texts(spans, settings)


def _cell_texts(spans: list[_Span], settings: Settings) -> None:
    for s in spans:
        s.text = cell_text(s.glyphs, settings)


def _row_key(row: list[_Span | None]) -> tuple[str, ...]:
    out: list[str] = []
    prev = None
    for s in row:
        if s is not None and s is not prev:
            out.append("".join(s.text.split()))
        prev = s
    return tuple(out)


def _drop_repeated_headers(slots, part_of: list[int]):
    """A continued table that prints its header rows again: drop the repeat."""
    keep = [True] * len(slots)
    for b in range(1, len(slots)):
        if part_of[b] == part_of[b - 1]:
            continue
        k = 0
        while (
            b + k < len(slots)
            and part_of[b + k] == part_of[b]
            and k < b
            and _row_key(slots[b + k]) == _row_key(slots[k])
            and _is_header(slots[k])
        ):
            keep[b + k] = False
            k += 1
    return [r for r, k in zip(slots, keep) if k], [p for p, k in zip(part_of, keep) if k]


def _is_header(row) -> bool:
    texts = [t for t in _row_key(row) if t]
    return bool(texts) and not any(VALUE_TEXT.match(t) for t in texts)


def _join_across_breaks(slots, part_of: list[int]):
    """Join what a page break cut: a label cell continued on the next page ("（四）无" /
    "法提供"), a tall group cell continued empty, or one row split in two."""
    b = 1
    while b < len(slots):
        if part_of[b] == part_of[b - 1]:
            b += 1
            continue
        above, below = slots[b - 1], slots[b]
        for c in range(len(below)):
            a, s = above[c], below[c]
            if a is None or s is None or a is s or not a.is_label or (a.c0, a.c1) != (s.c0, s.c1):
                continue
            if not s.text.strip():
                if a.r1 - a.r0 < 2 and not _cut(a.text):
                    continue
            elif s.is_label and not has_row_mark(s.text) and _unfinished(above, below, c):
                a.text += s.text
            else:
                continue
            for row in slots[b:]:
                for cc, x in enumerate(row):
                    if x is s:
                        row[cc] = a
        if _mergeable(above, below):
            merged = [
                s if (a is None or (a is not s and not a.text.strip())) and s is not None else a
                for a, s in zip(above, below)
            ]
            slots = slots[: b - 1] + [merged] + slots[b + 1 :]
            part_of = part_of[: b - 1] + [part_of[b - 1]] + part_of[b + 1 :]
        b += 1
    return slots


def _has_values(row) -> bool:
    """The row prints a number or a mark of its own (not only label cells)."""
    return any(s is not None and s.text.strip() and not s.is_label for s in row)


def _last_label(row, c: int) -> bool:
    """The cell in column c is the row's last label cell: the row label proper, right before
    the row's values (a group cell, such as （四）无法提供, has the row label to its right)."""
    s = row[c]
    return not any(x is not None and x is not s and x.is_label for x in row[c + 1 :])


def _unfinished(above, below, c: int) -> bool:
    """The label cell in column c at the foot of a page goes on at the top of the next one.

    A row label is finished where its row prints its values: two rows at either side of a break
    that both print values are two rows ("行政处罚 0" / "行政强制 0"), whatever their labels say.
    A group cell beside several rows ("（四）无" / "法提供"), a label whose row prints no value
    before the break, or a label visibly cut goes on.
    """
    if _cut(above[c].text) or not _has_values(above):
        return True
    return not (_last_label(above, c) and _last_label(below, c))


def _absorb_label_gaps(slots) -> None:
    """An empty cell between a row's label and its values, in the columns where labels stand
    (left of the first column that holds a number anywhere in the table), is part of the
    label: a label cell drawn with an inner ruling is not a blank value."""
    first = min(
        (
            c
            for row in slots
            for c, s in enumerate(row)
            if s is not None
            and s.text.strip()
            and VALUE_TEXT.match(s.text)
            and any(ch.isdigit() for ch in s.text)
        ),
        default=0,
    )
    for r, row in enumerate(slots):
        for c in range(1, first):
            left, s = row[c - 1], row[c]
            if s is None or left is None or s is left or s.text.strip() or not left.is_label:
                continue
            if any(
                left in near
                for near in (slots[r - 1] if r else [], slots[r + 1] if r + 1 < len(slots) else [])
            ):
                continue
            row[c] = left


def _cut(text: str) -> bool:
    t = text.rstrip()
    return t.count("（") > t.count("）") or t.endswith(("、", "，", ","))


def _mergeable(above, below) -> bool:
    """Two rows are one printed row when no column holds text in both of them."""
    for a, s in zip(above, below):
        if a is s:
            continue
        if a is not None and s is not None and a.text.strip() and s.text.strip():
            return False
    return True


def _edge_row(row: list[_Span | None]) -> tuple[bool, _Span | None]:
    """(True, cell) when the row is one cell of text across the table (a title, a line of
    running text); (True, None) when the row is empty; (False, None) otherwise."""
    cells: list[_Span] = []
    for s in row:
        if s is not None and all(s is not x for x in cells):
            cells.append(s)
    texts = [s for s in cells if s.text.strip()]
    if not texts:
        return True, None
    if len(cells) == 1 and all(s is cells[0] for s in row):
        return True, cells[0]
    return False, None


def _to_blocks(slots, kind: str, table_index: int) -> list[Line | Grid]:
    """Leading and trailing rows that are one cell wide are running text: Lines before and
    after the Grid. What is left with two or more columns of its own is the Grid."""

    def line(s: _Span | None) -> list[Line]:
        if s is None or not s.text.strip():
            return []
        return [
            Line(
                s.text,
                Source(
                    kind=kind, page=s.page, bbox=_round(s.bbox), confidence=min_confidence(s.glyphs)
                ),
            )
        ]

    head: list[Line] = []
    tail: list[Line] = []
    start, end = 0, len(slots)
    while start < end and (e := _edge_row(slots[start]))[0]:
        head += line(e[1])
        start += 1
    while end > start and (e := _edge_row(slots[end - 1]))[0]:
        tail = line(e[1]) + tail
        end -= 1
    body = slots[start:end]
    if not body:
        return [*head, *tail]
    origin: dict[int, tuple[int, int]] = {}
    rows = []
    for r, row in enumerate(body):
        cells = []
        for c, s in enumerate(row):
            if s is None:
                cells.append(GridCell("", Source(kind=kind, table=table_index, row=r, col=c)))
                continue
            o = origin.setdefault(id(s), (r, c))
            cells.append(
                GridCell(
                    s.text,
                    Source(
                        kind=kind,
                        page=s.page,
                        bbox=_round(s.bbox),
                        table=table_index,
                        row=r,
                        col=c,
                        confidence=min_confidence(s.glyphs),
                        ink_whole=ink_whole(s.glyphs),
                    ),
                    origin=o,
                )
            )
        rows.append(cells)
    first = next(s for row in body for s in row if s is not None)
    grid = Grid(rows, Source(kind=kind, page=first.page, table=table_index))
    return head + [grid] + tail


# ----------------------------------------------------------------------------- pages into blocks


def _drop_running_heads(
    pages: list[list[Line | TablePart]], heights: list[float], margin_share: float
) -> None:
    """Page numbers and running headers/footers are not report text: drop the Lines in the top
    and bottom margins that are a page number or repeat (digits aside) on several pages."""

    def margin(it: Line | TablePart, h: float) -> TypeGuard[Line]:
        return (
            isinstance(it, Line)
            and it.source.bbox is not None
            and (it.source.bbox[3] < margin_share * h or it.source.bbox[1] > (1 - margin_share) * h)
        )

    def shape(line: Line) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text))

    seen = Counter(
        shape(it)
        for items, h in zip(pages, heights)
        for it in {shape(i): i for i in items if margin(i, h)}.values()
    )
    repeat = max(2, (len(pages) + 1) // 2)
    for k, (items, h) in enumerate(zip(pages, heights)):
        pages[k] = [
            it
            for it in items
            if not (margin(it, h) and (PAGE_NUMBER.match(it.text) or seen[shape(it)] >= repeat))
        ]


def _continues(a: TablePart, b: TablePart, share: float) -> bool:
    """The table at the top of a page continues the one that ended the page before when both
    have (nearly) the same left edge and width."""
    wa, wb = a.bbox[2] - a.bbox[0], b.bbox[2] - b.bbox[0]
    tol = share * max(wa, wb)
    return abs(wa - wb) <= tol and abs(a.bbox[0] - b.bbox[0]) <= tol


def page_blocks(
    pages: list[list[Line | TablePart]],
    heights: list[float],
    kind: str,
    drop_running_heads: bool = True,
    settings: Settings = SETTINGS,
) -> list[Line | Grid]:
    """Lines and Grids in reading order: running heads dropped, the parts of a table continued
    over pages joined."""
    if drop_running_heads:
        _drop_running_heads(pages, heights, settings.page_margin_share)
    blocks: list = []
    group: list[TablePart] = []
    n_tables = 0

    def flush():
        nonlocal group, n_tables
        if group:
            out = table_blocks(group, group_kind(group), n_tables, settings)
            n_tables += sum(1 for b in out if not isinstance(b, Line))
            blocks.extend(out)
            group = []

    def group_kind(g: list[TablePart]) -> str:
        return "ocr" if any(gl.confidence is not None for p in g for gl in p.glyphs) else kind

    last_item = None
    for items in pages:
        for j, it in enumerate(items):
            if isinstance(it, TablePart):
                if (
                    group
                    and j == 0
                    and group[-1] is last_item
                    and _continues(group[-1], it, settings.continued_table_share)
                ):
                    group.append(it)
                else:
                    flush()
                    group = [it]
            else:
                flush()
                blocks.append(it)
            last_item = it
        if items and not isinstance(items[-1], TablePart):
            flush()
    flush()
    return blocks
