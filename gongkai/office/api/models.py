"""Access tokens for the staff API: a person's own, named, revocable, never stored in clear.

Only the SHA-256 of a token is kept (a stolen database does not give working tokens); the token
itself is shown once, when it is made. A revoked token stays in the table with its date.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="api_tokens", verbose_name="用户"
    )
    name = models.CharField("用途", max_length=100)
    prefix = models.CharField("令牌开头", max_length=8)
    key_digest = models.CharField("令牌摘要", max_length=64, unique=True)
    created = models.DateTimeField("创建时间", auto_now_add=True)
    last_used = models.DateTimeField("最近使用", null=True, blank=True)
    revoked = models.DateTimeField("停用时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "接口令牌"
        ordering = ["-created"]

    def __str__(self):
        return f"{self.name}（{self.prefix}…）"

    @classmethod
    def issue(cls, user, name: str) -> tuple[ApiToken, str]:
        """A new token for `user`: (the record, the token to show once)."""
        token = secrets.token_urlsafe(32)
        record = cls.objects.create(
            user=user, name=name, prefix=token[:8], key_digest=digest(token)
        )
        return record, token

    @classmethod
    def user_for(cls, token: str):
        """The active user a live token belongs to, else None; notes the time of use."""
        record = (
            cls.objects.select_related("user")
            .filter(key_digest=digest(token), revoked__isnull=True, user__is_active=True)
            .first()
        )
        if record is None:
            return None
        cls.objects.filter(pk=record.pk).update(last_used=timezone.now())
        return record.user

    def revoke(self):
        if self.revoked is None:
            self.revoked = timezone.now()
            self.save(update_fields=["revoked"])
