"""The web-form fuzz campaign at length: tests/fuzz/test_office_forms_fuzz.py with many more
examples (hostile values in every field of every office form, as each role).

    .venv/bin/python bench/office_fuzz.py [--per-form 500]

Prints pytest's outcome and the time taken; the suite runs the same test with 10 per form.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

TEST = Path(__file__).resolve().parents[1] / "tests" / "fuzz" / "test_office_forms_fuzz.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-form", type=int, default=500)
    args = parser.parse_args()
    start = time.monotonic()
    r = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", str(TEST)],
        env={**os.environ, "GONGKAI_FUZZ_EXAMPLES": str(args.per_form)},
    )
    print(
        f"{args.per_form} examples per form: exit {r.returncode}, {time.monotonic() - start:.0f} s"
    )
    return r.returncode


if __name__ == "__main__":
    sys.exit(main())
