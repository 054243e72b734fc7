"""OCR of a table's value cells: a value the page reading is sure of, with one character per
printed mark, is kept without a second read; a doubtful one is read again, and a cell whose
ink shows more marks than any reading has characters (65 read as 5, with a high score) is
left untrusted, so the placer makes it unreadable instead of wrong. The recogniser is
replaced here by the readings under test; the real engine runs in test_ocr_scan.py."""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from gongkai.report.read import ocr, ocr_ink
from gongkai.report.read.layout import Glyph

CELL = (10.0, 10.0, 190.0, 90.0)  # one cell; the image is in points (scale 1)


def _cell_image(text: str):
    image = Image.new("L", (200, 100), 255)
    font = ImageFont.load_default(size=48)
    ImageDraw.Draw(image).text((40, 22), text, fill=0, font=font)
    gray = np.asarray(image)
    return np.repeat(gray[:, :, None], 3, axis=2), gray


def _read(printed: str, page_reading: str, page_score: float, second, monkeypatch):
    rgb, gray = _cell_image(printed)
    calls = []

    def recognise(crops):
        calls.append(len(crops))
        return [second] * len(crops)

    monkeypatch.setattr(ocr, "_recognise", recognise)
    glyphs = [
        Glyph(ch, 50 + 25 * i, 30, 70 + 25 * i, 70, page_score, word=0)
        for i, ch in enumerate(page_reading)
    ]
    out = ocr._read_cells(rgb, gray, [CELL], glyphs, 1.0)
    return (out[0] if len(out) == 1 else out), calls


def test_a_sure_reading_with_one_character_per_mark_is_not_read_again(monkeypatch):
    out, calls = _read("65", "65", 0.99, ("00", 0.99), monkeypatch)
    assert calls in ([], [0])
    assert "".join(g.text for g in out) == "65"  # the page's own glyphs, as read


def test_a_dropped_digit_read_with_a_high_score_is_not_trusted(monkeypatch):
    out, calls = _read("65", "5", 0.99, ("5", 0.99), monkeypatch)
    assert calls == [1]  # the ink shows two marks, the reading one character: read again
    assert out.confidence < ocr.MIN_CONFIDENCE


def test_two_readings_that_differ_are_not_trusted(monkeypatch):
    out, _ = _read("65", "65", 0.9, ("66", 0.99), monkeypatch)
    assert out.confidence < ocr.MIN_CONFIDENCE


def test_a_doubtful_reading_confirmed_by_the_second_is_trusted(monkeypatch):
    out, calls = _read("65", "65", 0.9, ("65", 0.99), monkeypatch)
    assert calls == [1] and out.text == "65" and out.confidence >= ocr.MIN_CONFIDENCE


def test_a_mark_the_page_missed_is_read_on_its_own(monkeypatch):
    out, calls = _read("0", "", 0.0, ("0", 0.98), monkeypatch)
    assert calls == [1] and out.text == "0" and out.confidence >= ocr.MIN_CONFIDENCE


@pytest.mark.parametrize("printed,marks", [("65", 2), ("0", 1), ("1,234", 4), ("3119", 4)])
def test_marks_are_counted_one_per_printed_digit(printed, marks):
    rgb, gray = _cell_image(printed)
    assert ocr_ink.ink_crop(rgb, gray, CELL, 1.0).marks == marks
