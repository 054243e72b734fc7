"""How page numbers and numbers look in printed text: each pattern written once, for every
reader and stage (entries, parts, page geometry).

A page number is never a value: in the running text of a dump it is dropped when it stands in
its printed marks ("— 4 —", "第4页", "第 4 页 共 6 页", "4/6"); in the top or bottom margin of a
page a bare "4" is one too. A value is a number as a table prints it (thousands separators,
decimals, a unit) or a mark that stands for one.
"""

from __future__ import annotations

from ..lazy_pattern import lazy
from ..model import UNITS

_MARKED_PAGE = (
    r"[-－—–]\s*\d{1,4}\s*[-－—–]"  # — 4 —
    r"|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共?\s*\d+\s*页)?"  # 第4页, 第 4 页 共 6 页, 第4页/6页
    r"|\d{1,4}\s*/\s*\d{1,4}"  # 4/6
)
#: a line that is only a page number in its printed marks (anywhere on a page, in any dump)
PAGE_FOOTER = lazy(rf"^\s*(?:{_MARKED_PAGE})\s*$")
#: what a page number in its printed marks starts with, after spaces: a dash, 第, or (4/6) a digit
_FOOTER_STARTS = "-－—–第"


def is_page_footer(text: str) -> bool:
    """`PAGE_FOOTER` matches `text`. Most lines are told apart by how they start, so a report
    whose lines are no page numbers never compiles the pattern (0.5 ms of a fresh `gongkai
    parse`, bench/parse_process.py): a dash or 第 then a digit, or a digit and a "/" (`\\s` and
    `\\d` are str.isspace and str.isdecimal)."""
    t = text.lstrip()
    if not t:
        return False
    if t[0] in _FOOTER_STARTS:
        if not t[1:].lstrip()[:1].isdecimal():
            return False
    elif not (t[0].isdecimal() and "/" in t):
        return False
    return PAGE_FOOTER.match(text) is not None


#: a line in a page's top or bottom margin that is only a page number, marked or bare
PAGE_NUMBER = lazy(rf"^\s*(?:{_MARKED_PAGE}|\d{{1,4}})\s*$")
#: a page number that lost one of its dashes on the way ("- 4"), as PDF-to-Markdown converters
#: leave it between a table's pieces: a page number there only (elsewhere it may be a value)
HALF_FOOTER = lazy(r"^\s*[-－—–]\s*\d{1,3}\s*$")

#: one printed value: a number (thousands separators, decimals, a sign, a unit after it), or
#: the decimals of a number cut at a line end ("6377" / ".54"): a value, not a label
NUMBER_TOKEN = lazy(
    rf"^[+-]?(?:\d{{1,3}}(?:[,，]\d{{3}})+|\d+)(?:\.\d+)?(?:{'|'.join(UNITS)})?$|^\.\d+$"
)
#: the glued digits of neighbouring cells, one of them signed (2019 本年增/减: "0-14" for 0 and
#: -14): one run of values, split by placement (glued.signed_alternatives)
GLUED_SIGNED = lazy(r"^\d+[+-]\d+$")
#: a number cut at its decimal point at a line end ("3805." before "84"): a value, not a label
CUT_DECIMAL = lazy(r"^\d+\.$")
#: a table cell's text made only of digits, signs, separators and the marks that stand for a
#: value ("/", "—", "无"): a value cell, not a label cell
VALUE_TEXT = lazy(r"^[\s\d.,，+\-/／—–－、无\\]*$")
