"""`gongkai demo`: load the demo county (idempotent) and print the demo logins."""

from __future__ import annotations

from .office_database import open_database


def add_parser(sub) -> None:
    p = sub.add_parser(
        "demo", help="载入演示数据（示范县三个机关，2024–2026年案件），并列出演示账号"
    )
    p.set_defaults(run=run)


def run(args) -> int:
    if not open_database():
        return 2
    from gongkai.office.demo import load_demo

    load_demo()
    return 0
