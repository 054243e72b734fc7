"""Office files: each dev report's web page (the page itself for the HTML in the corpus, the
page gongkai's writer makes for the others), saved as a Word document with its merged cells
as Word merges them, reads to the report's labels."""

import json
import sys
from pathlib import Path

import pytest

from gongkai.report.read import read_document, read_path
from gongkai.report.write import write
from gongkai.report.write.cells_json import cells

from ..conftest import SHARED

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fixtures"))
from docx_maker import from_document

DEV = SHARED / "corpus" / "dev"
TRUTHS = sorted(DEV.glob("*.truth.json"))


def _source(truth: Path) -> Path:
    stem = truth.name.removesuffix(".truth.json")
    for suffix in (".html", ".txt", ".pdf"):
        if (DEV / (stem + suffix)).exists():
            return DEV / (stem + suffix)
    pytest.skip(f"no source for {stem}")


def _flat(c: dict) -> list:
    return [c["year"], *c["table1"], *[v for row in c["table2"] for v in row], *c["table3"]]


@pytest.mark.parametrize("truth", TRUTHS, ids=lambda p: p.name.removesuffix(".truth.json"))
def test_the_web_page_saved_as_docx_reads_to_the_labels(tmp_path, truth):
    source = _source(truth)
    page = source
    if source.suffix != ".html":
        page = tmp_path / "page.html"
        page.write_bytes(write(read_path(source), "html"))
    saved = tmp_path / "report.docx"
    saved.write_bytes(from_document(read_document(page)))
    doc = read_document(saved)
    assert doc.kind == "docx" and any(c.origin for g in doc.grids for r in g.rows for c in r)
    got = _flat(cells(read_path(saved)))
    expected = _flat(json.loads(truth.read_text("utf-8")))
    assert [a for a, b in zip(got, expected) if a is not None and a != b] == []  # never wrong
    assert got == expected
