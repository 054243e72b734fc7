"""The report's metadata as printed: title, agency, statistical year, signing date.

The year comes from the title ("…2024年政府信息公开工作年度报告") or the statistical period
("统计期限自2024年1月1日"); the agency from the sign-off line above the date at the end, else
the title; the signing date is the last full date printed after part 六.
"""

from __future__ import annotations

import datetime as dt

from ..lazy_pattern import lazy
from ..model import AgencyKind, Report
from ..normalize import norm
from .document import Document, Line
from .parts import Region

_TITLE = lazy(
    r"((?:19|20)\d{2})\s*年\s*(?:度)?\s*(?:政府)?信息公开(?:工作)?(?:年度报告|年报|工作报告|报告|年度报$)"
)  # 年度报$: a title wrapped before its last character
_TITLE_AFTER = lazy(r"(?:年度报告|年报)[(（]((?:19|20)\d{2})\s*年?(?:度)?[)）]")
_PERIOD = lazy(
    r"((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?至\s*\1\s*年\s*12\s*月\s*31\s*日"
)
_DATE = lazy(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
#: the publication date a web page prints around the report ("发布日期：2025-01-20", "发布时间：2025年1月20日")
_PUBLISHED = lazy(
    r"(?:发布|公开|成文)(?:日期|时间)[:：]?\s*((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)
#: how an agency's name ends (the text above the signing date is its name when it ends so)
_AGENCY_ENDS = (
    *("人民政府", "政府办公室", "办公厅", "办公室", "委员会", "局", "厅", "署", "院", "办事处"),
    *("街道", "管理委员会", "管委会", "中心", "所", "站"),
)
_KINDS = (
    (lazy(r"(镇|乡)(人民政府)?$|街道(办事处)?$"), AgencyKind.TOWNSHIP),
    (lazy(r"(省|自治区|市|州|县|区|旗|盟)人民政府$"), AgencyKind.GOVERNMENT),
)


#: the title is looked for in the lines above part 一: a saved web page prints its site's
#: menus there first (tens of short lines)
MAX_HEAD_LINES = 80

_CN_YEAR_DIGITS = "〇零一二三四五六七八九"
_CN_DIGITS = str.maketrans(_CN_YEAR_DIGITS, "00123456789")
_CN_YEAR = lazy(f"[{_CN_YEAR_DIGITS}]{{4}}(?=\\s*年)")
_ANY_YEAR = lazy(r"((?:19|20)\d{2})\s*年")


def _digits(text: str) -> str:
    """ "二〇二四年" → "2024年": titles and dates are sometimes printed in Chinese numerals (the
    pattern only where four of them are: a fresh process compiles it on its first use)."""
    t = norm(text)
    if sum(map(t.count, _CN_YEAR_DIGITS)) < 4:
        return t
    return _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_DIGITS), t)


_YEAR_GAP = lazy(r"(?<=\s)(?=年\s*度?\s*(?:政府)?信息公开)")
_LONE_YEAR = lazy(r"^\s*((?:19|20)\d{2})\s*$")


def _with_displaced_year(text: str, after: list[Line]) -> str:
    """A text dump that sets the title's digits (another font) on a line of their own
    ("莆田市水利局 年度政府信息公开工作年度报" / "2024" / "告"): the year put back in its gap."""
    gap = _YEAR_GAP.search(text) if not _TITLE.search(text) else None
    if gap is None:
        return text
    for line in after:
        m = _LONE_YEAR.match(line.text)
        if m:
            return text[: gap.start()].rstrip() + m.group(1) + text[gap.start() :]
    return text


def read_meta(report: Report, doc: Document, regions: list[Region]) -> None:
    lines = [b for b in doc.blocks if isinstance(b, Line) and b.text.strip()]
    first_part = next((r.source for r in regions if r.part is not None and r.source), None)
    head = lines[: lines.index(first_part)] if first_part in lines else lines[:12]
    for i, line in enumerate(head[:MAX_HEAD_LINES]):
        text = _digits(_with_displaced_year(line.text, head[i + 1 : i + 3]))
        m = _TITLE.search(text) or _TITLE_AFTER.search(text)
        if not m:
            continue
        report.year = int(m.group(1))
        if text.endswith("年度报") and any(norm(n.text) == "告" for n in head[i + 1 : i + 3]):
            text += "告"  # the title's last character wrapped onto a line of its own
        prefix = text[: m.start()].removeprefix("关于")
        if not prefix and i > 0 and len(norm(head[i - 1].text)) <= 30:
            prefix = norm(head[i - 1].text)
            text = prefix + text
        report.title = text
        report.agency = prefix or None
        break
    if report.year is None:
        m = _PERIOD.search(_digits(doc.plain_text()[:5000]))
        if m:
            report.year = int(m.group(1))
    if report.year is None and report.parts.get(1):
        # the year part 一 opens with ("2024年，我局……"): its most frequent year
        years = _ANY_YEAR.findall(_digits(report.parts[1].text[:2000]))
        if years:
            report.year = int(max(set(years), key=years.count))
            report.notes.append(f"标题中没有年度，按第一部分正文推定为{report.year}年度")
    _sign_off(report, lines)
    _published(report, lines)
    _stated(report, doc.meta)
    if report.agency and report.agency_kind is None:
        for pattern, kind in _KINDS:
            if pattern.search(report.agency):
                report.agency_kind = kind
                break


def _stated(report: Report, meta: dict[str, str]) -> None:
    """Fields the file states outright win over what was found in its prose."""
    try:
        for name in ("agency", "title"):
            if meta.get(name):
                setattr(report, name, meta[name])
        if meta.get("year"):
            report.year = int(meta["year"])
        for name in ("signed_on", "published_on"):
            if meta.get(name):
                setattr(report, name, dt.date.fromisoformat(meta[name]))
        if meta.get("agency_kind"):
            report.agency_kind = AgencyKind(meta["agency_kind"])
        if meta.get("can_make_rules") in ("True", "False"):
            report.can_make_rules = meta["can_make_rules"] == "True"
    except ValueError as e:
        report.notes.append(f"报告信息中的字段无法识别：{e}")


def _published(report: Report, lines: list[Line]) -> None:
    """The page's own publication date (S-5 prefers it to the signing date), when printed."""
    for line in lines[:40] + lines[-20:]:
        text = norm(line.text)
        m = _PUBLISHED.search(text) if "日期" in text or "时间" in text else None
        if m:
            try:
                report.published_on = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                report.notes.append(f"发布日期无效：{line.text.strip()}")
            return


def _sign_off(report: Report, lines: list[Line]) -> None:
    """The last date in the document, and the agency name printed just above it."""
    tail = lines[-6:]
    for i in range(len(tail) - 1, -1, -1):
        text = norm(tail[i].text)
        m = _DATE.fullmatch(text) or (_DATE.search(text) if len(text) <= 30 else None)
        if not m:
            continue
        try:
            report.signed_on = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            report.notes.append(f"落款日期无效：{text}")
            return
        before = text[: m.start()] or (norm(tail[i - 1].text) if i > 0 else "")
        if before and len(before) <= 30 and before.endswith(_AGENCY_ENDS):  # norm: no "\n"
            report.agency = before
        return
