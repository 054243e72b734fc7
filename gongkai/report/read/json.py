"""Read back the full JSON written by `write.full_json`: the exact inverse of it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ..file_marks import KIND
from ..formats import FORMATS
from ..model import AgencyKind, Cell, Report, TextPart
from .document import ReadError


def _load(path_or_bytes) -> object:
    if isinstance(path_or_bytes, (bytes, bytearray)):
        data = bytes(path_or_bytes)
    else:
        try:
            data = Path(path_or_bytes).read_bytes()
        except OSError as e:
            raise ReadError(f"无法读取文件：{path_or_bytes}（{e.strerror}）") from None
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as e:
        raise ReadError(f"不是有效的 JSON：{e}") from None


def _date(text):
    return dt.date.fromisoformat(text) if text else None


def from_dict(d: dict) -> Report:
    fmt = FORMATS.get(str(d.get("format")))
    if fmt is None:
        raise ReadError(f"未知的报告格式：{d.get('format')!r}（应为 {'、'.join(FORMATS)}）")
    report = Report(
        format=fmt,
        agency=d.get("agency"),
        year=d.get("year"),
        title=d.get("title"),
        agency_kind=AgencyKind(d["agency_kind"]) if d.get("agency_kind") else None,
        signed_on=_date(d.get("signed_on")),
        published_on=_date(d.get("published_on")),
        can_make_rules=d.get("can_make_rules"),
        layout=dict(d.get("layout") or {}),
        source_file=d.get("source_file"),
        source_kind=d.get("source_kind"),
        notes=list(d.get("notes") or []),
        parts={int(n): TextPart(**p) for n, p in (d.get("parts") or {}).items()},
    )
    for key, cell in d["cells"].items():
        report.set(Cell.from_dict(key, cell))
    return report


def read_json(path_or_bytes) -> Report:
    """A `Report` from the full JSON; ReadError (with the reason) for anything else."""
    d = _load(path_or_bytes)
    if not isinstance(d, dict) or d.get("kind") != KIND or not isinstance(d.get("cells"), dict):
        raise ReadError("不是 gongkai 年度报告 JSON（应由 gongkai parse --to json 生成）")
    try:
        return from_dict(d)
    except ReadError:
        raise
    except (KeyError, ValueError, TypeError, AttributeError) as e:
        raise ReadError(f"年度报告 JSON 内容有误：{e}") from None
