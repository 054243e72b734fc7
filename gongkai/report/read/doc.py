"""Legacy Word (.doc, Word 97–2003): the text of the document, each table cell on its own line.

A .doc is an OLE2 compound file; its text lives in the WordDocument stream in pieces listed
by the piece table (the CLX in the 0Table/1Table stream) — 8-bit (cp1252) or UTF-16LE pieces
([MS-DOC] 2.4.1 "Retrieving Text"). Table cells end in a cell mark (\\x07) instead of a
paragraph mark. Without the table properties a blank cell cannot be told from a row end, so
cells are given as lines and placed as in any text dump: by their row labels, a row with a
missing value left unreadable rather than shifted.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

from ..model import Source
from .document import Document, Line, ReadError
from .limits import MAX_OLE_STREAM, MB

NOT_DOC = "不是有效的 Word 97–2003（.doc）文件"
_FIELD = re.compile(
    r"\x13[^\x13\x14\x15]*\x14?([^\x13\x14\x15]*)\x15"
)  # field code → its shown result
_BREAKS = re.compile(r"[\r\x07\x0b\x0c]")


def read_doc(path: str | Path) -> Document:
    import olefile

    try:
        if not olefile.isOleFile(str(path)):
            raise ReadError(NOT_DOC)
        with olefile.OleFileIO(str(path)) as ole:
            word = _stream(ole, "WordDocument")
            text = _text(ole, word)
    except (OSError, struct.error, IndexError, ValueError) as e:
        raise ReadError(f"{NOT_DOC}（{e}）") from None
    doc = Document(kind="doc", path=str(path))
    for i, piece in enumerate(_BREAKS.split(_FIELD.sub(r"\1", text))):
        piece = piece.strip().replace("\x01", "").replace("\x08", "")
        if piece:
            doc.blocks.append(Line(piece, Source("doc", line=i + 1)))
    return doc


def _stream(ole, name: str) -> bytes:
    if not ole.exists(name):
        raise ReadError(f"{NOT_DOC}：缺少 {name} 流")
    if ole.get_size(name) > MAX_OLE_STREAM:
        raise ReadError(f"{NOT_DOC}：{name} 流超过 {MAX_OLE_STREAM // MB} MB 的上限")
    return ole.openstream(name).read()


def _text(ole, word: bytes) -> str:
    """The document text, piece by piece, from the piece table ([MS-DOC] 2.8.35 PlcPcd)."""
    (ident,) = struct.unpack_from("<H", word, 0)
    if ident != 0xA5EC:
        raise ReadError(f"{NOT_DOC}：文件头标识不对")
    (flags,) = struct.unpack_from("<H", word, 0x0A)
    if flags & 0x0100:
        raise ReadError("这个 Word 文件设置了密码，无法读取")
    table = _stream(ole, "1Table" if flags & 0x0200 else "0Table")
    fc_clx, lcb_clx = struct.unpack_from("<II", word, 0x01A2)
    clx = table[fc_clx : fc_clx + lcb_clx]
    i = 0
    while i < len(clx) and clx[i] == 0x01:  # Prc: property modifiers, skipped
        i += 3 + struct.unpack_from("<H", clx, i + 1)[0]
    if i >= len(clx) or clx[i] != 0x02:
        raise ReadError(f"{NOT_DOC}：找不到文字分段表")
    (lcb,) = struct.unpack_from("<I", clx, i + 1)
    plc = clx[i + 5 : i + 5 + lcb]
    n = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    out = []
    for k in range(n):
        (fc,) = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)
        count = cps[k + 1] - cps[k]
        if fc & 0x40000000:  # 8-bit piece
            start = (fc & ~0x40000000) // 2
            out.append(word[start : start + count].decode("cp1252", errors="replace"))
        else:
            out.append(word[fc : fc + 2 * count].decode("utf-16-le", errors="replace"))
    return "".join(out)
