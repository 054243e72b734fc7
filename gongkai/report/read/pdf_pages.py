"""A PDF's pages through pdfium's C API (`pdfium.py`), for reading their text layer.

pypdfium2's helper package costs about 20 ms of every `gongkai parse` of a PDF at import
(logging, its object tracker, every helper class), and the reader needs five calls of it: open,
count, load a page, its media box, close. Those are made here on the raw binding the helpers
wrap; only a scanned page, which is rendered for OCR, loads the helpers (`render`).
"""

from __future__ import annotations

import ctypes
import os

from . import pdfium as R
from .document import ReadError

#: the page size pdfium's helpers assume when a page states no media box (US letter)
DEFAULT_MEDIABOX = (0.0, 0.0, 612.0, 792.0)

_started = False


class PdfiumFailed(Exception):
    """pdfium could not do what was asked of a page (a damaged object)."""


def _start() -> None:
    """Initialise pdfium once; pypdfium2's helpers, when loaded, initialise it again, which
    pdfium ignores."""
    global _started
    if not _started:
        config = R.FPDF_LIBRARY_CONFIG(
            version=2, m_pUserFontPaths=None, m_pIsolate=None, m_v8EmbedderSlot=0
        )
        R.FPDF_InitLibraryWithConfig(config)
        _started = True


class PdfFile:
    """An open PDF (`with PdfFile(path) as pdf:`), refused with a ReadError the user can act on
    when it is encrypted or damaged."""

    def __init__(self, path: str | os.PathLike):
        _start()
        self.path = path
        self.raw = R.FPDF_LoadDocument(os.fsencode(path), None)
        if not self.raw or R.FPDF_GetPageCount(self.raw) < 1:
            code = R.FPDF_GetLastError()
            self.close()
            if code == R.FPDF_ERR_PASSWORD:
                raise ReadError(f"PDF 已加密，需要密码才能打开：{path}")
            if code == R.FPDF_ERR_SECURITY:
                raise ReadError(f"PDF 使用了不支持的加密方式：{path}")
            raise ReadError(f"PDF 文件已损坏，无法打开：{path}")

    def __len__(self) -> int:
        return R.FPDF_GetPageCount(self.raw)

    def page(self, index: int) -> PdfPage:
        raw = R.FPDF_LoadPage(self.raw, index)
        if not raw:
            raise ReadError(f"PDF 第 {index + 1} 页已损坏，无法读取：{self.path}")
        return PdfPage(raw, index)

    def close(self) -> None:
        if self.raw:
            R.FPDF_CloseDocument(self.raw)
            self.raw = None

    def __enter__(self) -> PdfFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class PdfPage:
    """One loaded page: `raw` is pdfium's handle, for the calls the reader makes itself."""

    def __init__(self, raw, index: int):
        self.raw, self.index = raw, index

    def mediabox(self) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) in PDF user space."""
        box = [ctypes.c_float() for _ in range(4)]
        if not R.FPDFPage_GetMediaBox(self.raw, *box):
            return DEFAULT_MEDIABOX
        return tuple(v.value for v in box)  # type: ignore[return-value]

    def text(self):
        """pdfium's text page (close it with `R.FPDFText_ClosePage`)."""
        tp = R.FPDFText_LoadPage(self.raw)
        if not tp:
            raise PdfiumFailed("no text page")
        return tp

    def close(self) -> None:
        if self.raw:
            R.FPDF_ClosePage(self.raw)
            self.raw = None


def render(path: str | os.PathLike, index: int, dpi: int):
    """Page `index` as a PIL image at `dpi` (for OCR: the helpers are loaded only for this)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        page = doc[index]
        try:
            return page.render(scale=dpi / 72).to_pil()
        finally:
            page.close()
    finally:
        doc.close()
