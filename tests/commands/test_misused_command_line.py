"""A misused command line is refused in Chinese with exit 2: an unknown sub-command, a missing
file, a value not among the choices, an option without its value, an unknown option."""

import re

import pytest

from gongkai.cli import main


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["nope"], "gongkai：错误：没有这个命令：'nope'。可用的命令：'parse', 'check'"),
        (["parse"], "gongkai parse：错误：缺少必需的参数：file"),
        (["parse", "a.txt", "--to", "pdf"], "参数 --to 的取值 'pdf' 无效，可选：'cells'"),
        (["parse", "a.txt", "-o"], "参数 -o/--output 后面需要一个值"),
        (["rules", "--nope"], "无法识别的参数：--nope"),
        (["workdays", "nope"], "gongkai workdays：错误：没有这个命令：'nope'。可用的命令：'add'"),
    ],
)
def test_a_misused_command_line_is_refused_in_chinese(capsys, argv, expected):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert expected in err and err.startswith("用法：gongkai")
    # nothing of argparse's English is left but the usage line's own option names
    message = err.split("：错误：", 1)[1]
    assert not re.search(r"\b(error|usage|invalid|choose|required|argument|expected)\b", message)
