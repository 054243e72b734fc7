"""A report's cells in 2021 terms, so that reports of either format can be summed and compared.

domain-spec §3.4: tables 2 and 3 are the same in both formats, except that the 2019 layout
prints （六）其他处理 as one row: its three 2021 items are 0 when it is 0, and unknown otherwise
(the split was never printed). Of the 2019 table 1 only the cells in `T1_FROM_2019` carry over;
the rest have no 2021 equivalent and are left out, and said so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..report.checks.naming import cell_name
from ..report.formats import (
    FORMAT_2021,
    OTHER_ITEMS,
    OTHER_WHOLE,
    T1_FROM_2019,
    TABLE1_2021,
    TABLE2_2021,
    Format,
)
from ..report.model import Cell, Report, State


@dataclass
class In2021:
    cells: dict[str, Cell] = field(default_factory=dict)  # 2021 key → the report's cell
    unsplit: dict[str, str] = field(default_factory=dict)  # 2021 key → why it is unknown
    left_out: list[str] = field(default_factory=list)  # the report's cells with no 2021 place
    absent: list[str] = field(default_factory=list)  # 2021 keys this format does not have


def in_2021(report: Report) -> In2021:
    out = In2021()
    is_2019 = report.format.version == "2019"
    whole_of = {
        TABLE2_2021.cell_key(row, col): TABLE2_2021.cell_key(OTHER_WHOLE, col)
        for row in OTHER_ITEMS
        for col in row.columns
    }
    one_row = is_2019 or report.other_as_one_row
    for key in FORMAT_2021.cell_keys():
        if is_2019 and FORMAT_2021.specs[key][0] is TABLE1_2021:
            continue
        if one_row and key in whole_of:
            whole = report.cell(whole_of[key])
            if whole.state is State.NUMBER and whole.value == 0:
                out.cells[key] = Cell.number(key, 0, whole.source)
            elif whole.state in (State.BLANK, State.NOT_APPLICABLE):
                out.cells[key] = whole
            else:
                out.unsplit[key] = "（六）其他处理印为一行，未分为三项"
            continue
        out.cells[key] = report.cell(key)
    if is_2019:
        carried = set(T1_FROM_2019)
        for key in report.format.table(TABLE1_2021.key).cell_keys():
            if key in carried:
                out.cells[T1_FROM_2019[key]] = report.cell(key)
            else:
                out.left_out.append(key)
        out.absent = [k for k in TABLE1_2021.cell_keys() if k not in set(T1_FROM_2019.values())]
    return out


def names(fmt: Format, keys: list[str]) -> str:
    return "、".join(cell_name(fmt, k) for k in keys)
