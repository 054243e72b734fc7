"""The one place the catalogue reaches the pre-publication scanner (`gongkai.review`,
条例第十七条): the item's text and each attachment are scanned, and every finding becomes a
Flag the reviewer settles. A file the scanner could not read comes back as its 未能扫描 flag,
never as clean."""

from __future__ import annotations

from gongkai.review import scan_file, scan_text
from gongkai.review.flags import UNSCANNED


def text_flags(text: str) -> list[dict]:
    """Findings in the item's own text, as Flag fields."""
    return [_fields(f) for f in scan_text(text)]


def file_flags(path) -> tuple[list[dict], str]:
    """Findings in an attachment, and the reason it could not be read ("" when it was). A
    file that breaks the scanner is 未能扫描 too: one bad file must not stop the worker."""
    try:
        result = scan_file(path)
    except Exception as e:  # noqa: BLE001 - reported as 未能扫描, never passed as clean
        reason = f"扫描时出错：{type(e).__name__}"
        return [{"kind": UNSCANNED, "line": None, "page": None, "excerpt": reason}], reason
    return [_fields(f) for f in result.flags], result.unscanned_reason or ""


def _fields(flag) -> dict:
    return {
        "kind": flag.kind,
        "line": flag.line,
        "page": flag.page,
        "excerpt": (flag.excerpt or "")[:300],
        "value_masked": (flag.value_masked or "")[:100],
    }
