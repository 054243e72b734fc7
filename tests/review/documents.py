"""Documents of every kind the scanner reads, made here: one with leaks (generated values) and
one full of look-alikes that are not leaks."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from .values import card, credit_code, id_number, mobile, wrong_check

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from pdf_maker import Page, build

R = random.Random(7)
ID, PHONE, CARD = id_number(R), mobile(R), card(R, "622202", 19)

LEAKS = [
    "关于2024年度困难群众救助名单的公示",
    f"申请人张某，身份证号{ID}，联系电话{PHONE}。",
    f"补助资金发放至其银行卡{CARD}。",
]
LOOK_ALIKES = [
    "关于印发某镇政务公开工作要点的通知",
    "鄂竹政办发〔2024〕12号",
    f"统一社会信用代码：{credit_code(R)}",
    f"受理编号{wrong_check(id_number(R))}，流水号2024011312345678901。",
    "咨询电话：0719-4221234，政务服务便民热线12345。",
    "涉及国家秘密、商业秘密、个人隐私的政府信息不予公开。",
    "2024年1月1日至2024年12月31日，共支出1234567.89元。",
]


def txt(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes("\n".join(lines).encode(encoding))
    return path


def html(path: Path, lines: list[str], source: str = "") -> Path:
    """A page of `lines`; `source` is put in the page's source only (a comment, an alt text)."""
    body = "".join(f"<p>{line}</p>" for line in lines[:-1])
    last = f"<table><tr><td>备注</td><td>{lines[-1]}</td></tr></table>"
    page = f"<!doctype html><html><body>{body}{last}{source}</body></html>"
    path.write_text(page, "utf-8")
    return path


def docx(path: Path, lines: list[str], header: str = "", deleted: str = "") -> Path:
    import docx as python_docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = python_docx.Document()
    for line in lines[:-1]:
        d.add_paragraph(line)
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "备注", lines[-1]
    if header:
        d.sections[0].header.paragraphs[0].text = header
    if deleted:  # a tracked change that deleted this text: still in the file
        p = d.add_paragraph("已修订")._p
        dl, r, t = OxmlElement("w:del"), OxmlElement("w:r"), OxmlElement("w:delText")
        dl.set(qn("w:id"), "1")
        dl.set(qn("w:author"), "经办人")
        t.text = deleted
        r.append(t)
        dl.append(r)
        p.append(dl)
    d.save(path)
    return path


def xlsx(path: Path, lines: list[str], hidden: bool = False, comment: str = "") -> Path:
    from openpyxl import Workbook
    from openpyxl.comments import Comment

    wb = Workbook()
    ws = wb.active
    ws.title = "名单"
    for i, line in enumerate(lines, start=1):
        ws.cell(i, 1, i)
        ws.cell(i, 2, line)
    if comment:
        ws.cell(1, 2).comment = Comment(comment, "经办人")
    if hidden:
        ws.sheet_state = "hidden"
        wb.create_sheet("说明").cell(1, 1, "见附件")
        wb.active = 1
    wb.save(path)
    return path


def ofd(path: Path, lines: list[str]) -> Path:
    """An OFD (GB/T 33190) of `lines`, written from the PDF of them as OFD producers do."""
    from ofd_maker import from_pdf

    path.write_bytes(from_pdf(pdf(path.with_suffix(".src.pdf"), [lines])))
    return path


def pdf(path: Path, pages: list[list[str]], footer: str = "") -> Path:
    out = []
    for lines in pages:
        page = Page()
        for i, line in enumerate(lines):
            page.text(72, 90 + 24 * i, line)
        if footer:
            page.text(72, 800, footer, size=9)
        out.append(page)
    path.write_bytes(build(out))
    return path
