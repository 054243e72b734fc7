"""A cell explaining itself: its value, the text it was read from, where that text stands and the
steps placement took (`gongkai parse FILE --explain KEY`)."""

from __future__ import annotations

import difflib

from ..model import Report, State

_STATES = {
    State.NUMBER: "数字",
    State.BLANK: "空白（未填）",
    State.NOT_APPLICABLE: "不适用（“/”等）",
    State.UNREADABLE: "无法读取",
}
#: what a scanned number's ink said of it (Source.ink_whole)
INK_SAYS = {
    True: "墨迹完整（数字居中，与表中其他数字一样，没有缺位）",
    False: "墨迹显示可能缺了一位数字（偏离格子中央或有空缺）",
}


def explain(report: Report, key: str) -> str:
    """The explanation of cell `key`; KeyError (with a Chinese message) for a key the format lacks."""
    if key not in report.format.specs:
        near = difflib.get_close_matches(key, report.format.specs, n=3)
        hint = f"，是不是：{'、'.join(near)}" if near else ""
        raise KeyError(f"{report.format.version} 版格式中没有单元格 {key}{hint}")
    table, row, column = report.format.specs[key]
    cell = report.cell(key)
    lines = [f"{key}：{table.title} · {row.label} · {column.label}"]
    value = "" if cell.value is None else str(cell.value)
    lines.append(f"值：{value}（{_STATES[cell.state]}）")
    lines.append(f"原文：“{cell.raw}”")
    if cell.source is not None:
        lines.append(f"位置：{_where(cell.source)}")
    if cell.reason:
        lines.append(f"原因：{cell.reason}")
    if cell.steps:
        lines.append("如何放置：")
        lines += [f"  {i}. {step}" for i, step in enumerate(cell.steps, start=1)]
    elif key in report.missing:
        lines.append("如何放置：表中没有印出这一格（没有找到它的行或列）")
    return "\n".join(lines) + "\n"


def _where(source) -> str:
    bits = []
    if source.page is not None:
        bits.append(f"第{source.page}页")
    if source.line is not None:
        bits.append(f"第{source.line}行")
    if source.table is not None:
        bits.append(f"表格{source.table + 1}")
        if source.row is not None and source.col is not None:
            bits.append(f"第{source.row + 1}行第{source.col + 1}列")
    if source.bbox is not None:
        x0, top, x1, bottom = source.bbox
        bits.append(f"框 x {x0:.1f}–{x1:.1f}，y {top:.1f}–{bottom:.1f}（PDF 点，自页面左上角）")
    if source.confidence is not None:
        bits.append(f"识别置信度 {source.confidence:.2f}")
    if source.ink_whole is not None:
        bits.append(INK_SAYS[source.ink_whole])
    return " ".join(bits)
