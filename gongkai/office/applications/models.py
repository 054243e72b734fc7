"""The 依申请公开 ledger: applications, the legal events on them, their history and attachments.

The ledger keeps facts (dates, events, the final table-2 row); the due date is recomputed from
the events by clock.py and only cached here (`due_on`) so lists can filter on it.
"""

from __future__ import annotations

from django.db import models

from gongkai.office.agencies.models import Agency
from gongkai.office.audit.models import person_field
from gongkai.office.audit.trail import YES_NO
from gongkai.office.audit.trail import shown as trail_shown
from gongkai.report.formats import APPLICANT_COLUMNS, OUTCOME_ROWS_2021


class Channel(models.TextChoices):
    """条例第三十一条: how the application arrived decides its date of receipt."""

    IN_PERSON = "in_person", "当面提交"
    POST_SIGNED = "post_signed", "邮寄（需签收）"
    POST_UNSIGNED = "post_unsigned", "平常信函"
    ONLINE = "online", "网络"
    FAX = "fax", "传真"
    ORAL = "oral", "口头"


class RequestKind(models.TextChoices):
    """条例第四十一条: a request to correct records about oneself is not a disclosure application
    and has no row in table 2."""

    DISCLOSURE = "disclosure", "政府信息公开申请"
    CORRECTION = "correction", "更正申请"


class Status(models.TextChoices):
    """domain-spec §5.9 (the states that change what may happen next)."""

    RECEIVED = "received", "待确认收到"
    REGISTERED = "registered", "办理中"
    CORRECTION_REQUESTED = "correction_requested", "待补正"
    CONSULTING = "consulting", "征求意见中"
    AWAITING_PAYMENT = "awaiting_payment", "待缴费"
    CLOSED = "closed", "已办结"
    #: registered by mistake (twice, on the wrong agency): kept with its history, counted nowhere
    VOIDED = "voided", "已作废"


#: the states after which no legal event may be recorded and no clock runs
ENDED = (Status.CLOSED, Status.VOIDED)

APPLICANT_CATEGORY_CHOICES = [(c.key, c.full_label) for c in APPLICANT_COLUMNS]
OUTCOME_CHOICES = [(r.key, r.full_label) for r in OUTCOME_ROWS_2021]


class Application(models.Model):
    agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="applications", verbose_name="机关"
    )
    number = models.CharField("编号", max_length=40)
    request_kind = models.CharField(
        "申请类型", max_length=20, choices=RequestKind.choices, default=RequestKind.DISCLOSURE
    )
    channel = models.CharField("提交方式", max_length=20, choices=Channel.choices)
    arrived_on = models.DateField("到达日期")
    received_on = models.DateField("收到申请之日（第三十一条）", null=True, blank=True)
    applicant_category = models.CharField(
        "申请人类别", max_length=30, choices=APPLICANT_CATEGORY_CHOICES
    )
    applicant_subtype = models.CharField("申请人细分类型", max_length=60, blank=True)
    applicant_name = models.CharField("申请人姓名或名称", max_length=200)
    id_number = models.CharField("身份证件号码或统一社会信用代码", max_length=60, blank=True)
    contact = models.CharField("联系方式", max_length=200)
    request_text = models.TextField("所需政府信息的描述")
    delivery_form = models.CharField("获取信息的方式和途径", max_length=200, blank=True)
    status = models.CharField(
        "状态", max_length=30, choices=Status.choices, default=Status.RECEIVED
    )
    due_on = models.DateField("答复期限（由事件计算）", null=True, blank=True)
    reply_type = models.CharField("答复类型", max_length=40, blank=True)
    outcome = models.CharField(
        "办理结果（表二）", max_length=60, choices=OUTCOME_CHOICES, blank=True
    )
    concluded_on = models.DateField("办结日期", null=True, blank=True)
    denial_reason = models.TextField("不予公开的理由", blank=True)
    created = models.DateTimeField("登记时间", auto_now_add=True)
    updated = models.DateTimeField("更新时间", auto_now=True)

    #: the fields that identify the applicant (shown only to the holding agency's staff)
    PERSONAL_FIELDS = ("applicant_name", "id_number", "contact")

    class Meta:
        verbose_name = verbose_name_plural = "政府信息公开申请"
        ordering = ["-arrived_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="unique_number_per_agency")
        ]
        indexes = [
            # the case list: one agency's cases, newest first, and its counts by status
            models.Index(fields=["agency", "-arrived_on", "-id"], name="case_list_order"),
            models.Index(fields=["agency", "status"], name="case_list_status"),
        ]

    def __str__(self):
        return f"{self.agency} {self.number}"


class EventKind(models.TextChoices):
    CORRECTION_NOTICE = "correction_notice", "补正通知"
    CORRECTION_RECEIVED = "correction_received", "收到补正"
    CONSULTATION_START = "consultation_start", "征求意见"
    CONSULTATION_END = "consultation_end", "征求意见结束"
    EXTENSION = "extension", "延长答复期限"
    FEE_NOTICE = "fee_notice", "收费通知"
    FEE_PAID = "fee_paid", "缴费"
    ART35_DELAY = "art35_delay", "第三十五条延期答复"
    REPLY = "reply", "答复"
    WITHDRAWN = "withdrawn", "撤回申请"
    NOTE = "note", "备注"


#: Chinese names of the keys in CaseEvent.data and History.changes, for the case page
DATA_LABELS = {
    "on": "日期",
    "items": "补正事项",
    "correction_due": "补正期限",
    "party": "对象",
    "name": "名称",
    "delivered_on": "对方收到日期",
    "answer": "答复意见",
    "days": "延长工作日数",
    "reason": "理由",
    "approved": "已批准",
    "approved_on": "批准日期",
    "approved_by": "批准人",
    "notified_on": "告知申请人日期",
    "method": "收费方式",
    "amount": "金额（元）",
    "served_on": "送达日期",
    "delayed_to": "延期答复日期",
    "reply_type": "答复类型",
    "row": "表二行",
    "note": "说明",
    "status": "状态",
    "received_on": "收到申请之日",
    "number": "编号",
    "channel": "提交方式",
    "request_kind": "申请类型",
    "outcome": "办理结果",
    "concluded_on": "办结日期",
    "denial_reason": "不予公开的理由",
    "attachment": "附件",
    "file": "文件",
    "applicant_category": "申请人类别",
    "applicant_subtype": "申请人细分类型",
    "applicant_name": "申请人姓名或名称",
    "id_number": "证件号码",
    "contact": "联系方式",
    "request_text": "所需政府信息的描述",
    "delivery_form": "获取信息的方式和途径",
    "arrived_on": "到达日期",
    "event": "事件",
    "correction_reason": "更正原因",
}
HIDDEN = "（仅受理机关可见）"

#: 国办函〔2020〕109号第三条: the two ways of charging, one per application
FEE_METHOD_LABELS = {"per_item": "按件", "per_volume": "按量"}


def _value_labels() -> dict[str, dict]:
    """{data key: {stored code: label}}: what a person reads instead of the code."""
    from .clock import PARTIES
    from .replies import BY_KEY

    return {
        "status": dict(Status.choices),
        "channel": dict(Channel.choices),
        "request_kind": dict(RequestKind.choices),
        "outcome": dict(OUTCOME_CHOICES),
        "row": dict(OUTCOME_CHOICES),
        "reply_type": {k: r.label for k, r in BY_KEY.items()} | {"withdrawn": "申请人撤回申请"},
        "party": {k: v[0] for k, v in PARTIES.items()},
        "method": FEE_METHOD_LABELS,
        "approved": YES_NO,
        "applicant_category": dict(APPLICANT_CATEGORY_CHOICES),
    }


def readable(key: str, value):
    """A stored value as a person reads it: a code as its label (a yes/no becomes 是/否 in
    audit.trail.shown, for every record alike)."""
    labels = _value_labels().get(key)
    if labels is None or isinstance(value, (list, dict)):
        return value
    try:
        return labels.get(value, value)
    except TypeError:  # an unhashable value is shown as it is
        return value


#: keys whose values identify the applicant, and file names, which often carry a name or a
#: phone number: shown only to the holding agency's staff
PRIVATE_KEYS = ("attachment", "file", *Application.PERSONAL_FIELDS)


def labelled(data: dict, personal: bool = True) -> list[tuple[str, object]]:
    """(Chinese label, value) pairs, a change [old, new] shown as "old → new" (templates cannot
    iterate a dict that has a key "items"); without `personal`, file names are withheld. A
    change that reads the same on both sides (blank → blank at registration) is not shown."""

    def shown(key, value):
        if isinstance(value, list) and len(value) == 2:
            return f"{shown(key, value[0])} → {shown(key, value[1])}"
        return trail_shown(readable(key, value))

    def unchanged(key, value):
        return (
            isinstance(value, list)
            and len(value) == 2
            and shown(key, value[0]) == shown(key, value[1])
        )

    return [
        (
            DATA_LABELS.get(key, key),
            shown(key, value) if personal or key not in PRIVATE_KEYS else HIDDEN,
        )
        for key, value in data.items()
        if not unchanged(key, value)
    ]


class RecordedEvents(models.Manager):
    """The events that stand: one undone by mistake stays in the table, marked, but no clock,
    table or next step sees it."""

    def get_queryset(self):
        return super().get_queryset().filter(voided_at__isnull=True)


class CaseEvent(models.Model):
    application = models.ForeignKey(
        Application, models.PROTECT, related_name="events", verbose_name="申请"
    )
    kind = models.CharField("事件", max_length=30, choices=EventKind.choices)
    on = models.DateField("日期")
    data = models.JSONField("内容", default=dict, blank=True)
    by = person_field("经办人")
    at = models.DateTimeField("记录时间", auto_now_add=True)
    voided_at = models.DateTimeField("撤销时间", null=True, blank=True)
    voided_by = person_field("撤销人")
    void_reason = models.TextField("撤销原因", blank=True)

    objects = RecordedEvents()
    #: every event, the undone ones included (the case page lists them struck through)
    everything = models.Manager()

    class Meta:
        verbose_name = verbose_name_plural = "办理事件"
        ordering = ["on", "at", "id"]
        default_manager_name = "objects"
        base_manager_name = "everything"

    def __str__(self):
        return f"{self.on} {self.get_kind_display()}"

    def details(self):
        return labelled(self.data)


class History(models.Model):
    """条例第四十五条: registration, review, handling and reply leave an audit trail. Entries are
    never deleted with their case or their author (PROTECT: cases are closed, people
    deactivated)."""

    application = models.ForeignKey(
        Application, models.PROTECT, related_name="history", verbose_name="申请"
    )
    at = models.DateTimeField("时间", auto_now_add=True)
    by = person_field("操作人")
    action = models.CharField("操作", max_length=100)
    changes = models.JSONField("变更", default=dict, blank=True)
    #: the submitted form's token (gongkai.office.concurrency): a form posted twice records once
    token = models.CharField("提交标识", max_length=32, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "修改记录"
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["token"], condition=~models.Q(token=""), name="one_step_per_form_token"
            )
        ]

    def details(self, personal: bool = True):
        return labelled(self.changes, personal)


def attachment_path(instance, filename):
    return f"applications/{instance.application.agency_id}/{instance.application_id}/{filename}"


class KeptAttachments(models.Manager):
    """The attachments not removed. A removed one keeps its row (who, when, why) but not its
    file: a document put on the wrong case may carry another person's data."""

    def get_queryset(self):
        return super().get_queryset().filter(removed_at__isnull=True)


class Attachment(models.Model):
    application = models.ForeignKey(
        Application, models.PROTECT, related_name="attachments", verbose_name="申请"
    )
    file = models.FileField("文件", upload_to=attachment_path, blank=True)
    name = models.CharField("名称", max_length=200)
    uploaded_by = person_field("上传人")
    at = models.DateTimeField("上传时间", auto_now_add=True)
    #: the event whose letter this is (notices): a letter generated means it went out
    event = models.ForeignKey(
        CaseEvent,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="letters",
        verbose_name="所属事件",
    )
    removed_at = models.DateTimeField("移除时间", null=True, blank=True)
    removed_by = person_field("移除人")
    remove_reason = models.TextField("移除原因", blank=True)

    objects = KeptAttachments()
    everything = models.Manager()

    class Meta:
        verbose_name = verbose_name_plural = "附件"
        ordering = ["at", "id"]
        default_manager_name = "objects"
        base_manager_name = "everything"
