"""An agency administrator's own DOCX for a letter, replacing the default text (letters.py) for
that agency's letters; without an agency (set by the system administrator) it replaces the
default for every agency that has none of its own."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from .letters import LETTERS


class NoticeTemplate(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="notice_templates",
        verbose_name="机关（空为全部机关的默认模板）",
    )
    kind = models.CharField(
        "文书",
        max_length=30,
        choices=[(k, letter.title) for k, letter in LETTERS.items()],
    )
    file = models.FileField("模板文件（DOCX）", upload_to="notice_templates/")
    updated = models.DateTimeField("更新时间", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="更新人",
    )

    class Meta:
        verbose_name = verbose_name_plural = "文书模板"
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind"], name="one_template_per_agency"),
            models.UniqueConstraint(
                fields=["kind"],
                condition=models.Q(agency__isnull=True),
                name="one_default_template",
            ),
        ]

    def __str__(self):
        return self.get_kind_display()
