"""`scan_file` on documents of every kind: every leak found, where it is; look-alikes pass."""

from __future__ import annotations

import pytest

from gongkai.review import scan_file
from gongkai.review.flags import BANK_CARD, ID_NUMBER, MOBILE, SECRECY_MARK, UNSCANNED

from . import documents as make
from .documents import CARD, ID, LEAKS, LOOK_ALIKES, PHONE

LEAK_KINDS = [ID_NUMBER, MOBILE, BANK_CARD]

WRITERS = {
    "utf-8.txt": lambda p, lines: make.txt(p, lines),
    "gb18030.txt": lambda p, lines: make.txt(p, lines, "gb18030"),
    "page.html": make.html,
    "file.docx": make.docx,
    "book.xlsx": make.xlsx,
    "one-page.pdf": lambda p, lines: make.pdf(p, [lines]),
    "file.ofd": make.ofd,
}


@pytest.mark.parametrize("name", WRITERS)
def test_every_leak_is_found(tmp_path, name):
    result = scan_file(WRITERS[name](tmp_path / name, LEAKS))
    assert result.unscanned_reason is None
    assert [f.kind for f in result.flags] == LEAK_KINDS
    for f in result.flags:
        for value in (ID, PHONE, CARD):
            assert value not in f.excerpt
        assert result.text[f.start : f.end] in (ID, PHONE, CARD)


@pytest.mark.parametrize("name", WRITERS)
def test_look_alikes_are_not_flagged(tmp_path, name):
    result = scan_file(WRITERS[name](tmp_path / name, LOOK_ALIKES))
    assert result.flags == [] and result.unscanned_reason is None and result.clean


def test_a_text_file_keeps_its_own_line_numbers(tmp_path):
    path = make.txt(tmp_path / "a.txt", ["标题", "", "", f"电话{PHONE}"])
    assert [(f.kind, f.line) for f in scan_file(path).flags] == [(MOBILE, 4)]


def test_pdf_pages_are_known_and_a_footer_on_every_page_is_read(tmp_path):
    path = make.pdf(
        tmp_path / "two.pdf",
        [["第一页正文"], ["第二页正文", f"身份证号{ID}"]],
        footer="内部资料 注意保存",
    )
    flags = scan_file(path).flags
    assert [(f.kind, f.page) for f in flags] == [
        (SECRECY_MARK, 1),
        (ID_NUMBER, 2),
        (SECRECY_MARK, 2),
    ]


def test_docx_header_and_deleted_text_are_read(tmp_path):
    path = make.docx(
        tmp_path / "d.docx", LOOK_ALIKES, header="秘密★1年", deleted=f"原联系人电话{PHONE}"
    )
    flags = scan_file(path).flags
    assert [(f.kind, f.location) for f in flags] == [
        (SECRECY_MARK, "页眉"),
        (MOBILE, "修订中删除的文字"),
    ]


def test_docx_table_cell_has_its_location(tmp_path):
    flags = scan_file(make.docx(tmp_path / "t.docx", LEAKS)).flags
    assert flags[-1].kind == BANK_CARD and flags[-1].location == "表格1 第1行"


def test_what_a_page_carries_in_its_source_is_read(tmp_path):
    source = f'<!-- 经办人 {PHONE} --><img src="a.png" alt="身份证 {ID}">'
    path = make.html(tmp_path / "p.html", LOOK_ALIKES, source=source)
    assert [(f.kind, f.location) for f in scan_file(path).flags] == [
        (MOBILE, "网页源代码注释"),
        (ID_NUMBER, "网页图片说明或提示文字"),
    ]


def test_xlsx_comment_is_read(tmp_path):
    path = make.xlsx(tmp_path / "c.xlsx", LOOK_ALIKES, comment=f"已电话核实：{PHONE}")
    assert [(f.kind, f.location) for f in scan_file(path).flags] == [(MOBILE, "批注")]


def test_hidden_sheet_is_read(tmp_path):
    flags = scan_file(make.xlsx(tmp_path / "h.xlsx", LEAKS, hidden=True)).flags
    assert [f.kind for f in flags] == LEAK_KINDS


def test_blank_pdf_page_is_not_unscanned(tmp_path):
    from .documents import Page, build

    path = tmp_path / "blank.pdf"
    path.write_bytes(build([Page().text(72, 90, "正文"), Page()]))
    assert scan_file(path).clean


@pytest.mark.parametrize(
    "content,reason",
    [
        (b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "PDF 文件不完整"),
        (b"PK\x03\x04 not a zip at all", "DOCX"),
        (b"\x00\x01\x02binary", "不是文本文件"),
    ],
    ids=["truncated pdf", "broken docx", "binary"],
)
def test_a_damaged_file_is_unscanned_with_a_chinese_reason(tmp_path, content, reason):
    path = tmp_path / (
        "f.pdf" if content.startswith(b"%PDF") else "f.docx" if b"PK" in content else "f.txt"
    )
    path.write_bytes(content)
    result = scan_file(path)
    assert reason in result.unscanned_reason
    assert [f.kind for f in result.flags] == [UNSCANNED] and not result.clean


def test_a_missing_file_is_unscanned(tmp_path):
    result = scan_file(tmp_path / "nothing.txt")
    assert "nothing.txt" in result.unscanned_reason  # the reader's own message names it
    assert [f.kind for f in result.flags] == [UNSCANNED]


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims `width` × `height` pixels and holds none."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


@pytest.mark.parametrize("side", [20_000, 200_000], ids=["over our bound", "a PIL bomb"])
def test_a_docx_with_a_picture_too_large_to_read_is_unscanned_at_once(tmp_path, side):
    import time
    import zipfile

    path = make.docx(tmp_path / "bomb.docx", LOOK_ALIKES)
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("word/media/image1.png", _png_header(side, side))
    start = time.monotonic()
    result = scan_file(path)
    assert time.monotonic() - start < 5
    assert "图片过大" in result.unscanned_reason
    assert [f.kind for f in result.flags] == [UNSCANNED]
