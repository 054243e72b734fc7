"""`gongkai check`: check annual reports against the rules of domain-spec §4.

One file:    gongkai check FILE [--previous FILE] [--json] [--html OUT.html] [--all]
Many files:  gongkai check PATH... [--jobs N] [--summary OUT.xlsx|OUT.csv|OUT.html] [--json]

Exit 0 when no ERROR rule is broken, 1 when one is, 2 when an input cannot be read (or the
command is misused). An uncertain finding (a blank or unreadable operand) never makes the
exit code 1: it does not show that a rule is broken.
"""

from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from ..report.checks import Outcome, Severity, iter_findings, ordered
from ..report.checks.finding import Finding
from ..report.checks.pairing import previous_of
from ..report.checks.registry import previous_rules
from ..report.checks.summary import SUFFIXES, FileResult, write_summary
from ..report.model import Report
from ..report.read import NotAReport, ReadError, read_path

BATCH = 4  # files per task in a folder run
REPORT_SUFFIXES = (
    ".txt",
    ".md",
    ".html",
    ".htm",
    ".docx",
    ".doc",
    ".xlsx",
    ".pdf",
    ".png",
    ".jpg",
    ".jpeg",
    ".json",
)
REPORT_JSON_KIND = '"gongkai.report"'


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
    p.set_defaults(run=run)


def run(args) -> int:
    if args.jobs < 0:
        return _misuse("--jobs 不能为负数")
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
    findings = ordered(report, iter_findings(report, previous))
    if args.html:
        from ..report.checks.page import render

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
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_text(text, "utf-8")
        tmp.replace(out)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        print(f"无法写入 {out}：{e.strerror}", file=sys.stderr)
        return False
    return True


# ------------------------------------------------------------------ many files


def collect(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Report files under `paths` (named files are taken as they are) and the problems met."""
    files, problems = [], []
    for name in paths:
        p = Path(name)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES and _maybe_report(f):
                    files.append(f)
        elif p.exists():
            files.append(p)
        else:
            problems.append(f"文件不存在：{p}")
    return list(dict.fromkeys(files)), problems


def _maybe_report(f: Path) -> bool:
    """A JSON file in a folder is a report only if gongkai wrote it (labels and other data are
    skipped); every other suffix is tried."""
    if f.suffix.lower() != ".json":
        return True
    try:
        with f.open("rb") as fh:
            return REPORT_JSON_KIND.encode() in fh.read(4096)
    except OSError:
        return True


def read_one(path: str) -> FileResult:
    """Worker: one file read into a Report and checked on its own (the rules that need last
    year's report run later, once reports are paired), or the reason it cannot be read."""
    try:
        report = read_path(path)
    except NotAReport as e:
        return FileResult(path, error=str(e), not_report=True)
    except ReadError as e:
        return FileResult(path, error=str(e))
    except Exception as e:  # noqa: BLE001 - one broken file must not stop the folder
        return FileResult(path, error=f"读取时出错：{type(e).__name__}: {e}")
    return FileResult(path, report, findings=list(iter_findings(report)))


def read_batch(paths: list[str]) -> list[FileResult]:
    """Worker: a few files at a time, so that small text reports are not outweighed by the
    cost of sending each one to a process."""
    return [read_one(p) for p in paths]


def read_all(files: list[Path], jobs: int) -> list[FileResult]:
    from tqdm import tqdm

    names = [str(f) for f in files]
    jobs = jobs or os.cpu_count() or 1

    def progress():
        return tqdm(
            total=len(names),
            desc="读取",
            unit="份",
            file=sys.stderr,
            disable=not sys.stderr.isatty(),
        )

    results = {}
    if jobs == 1 or len(names) <= 1:
        with progress() as bar:
            for name in names:
                results[name] = read_one(name)
                bar.update()
        return [results[n] for n in names]
    # largest files first, in small batches: the slow PDFs spread over the workers
    order = sorted(names, key=lambda n: -os.path.getsize(n))
    batches = [order[i : i + BATCH] for i in range(0, len(order), BATCH)]
    with ProcessPoolExecutor(max_workers=min(jobs, len(names))) as pool:
        futures = {
            pool.submit(read_batch, b): b for b in batches
        }  # workers start before the bar's thread
        with progress() as bar:
            for future in as_completed(futures):
                batch = futures[future]
                try:
                    results.update((r.path, r) for r in future.result())
                except Exception as e:  # noqa: BLE001 - a crashed worker loses its files, not the run
                    results.update(
                        (n, FileResult(n, error=f"读取进程异常退出：{type(e).__name__}: {e}"))
                        for n in batch
                    )
                bar.update(len(batch))
    return [results[n] for n in names]


def check_many(args) -> int:
    files, problems = collect(args.paths)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not files and not problems:
        print("没有找到年度报告文件", file=sys.stderr)
        return 2
    results = read_all(files, args.jobs)
    results += [FileResult(p.split("：", 1)[-1], error=p) for p in problems]
    reports = [r.report for r in results if r.report is not None]
    by_report = {id(r.report): r for r in results if r.report is not None}
    again = previous_rules()
    for result in results:
        if result.report is None:
            continue
        previous = previous_of(result.report, reports)
        if previous is not None:
            result.previous = by_report[id(previous)].path
            result.findings = [f for f in result.findings if f.rule not in again] + list(
                iter_findings(result.report, previous, rules=again)
            )
        result.findings = ordered(result.report, result.findings)
    if args.summary:
        try:
            write_summary(results, Path(args.summary))
        except OSError as e:
            print(f"无法写入 {args.summary}：{e.strerror}", file=sys.stderr)
            return 2
    if args.json:
        print(
            json.dumps([_result_dict(r, args.all) for r in results], ensure_ascii=False, indent=1)
        )
    else:
        print("\n".join(_result_line(r) for r in results))
    if any(r.error and not r.not_report for r in results):
        return 2
    return 1 if any(r.has_error for r in results) else 0


def _result_dict(r: FileResult, show_passed: bool = False) -> dict:
    """One file of a folder run; passed checks only with --all (they are most of the findings)."""
    rep = r.report
    return {
        "file": r.path,
        "agency": rep.agency if rep else None,
        "year": rep.year if rep else None,
        "format": rep.format.version if rep else None,
        "previous": r.previous,
        "error": r.error,
        "unreadable": [c.key for c in rep.unreadable] if rep else [],
        "passed": sum(1 for f in r.findings if f.outcome is Outcome.PASS),
        "findings": [
            f.to_dict() for f in r.findings if show_passed or f.outcome is not Outcome.PASS
        ],
    }


def _result_line(r: FileResult) -> str:
    if r.not_report:
        return f"{r.path}：已跳过（{r.error}）"
    if r.report is None:
        return f"{r.path}：无法读取（{r.error}）"
    rep = r.report
    counts = "，".join(f"{s.value} {r.count(s)}" for s in Severity)
    line = f"{r.path}：{rep.agency or '（机关未知）'} {rep.year or '？'}年度 {rep.format.version}格式 — {counts}"
    if r.previous:
        line += f"（已与 {r.previous} 比较）"
    errors = [f for f in r.findings if f.is_error]
    return line + "".join(f"\n  [{f.rule}] {f.message}" for f in errors)
