"""Who may make 规章 (C-3): 《立法法》第九十一条 (国务院各部、委员会、中国人民银行、审计署和具有行政
管理职能的直属机构) and 第九十三条 (省、自治区、直辖市和设区的市、自治州的人民政府).

When the report does not say (`Report.can_make_rules is None`), infer only what the agency's
name makes safe; everything else stays unknown.
"""

from __future__ import annotations

import re

from ..model import PEOPLES_GOVERNMENT, Report
from ..normalize import norm

MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_LOW_GOVERNMENT = re.compile(r"(镇|乡|街道|街道办事处|县|自治县|旗|自治旗|(?<!自治)区)$")
_HIGH_GOVERNMENT = re.compile(r"(省|自治区|自治州)$")
_DEPARTMENT = re.compile(r"局|委|办|厅")
_NATIONAL = ("国务院", "国家", "中华人民共和国", "中国人民银行", "审计署")


def government_level(name: str) -> str | None:
    """For a people's government's name: "high" (省、自治区、直辖市、自治州, 立法法第九十三条),
    "low" (county, district, township), "city" (a 市 or 盟, 设区的 or not); None for any other
    agency."""
    name = norm(name)
    if not name.endswith(PEOPLES_GOVERNMENT):
        return None
    place = name.removesuffix(PEOPLES_GOVERNMENT)
    if place in MUNICIPALITIES or _HIGH_GOVERNMENT.search(place):
        return "high"
    return "low" if _LOW_GOVERNMENT.search(place) else "city"


def can_make_rules(report: Report) -> tuple[bool | None, str]:
    """(power, why): True / False / None (unknown), with the reason in Chinese."""
    if report.can_make_rules is not None:
        return report.can_make_rules, "报告信息注明" + (
            "有" if report.can_make_rules else "无"
        ) + "规章制定权"
    name = norm(report.agency or "")
    if not name:
        return None, "未知发布机关"
    level = government_level(name)
    if level is not None:
        if level == "high":
            return True, f"{name}属立法法第九十三条所列人民政府"
        if level == "low":
            return False, f"{name}为县级及以下人民政府，无规章制定权（立法法第九十三条）"
        return None, f"无法从名称判断{name}是否为设区的市人民政府"
    if name.endswith("街道办事处"):
        return False, f"{name}为街道办事处，无规章制定权"
    if name.startswith(_NATIONAL):
        return None, f"{name}可能为国务院部门（立法法第九十一条），需确认"
    if _DEPARTMENT.search(name):
        return False, f"{name}为政府工作部门，无规章制定权（立法法第九十一条、第九十三条）"
    return None, f"无法从名称判断{name}是否有规章制定权"
