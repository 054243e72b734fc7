"""HTML inputs: a report saved from an agency's website, whole page or fragment.

The page is parsed with the standard library into a small tree, then walked in reading order:
running text becomes `Line`s (one per block element or <br>), each data table a `Grid` with its
rowspan/colspan cells expanded into every slot they cover. Site chrome (nav, footer) is kept as
text — placement finds the report by its part titles — but scripts, styles and other invisible
content are dropped. A table that holds other tables is a page-layout table: its cells are read
as running text and the inner tables as grids.

Some sites ship the report inside a JavaScript string (``var content = "<table>…<\\/table>"``,
issue 3): string literals in a script that carry a table or a paragraph of text are unescaped
and read in the script's place.
"""

from __future__ import annotations

import email
import html
import re
from html.parser import HTMLParser
from pathlib import Path

from ..lazy_pattern import lazy
from ..model import Source
from ..record import Record
from .document import Document, Grid, GridCell, Line, ReadError
from .encoding import decode
from .limits import Budget

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
    "keygen",
    "frame",
}
HIDDEN = {
    "style",
    "noscript",
    "template",
    "head",
    "iframe",
    "svg",
    "math",
    "object",
    "select",
    "textarea",
    "button",
    "canvas",
    "audio",
    "video",
    "map",
}
BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "ul",
    "caption",
    "body",
    "html",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "option",
    "legend",
}
#: a start tag closes the nearest open element of these kinds, looking no further down than its
#: boundary (as browsers do for <td>…<td>, <tr>…<tr>, <li>…<li>, <p>…<p>)
_CELL_SCOPE = {"table", "td", "th"}
IMPLIED_END = {
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tr": ({"tr"}, {"table", "tbody", "thead", "tfoot"}),
    "tbody": ({"tbody", "thead", "tfoot"}, {"table"}),
    "thead": ({"tbody", "thead", "tfoot"}, {"table"}),
    "tfoot": ({"tbody", "thead", "tfoot"}, {"table"}),
    "li": ({"li"}, {"ul", "ol"} | _CELL_SCOPE),
    "p": ({"p"}, {"div", "body"} | _CELL_SCOPE),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "option": ({"option"}, {"select"}),
}
MAX_SPAN = 1000
_WS = lazy(r"[ \t\n\r\f]+")


class Node(Record):
    def __init__(self, tag: str, attrs: dict[str, str] | None = None, line: int = 1) -> None:
        self.tag = tag
        self.attrs: dict[str, str] = {} if attrs is None else attrs
        self.children: list[Node | Text] = []
        self.line = line


class Text(Record):
    def __init__(self, text: str, line: int) -> None:
        self.text = text
        self.line = line


class _TreeBuilder(HTMLParser):
    """A forgiving tree: unknown end tags are ignored, open cells and rows are closed implicitly."""

    def __init__(self, budget: Budget, line_offset: int = 0):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]
        self.line_offset = line_offset
        self.budget = budget

    def _line(self) -> int:
        return self.getpos()[0] + self.line_offset

    def handle_starttag(self, tag, attrs):
        if tag in IMPLIED_END:
            targets, boundary = IMPLIED_END[tag]
            for i in range(len(self.stack) - 1, 0, -1):
                t = self.stack[i].tag
                if t in targets:
                    del self.stack[i:]
                    break
                if t in boundary:
                    break
        self.budget.take_element(len(self.stack))
        node = Node(tag, {k: v or "" for k, v in attrs}, line=self._line())
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(Text(data, self._line()))


def parse_tree(text: str, budget: Budget, line_offset: int = 0) -> Node:
    """The page's element tree; ReadError past the budget's elements, depth or time."""
    builder = _TreeBuilder(budget, line_offset)
    builder.feed(text)
    builder.close()
    return builder.root


# --------------------------------------------------------------------------- HTML in JavaScript

_JS_LITERAL = lazy(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`', re.DOTALL)
_JS_ESCAPE = lazy(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|.)", re.DOTALL)
_JS_SIMPLE = {
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "0": "\0",
    "\n": "",
    "\r\n": "",
}
_MARKUP = lazy(r"<\s*(table|p|div|tr|td)\b|&lt;\s*(table|p|div)\b", re.IGNORECASE)
_CJK = lazy(r"[\u4e00-\u9fff]")


def unescape_js(body: str) -> str:
    """The value of a JavaScript string literal's body (\\uXXXX, \\xXX, \\n, \\/ …)."""

    def one(m):
        e = m.group(1)
        if e.startswith("u{"):
            return chr(int(e[2:-1], 16))
        if e[0] in "ux" and len(e) > 1:
            return chr(int(e[1:], 16))
        return _JS_SIMPLE.get(e, e)

    text = _JS_ESCAPE.sub(one, body)
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def html_in_script(script: str) -> str:
    """The markup carried by a script's string literals: chains joined by ``+`` are read whole,
    and a chain counts when it holds a table or a paragraph or a run of Chinese text."""
    chains: list[list[str]] = []
    end = None
    for m in _JS_LITERAL.finditer(script):
        value = unescape_js(m.group(0)[1:-1])
        if end is not None and re.fullmatch(r"\s*\+\s*", script[end : m.start()]):
            chains[-1].append(value)
        else:
            chains.append([value])
        end = m.end()
    out = []
    for chain in chains:
        text = "".join(chain)
        if _MARKUP.search(text) or (len(_CJK.findall(text)) >= 20 and "<" in text):
            out.append(html.unescape(text) if "<" not in text else text)
    return "\n".join(out)


# --------------------------------------------------------------------------- walking the tree


def _span(value: str | None) -> int:
    """A rowspan or colspan as browsers take it: digits at the start, at least 1, at most
    MAX_SPAN (the grid as a whole is bounded by the budget)."""
    m = re.match(r"\s*(\d{1,9})", value or "")
    return min(max(int(m.group(1)), 1), MAX_SPAN) if m else 1


def _has_table(node: Node) -> bool:
    return any(isinstance(c, Node) and (c.tag == "table" or _has_table(c)) for c in node.children)


def _rows(table: Node) -> list[list[Node]]:
    """The table's rows (through thead/tbody/tfoot), each a list of its td/th cells."""
    rows: list[list[Node]] = []

    def visit(node: Node):
        for c in node.children:
            if not isinstance(c, Node):
                continue
            if c.tag == "tr":
                rows.append(
                    [d for d in c.children if isinstance(d, Node) and d.tag in ("td", "th")]
                )
            elif c.tag not in ("table", "td", "th"):
                visit(c)

    visit(table)
    return rows


class _Walker:
    def __init__(self, budget: Budget, kind: str = "html"):
        self.kind = kind
        self.budget = budget
        self.blocks: list[Line | Grid] = []
        self.buf: list[str] = []
        self.buf_line: int | None = None
        self.tables = 0

    # running text
    def flush(self):
        text = "".join(self.buf).replace("\xa0", " ")
        for part in text.split("\n"):
            part = part.strip()
            if part:
                self.blocks.append(Line(part, Source(self.kind, line=self.buf_line)))
        self.buf, self.buf_line = [], None

    def add_text(self, text: str, line: int, pre: bool):
        if not pre:
            text = _WS.sub(" ", text)
        if text.strip() and self.buf_line is None:
            self.buf_line = line
        self.buf.append(text)

    def walk(self, node: Node, pre: bool = False):
        for c in node.children:
            if isinstance(c, Text):
                self.add_text(c.text, c.line, pre)
            else:
                self.element(c, pre)

    def element(self, node: Node, pre: bool):
        tag = node.tag
        if tag == "script":
            markup = html_in_script("".join(t.text for t in node.children if isinstance(t, Text)))
            if markup:
                self.flush()
                self.walk(parse_tree(markup, self.budget, node.line - 1))
                self.flush()
            return
        if (
            tag in HIDDEN
            or node.attrs.get("hidden") is not None
            or re.search(r"display\s*:\s*none", node.attrs.get("style", ""), re.IGNORECASE)
        ):
            return
        if tag == "br":
            self.buf.append("\n")
            return
        if tag == "table" and not _has_table(node):
            self.flush()
            self.grid(node)
            return
        block = tag in BLOCK
        if block:
            self.flush()
        self.walk(node, pre or tag == "pre")
        if block:
            self.flush()

    # tables
    def cell_text(self, cell: Node) -> str:
        inner = _Walker(self.budget, self.kind)
        inner.walk(cell)
        inner.flush()
        return "\n".join(b.text for b in inner.blocks if isinstance(b, Line))

    def grid(self, table: Node):
        index = self.tables
        self.tables += 1
        rows = _rows(table)
        slots: dict[tuple[int, int], GridCell] = {}
        for r, cells in enumerate(rows):
            c = 0
            for cell in cells:
                while (r, c) in slots:
                    c += 1
                rowspan = min(_span(cell.attrs.get("rowspan")), len(rows) - r)
                colspan = _span(cell.attrs.get("colspan"))
                self.budget.take_cells(rowspan * colspan)
                text = self.cell_text(cell)
                origin = (r, c) if rowspan > 1 or colspan > 1 else None
                note = cell.attrs.get("title", "")
                for dr in range(rowspan):
                    for dc in range(colspan):
                        slots[r + dr, c + dc] = GridCell(
                            text,
                            Source(self.kind, table=index, row=r + dr, col=c + dc),
                            origin,
                            note,
                        )
                c += colspan
        if not slots:
            return
        width = 1 + max(c for _, c in slots)
        self.budget.take_cells(width * len(rows) - len(slots))  # the blank slots filled in
        grid = [
            [
                slots.get((r, c)) or GridCell("", Source(self.kind, table=index, row=r, col=c))
                for c in range(width)
            ]
            for r in range(len(rows))
        ]
        self.blocks.append(Grid(grid, Source(self.kind, table=index, line=table.line)))


# --------------------------------------------------------------------------- bytes to text

_META_CHARSET = lazy(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_page(data: bytes) -> str:
    """The page's text: its byte-order mark, else UTF-8, else the charset its <meta> declares."""
    m = _META_CHARSET.search(data[:8192])
    return decode(data, m.group(1).decode("ascii") if m else None)


def _from_mhtml(data: bytes) -> bytes | None:
    """The HTML part of a page saved as MHTML (.mht), decoded from its transfer encoding."""
    if b"MIME-Version" not in data[:2048]:
        return None
    msg = email.message_from_bytes(data)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                payload = b""
            charset = part.get_content_charset()
            if charset and b"charset" not in payload[:4096].lower():
                payload = f'<meta charset="{charset}">'.encode("ascii") + payload
            return payload
    return None


_START_TAG = lazy(r"<[A-Za-z]")


def parse_html(text: str, path: str | None = None) -> Document:
    walker = _Walker(Budget())
    walker.budget.expect_elements(sum(1 for _ in _START_TAG.finditer(text)))
    walker.walk(parse_tree(text, walker.budget))
    walker.flush()
    return Document(walker.blocks, kind="html", path=path)


def read_html(path: str | Path, data: bytes | None = None) -> Document:
    """The page in `path` as a Document (lines and grids in reading order)."""
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as e:
            raise ReadError(f"无法读取文件：{path}（{e.strerror}）") from None
    data = _from_mhtml(data) or data
    return parse_html(decode_page(data), str(path))
