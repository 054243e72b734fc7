"""密级标志: the marks of a classified or internal document, which must never reach the public.

条例第十四条 withholds 国家秘密; 第十七条 has every item reviewed under the state-secrets law
before it is published. A classified document carries its level (绝密, 机密, 秘密, 保守国家秘密法
第十三条) as a mark: the level, ★, and the period of secrecy (秘密★1年, 机密★长期,
绝密★启用前), in the top-left corner of a 公文 (GB/T 9704-2012 7.2.2 [U: the clause number]).
Internal material is marked 内部资料, 内部文件, 注意保存.

What is flagged, so that legal prose is not: a level followed by ★ (or a dot or brackets and
a period), a level after 密级：, 注意保存 anywhere, and 内部资料/内部文件 standing as a mark:
a line of marks only, in brackets, or followed by a handling instruction (请勿外传). The bare
words are not marks: "涉及国家秘密的不予公开", "商业秘密", "属于内部文件的…" pass.
"""

from __future__ import annotations

import re

from .flags import SECRECY_MARK, Hit

LEVELS = ("绝密", "机密", "秘密")


def spaced(*words: str) -> str:
    """The words as a pattern that also matches them letter-spaced (秘 密, 内 部 资 料), as a
    heading set with character spacing comes out of a PDF."""
    return "(?:" + "|".join("[ \t\u3000]?".join(map(re.escape, w)) for w in words) + ")"


LEVEL = spaced(*LEVELS)
STAR = r"[★☆✩✪✭✮✯✰✱＊*]"
#: the period of secrecy: N年 / N个月, 长期, until a date, or until the paper is used (exams)
TERM = r"(?:\d+\s*(?:年|个月|月)|长期|启用前|\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:前)?(?:解密)?)"
_LEVEL_MARK = re.compile(
    rf"{LEVEL}\s*{STAR}\s*(?:{TERM})?"
    rf"|{LEVEL}\s*[·•・.．]\s*{TERM}"
    rf"|{LEVEL}\s*[（(]\s*{TERM}\s*[）)]"
    rf"|密\s*级\s*[:：]\s*{LEVEL}(?:\s*{STAR}\s*(?:{TERM})?)?"
)
INTERNAL = ("内部资料", "内部文件", "内部材料", "内部刊物", "内部参考")
HANDLING = ("注意保存", "请勿外传", "不得外传", "严禁外传", "妥善保管", "注意保密", "免费交流")
_INTERNAL = re.compile(spaced(*INTERNAL))
_ALWAYS = re.compile(spaced("注意保存"))
_FOLLOWED = re.compile(rf"[ \t\u3000]*[，,、：:]?[ \t\u3000]*{spaced(*HANDLING)}")
_BRACKETED = re.compile(r"[【\[（(〔<《]\s*$")
_CLOSED = re.compile(r"^\s*[】\]）)〕>》]")
#: what may stand with the marks on a line of its own (spaces, brackets, punctuation, ★)
_MARK_LINE_FILLER = re.compile(r"[\s【】\[\]（）()〔〕<>《》，,、。.:：★☆*＊]")


def find(text: str, ocr: bool = False) -> list[Hit]:
    """The secrecy marks in `text` (OCR text is read the same way)."""
    out = [_hit(m, "") for m in _LEVEL_MARK.finditer(text)]
    for m in _INTERNAL.finditer(text):
        if _stands_as_mark(text, m):
            handling = _FOLLOWED.match(text, m.end())
            out.append(_hit(m, "内部资料标注", handling.end() if handling else m.end()))
    covered = [(h.start, h.end) for h in out]
    for m in _ALWAYS.finditer(text):
        if not any(s <= m.start() < e for s, e in covered):
            out.append(_hit(m, "内部资料标注"))
    return out


def _hit(m: re.Match, detail: str, end: int | None = None) -> Hit:
    """The mark as printed; `end` stretches it over a handling instruction printed with it
    (内部资料 注意保存 is one mark)."""
    end = m.end() if end is None else end
    return Hit(SECRECY_MARK, m.start(), end, m.string[m.start() : end], detail)


def _stands_as_mark(text: str, m: re.Match) -> bool:
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start : m.start()], text[m.end() : line_end]
    if _FOLLOWED.match(after):
        return True
    if _BRACKETED.search(before) and _CLOSED.match(after):
        return True
    rest = _MARK_LINE_FILLER.sub("", before + after)
    for word in (*INTERNAL, *HANDLING):
        rest = rest.replace(word, "")
    return not rest
