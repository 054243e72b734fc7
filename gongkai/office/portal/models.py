"""Applications filed on the portal without an account (条例第二十九条), each followed by its
查询码. The code and the sender's address are kept only as keyed digests: the code cannot be
read back from the database, and the address serves the throttle and nothing else."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models

from gongkai.office.applications.models import Application


def keyed_digest(text: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), text.encode(), hashlib.sha256).hexdigest()


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", "居民身份证"
    PASSPORT = "passport", "护照"
    HK_MACAO = "hk_macao", "港澳居民来往内地通行证"
    TAIWAN = "taiwan", "台湾居民来往大陆通行证"
    CREDIT_CODE = "credit_code", "统一社会信用代码证书"
    OTHER = "other", "其他有效身份证明"


class OnlineSubmission(models.Model):
    application = models.OneToOneField(
        Application, models.PROTECT, related_name="online", verbose_name="申请"
    )
    code_digest = models.CharField("查询码摘要", max_length=64, unique=True)
    id_type = models.CharField("证件类型", max_length=20, choices=IdType.choices)
    email = models.EmailField("电子邮箱", blank=True)
    sender = models.CharField("提交地址摘要", max_length=64, db_index=True)
    at = models.DateTimeField("提交时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "网上申请"

    @staticmethod
    def new_code() -> str:
        """A 查询码 of 16 characters in groups of four, without look-alike letters."""
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        raw = "".join(secrets.choice(alphabet) for _ in range(16))
        return "-".join(raw[i : i + 4] for i in range(0, 16, 4))

    @staticmethod
    def normalise(code: str) -> str:
        raw = "".join(ch for ch in code.upper() if ch.isalnum())
        return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


class TrackMiss(models.Model):
    """A 查询码 looked up in vain: counted per sender to stop guessing."""

    sender = models.CharField("查询地址摘要", max_length=64, db_index=True)
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "查询码查询失败"
