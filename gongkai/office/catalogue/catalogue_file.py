"""Read a catalogue kept in a spreadsheet (XLSX or CSV) into plain records, every bad row listed.

One row per item: 索引号, 名称, 内容概述, 生成日期, 公开日期, 类别, 文种, 文号, 废止日期, 公开方式,
不予公开理由, 解读对象 (the 索引号 of the document an interpretation explains), and optionally
失效日期. 类别 is written as in the law (第二十条第（一）项 … 第（十五）项, 第二十一条) or names a
category of the agency's own catalogue. Nothing here touches the database: the caller passes
the agency's own categories and the 索引号 it already holds.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.office.ledger.sheet import LedgerUnreadable, RowError, _Row
from gongkai.report.normalize import loose, norm
from gongkai.report.read.document import ReadError
from gongkai.report.read.encoding import decode
from gongkai.report.read.limits import MAX_IMPORT_CELLS
from gongkai.report.read.sheet_extent import workbook_rows

from .vocab import LAW_CATEGORIES, Disclosure, DocType

COLUMNS = (
    "索引号",
    "名称",
    "内容概述",
    "生成日期",
    "公开日期",
    "类别",
    "文种",
    "文号",
    "废止日期",
    "公开方式",
    "不予公开理由",
    "解读对象",
)
OPTIONAL = ("失效日期",)
REQUIRED = ("索引号", "名称", "生成日期", "类别", "文种", "公开方式")

_DOC_TYPES = {loose(label): value for value, label in DocType.choices}
_DISCLOSURES = {loose(label): value for value, label in Disclosure.choices}
_LAW = {loose(c): c for c in LAW_CATEGORIES}


class CatalogueUnreadable(LedgerUnreadable):
    """The file cannot be read as a catalogue at all."""


@dataclass
class ItemRecord:
    row: int
    index_no: str
    title: str
    summary: str
    formed_on: dt.date
    published_on: dt.date | None
    category: str
    doc_type: str
    doc_number: str
    repealed_on: dt.date | None
    expired_on: dt.date | None
    disclosure: str
    withheld_reason: str
    interprets: str  # 索引号, "" when not an interpretation


@dataclass
class Catalogue:
    where: str
    items: list[ItemRecord] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    #: (row, 索引号) of every row, good or bad, for the uniqueness check
    index_rows: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _category(text: str, own: dict[str, str]) -> str | None:
    key = loose(text)
    return _LAW.get(key) or own.get(key)


def _item(number: int, values: dict, own: dict[str, str]) -> ItemRecord | list[str]:
    r = _Row(values)
    index_no, title = r.text("索引号"), r.text("名称")
    if not index_no:
        r.problems.append("缺少索引号")
    if not title:
        r.problems.append("缺少名称")
    formed = r.date("生成日期", required=True)
    published = r.date("公开日期")
    repealed = r.date("废止日期")
    expired = r.date("失效日期")
    r.order(("生成日期", formed), ("公开日期", published))
    r.order(("生成日期", formed), ("废止日期", repealed))
    r.order(("生成日期", formed), ("失效日期", expired))
    category = _category(r.text("类别"), own)
    if not r.text("类别"):
        r.problems.append("缺少类别")
    elif category is None:
        r.problems.append(
            f"类别“{r.text('类别')}”应写作第二十条第（一）项至第（十五）项、第二十一条，"
            "或本机关目录中的类别"
        )
    doc_type = _DOC_TYPES.get(loose(r.text("文种")))
    if doc_type is None:
        r.problems.append(f"文种“{r.text('文种')}”应为 {' / '.join(DocType.labels)}")
    disclosure = _DISCLOSURES.get(loose(r.text("公开方式")))
    if disclosure is None:
        r.problems.append(f"公开方式“{r.text('公开方式')}”应为 {' / '.join(Disclosure.labels)}")
    reason = r.text("不予公开理由")
    if disclosure == Disclosure.WITHHELD and not reason:
        r.problems.append("不予公开的条目须填写不予公开理由")
    if disclosure in (Disclosure.WITHHELD, Disclosure.ON_REQUEST) and published:
        r.problems.append(f"{Disclosure(disclosure).label}的条目不应有公开日期")
    interprets = r.text("解读对象")
    if doc_type == DocType.INTERPRETATION and not interprets:
        r.problems.append("政策解读须在解读对象中写明所解读文件的索引号")
    if interprets and doc_type not in (None, DocType.INTERPRETATION):
        r.problems.append("只有文种为政策解读的条目可以填写解读对象")
    if r.problems:
        return r.problems
    return ItemRecord(
        number,
        index_no,
        title,
        r.text("内容概述"),
        formed,
        published,
        category,
        doc_type,
        r.text("文号"),
        repealed,
        expired,
        disclosure,
        reason,
        interprets,
    )


def read_rows(catalogue: Catalogue, rows, own: dict[str, str]) -> None:
    """The first non-empty row is the header; every later non-empty row is an item."""
    header: list[str] | None = None
    for number, values in enumerate(rows, start=1):
        cells = list(values)
        if not any(str(v).strip() for v in cells if v is not None):
            continue
        if header is None:
            header = [norm(str(v or "")) for v in cells]
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                catalogue.errors.append(
                    RowError(catalogue.where, number, f"缺少列：{'、'.join(missing)}")
                )
                return
            continue
        values = {h: v for h, v in zip(header, cells) if h}
        result = _item(number, values, own)
        catalogue.index_rows.append((number, _Row(values).text("索引号")))
        if isinstance(result, list):
            catalogue.errors.append(RowError(catalogue.where, number, "；".join(result)))
        else:
            catalogue.items.append(result)


def check_references(catalogue: Catalogue, existing: set[str]) -> None:
    """索引号 unique within the agency (in the file and against `existing`); every 解读对象
    names an item in the file or already in the catalogue."""
    seen: dict[str, int] = {}
    for number, index_no in catalogue.index_rows:
        if not index_no:
            continue
        if index_no in existing:
            catalogue.errors.append(
                RowError(catalogue.where, number, f"索引号“{index_no}”已在本机关目录中")
            )
        elif index_no in seen:
            catalogue.errors.append(
                RowError(
                    catalogue.where, number, f"索引号“{index_no}”重复（已见于第{seen[index_no]}行）"
                )
            )
        seen.setdefault(index_no, number)
    for item in catalogue.items:
        if item.interprets and item.interprets not in seen and item.interprets not in existing:
            catalogue.errors.append(
                RowError(
                    catalogue.where,
                    item.row,
                    f"解读对象“{item.interprets}”不是目录中任何条目的索引号",
                )
            )
    catalogue.errors.sort(key=lambda e: e.row)


def read_catalogue(name: str, data: bytes, own_categories=(), existing=frozenset()) -> Catalogue:
    """Read the bytes of one XLSX or CSV file called `name`."""
    suffix = Path(name).suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xlsm"):
        raise CatalogueUnreadable(f"{name}：只接受 .xlsx 或 .csv 文件")
    own = {loose(c): c for c in own_categories}
    catalogue = Catalogue(name)
    try:
        if suffix == ".csv":
            read_rows(catalogue, csv.reader(io.StringIO(decode(data))), own)
        else:
            for title, rows in workbook_rows(data, MAX_IMPORT_CELLS):
                catalogue.where = f"{name}「{title}」"
                read_rows(catalogue, rows, own)
                break  # the catalogue is the first sheet
    except ReadError as e:
        raise CatalogueUnreadable(f"{name}：{e}") from e
    if not catalogue.items and not catalogue.errors:
        catalogue.errors.append(RowError(catalogue.where, 1, "文件中没有任何条目"))
    check_references(catalogue, set(existing))
    return catalogue
