"""The cells interchange format (spec/cells.md): 200 numbers in the official order.

Blank, "/" and unreadable cells are all `null` here (the full JSON keeps them apart). A
（六）其他处理 printed as one row gives 0 to its three items when it is 0 (a zero total forces
zero parts) and `null` otherwise: the split is unknown.
"""

from __future__ import annotations

import json
from decimal import Decimal

from ..formats import FORMAT_2021, OTHER_KEY, T1, T2, T3, TABLE2_2021
from ..model import Report, State

SUFFIX = ".json"


def cells(report: Report) -> dict:
    t1, t2, t3 = (FORMAT_2021.table(k) for k in (T1, T2, T3))
    same_t1 = report.format.version == "2021"
    out = {
        "agency": report.agency,
        "year": report.year,
        "table1": [_value(report, k) if same_t1 else None for k in t1.cell_keys()],
        "table2": [
            [_t2_value(report, row.key, col.key) for col in row.columns if col.official]
            for row in t2.official_rows
        ],
        "table3": [_value(report, k) for k in t3.cell_keys()],
    }
    if not same_t1:
        out["format"] = report.format.version
        out["table1_" + report.format.version] = [
            _value(report, k) for k in report.format.table(T1).cell_keys()
        ]
    notes = [f"{c.key}: {c.reason}" for c in report.unreadable if c.reason]
    if notes:
        out["notes"] = "无法读取的单元格：" + "；".join(notes)
    return out


def _value(report: Report, key: str):
    c = report.cells.get(key)
    if c is None or c.state is not State.NUMBER:
        return None
    v = c.value
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def _t2_value(report: Report, row: str, col: str):
    key = TABLE2_2021.cell_key(row, col)
    if (
        key not in report.cells
        and row.startswith(f"{OTHER_KEY}.")
        and (report.other_as_one_row or report.format.version == "2019")
    ):
        whole = _value(report, TABLE2_2021.cell_key(OTHER_KEY, col))
        return 0 if whole == 0 else None
    return _value(report, key)


def write(report: Report) -> bytes:
    return (json.dumps(cells(report), ensure_ascii=False) + "\n").encode("utf-8")
