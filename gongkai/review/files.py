"""`scan_file`: a document's text, page by page, through `scan_text`.

A file that cannot be read (damaged, encrypted, not a document), or a page that shows ink but
gave no text (a scan OCR could not read), is a 未能扫描 flag of its own with its reason: an
attachment the scanner could not read is never passed as clean.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .flags import UNSCANNED, Flag, ScanResult
from .scan import scan_text

NO_TEXT_SCAN = "扫描件无文字层，OCR 未能读取"


def scan_file(path: str | Path) -> ScanResult:
    from ..report.read.document import ReadError
    from ..report.read.plain_text import plain_text

    try:
        pages = plain_text(path)
    except ReadError as e:
        return unscanned(str(e))
    except Exception as e:  # noqa: BLE001 - whatever a hostile file breaks, it is not clean
        return unscanned(f"文件无法读取（{type(e).__name__}）：{path}")
    flags: list[Flag] = []
    reasons: list[str] = []
    texts: list[str] = []
    offset, line = 0, 1
    for pt in pages:
        for f in scan_text(pt.text, pt.page, offset, line, ocr=pt.ocr):
            where = pt.locations[f.line - line] if f.line - line < len(pt.locations) else None
            flags.append(dataclasses.replace(f, location=where))
        if pt.unread:
            reason = NO_TEXT_SCAN if len(pages) == 1 else f"第{pt.page}页：{NO_TEXT_SCAN}"
            reasons.append(reason)
            flags.append(Flag(UNSCANNED, None, pt.page, offset, offset, reason, ""))
        texts.append(pt.text)
        offset += len(pt.text) + 1
        line += pt.text.count("\n") + 1
    return ScanResult(flags, "；".join(reasons) or None, "\n".join(texts))


def unscanned(reason: str) -> ScanResult:
    """The result for a file that could not be read at all: one 未能扫描 flag with `reason`."""
    return ScanResult([Flag(UNSCANNED, None, None, 0, 0, reason, "")], reason)
