"""Bytes to text for text files and web pages, in the encodings Chinese sites publish in.

In order: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 without a mark, which Windows
tools write ("Unicode" in Notepad's save dialog) and which is told by its zero bytes standing
on one side of every pair (the ASCII digits, spaces and line ends of a report); then UTF-8
(a text that decodes as UTF-8 is UTF-8), the charset the page declares, GB18030 (a superset
of GBK and GB2312). A file with zero bytes in no such pattern is binary, not text.
"""

from __future__ import annotations

import codecs

from .document import ReadError
from .limits import check_text

_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_GB = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030", "x-euc-cn", "euc-cn"}
_SAMPLE = 8192
#: at most this share of replaced characters in text read with a best-effort decoding
_MAX_REPLACED = 0.01


def decode(data: bytes, declared: str | None = None) -> str:
    """The text `data` holds; `declared` is the charset a web page names, if any.
    ReadError for binary content, an unknown encoding or text too large to be a report."""
    text = _decode(data, declared)
    check_text(text)
    return text


def _decode(data: bytes, declared: str | None) -> str:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, "replace")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, "replace")
    if b"\x00" in data[:_SAMPLE]:
        raise ReadError("不是文本文件：内容含有二进制数据")
    declared = (declared or "").lower() or None
    if declared in _GB:
        declared = "gb18030"
    for enc in dict.fromkeys(["utf-8", declared or "utf-8", "gb18030"]):
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    text = data.decode("gb18030", "replace")
    if text.count("\ufffd") > _MAX_REPLACED * len(text):
        raise ReadError("无法识别文本编码（不是 UTF-8、UTF-16 或 GB18030）")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when the zero bytes of the file's start stand on one side
    of the byte pairs (and the whole decodes), else None."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4 or len(data) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    pairs = len(sample) // 2
    for zeros, other, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= pairs // 50 + 1 and other * 10 <= zeros:
            try:
                data.decode(enc)
            except UnicodeDecodeError:
                return None
            return enc
    return None
