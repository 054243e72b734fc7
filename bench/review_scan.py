"""The pre-publication scanner's figures: what it finds of planted values, what it raises on
look-alikes, and how fast it reads.

    .venv/bin/python bench/review_scan.py [--lines 2000] [--seed 1]

1. Planted: `--lines` lines each holding one generated value (identity number, mobile, card,
   secrecy mark) in prose; the share of each kind found.
2. Look-alikes: as many lines of 统一社会信用代码, 文号, identity numbers with a wrong check
   digit, random 16-19 digit serials, Luhn-valid serials of VISA / MasterCard / JCB prefixes
   (with and without a serial label), office lines, dates and legal text; the flags raised.
3. Speed: scan_text on about 1 MB of prose and of a dense numeric table; scan_file on a
   20-page PDF, a DOCX and an XLSX made here (no OCR).
Numbers, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "review"))
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

from pdf_maker import Page, build  # noqa: E402
from values import card, credit_code, id_number, mobile, wrong_check  # noqa: E402

from gongkai.review import scan_file, scan_text  # noqa: E402
from gongkai.review.flags import BANK_CARD, ID_NUMBER, MOBILE, SECRECY_MARK  # noqa: E402

PROSE = "经审核，申请人符合救助条件，现予公示，公示期为七个工作日。"
MARKS = ("秘密★1年", "机密★长期", "绝密★启用前", "内部资料 注意保存", "密级：秘密")
INTERNATIONAL = ("4", "51", "53", "55", "2221", "2720", "3528")
LEGAL = (
    "涉及国家秘密的不予公开。",
    "涉及商业秘密、个人隐私的，应当书面征求第三方意见。",
    "申请公开的信息属于内部文件，不予公开。",
)


def planted(rng: random.Random, n: int) -> list[tuple[str, str]]:
    makers = {
        ID_NUMBER: lambda: f"身份证号{id_number(rng)}",
        MOBILE: lambda: f"联系电话{mobile(rng)}",
        BANK_CARD: lambda: f"发放至账户{card(rng)}",
        SECRECY_MARK: lambda: rng.choice(MARKS),
    }
    kinds = list(makers)
    return [(k, f"{PROSE}{makers[k]()}。") for k in (kinds[i % 4] for i in range(n))]


def look_alikes(rng: random.Random, n: int) -> list[str]:
    makers = (
        lambda: f"统一社会信用代码：{credit_code(rng)}",
        lambda: f"竹政发〔{rng.randrange(2000, 2026)}〕{rng.randrange(1, 200)}号",
        lambda: f"受理编号{wrong_check(id_number(rng))}",
        lambda: f"流水号{rng.randrange(10**15, 10**19)}",
        lambda: f"项目{card(rng, rng.choice(INTERNATIONAL), 16)}已完成验收",
        lambda: f"订单号{card(rng, rng.choice(INTERNATIONAL), 16)}",
        lambda: f"咨询电话0719-{rng.randrange(10**6, 10**7)}",
        lambda: f"{rng.randrange(2000, 2026)}年{rng.randrange(1, 13)}月{rng.randrange(1, 29)}日",
        lambda: rng.choice(LEGAL),
    )
    return [f"{PROSE}{makers[i % len(makers)]()}" for i in range(n)]


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--lines", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)

    print("1. planted values found")
    plants = planted(rng, a.lines)
    found = Counter()
    for kind, line in plants:
        found[kind] += any(f.kind == kind for f in scan_text(line))
    for kind, total in Counter(k for k, _ in plants).items():
        print(f"   {kind}\t{found[kind]}/{total}")

    print("2. flags raised on look-alikes")
    raised = Counter(f.kind for line in look_alikes(rng, a.lines) for f in scan_text(line))
    print(f"   {a.lines} lines: {sum(raised.values())} flags {dict(raised)}")

    print("3. speed")
    prose = "\n".join(line for _, line in planted(rng, 12000))
    table = "\n".join(
        f"{i}\t某村\t{rng.randrange(10**6)}\t0719-4221234\t2024年1月{i % 28 + 1}日\t"
        f"{rng.randrange(10**15, 10**16)}"
        for i in range(20000)
    )
    for name, text in (("prose", prose), ("numeric table", table)):
        seconds, flags = timed(scan_text, text)
        found = f", {len(flags)} flags"
        mb = len(text.encode()) / 1e6
        print(
            f"   scan_text {name}: {mb:.1f} MB in {seconds:.2f} s ({mb / seconds:.1f} MB/s){found}"
        )
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in _files(Path(tmp), rng).items():
            seconds, result = timed(scan_file, path)
            print(f"   scan_file {name}: {seconds:.2f} s, {len(result.flags)} flags")
    return 0


def _files(tmp: Path, rng: random.Random) -> dict[str, Path]:
    import docx
    from openpyxl import Workbook

    lines = [line for _, line in planted(rng, 800)]
    pages = []
    for p in range(20):
        page = Page()
        for i, line in enumerate(lines[p * 30 : p * 30 + 30]):
            page.text(40, 40 + 25 * i, line[-30:], size=9)
        pages.append(page)
    (tmp / "20-pages.pdf").write_bytes(build(pages))
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    d.save(tmp / "800-paragraphs.docx")
    wb = Workbook()
    for i in range(10000):
        wb.active.append([i, lines[i % len(lines)]])
    wb.save(tmp / "10000-rows.xlsx")
    return {p.name: p for p in sorted(tmp.iterdir())}


if __name__ == "__main__":
    sys.exit(main())
