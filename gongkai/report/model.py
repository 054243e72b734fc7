"""The annual report as data: metadata, the six parts' text, and the tables as cells.

A `Cell` never loses what was printed: it keeps its raw text, its parsed value and a state
that tells a printed 0 from a blank, a "/" and a cell that could not be read. Every cell
says where it came from (`Source`), so a finding can point a person at the printed number.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from enum import Enum

from .formats import FORMATS, OTHER_LAYOUT, SINGLE_ROW, Format, in_other
from .lazy_pattern import lazy
from .record import Frozen, Record


class State(str, Enum):
    NUMBER = "number"
    BLANK = "blank"  # nothing printed
    NOT_APPLICABLE = "not_applicable"  # "/", "—", "-", "无"
    UNREADABLE = "unreadable"  # printed but not placed or parsed with certainty


class AgencyKind(str, Enum):
    """Which deadline rule of 条例第四十九条 applies (domain-spec §2.7)."""

    DEPARTMENT = "department"  # 县级以上人民政府部门: 1月31日
    GOVERNMENT = "government"  # 县级以上地方人民政府本级 (aggregate report): 3月31日
    TOWNSHIP = "township"  # 乡镇人民政府、街道办事处: 1月31日 in practice [U]


PEOPLES_GOVERNMENT = "人民政府"  # the end of a government's name (示范县人民政府, 管头镇人民政府)

NA_MARKS = {"/", "／", "—", "-", "－", "–", "——", "无", "\\"}
#: how gongkai's writers mark an unreadable cell (a comment or a tooltip: "无法读取：<reason>"),
#: so that reading their file back keeps the cell unreadable, with its reason
UNREADABLE_NOTE = "无法读取："


class Source(Frozen):
    """Where a value or a text span was read: a line of text, a table cell, a page box."""

    kind: str = ""  # text | html | docx | pdf | ocr | ledger | json
    line: int | None = None  # 1-based line in a text input
    page: int | None = None  # 1-based page of a PDF or image
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in PDF points
    table: int | None = None  # 0-based table index in an HTML/DOCX/PDF input
    row: int | None = None  # 0-based row within that table
    col: int | None = None  # 0-based column within that row
    confidence: float | None = None  # OCR confidence, 0..1
    #: OCR: what the cell's ink says of its number, where the table's numbers are centred:
    #: True, it is whole (a mark a digit, centred, no gap); False, a digit was lost from the
    #: page (half a digit off centre, or a gap); None, nothing
    ink_whole: bool | None = None

    def describe(self) -> str:
        """Chinese, for messages: 第3页 第12行 表2 第5行第3列."""
        bits = []
        if self.page is not None:
            bits.append(f"第{self.page}页")
        if self.line is not None:
            bits.append(f"第{self.line}行")
        if self.table is not None:
            bits.append(f"表格{self.table + 1}")
        if self.row is not None:
            bits.append(f"第{self.row + 1}行" if self.line is None else f"表格行{self.row + 1}")
        if self.col is not None:
            bits.append(f"第{self.col + 1}列")
        if self.bbox is not None:
            bits.append("[" + ",".join(f"{v:.0f}" for v in self.bbox) + "]")
        return " ".join(bits)

    def to_dict(self) -> dict:
        return {
            k: (list(v) if isinstance(v, tuple) else v)
            for k, v in self._asdict().items()
            if v not in (None, "")
        }

    @classmethod
    def from_dict(cls, d: dict | None) -> Source | None:
        if not d:
            return None
        d = dict(d)
        if d.get("bbox") is not None:
            d["bbox"] = tuple(d["bbox"])
        return cls(**d)


Number = int | Decimal

_THOUSANDS = lazy(r"(?<=\d)[,，](?=\d{3}\b)")
_NUMBER = lazy(r"^[+-]?\d+(\.\d+)?$")
#: the units a table may print after a number ("251000元"); `read.numbers` reads them too
UNITS = ("万元", "元", "件", "个", "项", "条", "起")
_UNITS = lazy(f"({'|'.join(UNITS)})$")
#: the marks of which any run stands for "not applicable" ("//", "——")
_DASHES = "/\\-—–－"


def parse_number(raw: str, decimal: bool = False) -> tuple[State, Number | None, str | None]:
    """Read one printed cell: (state, value, reason when unreadable).

    Accepts full-width digits and thousands separators (C-1). A unit after the number
    ("251000元") is dropped here and left in `raw` for C-4 to see.
    """
    text = raw or ""
    text = (text if text.isascii() else unicodedata.normalize("NFKC", text)).strip()
    text = re.sub(r"\s+", "", text)
    if not text:
        return State.BLANK, None, None
    if text in NA_MARKS or not text.strip(_DASHES):
        return State.NOT_APPLICABLE, None, None
    # each pattern only where its character is there: a fresh process compiles a pattern on its
    # first use, and most cells are plain digits
    if "," in text or "，" in text:
        text = _THOUSANDS.sub("", text)
    if text.endswith(UNITS):
        text = _UNITS.sub("", text)
    if text.startswith("减") and _NUMBER.match(text[1:]):
        text = "-" + text[1:]
    if not _NUMBER.match(text):
        return State.UNREADABLE, None, f"不是数字：{raw.strip()!r}"
    if "." in text:
        try:
            exact = Decimal(text)
        except InvalidOperation:  # pragma: no cover - guarded by the regex
            return State.UNREADABLE, None, f"不是数字：{raw.strip()!r}"
        if exact == exact.to_integral_value() and not decimal:
            return State.NUMBER, int(exact), None
        return State.NUMBER, exact, None
    return State.NUMBER, int(text), None


class Cell(Record):
    def __init__(
        self,
        key: str,
        raw: str = "",
        state: State = State.BLANK,
        value: Number | None = None,
        source: Source | None = None,
        reason: str | None = None,
        steps: tuple[str, ...] = (),
    ) -> None:
        self.key = key
        self.raw = raw
        self.state = state
        self.value = value
        self.source = source
        self.reason = reason  # why a cell is unreadable
        #: how the reader placed it, step by step, in Chinese (`gongkai parse FILE --explain KEY`)
        self.steps = steps

    @classmethod
    def read(cls, key: str, raw: str, source: Source | None = None, decimal: bool = False) -> Cell:
        state, value, reason = parse_number(raw, decimal)
        return cls(key, raw.strip() if raw else "", state, value, source, reason)

    @classmethod
    def unreadable(cls, key: str, raw: str, reason: str, source: Source | None = None) -> Cell:
        return cls(key, raw, State.UNREADABLE, None, source, reason)

    @classmethod
    def number(cls, key: str, value: Number, source: Source | None = None) -> Cell:
        return cls(key, str(value), State.NUMBER, value, source)

    @property
    def known(self) -> bool:
        """True when the value can take part in arithmetic without a guess."""
        return self.state is State.NUMBER

    def to_dict(self) -> dict:
        d = {"raw": self.raw, "state": self.state.value, "value": _jsonable(self.value)}
        if self.source:
            d["source"] = self.source.to_dict()
        if self.reason:
            d["reason"] = self.reason
        if self.steps:
            d["steps"] = list(self.steps)
        return d

    @classmethod
    def from_dict(cls, key: str, d: dict) -> Cell:
        v = d.get("value")
        if isinstance(v, float) or (isinstance(v, str) and "." in v):
            v = Decimal(str(v))
        elif isinstance(v, str):
            v = int(v) if v.lstrip("+-").isdigit() else None
        return cls(
            key,
            d.get("raw", ""),
            State(d.get("state", "blank")),
            v,
            Source.from_dict(d.get("source")),
            d.get("reason"),
            tuple(d.get("steps") or ()),
        )


def _jsonable(v):
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() and "." not in str(v) else float(v)
    return v


class TextPart(Record):
    def __init__(
        self,
        number: int,
        title: str,
        text: str = "",
        line: int | None = None,
        page: int | None = None,
    ) -> None:
        self.number = number  # 1..6
        self.title = title  # the title as printed
        self.text = text
        self.line = line  # where the title was found (text inputs)
        self.page = page

    def to_dict(self) -> dict:
        return {f: getattr(self, f) for f in self.FIELDS if getattr(self, f) is not None}


class Report(Record):
    """One agency's annual report for one statistical year."""

    def __init__(
        self,
        format: Format | None = None,
        agency: str | None = None,
        year: int | None = None,
        title: str | None = None,
        agency_kind: AgencyKind | None = None,
        signed_on: dt.date | None = None,
        published_on: dt.date | None = None,
        can_make_rules: bool | None = None,
        parts: dict[int, TextPart] | None = None,
        cells: dict[str, Cell] | None = None,
        layout: dict[str, str] | None = None,
        source_file: str | None = None,
        source_kind: str | None = None,
        notes: list[str] | None = None,
    ) -> None:
        self.format: Format = FORMATS["2021"] if format is None else format
        self.agency = agency
        self.year = year
        self.title = title
        self.agency_kind = agency_kind
        self.signed_on = signed_on
        self.published_on = published_on
        self.can_make_rules = can_make_rules  # 规章制定权 (C-3); None when unknown
        self.parts: dict[int, TextPart] = {} if parts is None else parts
        self.cells: dict[str, Cell] = {} if cells is None else cells
        #: how the layout was printed where it differs from the official one (formats.OTHER_LAYOUT)
        self.layout: dict[str, str] = {} if layout is None else layout
        self.source_file = source_file
        self.source_kind = source_kind
        self.notes: list[str] = [] if notes is None else notes

    # ---------------------------------------------------------------- cells
    def cell(self, key: str) -> Cell:
        """The cell for `key`; an official cell that was never read is BLANK-unknown."""
        c = self.cells.get(key)
        if c is None:
            self.format.check_key(key)
            return Cell(key, "", State.UNREADABLE, None, None, "表中未找到该单元格")
        return c

    def value(self, key: str) -> Number | None:
        """The number in cell `key`, None unless it is a printed number; KeyError for a key the
        format does not have."""
        c = self.cells.get(self.format.check_key(key))
        return c.value if c is not None and c.known else None

    def set(self, cell: Cell) -> None:
        self.cells[self.format.check_key(cell.key)] = cell

    @property
    def other_as_one_row(self) -> bool:
        """（六）其他处理 was printed as one row, without its items (formats.SINGLE_ROW)."""
        return self.layout.get(OTHER_LAYOUT) == SINGLE_ROW

    def print_other_as_one_row(self) -> None:
        self.layout[OTHER_LAYOUT] = SINGLE_ROW

    def in_one_row_other(self, key: str) -> bool:
        """A cell of （六）其他处理 where the report printed （六） as one row (its items are
        then absent, and its row stands for them)."""
        return self.other_as_one_row and in_other(key)

    @property
    def missing(self) -> list[str]:
        """Official cells not found in the input (a （六） printed as one row has no items)."""
        return [
            k
            for k in self.format.cell_keys()
            if k not in self.cells and not self.in_one_row_other(k)
        ]

    @property
    def unreadable(self) -> list[Cell]:
        return [
            self.cell(k)
            for k in self.format.cell_keys(official_only=False)
            if k in self.cells and self.cells[k].state is State.UNREADABLE
        ] + [self.cell(k) for k in self.missing]

    # ---------------------------------------------------------------- metadata
    @property
    def deadline(self) -> dt.date | None:
        """条例第四十九条: 1月31日 of Y+1; 3月31日 for a government's own-level report."""
        if self.year is None:
            return None
        if self.agency_kind is AgencyKind.GOVERNMENT:
            return dt.date(self.year + 1, 3, 31)
        return dt.date(self.year + 1, 1, 31)

    @property
    def is_peoples_government(self) -> bool | None:
        """各级人民政府, a township's included (not a department, not a 街道办事处): 条例第五十条第
        （四）项 asks their reports for 考核、评议和责任追究. A government's own-level report
        (AgencyKind.GOVERNMENT) counts even when an office publishes it under its own name;
        otherwise the name decides. None when neither is known."""
        if self.agency_kind is AgencyKind.GOVERNMENT:
            return True
        if self.agency:
            return self.agency.strip().endswith(PEOPLES_GOVERNMENT)
        return None

    def text(self, number: int) -> str:
        p = self.parts.get(number)
        return p.text if p else ""
