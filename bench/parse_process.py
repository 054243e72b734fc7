"""Whole-process time of `gongkai parse FILE --to cells`, as a user runs it: interpreter start,
imports, reading, placement and output (issue #9 targets: the seed text report < 60 ms, the
6-page dev PDF 01_huaian_2024.pdf < 120 ms median).

    .venv/bin/python bench/parse_process.py [--repeat 15] [--install wheel|editable|both] [FILES...]

Two installs, each named beside its figures:
- `wheel` (what a user runs): a wheel of this checkout (`pip wheel`, its build backend fetched
  by pip as for any build), installed with its .pyc into a scratch venv whose dependencies are
  this venv's (a .pth), and that venv's `gongkai` script;
- `editable` (what a developer runs): `.venv/bin/gongkai` of `make install`, whose start also
  runs setuptools' editable-install finder (it imports pathlib, importlib.util, fnmatch: about
  11 ms that no user pays).

Each file is parsed `--repeat` times in a fresh process after one warm-up run (so .pyc files
exist and the file is in the page cache); prints the median and the fastest wall-clock run,
and the median CPU time of the process (user + system, from its rusage). The machine is
shared: the load average is printed beside the figures, and on a loaded machine the CPU time
and the fastest run say more than the median. Numbers, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
GONGKAI = Path(sys.executable).with_name("gongkai")
TARGETS = {"00_guantouzhen_2024.txt": 60, "01_huaian_2024.pdf": 120}
#: what the wheel is built from: the package and its build files, not the venv, tests or data
NOT_BUILT = (".venv", ".git", "__pycache__", "*.egg-info", "build", "dist", "var", "tests")


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--install", choices=("wheel", "editable", "both"), default="both")
    a = ap.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its .pyc
    files = a.files or [DEV / name for name in TARGETS]
    missing = [f for f in files if not f.exists()]
    if missing:
        print(f"找不到文件：{', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-") as tmp:
        installs = []
        if a.install in ("wheel", "both"):
            installs.append(("wheel", wheel_install(Path(tmp))))
        if a.install in ("editable", "both"):
            installs.append(("editable", GONGKAI))
        for kind, script in installs:
            for f in files:
                bench(kind, script, f, a.repeat)
    return 0


def wheel_install(tmp: Path) -> Path:
    """This checkout built as a wheel and installed into a scratch venv in `tmp` (dependencies
    from this venv): the `gongkai` script a user's `pip install` gives."""
    src = tmp / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(*NOT_BUILT))
    pip = [sys.executable, "-m", "pip", "--quiet", "--disable-pip-version-check"]
    quiet([*pip, "wheel", "--no-deps", "-w", str(tmp / "dist"), str(src)])
    venv = tmp / "venv"
    quiet([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # the dependencies: this venv's site-packages, after the scratch one (its .pth files, the
    # editable finder among them, are not run from there)
    Path(site, "bench-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    wheel = next((tmp / "dist").glob("gongkai-*.whl"))
    quiet([*pip, "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)])
    return venv / "bin" / "gongkai"


def quiet(cmd: list[str]) -> None:
    """Run a build step, showing its output only when it fails (the build backend warns)."""
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(cmd)} 失败（退出码 {done.returncode}）：\n{done.stdout}{done.stderr}")


def bench(kind: str, script: Path, f: Path, repeat: int) -> None:
    cmd = [str(script), "parse", str(f), "--to", "cells"]
    subprocess.run(cmd, check=True, capture_output=True)  # warm-up; shows a failure
    runs, cpu = [], []
    load = os.getloadavg()[0]
    for _ in range(repeat):
        wall, used = run(cmd)
        runs.append(wall)
        cpu.append(used)
    target = TARGETS.get(f.name)
    print(
        f"{kind:8} {f.name:28} median {statistics.median(runs) * 1000:6.1f} ms, "
        f"fastest {min(runs) * 1000:6.1f} ms, CPU {statistics.median(cpu) * 1000:6.1f} ms "
        f"({repeat} runs, load {load:.1f})" + (f"  target < {target} ms" if target else "")
    )


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run of `cmd`; exits when it fails."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"{' '.join(cmd)} 失败（退出码 {proc.returncode}）")
    return wall, usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    sys.exit(main())
