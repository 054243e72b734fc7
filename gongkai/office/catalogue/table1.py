"""Table 1 (主动公开政府信息情况, domain-spec §2.3) counted from the catalogue.

Counted: every 规章 and 行政规范性文件 of the agency that is not a draft (经办人 still writing the
entry), whatever its 公开方式 — a withheld document was still made:
- 本年制发件数: 生成日期 in the year (a revision is a new item, made in its own year);
- 本年废止件数: 废止日期 in the year;
- 现行有效件数: formed by 31 December and, by then, neither repealed, nor 失效 (失效 is not 废止:
  it ends validity without being counted as repealed), nor replaced by a revision of it [D];
- 行政许可/处罚/强制 本年处理决定数量: the decisions catalogued with a 生成日期 in the year.
The fee (本年收费金额) is never counted here: it is entered with its source. An agency with no
catalogue entries has nothing compiled and keeps entering table 1 by hand.

The filter behind each cell is `cell_filter`: the count and the list of items behind a number
use the same one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q

from gongkai.report.formats import TABLE1_2021

from .vocab import DocType, Stage

DOC_ROWS = {"regulations": DocType.RULE, "normative_docs": DocType.NORMATIVE}
DECISION_ROWS = {
    "licensing": DocType.LICENSING,
    "penalty": DocType.PENALTY,
    "coercion": DocType.COERCION,
}
COMPILED_KEYS = tuple(
    [TABLE1_2021.cell_key(row, col) for row in DOC_ROWS for col in ("made", "repealed", "valid")]
    + [TABLE1_2021.cell_key(row, "decisions") for row in DECISION_ROWS]
)


def counted_items(agency):
    """The agency's items that count: all but drafts."""
    from .models import Item

    return Item.objects.filter(agency=agency).exclude(stage=Stage.DRAFT)


def replaced_by(agency, end: dt.date) -> list[int]:
    """Items replaced by a (counted) revision formed by `end`: no longer 现行有效 [D]. Revisions
    are few, so their originals are fetched once rather than looked up row by row."""
    return list(
        counted_items(agency)
        .filter(revises__isnull=False, formed_on__lte=end)
        .values_list("revises_id", flat=True)
        .distinct()
    )


def cell_filter(key: str, year: int, replaced=()) -> Q:
    """The items behind table 1 cell `key` for `year` (on `counted_items`); `replaced`: the
    items `replaced_by` a revision by 31 December of that year."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    _, row, col = key.split(".")
    if row in DECISION_ROWS:
        return Q(doc_type=DECISION_ROWS[row], formed_on__gte=start, formed_on__lte=end)
    doc = Q(doc_type=DOC_ROWS[row])
    if col == "made":
        return doc & Q(formed_on__gte=start, formed_on__lte=end)
    if col == "repealed":
        return doc & Q(repealed_on__gte=start, repealed_on__lte=end)
    valid = (
        doc
        & Q(formed_on__lte=end)
        & (Q(repealed_on__isnull=True) | Q(repealed_on__gt=end))
        & (Q(expired_on__isnull=True) | Q(expired_on__gt=end))
    )
    return valid & ~Q(pk__in=list(replaced)) if replaced else valid


@dataclass
class CompiledTable1:
    """Counts by cell key (empty when the agency has no catalogue) and warnings to show."""

    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def compile_table1(agency, year: int) -> CompiledTable1:
    """One grouped query: every compiled cell of table 1 for `agency` in `year`."""
    items = counted_items(agency)
    replaced = replaced_by(agency, dt.date(year, 12, 31))
    aggregates = {
        key.replace(".", "__"): Count("pk", filter=cell_filter(key, year, replaced))
        for key in COMPILED_KEYS
    }
    aggregates["any"] = Count("pk")
    aggregates["rules"] = Count(
        "pk",
        filter=cell_filter(TABLE1_2021.cell_key("regulations", "made"), year)
        | cell_filter(TABLE1_2021.cell_key("regulations", "valid"), year, replaced),
    )
    row = items.aggregate(**aggregates)
    result = CompiledTable1()
    if not row["any"]:
        return result
    result.counts = {key: row[key.replace(".", "__")] for key in COMPILED_KEYS}
    if row["rules"] and not agency.can_make_rules:
        result.warnings.append(
            f"{agency.name}没有规章制定权（立法法第九十一、九十三条），目录中却有{row['rules']}件规章"
            "计入表一，请核对文种。"
        )
    return result


def items_behind(agency, key: str, year: int):
    """The items a compiled number counts, for the link from the number."""
    replaced = replaced_by(agency, dt.date(year, 12, 31))
    return (
        counted_items(agency)
        .filter(cell_filter(key, year, replaced))
        .order_by("formed_on", "index_no")
    )
