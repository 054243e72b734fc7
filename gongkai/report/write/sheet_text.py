"""Text that gongkai writes into a spreadsheet stays text, never a formula.

A file name or an agency name read from a report may begin with = + - @ (`=HYPERLINK("…")`):
opened in a spreadsheet program it would run as a formula (CSV injection). In XLSX every text
cell is stored with the string type, so the program shows the text as written; in CSV, which
has no types, such text gets a leading apostrophe, the convention spreadsheet programs read as
"this is text". Numbers stay numbers, and text that is a plain signed number (-5) is left alone.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def csv_text(value):
    """`value` as a CSV field: text that a spreadsheet would run is quoted with an apostrophe."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not _SIGNED_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def as_text(cell):
    """An openpyxl cell whose text value is stored as text (openpyxl makes '=…' a formula)."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
    return cell


def append_row(sheet, values) -> None:
    """`sheet.append(values)` with every text value kept as text."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        as_text(cell)
