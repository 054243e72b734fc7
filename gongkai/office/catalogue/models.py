"""The 主动公开 records: catalogue items with their attachments, review flags, decisions and
publications; consultations with their comments; public concerns; table 1 figures entered by hand.

History is append-only: a decision, a publication, a settled flag or an entered figure is a new
row; an attachment that is replaced is withdrawn (kept, no longer part of the item), never deleted.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from gongkai.office.agencies.models import Agency

from .vocab import ChannelKind, ConsultationKind, Disclosure, DocType, Stage

#: 条例第十七条: an item is on the portal only when 主动公开, signed off (or imported as
#: published) and published; the portal's queries, its index and Item.on_portal say the same
ON_PORTAL = models.Q(stage=Stage.DONE, disclosure=Disclosure.PROACTIVE, published_on__isnull=False)

USER = settings.AUTH_USER_MODEL


class IndexScheme(models.Model):
    """The agency's 索引号 scheme for new items: a pattern with {year} and {seq} (e.g.
    ``11421081MB0000000X/{year}-{seq:05d}``), set by the administrator; imported items keep theirs."""

    agency = models.OneToOneField(
        Agency, models.CASCADE, related_name="index_scheme", verbose_name="机关"
    )
    pattern = models.CharField("索引号格式", max_length=100, default="{year}-{seq:05d}")
    next_seq = models.PositiveIntegerField("下一个序号", default=1)
    #: goes up with every saved edit of the administrator's screen (a stale form is refused)
    version = models.PositiveIntegerField("版本", default=0, editable=False)

    class Meta:
        verbose_name = verbose_name_plural = "索引号规则"

    def __str__(self):
        return f"{self.agency} {self.pattern}"

    def take(self, on, taken) -> str:
        """The next 索引号 for an item formed `on` that `taken(number)` does not refuse (an
        imported item may hold it); next_seq moves past it, unsaved."""
        while True:
            number = self.pattern.format(year=on.year, seq=self.next_seq)
            self.next_seq += 1
            if not taken(number):
                return number


class OwnCategory(models.Model):
    """A category of the agency's own 主动公开基本目录 (条例第二十二条), besides the law's."""

    agency = models.ForeignKey(
        Agency, models.CASCADE, related_name="own_categories", verbose_name="机关"
    )
    name = models.CharField("类别名称", max_length=100)
    #: a category is never deleted (items carry its name): stopped, it is no longer offered
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "本机关目录类别"
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="unique_own_category")
        ]

    def __str__(self):
        return self.name


class Item(models.Model):
    """One catalogue entry (条例第十二条: 索引、名称、内容概述、生成日期). A revision is a new item."""

    agency = models.ForeignKey(Agency, models.PROTECT, related_name="items", verbose_name="机关")
    index_no = models.CharField("索引号", max_length=100)
    title = models.CharField("名称", max_length=300)
    summary = models.TextField("内容概述", blank=True)
    body = models.TextField("正文", blank=True)
    formed_on = models.DateField("生成日期")
    published_on = models.DateField("公开日期", null=True, blank=True)
    category = models.CharField("类别", max_length=100)
    doc_type = models.CharField("文种", max_length=20, choices=DocType.choices)
    doc_number = models.CharField("文号", max_length=100, blank=True)
    repealed_on = models.DateField("废止日期", null=True, blank=True)
    expired_on = models.DateField("失效日期", null=True, blank=True)
    disclosure = models.CharField(
        "公开方式", max_length=20, choices=Disclosure.choices, default=Disclosure.PROACTIVE
    )
    withheld_reason = models.TextField("不予公开理由", blank=True)
    rereview_on = models.DateField("复审日期（第十八条）", null=True, blank=True)
    interprets = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="interpretations",
        verbose_name="解读对象",
    )
    revises = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="revisions",
        verbose_name="修订的原文件",
    )
    stage = models.CharField("审核阶段", max_length=20, choices=Stage.choices, default=Stage.DRAFT)
    imported = models.BooleanField("导入（未经本系统审核）", default=False)
    #: goes up with every saved edit, so that an edit form loaded before another's save is refused
    version = models.PositiveIntegerField("版本", default=0, editable=False)
    #: 名称, 索引号 and 文号 normalised as searches are (search.py); derived, rebuilt on change
    search_text = models.TextField(blank=True, editable=False)
    created = models.DateTimeField("创建时间", auto_now_add=True)
    created_by = models.ForeignKey(
        USER, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="创建人"
    )

    class Meta:
        verbose_name = verbose_name_plural = "目录条目"
        ordering = ["-formed_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "index_no"], name="unique_index_no")
        ]
        indexes = [
            models.Index(fields=["agency", "formed_on"], name="item_agency_formed"),
            models.Index(fields=["agency", "doc_type"], name="item_agency_doctype"),
            # the portal's list: one agency's public items, newest first (public.public_items)
            models.Index(
                "agency",
                models.F("formed_on").desc(),
                models.F("id").desc(),
                condition=ON_PORTAL,
                name="item_public_newest",
            ),
        ]

    def __str__(self):
        return f"{self.index_no} {self.title}"

    @property
    def on_portal(self) -> bool:
        """ON_PORTAL, for an item in hand."""
        return (
            self.disclosure == Disclosure.PROACTIVE
            and self.stage == Stage.DONE
            and self.published_on is not None
        )

    def valid_on(self, day: dt.date) -> bool:
        """现行有效 on `day`: formed by then, neither repealed nor 失效 (失效 is not 废止)."""
        return (
            self.formed_on <= day
            and not (self.repealed_on and self.repealed_on <= day)
            and not (self.expired_on and self.expired_on <= day)
        )


class Attachment(models.Model):
    """A file of an item, with what the scanner found in its text. The scan runs in the
    background worker (scan_queue.py): until it is done the item cannot pass review."""

    class Scan(models.TextChoices):
        QUEUED = "queued", "扫描中"  # waiting for a worker: to the people it is the same
        SCANNING = "scanning", "扫描中"
        DONE = "done", "已扫描"

    item = models.ForeignKey(Item, models.PROTECT, related_name="attachments", verbose_name="条目")
    file = models.FileField("文件", upload_to="catalogue/%Y/%m/")
    name = models.CharField("文件名", max_length=255)
    uploaded = models.DateTimeField("上传时间", auto_now_add=True)
    uploaded_by = models.ForeignKey(
        USER, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="上传人"
    )
    #: why the scanner could not read the file (no text layer, damaged…); never passed as clean
    unscanned_reason = models.CharField("未能扫描原因", max_length=300, blank=True)
    scan = models.CharField("扫描状态", max_length=10, choices=Scan.choices, default=Scan.QUEUED)
    #: when a worker took the file; a claim much older than that is a worker that died
    scan_claimed = models.DateTimeField("扫描开始时间", null=True, blank=True)
    withdrawn = models.DateTimeField("撤下时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "附件"
        ordering = ["uploaded", "id"]

    def __str__(self):
        return self.name


class Flag(models.Model):
    """One finding of the pre-publication scan; the reviewer settles every one (第十七条)."""

    item = models.ForeignKey(Item, models.PROTECT, related_name="flags", verbose_name="条目")
    attachment = models.ForeignKey(
        Attachment,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="flags",
        verbose_name="附件（空为正文）",
    )
    kind = models.CharField("类型", max_length=40)
    line = models.PositiveIntegerField("行", null=True, blank=True)
    page = models.PositiveIntegerField("页", null=True, blank=True)
    excerpt = models.CharField("摘录（已遮蔽）", max_length=300, blank=True)
    value_masked = models.CharField("值（已遮蔽）", max_length=100, blank=True)
    #: the text the flag was found in changed since: kept for the history, no longer open
    stale = models.BooleanField("已过时", default=False)
    settled = models.CharField("处理结论", max_length=200, blank=True)
    settled_by = models.ForeignKey(
        USER, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="处理人"
    )
    settled_at = models.DateTimeField("处理时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "扫描提示"
        ordering = ["id"]

    def __str__(self):
        return f"{self.kind} {self.value_masked}"

    def where(self) -> str:
        place = self.attachment.name if self.attachment_id else "正文"
        bits = [place]
        if self.page:
            bits.append(f"第{self.page}页")
        if self.line:
            bits.append(f"第{self.line}行")
        return " ".join(bits)


class Decision(models.Model):
    """The item's history (第十七条): every submission, return, pass, sign-off, publication and
    settled flag, with who, when, from which stage to which, and the reason."""

    item = models.ForeignKey(Item, models.PROTECT, related_name="decisions", verbose_name="条目")
    at = models.DateTimeField("时间", auto_now_add=True)
    by = models.ForeignKey(
        USER, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="操作人"
    )
    action = models.CharField("操作", max_length=40)
    from_stage = models.CharField("原阶段", max_length=20, blank=True)
    to_stage = models.CharField("新阶段", max_length=20, blank=True)
    reason = models.TextField("理由", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "审核记录"
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.item.index_no} {self.action}"

    def stage_change(self) -> str:
        """草稿（经办人） → 保密审查（审核人）, or the one stage when it did not change."""
        old, new = (Stage(s).label if s else "" for s in (self.from_stage, self.to_stage))
        return old if old == new or not new else f"{old} → {new}".lstrip(" →")


class Publication(models.Model):
    """条例第二十三、二十四条: where and when an item reached the public."""

    item = models.ForeignKey(Item, models.PROTECT, related_name="publications", verbose_name="条目")
    channel = models.CharField("渠道", max_length=20, choices=ChannelKind.choices)
    account = models.CharField("账号或栏目名称", max_length=200, blank=True)
    on = models.DateField("公开日期")
    by = models.ForeignKey(
        USER, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="记录人"
    )

    class Meta:
        verbose_name = verbose_name_plural = "公开渠道记录"
        ordering = ["on", "id"]

    def __str__(self):
        return f"{self.get_channel_display()} {self.on}"


class SearchGram(models.Model):
    """Two-character pieces of an item's 名称, 索引号 and 文号, so that a search for a two-character
    word (复议) uses an index on SQLite and PostgreSQL alike (trigram indexes cannot)."""

    agency_id = models.BigIntegerField()
    item = models.ForeignKey(Item, models.CASCADE, related_name="+")
    gram = models.CharField(max_length=2)

    class Meta:
        indexes = [models.Index(fields=["agency_id", "gram", "item"], name="gram_lookup")]


class Consultation(models.Model):
    """意见征集: a draft opened to public comment before the decision (domain-spec §5.10)."""

    agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="consultations", verbose_name="机关"
    )
    title = models.CharField("草案名称", max_length=300)
    kind = models.CharField("类型", max_length=30, choices=ConsultationKind.choices)
    text = models.TextField("草案内容", blank=True)
    opens_on = models.DateField("开始日期")
    closes_on = models.DateField("截止日期")
    #: a 行政规范性文件 closely tied to businesses' operations needs 30 days, not 7 working days
    concerns_business = models.BooleanField("与市场主体生产经营活动密切相关", default=False)
    shortened_reason = models.TextField("缩短期限的说明", blank=True)
    feedback = models.TextField("意见采纳情况", blank=True)
    feedback_on = models.DateField("采纳情况公布日期", null=True, blank=True)
    created_by = models.ForeignKey(
        USER, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="创建人"
    )

    class Meta:
        verbose_name = verbose_name_plural = "意见征集"
        ordering = ["-opens_on", "-id"]

    def __str__(self):
        return self.title

    def is_open(self, day: dt.date) -> bool:
        return self.opens_on <= day <= self.closes_on


class Comment(models.Model):
    """A comment from the public; the contact is for the agency's staff only."""

    consultation = models.ForeignKey(
        Consultation, models.PROTECT, related_name="comments", verbose_name="意见征集"
    )
    text = models.TextField("意见")
    name = models.CharField("姓名或名称", max_length=100, blank=True)
    contact = models.CharField("联系方式", max_length=200, blank=True)
    at = models.DateTimeField("提交时间", auto_now_add=True)
    #: the keyed digest of the sender's address (portal.throttle), for the posting limit only
    sender = models.CharField("提交地址摘要", max_length=64, blank=True, db_index=True)

    class Meta:
        verbose_name = verbose_name_plural = "公众意见"
        ordering = ["at", "id"]


class Concern(models.Model):
    """回应关切: a public concern (政务舆情) and the item that answers it (domain-spec §5.10)."""

    agency = models.ForeignKey(Agency, models.PROTECT, related_name="concerns", verbose_name="机关")
    topic = models.CharField("关切事项", max_length=300)
    source = models.CharField("来源", max_length=200)
    raised_at = models.DateTimeField("发现时间")
    major_emergency = models.BooleanField("涉及重大突发事件", default=False)
    response = models.ForeignKey(
        Item,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="answers",
        verbose_name="回应条目",
    )
    responded_at = models.DateTimeField("回应时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "回应关切"
        ordering = ["-raised_at", "-id"]

    def __str__(self):
        return self.topic


class Table1Entry(models.Model):
    """A table 1 figure entered by hand, with its source (decisions kept in another system, the
    fees collected) or the reason it overrides the compiled count. The latest entry per key counts."""

    agency = models.ForeignKey(Agency, models.PROTECT, related_name="+", verbose_name="机关")
    year = models.PositiveIntegerField("年度")
    key = models.CharField("单元格", max_length=60)
    value = models.CharField("数值", max_length=40)
    source = models.CharField("来源或理由", max_length=300)
    by = models.ForeignKey(
        USER, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="录入人"
    )
    at = models.DateTimeField("录入时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "表一录入"
        ordering = ["at", "id"]
