"""An administrator's own DOCX for a letter, replacing the default text (letters.py)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from .letters import LETTERS


class NoticeTemplate(models.Model):
    kind = models.CharField(
        "文书",
        max_length=30,
        unique=True,
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

    def __str__(self):
        return self.get_kind_display()
