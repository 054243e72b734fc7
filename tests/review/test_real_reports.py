"""Real published annual reports (the shared corpus) hold no personal data or secrecy marks:
the scanner must raise nothing on them, in any of their published forms."""

from __future__ import annotations

import pytest

from gongkai.review import scan_file

from ..report.conftest import DEV, SHARED

FILES = sorted(
    p
    for p in [*DEV.glob("*"), *(SHARED / "corpus" / "reference").glob("*.docx")]
    if p.suffix in {".txt", ".pdf", ".html", ".docx"}
) + [__import__("pathlib").Path(__file__).parents[1] / "fixtures" / "01_huaian_2024.doc"]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_a_published_report_raises_nothing(path):
    if not path.exists():
        pytest.skip(f"not here: {path}")
    result = scan_file(path)
    assert result.flags == [] and result.unscanned_reason is None
    assert len(result.text) > 1000  # the whole document was read, not an empty page
