"""OCR needs no network: the engine is built from the models inside the rapidocr wheel, and a
page is read with every connection refused (an office intranet has no internet)."""

import socket

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

pytest.importorskip("rapidocr")

from gongkai.report.read import ocr


def test_the_engine_loads_and_reads_with_the_network_cut(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"OCR tried to open a connection: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    ocr._engine.cache_clear()
    image = Image.new("RGB", (400, 120), "white")
    ImageDraw.Draw(image).text((30, 30), "3119", fill="black", font=ImageFont.load_default(size=48))
    result = ocr._engine()(np.asarray(image), return_word_box=True, return_single_char_box=True)
    assert "3119" in "".join(result.txts or ())
    ocr._engine.cache_clear()
