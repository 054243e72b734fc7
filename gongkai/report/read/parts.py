"""Cut a document into the six parts by their titles (domain-spec §2.2).

A part title is a line "一、总体情况" (numeral, 、, then the title or one of its known variants).
Table rows that look alike ("三、本年度办理结果", "四、结转下年度继续办理") are not titles because
their text is not a part title. Parts 二–四 hold tables 1–3; a grid found outside them is
assigned by the labels it carries.
"""

from __future__ import annotations

from ..formats import (
    APPLICANTS,
    BALANCE_NOTE,
    LITIGATION,
    NUMERALS,
    TABLE1_2019,
    TABLE1_2021,
    TABLE2_2021,
    TABLE3,
    Format,
)
from ..lazy_pattern import lazy
from ..model import TextPart
from ..normalize import loose, norm
from ..record import Record
from .document import Document, Grid, Line
from .numbers import is_page_footer

_TITLE = lazy(rf"^\s*([{NUMERALS}])\s*(?:[、.．，,]|\s)\s*(.+)$")
_T1_START = loose(TABLE1_2021.rows[0].block)  # 第二十条第（一）项
_T2_START = (
    loose(TABLE2_2021.rows[0].label)[:14],
    loose(BALANCE_NOTE)[:8],
)  # 一、本年新收… / the 勾稽 note
_T3_START = (loose(TABLE3.rows[0].label), loose(TABLE3.rows[0].label + LITIGATION))
#: labels that tell which table a grid outside parts 二–四 holds (compared after `norm`)
_SIGNATURES = tuple(
    (table.key, tuple(norm(label) for label in labels))
    for table, labels in (
        (
            TABLE1_2021,
            (
                TABLE1_2021.rows[0].columns[0].label,  # 本年制发件数
                TABLE1_2019.rows[0].columns[0].label,  # 本年新制作数量
                TABLE1_2021.rows[0].block,  # 第二十条第（一）项
                TABLE1_2021.title,
            ),
        ),
        (TABLE2_2021, (APPLICANTS, *TABLE2_2021.rows[0].keywords, TABLE2_2021.title)),
        (TABLE3, (TABLE3.rows[0].label,)),  # 行政复议
    )
)


class Region(Record):
    def __init__(
        self,
        part: int | None,
        title: str = "",
        source: Line | None = None,
        blocks: list[Line | Grid] | None = None,
        table: str | None = None,
    ) -> None:
        self.part = part  # 1..6, None before the first title
        self.title = title
        self.source = source
        self.blocks: list[Line | Grid] = [] if blocks is None else blocks
        self.table = table  # t1/t2/t3 for parts 二–四

    def text_part(self) -> TextPart:
        if self.part is None:
            raise ValueError("the text before the first part title is no part")
        body = "\n".join(
            b.text for b in self.blocks if isinstance(b, Line) and not is_page_footer(b.text)
        )
        src = self.source.source if self.source else None
        return TextPart(
            self.part,
            self.title,
            body.strip(),
            src.line if src else None,
            src.page if src else None,
        )


_MAX_WORDED = 30  # a title worded otherwise is short; a sentence that starts "一、" is not


def part_title(text: str, fmt: Format, after: int = 0) -> tuple[int, str] | None:
    """(part number, printed title) when `text` is a part title line: one of the known titles,
    or, for a part that comes after part `after`, a short title with the part's key words
    ("三、收到和处理政府信息公开申请的情况")."""
    m = _TITLE.match(text)
    if not m:
        return None
    number = NUMERALS.index(m.group(1)) + 1
    rest = loose(m.group(2))
    part = fmt.parts[number - 1]
    printed = f"{m.group(1)}、{m.group(2).strip()}"
    if any(rest.startswith(loose(title)) for title in part.titles):
        return number, printed
    if (
        number > after
        and len(rest) <= _MAX_WORDED
        and not rest[-1:].isdigit()
        and any(all(w in rest for w in words) for words in part.keywords)
    ):
        return number, printed
    return None


def split_parts(doc: Document, fmt: Format) -> list[Region]:
    regions = [Region(None)]
    seen: set[int] = set()
    for block in doc.blocks:
        if isinstance(block, Line):
            hit = part_title(block.text, fmt, max(seen, default=0))
            if hit and hit[0] not in seen:
                seen.add(hit[0])
                table = {t.part: t.key for t in fmt.tables}.get(hit[0])
                regions.append(Region(hit[0], hit[1], block, [], table))
                continue
            table = line_table(block.text) if regions[-1].table is None else None
            if table and all(r.table != table for r in regions):
                regions.append(Region(None, "", None, [], table))  # a table whose title was lost
        else:
            pieces = split_grid(block)
            if len(pieces) > 1 or (pieces[0][0] and pieces[0][0] != regions[-1].table):
                for table, grid in pieces:
                    if table and table != regions[-1].table:
                        regions.append(Region(None, "", None, [], table))
                    regions[-1].blocks.append(grid)
                continue
        regions[-1].blocks.append(block)
    return regions


def line_table(text: str) -> str | None:
    """The table a line of text starts when its part title is missing: its first header or row."""
    t = loose(text)
    if t.startswith(_T1_START):
        return "t1"
    if t.startswith(_T2_START):
        return "t2"
    if t in _T3_START:
        return "t3"
    return None


def row_table(texts: list[str]) -> str | None:
    """The table whose header a grid row holds, if it holds one."""
    text = norm("".join(texts))
    for key, words in _SIGNATURES:
        if any(w in text for w in words):
            return key
    return None


def split_grid(grid: Grid) -> list[tuple[str | None, Grid]]:
    """A grid cut where another table's header starts (some pages print all three tables,
    and even the part titles, in one <table>)."""
    pieces: list[tuple[str | None, Grid]] = []
    current: str | None = None
    rows: list = []
    for row in grid.rows:
        table = row_table([c.text for c in row])
        if table and table != current and not (current == "t2" and table == "t1"):
            if rows:
                pieces.append((current, Grid(rows, grid.source)))
            current, rows = table, []
        rows.append(row)
    pieces.append((current, Grid(rows, grid.source)))
    return pieces
