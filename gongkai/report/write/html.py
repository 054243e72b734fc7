"""A standalone, print-ready HTML page of the report in the official layout.

A4 page CSS and a CJK serif font stack (仿宋/宋体 first) so that printing the page from a
browser gives the published look; the three tables keep their merged header cells as real
rowspan/colspan. A blank cell prints blank, "/" prints "/", and a cell that could not be read
is shaded and says why on hover (the mark is drawn by CSS, so the page text stays as printed).
On a phone the text reflows and each table scrolls inside its own box, never the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from ..model import UNREADABLE_NOTE, Report, State
from .printed_tables import Slot, TableLayout, column_shares, layouts, title
from .sections import sections, signature

SUFFIX = ".html"

CSS = """
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "宋体", "SimSun",
       "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
       font-size: 16pt; line-height: 1.6; max-width: 156mm; margin: 2em auto; color: #000; }
h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "宋体", "SimSun", "Noto Serif CJK SC", serif;
     font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 1em; }
h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal;
     margin: 0.8em 0 0.3em; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.signature { text-align: right; text-indent: 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0.5em 0 1em;
        font-family: "宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 10pt; line-height: 1.3; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
td, th { border: 1px solid #000; padding: 2pt 3pt; text-align: center; vertical-align: middle; font-weight: normal; }
td.label { text-align: left; }
th.note { font-family: "楷体", "KaiTi", "STKaiti", serif; text-align: left; }
td.unreadable { background: #ffe38a; outline: 2px dashed #c00; outline-offset: -3px; }
td.unreadable::after { content: "？"; color: #c00; }
.table-scroll { overflow-x: auto; max-width: 100%; }
@media print { body { margin: 0; max-width: none; } .table-scroll { overflow: visible; } }
@media screen and (max-width: 640px) {
  body { font-size: 13pt; max-width: none; margin: 1em 0.8em; }
  h1 { font-size: 17pt; } h2 { font-size: 13pt; text-indent: 0; }
  .table-scroll table { min-width: 36em; }
}
"""


def cell_html(
    slot: Slot, marks: Sequence[str] = (), tip: str = "", attrs: Sequence[str] = ()
) -> str:
    """One slot of a printed table as <td>/<th>: its spans, its key, an unreadable cell shaded
    with the reason. The printed page and the supervision page (which adds `marks`, classes
    for the findings on the cell, and their `tip`) both draw their cells here."""
    tag = "td" if slot.role in ("value", "label") else "th"
    found = []
    if slot.rowspan > 1:
        found.append(f'rowspan="{slot.rowspan}"')
    if slot.colspan > 1:
        found.append(f'colspan="{slot.colspan}"')
    classes = [slot.role, *marks]
    if slot.state is State.UNREADABLE:
        classes.append("unreadable")
        tip = tip or UNREADABLE_NOTE + (slot.reason or "")
    if tip:
        found.append(f'title="{escape(tip)}"')
    if slot.key:
        found.append(f'data-key="{escape(slot.key)}"')
    found.insert(0, f'class="{" ".join(classes)}"')
    return f"<{tag} {' '.join([*found, *attrs])}>{escape(slot.text)}</{tag}>"


def table_html(layout: TableLayout, cell: Callable[[Slot], str] = cell_html) -> str:
    """A table of the official layout: column widths, the header rows repeated on each printed
    page, every slot drawn by `cell`."""

    def rows(lines):
        return "\n".join("<tr>" + "".join(cell(s) for s in line) + "</tr>" for line in lines)

    head = layout.rows[: layout.head]
    body = layout.rows[layout.head :]
    thead = f"<thead>\n{rows(head)}\n</thead>\n" if head else ""
    cols = "".join(f'<col style="width:{100 * share:.1f}%">' for share in column_shares(layout))
    return (
        f'<div class="table-scroll"><table id="{layout.table.key}">\n<colgroup>{cols}</colgroup>\n'
        f"{thead}<tbody>\n{rows(body)}\n</tbody>\n</table></div>"
    )


def render(report: Report) -> str:
    tables = {t.table.key: t for t in layouts(report)}
    out = [f"<h1>{escape(title(report))}</h1>"]
    for heading, paragraphs, table in sections(report):
        out.append(f"<h2>{escape(heading)}</h2>")
        out += [f"<p>{escape(p)}</p>" for p in paragraphs]
        if table is not None:
            out.append(table_html(tables[table.key]))
    out += [f'<p class="signature">{escape(line)}</p>' for line in signature(report)]
    body = "\n".join(out)
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title(report))}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def write(report: Report) -> bytes:
    return render(report).encode("utf-8")
