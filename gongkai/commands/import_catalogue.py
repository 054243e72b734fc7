"""`gongkai import-catalogue FILE --agency NAME`: load a 主动公开 catalogue, all or nothing."""

from __future__ import annotations

import sys
from pathlib import Path

from .office_database import open_database


def add_parser(sub) -> None:
    p = sub.add_parser(
        "import-catalogue", help="从目录表格（XLSX/CSV）导入主动公开目录；任一行有误则整体不导入"
    )
    p.add_argument("file", metavar="FILE", help="目录文件 .xlsx 或 .csv")
    p.add_argument("--agency", required=True, help="机关名称；不存在时新建为顶级机关")
    p.set_defaults(run=run)


def run(args) -> int:
    if not open_database():
        return 2
    from gongkai.office.catalogue.catalogue_import import import_catalogue
    from gongkai.office.ledger.sheet import LedgerUnreadable

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as e:
        print(f"无法读取目录：{path}（{e.strerror}）", file=sys.stderr)
        return 2
    try:
        result = import_catalogue(path.name, data, args.agency)
    except LedgerUnreadable as e:
        print(f"无法读取目录：{e}", file=sys.stderr)
        return 2
    if not result.ok:
        errors = result.catalogue.errors
        print(f"目录有{len(errors)}处错误，未导入任何条目：", file=sys.stderr)
        for err in errors:
            print(f"  {err}", file=sys.stderr)
        return 1
    made = "（新建机关）" if result.created_agency else ""
    print(f"已导入{result.agency.name}{made}：目录条目{result.saved}条。")
    return 0
