"""The supervising office's records: its roster additions, the reports it received (each a
file read in the background), and its 整改 tasks with the agencies' answers.

Nothing here holds an applicant's personal data: a report is figures and narrative, and a
task quotes a finding. Records are closed, never deleted; an answer is never edited.
"""

from __future__ import annotations

from django.db import models

from gongkai.office.agencies.models import Agency
from gongkai.office.audit.models import person_field


class RosterAddition(models.Model):
    """An agency obliged to report to the office in a year although it is not below it in the
    agency tree (a 垂直管理 unit, a new body): kept by the office's 管理员, withdrawn with a
    reason when it no longer reports here."""

    office = models.ForeignKey(
        Agency, models.PROTECT, related_name="roster_additions", verbose_name="监督机关"
    )
    agency = models.ForeignKey(Agency, models.PROTECT, related_name="+", verbose_name="应报单位")
    year = models.PositiveIntegerField("年度")
    added_by = person_field("添加人")
    added_at = models.DateTimeField("添加时间", auto_now_add=True)
    #: withdrawn, never deleted: the roster of a past year stays as it was
    withdrawn_at = models.DateTimeField("移出时间", null=True, blank=True)
    withdrawn_by = person_field("移出人")
    withdraw_reason = models.CharField("移出原因", max_length=500, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "应报单位（手工添加）"
        constraints = [
            models.UniqueConstraint(
                fields=["office", "agency", "year"],
                condition=models.Q(withdrawn_at=None),
                name="unique_addition",
            )
        ]

    def __str__(self):
        return f"{self.agency}（{self.year}年度）"


class Submission(models.Model):
    """One file received for the roster: queued, read by the worker, matched to its agency and
    year by its title or by a person. The latest read one per agency and year counts."""

    class State(models.TextChoices):
        QUEUED = "queued", "排队中"
        READING = "reading", "读取中"
        DONE = "done", "已读取"
        FAILED = "failed", "无法读取"

    class Match(models.TextChoices):
        NONE = "", "待指定"
        TITLE = "title", "按标题匹配"
        MANUAL = "manual", "人工指定"

    office = models.ForeignKey(
        Agency, models.PROTECT, related_name="submissions", verbose_name="监督机关"
    )
    agency = models.ForeignKey(
        Agency, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="机关"
    )
    year = models.PositiveIntegerField("年度", null=True, blank=True)
    file = models.FileField("文件", upload_to="supervision/%Y/%m/")
    name = models.CharField("文件名", max_length=255)
    uploaded_by = person_field("上传人")
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.QUEUED)
    error = models.TextField("读取错误", blank=True)
    matched = models.CharField(
        "匹配方式", max_length=10, choices=Match.choices, default=Match.NONE, blank=True
    )
    title = models.CharField("报告标题", max_length=300, blank=True)
    printed_agency = models.CharField("报告所署机关", max_length=200, blank=True)
    printed_year = models.PositiveIntegerField("报告所写年度", null=True, blank=True)
    report = models.JSONField("报告内容", null=True, blank=True)
    findings = models.JSONField("检查结果", default=list, blank=True)
    flags = models.JSONField("风险提示", default=list, blank=True)
    errors = models.PositiveIntegerField("错误数", default=0)
    warnings = models.PositiveIntegerField("警告数", default=0)
    unreadable = models.PositiveIntegerField("无法读取的单元格", default=0)
    dated_on = models.DateField("发布日期", null=True, blank=True)
    date_used = models.CharField("所用日期", max_length=40, blank=True)
    read_at = models.DateTimeField("读取时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "收到的报告"
        ordering = ["-uploaded_at", "-id"]
        indexes = [models.Index(fields=["office", "year", "agency", "state"])]

    def __str__(self):
        return self.name

    @property
    def pending(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.READING)


class Task(models.Model):
    """整改: a supervisor asks an agency to correct what a finding shows, by a due date."""

    class State(models.TextChoices):
        OPEN = "open", "待整改"
        ANSWERED = "answered", "已答复"
        CLOSED = "closed", "已办结"

    office = models.ForeignKey(Agency, models.PROTECT, related_name="+", verbose_name="监督机关")
    agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="rectification_tasks", verbose_name="整改机关"
    )
    year = models.PositiveIntegerField("年度")
    submission = models.ForeignKey(
        Submission, models.PROTECT, null=True, blank=True, related_name="tasks", verbose_name="报告"
    )
    rule = models.CharField("规则", max_length=10, blank=True)
    cells = models.JSONField("单元格", default=list, blank=True)
    finding = models.TextField("问题")
    request = models.TextField("整改要求")
    due_on = models.DateField("整改期限")
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.OPEN)
    raised_by = person_field("发起人")
    raised_at = models.DateTimeField("发起时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "整改任务"
        ordering = ["state", "due_on", "id"]

    def __str__(self):
        return f"{self.agency}{self.year}年度：{self.rule or '整改'}"


class TaskAnswer(models.Model):
    """An agency's answer to a task, or the office's reply to it: appended, never edited."""

    task = models.ForeignKey(Task, models.PROTECT, related_name="answers", verbose_name="任务")
    text = models.TextField("答复")
    by = person_field("答复人")
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "整改答复"
        ordering = ["at", "id"]


class Indicator(models.Model):
    """One assessment indicator of an office (条例第四十六条: 考核) and its weight; the set and
    the weights are the office's 管理员's to keep. Without any, `assessment.DEFAULTS` apply."""

    office = models.ForeignKey(
        Agency, models.PROTECT, related_name="indicators", verbose_name="监督机关"
    )
    code = models.CharField("指标", max_length=30)
    weight = models.PositiveIntegerField("权重")

    class Meta:
        verbose_name = verbose_name_plural = "考核指标"
        constraints = [models.UniqueConstraint(fields=["office", "code"], name="unique_indicator")]


class TrainingRecord(models.Model):
    """A training an agency held or attended (条例第四十七条 [U]: 培训): counted in the assessment."""

    agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="trainings", verbose_name="机关"
    )
    held_on = models.DateField("日期")
    topic = models.CharField("主题", max_length=200)
    attendees = models.TextField("参加人员")
    recorded_by = person_field("登记人")
    recorded_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "培训记录"
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.held_on} {self.topic}"


class Standing(models.Model):
    """Where an agency's report of a year stands, from one source: the latest file read for an
    office (`office` set), or the newest version published in gongkai's own office (`office`
    empty: it counts on every roster the agency is on). Derived from those records and kept by
    `standing` whenever they change, so the board sorts, filters and pages 2,000 agencies in the
    database and reads 50 rows; `standing.rebuild` recomputes every row from the records."""

    office = models.ForeignKey(
        Agency, models.CASCADE, null=True, blank=True, related_name="+", verbose_name="监督机关"
    )
    agency = models.ForeignKey(
        Agency, models.CASCADE, related_name="standings", verbose_name="机关"
    )
    year = models.PositiveIntegerField("年度")
    submission = models.ForeignKey(
        Submission, models.CASCADE, null=True, blank=True, related_name="+", verbose_name="报告"
    )
    dated_on = models.DateField("日期", null=True, blank=True)
    date_used = models.CharField("所用日期", max_length=40, blank=True)
    errors = models.PositiveIntegerField("错误数", default=0)
    warnings = models.PositiveIntegerField("警告数", default=0)
    unreadable = models.PositiveIntegerField("无法读取的单元格", default=0)
    #: the risk flags' labels, once each, in the order found; their number sorts the board
    flags = models.JSONField("风险提示", default=list, blank=True)
    flag_count = models.PositiveIntegerField("风险提示数", default=0)

    class Meta:
        verbose_name = verbose_name_plural = "报告状态"
        constraints = [
            models.UniqueConstraint(
                fields=["office", "agency", "year"],
                condition=models.Q(office__isnull=False),
                name="unique_uploaded_standing",
            ),
            models.UniqueConstraint(
                fields=["agency", "year"],
                condition=models.Q(office__isnull=True),
                name="unique_published_standing",
            ),
        ]
        indexes = [models.Index(fields=["agency", "year", "office"])]
