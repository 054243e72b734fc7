"""`gongkai import-reports PATH... --office NAME`: load a folder of annual reports into a
supervising office's roster, as the browser upload does, read here rather than by the worker.

Each file is kept, read, matched to its roster agency and year by its title (else it waits
for a person on the 指定 page) and checked. Exit 0 when every file was read, 2 when any could
not be (each named with the reason), or when the office or a path does not exist.
"""

from __future__ import annotations

import sys

from .office_database import open_database


def add_parser(sub) -> None:
    p = sub.add_parser(
        "import-reports",
        help="将一批年度报告文件导入监督机关的应报单位（按标题匹配机关和年度），并读取检查",
        description="导入年度报告文件（或文件夹）到监督机关。任一文件无法读取时退出码为2。",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="年度报告文件，或包含报告的文件夹")
    p.add_argument("--office", required=True, metavar="NAME", help="监督机关名称（须已存在）")
    p.set_defaults(run=run)


def run(args) -> int:
    from gongkai.supervision.collect import collect

    files, problems = collect(args.paths)
    if not files and not problems:
        print("没有找到年度报告文件", file=sys.stderr)
        return 2
    if not open_database():
        return 2
    from gongkai.office.agencies.models import Agency
    from gongkai.office.supervision.intake import receive

    office = Agency.objects.filter(name=args.office.strip()).first()
    if office is None:
        print(f"错误：没有名为“{args.office}”的机关（先在机关管理中建立）", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem, file=sys.stderr)
    counts = {"read": 0, "waiting": 0, "failed": len(problems)}
    for path in files:
        sub = receive(office, path)
        if sub.state == sub.State.FAILED:
            counts["failed"] += 1
            print(f"{path}：无法读取（{sub.error}）", file=sys.stderr)
        elif sub.agency_id is None:
            counts["waiting"] += 1
            who = sub.printed_agency or "机关未知"
            print(f"{path}：已读取，待人工指定机关和年度（报告所署：{who}）")
        else:
            counts["read"] += 1
            print(f"{path}：已读取，{sub.agency.name}{sub.year}年度，错误{sub.errors}个")
    print(
        f"共{len(files) + len(problems)}个文件：已匹配{counts['read']}个，"
        f"待人工指定{counts['waiting']}个，无法读取{counts['failed']}个。"
    )
    return 2 if counts["failed"] else 0
