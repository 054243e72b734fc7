"""Random annual reports as gongkai's writers print them, and the hostile ways they reach a
reader: text flattened from the web page, lines joined or cut, page footers inside tables,
compatibility characters, full-width digits. Used by the fuzz campaign (short in the suite,
long with FUZZ_EXAMPLES=N or bench/fuzz_read.py)."""

from __future__ import annotations

import random
import re
from decimal import Decimal
from html.parser import HTMLParser

from gongkai.report.formats import FORMAT_2021, Format
from gongkai.report.model import Cell, Report, TextPart
from gongkai.report.write import write

TEXT = {
    1: "2024年，本机关认真贯彻《中华人民共和国政府信息公开条例》。",
    5: "公开时效有待提高。",
    6: "本年度未收取政府信息公开信息处理费。",
}


def _count(rng: random.Random) -> int:
    """Mostly 0, often small, sometimes large: the shapes real tables have."""
    roll = rng.random()
    if roll < 0.55:
        return 0
    if roll < 0.9:
        return rng.randint(1, 20)
    return rng.randint(21, 5000)


def random_report(seed: int, fmt: Format = FORMAT_2021) -> Report:
    """A report (2021 format unless told) whose numbers keep every total the format defines
    (row totals, （七）总计 = the outcomes, table 3 group totals), as a real report's would."""
    rng = random.Random(seed)
    r = Report(format=fmt, agency="某县某局", year=2020 + seed % 5)
    for n, text in TEXT.items():
        r.parts[n] = TextPart(n, fmt.parts[n - 1].titles[0], text)
    t1, t2, t3 = fmt.tables
    for row in t1.rows:
        for col in row.columns:
            if col.decimal:
                value = f"{Decimal(rng.randint(0, 10**6)) / 100}"
            elif col.signed:
                value = str(rng.randint(-20, 20))
            else:
                value = str(_count(rng))
            r.set(Cell.read(t1.cell_key(row, col), value, decimal=col.decimal))
    people = [c for c in t2.rows[0].columns if c.official and c.key != "total"]
    total = next(c for c in t2.rows[0].columns if c.key == "total")
    sums = {c.key: 0 for c in people}
    for row in t2.rows:
        if not row.official:
            continue
        if row.key == "processed_total":
            values = dict(sums)
        else:
            values = {c.key: _count(rng) for c in people}
            if row.leaf:
                for k, v in values.items():
                    sums[k] += v
        for c in people:
            r.set(Cell.read(t2.cell_key(row, c), str(values[c.key])))
        r.set(Cell.read(t2.cell_key(row, total), str(sum(values.values()))))
    for row in t3.rows:
        parts = [c for c in row.columns if c.key != "total"]
        values = [_count(rng) for _ in parts]
        for c, v in zip(parts, values):
            r.set(Cell.read(t3.cell_key(row, c), str(v)))
        r.set(Cell.read(t3.cell_key(row, "total"), str(sum(values))))
    return r


class _Text(HTMLParser):
    """An HTML page's text as a browser's textContent gives it (no separators at all) or as its
    innerText gives it (a line per block, a tab between cells)."""

    BLOCKS = {"p", "div", "tr", "h1", "h2", "h3", "li", "table", "section", "br"}

    def __init__(self, inner: bool):
        super().__init__()
        self.inner, self.out, self.skip, self.first_cell = inner, [], 0, True

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "title"):
            self.skip += 1
        elif self.inner and tag in self.BLOCKS:
            self.out.append("\n")
            self.first_cell = True
        elif self.inner and tag in ("td", "th"):
            if not self.first_cell:  # a tab between the cells of a row, not before the first
                self.out.append("\t")
            self.first_cell = False

    def handle_endtag(self, tag):
        if tag in ("style", "script", "title"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data if self.inner else data.replace("\n", ""))


def page_text(report: Report, inner: bool) -> str:
    parser = _Text(inner)
    parser.feed(write(report, "html").decode("utf-8"))
    text = "".join(parser.out)
    return re.sub(r"\n\s*\n+", "\n", text) if inner else text


FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
KANGXI = str.maketrans("一人行工", "⼀⼈⾏⼯")


def damage(report: Report, how: str, rng: random.Random) -> tuple[str, str]:
    """(file suffix, content) of `report` damaged in the way `how` names."""
    if how == "text-content":  # a crawler's textContent: the whole page on one line
        return ".txt", page_text(report, inner=False)
    if how == "text-content-lines":  # the same, cut into a few lines anywhere
        flat = page_text(report, inner=False)
        cuts = sorted(rng.sample(range(1, len(flat)), k=min(4, len(flat) - 1)))
        return ".txt", "\n".join(flat[a:b] for a, b in zip([0, *cuts], [*cuts, len(flat)]))
    lines = page_text(report, inner=True).split("\n")
    if how == "inner-text":
        return ".txt", "\n".join(lines)
    if how == "footers":  # a page footer between any two lines
        for _ in range(3):
            lines.insert(rng.randrange(1, len(lines)), f"— {rng.randint(1, 9)} —")
        return ".txt", "\n".join(lines)
    if how == "joined-lines":  # two neighbouring lines run together
        for _ in range(3):
            i = rng.randrange(len(lines) - 1)
            lines[i : i + 2] = [lines[i] + rng.choice(["", " ", "\t"]) + lines[i + 1]]
        return ".txt", "\n".join(lines)
    if how == "cut-lines":  # a line broken in two anywhere
        for _ in range(3):
            i = rng.randrange(len(lines))
            if len(lines[i]) > 1:
                k = rng.randrange(1, len(lines[i]))
                lines[i : i + 1] = [lines[i][:k], lines[i][k:]]
        return ".txt", "\n".join(lines)
    if how == "characters":  # full-width digits and Kangxi radicals from an odd font
        return ".txt", "\n".join(lines).translate(FULL_WIDTH).translate(KANGXI)
    raise ValueError(how)


HOW = (
    "text-content",
    "text-content-lines",
    "inner-text",
    "footers",
    "joined-lines",
    "cut-lines",
    "characters",
)
