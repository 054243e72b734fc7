"""`gongkai review FILE... [--json]`: scan documents for personal data and secrecy marks before
they are published (条例第十七条).

Each finding is printed with its file, page, line and a masked excerpt; `--json` prints one
array of all findings. A folder stands for every file below it. Exit 0 when nothing is found, 1 when something is, 2 when any file
could not be read (after the others are reported): an unread file is never called clean.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..review import scan_file
from ..review.files import unscanned
from ..review.flags import UNSCANNED


def add_parser(sub) -> None:
    p = sub.add_parser(
        "review",
        help="发布前审查：查找身份证号、手机号、银行卡号和密级标志",
        description=(
            "扫描待公开的文件（txt、html、docx、xlsx、pdf、图片），查找个人信息和密级标志。"
            "退出码：0 未发现，1 有发现，2 有文件无法读取。"
        ),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="待审查的文件，或包含文件的文件夹")
    p.add_argument("--json", action="store_true", help="输出机器可读的 JSON 数组")
    p.set_defaults(run=run)


def run(args) -> int:
    findings: list[dict] = []
    unread = 0
    for path in _files(args.files):
        result = unscanned(f"文件夹中没有文件：{path}") if Path(path).is_dir() else scan_file(path)
        if result.unscanned_reason is not None:
            unread += 1
            if args.json:  # the text listing says so on its own line
                print(f"未能扫描 {path}：{result.unscanned_reason}", file=sys.stderr)
        findings += [{"file": path, **f.as_dict()} for f in result.flags]
    if args.json:
        print(json.dumps(findings, ensure_ascii=False, indent=1))
    else:
        for f in findings:
            print(_line(f))
        print(_summary(findings, unread), file=sys.stderr)
    if unread:
        return 2
    return 1 if findings else 0


def _files(paths: list[str]) -> list[str]:
    """The files named, a folder replaced by the files below it (sorted; hidden ones too:
    whatever is in the folder may be published). An empty folder stays, to be reported."""
    out = []
    for path in paths:
        p = Path(path)
        below = sorted(str(f) for f in p.rglob("*") if f.is_file()) if p.is_dir() else []
        out += below or [path]
    return out


def _summary(findings: list[dict], unread: int) -> str:
    found = [f for f in findings if f["kind"] != UNSCANNED]
    bits = [
        f"共发现 {len(found)} 处，涉及 {len({f['file'] for f in found})} 个文件"
        if found
        else "未发现个人信息或密级标志"
    ]
    if unread:
        bits.append(f"{unread} 个文件未能扫描，不能视为无问题")
    return "；".join(bits)


def _line(f: dict) -> str:
    """FILE  第2页 第14行  身份证号  …身份证号：4201**********1234，…"""
    where = " ".join(
        bit
        for bit in (
            f"第{f['page']}页" if f["page"] is not None else "",
            f"第{f['line']}行" if f["line"] is not None else "",
            f["location"] or "",
        )
        if bit
    )
    kind = f["kind"] + (f"（{f['detail']}）" if f["detail"] and f["kind"] != UNSCANNED else "")
    return "\t".join((f["file"], where or "-", kind, f["excerpt"]))
