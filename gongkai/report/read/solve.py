"""Table-2 rows whose glued digits split more than one way, solved together by the table's own
column arithmetic (domain-spec §4.2): in every column （七）总计 is the sum of the outcome rows,
and 一 + 二 = （七） + 四. A combination of the rows' possible splits is taken only when it is
the one combination that keeps every such column identity whose cells are all known.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from ..formats import Table
from .settings import SETTINGS

NEW, CARRIED_IN, PROCESSED, CARRIED_OUT = (
    "new_received",
    "carried_over_in",
    "processed_total",
    "carried_over_out",
)


def solve_columns(
    table: Table,
    columns: Sequence[str],
    known: Mapping[tuple[str, str], int],
    candidates: Mapping[str, Sequence[Sequence[int]]],
    max_combinations: int = SETTINGS.max_combinations,
) -> dict[str, int] | None:
    """Row key → the index of its one split that keeps table 2's column identities, for every
    row in `candidates` (its possible splits, values in `columns` order); None when no
    combination or more than one does, or when the identities say nothing about a row."""
    rows = list(candidates)
    if not rows:
        return None
    leaves = [r.key for r in table.rows if r.leaf]
    identities = [(PROCESSED, leaves), (None, [NEW, CARRIED_IN, PROCESSED, CARRIED_OUT])]
    involved = {PROCESSED, NEW, CARRIED_IN, CARRIED_OUT, *leaves}
    if any(r not in involved for r in rows):
        return None
    sizes = [len(candidates[r]) for r in rows]
    total = 1
    for s in sizes:
        total *= s
    if total > max_combinations:
        return None
    fits = []
    for choice in itertools.product(*(range(s) for s in sizes)):
        values = dict(known)
        for r, k in zip(rows, choice):
            values.update({(r, c): v for c, v in zip(columns, candidates[r][k])})
        if _holds(values, columns, identities):
            fits.append(choice)
            if len(fits) > 1:
                return None
    if len(fits) != 1 or not _decided(rows, columns, identities, known):
        return None
    return dict(zip(rows, fits[0]))


def _holds(values, columns, identities) -> bool:
    for col in columns:
        for total, parts in identities:
            if total is not None:  # （七）总计 = Σ outcomes
                cells = [(total, col), *((p, col) for p in parts)]
                if all(c in values for c in cells) and values[(total, col)] != sum(
                    values[(p, col)] for p in parts
                ):
                    return False
            else:  # 一 + 二 = （七） + 四
                new, carried, processed, out = ((p, col) for p in parts)
                cells = [new, carried, processed, out]
                if all(c in values for c in cells) and (
                    values[new] + values[carried] != values[processed] + values[out]
                ):
                    return False
    return True


def _decided(rows, columns, identities, known) -> bool:
    """Every row solved appears in an identity all of whose other cells are known or solved."""
    solved = set(rows)
    for r in rows:
        ok = False
        for total, parts in identities:
            members = [total, *parts] if total is not None else list(parts)
            if r in members and all(
                m in solved or all((m, c) in known for c in columns) for m in members
            ):
                ok = True
        if not ok:
            return False
    return True
