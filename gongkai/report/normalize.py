"""Label normalisation: printed labels differ in whitespace, full/half-width forms and punctuation.

domain-spec §8.2: remove every whitespace character, unify full- and half-width brackets,
digits and quotes, and ignore the separator inside long row labels (、 or ，).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .lazy_pattern import lazy

_WS = lazy(r"\s+")
#: the numerals of a row's Chinese numbering: 三、 （三）
CN_NUMERALS = "一二三四五六七八九十"
#: the number a printed row label starts with: 一、 （一） (一) 1. 1、
ROW_MARK = lazy(
    rf"^\s*(?:[{CN_NUMERALS}]+\s*、|[（(]\s*[{CN_NUMERALS}]+\s*[)）]|\d{{1,2}}\s*[.、．])"
)


def has_row_mark(text: str) -> bool:
    """`ROW_MARK` matches `text`; a text that does not start (after spaces) with a numeral, a
    bracket or a digit is told so without compiling it (its classes of Han numerals cost re
    0.9 ms in a fresh process)."""
    t = text.lstrip()
    if not t or not (t[0] in CN_NUMERALS or t[0] in "（(" or t[0].isdecimal()):
        return False
    return ROW_MARK.match(text) is not None


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
