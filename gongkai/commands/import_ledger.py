"""`gongkai import-ledger FILE... --agency NAME`: load a ledger spreadsheet, all or nothing."""

from __future__ import annotations

import sys

from .office_database import open_database


def add_parser(sub) -> None:
    p = sub.add_parser(
        "import-ledger", help="从台账表格（XLSX/CSV）导入申请和复议诉讼案件；任一行有误则整体不导入"
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="台账文件 .xlsx 或 .csv（复议诉讼可在第二个工作表或单独文件）",
    )
    p.add_argument("--agency", required=True, help="机关名称；不存在时新建为顶级机关")
    p.set_defaults(run=run)


def run(args) -> int:
    if not open_database():
        return 2
    from gongkai.office.ledger.load import import_ledger
    from gongkai.office.ledger.sheet import LedgerUnreadable

    try:
        result = import_ledger(args.files, args.agency)
    except LedgerUnreadable as e:
        print(f"无法读取台账：{e}", file=sys.stderr)
        return 2
    if not result.ok:
        print(f"台账有{len(result.errors)}处错误，未导入任何记录：", file=sys.stderr)
        for err in result.errors:
            print(f"  {err}", file=sys.stderr)
        return 1
    made = "（新建机关）" if result.created_agency else ""
    print(
        f"已导入{result.agency.name}{made}：申请{result.applications}件，复议诉讼{result.appeals}件。"
    )
    return 0
