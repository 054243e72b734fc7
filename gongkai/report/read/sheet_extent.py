"""What each sheet of an XLSX package holds, measured from its XML before a library loads it.

openpyxl expands what a sheet declares: `iter_rows` walks every slot up to the last cell
(one cell at XFD1048576 is 17 000 million slots) and loading a workbook creates an object for
every slot a merged range covers. So the reader and the ledger importer first stream each
sheet's XML (lxml `iterparse`, elements freed as they pass) and learn, per sheet: the cells
stored, the extent of the cells that hold a value, and the slots merged ranges cover; then
they refuse a workbook past the bounds, and iterate no further than the extent.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator

from lxml import etree

from ..record import Record
from .document import ReadError
from .limits import check_package

NOT_XLSX = "不是有效的 XLSX 文件"
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_R_STRICT = "{http://purl.oclc.org/ooxml/officeDocument/relationships}id"


class Extent(Record):
    """One sheet: cells stored, rows and columns up to the last cell holding a value, and
    the slots its merged ranges cover."""

    def __init__(self, cells: int = 0, rows: int = 0, cols: int = 0, merged: int = 0) -> None:
        self.cells = cells
        self.rows = rows
        self.cols = cols
        self.merged = merged

    @property
    def slots(self) -> int:
        return self.rows * self.cols


def _coordinate(ref: str) -> tuple[int, int] | None:
    m = _REF.match(ref.strip())
    if not m:
        return None
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def _parser_args() -> dict:
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def sheet_parts(z: zipfile.ZipFile, what: str) -> dict[str, str]:
    """Sheet title → the package part that holds it, as the workbook lists them."""
    try:
        book = etree.fromstring(z.read("xl/workbook.xml"), etree.XMLParser(**_parser_args()))
        rels = etree.fromstring(
            z.read("xl/_rels/workbook.xml.rels"), etree.XMLParser(**_parser_args())
        )
    except KeyError as e:
        raise ReadError(f"{what}：缺少 {e.args[0]}") from None
    except etree.XMLSyntaxError as e:
        raise ReadError(f"{what}：工作簿 XML 已损坏（{e}）") from None
    targets = {}
    for rel in rels.iter("{*}Relationship"):
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        targets[rel.get("Id")] = posixpath.normpath(part)
    out = {}
    for sheet in book.iter("{*}sheet"):
        rid = sheet.get(_R) or sheet.get(_R_STRICT)
        if rid in targets and targets[rid] in z.namelist():
            out[sheet.get("name", "")] = targets[rid]
    return out


def measure(z: zipfile.ZipFile, part: str, what: str) -> Extent:
    """The extent of one sheet part, streamed. Cells without a position (`r`) follow the
    previous one, rows without one the previous row, as spreadsheet programs read them."""
    ext = Extent()
    row = col = 0
    try:
        with z.open(part) as f:
            for event, el in etree.iterparse(
                f, events=("start", "end"), tag=("{*}row", "{*}c", "{*}mergeCell"), **_parser_args()
            ):
                name = etree.QName(el).localname
                if event == "start":
                    if name == "row":
                        r = el.get("r")
                        row = int(r) if r and r.isdigit() else row + 1
                        col = 0
                    continue
                if name == "c":
                    ext.cells += 1
                    at = _coordinate(el.get("r") or "")
                    if at:
                        row, col = at
                    else:
                        col += 1
                    if any(len(child) or (child.text or "").strip() for child in el):
                        ext.rows, ext.cols = max(ext.rows, row), max(ext.cols, col)
                    el.clear()
                elif name == "mergeCell":
                    ends = [_coordinate(e) for e in (el.get("ref") or "").split(":")]
                    corners = [e for e in ends if e is not None]
                    if len(ends) == 2 and len(corners) == 2:
                        (r0, c0), (r1, c1) = corners
                        ext.merged += (abs(r1 - r0) + 1) * (abs(c1 - c0) + 1)
                    el.clear()
                else:
                    el.clear()
    except etree.XMLSyntaxError as e:
        raise ReadError(f"{what}：工作表 XML 已损坏（{e}）") from None
    return ext


def measure_workbook(z: zipfile.ZipFile, what: str, max_cells: int) -> dict[str, Extent]:
    """Sheet title → its extent; ReadError when the workbook's sheets together store more
    than `max_cells` cells, or would expand (their value extents, their merged ranges) to
    more than `max_cells` slots."""
    out = {title: measure(z, part, what) for title, part in sheet_parts(z, what).items()}
    stored = sum(e.cells for e in out.values())
    if stored > max_cells:
        raise ReadError(f"{what}：工作表共有 {stored} 个单元格，超过 {max_cells} 个的上限")
    for title, e in out.items():
        if e.slots > max_cells or e.merged > max_cells:
            raise ReadError(
                f"{what}：工作表「{title}」的范围过大（{e.rows} 行 × {e.cols} 列"
                f"{f'，合并单元格覆盖 {e.merged} 格' if e.merged > max_cells else ''}），"
                f"超过 {max_cells} 个单元格的上限"
            )
    if sum(e.slots + e.merged for e in out.values()) > max_cells:
        raise ReadError(f"{what}：各工作表展开后共超过 {max_cells} 个单元格的上限")
    return out


def workbook_rows(data: bytes, max_cells: int) -> Iterator[tuple[str, Iterator[tuple]]]:
    """(sheet title, its rows of values) for each sheet of an XLSX an importer reads (a
    ledger, a catalogue): measured first, then streamed by openpyxl in read-only mode no
    further than the sheet's last value. ReadError for a damaged or oversized workbook."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            check_package(z, NOT_XLSX)
            extents = measure_workbook(z, NOT_XLSX, max_cells)
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ReadError:
        raise
    except Exception as e:  # noqa: BLE001 - zipfile and openpyxl fail in many ways on damage
        raise ReadError(f"{NOT_XLSX}（{type(e).__name__}）") from None
    try:
        for sheet in book.worksheets:
            extent = extents.get(sheet.title, Extent())
            rows = (
                sheet.iter_rows(max_row=extent.rows, max_col=extent.cols, values_only=True)
                if extent.slots
                else iter(())
            )
            yield sheet.title, rows
    finally:
        book.close()
