"""Files that are not a readable report end in one ReadError with a clear message, quickly,
whatever is wrong with them, and `gongkai` turns that into exit status 2."""

import sys
import time
from pathlib import Path

import pytest

from gongkai.report.read import read_path
from gongkai.report.read.document import ReadError
from gongkai.report.read.limits import MAX_PAGES
from gongkai.report.read.pdf import read_pdf

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fixtures"))
from pdf_maker import Page, build


def _one_page() -> Page:
    p = Page()
    p.text(80, 100, "某某镇人民政府2024年政府信息公开工作年度报告")
    p.table(
        60,
        150,
        [170, 60, 60],
        [30, 30],
        {
            (0, 0): "项目",
            (0, 1): "自然人",
            (0, 2): "总计",
            (1, 0): "一、本年新收",
            (1, 1): "3",
            (1, 2): "3",
        },
    )
    return p


def _fails(path, *words):
    t0 = time.perf_counter()
    with pytest.raises(ReadError) as e:
        read_path(path)
    assert time.perf_counter() - t0 < 10
    msg = str(e.value)
    assert "\n" not in msg and all(w in msg for w in words), msg
    return msg


def test_empty_file(tmp_path):
    f = tmp_path / "report.pdf"
    f.write_bytes(b"")
    _fails(f, "空")


def test_random_bytes_named_pdf(tmp_path):
    f = tmp_path / "report.pdf"
    f.write_bytes(bytes(range(256)) * 40)
    _fails(f, "PDF")


def test_pdf_header_then_garbage(tmp_path):
    f = tmp_path / "report.pdf"
    f.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    _fails(f, "PDF")


def test_truncated_pdf(tmp_path):
    data = build([_one_page(), _one_page()])
    f = tmp_path / "report.pdf"
    f.write_bytes(data[: len(data) * 2 // 3])
    _fails(f, "不完整")


def test_encrypted_pdf_asks_for_the_password(tmp_path):
    f = tmp_path / "report.pdf"
    f.write_bytes(build([_one_page()], user_password="secret"))
    _fails(f, "加密")


def test_pdf_with_only_an_owner_password_is_read(tmp_path):
    f = tmp_path / "report.pdf"
    f.write_bytes(build([_one_page()], user_password=""))
    doc = read_pdf(f)
    assert [c.text for c in doc.grids[0].rows[1]] == ["一、本年新收", "3", "3"]


def test_three_hundred_pages_is_refused_at_once(tmp_path):
    f = tmp_path / "report.pdf"
    f.write_bytes(build([Page().text(80, 100, f"第{i}页") for i in range(300)]))
    assert 300 > MAX_PAGES
    _fails(f, "300", "页")


def test_a_pdf_with_no_report_in_it(tmp_path):
    f = tmp_path / "report.pdf"
    f.write_bytes(build([Page().text(80, 100, "会议通知：请于周五下午三点到会议室开会。")]))
    _fails(f)


@pytest.mark.parametrize(
    "name,data",
    [
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 200),
        ("scan.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4),
        ("scan.png", b"this is not an image at all"),
    ],
)
def test_image_that_is_not_an_image(tmp_path, name, data):
    from gongkai.report.read.ocr import read_image

    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(ReadError, match="图片"):
        read_image(f)


def test_huge_image_is_refused_before_decoding(tmp_path):
    pytest.importorskip("PIL")
    import struct
    import zlib

    from gongkai.report.read.ocr import read_image

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", 40000, 40000, 1, 0, 0, 0, 0)
    f = tmp_path / "huge.png"
    f.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )
    with pytest.raises(ReadError, match="过大"):
        read_image(f)


def test_the_command_exits_2_without_a_traceback(tmp_path, capsys):
    from gongkai.cli import main

    f = tmp_path / "report.pdf"
    f.write_bytes(b"%PDF-1.4 truncated")
    code = main(["parse", str(f), "--to", "cells"])
    out = capsys.readouterr()
    assert code == 2
    assert out.err == f"无法读取 {f}：PDF 文件不完整（没有结束标记 %%EOF，可能下载中断）：{f}\n"
    assert out.out == ""


def test_a_workbook_zip_bomb_is_refused(tmp_path):
    """An XLSX whose sheet would unpack to more than the bound is refused before it is read."""
    import zipfile

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    with pytest.raises(ReadError, match="压缩炸弹"):
        read_path(path)


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_damaged_office_files_are_refused_with_a_message(kind, tmp_path):
    """Bytes flipped inside the zip or inside its XML parts: one ReadError, never a traceback."""
    import io
    import random
    import zipfile

    from gongkai.report.model import Cell, Report
    from gongkai.report.write import write

    report = Report(agency="某局", year=2024)
    for key in report.format.cell_keys():
        report.set(Cell.read(key, "0"))
    good = write(report, kind)
    rng = random.Random(11)
    path = tmp_path / f"damaged.{kind}"
    for i in range(40):
        if i % 2:
            data = bytearray(good)
            for _ in range(20):
                data[rng.randrange(len(data))] = rng.randrange(256)
        else:
            out = io.BytesIO()
            with (
                zipfile.ZipFile(io.BytesIO(good)) as zin,
                zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
            ):
                for item in zin.infolist():
                    part = bytearray(zin.read(item.filename))
                    for _ in range(5 if len(part) > 10 else 0):
                        part[rng.randrange(len(part))] = rng.randrange(256)
                    zout.writestr(item.filename, bytes(part))
            data = out.getvalue()
        path.write_bytes(bytes(data))
        try:
            read_path(path)
        except ReadError:
            pass
