"""Bounds on what a reader will take on, written once for every input kind and importer.

A supervising office feeds gongkai whatever an agency published. A wrong or hostile file
(300 pages of scans, an image of 30 000 × 30 000 pixels, a 20 KB page whose cells declare
rowspan 1000, a workbook with one cell at XFD1048576, a 50 MB table page) must end in one
clear `ReadError` (exit 2) within bounded time and memory, never in a hang, a crash or a
half-read report. The bounds hold in total for one file (all its tables together), not per
cell, so that many small expansions cannot add up to a large one.

The figures are far above any real report: the three tables of an annual report have about
600 cells, its text a few hundred lines, its web page a few thousand elements.
"""

from __future__ import annotations

import os
import stat
import time

from .document import ReadError

TYPE_CHECKING = False  # typing itself costs 2 ms at start
if TYPE_CHECKING:  # the zip readers hand their open package in; reading text needs no zipfile
    import zipfile

MB = 1024 * 1024
MAX_FILE_BYTES = 100 * MB
#: an annual report runs to 5-40 pages; a city's combined report rarely passes 100
MAX_PAGES = 150
#: scanned pages are OCR'd in about a second each; more than this is not one report
MAX_OCR_PAGES = 40
#: A4 at 400 dpi is 3 308 × 4 677 ≈ 15 M pixels; beyond 60 M pixels an image is not a page
MAX_IMAGE_PIXELS = 60_000_000
#: wall-clock budget for one file that may need OCR (a PDF of scans: about a second a page)
READ_SECONDS = 180.0
#: and at least this much for each page of images to OCR (about a second on an idle machine;
#: a machine shared by many is far slower)
OCR_PAGE_SECONDS = 30.0
#: wall-clock budget for a file that needs no OCR (text, web page, office file, OFD), which
#: reads in well under a second
TEXT_READ_SECONDS = 15.0

#: an Office or OFD package (a zip) unpacked: a report is a few MB; more is a zip bomb
MAX_PACKAGE = 500 * MB
MAX_PACKAGE_PART = 50 * MB
#: one XML part parsed into a tree (a DOCX body, an OFD page): a report's is under 2 MB
MAX_XML_PART = 20 * MB
#: an OLE2 stream of a legacy .doc
MAX_OLE_STREAM = 64 * MB

#: text and web pages, decoded: a report's text is about 30 KB, its saved page under 2 MB
MAX_TEXT_CHARS = 20 * MB
MAX_TEXT_LINES = 100_000
#: the cells all the tables of one file may expand to, merged cells counted in every slot
MAX_GRID_CELLS = 100_000
#: elements of one web page or XML body, and how deep they may nest
MAX_ELEMENTS = 200_000
MAX_DEPTH = 200
#: characters positioned on the pages of one file (OFD): a 150-page report has about 300 000
MAX_GLYPHS = 500_000
#: cells stored in the sheets of a workbook read as a report
MAX_SHEET_CELLS = 200_000
#: cells a workbook an importer reads may hold (a ledger: one row an application, a busy
#: county has a few thousand; a catalogue: one row a document)
MAX_IMPORT_CELLS = 2_000_000


def check_package(z: zipfile.ZipFile, what: str) -> None:
    """ReadError when a zip package would unpack to more than the bounds (a zip bomb)."""
    sizes = [i.file_size for i in z.infolist()]
    if sum(sizes) > MAX_PACKAGE:
        raise ReadError(f"{what}：解压后总大小超过 {MAX_PACKAGE // MB} MB 的上限（疑似压缩炸弹）")
    if sizes and max(sizes) > MAX_PACKAGE_PART:
        raise ReadError(
            f"{what}：其中一个部件解压后超过 {MAX_PACKAGE_PART // MB} MB 的上限（疑似压缩炸弹）"
        )


def read_part(z: zipfile.ZipFile, name: str, what: str, limit: int = MAX_XML_PART) -> bytes:
    """One part of a zip package, refused when it would unpack past `limit` (the size the
    directory states is checked first, then the bytes actually inflated, in case it lied)."""
    info = z.getinfo(name)
    if info.file_size > limit:
        raise ReadError(
            f"{what}：{name} 解压后 {info.file_size // MB} MB，超过 {limit // MB} MB 的上限（疑似压缩炸弹）"
        )
    with z.open(info) as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise ReadError(f"{what}：{name} 解压后超过 {limit // MB} MB 的上限（疑似压缩炸弹）")
    return data


_SPECIAL = (
    (stat.S_ISDIR, "目录"),
    (stat.S_ISCHR, "字符设备"),
    (stat.S_ISBLK, "块设备"),
    (stat.S_ISFIFO, "命名管道（FIFO）"),
    (stat.S_ISSOCK, "套接字"),
)


def check_file(path: str | os.PathLike) -> int:
    """The file's size in bytes; ReadError when it is missing, not a regular file (a device
    such as /dev/zero, a FIFO, a directory: refused by what it is, before it is opened, since
    reading one may never end), empty or too large."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadError(f"文件不存在：{path}") from None
    except OSError as e:
        raise ReadError(f"无法打开文件：{path}（{e.strerror or e}）") from None
    for test, name in _SPECIAL:
        if test(st.st_mode):
            raise ReadError(f"不是普通文件，而是{name}：{path}")
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(f"不是普通文件：{path}")
    if st.st_size == 0:
        raise ReadError(f"文件为空：{path}")
    if st.st_size > MAX_FILE_BYTES:
        raise ReadError(
            f"文件过大（{st.st_size / MB:.0f} MB，上限 {MAX_FILE_BYTES // MB} MB）：{path}"
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


def check_text(text: str) -> None:
    """ReadError for decoded text (a text file, a web page) too large to be a report."""
    if len(text) > MAX_TEXT_CHARS:
        raise ReadError(
            f"文本过大（{len(text) / MB:.0f} M 字符，上限 {MAX_TEXT_CHARS // MB} M），不像一份年度报告"
        )


class Deadline:
    """A time budget for reading one file, checked between pages, elements or rows."""

    def __init__(self, seconds: float = READ_SECONDS):
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self, what: str) -> None:
        if time.monotonic() > self.end:
            raise ReadError(f"读取超时（超过 {self.seconds:.0f} 秒）：{what}")


class Budget:
    """What one file may expand to, counted across all its tables and elements together: a
    reader takes from it before it builds, so that a breach is refused before the memory is
    spent. Time is checked every few thousand elements."""

    def __init__(self, deadline: Deadline | None = None):
        self.deadline = deadline or Deadline(TEXT_READ_SECONDS)
        self.cells = 0
        self.elements = 0
        self.glyphs = 0

    def take_cells(self, n: int) -> None:
        self.cells += n
        if self.cells > MAX_GRID_CELLS:
            raise ReadError(
                f"表格过大：展开合并单元格后超过 {MAX_GRID_CELLS} 个单元格的上限"
                "（跨行、跨列或表格范围声明得过大），不像一份年度报告"
            )

    def expect_elements(self, n: int) -> None:
        """Refuse at once a file whose markup shows more elements than the bound, before the
        slower work of building them one by one finds it out."""
        if self.elements + n > MAX_ELEMENTS:
            raise ReadError(f"文件结构过大：超过 {MAX_ELEMENTS} 个元素的上限，不像一份年度报告")

    def take_glyphs(self, n: int) -> None:
        self.glyphs += n
        if self.glyphs > MAX_GLYPHS:
            raise ReadError(f"文件文字过多：超过 {MAX_GLYPHS} 个字符的上限，不像一份年度报告")

    def take_element(self, depth: int = 0) -> None:
        self.elements += 1
        self.expect_elements(0)
        if depth > MAX_DEPTH:
            raise ReadError(f"文件嵌套过深：元素嵌套超过 {MAX_DEPTH} 层的上限，无法读取")
        if not self.elements % 4096:
            self.deadline.check(f"第 {self.elements} 个元素")


def check_text_shape(text: str) -> None:
    """ReadError for plain text with more lines, or more table cells (a cell is marked by a
    tab or a Markdown |), than a report could hold: each would become an object in memory."""
    lines = text.count("\n") + 1
    if lines > MAX_TEXT_LINES:
        raise ReadError(f"文本过长：{lines} 行，超过 {MAX_TEXT_LINES} 行的上限，不像一份年度报告")
    if text.count("|") + text.count("\t") > MAX_GRID_CELLS:
        raise ReadError(f"表格过大：超过 {MAX_GRID_CELLS} 个单元格的上限，不像一份年度报告")
