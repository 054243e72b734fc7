"""Place printed values into the official cells, by row label and column label.

One placement serves every input kind: the document is cut into the six parts by their
titles, each table part is turned into row entries (`entries.py`), each entry's label is
matched to an official row (`match.py`), and the row's values go to the columns in the order
the table's header prints them. A value is never placed by counting numbers across rows: a
row whose number of values does not fit its columns, or a run of values that cannot be tied
to exactly one label, leaves its cells UNREADABLE with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..formats import OTHER_KEY, TOTAL_COLUMN, Row, Table
from ..model import UNREADABLE_NOTE, Cell, Report, State
from ..normalize import loose
from .detect import detect_format
from .document import Document, Grid, Line, NotAReport, ReadError, folded
from .entries import Entry, Value, entries_from_grid, entries_from_lines, join_detached
from .flat import is_flat, relined
from .glued import alternatives, blank_possible, total_of
from .match import how_matched, match_row, whole_label
from .meta import read_meta
from .ocr_confidence import MIN_CONFIDENCE
from .parts import split_parts
from .solve import solve_columns

ALTERNATIVES_SHOWN = 5  # splits of glued digits listed in an unreadable cell's reason
ORG_KEYS = (
    "commercial_enterprise",
    "research_institution",
    "public_welfare_org",
    "legal_service_org",
    "other_org",
)


def place(doc: Document) -> Report:
    """The Report a Document holds; ReadError when it holds no annual report."""
    doc = folded(doc)
    fmt = detect_format(doc.plain_text())
    if is_flat(doc, fmt):
        doc = relined(doc, fmt)
    report = Report(format=fmt, source_file=doc.path, source_kind=doc.kind)
    regions = split_parts(doc, fmt)
    for region in regions:
        if region.part is not None and region.part not in report.parts:
            report.parts[region.part] = region.text_part()
    read_meta(report, doc, regions)
    for table in fmt.tables:
        blocks = [b for r in regions if r.table == table.key for b in r.blocks]
        if blocks:
            TablePlacer(report, table, blocks).run()
    if not any(c.state is State.NUMBER for c in report.cells.values()):
        if not report.parts:
            raise NotAReport("不是政府信息公开工作年度报告：没有找到报告的各部分标题和统计表")
        raise ReadError("没有读到统计表中的任何数字：表格的版式无法识别")
    return report


def _row_identities(keys: list[str]):
    """The totals a printed row must satisfy, by the keys of its cells in order: 总计 (and a
    法人小计) in table 2, each group's 总计 in table 3 (domain-spec §4.2 R-3, §4.3 L-1)."""
    at = {k: i for i, k in enumerate(keys)}
    out = []
    if "total" in at:  # a table-2 row
        org = [at[k] for k in ORG_KEYS if k in at]
        if "org_subtotal" in at:
            out.append(total_of(org, at["org_subtotal"]))
            out.append(total_of([at["natural_person"], at["org_subtotal"]], at["total"]))
        else:
            out.append(total_of([at["natural_person"], *org], at["total"]))
    for group in ("review", "litigation_direct", "litigation_after_review"):
        if f"{group}.total" in at:
            parts = [at[f"{group}.{c}"] for c in ("maintained", "corrected", "other", "pending")]
            out.append(total_of(parts, at[f"{group}.total"]))
    return out


def _header_positions(heads: list[tuple[str, int]], columns) -> dict[str, int]:
    """Column key → the grid column of the header cell printing its label (the lowest header
    row wins, where the five organisation columns sit under 法人或其他组织). Empty when the
    header cells do not give every column its own grid column."""
    found: dict[str, int] = {}
    for text, col in heads:
        t = loose(text)
        for c in columns:
            if t == loose(c.label) or (not c.official and t.endswith("小计")):
                found[c.key] = col
    official = [c.key for c in columns if c.official]
    if any(k not in found for k in official) or len(set(found.values())) != len(found):
        return {}
    return found


def _entries(blocks: list[Line | Grid], table: Table) -> list[Entry]:
    out: list[Entry] = []
    run: list[Line] = []

    def lines() -> list[Entry]:
        return join_detached(
            entries_from_lines(run),
            lambda label: match_row(label, table),
            lambda row: not row.official and bool(row.parts),
            lambda label: whole_label(label, table),
        )

    for b in blocks:
        if isinstance(b, Line):
            run.append(b)
            continue
        out += lines()
        run = []
        out += entries_from_grid(b)
    return out + lines()


@dataclass
class TablePlacer:
    report: Report
    table: Table
    blocks: list[Line | Grid]
    header: str = ""
    filled: set[str] = field(default_factory=set)
    positions: dict[str, int] = field(default_factory=dict)  # column key → grid column (grids)
    subtotal_at: int | None = None  # where a 法人小计 column the header did not name sits
    alternatives: dict[str, str] = field(default_factory=dict)  # row → its possible splits
    #: table-2 rows whose glued digits split several ways: row key → (splits, values, entry)
    glued: dict[str, tuple] = field(default_factory=dict)

    def run(self) -> None:
        entries = _entries(self.blocks, self.table)
        if self.table.key == "t3":
            self._place_t3(entries)
            return
        self._place_rows(entries)
        if self.table.key == "t2":
            self._solve_glued()
            self._single_row_other()

    # ------------------------------------------------------------------ tables 1 and 2
    def _place_rows(self, entries: list[Entry]) -> None:
        rows: list[Row | None] = []
        heads: list[tuple[str, int]] = []
        for e in entries:
            row = match_row(e.label, self.table) if e.label else None
            if row is None and e.label and not any(rows):
                self.header += e.label
                heads += e.heads
            rows.append(row)
        if self.table.key == "t2":
            self.positions = _header_positions(heads, self.table.rows[0].columns)
            self._find_subtotal([e for e, r in zip(entries, rows) if r is not None and e.values])
        entries, rows = self._join_wrapped(entries, rows)
        segment: list[tuple[Entry, Row | None]] = []
        last: tuple[Entry, Row] | None = None  # the row filled right before the segment
        for e, row in zip(entries, rows):
            if row is not None and e.values is not None and row.key not in self.filled:
                self._pair(segment, last)
                segment = []
                self._fill(row, e.values, e, [])
                last = (e, row)
            else:
                segment.append((e, row))
        self._pair(segment, last)

    def _join_wrapped(self, entries: list[Entry], rows: list[Row | None]):
        """A text row whose values wrap onto the next line ("… 3001 53 0 0" / "61 4 3119"):
        the label's values and the unlabelled values right after it are one row when together
        they are exactly as many as the row's columns."""
        out_e, out_r, i = [], [], 0
        while i < len(entries):
            e, row = entries[i], rows[i]
            j = i + 1
            if row is not None and e.values and not e.from_grid:
                need, values = len(self._columns(row)), list(e.values)
                while (
                    len(values) < need
                    and j < len(entries)
                    and not entries[j].label
                    and entries[j].values
                    and len(values) + len(entries[j].values) <= need
                ):
                    values += entries[j].values
                    j += 1
                if len(values) == need and j > i + 1:
                    steps = [
                        *e.steps,
                        f"数值折到下一行：本行与其后{j - i - 1}行无标签的数值合为{need}个",
                    ]
                    e = Entry(e.label, e.label_sources, values, steps=steps)
                else:
                    j = i + 1
            out_e.append(e)
            out_r.append(row)
            i = j
        return out_e, out_r

    def _pair(
        self, segment: list[tuple[Entry, Row | None]], last: tuple[Entry, Row] | None = None
    ) -> None:
        """Tie labels printed without values to value runs printed without labels, in order.

        A tall label cell is often printed above or below the values of its row. Inside a
        stretch of the table between two complete rows, the k-th such label takes the k-th
        such run, but only when their counts agree; otherwise the rows stay unreadable. A
        group heading (（六）其他处理) counts as such a label only when the counts need it and a
        run of values follows it at once: the group printed as one row.
        """
        open_ = [
            (i, e, r)
            for i, (e, r) in enumerate(segment)
            if r is not None and e.values is None and r.key not in self.filled
        ]
        bares = [
            e
            for e, r in segment
            if e.values is not None
            and (r is None or r.key in self.filled)
            and any(v.raw for v in e.values)
        ]
        orphans = [(e, r) for _, e, r in open_ if not self._heading(r)]
        if len(orphans) != len(bares):
            valued = [
                (e, r) for i, e, r in open_ if not self._heading(r) or self._valued(segment, i)
            ]
            orphans = valued if len(valued) == len(bares) else orphans
        if not orphans and bares and last is not None:
            self._doubt(last, segment, bares)
            return
        if len(orphans) == len(bares):
            for k, ((e, row), b) in enumerate(zip(orphans, bares), start=1):
                how = (
                    f"行标签与数值分开印刷：这一段第{k}个无数值的行标签配第{k}组无标签的数值"
                    f"（各{len(bares)}个，按标签与数值的先后）"
                )
                self._fill(row, b.values, e, [how])
            return
        for e, row in orphans:
            reason = f"该行的数值无法确定：这一段有{len(orphans)}个无数值的行标签、{len(bares)}组无标签的数值"
            for col in self._columns(row):
                self._set(Cell.unreadable(self._key(row, col), "", reason, e.source))
            self.filled.add(row.key)

    def _doubt(self, last: tuple[Entry, Row], segment, bares: list[Entry]) -> None:
        """Values that no label takes, printed right after a row of a text dump: the row's own
        values may have been cut there ("行政强制 387" / "3" for 3873). The row before them is
        left unreadable rather than read from a part of its text."""
        entry, row = last
        ruled = entry.from_grid and entry.source is not None and entry.source.kind != "text"
        if ruled or segment[0][0] is not bares[0]:  # a ruled table's cells keep values apart
            return
        raw = " ".join(v.raw for v in entry.values or [])
        extra = " ".join(v.raw for b in bares for v in b.values)
        reason = f"本行数值“{raw}”之后还有无标签的数值“{extra}”，可能是本行被截断的数字"
        for col in self._columns(row):
            key = self._key(row, col)
            self._set(Cell.unreadable(key, raw, reason, entry.source), list(self._cell_steps(key)))

    def _cell_steps(self, key: str) -> tuple[str, ...]:
        cell = self.report.cells.get(key)
        return cell.steps if cell is not None else ()

    @staticmethod
    def _valued(segment: list[tuple[Entry, Row | None]], i: int) -> bool:
        """The entry after position i is a run of values with no label of its own."""
        if i + 1 >= len(segment):
            return False
        e, _ = segment[i + 1]
        return not e.label and e.values is not None

    def _heading(self, row: Row) -> bool:
        """A subtotal row's label printed without values is the group heading."""
        return not row.official and bool(row.parts)

    def _fill(self, row: Row, values: list[Value], entry: Entry, how: list[str]) -> None:
        self.filled.add(row.key)
        cols = self._columns(row)
        steps = [how_matched(entry.label, row, self.table), *entry.steps, *how]
        placed = self._by_position(cols, values, entry)
        if placed is not None:
            for col, v in placed:
                where = f"放入“{col.label}”列：该值在表头“{col.label}”所在的第{self.positions[col.key] + 1}列"
                self._set_read(self._key(row, col), v, col.decimal, [*steps, where])
            return
        if len(values) < len(cols):
            values = self._unglue(values, [c.key for c in cols], f"{self.table.key}.{row.key}")
        elif len(values) == len(cols) + 1:
            values = self._drop_stray(values, [c.key for c in cols], f"{self.table.key}.{row.key}")
        steps += [s for s in (values[0].step if values else "",) if s]
        if len(values) != len(cols):
            raw = " ".join(v.raw for v in values)
            reason = (
                f"该行应有{len(cols)}个数值，读到{len(values)}个（{raw}），无法确定各数值所在的列"
            )
            reason += self._alternatives(f"{self.table.key}.{row.key}")
            for col in cols:
                self._set(Cell.unreadable(self._key(row, col), raw, reason, entry.source), steps)
            return
        for i, (col, v) in enumerate(zip(cols, values), start=1):
            where = f"放入“{col.label}”列：本行第{i}个数值，按表头的列序（共{len(cols)}列）"
            self._set_read(self._key(row, col), v, col.decimal, [*steps, where])

    def _by_position(self, cols, values: list[Value], entry: Entry):
        """Grid rows: each value under the header cell that names its column, when the header
        names every column and no printed value is left over."""
        if not entry.cols or not self.positions or any(c.key not in self.positions for c in cols):
            return None
        at = dict(zip(entry.cols, values))
        if any(self.positions[c.key] not in at for c in cols):
            return None
        used = {self.positions[c.key] for c in cols}
        if any(v.raw for j, v in at.items() if j not in used):
            return None
        return [(c, at[self.positions[c.key]]) for c in cols]

    def _find_subtotal(self, labelled: list[Entry]) -> None:
        """Rows of eight numbers where the header names seven columns: a 法人小计 column the
        header did not show (or that was lost). Its place is the one, after 自然人 or before
        总计, where every such row's totals hold."""
        official = [c for c in self.table.rows[0].columns if c.official]
        if "小计" in loose(self.header) or self.positions:
            return
        wide = [e for e in labelled if len(e.values) == len(official) + 1]
        if len(wide) * 2 <= len(labelled) or not all(
            v.raw.isdigit() for e in wide for v in e.values
        ):
            return
        keys = [c.key for c in official]
        fits = []
        for at in (1, len(keys) - 1):
            order = keys[:at] + ["org_subtotal"] + keys[at:]
            checks = _row_identities(order)
            if all(all(check([int(v.raw) for v in e.values]) for check in checks) for e in wide):
                fits.append(at)
        if len(fits) == 1:
            self.subtotal_at = fits[0]
            self.report.notes.append(
                "表二各行有8个数值而表头未标出“小计”列：按各行合计关系判定为法人或其他组织小计列"
            )

    def _columns(self, row: Row):
        """The columns this table prints for `row`, in the header's order."""
        if self.table.key != "t2":
            return [c for c in row.columns if c.official]
        head = loose(self.header)
        cols = [c for c in row.columns if c.official]
        if self.subtotal_at is not None:
            return [
                *cols[: self.subtotal_at],
                next(c for c in row.columns if not c.official),
                *cols[self.subtotal_at :],
            ]
        if self.positions and "org_subtotal" in self.positions:
            return sorted(
                [*cols, next(c for c in row.columns if not c.official)],
                key=lambda c: self.positions.get(c.key, 99),
            )
        if "小计" in head:
            subtotal = next(c for c in row.columns if not c.official)
            at = head.find("小计")
            before = [c for c in cols if 0 <= head.find(loose(c.label)) < at and c.key != "total"]
            cols = [*before, subtotal, *[c for c in cols if c not in before]]
        return cols

    def _single_row_other(self) -> None:
        """（六）其他处理 printed as one row (2019 layout, or a 2021 table that kept it)."""
        fmt = self.report.format
        if fmt.version != "2021":
            return
        items = [r for r in self.table.rows if r.leaf and r.key.startswith(f"{OTHER_KEY}.")]
        printed_items = any(self._key(r, TOTAL_COLUMN) in self.report.cells for r in items)
        if OTHER_KEY in self.filled and not printed_items:
            self.report.print_other_as_one_row()

    # ------------------------------------------------------------------ table 3
    def _place_t3(self, entries: list[Entry]) -> None:
        head = "".join(e.label for e in entries)
        values = [v for e in entries if e.values and any(v.raw for v in e.values) for v in e.values]
        cols = [(row, col) for row in self._t3_rows(head) for col in row.columns]
        keys = [f"{row.key}.{col.key}" for row, col in cols]
        if len(values) < len(cols):
            values = self._unglue(values, keys, "t3")
        elif len(values) == len(cols) + 1:
            values = self._drop_stray(values, keys, "t3")
        if len(values) != len(cols):
            raw = " ".join(v.raw for v in values)
            reason = (
                f"表三应有{len(cols)}个数值，读到{len(values)}个（{raw}），无法确定各数值所在的列"
            )
            reason += self._alternatives("t3")
            src = values[0].source if values else None
            for row, col in cols:
                self._set(Cell.unreadable(self._key(row, col), raw, reason, src))
            return
        steps = [s for s in (values[0].step if values else "",) if s]
        for i, ((row, col), v) in enumerate(zip(cols, values), start=1):
            where = (
                f"表三第{i}个数值（共{len(cols)}个），按表头的组序与列序：{row.label}·{col.label}"
            )
            self._set_read(self._key(row, col), v, False, [*steps, where])

    def _t3_rows(self, head: str) -> list[Row]:
        """The three groups in the order the header prints them (official order otherwise)."""
        h = loose(head)
        rows = list(self.table.rows)
        pos = {r.key: h.find(loose(r.label)) for r in rows}
        if all(p >= 0 for p in pos.values()) and len(set(pos.values())) == 3:
            rows.sort(key=lambda r: pos[r.key])
        return rows

    def _solve_glued(self) -> None:
        """Rows whose glued digits split several ways, solved together by table 2's column
        totals (solve.py): each takes its one split that keeps them all."""
        rows = {w.split(".", 1)[1]: g for w, g in self.glued.items()}
        if not rows or len({tuple(g[2]) for g in rows.values()}) != 1:
            return
        columns = [k for k in next(iter(rows.values()))[2]]
        known = {}
        for key, cell in self.report.cells.items():
            table, rest = key.split(".", 1)
            row, col = rest.rsplit(".", 1)
            if table == "t2" and cell.state is State.NUMBER and row not in rows:
                known[(row, col)] = cell.value
        candidates = {r: [[int(x) for x in f] for f in g[0]] for r, g in rows.items()}
        picked = solve_columns(self.table, columns, known, candidates)
        if picked is None:
            return
        for r, k in picked.items():
            found, values, _ = rows[r]
            row = self.table.row(r)
            split = found[k]
            sources = [v.source for v in values for _ in range(len(v.raw))]
            step = (
                f"相连的数字“{' '.join(v.raw for v in values)}”有{len(found)}种符合本行合计的拆法，"
                f"按表二各列的合计关系（（七）总计＝各办理结果之和，一＋二＝（七）＋四）唯一确定为 "
                f"{' '.join(split)}"
            )
            pos = 0
            for col, piece in zip(self._columns(row), split):
                key = self._key(row, col)
                steps = [*self._cell_steps(key)[:1], step]
                self._set_read(key, Value(piece, sources[pos]), col.decimal, steps)
                pos += len(piece)
            self.report.notes.append(f"{self.table.key}.{r}：{step}")

    def _alternatives(self, where: str) -> str:
        found = self.alternatives.get(where)
        return f"。{found}" if found else ""

    def _unglue(self, values: list[Value], keys: list[str], where: str) -> list[Value]:
        """Digits of neighbouring cells printed without a gap ("21710000218"), split only where
        the row's own totals leave exactly one split (glued.py); otherwise left as they are."""
        raws = [v.raw for v in values]
        if not raws or not all(r.isascii() and r.isdigit() for r in raws):
            return values
        checks = _row_identities(keys)
        found = alternatives(" ".join(raws), len(keys), checks)
        if found is None:
            return values  # too many ways to cut it to try
        if len(found) == 1 and not checks and blank_possible(" ".join(raws), len(keys)):
            found.append(["（其中有空白格的读法）"])
        if len(found) != 1:
            if len(found) > 1:
                shown = "；".join(" ".join(f) for f in found[:ALTERNATIVES_SHOWN])
                more = "等" if len(found) > ALTERNATIVES_SHOWN else ""
                self.alternatives[where] = f"相连的数字“{' '.join(raws)}”有多种拆法：{shown}{more}"
                if len(found) <= ALTERNATIVES_SHOWN and all(s[0] != "（" for f in found for s in f):
                    self.glued[where] = (found, values, keys)
            elif checks and len(keys) <= sum(len(r) for r in raws):
                self.alternatives[where] = (
                    f"相连的数字“{' '.join(raws)}”没有一种拆法能使本行的合计关系成立"
                )
            return values
        split = found[0]
        why = "按本行合计关系" if checks else "只有这一种拆法（空白格也不能另作解释）"
        step = f"相连的数字“{' '.join(raws)}”{why}唯一地拆分为 {' '.join(split)}"
        self.report.notes.append(f"{where}：{step}")
        sources = [v.source for v in values for _ in range(len(v.raw))]
        out, pos = [], 0
        for piece in split:
            out.append(Value(piece, sources[pos], step=step))
            pos += len(piece)
        return out

    def _drop_stray(self, values: list[Value], keys: list[str], where: str) -> list[Value]:
        """One number too many in a row of a text dump, typically a page number printed between
        two of its cells: dropped only when exactly one choice leaves the row's totals true."""
        checks = _row_identities(keys)
        if not checks or not all(v.raw.isascii() and v.raw.isdigit() for v in values):
            return values
        rows = {i: [int(v.raw) for j, v in enumerate(values) if j != i] for i in range(len(values))}
        fits = [i for i, row in rows.items() if all(check(row) for check in checks)]
        if (
            not fits or len({tuple(rows[i]) for i in fits}) != 1
        ):  # no choice, or choices that differ
            return values
        i = fits[0]
        self.report.notes.append(
            f"{where}：多出的数字“{values[i].raw}”（{values[i].source.describe()}）不属于本行，"
            "去掉它后本行合计关系成立"
        )
        step = f"去掉多出的数字“{values[i].raw}”：只有去掉它时本行合计关系成立"
        return [replace(v, step=step) for v in values[:i] + values[i + 1 :]]

    # ------------------------------------------------------------------ cells
    def _key(self, row: Row, col) -> str:
        return self.table.cell_key(row, col)

    def _set_read(self, key: str, v: Value, decimal: bool, steps: list[str]) -> None:
        if v.note.startswith(UNREADABLE_NOTE):  # a gongkai writer's mark: unreadable, and why
            note = v.note[len(UNREADABLE_NOTE) :]
            self._set(Cell.unreadable(key, v.raw, note, v.source), [*steps, "文件标注该格无法读取"])
            return
        conf = v.source.confidence
        if conf is not None and conf < MIN_CONFIDENCE:
            self._set(Cell.unreadable(key, v.raw, f"识别置信度低（{conf:.2f}）", v.source), steps)
            return
        self._set(Cell.read(key, v.raw, v.source, decimal), steps)

    def _set(self, cell: Cell, steps: list[str] | None = None) -> None:
        if cell.key in self.report.format.specs:
            if steps:
                cell.steps = tuple(steps)
            self.report.cells[cell.key] = cell
