"""行政复议 and 行政诉讼 cases (条例第五十一条), linked to the application they contest so that
table 3 can be compiled from them."""

from __future__ import annotations

from django.db import models

from gongkai.office.agencies.models import Agency
from gongkai.office.applications.models import Application
from gongkai.office.audit.models import person_field
from gongkai.report.formats import OUTCOME_COLUMNS, TABLE3

KIND_CHOICES = [(r.key, r.label) for r in TABLE3.rows]
#: the concluded results of table 3 (尚未审结 and 总计 are derived, not entered)
RESULT_CHOICES = [
    (c.key, c.label) for c in OUTCOME_COLUMNS if c.key in ("maintained", "corrected", "other")
]


class StandingAppeals(models.Manager):
    """The appeals not voided: one entered by mistake keeps its row and trail, outside table 3."""

    def get_queryset(self):
        return super().get_queryset().filter(voided_at__isnull=True)


class Appeal(models.Model):
    agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="appeals", verbose_name="被申请/被诉机关"
    )
    application = models.ForeignKey(
        Application,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="appeals",
        verbose_name="所涉申请",
    )
    number = models.CharField("案号", max_length=80)
    kind = models.CharField("类型", max_length=40, choices=KIND_CHOICES)
    filed_on = models.DateField("立案/收到日期")
    result = models.CharField("结果", max_length=20, choices=RESULT_CHOICES, blank=True)
    closed_on = models.DateField("审结日期", null=True, blank=True)
    note = models.TextField("备注", blank=True)
    #: optimistic concurrency (gongkai.office.audit.edits): a stale form is refused
    version = models.PositiveIntegerField("版本", default=0, editable=False)
    voided_at = models.DateTimeField("作废时间", null=True, blank=True, editable=False)
    voided_by = person_field("作废人")
    void_reason = models.TextField("作废原因", blank=True, editable=False)

    objects = StandingAppeals()
    everything = models.Manager()

    class Meta:
        default_manager_name = "objects"
        base_manager_name = "everything"
        verbose_name = verbose_name_plural = "复议诉讼案件"
        ordering = ["-filed_on", "-id"]
        constraints = [
            # the 案号 is the reviewing body's or court's: a voided entry does not hold it
            models.UniqueConstraint(
                fields=["agency", "number"],
                condition=models.Q(voided_at__isnull=True),
                name="unique_standing_appeal_number",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"
