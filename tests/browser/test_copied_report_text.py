"""A report page copied as text from a browser (its innerText: tab-separated table rows) reads
back exactly: what a supervising office gets when someone pastes a web page into a file."""

import pytest

from gongkai.report.read import read_path
from gongkai.report.write import write
from gongkai.report.write.cells_json import cells

from ..report.conftest import labelled


@pytest.mark.parametrize("path,truth", labelled((".txt", ".pdf")))
def test_the_text_a_browser_copies_from_a_report_page_reads_exactly(page, path, truth, tmp_path):
    html = tmp_path / "report.html"
    html.write_bytes(write(read_path(path), "html"))
    page.goto(html.as_uri())
    copied = tmp_path / (path.stem + ".copied.txt")
    copied.write_text(page.evaluate("document.body.innerText"), "utf-8")
    got = cells(read_path(copied))
    assert [got["year"], got["table1"], got["table2"], got["table3"]] == [
        truth["year"],
        truth["table1"],
        truth["table2"],
        truth["table3"],
    ]
