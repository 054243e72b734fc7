"""Where a number's ink sits in its cell tells whether a digit was lost from the page: a table
sets its numbers centred, so a number that lost its first or last digit to dust or a fold
sits half a digit off centre, and one that lost a middle digit has a gap: it is unreadable,
not wrong, even in table 1, whose cells are in no sum. A number whose ink is whole (a mark a
digit read, centred, clear of the walls, no gap) cannot have slipped, and the sums check
(ocr_arithmetic.py) does not doubt it. Cells are drawn here as a typesetter
sets them; the real engine reads printed scans in test_ocr_damaged_scans.py."""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from gongkai.report.model import Source, State
from gongkai.report.read import ocr, ocr_ink
from gongkai.report.read.entries import Value
from gongkai.report.read.layout import Glyph
from gongkai.report.read.ocr_confidence import LOST_DIGIT
from gongkai.report.read.place_assign import read_cell

FONT = ImageFont.load_default(size=40)  # tabular digits, an advance of 23 pixels
ADVANCE = FONT.getlength("0")
CELL = (10.0, 10.0, 250.0, 70.0)  # in pixels (scale 1)


def _cells(prints, width: float = 240.0, lost=(), align: str = "centre", box_shift: float = 0):
    """A row of ruled cells, each with its number set as `align` says, in an image of its
    own width; `lost` holds (cell index, digit index) of digits whitened away after printing.
    (rgb, gray with the rulings whitened, the cells' boxes moved `box_shift` pixels right as
    snapping can move them, the rulings' pixels), as page_items hands them on."""
    cells = [(10.0 + i * width, 10.0, 10.0 + (i + 1) * width, 70.0) for i in range(len(prints))]
    image = Image.new("L", (int(20 + width * len(prints)), 80), 255)
    draw = ImageDraw.Draw(image)
    rulings = Image.new("L", image.size, 0)
    for x0, top, x1, bottom in cells:
        for im, ink in ((image, 0), (rulings, 255)):
            ImageDraw.Draw(im).rectangle(
                (x0 - 1, top - 1, x1 + 1, bottom + 1), outline=ink, width=3
            )
    aligns = [align] * len(prints) if isinstance(align, str) else align
    for (x0, top, x1, bottom), text, how in zip(cells, prints, aligns):
        left = x0 + 12 if how == "left" else (x0 + x1 - FONT.getlength(text)) / 2
        draw.text((left, (top + bottom) / 2), text, fill=0, font=FONT, anchor="lm")
    for i, k in lost:
        x0, top, x1, bottom = cells[i]
        left = (x0 + x1 - FONT.getlength(prints[i])) / 2
        draw.rectangle(
            (left + k * ADVANCE, top + 6, left + (k + 1) * ADVANCE - 1, bottom - 6), fill=255
        )
    gray, mask = np.asarray(image), np.asarray(rulings)
    clean = np.where(mask > 0, 255, gray).astype(gray.dtype)
    boxes = [(x0 + box_shift, top, x1 + box_shift, bottom) for x0, top, x1, bottom in cells]
    return np.repeat(gray[:, :, None], 3, axis=2), clean, boxes, mask


def _ink(printed: str, **kw):
    rgb, gray, cells, rulings = _cells([printed], **kw)
    return ocr_ink.ink_crop(rgb, gray, cells[0], 1.0, rulings)


@pytest.mark.parametrize("printed", ["65", "0", "1", "3119", "100"])
def test_a_centred_number_read_with_all_its_digits_is_whole(printed):
    assert _ink(printed).whole(printed)


@pytest.mark.parametrize(
    "printed,lost,read",
    [("65", 0, "5"), ("65", 1, "6"), ("3119", 3, "311"), ("10", 1, "1"), ("605", 1, "65")],
)
def test_a_number_that_lost_a_digit_from_the_page_is_not_whole(printed, lost, read):
    rgb, gray, cells, rulings = _cells([printed], lost=[(0, lost)])
    ink = ocr_ink.ink_crop(rgb, gray, cells[0], 1.0, rulings)
    assert ink.marks == len(read)  # OCR sees every mark that is left: the count cannot tell
    assert ink.whole(read) is False


def test_a_reading_with_a_digit_more_or_fewer_than_the_ink_or_a_separator_says_nothing():
    ink = _ink("65")
    assert ink.whole("6") is None and ink.whole("655") is None
    assert _ink("1,234").whole("1,234") is None  # a comma widens the gap between 1 and 2


def test_a_number_filling_its_cell_tells_nothing_by_its_place():
    assert _ink("31190", width=5 * ADVANCE + 16).whole("31190") is None


def test_where_a_number_sits_is_measured_from_its_cells_rulings_not_its_box():
    """Snapping a table's rulings to shared lines can move a cell's box by several points:
    the walls are the ruling pixels at the ink's own rows."""
    assert _ink("65", box_shift=12).whole("65")
    rgb, gray, cells, rulings = _cells(["65"], lost=[(0, 0)], box_shift=-12)
    assert ocr_ink.ink_crop(rgb, gray, cells[0], 1.0, rulings).whole("5") is False


def test_a_cell_without_rulings_to_measure_from_says_nothing():
    rgb, gray, cells, _ = _cells(["65"])
    assert ocr_ink.ink_crop(rgb, gray, cells[0], 1.0).whole("65") is None


def _read_row(rgb, gray, cells, rulings, prints):
    """The row read by the page with certainty, one glyph a digit where its ink is."""
    glyphs = []
    for (x0, top, x1, bottom), text in zip(cells, prints):
        ink = np.nonzero((gray[int(top) : int(bottom), int(x0) + 5 : int(x1) - 5] < 160).any(0))[0]
        left = x0 + 5 + ink[0]
        glyphs += [
            Glyph(ch, left + k * ADVANCE, top + 15, left + (k + 1) * ADVANCE, bottom - 15, 0.99)
            for k, ch in enumerate(text)
        ]
    return ocr._read_cells(rgb, gray, cells, glyphs, 1.0, rulings)


def test_the_cells_of_a_centred_table_are_whole_and_a_lost_digit_is_not():
    prints = ["12", "0", "345", "7", "60"]
    rgb, gray, cells, rulings = _cells(prints, lost=[(4, 0)])  # 60 printed, its 6 lost
    out = _read_row(rgb, gray, cells, rulings, [*prints[:4], "0"])
    whole = {g.text: g.ink_whole for g in out if g.cx > cells[4][0]}
    assert whole == {"0": False}
    assert all(g.ink_whole for g in out if g.cx < cells[4][0])


def test_no_cell_of_a_table_set_left_is_whole_not_even_one_that_sits_centred():
    prints = ["12", "0", "345", "7", "60"]
    rgb, gray, cells, rulings = _cells(prints, align=["left", "left", "left", "left", "centre"])
    out = _read_row(rgb, gray, cells, rulings, prints)
    assert len(out) == 9 and all(g.ink_whole is None for g in out)


def test_a_cell_with_only_specks_has_no_mark_and_is_not_whole():
    image = Image.new("L", (260, 80), 255)
    draw = ImageDraw.Draw(image)
    for x in range(60, 200, 20):
        draw.point((x, 38), fill=0)  # dust: a pixel each
    gray = np.asarray(image)
    ink = ocr_ink.ink_crop(np.repeat(gray[:, :, None], 3, axis=2), gray, CELL, 1.0)
    assert ink is not None and ink.marks == 0 and ink.whole("") is None


@pytest.mark.parametrize("says,state", [(True, State.NUMBER), (None, State.NUMBER)])
def test_a_number_is_read_unless_its_ink_shows_a_digit_lost(says, state):
    value = Value("5", Source("ocr", page=1, confidence=0.99, ink_whole=says))
    assert read_cell("t1.regulations.made", value, False).state is state


def test_a_number_whose_ink_shows_a_digit_lost_is_unreadable_and_says_why():
    value = Value("5", Source("ocr", page=1, confidence=0.99, ink_whole=False))
    cell = read_cell("t1.regulations.made", value, False)
    assert cell.state is State.UNREADABLE and cell.reason == LOST_DIGIT and cell.raw == "5"
