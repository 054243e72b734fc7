"""One report against another (this year against last, or one agency against another):
every cell's change in 2021 terms (domain-spec §3.4), and how much of each text part repeats.

A change is only computed between two numbers: blank, "/" and unreadable stay what they are,
so "blank → 3" is never read as "+3".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..report.checks.naming import cell_name, value_text
from ..report.checks.narrative_figures import flat
from ..report.checks.years import similarity
from ..report.formats import FORMAT_2021, PARTS
from ..report.model import Cell, Number, Report, State
from .mapping import in_2021


@dataclass(frozen=True)
class CellChange:
    key: str
    name: str
    old: Cell | None  # None: the old report's format has no such cell
    new: Cell | None

    @property
    def change(self) -> Number | None:
        if self.old is None or self.new is None or not (self.old.known and self.new.known):
            return None
        return self.new.value - self.old.value

    @property
    def differs(self) -> bool:
        if self.old is None or self.new is None:
            return self.old is not self.new
        if self.old.known and self.new.known:
            return self.old.value != self.new.value
        return self.old.state is not self.new.state or self.old.known != self.new.known


@dataclass(frozen=True)
class TextRepeat:
    part: int
    title: str
    share: float | None  # None when either report lacks the part


@dataclass
class Comparison:
    old: Report
    new: Report
    cells: list[CellChange]
    texts: list[TextRepeat]

    @property
    def changed(self) -> list[CellChange]:
        return [c for c in self.cells if c.differs]


def compare(old: Report, new: Report) -> Comparison:
    a, b = in_2021(old).cells, in_2021(new).cells
    cells = [
        CellChange(k, cell_name(FORMAT_2021, k), a.get(k), b.get(k))
        for k in FORMAT_2021.cell_keys()
    ]
    texts = []
    for part in PARTS:
        x, y = flat(old.text(part.number)), flat(new.text(part.number))
        share = similarity(y, x) if x and y else None
        texts.append(TextRepeat(part.number, f"{part.numeral}、{part.title}", share))
    return Comparison(old, new, cells, texts)


def shown(cell: Cell | None) -> str:
    return "（该格式无此项）" if cell is None else value_text(cell)


def _plain(v):
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def _state(cell: Cell | None) -> str | None:
    return None if cell is None else cell.state.value


def to_dict(c: Comparison) -> dict:
    def side(r: Report) -> dict:
        return {
            "file": r.source_file,
            "agency": r.agency,
            "year": r.year,
            "format": r.format.version,
        }

    return {
        "kind": "gongkai.comparison",
        "old": side(c.old),
        "new": side(c.new),
        "cells": [
            {
                "key": ch.key,
                "name": ch.name,
                "old": _plain(ch.old.value) if ch.old is not None else None,
                "old_state": _state(ch.old),
                "new": _plain(ch.new.value) if ch.new is not None else None,
                "new_state": _state(ch.new),
                "change": _plain(ch.change),
            }
            for ch in c.changed
        ],
        "unchanged": len(c.cells) - len(c.changed),
        "text_repeated": {
            str(t.part): (round(t.share, 3) if t.share is not None else None) for t in c.texts
        },
    }


__all__ = ["CellChange", "Comparison", "State", "TextRepeat", "compare", "to_dict"]
