"""An agency's annual report for one year: what is entered by hand, and the published versions.

Tables 2 and 3 are not stored while the report is a draft: they are compiled from the ledger
each time (design.md: the ledger does not store report numbers). Publishing freezes the whole
report (every cell, the text, the findings) as a version with its date; a later change is a
new version with a reason, so last year's figures stay what was published (Y-1).
"""

from __future__ import annotations

from django.db import models

from gongkai.office.agencies.models import Agency
from gongkai.office.audit.models import person_field
from gongkai.report.formats import PARTS, TABLE1_2021

#: the parts written by the agency (条例第五十条, FMT2021 一): 一 总体情况, 五 问题及改进, 六 其他事项
EDITED_PARTS = (1, 5, 6)


class AnnualReport(models.Model):
    agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="annual_reports", verbose_name="机关"
    )
    year = models.PositiveIntegerField("年度")
    #: table 1 (主动公开) as typed: {cell key: text}; a missing key is a blank cell, never a 0
    table1 = models.JSONField(f"{TABLE1_2021.name}（主动公开）", default=dict, blank=True)
    part1 = models.TextField(PARTS[0].heading, blank=True)
    part5 = models.TextField(PARTS[4].heading, blank=True)
    part6 = models.TextField(PARTS[5].heading, blank=True)
    updated = models.DateTimeField("更新时间", auto_now=True)
    #: optimistic concurrency: a form loaded at another version is refused, not saved over
    version = models.PositiveIntegerField("版本", default=0, editable=False)
    updated_by = person_field("更新人")

    class Meta:
        verbose_name = verbose_name_plural = "年度报告"
        ordering = ["-year", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="one_report_per_agency_year")
        ]

    def __str__(self):
        return f"{self.agency.name}{self.year}年度报告"

    def texts(self) -> dict[int, str]:
        return {n: getattr(self, f"part{n}") for n in EDITED_PARTS}

    @property
    def current(self) -> ReportVersion | None:
        return self.versions.order_by("-number").first()


class ReportVersion(models.Model):
    """A published, frozen report: the full JSON of the `Report` as it stood that day."""

    report = models.ForeignKey(
        AnnualReport, models.PROTECT, related_name="versions", verbose_name="年度报告"
    )
    number = models.PositiveIntegerField("版本")
    published_on = models.DateField("发布日期")
    reason = models.TextField("修改原因", blank=True)
    snapshot = models.JSONField("报告内容")
    findings = models.JSONField("发布时的检查结果", default=list, blank=True)
    published_by = person_field("发布人")
    #: the server's time of recording, shown beside the stated publication date
    at = models.DateTimeField("记录时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "已发布版本"
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="unique_version_number")
        ]

    def __str__(self):
        return f"{self.report} 第{self.number}版"

    @property
    def late(self) -> bool:
        from .snapshot import report_from_snapshot

        deadline = report_from_snapshot(self.snapshot).deadline
        return bool(deadline and self.published_on > deadline)
