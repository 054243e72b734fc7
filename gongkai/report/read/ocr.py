"""OCR reader: scanned pages and photographed tables (PNG/JPEG/TIFF) into Lines and Grids.

rapidocr 3 ships PP-OCRv6 detection and recognition models inside its wheel; the engine is
built from those files by path, so nothing is downloaded at run time (an intranet machine has
no internet). A page askew by up to 5° is turned straight by its rulings first. The page is
read as characters with their own boxes and confidences; the table's ruling lines are found
in the image (OpenCV morphology) and handed to the same cell geometry as a PDF's rulings
(`layout.table_blocks`), so a value lands in the cell it is printed in, not in the order OCR
happened to read it.

Only doubtful value cells are read a second time, alone: those the page read with a lower
score, or not at all, or with fewer characters than the cell has digits of ink. A value cell
whose readings disagree, or whose ink shows a digit no reading has (65 read as 5 with a high
score), or that shows ink where OCR read nothing, is passed on with a confidence under the
threshold (`Source.confidence`); the placer marks it unreadable with the reason instead of
guessing. A digit missing from the page itself (dust, a fold) is caught after placement by
the table's own sums (ocr_arithmetic.py) and by its ink (ocr_ink.py): a number half a digit
off its cell's centre, or with a gap, lost a digit and is unreadable; one whose ink shows it
whole is not doubted by the sums, so a table's own printed error is read as printed. Every
text box is kept whatever its score (rapidocr's default drops boxes under 0.5, which would
turn a printed number into a blank cell).

bench/read_ocr.py, dev PDFs rendered at 200 dpi: 603/603 cells of the first three reports
right (rapidocr-onnxruntime 1.4, PP-OCRv4, every value cell read twice, had 601/603), 洪泽区
2023's own printed errors among them, read as printed because their ink shows every digit;
187/201 of 04_putian_slj_2024 (14 unreadable); none wrong at any score; as a desk scanner
gives them (--scan), 790/804 right, none wrong. Where a page's seconds go (01, page 4,
table 2: 139 text boxes, 125 of them short numbers; CPU seconds under a load of 5):
recognition 6.1 with every line padded to 320 pixels, detection at DETECT_SIDE 0.45, the
rest (straightening, rulings, second reads) 0.3. Recognition pads lines to REC_MIN_WIDTH
instead, and onnxruntime's threads sleep when idle (THREADS, no spinning): 25 pages of the
four dev PDFs took a median of 2.2 CPU seconds a page under a load of 8-11 (3.4-6.7
before), with the same cells right. bench/read_ocr.py prints each page's wall and CPU
seconds and the load beside them.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from .document import Document, Line, ReadError
from .layout import Glyph, TablePart, h_edge, page_blocks, text_lines, top_of, v_edge
from .limits import OCR_PAGE_SECONDS, READ_SECONDS, Deadline, check_file, check_pixels
from .numbers import VALUE_TEXT
from .ocr_confidence import MIN_CONFIDENCE
from .ocr_ink import Ink, ink_crop, set_centred
from .pdf_tables import ruled_tables

#: a cell with ink but no text read gets this confidence: something is printed, we cannot say what
INK_UNREAD = 0.0
#: a value the page reading gives at this score or above, with one character for each mark of
#: ink in its cell, is not read a second time
SURE_CONFIDENCE = 0.95
#: the longer side, in pixels, of the page image text lines are detected on (bench/read_ocr.py:
#: the same cells read at this size as at 200 dpi in full, in a third of the time)
DETECT_SIDE = 960
#: the models rapidocr ships inside its wheel, named so that nothing is ever downloaded
DET_MODEL, REC_MODEL = "PP-OCRv6_det_small.onnx", "PP-OCRv6_rec_small.onnx"
#: recognition reads a text line scaled to this height (the model's), padded to at least
#: REC_MIN_WIDTH: rapidocr's default pads every line to 320 pixels, so a table's 140 short
#: numbers cost as much as 140 full lines; at 64 the same cells read with the same scores
#: (bench/read_ocr.py) in half the recognition time of a table page
REC_HEIGHT, REC_MIN_WIDTH = 48, 64
#: lines recognised together, sorted by width (larger batches pad more and were slower)
REC_BATCH = 6
#: onnxruntime threads for one operator: the cores there are, at most 2
THREADS = min(2, os.cpu_count() or 1)
#: pages of one document read at once, by threads sharing the one engine (onnxruntime and
#: OpenCV let go of the interpreter while they work): a page's straightening, rulings and
#: glyphs, which run on one core, overlap the other page's recognition (bench/ocr_pages.py)
PAGE_WORKERS = min(2, os.cpu_count() or 1)


@lru_cache(maxsize=1)
def _engine():
    try:
        import rapidocr
        from omegaconf import flag_override
        from rapidocr import RapidOCR
    except ImportError:  # pragma: no cover - the ocr extra is not installed
        raise ReadError("读取扫描件需要 OCR 组件：pip install 'gongkai[ocr]'（rapidocr）") from None
    models = Path(rapidocr.__file__).parent / "models"
    det, rec = models / DET_MODEL, models / REC_MODEL
    if not (det.is_file() and rec.is_file()):
        raise ReadError(f"OCR 模型文件缺失（{models}），请重新安装 gongkai[ocr]")
    engine = RapidOCR(
        params={
            "Global.log_level": "error",
            "Global.text_score": 0.0,  # every box is kept; low scores are judged here
            "Global.use_cls": False,  # pages are upright; no orientation model is loaded
            # text is found on the page scaled to DETECT_SIDE (recognition still reads each
            # line from the full image): detection at full size was most of a page's time
            "Det.limit_type": "max",
            "Det.limit_side_len": DETECT_SIDE,
            "Det.model_path": str(det),
            "Rec.model_path": str(rec),
            "Rec.rec_img_shape": [3, REC_HEIGHT, REC_MIN_WIDTH],
            "Rec.rec_batch_num": REC_BATCH,
        }
    )
    # the sessions are built here, with their threads set, and handed to rapidocr (its
    # onnxruntime wrapper takes a ready session): it cannot turn off spinning
    with flag_override(engine.cfg, "allow_objects", True):
        engine.cfg.Det.session = _session(det)
        engine.cfg.Rec.session = _session(rec)
    return engine


def _session(model: Path):
    """An onnxruntime session on the CPU with THREADS threads for one operator and one for
    the graph, whose idle threads sleep instead of spinning: on a shared 2-core server a
    spinning thread takes the core another reader needs (a third more CPU a page, measured)."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.log_severity_level = 4
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.intra_op_num_threads = THREADS
    opts.inter_op_num_threads = 1
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(model), sess_options=opts, providers=["CPUExecutionProvider"])


def read_image(path: str | os.PathLike) -> Document:
    """The Document an image of a report page holds (bbox in pixels of the image)."""
    return read_images([path])


def read_images(paths: list[str | os.PathLike]) -> Document:
    """The Document the page images of one report hold, in the order given; a table that
    continues from one image to the next is joined as in a PDF."""
    deadline = Deadline(max(READ_SECONDS, OCR_PAGE_SECONDS * len(paths)))
    heights: list[float] = []

    def images():
        for n, path in enumerate(paths, start=1):
            check_file(path)
            image = _load(path)
            heights.append(float(image.height))
            yield n, image

    pages = read_pages(images(), 1.0, deadline)
    return Document(
        page_blocks(pages, heights, "ocr"), kind="ocr", path=str(paths[0]) if paths else None
    )


def read_pages(
    pages, scale: float, deadline: Deadline | None = None, workers: int | None = None
) -> list[list[Line | TablePart]]:
    """The items of each (page number, page image) of `pages` (`page_items`), in order,
    `workers` (PAGE_WORKERS) pages at a time. Pairs are taken from the iterable, in the
    caller's thread (a PDF renders its scans there), as pages finish, so that no more than
    `workers` + 1 images are held at once; a page that fails ends the document."""
    workers = PAGE_WORKERS if workers is None else workers
    if workers <= 1:
        return [page_items(image, n, scale, deadline) for n, image in pages]
    from collections import deque
    from concurrent.futures import Future, ThreadPoolExecutor

    _engine()  # built once, before the threads that share it
    pool = ThreadPoolExecutor(workers, thread_name_prefix="gongkai-ocr")
    try:
        out: list[list[Line | TablePart]] = []
        running: deque[Future] = deque()
        for n, image in pages:
            running.append(pool.submit(page_items, image, n, scale, deadline))
            if len(running) >= workers:
                out.append(running.popleft().result())
        out.extend(f.result() for f in running)
        return out
    finally:
        pool.shutdown(cancel_futures=True)


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

    image = _deskewed(image)
    rgb = np.asarray(image)
    result = _engine()(rgb, return_word_box=True, return_single_char_box=True)
    if deadline is not None:
        deadline.check(f"第 {page} 页")
    glyphs = _glyphs(result, scale)
    gray = np.asarray(image.convert("L"))
    tables, rulings = _ruled_tables(gray, scale)
    clean = np.where(rulings > 0, 255, gray).astype(gray.dtype)
    parts = []
    for bbox, cells in tables:
        inside = [g for g in glyphs if bbox[0] <= g.cx <= bbox[2] and bbox[1] <= g.cy <= bbox[3]]
        parts.append(
            TablePart(page, bbox, cells, _read_cells(rgb, clean, cells, inside, scale, rulings))
        )
    loose = [
        g
        for g in glyphs
        if not any(p.bbox[0] <= g.cx <= p.bbox[2] and p.bbox[1] <= g.cy <= p.bbox[3] for p in parts)
    ]
    items: list[Line | TablePart] = [*text_lines(loose, page, "ocr"), *parts]
    items.sort(key=top_of)
    return items


def _deskewed(image):
    """The page turned straight when it was scanned askew (0.1° to 5°): the angle is the median
    slope of its long horizontal rulings, so that each ruling is one straight line again."""
    import cv2
    import numpy as np

    gray = np.asarray(image.convert("L"))
    w = gray.shape[1]
    bw = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    mask = cv2.morphologyEx(
        bw, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(20, w // 30), 1))
    )
    mask = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (max(20, w // 30), 3)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask)
    angles = []
    for i in range(1, n):
        x, y, ww, hh, _area = stats[i]
        if ww < w / 4:
            continue
        ys, xs = np.nonzero(
            (labels[y : y + hh, x : x + ww] == i) & (bw[y : y + hh, x : x + ww] > 0)
        )
        if len(xs) > ww:
            slope = np.polyfit(xs.astype(float), ys.astype(float), 1)[0]
            angles.append(np.degrees(np.arctan(slope)))
    if len(angles) < 3:
        return image
    angle = float(np.median(angles))
    if not 0.1 <= abs(angle) <= 5:
        return image
    return image.rotate(angle, resample=3, fillcolor=(255, 255, 255))


def _glyphs(result, scale: float) -> list[Glyph]:
    """One glyph per recognised character, with its own box and score (never above its text
    box's); the characters of one text box are one word (no space inside), different boxes
    are different words."""
    if result.boxes is None or result.txts is None:
        return []
    words = result.word_results if len(result.word_results) == len(result.txts) else None
    out = []
    for word, (box, text, score) in enumerate(zip(result.boxes, result.txts, result.scores)):
        score = float(score)
        ys = [p[1] for p in box]
        top, bottom = min(ys) * scale, max(ys) * scale
        chars = [w for w in words[word] if w[2] is not None] if words else []
        if not chars or "".join(w[0] for w in chars) != text.replace(" ", ""):
            xs = [p[0] for p in box]
            out.append(Glyph(text, min(xs) * scale, top, max(xs) * scale, bottom, score, word=word))
            continue
        for ch, sc, cb in chars:
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


def _read_cells(rgb, gray, cells, glyphs: list[Glyph], scale: float, rulings=None) -> list[Glyph]:
    """The glyphs of a table, its doubtful value cells read again on their own.

    Page-level detection misses lone short marks (a "0" or "1" alone in a wide cell) or reads
    them with a low score; recognised alone, cropped tight around its ink with a white margin,
    the same mark reads with certainty. A value the page read with certainty, with as many
    characters as the cell has digits of ink, is kept as read; any other value cell with ink
    is read again, and where the two readings differ the cell is not trusted. A cell whose
    ink shows more digits than either reading has characters lost one (65 read as 5, with a
    high score): it is not trusted either, so it is unreadable rather than wrong.
    A label keeps its page reading; a cell with no ink is blank.
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
    inked: list[tuple[tuple, list[Glyph], str, Ink]] = []  # cell, its glyphs, their text, ink
    for i, c in enumerate(cells):
        mine = by_cell.get(i, [])
        first = "".join(g.text for g in sorted(mine, key=lambda g: (g.cy, g.x0))).replace(" ", "")
        if first and not VALUE_TEXT.match(first):
            out += mine
            continue
        ink = ink_crop(rgb, gray, c, scale, rulings)
        if ink is None:
            out += mine
        else:
            inked.append((c, mine, first, ink))
    centred_table = set_centred([ink for *_, ink in inked])
    crops, where = [], []
    for c, mine, first, ink in inked:
        sure = min((g.confidence or 0.0) for g in mine) if mine else 0.0
        if first and sure >= SURE_CONFIDENCE and ink.marks == len(first):
            whole = ink.whole(first) if centred_table else None
            for g in mine:
                g.ink_whole = whole
            out += mine
            continue
        crops.append(ink.crop)
        where.append((c, first, sure, ink))
    for (c, first, sure, ink), (text, score) in zip(where, _recognise(crops)):
        text = re.sub(r"\s+", "", text)
        conf = score if text else INK_UNREAD
        if first and first != text:
            conf = min(conf, sure, MIN_CONFIDENCE - 0.01)
        elif first:
            conf = max(conf, sure)
        if ink.marks > max(len(text), len(first)):  # a printed digit that no reading has
            conf = min(conf, MIN_CONFIDENCE - 0.01)
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
                ink_whole=ink.whole(text) if centred_table else None,
            )
        )
    return out


def _recognise(crops) -> list[tuple[str, float]]:
    """Text and score of each single-line crop (recognition only, no detection), in batches.
    The recogniser is reached through the engine's loader (rapidocr is pinned)."""
    if not crops:
        return []
    from rapidocr.ch_ppocr_rec import TextRecInput

    result = _engine()._load_rec_model()(TextRecInput(img=crops))
    return [(t, float(sc)) for t, sc in zip(result.txts or (), result.scores)]
