"""OCR'd numbers checked against the table's own arithmetic, after placement.

OCR can read a printed 65 as 5 with a high score, or lose a digit that a scanner's dust or a
fold took away: the ink count and the second read (ocr.py) cannot see a digit that is not
on the page. The table's sums can: the format's identities (the check rules R-1 to R-4 and
L-1: row totals, 小计, （七）总计 = the outcomes, 一 + 二 = （七） + 四, table 3 group
totals) are run on the placed cells, and in an identity that fails, an OCR'd cell whose value
one OCR slip away (a digit dropped or added, or two swapped) would make it hold, and that is
in no identity that holds, is made unreadable, with the value the sums want in its reason. A failure no single slip explains is
left as printed, for the checks to report: real tables have sums that do not add up (洪泽区
2023 printed 行政复议 总计 0 over 10 + 1, and 复议后起诉 总计 0 over 维持 5), and a reader
must not hide them.
"""

from __future__ import annotations

from ..model import Cell, Report, State

#: the check rules whose findings are equations between printed cells (identity.equation)
IDENTITY_RULES = ("R-1", "R-2", "R-3", "R-4", "L-1")
#: the source kind of a value read by OCR
OCR_KIND = "ocr"
#: rounds of suspicion (each may find the digits a suspect's error hid): a table has few
MAX_ROUNDS = 5


def distrust_misread(report: Report) -> None:
    """Make unreadable, in place, each OCR'd cell that one slip of OCR makes break the sums.

    A cell is suspected when a sum it is in fails, one slip of its reading gives what that sum
    wants, and no sum it is in holds (a 0 in a broken row whose column adds up is not
    suspected). Several lost digits spoil each other's sums: each round takes the suspects
    found so far at the values the sums want, as a hypothesis only, and looks again."""
    suspects: dict[str, str] = {}
    trial = dict(report.cells)
    for _ in range(MAX_ROUNDS):
        found = _suspects(report, trial, suspects)
        if not found:
            break
        for key, (wanted, reason) in found.items():
            suspects[key] = reason
            trial[key] = Cell.number(key, wanted)
    for key, reason in suspects.items():
        old = report.cells[key]
        cell = Cell.unreadable(key, old.raw, reason, old.source)
        cell.steps = (*old.steps, reason)
        report.cells[key] = cell


def _suspects(report: Report, trial: dict, known: dict) -> dict[str, tuple[int, str]]:
    """The cells newly suspected when the report's cells are `trial`: key → (the value the
    sums want, the reason)."""
    equations = _equations(report, trial)
    found: dict[str, tuple[int, str]] = {}
    for title, sides, gap in equations:
        for key, side in sides.items():
            read = report.cells.get(key)
            if not gap or key in known or key in found or not _ocr_number(read):
                continue
            if any(key in s and not g for _, s, g in equations):
                continue  # a sum it is in holds
            wanted = trial[key].value + side * gap
            if wanted >= 0 and one_slip(_digits(read.raw), str(wanted)):
                found[key] = (
                    wanted,
                    f"扫描识别的数字与表内合计不符（{title}）：识别为 {read.raw}，"
                    f"按合计应为 {wanted}，可能漏读、多读或颠倒了数字",
                )
    return found


def _equations(report: Report, cells: dict) -> list[tuple[str, dict[str, int], int]]:
    """The identities whose cells are all numbers, as (title, {key: +1 on the left, -1 on the
    right}, right sum - left sum), computed over `cells` in the report's place."""
    from ..checks import RULES
    from ..checks.registry import run_rule

    printed, report.cells = report.cells, cells
    try:
        out = []
        for rule_id in IDENTITY_RULES:
            for f in run_rule(RULES[rule_id], report):
                ev = f.evidence
                if "left_sum" in ev:
                    sides = {**{k: 1 for k in ev["left"]}, **{k: -1 for k in ev["right"]}}
                    out.append((f.title, sides, ev["right_sum"] - ev["left_sum"]))
        return out
    finally:
        report.cells = printed


def has_ocr_cells(report: Report) -> bool:
    return any(c.source is not None and c.source.kind == OCR_KIND for c in report.cells.values())


def _ocr_number(cell: Cell | None) -> bool:
    return (
        cell is not None
        and cell.state is State.NUMBER
        and isinstance(cell.value, int)
        and cell.source is not None
        and cell.source.kind == OCR_KIND
    )


def _digits(raw: str) -> str:
    return "".join(ch for ch in raw if ch.isdigit())


def one_slip(read: str, wanted: str) -> bool:
    """True when `wanted` is `read` with one digit dropped or added, or two neighbouring
    digits swapped: what OCR does to a number it reads with a high score. A digit read as
    another is not counted: OCR gives that a low score or the second read disagrees (ocr.py),
    and 0 for 5 is also how a real table's sum goes wrong (洪泽区 2023: 复议后起诉 维持 5,
    总计 0)."""
    return any(wanted in out for out in slips(read).values())


def slips(digits: str) -> dict[str, set[str]]:
    """The numbers one slip of OCR makes of `digits`, by kind (a digit dropped, a digit added,
    two neighbouring digits swapped), other than `digits` and without a leading zero."""
    n = len(digits)
    kinds = {
        "drop": {digits[:i] + digits[i + 1 :] for i in range(n)} if n > 1 else set(),
        "add": {digits[:i] + d + digits[i:] for i in range(n + 1) for d in "0123456789"},
        "swap": {digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :] for i in range(n - 1)},
    }
    return {
        kind: {o for o in out if o != digits and (o == "0" or not o.startswith("0"))}
        for kind, out in kinds.items()
    }
