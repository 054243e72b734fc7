"""Equations between printed cells (总计 = Σ parts, 勾稽关系), answered pass, fail or uncertain.

A blank, "/" or unreadable operand is never read as a silent 0 (domain-spec §4.1 C-2, R-6).
The answer is still certain when the known numbers alone decide it, because counts are never
negative: parts printed as 5 + 3 can never make a printed total of 6, whatever a blank part
holds; and a total left blank over parts that sum to more than 0 is a failure of the printed
table (C-2: "report R-3 as well").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model import Report, State
from .context import Context
from .finding import Finding
from .naming import cell_name, row_name, value_text

Namer = Callable[[str], str]


def by_row(report: Report) -> Namer:
    """Name a term by its row (for an identity down one column)."""

    def name(key: str) -> str:
        table, row, _ = report.format.specs[key]
        return row_name(report.format, table.key, row.key)

    return name


def by_column(report: Report) -> Namer:
    """Name a term by its column (for an identity across one row)."""

    def name(key: str) -> str:
        return report.format.specs[key][2].full_label

    return name


def _term(report: Report, key: str, name: Namer) -> str:
    return f"{name(key)} {value_text(report.cell(key))}"


def _expression(report: Report, keys: Sequence[str], name: Namer) -> str:
    """`（一）予以公开 3 + （二）部分公开 1 + 其余19项为0`: zeros are summarised when many."""
    if len(keys) <= 6:
        return " + ".join(_term(report, k, name) for k in keys)
    shown = [k for k in keys if report.value(k) != 0]
    zeros = len(keys) - len(shown)
    bits = [_term(report, k, name) for k in shown]
    if zeros:
        bits.append(f"其余{zeros}项均为0")
    return " + ".join(bits) if bits else "0"


def _wanted(left, right, at_most: bool) -> dict:
    """A finding's expected and actual: the left side should be (at most) the right side."""
    return {"expected": f"≤ {right}" if at_most else right, "actual": left}


def equation(
    ctx: Context,
    left: Sequence[str],
    right: Sequence[str],
    *,
    title: str,
    name: Namer,
    at_most: bool = False,
) -> Finding:
    """Check Σ left == Σ right (or Σ left <= Σ right when `at_most`)."""
    report = ctx.report
    keys = [*left, *right]
    cells = {k: report.cell(k) for k in keys}
    unknown = [k for k in keys if not cells[k].known]
    known_left = sum(cells[k].value for k in left if cells[k].known)
    known_right = sum(cells[k].value for k in right if cells[k].known)
    relation = "≤" if at_most else "="
    expr = f"{_expression(report, left, name)} {relation} {_expression(report, right, name)}"
    evidence: dict[str, object] = {
        "left": {k: value_text(cells[k]) for k in left},
        "right": {k: value_text(cells[k]) for k in right},
    }
    shown = [
        k
        for k in keys
        if len(keys) <= 6 or not cells[k].known or cells[k].value != 0 or k in left[:1]
    ]
    place = "；".join(ctx.show(k) for k in shown)

    if not unknown:
        ok = known_left <= known_right if at_most else known_left == known_right
        evidence.update(left_sum=known_left, right_sum=known_right)
        verdict = "成立" if ok else "不成立"
        message = (
            f"{title}：{expr}，即 {known_left} {relation} {known_right} {verdict}。涉及：{place}"
        )
        return (ctx.passed if ok else ctx.failed)(
            message, keys, evidence=evidence, **_wanted(known_left, known_right, at_most)
        )

    soft = all(cells[k].state in (State.BLANK, State.NOT_APPLICABLE) for k in unknown)
    unknown_left = any(k in left for k in unknown)
    unknown_right = any(k in right for k in unknown)
    decided = None
    if soft:
        if not unknown_right and known_left > known_right:
            decided = (
                f"已知部分 {known_left} 已大于另一边 {known_right}，空白单元格无论填什么都不能成立"
            )
        elif not unknown_left and not at_most and known_right > known_left:
            decided = f"另一边已知部分 {known_right} 已大于 {known_left}"
        if len(left) == 1 and unknown == [left[0]] and known_right > 0:
            decided = f"{cell_name(report.format, left[0])}未填写数字（{value_text(cells[left[0]])}），但应为 {known_right}"
    if decided:
        evidence.update(left_known=known_left, right_known=known_right)
        return ctx.failed(
            f"{title}：{expr}；{decided}。涉及：{place}",
            keys,
            evidence=evidence,
            **_wanted(known_left, known_right, at_most),
        )

    as_zero_ok = known_left <= known_right if at_most else known_left == known_right
    names = "、".join(f"{cell_name(report.format, k)}（{value_text(cells[k])}）" for k in unknown)
    hint = "按空白为0计算则成立" if as_zero_ok else "按空白为0计算则不成立"
    if not soft:
        hint = "无法核对"
    return ctx.uncertain(
        f"{title}：{expr}；{names}不是可计算的数字，{hint}。涉及：{place}",
        keys,
        evidence={**evidence, "unknown": unknown},
    )
