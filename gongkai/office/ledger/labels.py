"""Ledger words → format keys: applicant types, reply outcomes, appeal kinds and results.

A ledger kept in a spreadsheet names things with the labels printed in the 2021 table
(formats.py), written by hand: without the row number, with other brackets or separators,
"部分公开" for row （二）. Matching goes through `normalize.loose`, never a retyped label.
"""

from __future__ import annotations

from gongkai.report.formats import (
    APPLICANT_COLUMNS,
    DENIED,
    NOT_PROCESSED,
    ORG,
    OTHER,
    OUTCOME_COLUMNS,
    OUTCOME_ROWS_2021,
    TABLE3,
    UNABLE,
    without_note,
)
from gongkai.report.normalize import ROW_MARK, loose

_GROUPS = tuple(ROW_MARK.sub("", g) for g in (DENIED, UNABLE, NOT_PROCESSED, OTHER))


def bare(label: str) -> str:
    """A printed row label without its number and trailing note: '（二）部分公开（…）' → '部分公开'."""
    return without_note(ROW_MARK.sub("", label.strip()))


def outcome_label(key: str) -> str:
    """The label a ledger writes for outcome row `key` (printed label, number and note dropped)."""
    return bare(next(r for r in OUTCOME_ROWS_2021 if r.key == key).label)


def _index(pairs) -> dict[str, str]:
    index: dict[str, str] = {}
    for text, key in pairs:
        index.setdefault(loose(text), key)
    return index


_OUTCOMES = _index(
    [
        (t, r.key)
        for r in OUTCOME_ROWS_2021
        for t in (r.label, ROW_MARK.sub("", r.label), bare(r.label))
    ]
)
_CATEGORIES = _index(
    [(t, c.key) for c in APPLICANT_COLUMNS for t in (c.label, c.group + c.label, c.key)]
)
_APPEAL_KINDS = _index(
    [(t, r.key) for r in TABLE3.rows for t in (r.label, r.group + r.label, r.key)]
)
_APPEAL_RESULTS = _index([(c.label, c.key) for c in OUTCOME_COLUMNS if c.key != "total"])


def _strip_prefix(text: str, prefixes: tuple[str, ...]) -> str:
    t = loose(text)
    for p in prefixes:
        lp = loose(p)
        if t.startswith(lp) and len(t) > len(lp):
            return t[len(lp) :]
    return t


def outcome_key(text: str) -> str | None:
    """The outcome row for a ledger's 办理结果 text, or None when it names no single row."""
    t = loose(ROW_MARK.sub("", text.strip()))
    if t in _OUTCOMES:
        return _OUTCOMES[t]
    return _OUTCOMES.get(loose(ROW_MARK.sub("", _strip_prefix(text, _GROUPS))))


def category_key(text: str) -> str | None:
    """The table-2 column for a ledger's 申请人类型 text (自然人, 商业企业, 法人或其他组织-其他 …)."""
    t = loose(text)
    return _CATEGORIES.get(t) or _CATEGORIES.get(_strip_prefix(text, (ORG,)))


def appeal_kind_key(text: str) -> str | None:
    """行政复议 / 未经复议直接起诉 / 复议后起诉 → the table-3 row key."""
    return _APPEAL_KINDS.get(loose(text))


def appeal_result_key(text: str) -> str | None:
    """结果维持 / 结果纠正 / 其他结果 → column key; 尚未审结 → 'pending'."""
    return _APPEAL_RESULTS.get(loose(text))


CATEGORY_LABELS = tuple(
    c.label if not c.group else f"{c.group}-{c.label}" for c in APPLICANT_COLUMNS
)
