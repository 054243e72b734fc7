"""`gongkai check`: check annual reports against the rules of domain-spec §4.

One file:    gongkai check FILE [--previous FILE] [--json] [--html OUT.html] [--all]
Many files:  gongkai check PATH... [--jobs N] [--engine local|dask [--scheduler ADDRESS]]
             [--summary OUT.xlsx|OUT.csv|OUT.html] [--json]
Rules:       --rules R-1,L-1 and --exclude-rules T- choose rules by ID or family prefix.

Exit 0 when no ERROR rule is broken, 1 when one is, 2 when an input cannot be read (or the
command is misused). An uncertain finding (a blank or unreadable operand) never makes the
exit code 1: it does not show that a rule is broken.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..report.atomic_file import write_atomically
from ..report.checks import Outcome, Severity, iter_findings, ordered
from ..report.checks.finding import Finding
from ..report.checks.registry import UnknownRule, select
from ..report.model import Report
from ..report.read import ReadError, read_path
from ..supervision.collect import collect
from ..supervision.engines import ENGINES, EngineError
from ..supervision.folder import check_files
from ..supervision.results import FileResult
from ..supervision.summary import SUFFIXES, write_summary


def add_parser(sub) -> None:
    p = sub.add_parser(
        "check",
        help="检查年度报告：表内勾稽、正文与表格、结构与发布期限、与上年衔接",
        description="检查一个或多个年度报告。退出码：0 无错误，1 有错误（ERROR），2 无法读取。",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="年度报告文件，或包含报告的文件夹")
    p.add_argument(
        "--previous", metavar="FILE", help="同一机关上一年度的报告（单个文件时），用于 Y- 规则"
    )
    p.add_argument("--json", action="store_true", help="输出机器可读的 JSON")
    p.add_argument("--all", action="store_true", help="也列出通过的检查")
    p.add_argument(
        "--jobs", type=int, default=0, metavar="N", help="并行读取的进程数（默认为 CPU 数）"
    )
    p.add_argument("--summary", metavar="OUT", help="汇总表（.xlsx、.csv 或 .html），每个文件一行")
    p.add_argument("--html", metavar="OUT.html", help="单个文件：生成标出问题单元格的网页")
    p.add_argument(
        "--rules",
        default="",
        metavar="IDS",
        help="只运行这些规则：编号或类别前缀，如 R-1,L-1 或 T-",
    )
    p.add_argument(
        "--exclude-rules", default="", metavar="IDS", help="不运行这些规则：编号或类别前缀"
    )
    p.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="多个文件时在哪里读取：local 本机进程池（默认），dask 在 Dask 集群上",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="--engine dask：Dask 调度器地址（如 tcp://调度器主机:8786）；不给则在本机启动 --jobs 个工作进程",
    )
    p.set_defaults(run=run)


def run(args) -> int:
    if args.jobs < 0:
        return _misuse("--jobs 不能为负数")
    if args.scheduler and args.engine != "dask":
        return _misuse("--scheduler 只用于 --engine dask")
    try:
        args.chosen = select(_ids(args.rules), _ids(args.exclude_rules))
    except UnknownRule as e:
        return _misuse(f"没有这条规则或这类规则：{e}（gongkai rules 列出全部规则）")
    if not args.chosen:
        return _misuse("按 --rules / --exclude-rules 选择后没有剩下任何规则")
    if args.summary and Path(args.summary).suffix.lower() not in SUFFIXES:
        return _misuse(f"--summary 的文件应以 {'、'.join(SUFFIXES)} 结尾：{args.summary}")
    single = len(args.paths) == 1 and not Path(args.paths[0]).is_dir() and not args.summary
    if not single and args.previous:
        return _misuse(
            "--previous 只用于检查单个文件；检查文件夹时会自动配对同一机关相邻年度的报告"
        )
    if not single and args.html:
        return _misuse("--html 只用于检查单个文件")
    return check_one(args) if single else check_many(args)


def _ids(text: str) -> list[str]:
    return [i for i in text.replace("，", ",").split(",") if i.strip()]


def _misuse(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return 2


# ------------------------------------------------------------------ one file


def _read(path: str) -> Report:
    if not Path(path).exists():
        raise ReadError(f"文件不存在：{path}")
    return read_path(path)


def check_one(args) -> int:
    path = args.paths[0]
    try:
        report = _read(path)
    except ReadError as e:
        print(f"无法读取 {path}：{e}", file=sys.stderr)
        return 2
    previous = None
    if args.previous:
        try:
            previous = _read(args.previous)
        except ReadError as e:
            print(f"无法读取上年报告 {args.previous}：{e}", file=sys.stderr)
            return 2
    findings = ordered(report, iter_findings(report, previous, rules=args.chosen))
    if args.html:
        from ..supervision.page import render

        if not _write_text(Path(args.html), render(report, findings)):
            return 2
    if args.json:
        print(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=1))
    else:
        print(_heading(path, report, previous))
        print(format_findings(findings, show_passed=args.all))
    return 1 if any(f.is_error for f in findings) else 0


def _heading(path: str, report: Report, previous: Report | None) -> str:
    bits = [
        report.agency or "（机关未知）",
        f"{report.year}年度" if report.year else "（年度未知）",
        f"{report.format.version}格式",
    ]
    head = f"{path}：{' · '.join(bits)}"
    if previous is not None:
        head += f"（与{previous.year}年度报告比较）"
    unreadable = report.unreadable
    if unreadable:
        head += (
            f"\n有{len(unreadable)}个单元格未能读取："
            + "、".join(c.key for c in unreadable[:10])
            + ("等" if len(unreadable) > 10 else "")
        )
    return head


def _cells_line(f: Finding) -> str:
    if not f.cells:
        return ""
    keys = list(f.cells)
    shown = "、".join(keys[:8]) + (f" 等{len(keys)}个" if len(keys) > 8 else "")
    return f"\n      单元格：{shown}"


def format_findings(findings: list[Finding], show_passed: bool = False) -> str:
    """Broken rules grouped by severity, then the uncertain ones, then a count of passes."""
    out = []
    for severity in Severity:
        group = [f for f in findings if f.failed and f.severity is severity]
        out.append(f"\n{severity.label} {severity.value}（{len(group)}）")
        out += [f"  [{f.rule}] {f.message}{_cells_line(f)}" for f in group]
    unsure = [f for f in findings if f.outcome is Outcome.UNCERTAIN]
    if unsure:
        out.append(f"\n无法判断（{len(unsure)}）")
        out += [f"  [{f.rule} {f.severity.value}] {f.message}{_cells_line(f)}" for f in unsure]
    passed = [f for f in findings if f.outcome is Outcome.PASS]
    rules = sorted({f.rule for f in passed}, key=_rule_order)
    out.append(f"\n通过（{len(passed)}）：{'、'.join(rules)}")
    if show_passed:
        out += [f"  [{f.rule}] {f.message}" for f in passed]
    return "\n".join(out).lstrip("\n")


def _rule_order(rule_id: str) -> tuple:
    family, _, number = rule_id.partition("-")
    return ("RLCPTSY".find(family), int(number) if number.isdigit() else 0)


def _write_text(out: Path, text: str) -> bool:
    try:
        write_atomically(out, text.encode("utf-8"))
    except OSError as e:
        print(f"无法写入 {out}：{e.strerror}", file=sys.stderr)
        return False
    return True


# ------------------------------------------------------------------ many files


def _progress(total: int):
    from tqdm import tqdm

    return tqdm(
        total=total, desc="读取", unit="份", file=sys.stderr, disable=not sys.stderr.isatty()
    )


def check_many(args) -> int:
    files, problems = collect(args.paths)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not files and not problems:
        print("没有找到年度报告文件", file=sys.stderr)
        return 2
    with _progress(len(files)) as bar:
        try:
            results = check_files(
                files,
                jobs=args.jobs,
                engine=args.engine,
                scheduler=args.scheduler,
                rules=args.chosen,
                progress=bar.update,
            )
        except EngineError as e:
            print(f"错误：{e}", file=sys.stderr)
            return 2
    results += [FileResult(p.split("：", 1)[-1], error=p) for p in problems]
    if args.summary:
        try:
            write_summary(results, Path(args.summary))
        except OSError as e:
            print(f"无法写入 {args.summary}：{e.strerror}", file=sys.stderr)
            return 2
    if args.json:
        _print_list(_result_dict(r, args.all) for r in results)
    else:
        for n, r in enumerate(results):  # a line at a time: a folder's findings are large
            print(("\n" if n else "") + _result_line(r), end="")
        print()
    if any(r.error and not r.not_report for r in results):
        return 2
    return 1 if any(r.has_error for r in results) else 0


def _print_list(items) -> None:
    """`print(json.dumps(list(items), ensure_ascii=False, indent=1))`, an item at a time."""
    print("[", end="")
    n = -1
    for n, item in enumerate(items):
        text = json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n ")
        print(f"{',' if n else ''}\n {text}", end="")
    print("\n]" if n >= 0 else "]")


def _result_dict(r: FileResult, show_passed: bool = False) -> dict:
    """One file of a folder run; passed checks only with --all (they are most of the findings)."""
    return {
        "file": r.path,
        "agency": r.agency,
        "year": r.year,
        "format": r.format_version,
        "previous": r.previous,
        "error": r.error,
        "unreadable": r.unreadable,
        "risk": [
            {"flag": f.code, "label": f.label, "evidence": f.evidence, "cells": list(f.cells)}
            for f in r.flags
        ],
        "passed": r.passed,
        "findings": [
            f.to_dict() for f in r.findings if show_passed or f.outcome is not Outcome.PASS
        ],
    }


def _result_line(r: FileResult) -> str:
    if r.not_report:
        return f"{r.path}：已跳过（{r.error}）"
    if not r.has_report:
        return f"{r.path}：无法读取（{r.error}）"
    counts = "，".join(f"{s.value} {r.count(s)}" for s in Severity)
    line = f"{r.path}：{r.agency or '（机关未知）'} {r.year or '？'}年度 {r.format_version}格式 — {counts}"
    if r.previous:
        line += f"（已与 {r.previous} 比较）"
    errors = [p for p in r.problems if p.severity is Severity.ERROR] if r.has_error else []
    return line + "".join(f"\n  [{p.rule}] {p.message}" for p in errors)
