"""OCR reader: scanned pages and photographed tables (PNG/JPEG/TIFF) into Lines and Grids.

rapidocr_onnxruntime ships its Chinese detection and recognition models inside the wheel, so
nothing is downloaded at run time. The page is read as characters with their own boxes and
confidences; the table's ruling lines are found in the image (OpenCV morphology) and handed to
the same cell geometry as a PDF's rulings (`layout.table_blocks`), so a value lands in the cell
it is printed in, not in the order OCR happened to read it.

A value cell OCR read with a low confidence, or one that shows ink where OCR read nothing, is
passed on with that confidence (`Source.confidence`); the placer marks it unreadable with the
reason instead of guessing. Every text box is kept whatever its score (rapidocr's default
drops boxes under 0.5, which would turn a printed number into a blank cell).

Dev PDFs rendered with `pdftoppm -r 200`: 601 of 603 cells right, the 2 others unreadable,
none wrong; 3-4.5 s a page on the 2-core build machine (bench/read_ocr.py, read_speed.py).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from .document import Document, Line, ReadError
from .layout import Glyph, TablePart, h_edge, page_blocks, ruled_tables, text_lines, v_edge
from .limits import Deadline, check_file, check_pixels

#: below this a value is not trusted (place.py marks it unreadable). Measured with
#: bench/read_ocr.py on the 16 dev pages at 200 dpi: of 594 value cells matched with the text
#: layer, 592 read at >= 0.95 and all right; 2 read below 0.8 (0.61, 0.79; right, but the page
#: and the cell readings disagreed); none wrong at any score. 0.8 keeps that margin.
MIN_CONFIDENCE = 0.8
#: a cell with ink but no text read gets this confidence: something is printed, we cannot say what
INK_UNREAD = 0.0
_NUMERIC = re.compile(r"^[\s\d.,，/\\\-—–－]*$")


@lru_cache(maxsize=1)
def _engine():
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:  # pragma: no cover - the ocr extra is not installed
        raise ReadError(
            "读取扫描件需要 OCR 组件：pip install 'gongkai[ocr]'（rapidocr-onnxruntime）"
        ) from None
    return RapidOCR(text_score=0.0, print_verbose=False)


def read_image(path: str | os.PathLike) -> Document:
    """The Document an image of a report page holds (bbox in pixels of the image)."""
    return read_images([path])


def read_images(paths: list[str | os.PathLike]) -> Document:
    """The Document the page images of one report hold, in the order given; a table that
    continues from one image to the next is joined as in a PDF."""
    deadline = Deadline()
    pages, heights = [], []
    for n, path in enumerate(paths, start=1):
        check_file(path)
        image = _load(path)
        pages.append(page_items(image, n, 1.0, deadline))
        heights.append(float(image.height))
    return Document(
        page_blocks(pages, heights, "ocr"), kind="ocr", path=str(paths[0]) if paths else None
    )


def _load(path):
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = None  # checked below, with our own message
    try:
        with Image.open(path) as im:
            check_pixels(im.width, im.height, path)
            im.load()
            return im.convert("RGB")
    except ReadError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as e:
        raise ReadError(f"不是可识别的图片文件：{path}（{e.__class__.__name__}）") from None


def page_items(
    image, page: int, scale: float, deadline: Deadline | None = None
) -> list[Line | TablePart]:
    """A page image's Lines and table parts, top to bottom. `scale` turns pixels into the
    document's units (72/dpi for a rendered PDF page, 1 for an image)."""
    import numpy as np

    rgb = np.asarray(image)
    result, _ = _engine()(rgb, return_word_box=True)
    if deadline is not None:
        deadline.check(f"第 {page} 页")
    glyphs = _glyphs(result or [], scale)
    gray = np.asarray(image.convert("L"))
    tables, rulings = _ruled_tables(gray, scale)
    clean = np.where(rulings > 0, 255, gray).astype(gray.dtype)
    parts = []
    for bbox, cells in tables:
        inside = [g for g in glyphs if bbox[0] <= g.cx <= bbox[2] and bbox[1] <= g.cy <= bbox[3]]
        parts.append(TablePart(page, bbox, cells, _read_cells(rgb, clean, cells, inside, scale)))
    loose = [
        g
        for g in glyphs
        if not any(p.bbox[0] <= g.cx <= p.bbox[2] and p.bbox[1] <= g.cy <= p.bbox[3] for p in parts)
    ]
    items: list[Line | TablePart] = [*text_lines(loose, page, "ocr"), *parts]
    items.sort(key=lambda it: it.bbox[1] if isinstance(it, TablePart) else it.source.bbox[1])
    return items


def _glyphs(result, scale: float) -> list[Glyph]:
    """One glyph per recognised character, with its own box and score; the characters of one
    text box are one word (no space inside), different boxes are different words."""
    out = []
    for word, item in enumerate(result):
        box, text, score = item[0], item[1], float(item[2])
        char_boxes = item[3] if len(item) > 3 else None
        chars = item[4] if len(item) > 4 else None
        scores = item[5] if len(item) > 5 else None
        ys = [p[1] for p in box]
        top, bottom = min(ys) * scale, max(ys) * scale
        if not chars or not char_boxes or len(chars) != len(char_boxes):
            xs = [p[0] for p in box]
            out.append(Glyph(text, min(xs) * scale, top, max(xs) * scale, bottom, score, word=word))
            continue
        for ch, cb, sc in zip(chars, char_boxes, scores or [score] * len(chars)):
            xs = [p[0] for p in cb]
            out.append(
                Glyph(
                    ch,
                    min(xs) * scale,
                    top,
                    max(xs) * scale,
                    bottom,
                    min(float(sc), score),
                    word=word,
                )
            )
    return out


def _ruled_tables(gray, scale: float):
    """Tables found from the ruling lines in the image: [(bbox, cell rectangles)] in points,
    and the mask of the ruling pixels. A ruling is a long thin run of dark pixels
    (morphological opening with a long kernel)."""
    import cv2
    import numpy as np

    h, w = gray.shape
    bw = cv2.adaptiveThreshold(
        255 - gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, -5
    )
    edges = []
    lines = np.zeros_like(bw)
    for orient, kernel in (("h", (max(20, w // 30), 1)), ("v", (1, max(15, h // 80)))):
        mask = cv2.morphologyEx(
            bw, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, kernel)
        )
        mask = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
        lines |= mask
        n, _, stats, _ = cv2.connectedComponentsWithStats(mask)
        for x, y, ww, hh, _area in stats[1:n]:
            x0, top, x1, bottom = x * scale, y * scale, (x + ww) * scale, (y + hh) * scale
            edges.append(
                h_edge(x0, x1, (top + bottom) / 2)
                if orient == "h"
                else v_edge((x0 + x1) / 2, top, bottom)
            )
    return ruled_tables(edges + _open_ends(edges), w * scale, h * scale), lines


def _open_ends(edges: list[dict], tol: float = 3.0) -> list[dict]:
    """A table cut by a page break is often printed without its closing ruling: where three
    or more verticals that hang from a ruling end together with no ruling there, close them."""
    hs = [e for e in edges if e["orientation"] == "h"]
    vs = [e for e in edges if e["orientation"] == "v"]

    def meets(v, end):
        return any(
            abs(h["top"] - v[end]) <= tol and h["x0"] - tol <= v["x0"] <= h["x1"] + tol for h in hs
        )

    out = []
    for end, other in (("top", "bottom"), ("bottom", "top")):
        loose = [v for v in vs if not meets(v, end) and meets(v, other)]
        loose.sort(key=lambda v: v[end])
        group: list[dict] = []
        for v in [*loose, None]:
            if v is not None and (not group or v[end] - group[-1][end] <= tol):
                group.append(v)
                continue
            if len(group) >= 3:
                y = sum(g[end] for g in group) / len(group)
                out.append(h_edge(min(g["x0"] for g in group), max(g["x0"] for g in group), y))
            group = [v] if v is not None else []
    return out


def _read_cells(rgb, gray, cells, glyphs: list[Glyph], scale: float) -> list[Glyph]:
    """The glyphs of a table, each value cell read again on its own.

    Page-level detection misses lone short marks (a "0" or "1" alone in a wide cell) or reads
    them with a low score; recognised alone, cropped tight around its ink with a white margin,
    the same mark reads with certainty. A cell whose page reading is a label keeps it; a cell
    with no ink is blank; a cell with ink that reads as nothing gets confidence 0.
    """
    by_cell: dict[int, list[Glyph]] = {}
    for g in glyphs:
        holders = [i for i, c in enumerate(cells) if c[0] <= g.cx <= c[2] and c[1] <= g.cy <= c[3]]
        if holders:
            i = min(
                holders, key=lambda i: (cells[i][2] - cells[i][0]) * (cells[i][3] - cells[i][1])
            )
            by_cell.setdefault(i, []).append(g)
    out: list[Glyph] = []
    crops, where = [], []
    for i, c in enumerate(cells):
        mine = by_cell.get(i, [])
        first = "".join(g.text for g in sorted(mine, key=lambda g: (g.cy, g.x0)))
        if first.strip() and not _NUMERIC.match(first):
            out += mine
            continue
        crop = _ink_crop(rgb, gray, c, scale)
        if crop is None:
            out += mine
            continue
        crops.append(crop)
        where.append((c, mine, first))
    for (c, mine, first), (text, score) in zip(where, _recognise(crops)):
        text = re.sub(r"\s+", "", text)
        conf = float(score) if text else INK_UNREAD
        if first.strip() and first.replace(" ", "") != text:
            conf = min(conf, min((g.confidence or 0.0) for g in mine), MIN_CONFIDENCE - 0.01)
        elif first.strip():
            conf = max(conf, min(g.confidence or 0.0 for g in mine))
        w, h = c[2] - c[0], c[3] - c[1]
        out.append(
            Glyph(
                text or "?",
                c[0] + w / 4,
                c[1] + h / 4,
                c[2] - w / 4,
                c[3] - h / 4,
                conf,
                word=-1 - len(out),
            )
        )
    return out


def _ink_crop(rgb, gray, cell, scale: float):
    """The cell's printed marks (rulings already whitened out of `gray`) cut out tight, on a
    white margin; None when the cell is empty."""
    import numpy as np

    x0, top, x1, bottom = (int(round(v / scale)) for v in cell)
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
    return out


def _recognise(crops) -> list[tuple[str, float]]:
    """Text and score of each single-line crop (recognition only, no detection), in batches."""
    if not crops:
        return []
    rec = getattr(_engine(), "text_rec", None)
    if rec is not None:
        result, _ = rec(crops)
        return [(r[0], r[1]) for r in result]
    out = []
    for crop in crops:  # pragma: no cover - other rapidocr versions
        res, _ = _engine()(crop, use_det=False, use_cls=False, use_rec=True)
        out.append((res[0][0], res[0][1]) if res else ("", 0.0))
    return out
