"""What a person is shown of a found value: enough to find it in the document, not the value.

A reviewer's screen, a terminal and a JSON log are all places a leak can spread to, so every
excerpt shows personal values masked: 4201**********1234, 138****5678.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .flags import Hit

#: characters of context shown on each side of a value in an excerpt
CONTEXT = 16
#: no value found is longer than this (a card number printed in groups, a mark with its term)
MAX_VALUE = 40


def mask(value: str, keep_start: int, keep_end: int) -> str:
    """`value`'s digits and letters starred except the first `keep_start` and last
    `keep_end` of them; separators (spaces, hyphens, +) kept as printed."""
    positions = [i for i, ch in enumerate(value) if ch.isalnum()]
    hidden = set(positions[keep_start : len(positions) - keep_end])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(value))


def excerpt(text: str, hit: Hit, hits: list[Hit], starts: list[int]) -> str:
    """The line around `hit`, at most CONTEXT characters each side, with every hit that falls
    in the window shown masked (a phone beside an ID number is masked too). `hits` are in
    order and do not overlap; `starts` are their start offsets."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.end)
    line_end = len(text) if line_end < 0 else line_end
    lo = max(line_start, hit.start - CONTEXT)
    hi = min(line_end, hit.end + CONTEXT)
    near = hits[max(0, bisect_left(starts, lo - MAX_VALUE)) : bisect_right(starts, hi)]
    for other in near:  # never cut a masked value in two
        if other.start < lo < other.end:
            lo = other.start
        if other.start < hi < other.end:
            hi = other.end
    out, at = [], lo
    for other in near:
        if other.end <= lo or other.start >= hi:
            continue
        out.append(text[at : other.start])
        out.append(other.value_masked)
        at = other.end
    out.append(text[at:hi])
    body = "".join(out).replace("\t", " ").strip()
    return ("…" if lo > line_start else "") + body + ("…" if hi < line_end else "")
