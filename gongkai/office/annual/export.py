"""Export a report as DOCX, HTML or PDF with the report engine's writers.

PDF needs a program that lays out CJK text: headless Chromium prints the HTML writer's page
(the page CSS asks for A4 and the Noto CJK fonts), else LibreOffice converts the DOCX. When
neither is installed the office says so instead of offering a broken file.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from gongkai.report.formats import report_title
from gongkai.report.model import Report

log = logging.getLogger(__name__)

#: what the person is told: which program makes the PDF is the administrator's business (the log
#: names it), not the clerk's
NO_PDF = "本系统暂时不能生成 PDF，请联系系统管理员；也可导出 DOCX 或 HTML 后自行打印。"
PDF_FAILED = "生成 PDF 失败，请稍后再试；也可导出 DOCX 或 HTML 后自行打印。"
CHROMIUM = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
LIBREOFFICE = ("soffice", "libreoffice")
TIMEOUT = 120
#: one PDF conversion at a time per process: each starts a browser of about 1 GB; a second
#: request waits this long for its turn, then is told to try again
PDF_AT_ONCE = threading.BoundedSemaphore(1)
PDF_WAIT_SECONDS = 30


class PdfUnavailable(Exception):
    """Neither Chromium nor LibreOffice is installed, or the conversion failed."""


@dataclass(frozen=True)
class Export:
    data: bytes
    content_type: str
    filename: str


CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
}


def _which(names) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def pdf_engine() -> str | None:
    """'chromium', 'libreoffice' or None: what will make the PDF on this machine."""
    if _which(CHROMIUM):
        return "chromium"
    if _which(LIBREOFFICE):
        return "libreoffice"
    return None


def _run(cmd: list[str], produced: Path) -> bytes:
    if not PDF_AT_ONCE.acquire(timeout=PDF_WAIT_SECONDS):
        raise PdfUnavailable("正在生成其他 PDF，请稍后再试；也可先导出 DOCX 或 HTML。")
    try:
        subprocess.run(cmd, check=True, capture_output=True, timeout=TIMEOUT)
    except (OSError, subprocess.SubprocessError) as e:
        log.warning("PDF export failed: %s: %s", type(e).__name__, e)
        raise PdfUnavailable(PDF_FAILED) from e
    finally:
        PDF_AT_ONCE.release()
    if not produced.exists() or produced.stat().st_size == 0:
        log.warning("PDF export failed: %s wrote no file", cmd[0])
        raise PdfUnavailable(PDF_FAILED)
    return produced.read_bytes()


def pdf_from_html(html: bytes) -> bytes:
    """Chromium prints the page, without the header and footer it adds by default."""
    with tempfile.TemporaryDirectory(prefix="gongkai-pdf-") as tmp:
        page, out = Path(tmp, "report.html"), Path(tmp, "report.pdf")
        page.write_bytes(html)
        return _run(
            [
                _which(CHROMIUM),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={tmp}/profile",
                "--no-pdf-header-footer",
                f"--print-to-pdf={out}",
                page.as_uri(),
            ],
            out,
        )


def pdf_from_docx(docx: bytes) -> bytes:
    with tempfile.TemporaryDirectory(prefix="gongkai-pdf-") as tmp:
        src = Path(tmp, "report.docx")
        src.write_bytes(docx)
        return _run(
            [
                _which(LIBREOFFICE),
                f"-env:UserInstallation=file://{tmp}/lo",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(src),
            ],
            Path(tmp, "report.pdf"),
        )


def export(report: Report, kind: str) -> Export:
    """The report as `kind` (docx, html or pdf). Raises PdfUnavailable for a PDF that cannot be made."""
    from gongkai.report.write import write

    name = f"{report_title(report.agency, report.year)}.{kind}"
    if kind == "pdf":
        engine = pdf_engine()
        if engine == "chromium":
            data = pdf_from_html(write(report, "html"))
        elif engine == "libreoffice":
            data = pdf_from_docx(write(report, "docx"))
        else:
            log.warning("PDF export: neither %s nor %s is installed", CHROMIUM, LIBREOFFICE)
            raise PdfUnavailable(NO_PDF)
        return Export(data, CONTENT_TYPES["pdf"], name)
    if kind not in ("docx", "html"):
        raise KeyError(kind)
    return Export(write(report, kind), CONTENT_TYPES[kind], name)
