"""Split a run of digits that neighbouring cells glued together, only when the numbers leave
no choice.

A PDF or OCR reading sometimes loses the gap between cells: "217" "10" "0" … reads as
"21710000218". Guessing where the cells part would invent numbers, so a run is split only
when exactly one split satisfies the row's own identities (for a table-2 row of seven cells:
总计 equals the sum of the six applicant columns, domain-spec §4.2); otherwise the answer is
None and the placer marks the cells unreadable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from math import comb

from .settings import SETTINGS

Constraint = Callable[[list[int]], bool]
#: a sign printed before a number of a signed column (2019 本年增/减): always a cell's start
SIGNS = "+-"


class Total:
    """values[total] == sum(values[i] for i in parts): a row or column total. `last` is the
    highest cell it reads, so a search can check it as soon as that cell is cut."""

    def __init__(self, parts: Sequence[int], total: int):
        self.parts, self.total = tuple(parts), total
        self.last = max((*self.parts, total))

    def __call__(self, v: Sequence[int]) -> bool:
        return v[self.total] == sum(v[i] for i in self.parts)


def total_of(parts: Sequence[int], total: int) -> Constraint:
    """values[total] == sum(values[i] for i in parts): a row or column total."""
    return Total(parts, total)


def row_total(n: int) -> Constraint:
    """The last of `n` cells is the sum of the others (table 2's 总计, table 3's 总计)."""
    return total_of(range(n - 1), n - 1)


def alternatives(
    text: str,
    n: int,
    constraints: Sequence[Constraint],
    limit: int = SETTINGS.splits_kept,
    max_splits: int = SETTINGS.max_splits,
) -> list[list[str]] | None:
    """Every split of `text` into `n` cells that satisfies the constraints, at most `limit` + 1
    of them (more than `limit` says "many"); None when there are more than `max_splits` splits
    to try."""
    tokens = text.split()
    if not tokens or not all(t.isascii() and t.isdigit() for t in tokens):
        return []
    if n < len(tokens) or n > sum(len(t) for t in tokens):
        return []
    if constraints and all(isinstance(c, Total) for c in constraints):
        return _search(
            tokens, n, [c for c in constraints if isinstance(c, Total)], limit, max_splits
        )
    if _count(tokens, n) > max_splits:
        return None
    found = []
    for cand in _splits(tokens, n):
        if _valid(cand) and all(check([int(c) for c in cand]) for check in constraints):
            found.append(cand)
            if len(found) > limit:
                break
    return found


def _search(
    tokens: list[str], n: int, totals: Sequence[Total], limit: int, max_splits: int
) -> list[list[str]] | None:
    """The splits that keep every total, found cell by cell: a total is checked as soon as its
    last cell is cut, so a long run (table 3's fifteen cells as one run of digits) is searched
    without listing its millions of splits. Gives up (no answer) past `max_splits` steps."""
    due: dict[int, list[Total]] = {}
    for t in totals:
        due.setdefault(t.last, []).append(t)
    text = "".join(tokens)
    ends = set()  # a space in the text is always a cell boundary
    pos = 0
    for token in tokens:
        pos += len(token)
        ends.add(pos)
    found: list[list[str]] = []
    cells: list[str] = []
    values: list[int] = []
    steps = 0

    def walk(start: int) -> bool:
        nonlocal steps
        steps += 1
        if steps > max_splits:
            return False
        i = len(cells)
        if i == n:
            if start == len(text):
                found.append(list(cells))
            return len(found) <= limit
        left = n - i - 1  # cells still to cut after this one
        for end in range(start + 1, len(text) - left + 1):
            if any(start < e < end for e in ends):
                break  # a cell never spans a space
            piece = text[start:end]
            if len(piece) > 1 and piece[0] == "0":
                break
            cells.append(piece)
            values.append(int(piece))
            ok = all(t(values) for t in due.get(i, ()))
            going = walk(end) if ok else True
            cells.pop()
            values.pop()
            if not going:
                return False
        return True

    complete = walk(0)
    return found if complete or len(found) > limit else None


def signed_alternatives(
    text: str,
    n: int,
    at: int,
    limit: int = SETTINGS.splits_kept,
    max_splits: int = SETTINGS.max_splits,
) -> list[list[str]] | None:
    """The splits of a run glued around a signed cell (2019 本年增/减: "0-149" for 0, -14, 9 or
    0, -1, 49), when the run holds exactly one sign: the sign starts cell `at`, so the digits
    before it are the `at` cells before that one, and the digits after it the cells from `at`
    on, the sign on the first of them. Each side splits by `alternatives`; [] when the sign
    cannot start cell `at`, None when a side has too many splits to try."""
    signs = [i for i, ch in enumerate(text) if ch in SIGNS]
    if len(signs) != 1:
        return []
    i = signs[0]
    head, sign, tail = text[:i].strip(), text[i], text[i + 1 :].strip()
    if not tail or bool(head) != (at > 0):
        return []
    heads = alternatives(head, at, [], limit, max_splits) if at else [[]]
    tails = alternatives(tail, n - at, [], limit, max_splits)
    if heads is None or tails is None:
        return None
    found = [[*h, sign + t[0], *t[1:]] for h in heads for t in tails if t]
    return found[: limit + 1]


def blank_possible(text: str, n: int) -> bool:
    """The digits also read as fewer than `n` printed numbers: with no total to check, a blank
    cell that vanished when the digits were glued could be anywhere ("12", blank, "3" reads
    "123" like 1, 2, 3). "000" cannot: 0 0 0 is its only reading. A sign always starts a
    number ("0-14" is two printed numbers, never one)."""
    tokens = [t.lstrip(SIGNS) for t in re.sub(f"([{SIGNS}])", r" \1", text).split()]
    return any(_valid(c) for k in range(len(tokens), n) for c in _splits(tokens, k))


def _valid(cand: list[str]) -> bool:
    """A number is never printed with a leading zero."""
    return not any(len(c) > 1 and c[0] == "0" for c in cand)


def split_glued(
    text: str, widths_or_n: int | Sequence[int], constraints: Sequence[Constraint]
) -> list[str] | None:
    """The cells `text` holds, when exactly one split into the given number of cells (or the
    given digit widths) satisfies every constraint; None otherwise.

    `text` is digits, possibly already cut by spaces into some of its cells ("217 10000218"):
    a space is always a cell boundary. A number is never printed with a leading zero, so
    "05" is not a cell. With no constraint a run of two or more cells is never split.
    """
    tokens = text.split()
    if not tokens or not all(t.isascii() and t.isdigit() for t in tokens):
        return None
    if isinstance(widths_or_n, int):
        if widths_or_n > len(tokens) and not constraints:
            return None
        found = alternatives(text, widths_or_n, constraints, limit=1)
        return found[0] if found is not None and len(found) == 1 else None
    split = _by_widths(tokens, list(widths_or_n))
    if split is None or not _valid(split):
        return None
    values = [int(c) for c in split]
    return split if all(check(values) for check in constraints) else None


def _by_widths(tokens: list[str], widths: list[int]) -> list[str] | None:
    """The split the digit widths give, when they fit the tokens exactly."""
    out, i = [], 0
    for t in tokens:
        pos = 0
        while pos < len(t):
            if i >= len(widths) or widths[i] <= 0 or pos + widths[i] > len(t):
                return None
            out.append(t[pos : pos + widths[i]])
            pos += widths[i]
            i += 1
    return out if i == len(widths) else None


def _count(tokens: list[str], n: int) -> int:
    """How many ways `tokens` split into `n` pieces (each token into at least one)."""
    ways = {0: 1}
    for t in tokens:
        nxt: dict[int, int] = {}
        for used, w in ways.items():
            for k in range(1, len(t) + 1):
                if used + k <= n:
                    nxt[used + k] = nxt.get(used + k, 0) + w * comb(len(t) - 1, k - 1)
        ways = nxt
    return ways.get(n, 0)


def _splits(tokens: list[str], n: int) -> Iterator[list[str]]:
    if not tokens:
        if n == 0:
            yield []
        return
    first, rest = tokens[0], tokens[1:]
    min_rest = len(rest)
    max_rest = sum(len(t) for t in rest)
    for k in range(1, len(first) + 1):
        if min_rest <= n - k <= max_rest:
            for head in _pieces(first, k):
                for tail in _splits(rest, n - k):
                    yield head + tail


def _pieces(s: str, k: int) -> Iterator[list[str]]:
    """Every way to cut `s` into `k` non-empty consecutive pieces."""
    if k == 1:
        yield [s]
        return
    for i in range(1, len(s) - k + 2):
        for tail in _pieces(s[i:], k - 1):
            yield [s[:i], *tail]
