"""`scan_text`: every detector over one text, overlaps settled, each hit placed on its line.

The text is read with full-width digits and letters (４２０１…, Ｘ) as their ASCII forms, one
character for one, so offsets stay those of the text given. Where two detectors claim the
same characters the first in DETECTORS keeps them: a valid identity number is not also a
bank card.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from . import bankcard, idcard, phone, secrecy
from .flags import Flag, Hit
from .mask import excerpt

DETECTORS = (idcard.find, bankcard.find, phone.find, secrecy.find)
_FULL_WIDTH = str.maketrans(
    {chr(0xFF10 + i): str(i) for i in range(10)}
    | {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}
    | {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}
    | {"\u3000": " ", "－": "-", "＋": "+"}
)


def hits(text: str, ocr: bool = False) -> list[Hit]:
    """The values found in `text`, in order, no two overlapping."""
    seen = text.translate(_FULL_WIDTH)
    kept: list[Hit] = []
    for find in DETECTORS:
        for hit in find(seen, ocr):
            if not any(hit.start < k.end and k.start < hit.end for k in kept):
                kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def scan_text(
    text: str,
    page: int | None = None,
    offset: int = 0,
    first_line: int = 1,
    ocr: bool = False,
) -> list[Flag]:
    """The flags of `text`. A caller scanning one page of a longer text passes the page
    number, the page's offset in the whole text and the line it starts on; `ocr` says the
    text was read by OCR (numbers with a wrong check digit are then flagged as misreads)."""
    found = hits(text, ocr)
    starts = line_starts(text)
    return [
        Flag(
            kind=h.kind,
            line=first_line + bisect_right(starts, h.start) - 1,
            page=page,
            start=offset + h.start,
            end=offset + h.end,
            excerpt=excerpt(text, h, found),
            value_masked=h.value_masked,
            detail=h.detail,
        )
        for h in found
    ]


def line_starts(text: str) -> Sequence[int]:
    """The offset at which each line of `text` starts."""
    out = [0]
    at = text.find("\n")
    while at >= 0:
        out.append(at + 1)
        at = text.find("\n", at + 1)
    return out
