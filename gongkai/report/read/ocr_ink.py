"""What a scanned value cell's ink shows: how many digits are printed there, and where they
sit between the cell's walls.

OCR cannot see a digit that is not on the page (dust, a fold), nor tell a digit it dropped
with a high score from one that was never printed; the ink can. A table sets its numbers
centred, so a number that lost its first or last digit sits half a digit off centre, and one
that lost a middle digit has a gap where it was. `Ink.whole` gives the verdict the reader
passes on as `Source.ink_whole`: the sums check (ocr_arithmetic.py) never doubts a whole
number, and placement makes a number that lost a digit unreadable.
"""

from __future__ import annotations

from ..record import Record

#: pixels of ink (at 150-200 dpi) below which a dark spot is a speck, not a printed mark
MIN_MARK_AREA = 4
#: the advance of a printed digit, as a share of its height (0.5 em over a height of 0.7 em)
DIGIT_PITCH = 0.7
#: a number's ink whose centre is this many digit advances from its cell's centre, or fewer,
#: is centred; DISPLACED or more, it lost a digit: a digit lost from either end moves the
#: rest half an advance (printed and scanned at 150-200 dpi, bench/fuzz_scans.py and the dev
#: prints: whole numbers clear of their walls within 0.27 advance, lost digits 0.36 or more)
CENTRED, DISPLACED = 0.25, 0.35
#: a space between two marks wider than this many advances is where a digit was (between two
#: printed digits: 0.1 to 0.6, the widest between two narrow 1s)
DIGIT_GAP = 0.9
#: ink nearer than this many advances to its cell's wall tells nothing by its place: a
#: number that fills its cell is measured with its ends cut (a 5-digit total that lost its
#: last digit, at 150-200 dpi, measured only 0.2 advance off centre, 0.6-0.9 from a wall)
EDGE_MARGIN = 1.0
#: a table's numbers are set centred when this share of its inked value cells is centred,
#: of CENTRED_TABLE_CELLS cells at least (a left-set column shows no lost last digit)
CENTRED_TABLE, CENTRED_TABLE_CELLS = 0.8, 5


class Ink(Record):
    """A value cell's printed marks: cut out tight for the recogniser, counted as digits, and
    where they sit in the cell, in digit advances (DIGIT_PITCH times their height)."""

    def __init__(
        self,
        crop,
        marks: int,
        gap: float,
        offset: float | None = None,
        margin: float | None = None,
    ) -> None:
        self.crop = crop
        self.marks = marks
        self.gap = gap  # the widest space between two marks (0 for one mark)
        # where the marks sit between the cell's walls (_placed); None: no walls were found
        self.offset = offset  # their centre right of the cell's middle (left: below 0)
        self.margin = margin  # their nearer space to a wall

    def whole(self, text: str) -> bool | None:
        """What the ink says of the number `text` read from it, in a table whose numbers are
        set centred: True, it is whole (centred, no gap); False, a digit of it was lost from
        the page (it stands DISPLACED off centre, half a digit as a lost first or last digit
        leaves it, or a gap is where a middle digit was); None, nothing: the marks are not
        one a digit read, the reading is not digits alone (a separator widens a gap), no
        walls were measured, or the number stands too near a wall to be measured."""
        if (
            self.offset is None
            or self.margin is None
            or not text.isdigit()
            or len(text) != self.marks
            or self.margin < EDGE_MARGIN
        ):
            return None
        if self.gap > DIGIT_GAP or abs(self.offset) >= DISPLACED:
            return False
        return True if abs(self.offset) <= CENTRED else None


def set_centred(inks: list[Ink]) -> bool:
    """True when a table's numbers are set centred: CENTRED_TABLE of its inked value cells,
    CENTRED_TABLE_CELLS at least, stand centred. Only there does a number show a lost digit
    by its place (a column set left shows no lost last digit)."""
    centred = sum(ink.offset is not None and abs(ink.offset) <= CENTRED for ink in inks)
    return len(inks) >= CENTRED_TABLE_CELLS and centred >= CENTRED_TABLE * len(inks)


def ink_crop(rgb, gray, cell, scale: float, rulings=None) -> Ink | None:
    """The cell's printed marks (rulings already whitened out of `gray`, their pixels in
    `rulings`); None when the cell is empty."""
    import cv2
    import numpy as np

    x0, top, x1, bottom = (round(v / scale) for v in cell)
    inset = 5
    g = gray[top + inset : bottom - inset, x0 + inset : x1 - inset]
    if g.size == 0:
        return None
    ys, xs = np.nonzero(g < 160)
    if len(ys) < 6:
        return None
    ty0, ty1, tx0, tx1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    hh, ww = ty1 - ty0, tx1 - tx0
    pad = max(4, int(hh * 0.35))
    out = np.full((hh + 2 * pad, ww + 2 * pad, 3), 255, np.uint8)
    ink = g[ty0:ty1, tx0:tx1]
    out[pad : pad + hh, pad : pad + ww] = np.repeat(ink[:, :, None], 3, axis=2)
    # a blurred scan loses the thin strokes of a digit at the crop's threshold: marks are
    # counted at a lighter one, halfway between the darkest ink and white
    ink_mask = ink < min(230, (int(ink.min()) + 255) // 2 + 30)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink_mask.astype(np.uint8), connectivity=8)
    # marks at the height of the text: not a speck, a dot or a comma, not what is left of a
    # ruling (as tall as the cell); pieces above or below one another are one mark, and a mark
    # as wide as several digits (digits that touch) counts as that many
    tall = max((h for _, _, _, h, area in stats[1:n] if area >= MIN_MARK_AREA), default=0)
    spans = sorted(
        (x, x + w)
        for x, _, w, h, area in stats[1:n]
        if area >= MIN_MARK_AREA and h >= tall / 2 and h < 0.9 * g.shape[0]
    )
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    pitch = DIGIT_PITCH * tall or 1.0
    marks = sum(max(1, round((b - a) / pitch)) for a, b in merged)
    gap = max((y[0] - x[1] for x, y in zip(merged, merged[1:])), default=0) / pitch
    if not merged or rulings is None or tx0 == 0 or tx1 == g.shape[1]:
        return Ink(out, marks, float(gap))  # no walls to measure from, or ink cut at the crop
    # the marks in page columns, between the walls of their cell at their own rows
    marks_at = [(x0 + inset + tx0 + a, x0 + inset + tx0 + b) for a, b in merged]
    rows = (top + inset + ty0, top + inset + ty1)
    walls = _walls(rulings, rows, marks_at[0][0], marks_at[-1][1], x1 - x0)
    if walls is None:
        return Ink(out, marks, float(gap))
    offset, margin = _placed(marks_at, walls, pitch)
    return Ink(out, marks, float(gap), offset, margin)


def _walls(rulings, rows: tuple[int, int], left: int, right: int, reach: int):
    """The page columns just inside the rulings nearest the ink on its left and on its right,
    at the ink's own rows: the cell's walls as printed. The cell's box is not used: a table's
    rulings are snapped to shared lines (pdfplumber's way), and a ruling of the table above
    can move a box's edge by several points. None when no ruling is within `reach`."""
    import numpy as np

    lo, hi = max(0, left - reach), min(rulings.shape[1], right + reach)
    band = rulings[rows[0] : rows[1], lo:hi].any(axis=0)
    on_left, on_right = np.nonzero(band[: left - lo])[0], np.nonzero(band[right - lo :])[0]
    if not len(on_left) or not len(on_right):
        return None
    return lo + int(on_left[-1]) + 1, right + int(on_right[0])


def _placed(marks_at: list[tuple[int, int]], walls: tuple[int, int], pitch: float):
    """(offset, margin) of a number's marks between its cell's walls, in digit advances: how
    far right of the middle its centre is, and its nearer space to a wall. The centre is
    that of the first digit and of the last, not of the ink's ends: a 1 stands in the middle
    of its advance, so its ink's left end is further in than a 4's."""
    (a, b), (c, d) = marks_at[0], marks_at[-1]
    first = a + (b - a) / (2 * max(1, round((b - a) / pitch)))
    last = d - (d - c) / (2 * max(1, round((d - c) / pitch)))
    left, right = walls
    offset = ((first + last) / 2 - (left + right) / 2) / pitch
    return float(offset), float(min(a - left, right - d)) / pitch
