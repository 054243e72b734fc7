"""Split a run of digits that neighbouring cells glued together, only when the numbers leave
no choice.

A PDF or OCR reading sometimes loses the gap between cells: "217" "10" "0" … reads as
"21710000218". Guessing where the cells part would invent numbers, so a run is split only
when exactly one split satisfies the row's own identities (for a table-2 row of seven cells:
总计 equals the sum of the six applicant columns, domain-spec §4.2); otherwise the answer is
None and the placer marks the cells unreadable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from math import comb

Constraint = Callable[[list[int]], bool]
#: more candidate splits than this is not worth trying (and never leaves a single answer)
MAX_CANDIDATES = 200_000


def total_of(parts: Sequence[int], total: int) -> Constraint:
    """values[total] == sum(values[i] for i in parts): a row or column total."""
    parts = tuple(parts)
    return lambda v: v[total] == sum(v[i] for i in parts)


def row_total(n: int) -> Constraint:
    """The last of `n` cells is the sum of the others (table 2's 总计, table 3's 总计)."""
    return total_of(range(n - 1), n - 1)


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
        n = widths_or_n
        if n < len(tokens) or n > sum(len(t) for t in tokens):
            return None
        if n > len(tokens) and not constraints:
            return None
        if _count(tokens, n) > MAX_CANDIDATES:
            return None
        candidates: Iterator[list[str]] = _splits(tokens, n)
    else:
        candidates = iter([s] if (s := _by_widths(tokens, list(widths_or_n))) else [])
    found = None
    for cand in candidates:
        if any(len(c) > 1 and c[0] == "0" for c in cand):
            continue
        values = [int(c) for c in cand]
        if all(check(values) for check in constraints):
            if found is not None:
                return None
            found = cand
    return found


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
