"""Bounds on what a reader will take on: file size, page count, image size and time.

A supervising office feeds gongkai whatever an agency published. A wrong or hostile file
(300 pages of scans, an image of 30 000 × 30 000 pixels, a PDF that never stops parsing)
must end in one clear `ReadError` (exit 2) within bounded time and memory, never in a hang,
a crash or a half-read report.
"""

from __future__ import annotations

import os
import time
import zipfile

from .document import ReadError

MAX_FILE_BYTES = 100 * 1024 * 1024
#: an annual report runs to 5-40 pages; a city's combined report rarely passes 100
MAX_PAGES = 150
#: scanned pages are OCR'd at about 3 s each; more than this is not one report
MAX_OCR_PAGES = 40
#: A4 at 400 dpi is 3 308 × 4 677 ≈ 15 M pixels; beyond 60 M pixels an image is not a page
MAX_IMAGE_PIXELS = 60_000_000
#: wall-clock budget for one file (text layer: well under a second; OCR: ~3 s a page)
READ_SECONDS = 180.0


#: an Office package (DOCX, XLSX) unpacked: a report is a few MB; more is a zip bomb
MAX_PACKAGE = 500 * 1024 * 1024
MAX_PACKAGE_PART = 50 * 1024 * 1024


def check_package(z: zipfile.ZipFile, what: str) -> None:
    """ReadError when an Office package would unpack to more than the bounds (a zip bomb)."""
    sizes = [i.file_size for i in z.infolist()]
    if sum(sizes) > MAX_PACKAGE:
        raise ReadError(
            f"{what}：解压后总大小超过 {MAX_PACKAGE // 1024 // 1024} MB 的上限（疑似压缩炸弹）"
        )
    if sizes and max(sizes) > MAX_PACKAGE_PART:
        raise ReadError(
            f"{what}：其中一个部件解压后超过 {MAX_PACKAGE_PART // 1024 // 1024} MB 的上限（疑似压缩炸弹）"
        )


def check_file(path: str | os.PathLike) -> int:
    """The file's size in bytes; ReadError when it is missing, empty or too large."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise ReadError(f"无法打开文件：{path}（{e.strerror or e}）") from None
    if not os.path.isfile(path):
        raise ReadError(f"不是一个文件：{path}")
    if st.st_size == 0:
        raise ReadError(f"文件为空：{path}")
    if st.st_size > MAX_FILE_BYTES:
        raise ReadError(
            f"文件过大（{st.st_size / 1024 / 1024:.0f} MB，上限 {MAX_FILE_BYTES // 1024 // 1024} MB）：{path}"
        )
    return st.st_size


def check_pages(n: int, path: str | os.PathLike) -> None:
    if n <= 0:
        raise ReadError(f"PDF 没有页面：{path}")
    if n > MAX_PAGES:
        raise ReadError(f"PDF 共 {n} 页，超过 {MAX_PAGES} 页的上限，不像一份年度报告：{path}")


def check_pixels(width: int, height: int, path: str | os.PathLike) -> None:
    if width <= 0 or height <= 0:
        raise ReadError(f"图片没有内容：{path}")
    if width * height > MAX_IMAGE_PIXELS:
        raise ReadError(
            f"图片过大（{width}×{height} 像素），超过 {MAX_IMAGE_PIXELS // 1_000_000} M 像素的上限：{path}"
        )


class Deadline:
    """A time budget for reading one file, checked between pages."""

    def __init__(self, seconds: float = READ_SECONDS):
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self, what: str) -> None:
        if time.monotonic() > self.end:
            raise ReadError(f"读取超时（超过 {self.seconds:.0f} 秒）：{what}")
