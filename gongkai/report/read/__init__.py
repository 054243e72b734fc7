"""Read any annual report into a `Report`: `read_path(path)`.

The reader for the input kind turns the file into a `Document` (lines and grids with their
sources); `place.place` puts the printed values into the official cells. A file that is not
an annual report, or cannot be read, raises `ReadError` with a message for the user.
"""

from __future__ import annotations

import os

from ..model import Report
from .document import Document, NotAReport, ReadError
from .limits import check_file

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".csv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".mht"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}
#: every suffix a reader takes: what a folder is searched for (a named file is read whatever its
#: suffix, by its content first)
READABLE_SUFFIXES = frozenset(
    {
        *TEXT_SUFFIXES,
        *HTML_SUFFIXES,
        *IMAGE_SUFFIXES,
        ".doc",
        ".docx",
        ".xlsx",
        ".pdf",
        ".ofd",
        ".json",
    }
)


def read_document(path: str | os.PathLike) -> Document:
    """The file as a Document, chosen by its content first and its suffix second."""
    name = os.fspath(path)
    check_file(name)
    with open(name, "rb") as f:
        head = f.read(8)
    suffix = _suffix(name)
    if head.startswith(b"\xd0\xcf\x11\xe0") or suffix == ".doc":
        from .doc import read_doc

        return read_doc(_as_path(name))
    if head.startswith(b"%PDF") or suffix == ".pdf":
        from .pdf import read_pdf

        return read_pdf(name)
    if suffix == ".xlsx" or (
        head.startswith(b"PK\x03\x04") and _zip_holds(name, "xl/workbook.xml")
    ):
        from .xlsx import read_xlsx

        return read_xlsx(_as_path(name))
    if suffix == ".ofd" or (head.startswith(b"PK\x03\x04") and _zip_holds(name, "OFD.xml")):
        from .ofd import read_ofd

        return read_ofd(_as_path(name))
    if head.startswith(b"PK\x03\x04") or suffix == ".docx":
        from .docx import read_docx

        return read_docx(_as_path(name))
    if suffix in IMAGE_SUFFIXES or head.startswith((b"\x89PNG", b"\xff\xd8\xff")):
        from .ocr import read_image

        return read_image(_as_path(name))
    if suffix in HTML_SUFFIXES or _looks_html(name):
        from .html import read_html

        return read_html(_as_path(name))
    from .text import read_text

    return read_text(name)


def read_path(path: str | os.PathLike) -> Report:
    """The annual report in `path`."""
    name = os.fspath(path)
    check_file(name)
    if _suffix(name) == ".json":
        from .json import read_json

        return read_json(_as_path(name))
    from .place import place

    doc = read_document(name)
    report = place(doc)
    report.source_file = name
    return report


def _as_path(name: str):
    """`name` as the Path the other readers take. A text or PDF report is read without
    pathlib (with urllib.parse and ipaddress: 3-4 ms of a fresh `gongkai parse`,
    bench/parse_process.py)."""
    from pathlib import Path

    return Path(name)


def _suffix(name: str) -> str:
    """Path(name).suffix, lower case."""
    return os.path.splitext(os.path.basename(name))[1].lower()


def _zip_holds(p: str, name: str) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(p) as z:
            return name in z.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def _looks_html(name: str) -> bool:
    with open(name, "rb") as f:
        start = f.read(2048).lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<table" in start


__all__ = [
    "read_path",
    "read_document",
    "ReadError",
    "NotAReport",
    "Document",
    "READABLE_SUFFIXES",
]
