"""Spreadsheet cells as text, one way for the report reader and the ledger import: a
spreadsheet stores 3 as 3.0 and dates as date objects. (Bytes to text: read/encoding.py.)"""

from __future__ import annotations

import datetime as dt


def spreadsheet_text(value) -> str:
    """A cell as printed: 3.0 → "3", 96171.6 → "96171.6", a date as YYYY-MM-DD, None → ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()
