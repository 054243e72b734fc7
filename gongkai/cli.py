"""The `gongkai` command: one sub-command per module in `gongkai.commands`.

Each command module exposes `add_parser(subparsers)` and `run(args) -> int`. Exit codes are
shared: 0 all good, 1 the input was read and breaks a rule (an ERROR finding, a rejected
import), 2 the input could not be read or the command was misused.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys

from gongkai.commands.arguments import ArgumentParser

COMMANDS = (
    "parse",  # gongkai parse FILE --to cells|json|md|html|xlsx|docx
    "check",  # gongkai check PATH... [--previous FILE] [--json] [--summary OUT] [--html OUT]
    #          [--rules IDS] [--exclude-rules IDS] [--engine local|dask [--scheduler ADDRESS]]
    "render",  # gongkai render REPORT.json --to docx|html|md|xlsx -o OUT
    "workdays",  # gongkai workdays add DATE N
    "import_ledger",  # gongkai import-ledger FILE --agency NAME
    "compile",  # gongkai compile --agency NAME --year Y
    "import_catalogue",  # gongkai import-catalogue FILE --agency NAME
    "catalogue",  # gongkai catalogue late --agency NAME --year Y [--as-of DATE]
    "serve",  # gongkai serve
    "demo",  # gongkai demo: the demo county, idempotent
    "backup",  # gongkai backup OUT / gongkai restore IN
    "review",  # gongkai review FILE... [--json]: personal data and secrecy marks before publishing
    "rules",  # gongkai rules [ID...]: every rule with its title, severity, fault and fix
    "aggregate",  # gongkai aggregate PATH... [--to cells|json|xlsx|csv] [-o OUT]
    "compare",  # gongkai compare OLD NEW [--json]
    "worker",  # gongkai worker [--once]: reads uploaded reports from the database queue
    "import_previous",  # gongkai import-previous FILE --agency NAME: last year's published report
    "reminders",  # gongkai reminders [--as-of DATE] [--dry-run]: the day's 今日工作 by mail
    "import_reports",  # gongkai import-reports PATH... --office NAME: a folder into a roster
)


def _name(module: str) -> str:
    """The sub-command a module registers: import_ledger → import-ledger."""
    return module.replace("_", "-")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every sub-command, or with `only` that one: a command's module (and what
    it imports) is loaded only when it runs, so `gongkai parse` does not pay for the office."""
    parser = ArgumentParser(
        prog="gongkai", description="政府信息公开: 年度报告的读取、检查与生成，依申请公开台账"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        if only is None or name == only:
            importlib.import_module(f"gongkai.commands.{name}").add_parser(sub)
    return parser


def _command(argv: list[str]) -> str | None:
    """The module of the sub-command `argv` names, when it names one before any option."""
    first = next((a for a in argv if not a.startswith("-")), None)
    if first is None or (argv and argv[0].startswith("-")):
        return None  # gongkai --help, or options first: the full parser answers
    return next((m for m in COMMANDS if _name(m) == first), None)


def main(argv: list[str] | None = None) -> int:
    return run(parse(sys.argv[1:] if argv is None else list(argv)))


def console() -> int:
    """The `gongkai` console script: `main` in a process of its own.

    What loading a command makes (modules, classes, the format's tables) lives until the
    process exits, so the cyclic collector is kept from scanning it again and again: off while
    the command line is parsed and the command's modules load, then all of it frozen
    (`gc.freeze`) and the collector on for the command's own work; what is left when the
    command ends is frozen too, so the collection at exit has nothing to scan (5% of the
    instructions of a text report's whole `gongkai parse`, bench/parse_process.py). `main`,
    called in a process that goes on (a test, other code), leaves the collector as it is."""
    gc.disable()
    try:
        args = parse(sys.argv[1:])
    finally:
        gc.freeze()
        gc.enable()
    try:
        return run(args)
    finally:
        gc.freeze()


def parse(argv: list[str]) -> argparse.Namespace:
    """The command line's arguments, the command's module loaded (exit 2 when misused)."""
    return build_parser(_command(argv)).parse_args(argv)


def run(args: argparse.Namespace) -> int:
    """Run the parsed command: its exit code; a bug is reported without a traceback."""
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug must not show the user a traceback; GONGKAI_DEBUG=1 shows it
        if os.environ.get("GONGKAI_DEBUG"):
            raise
        print(
            f"内部错误（{type(e).__name__}: {e}）。请将输入文件和这条消息报告给 gongkai 的维护者；"
            "设置 GONGKAI_DEBUG=1 可看到详细信息。",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(console())
