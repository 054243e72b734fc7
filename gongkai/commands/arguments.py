"""The command line's own refusals in Chinese: argparse writes its errors in English (Python
ships no Chinese catalogue for it), so the parser of `gongkai` and of every sub-command turns
each of argparse's messages into Chinese before printing it, then exits 2 as argparse does."""

from __future__ import annotations

import argparse
import os
import re
import sys

#: argparse's messages (Python 3.11, argparse.py) → the Chinese a user reads; first match wins
MESSAGES = (
    (
        r"argument (?P<arg>[A-Z]+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)",
        "没有这个命令：{value}。可用的命令：{choices}",
    ),
    (
        r"argument (?P<arg>.+?): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)",
        "参数 {arg} 的取值 {value} 无效，可选：{choices}",
    ),
    (
        r"argument (?P<arg>.+?): invalid (?P<type>\S+) value: (?P<value>.+)",
        "参数 {arg} 的值 {value} 无效",
    ),
    (r"argument (?P<arg>.+?): expected one argument", "参数 {arg} 后面需要一个值"),
    (r"argument (?P<arg>.+?): expected at most one argument", "参数 {arg} 后面至多一个值"),
    (r"argument (?P<arg>.+?): expected at least one argument", "参数 {arg} 后面至少需要一个值"),
    (r"argument (?P<arg>.+?): expected (?P<n>\d+) arguments?", "参数 {arg} 后面需要 {n} 个值"),
    (
        r"argument (?P<arg>.+?): not allowed with argument (?P<other>.+)",
        "参数 {arg} 不能与 {other} 同时使用",
    ),
    (
        r"argument (?P<arg>.+?): ignored explicit argument (?P<value>.+)",
        "参数 {arg} 不接受值 {value}",
    ),
    (r"the following arguments are required: (?P<args>.+)", "缺少必需的参数：{args}"),
    (r"one of the arguments (?P<args>.+) is required", "必须给出以下参数之一：{args}"),
    (r"unrecognized arguments: (?P<args>.+)", "无法识别的参数：{args}"),
    (
        r"ambiguous option: (?P<option>.+?) could match (?P<matches>.+)",
        "选项 {option} 有歧义，可能是：{matches}",
    ),
    # a command's own check (an ArgumentTypeError) already speaks Chinese: only the frame changes
    (r"argument (?P<arg>.+?): (?P<message>.+)", "参数 {arg}：{message}"),
)
USAGE = "用法："
ERROR = "错误："
HELP_HINT = "加 -h 查看帮助。"


def chinese(message: str) -> str:
    """argparse's English `message` in Chinese (unchanged when no pattern knows it)."""
    for pattern, text in MESSAGES:
        found = re.fullmatch(pattern, message, flags=re.DOTALL)
        if found:
            return text.format(**found.groupdict())
    return message


def terminal_width() -> int:
    """The terminal's columns as `shutil.get_terminal_size` finds them ($COLUMNS, then the
    terminal of stdout, else 80)."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, told the terminal's width: asked for none, argparse imports
    shutil (and with it zlib, bz2 and lzma, 2 ms of every `gongkai parse`) to look it up, and
    it makes a formatter for every argument a parser adds."""

    def __init__(self, prog: str, indent_increment=2, max_help_position=24, width=None) -> None:
        width = terminal_width() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser whose refusals are printed in Chinese (exit 2, as argparse's)."""

    def __init__(self, *args, formatter_class=HelpFormatter, **kwargs) -> None:
        super().__init__(*args, formatter_class=formatter_class, **kwargs)

    def error(self, message: str):
        usage = self.format_usage().replace("usage: ", USAGE, 1)
        sys.stderr.write(usage)
        self.exit(2, f"{self.prog}：{ERROR}{chinese(message)}\n{HELP_HINT}\n")
