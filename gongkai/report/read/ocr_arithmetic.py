"""OCR'd numbers checked against the table's own arithmetic, after placement.

OCR can read a printed 65 as 5 with a high score, or lose a digit that a scanner's dust or a
fold took away: the ink count and the second read (ocr.py) cannot see a digit that is not
on the page. The table's sums can: the format's identities (the check rules R-1 to R-4 and
L-1: row totals, 小计, （七）总计 = the outcomes, 一 + 二 = （七） + 四, table 3 group
totals) are run on the placed cells, and in an identity that fails, an OCR'd cell whose value
one OCR slip away (a digit dropped or added, or two swapped) would make it hold, and that is
in no identity that holds, is made unreadable, with the value the sums want in its reason.

Slips can hide each other. In one sum (a table-3 group, whose cells are in no other sum) two
slips leave no single cell one slip from what the sum wants; two of opposite sizes in one
column leave the column adding up while two rows fail; and a slip can hide behind a cell
suspected instead. So after the single suspects: a failing group of sums that two slips at
once can mend (every sum of the group holding) has each cell such a pair changes made
unreadable, with the values it could be; and in a sum the suspects do not mend, a cell one
slip from what it wants, each suspect taken as read or as mended, is in doubt too
(bench/fuzz_ocr_slips.py: 3 and 5 slips in 300 random tables each, every slip caught, none
wrong; on 500 other tables, none wrong with 2-4 slips, 1 with 5 and 4 with 6, where two slips
keep their row adding up and both their columns hold suspects already). A failure that no
slip or two explain is left as printed, for the checks to report.

Two slips and a table's own error are the same to the arithmetic, but not to the ink:
洪泽区 2023 printed 行政复议 总计 0 over 10 + 1, which a 20 read as 0 and a 10 read as 1
explain too; but a 20 that lost its 2 leaves its 0 half a digit off its cell's centre. A
cell whose ink shows its number whole (ocr_ink.Ink.whole: a mark a digit read, centred as
the table's numbers are, no gap) is never doubted, so no pair explains that sum and it is
left as printed for the checks (a scanned table set left, or a number that fills its cell,
shows nothing by its place: its cells are doubted as before). Printed and scanned centred
tables show 85% of their cells whole and no cell that lost a digit (bench/fuzz_ocr_slips.py
--ink 0.85: the true cells made unreadable fall tenfold, none wrong with 1-5 slips).
"""

from __future__ import annotations

from itertools import product

from ..model import Cell, Report, State

TYPE_CHECKING = False  # typing costs 2 ms at start, and placement imports this module
if TYPE_CHECKING:
    from typing import TypeGuard

#: the check rules whose findings are equations between printed cells (identity.equation)
IDENTITY_RULES = ("R-1", "R-2", "R-3", "R-4", "L-1")
#: the source kind of a value read by OCR
OCR_KIND = "ocr"
#: rounds of suspicion (each may find the digits a suspect's error hid): a table has few
MAX_ROUNDS = 5
#: suspects in one sum taken each as read or as wanted, at most (2**n hypotheses)
MAX_SUSPECTS_IN_SUM = 6
#: alternatives of a cell shown in its reason, at most
SHOWN_ALTERNATIVES = 4


def distrust_misread(report: Report) -> None:
    """Make unreadable, in place, each OCR'd cell that a slip of OCR may have made break the sums.

    A cell is suspected when its ink does not show it whole, a sum it is in fails, one slip
    of its reading gives what that sum wants, and no sum it is in holds (a 0 in a broken row
    whose column adds up is not suspected). Several lost digits spoil each other's sums: each
    round takes the suspects found so far at the values the sums want, as a hypothesis only,
    and looks again. Then the slips that hide each other are looked for (the module's
    docstring)."""
    suspects: dict[str, str] = {}
    trial = dict(report.cells)
    for _ in range(MAX_ROUNDS):
        found = _suspects(report, trial, suspects)
        if not found:
            break
        for key, (wanted, reason) in found.items():
            suspects[key] = reason
            trial[key] = Cell.number(key, wanted)
    for more in (
        _hidden_pairs(report, report.cells, {}),  # two slips beside the single ones
        _hidden_pairs(report, trial, suspects),  # two slips behind them
        _unexplained(report, trial, suspects),
    ):
        for key, reason in more.items():
            suspects.setdefault(key, reason)  # the first reason is the sharpest
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
            if not gap or key in known or key in found or not _may_have_slipped(read):
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


def _hidden_pairs(report: Report, cells: dict, known: dict) -> dict[str, str]:
    """The OCR'd cells that a pair of slips changes to make the sums hold, where sums without
    a cell of `known` (a suspect: its value is not known) fail with `cells`: key → the reason.
    The sums are taken in groups that share cells, each group explained on its own."""
    equations = [e for e in _equations(report, cells) if not known.keys() & e[1].keys()]
    found: dict[str, set[int]] = {}
    for group in _groups(equations):
        for key, values in _pairs_mending(report, cells, group, known).items():
            found.setdefault(key, set()).update(values)
    titles = {k: t for t, sides, gap in equations if gap for k in sides}
    return {
        key: (
            f"扫描识别的数字与表内合计不符（{titles.get(key, '表内合计')}），且可能不止一个数字"
            f"识读有误：识别为 {report.cells[key].raw}，按合计可能为 "
            + "、".join(str(v) for v in sorted(values)[:SHOWN_ALTERNATIVES])
            + ("等" if len(values) > SHOWN_ALTERNATIVES else "")
            + "（漏读、多读或颠倒了数字）"
        )
        for key, values in found.items()
        if key not in known
    }


def _unexplained(report: Report, trial: dict, known: dict) -> dict[str, str]:
    """The OCR'd cells one slip from mending a sum that the suspects in it do not explain (it
    still fails with them at the values the sums want): each suspect is taken as read or as
    wanted, and a cell one slip from what the sum then wants is in doubt too (a 40 read for
    0 in a row whose total was suspected instead)."""
    out: dict[str, str] = {}
    equations = _equations(report, trial)
    sure = {k for _, s, g in equations if not g and not known.keys() & s.keys() for k in s}
    for title, sides, gap in equations:
        mine = sorted(known.keys() & sides.keys())
        if not gap or not mine or len(mine) > MAX_SUSPECTS_IN_SUM:
            continue
        for taken in product((False, True), repeat=len(mine)):
            rest = gap - sum(
                sides[k] * (report.cells[k].value - trial[k].value)
                for k, as_read in zip(mine, taken)
                if as_read
            )
            for key, side in sides.items():
                read = report.cells.get(key)
                if (
                    not rest
                    or key in known
                    or key in sure
                    or key in out
                    or not _may_have_slipped(read)
                ):
                    continue
                wanted = read.value + side * rest
                if wanted >= 0 and one_slip(_digits(read.raw), str(wanted)):
                    out[key] = (
                        f"扫描识别的数字与表内合计不符（{title}），表中多个数字可能识读有误："
                        f"识别为 {read.raw}，按合计可能为 {wanted}"
                    )
    return out


def _groups(equations: list) -> list[list]:
    """The equations in groups that share cells (a table-3 group alone; table 2 as one), only
    the groups where one fails."""
    groups: list[tuple[set[str], list]] = []
    for eq in equations:
        keys = set(eq[1])
        touching = [g for g in groups if g[0] & keys]
        merged = (keys.union(*(g[0] for g in touching)), [eq, *(e for g in touching for e in g[1])])
        groups = [g for g in groups if g not in touching] + [merged]
    return [eqs for _, eqs in groups if any(gap for _, _, gap in eqs)]


def _pairs_mending(
    report: Report, cells: dict, equations: list, known: dict
) -> dict[str, set[int]]:
    """Key → the values it takes in the slips, one or two, that make every one of `equations`
    hold (each (title, sides, gap) as in _equations)."""

    def doubtful(key: str) -> bool:
        return key not in known and _may_have_slipped(report.cells.get(key))

    def left(changes: dict[str, int]) -> list[tuple[dict[str, int], int]]:
        """The equations still failing with `changes` (key → value added), and their gaps."""
        out = []
        for _, sides, gap in equations:
            rest = gap - sum(sides.get(k, 0) * d for k, d in changes.items())
            if rest:
                out.append((sides, rest))
        return out

    found: dict[str, set[int]] = {}
    first = next(sides for _, sides, gap in equations if gap)  # every explanation changes it
    for a in filter(doubtful, first):
        value = cells[a].value
        for va in _variants(report.cells[a], value):
            da = va - value
            rest = left({a: da})
            if not rest:
                found.setdefault(a, set()).add(va)
                continue
            sides, gap = rest[0]  # one more cell must mend every sum `a` leaves failing
            for b in filter(doubtful, sides):
                db = gap * sides[b]
                vb = cells[b].value + db
                if b != a and vb >= 0 and one_slip(_digits(report.cells[b].raw), str(vb)):
                    if not left({a: da, b: db}):
                        found.setdefault(a, set()).add(va)
                        found.setdefault(b, set()).add(vb)
    return found


def _variants(cell: Cell, value: int) -> list[int]:
    """The values one slip of OCR away from the cell's reading, other than `value`."""
    return sorted({int(v) for vs in slips(_digits(cell.raw)).values() for v in vs} - {value})


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


def _may_have_slipped(cell: Cell | None) -> TypeGuard[Cell]:
    """True for a cell OCR read as a whole number whose ink does not show it whole
    (ocr_ink.Ink.whole): a number with a mark for each digit read, none lost from the page,
    had no digit dropped or added; two neighbouring digits swapped would be two digits
    misread, which a recogniser reading left to right gives a low score or the second read
    contradicts (ocr.py), as one misread digit."""
    return (
        cell is not None
        and cell.state is State.NUMBER
        and isinstance(cell.value, int)
        and cell.source is not None
        and cell.source.kind == OCR_KIND
        and not cell.source.ink_whole
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
