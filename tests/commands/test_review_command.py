"""`gongkai review FILE... [--json]`: exit 0 nothing found, 1 findings, 2 any file unreadable
(after the others are reported); the JSON array's fields; no value shown unmasked."""

from __future__ import annotations

import json

from gongkai.cli import main

from ..review import documents as make
from ..review.documents import CARD, ID, LEAKS, LOOK_ALIKES, PHONE


def review(capsys, *args):
    code = main(["review", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_files_exit_0(tmp_path, capsys):
    a = make.txt(tmp_path / "a.txt", LOOK_ALIKES)
    b = make.docx(tmp_path / "b.docx", LOOK_ALIKES)
    code, out, err = review(capsys, a, b)
    assert code == 0 and out == "" and "未发现" in err


def test_findings_exit_1_with_file_line_and_masked_excerpt(tmp_path, capsys):
    a = make.txt(tmp_path / "a.txt", LOOK_ALIKES)
    b = make.txt(tmp_path / "b.txt", LEAKS)
    code, out, err = review(capsys, a, b)
    assert code == 1
    rows = [line.split("\t") for line in out.splitlines()]
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (str(b), "第2行", "身份证号"),
        (str(b), "第2行", "手机号"),
        (str(b), "第3行", "银行卡号（银联）"),
    ]
    assert ID[:4] + "*" * 10 + ID[-4:] in rows[0][3]
    assert not any(v in out + err for v in (ID, PHONE, CARD))
    assert "共发现 3 处，涉及 1 个文件" in err


def test_json_shape(tmp_path, capsys):
    pdf = make.pdf(tmp_path / "p.pdf", [["首页"], LEAKS])
    code, out, _ = review(capsys, "--json", pdf)
    assert code == 1
    findings = json.loads(out)
    assert [(f["kind"], f["page"], f["file"]) for f in findings] == [
        ("身份证号", 2, str(pdf)),
        ("手机号", 2, str(pdf)),
        ("银行卡号", 2, str(pdf)),
    ]
    first = findings[0]
    assert {"file", "kind", "line", "page", "excerpt", "value_masked"} <= first.keys()
    assert first["value_masked"] == ID[:4] + "*" * 10 + ID[-4:]
    assert first["value_masked"] in first["excerpt"] and isinstance(first["line"], int)
    assert ID not in out


def test_an_unreadable_file_exits_2_after_the_others_are_reported(tmp_path, capsys):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00" * 100)
    leaks = make.txt(tmp_path / "leaks.txt", LEAKS)
    code, out, err = review(capsys, "--json", broken, leaks, tmp_path / "missing.docx")
    assert code == 2
    findings = json.loads(out)
    assert [(f["file"], f["kind"]) for f in findings] == [
        (str(broken), "未能扫描"),
        (str(leaks), "身份证号"),
        (str(leaks), "手机号"),
        (str(leaks), "银行卡号"),
        (str(tmp_path / "missing.docx"), "未能扫描"),
    ]
    assert "PDF 文件不完整" in findings[0]["excerpt"]
    assert "未能扫描" in err and "Traceback" not in err


def test_text_listing_marks_an_unreadable_file(tmp_path, capsys):
    broken = tmp_path / "x.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\xff" * 64)
    code, out, err = review(capsys, broken)
    assert code == 2
    assert out.startswith(f"{broken}\t-\t未能扫描\t不是有效的 DOCX 文件")
    assert "1 个文件未能扫描，不能视为无问题" in err


def test_a_folder_stands_for_the_files_below_it(tmp_path, capsys):
    (tmp_path / "attachments" / "2024").mkdir(parents=True)
    make.txt(tmp_path / "attachments" / "clean.txt", LOOK_ALIKES)
    leaks = make.docx(tmp_path / "attachments" / "2024" / "list.docx", LEAKS)
    code, out, _ = review(capsys, "--json", tmp_path / "attachments")
    assert code == 1
    assert {f["file"] for f in json.loads(out)} == {str(leaks)}


def test_an_empty_folder_is_not_clean(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    code, out, _ = review(capsys, tmp_path / "empty")
    assert code == 2 and out.endswith(
        "未能扫描\t文件夹中没有文件：" + str(tmp_path / "empty") + "\n"
    )
