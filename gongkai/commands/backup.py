"""`gongkai backup OUT` / `gongkai restore IN`: a consistent copy of the office (database and
uploaded files) while it runs, and bringing it back into a new, empty database."""

from __future__ import annotations

import sys
from pathlib import Path

from .office_database import open_database


def add_parser(sub) -> None:
    p = sub.add_parser("backup", help="备份办公系统（数据库和附件），可在系统运行时进行")
    p.add_argument("out", type=Path, help="备份文件（.tar.gz）")
    p.set_defaults(run=run_backup)
    p = sub.add_parser("restore", help="从备份文件恢复到新建的空数据库")
    p.add_argument("archive", type=Path, help="gongkai backup 生成的备份文件")
    p.set_defaults(run=run_restore)


def run_backup(args) -> int:
    if args.out.is_dir() or not args.out.parent.is_dir():
        print(f"错误：无法写入备份文件 {args.out}（应为已有目录中的文件名）", file=sys.stderr)
        return 2
    if not open_database():
        return 2
    from gongkai.office.backup.archive import BackupError, backup

    try:
        manifest = backup(args.out)
    except BackupError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    print(f"已备份到 {args.out}（{manifest['engine']}，{manifest['created']}）")
    return 0


def run_restore(args) -> int:
    if not args.archive.is_file():
        print(f"错误：备份文件不存在：{args.archive}", file=sys.stderr)
        return 2
    if not open_database():
        return 2
    from gongkai.office.backup.archive import BackupError, restore

    try:
        manifest = restore(args.archive)
    except BackupError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    print(f"已从 {args.archive} 恢复（备份时间 {manifest['created']}）")
    return 0
