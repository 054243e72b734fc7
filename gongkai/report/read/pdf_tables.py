"""Ruled tables from ruling edges: pdfplumber's "lines" table geometry, without pdfminer.

pdfplumber's `TableFinder` only needs a page's edges, but importing `pdfplumber.table` loads
pdfplumber, pdfminer and cryptography: about 100 ms at every start of `gongkai parse` for a
computation of a few milliseconds. This is the same algorithm as pdfplumber 0.11 (MIT licence:
snap, join, intersections, cells, tables; Nurminen's thesis as pdfplumber cites it), with the
same default tolerances and the same floating-point steps, so the cells are identical to the
last bit (tests/report/read/test_pdf_tables.py compares the two on every dev page and on random
rulings). Points are indexed by row and column instead of scanned, which makes it faster too.
"""

from __future__ import annotations

from itertools import groupby

#: pdfplumber's defaults (TableSettings): edges closer than this snap to one line, collinear
#: pieces closer than this join, a ruling shorter than this is dropped, an end this near a
#: crossing ruling meets it
SNAP, JOIN, MIN_LENGTH, MIN_LENGTH_BEFORE, MEET = 3, 3, 3, 1, 3

Box = tuple[float, float, float, float]


def ruled_tables(edges: list[dict], width: float, height: float) -> list[tuple[Box, list[Box]]]:
    """(bbox, cell rectangles) of every ruled table the edges draw (page space, y down), in
    pdfplumber's order: tables top to bottom, a table's cells as pdfplumber lists them."""
    if len(edges) < 4:
        return []
    h, v = _merged(edges)
    cells = _cells(_intersections(h, v))
    return [(_bbox(t), t) for t in _tables(cells)]


class _Edge:
    """A ruling: `lo`..`hi` along it, at `at` across it; `length` is carried as pdfplumber
    carries it (updated by the same sums) so the length filter decides alike."""

    __slots__ = ("lo", "hi", "at", "length")

    def __init__(self, lo: float, hi: float, at: float, length: float):
        self.lo, self.hi, self.at, self.length = lo, hi, at, length


def _merged(edges: list[dict]) -> tuple[list[_Edge], list[_Edge]]:
    """Horizontal and vertical rulings snapped to shared lines and joined where they touch."""
    hs = [
        _Edge(e["x0"], e["x1"], e["top"], e["x1"] - e["x0"])
        for e in edges
        if e["orientation"] == "h" and e["x1"] - e["x0"] >= MIN_LENGTH_BEFORE
    ]
    vs = [
        _Edge(e["top"], e["bottom"], e["x0"], e["bottom"] - e["top"])
        for e in edges
        if e["orientation"] == "v" and e["bottom"] - e["top"] >= MIN_LENGTH_BEFORE
    ]
    return _joined(_snapped(hs), horizontal=True), _joined(_snapped(vs), horizontal=False)


def _snapped(edges: list[_Edge]) -> list[_Edge]:
    """Edges whose positions chain within SNAP of one another moved to their mean, in
    pdfplumber's order (by cluster, then as given)."""
    values = sorted(set(e.at for e in edges))
    cluster: dict[float, int] = {}
    n, last = -1, None
    for x in values:
        if last is None or x > last + SNAP:
            n += 1
        cluster[x] = n
        last = x
    ordered = sorted(edges, key=lambda e: cluster[e.at])
    out = []
    for _, group in groupby(ordered, key=lambda e: cluster[e.at]):
        members = list(group)
        mean = sum(e.at for e in members) / len(members)
        out += [_Edge(e.lo, e.hi, e.at + (mean - e.at), e.length) for e in members]
    return out


def _joined(edges: list[_Edge], horizontal: bool) -> list[_Edge]:
    """Pieces on one line that overlap or nearly touch (JOIN) become one ruling; those still
    shorter than MIN_LENGTH are dropped. pdfplumber measures a joined horizontal afresh and
    extends a vertical's height by the difference: so here."""
    out = []
    for _, line in groupby(sorted(edges, key=lambda e: e.at), key=lambda e: e.at):
        pieces = sorted(line, key=lambda e: e.lo)
        joined = [pieces[0]]
        for e in pieces[1:]:
            last = joined[-1]
            if e.lo <= last.hi + JOIN:
                if e.hi > last.hi:
                    length = e.hi - last.lo if horizontal else last.length + (e.hi - last.hi)
                    joined[-1] = _Edge(last.lo, e.hi, last.at, length)
            else:
                joined.append(e)
        out += joined
    return [e for e in out if e.length >= MIN_LENGTH]


def _intersections(hs: list[_Edge], vs: list[_Edge]) -> dict[tuple[float, float], tuple[set, set]]:
    """Each crossing point (x, y) with the vertical and horizontal rulings through it."""
    points: dict[tuple[float, float], tuple[set, set]] = {}
    hs = sorted(hs, key=lambda e: (e.at, e.lo))
    for v in sorted(vs, key=lambda e: (e.at, e.lo)):
        for h in hs:
            if v.lo <= h.at + MEET and v.hi >= h.at - MEET and h.lo - MEET <= v.at <= h.hi + MEET:
                vset, hset = points.setdefault((v.at, h.at), (set(), set()))
                vset.add((v.at, v.lo, v.at, v.hi))
                hset.add((h.lo, h.at, h.hi, h.at))
    return points


def _cells(points: dict[tuple[float, float], tuple[set, set]]) -> list[Box]:
    """The smallest rectangle from each crossing to the crossings below and to its right,
    every side a ruling."""
    order = sorted(points)
    column: dict[float, list[tuple[float, float]]] = {}
    row: dict[float, list[tuple[float, float]]] = {}
    for p in order:
        column.setdefault(p[0], []).append(p)
        row.setdefault(p[1], []).append(p)

    def down(a, b) -> bool:  # same x: a vertical ruling through both
        return not points[a][0].isdisjoint(points[b][0])

    def across(a, b) -> bool:  # same y: a horizontal ruling through both
        return not points[a][1].isdisjoint(points[b][1])

    cells = []
    for pt in order:
        below = [p for p in column[pt[0]] if p[1] > pt[1]]
        right = [p for p in row[pt[1]] if p[0] > pt[0]]
        cell = _smallest(pt, below, right, points, down, across)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest(pt, below, right, points, down, across) -> Box | None:
    for b in below:
        if not down(pt, b):
            continue
        for r in right:
            if not across(pt, r):
                continue
            corner = (r[0], b[1])
            if corner in points and down(corner, r) and across(corner, b):
                return (pt[0], pt[1], corner[0], corner[1])
    return None


def _tables(cells: list[Box]) -> list[list[Box]]:
    """Cells grouped into tables: those sharing a corner, gathered in pdfplumber's passes (so
    the order of the cells is its order too); a lone cell is not a table."""
    remaining = list(cells)
    corners: set[tuple[float, float]] = set()
    current: list[Box] = []
    tables = []
    while remaining:
        before = len(current)
        for cell in list(remaining):
            x0, top, x1, bottom = cell
            mine = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
            if not current or any(c in corners for c in mine):
                corners.update(mine)
                current.append(cell)
                remaining.remove(cell)
        if len(current) == before:
            tables.append(current)
            corners, current = set(), []
    if current:
        tables.append(current)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def _bbox(cells: list[Box]) -> Box:
    return (
        min(c[0] for c in cells),
        min(c[1] for c in cells),
        max(c[2] for c in cells),
        max(c[3] for c in cells),
    )
