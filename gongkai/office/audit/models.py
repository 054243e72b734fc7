"""ChangeRecord: one change to one record, old → new, append-only."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


def person_field(verbose_name: str):
    """Who did something. PROTECT: a person who acted is deactivated, never deleted, so their
    name stays on what they did (null: done by the system, e.g. an import)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )


#: who made a change no person made
SYSTEM = "系统"


class AppendOnly(Exception):
    """History is never rewritten: a saved ChangeRecord cannot be changed or deleted."""


class ChangeRecord(models.Model):
    content_type = models.ForeignKey(ContentType, models.PROTECT, verbose_name="记录类型")
    object_id = models.PositiveBigIntegerField("记录编号")
    #: the agency the record belongs to, so that a trail is shown to whoever may see the record
    agency = models.ForeignKey(
        "agencies.Agency",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="机关",
    )
    at = models.DateTimeField("时间", auto_now_add=True)
    by = person_field("操作人")
    action = models.CharField("操作", max_length=100)
    #: [{"field": name, "label": 中文名, "old": …, "new": …}, …]
    changes = models.JSONField("变更", default=list, blank=True)
    #: the record's version after this change (forms with optimistic concurrency)
    version = models.PositiveIntegerField("版本", null=True, blank=True)
    #: the submitted form's token: the same form posted twice is recorded once
    token = models.CharField("提交标识", max_length=32, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "修改记录"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"], name="trail_of")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "token"],
                condition=~models.Q(token=""),
                name="one_change_per_form_token",
            )
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnly("修改记录不能更改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("修改记录不能删除。")

    @property
    def who(self) -> str:
        """The person who made the change, or 系统 for an import, the demo, a command."""
        return str(self.by) if self.by_id else SYSTEM

    def details(self) -> list[tuple[str, str]]:
        from .trail import shown

        return [(c["label"], f"{shown(c['old'])} → {shown(c['new'])}") for c in self.changes]
