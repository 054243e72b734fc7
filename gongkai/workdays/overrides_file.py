"""Reading `Overrides` from a file (JSON or CSV), and the overrides committed with gongkai.

JSON::

    {"source": "国务院办公厅关于2027年部分节假日安排的通知",
     "confirmed_years": [2027],
     "days": [{"date": "2027-02-06", "workday": false, "note": "春节"},
              {"date": "2027-02-20", "workday": true, "note": "春节调休上班"}]}

CSV (UTF-8, a BOM is fine), header ``date,workday,note,source``; ``workday`` is 班/休
(or true/false, 1/0); a row ``2027,confirmed`` (or ``2027,确认``) confirms a year.

`overrides.json` beside this module is the project's own file: when a new year's notice is
published before the `chinesecalendar` release that carries it, enter the notice there and
list the year in `confirmed_years` (domain-spec §6.3 pitfall 6).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path

from gongkai.workdays.overrides import Override, Overrides, OverridesError

BUNDLED_PATH = Path(__file__).with_name("overrides.json")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"\d{4}")
_WORKDAY_WORDS = {
    "班": True,
    "上班": True,
    "工作日": True,
    "true": True,
    "1": True,
    "休": False,
    "休息": False,
    "休息日": False,
    "false": False,
    "0": False,
}
_CONFIRMED_WORDS = {"confirmed", "确认", "已确认"}


def parse_date(text: str) -> dt.date:
    """A date written YYYY-MM-DD; anything else is a ValueError with a message for people."""
    text = text.strip()
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"日期格式应为 YYYY-MM-DD: {text!r}")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"不存在的日期: {text}") from None


def load_overrides(path: str | Path) -> Overrides:
    """Read a JSON or CSV overrides file (by extension); OverridesError says what is wrong."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise OverridesError(f"无法读取覆盖文件 {path}: {error}") from None
    reader = _from_csv if path.suffix.lower() == ".csv" else _from_json
    try:
        return reader(text)
    except (ValueError, TypeError, KeyError) as error:
        raise OverridesError(f"覆盖文件 {path} 有误: {error}") from None


@lru_cache(maxsize=1)
def bundled_overrides() -> Overrides:
    """The overrides committed with gongkai (`overrides.json`), read once."""
    return load_overrides(BUNDLED_PATH)


def _from_json(text: str) -> Overrides:
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError('顶层应为对象 {"confirmed_years": [...], "days": [...]}')
    default_source = str(data.get("source", ""))
    entries = []
    for item in data.get("days", []):
        if not isinstance(item.get("workday"), bool):
            raise ValueError(f"{item.get('date')}: workday 应为 true 或 false")
        entries.append(
            Override(
                parse_date(str(item["date"])),
                item["workday"],
                str(item.get("note", "")),
                str(item.get("source", default_source)),
            )
        )
    years = data.get("confirmed_years", [])
    if not all(isinstance(year, int) for year in years):
        raise ValueError("confirmed_years 应为年份整数的列表")
    return Overrides(entries, years)


def _from_csv(text: str) -> Overrides:
    rows = csv.DictReader(text.splitlines())
    if not rows.fieldnames or not {"date", "workday"} <= set(rows.fieldnames):
        raise ValueError("CSV 表头应包含 date,workday（可选 note,source）")
    entries, years = [], []
    for line, row in enumerate(rows, start=2):
        date, word = (row["date"] or "").strip(), (row["workday"] or "").strip().lower()
        if _YEAR.fullmatch(date) and word in _CONFIRMED_WORDS:
            years.append(int(date))
        elif word in _WORKDAY_WORDS:
            entries.append(
                Override(
                    parse_date(date),
                    _WORKDAY_WORDS[word],
                    (row.get("note") or "").strip(),
                    (row.get("source") or "").strip(),
                )
            )
        else:
            raise ValueError(
                f"第{line}行: workday 应为 班/休（或 true/false），年份确认行写作 2027,confirmed"
            )
    return Overrides(entries, years)
