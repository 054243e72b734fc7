"""`scan_text`: every detector over one text, overlaps settled, each hit placed on its line.

The text is read with full-width digits and letters (４２０１…, Ｘ) as their ASCII forms, one
character for one, so offsets stay those of the text given. Where two detectors claim the
same characters the first in DETECTORS keeps them: a valid identity number is not also a
bank card.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
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


_HAS_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000－＋]+")


def hits(text: str, ocr: bool = False) -> list[Hit]:
    """The values found in `text`, in order, no two overlapping."""
    seen = _HAS_FULL_WIDTH.sub(lambda m: m.group().translate(_FULL_WIDTH), text)
    kept: list[Hit] = []  # in order of start, none overlapping
    starts: list[int] = []
    for find in DETECTORS:
        for hit in find(seen, ocr):
            i = bisect_left(starts, hit.end)  # kept[:i] start before this hit ends
            if i and kept[i - 1].end > hit.start:
                continue
            kept.insert(i, hit)
            starts.insert(i, hit.start)
    return kept


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
    found_at = [h.start for h in found]
    return [
        Flag(
            kind=h.kind,
            line=first_line + bisect_right(starts, h.start) - 1,
            page=page,
            start=offset + h.start,
            end=offset + h.end,
            excerpt=excerpt(text, h, found, found_at),
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
