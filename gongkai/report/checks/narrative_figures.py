"""Reading figures out of the narrative parts (domain-spec §4.6).

Text from PDFs breaks lines inside numbers and phrases ("行政复议351\\n件"), and prints
full-width digits and punctuation. The narrative is therefore matched in a flat form: NFKC
(full-width to half-width, "，" to ",") with all whitespace removed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

_WS = re.compile(r"\s+")
_CLAUSE_END = "。;!?"


@lru_cache(maxsize=64)  # every T- rule reads the same parts
def flat(text: str) -> str:
    return _WS.sub("", unicodedata.normalize("NFKC", text or ""))


@dataclass(frozen=True)
class Mention:
    """A figure the narrative states: its value, the matched words and the sentence around it."""

    value: Decimal
    start: int
    end: int
    sentence: str
    groups: tuple

    @property
    def count(self) -> int:
        return int(self.value)


def sentence_at(text: str, start: int, end: int, limit: int = 80) -> str:
    """The sentence holding text[start:end], cut to `limit` characters around the match."""
    left = max((text.rfind(c, 0, start) for c in _CLAUSE_END), default=-1) + 1
    rights = [i for i in (text.find(c, end) for c in _CLAUSE_END) if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    s = text[left:right]
    if len(s) <= limit:
        return s
    a = max(0, start - left - limit // 2)
    return ("…" if a else "") + s[a : a + limit] + "…"


def mentions(
    pattern: str | re.Pattern, text: str, taken: list[tuple[int, int]] | None = None
) -> list[Mention]:
    """Every match of `pattern` whose first group is a number, skipping spans already `taken`
    by a more specific pattern (and marking its own spans as taken)."""
    out = []
    for m in re.finditer(pattern, text):
        if taken is not None:
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
        out.append(
            Mention(
                Decimal(m.group(1)),
                m.start(),
                m.end(),
                sentence_at(text, m.start(), m.end()),
                m.groups(),
            )
        )
    return out
