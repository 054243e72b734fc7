"""Placement stages 3 and 4: each entry's official row, then the columns the table prints.

`matched_rows` ties every entry to the row its label names (`match.py`); the labels printed
before the first row are the table's header. `column_map` reads from that header which columns
the table prints and in what order: table 2 may print a 法人小计 column (named by the header,
or found by the rows' own totals when the header lost it) and, in a ruled grid, names the grid
column of each; table 3 may print its three groups in another order. Both are pure: the same
entries give the same map, which a test can inspect.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from ..formats import T2, T3, Column, Row, Table
from ..normalize import loose
from ..record import Frozen
from .entries import Entry
from .glued import Constraint, total_of
from .match import match_row
from .settings import SETTINGS, Settings

#: table 2's organisation columns, summed by a 法人小计 column (domain-spec §4.2 R-3)
ORG_KEYS = (
    "commercial_enterprise",
    "research_institution",
    "public_welfare_org",
    "legal_service_org",
    "other_org",
)
SUBTOTAL_KEY = "org_subtotal"
#: table 3's groups, each with a 总计 of its four outcomes (domain-spec §4.3 L-1)
T3_GROUPS = ("review", "litigation_direct", "litigation_after_review")
T3_OUTCOMES = ("maintained", "corrected", "other", "pending")
SUBTOTAL_FOUND = "表二各行有8个数值而表头未标出“小计”列：按各行合计关系判定为法人或其他组织小计列"


class Matched(Frozen):
    """Stage 3: the entries, each with the official row its label names (None: no row), and
    the header (the label text printed before the first row, with the grid cells it came from)."""

    entries: tuple[Entry, ...]
    rows: tuple[Row | None, ...]
    header: str = ""
    heads: tuple[tuple[str, int], ...] = ()


def matched_rows(entries: Sequence[Entry], table: Table, settings: Settings = SETTINGS) -> Matched:
    rows: list[Row | None] = []
    header, heads = "", []
    for e in entries:
        row = match_row(e.label, table, settings) if e.label else None
        if row is None and e.label and not any(rows):
            header += e.label
            heads += e.heads
        rows.append(row)
    return Matched(tuple(entries), tuple(rows), header, tuple(heads))


class ColumnMap(Frozen):
    """Stage 4: the columns `table` prints, in the header's order."""

    table: Table
    header: str = ""
    #: column key → the grid column of the header cell naming it (ruled table 2 only)
    positions: Mapping[str, int] = MappingProxyType({})
    #: where a 法人小计 column the header did not name sits, found by the rows' totals
    subtotal_at: int | None = None
    #: table 3's groups in the order the header prints them
    groups: tuple[Row, ...] = ()
    notes: tuple[str, ...] = ()

    def columns(self, row: Row) -> list[Column]:
        """The columns this table prints for `row`, in the header's order."""
        cols = [c for c in row.columns if c.official]
        if self.table.key != T2:
            return cols
        subtotal = next((c for c in row.columns if not c.official), None)
        if subtotal is None:
            return cols
        if self.subtotal_at is not None:
            return [*cols[: self.subtotal_at], subtotal, *cols[self.subtotal_at :]]
        if SUBTOTAL_KEY in self.positions:
            last = len(self.positions)  # a column the header did not place goes last
            return sorted([*cols, subtotal], key=lambda c: self.positions.get(c.key, last))
        head = loose(self.header)
        if "小计" in head:
            at = head.find("小计")
            before = [c for c in cols if 0 <= head.find(loose(c.label)) < at and c.key != "total"]
            cols = [*before, subtotal, *[c for c in cols if c not in before]]
        return cols

    def t3_cells(self) -> list[tuple[Row, Column]]:
        return [(row, col) for row in self.groups for col in row.columns]


def column_map(matched: Matched, table: Table) -> ColumnMap:
    if table.key == T3:
        return ColumnMap(table, matched.header, groups=_t3_groups(matched, table))
    if table.key != T2:
        return ColumnMap(table, matched.header)
    positions = header_positions(matched.heads, table.rows[0].columns)
    labelled = [e for e, r in zip(matched.entries, matched.rows) if r is not None and e.values]
    at = None if positions else _subtotal_at(labelled, matched.header, table)
    return ColumnMap(
        table,
        matched.header,
        MappingProxyType(positions),
        at,
        notes=(SUBTOTAL_FOUND,) if at is not None else (),
    )


def row_identities(keys: Sequence[str]) -> list[Constraint]:
    """The totals a printed row must satisfy, by the keys of its cells in order: 总计 (and a
    法人小计) in table 2, each group's 总计 in table 3 (domain-spec §4.2 R-3, §4.3 L-1)."""
    at = {k: i for i, k in enumerate(keys)}
    out = []
    if "total" in at:  # a table-2 row
        org = [at[k] for k in ORG_KEYS if k in at]
        if SUBTOTAL_KEY in at:
            out.append(total_of(org, at[SUBTOTAL_KEY]))
            out.append(total_of([at["natural_person"], at[SUBTOTAL_KEY]], at["total"]))
        else:
            out.append(total_of([at["natural_person"], *org], at["total"]))
    for group in T3_GROUPS:
        if f"{group}.total" in at:
            parts = [at[f"{group}.{c}"] for c in T3_OUTCOMES]
            out.append(total_of(parts, at[f"{group}.total"]))
    return out


def header_positions(heads: Sequence[tuple[str, int]], columns: Sequence[Column]) -> dict[str, int]:
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


def _subtotal_at(labelled: list[Entry], header: str, table: Table) -> int | None:
    """Rows of eight numbers where the header names seven columns: a 法人小计 column the
    header did not show (or that was lost). Its place is the one, after 自然人 or before
    总计, where every such row's totals hold; most rows must be that wide."""
    official = [c for c in table.rows[0].columns if c.official]
    if "小计" in loose(header):
        return None
    wide = [e for e in labelled if e.values and len(e.values) == len(official) + 1]
    if len(wide) * 2 <= len(labelled) or not all(
        v.raw.isdigit() for e in wide for v in e.values or ()
    ):
        return None
    keys = [c.key for c in official]
    fits = []
    for at in (1, len(keys) - 1):
        checks = row_identities([*keys[:at], SUBTOTAL_KEY, *keys[at:]])
        if all(all(check([int(v.raw) for v in e.values or []]) for check in checks) for e in wide):
            fits.append(at)
    return fits[0] if len(fits) == 1 else None


def _t3_groups(matched: Matched, table: Table) -> tuple[Row, ...]:
    """The three groups in the order the header prints them (official order otherwise)."""
    h = loose("".join(e.label for e in matched.entries))
    rows = list(table.rows)
    pos = {r.key: h.find(loose(r.label)) for r in rows}
    if all(p >= 0 for p in pos.values()) and len(set(pos.values())) == len(rows):
        rows.sort(key=lambda r: pos[r.key])
    return tuple(rows)
