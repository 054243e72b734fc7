"""Starting mid-life: the report an agency published before it used gongkai, read from its file
(any kind gongkai.report.read takes), becomes that year's published version, so that the next
report is checked against it (Y-1) and its 结转下年度 can be compared with the pending cases
imported into the ledger (which make the next 上年结转)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from gongkai.report.formats import TABLE2_2021, TOTAL_COLUMN
from gongkai.report.model import AgencyKind, Report

from .compile import year_bounds
from .models import AnnualReport, ReportVersion
from .publish import date_refusal
from .snapshot import snapshot_of

CARRIED_OUT = TABLE2_2021.cell_key("carried_over_out", TOTAL_COLUMN)


class ImportRefused(Exception):
    """The report cannot become a published version; the message says why, in Chinese."""


@dataclass(frozen=True)
class Imported:
    version: ReportVersion
    notes: list[str]  # what the office should look at (another agency's name, pending cases)


def _pending_at_year_end(agency, year: int) -> int:
    _, end = year_bounds(year)
    return agency.applications.filter(received_on__lte=end).exclude(concluded_on__lte=end).count()


@transaction.atomic
def import_previous(
    agency,
    report: Report,
    *,
    year: int | None,
    published_on: dt.date | None,
    source: str,
    by=None,
) -> Imported:
    if not any(c.known for c in report.cells.values()):
        raise ImportRefused("文件中没有读出年度报告的表格数据，未导入。")
    year = year or report.year
    if year is None:
        raise ImportRefused("文件中没有读出报告年度，请写明报告年度。")
    if report.year is not None and report.year != year:
        raise ImportRefused(f"文件是{report.year}年度的报告，与指定的{year}年度不符。")
    published_on = published_on or report.published_on or report.signed_on
    if published_on is None:
        raise ImportRefused("文件中没有读出发布日期，请写明发布日期。")
    refusal = date_refusal(year, published_on, None)
    if refusal:
        raise ImportRefused(refusal)
    entry, _ = AnnualReport.objects.get_or_create(agency=agency, year=year)
    if entry.versions.exists():
        raise ImportRefused(f"{agency.name}{year}年度报告已有发布版本，未导入。")
    notes = []
    if report.agency and report.agency != agency.name:
        notes.append(f"文件中的机关名称为“{report.agency}”，已作为“{agency.name}”的报告导入。")
    report.year, report.agency, report.published_on = year, agency.name, published_on
    report.agency_kind = AgencyKind(agency.kind)
    version = ReportVersion.objects.create(
        report=entry,
        number=1,
        published_on=published_on,
        reason=f"启用本系统前已发布，由文件导入：{source}",
        snapshot=snapshot_of(report),
        published_by=by,
    )
    carried = report.value(CARRIED_OUT)
    pending = _pending_at_year_end(agency, year)
    if carried is not None and carried != pending:
        notes.append(
            f"报告中结转下年度继续办理 {carried} 件，台账中{year}年底仍在办理的申请 {pending} 件；"
            "请用 gongkai import-ledger 导入仍在办理的申请，下一年度的上年结转才会相符。"
        )
    elif carried is None:
        notes.append("报告中“结转下年度继续办理”的合计未能读出，请核对。")
    return Imported(version, notes)


def preview_previous(agency, report: Report, **kwargs) -> Imported:
    """What `import_previous` would do (its refusal or its version and notes), nothing saved."""
    with transaction.atomic():
        done = import_previous(agency, report, **kwargs)
        transaction.set_rollback(True)
    return done
