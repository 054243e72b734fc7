"""Label normalisation: printed labels differ in whitespace, full/half-width forms and punctuation.

domain-spec §8.2: remove every whitespace character, unify full- and half-width brackets,
digits and quotes, and ignore the separator inside long row labels (、 or ，).
"""
from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "〔": "[", "〕": "]",
                         "【": "[", "】": "]", "—": "-", "–": "-", "－": "-", "、": ",", "，": ",", "．": "."})
_PUNCT = re.compile(r"[\s\"'()\[\],.;:!?·、，。；：“”‘’（）《》<>\-_/|*#]+")


def norm(text: str) -> str:
    """Whitespace removed, full-width folded to half-width (NFKC), quotes and separators unified."""
    return _WS.sub("", unicodedata.normalize("NFKC", text.translate(_QUOTES)))


def loose(text: str) -> str:
    """`norm` without any punctuation: for matching labels whose separators vary."""
    return _PUNCT.sub("", norm(text))
