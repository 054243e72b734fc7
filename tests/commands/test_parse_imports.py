"""`gongkai parse` loads only what the input needs: a text report starts no PDF or OCR engine
and no office, a PDF with a text layer only pdfium itself (read/pdfium.py: not pypdfium2's
helpers nor its raw binding, not pdfminer, no OCR): each is tens of milliseconds of every run (bench/parse_process.py prints the
whole-process time). Nor any other sub-command's module, nor `dataclasses` (with `inspect`) or
`typing`, which the reader's records do without (report/record.py), nor `pathlib` (with
`urllib.parse` and `ipaddress`), which a text or PDF report is read without.

The probe runs as a wheel install does: without `site`, so the editable-install finder of a
development venv (which imports pathlib itself) does not hide what gongkai imports."""

import json
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from ..corpus import DEV, skip_reason

#: what no parse of these inputs may import
NEVER = (
    *("django", "dask", "pdfplumber", "pdfminer", "cryptography", "rapidocr", "onnxruntime"),
    *("dataclasses", "inspect"),
)
NOT_FOR_TEXT = (
    *NEVER,
    "pypdfium2",
    "pypdfium2_raw",
    "numpy",
    "cv2",
    "PIL",
    "lxml",
    "openpyxl",
    "docx",
    "typing",
    "shutil",  # argparse's help formatter imports it unless told the width (arguments.py)
    "pathlib",
)
NOT_FOR_PDF = (
    *NEVER,
    *("pypdfium2", "pypdfium2_raw", "numpy", "cv2", "lxml", "openpyxl", "docx", "pathlib"),
)
GONGKAI_NOT_FOR_TEXT = ("ocr", "pdf", "pdf_tables", "layout", "html", "docx", "xlsx")

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, os, sys
sys.path[:0] = sys.argv[2:]
from gongkai.cli import main
sys.stdout = open(os.devnull, "w")
code = main(["parse", sys.argv[1], "--to", "cells"])
sys.stdout = sys.__stdout__
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _modules(path) -> set[str]:
    if not path.exists():
        pytest.skip(skip_reason(path))
    out = subprocess.run(
        [sys.executable, "-S", "-c", PROBE, str(path), str(ROOT), sysconfig.get_path("purelib")],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(out.stdout)
    assert result["code"] == 0
    return set(result["modules"])


def _tops(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_a_text_report_loads_no_pdf_ocr_or_office_code():
    modules = _modules(DEV / "00_guantouzhen_2024.txt")
    assert _tops(modules) & set(NOT_FOR_TEXT) == set()
    read = {m.rsplit(".", 1)[1] for m in modules if m.startswith("gongkai.report.read.")}
    assert read & set(GONGKAI_NOT_FOR_TEXT) == set()
    assert not any(m.startswith(("gongkai.office", "gongkai.supervision")) for m in modules)
    commands = {m for m in modules if m.startswith("gongkai.commands.")}
    assert commands <= {f"gongkai.commands.{m}" for m in ("parse", "arguments", "output")}


def test_a_pdf_with_a_text_layer_loads_no_pdfminer_or_ocr():
    modules = _modules(DEV / "01_huaian_2024.pdf")
    assert "gongkai.report.read.pdfium" in modules
    assert _tops(modules) & set(NOT_FOR_PDF) == set()
    assert "gongkai.report.read.ocr" not in modules
