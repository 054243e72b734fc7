"""Label normalisation: printed labels differ in whitespace, full/half-width forms and punctuation.

domain-spec §8.2: remove every whitespace character, unify full- and half-width brackets,
digits and quotes, and ignore the separator inside long row labels (、 or ，).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .lazy_pattern import lazy

_WS = lazy(r"\s+")
#: the number a printed row label starts with: 一、 （一） (一) 1. 1、
ROW_MARK = lazy(
    r"^\s*(?:[一二三四五六七八九十]+\s*、|[（(]\s*[一二三四五六七八九十]+\s*[)）]|\d{1,2}\s*[.、．])"
)
#: quotes, brackets, dashes and separators as one form each; replaced one by one, not by
#: str.translate with a dict, which costs a lookup that fails (an exception) per character:
#: 15 µs a label instead of 0.5 µs
_QUOTES = tuple(
    {
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "「": '"',
        "」": '"',
        "〔": "[",
        "〕": "]",
        "【": "[",
        "】": "]",
        "—": "-",
        "–": "-",
        "－": "-",
        "、": ",",
        "，": ",",
        "．": ".",
    }.items()
)
_PUNCT = lazy(r"[\s\"'()\[\],.;:!?·、，。；：“”‘’（）《》<>\-_/|*#]+")


@lru_cache(maxsize=8192)  # the same labels come back in every table and every report
def norm(text: str) -> str:
    """Whitespace removed, full-width folded to half-width (NFKC), quotes and separators unified."""
    for mark, plain in _QUOTES:
        if mark in text:
            text = text.replace(mark, plain)
    return _WS.sub("", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=8192)
def loose(text: str) -> str:
    """`norm` without any punctuation: for matching labels whose separators vary."""
    return _PUNCT.sub("", norm(text))
