"""A document's pages read by OCR two at a time come back in page order, as read one at a
time; images are taken only as pages finish (a 40-page scan is not held in memory at once);
a page that fails ends the document with its own message."""

import threading
import time

import pytest

from gongkai.report.read import ocr
from gongkai.report.read.document import ReadError


@pytest.fixture
def pages_read(monkeypatch):
    """page_items replaced by a stand-in that takes longer on odd pages (so that pages finish
    out of order) and records which threads read; the engine is not loaded."""
    seen = {"threads": set(), "taken": 0, "most_ahead": 0, "done": 0}
    lock = threading.Lock()

    def page_items(image, page, scale, deadline=None):
        seen["threads"].add(threading.get_ident())
        time.sleep(0.02 if page % 2 else 0.0)
        if image == "bad":
            raise ReadError(f"第 {page} 页无法识别")
        with lock:
            seen["done"] += 1
        return [(page, image, scale)]

    monkeypatch.setattr(ocr, "page_items", page_items)
    monkeypatch.setattr(ocr, "_engine", lambda: None)
    return seen


def _images(seen, names):
    for n, name in enumerate(names, start=1):
        seen["taken"] += 1
        seen["most_ahead"] = max(seen["most_ahead"], seen["taken"] - seen["done"])
        yield n, name


def test_pages_read_together_come_back_in_page_order(pages_read):
    names = [f"p{n}" for n in range(1, 8)]
    together = ocr.read_pages(_images(pages_read, names), 0.5, workers=2)
    assert together == [[(n, name, 0.5)] for n, name in enumerate(names, start=1)]
    assert len(pages_read["threads"]) == 2
    assert ocr.read_pages(enumerate(names, start=1), 0.5, workers=1) == together


def test_images_are_taken_only_as_pages_finish(pages_read):
    ocr.read_pages(_images(pages_read, [f"p{n}" for n in range(12)]), 1.0, workers=2)
    assert pages_read["most_ahead"] <= 3


def test_a_page_that_fails_ends_the_document_with_its_message(pages_read):
    with pytest.raises(ReadError, match="第 3 页无法识别"):
        ocr.read_pages(enumerate(["a", "b", "bad", "d", "e"], start=1), 1.0, workers=2)
