"""What every input kind is turned into before cells are placed: lines of text and grids.

A reader's only job is to turn its file into a `Document` (paragraph lines and table grids in
reading order, each piece with its `Source`). Placing values into the official cells by
their row and column labels is done once, in `place.py`, for every input kind.
"""

from __future__ import annotations

import unicodedata

from ..lazy_pattern import lazy
from ..model import Source
from ..record import Record


class ReadError(Exception):
    """The input cannot be read as an annual report; the message says why (exit 2)."""


class NotAReport(ReadError):
    """The input was read but holds no annual report (a README, a notice, a blank page)."""


class Line(Record):
    """One line of running text (or one flattened table cell in a text dump)."""

    def __init__(self, text: str, source: Source) -> None:
        self.text = text
        self.source = source


class GridCell(Record):
    """One cell of a table grid. A merged cell is repeated in every slot it covers, with
    `origin` pointing at the slot (row, col) where it starts."""

    def __init__(
        self, text: str, source: Source, origin: tuple[int, int] | None = None, note: str = ""
    ) -> None:
        self.text = text
        self.source = source
        self.origin = origin
        #: what the file attaches to the cell besides its text (a comment, a tooltip): gongkai's
        #: writers mark an unreadable cell there (model.UNREADABLE_NOTE)
        self.note = note

    @property
    def spanned(self) -> bool:
        """True for the copies of a merged cell outside its first slot."""
        return self.origin is not None and (self.source.row, self.source.col) != self.origin


class Grid(Record):
    """A table as a rectangle of cells (merged cells expanded)."""

    def __init__(self, rows: list[list[GridCell]], source: Source) -> None:
        self.rows = rows
        self.source = source  # where the table itself sits (table index, page)


class Document(Record):
    def __init__(
        self,
        blocks: list[Line | Grid] | None = None,
        kind: str = "",
        path: str | None = None,
        meta: dict[str, str] | None = None,
    ) -> None:
        self.blocks: list[Line | Grid] = [] if blocks is None else blocks
        self.kind = kind  # text | html | docx | pdf | ocr | xlsx
        self.path = path
        #: metadata the file states as fields rather than prose (gongkai's own XLSX 报告信息
        #: sheet): agency, year, title, agency_kind, signed_on, published_on, can_make_rules
        self.meta: dict[str, str] = {} if meta is None else meta

    @property
    def lines(self) -> list[Line]:
        return [b for b in self.blocks if isinstance(b, Line)]

    @property
    def grids(self) -> list[Grid]:
        return [b for b in self.blocks if isinstance(b, Grid)]

    def plain_text(self) -> str:
        out = []
        for b in self.blocks:
            if isinstance(b, Line):
                out.append(b.text)
            else:
                out.extend("\t".join(c.text for c in row) for row in b.rows)
        return "\n".join(out)


#: Kangxi radicals (⼀ ⾏ ⼈) and CJK compatibility ideographs: some PDF fonts map their glyphs to
#: these code points instead of the unified ideographs (一 行 人) that every label is written in
_COMPAT_HAN = lazy("[\u2f00-\u2fd5\uf900-\ufaff]")


def fold_han(text: str) -> str:
    """`text` with compatibility forms of Han characters replaced by the unified ideographs."""
    if not _COMPAT_HAN.search(text):
        return text
    return _COMPAT_HAN.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def folded(doc: Document) -> Document:
    """The document with `fold_han` applied to every line and cell (the first placement stage)."""
    blocks: list[Line | Grid] = []
    for b in doc.blocks:
        if isinstance(b, Line):
            blocks.append(b.replace(text=fold_han(b.text)))
        else:
            rows = [[c.replace(text=fold_han(c.text)) for c in row] for row in b.rows]
            blocks.append(Grid(rows, b.source))
    return doc.replace(blocks=blocks)
