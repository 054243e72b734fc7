"""The one place the catalogue reaches the pre-publication scanner (`gongkai.review`,
条例第十七条): the item's text and each attachment are scanned, and every finding becomes a
Flag the reviewer settles. Without the scanner nothing is passed as clean: each text is one
未能扫描 flag."""

from __future__ import annotations

try:
    from gongkai.review import scan_file, scan_text
except ImportError:  # the scanner is a separate package of gongkai; never pass unscanned text
    scan_file = scan_text = None

UNSCANNED = "未能扫描"
NO_SCANNER = "扫描器不可用，须人工审查"


def text_flags(text: str) -> list[dict]:
    """Findings in the item's own text, as Flag fields."""
    if scan_text is None:
        return [{"kind": UNSCANNED, "excerpt": NO_SCANNER}] if text.strip() else []
    return [_fields(f) for f in scan_text(text)]


def file_flags(path) -> tuple[list[dict], str]:
    """Findings in an attachment, and the reason it could not be read ("" when it was)."""
    if scan_file is None:
        return [{"kind": UNSCANNED, "excerpt": NO_SCANNER}], NO_SCANNER
    result = scan_file(path)
    return [_fields(f) for f in result.flags], result.unscanned_reason or ""


def _fields(flag) -> dict:
    return {
        "kind": flag.kind,
        "line": flag.line,
        "page": flag.page,
        "excerpt": (flag.excerpt or "")[:300],
        "value_masked": (flag.value_masked or "")[:100],
    }
