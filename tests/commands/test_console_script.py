"""The `gongkai` console script (`cli.console`) is `main` in a process of its own: the same
output and exit codes. Only it freezes what the imports made (gc.freeze, for the collector's
sake); `main` called in a process that goes on leaves the collector as it was."""

import gc
import subprocess
import sys
import tomllib
from pathlib import Path

from gongkai.cli import main

from ..corpus import DEV

ROOT = Path(__file__).resolve().parents[2]
CONSOLE = "import sys; from gongkai.cli import console; sys.exit(console())"


def _console(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CONSOLE, *args], capture_output=True, text=True)


def test_the_installed_command_is_the_console_entry():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert scripts["gongkai"] == "gongkai.cli:console"


def test_the_console_prints_what_main_prints_and_exits_as_it_does(capsys):
    text = DEV / "00_guantouzhen_2024.txt"
    done = _console("parse", str(text), "--to", "cells")
    assert done.returncode == 0 == main(["parse", str(text), "--to", "cells"])
    assert done.stdout == capsys.readouterr().out
    assert '"agency": "管头镇人民政府"' in done.stdout
    missing = _console("parse", str(ROOT / "no-such-report.pdf"))
    assert missing.returncode == 2 and "文件不存在" in missing.stderr
    misused = _console("parse")
    assert misused.returncode == 2 and "缺少必需的参数" in misused.stderr


def test_main_in_a_process_that_goes_on_leaves_the_collector_alone(capsys):
    frozen, enabled = gc.get_freeze_count(), gc.isenabled()
    assert main(["parse", str(DEV / "00_guantouzhen_2024.txt"), "--to", "cells"]) == 0
    assert (gc.get_freeze_count(), gc.isenabled()) == (frozen, enabled)
