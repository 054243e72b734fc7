"""Forms of the catalogue pages; the choices come from vocab.py."""

from __future__ import annotations

import string

from django import forms
from django.utils import timezone

from gongkai.office.audit.edits import VersionedForm
from gongkai.office.uploads import SPREADSHEET_KINDS, CheckedFileField

from .models import Concern, Consultation, IndexScheme, Item
from .vocab import LAW_CATEGORIES, ChannelKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def category_choices(agency, keep: str = "") -> list[tuple[str, str]]:
    """The law's categories and the agency's active own ones (and `keep`, an item's own)."""
    own = (
        list(agency.own_categories.filter(active=True).values_list("name", flat=True))
        if agency
        else []
    )
    names = [*LAW_CATEGORIES, *own]
    if keep and keep not in names:
        names.append(keep)
    return [(c, c) for c in names]


class ItemForm(VersionedForm, forms.ModelForm):
    """A draft: the 第十二条 fields, 文种, 公开方式 and the text the scanner reads; an edit
    carries the version it was loaded at (workflow.edit_item refuses a stale one)."""

    index_no = forms.CharField(
        label="索引号", required=False, help_text="留空则按本机关索引号规则自动编号"
    )

    class Meta:
        model = Item
        fields = [
            "title",
            "summary",
            "body",
            "formed_on",
            "category",
            "doc_type",
            "doc_number",
            "disclosure",
            "withheld_reason",
            "rereview_on",
            "repealed_on",
            "expired_on",
            "interprets",
            "revises",
        ]
        widgets = {
            "formed_on": DATE,
            "rereview_on": DATE,
            "repealed_on": DATE,
            "expired_on": DATE,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = agency
        self.fields["category"] = forms.ChoiceField(
            label="类别", choices=category_choices(agency, self.instance.category)
        )
        mine = Item.objects.filter(agency=agency).exclude(pk=self.instance.pk)
        self.fields["interprets"].queryset = mine.filter(
            doc_type__in=("rule", "normative", "other")
        )
        self.fields["revises"].queryset = mine
        if self.instance.pk:
            del self.fields["index_no"]

    def clean(self):
        data = super().clean()
        if data.get("disclosure") == "withheld" and not (data.get("withheld_reason") or "").strip():
            self.add_error("withheld_reason", "不予公开须写明理由（条例第十四至十六条）。")
        if data.get("doc_type") == "interpretation" and not data.get("interprets"):
            self.add_error("interprets", "政策解读须选择所解读的文件。")
        return data


SCHEME_FIELDS = ("year", "seq")


def pattern_problem(pattern: str) -> str:
    """Why a 索引号 pattern cannot number items ("" when it can): {seq} is needed, only {year}
    and {seq} are known, and the number must fit the 索引号 field."""
    try:
        names = [n for _, n, _, _ in string.Formatter().parse(pattern) if n is not None]
    except ValueError:
        return "索引号格式中的花括号不成对。"
    if "seq" not in names:
        return "索引号格式须含序号 {seq}。"
    unknown = sorted({n or "{}" for n in names} - set(SCHEME_FIELDS))
    if unknown:
        return f"索引号格式只能使用 {{year}} 和 {{seq}}，不认识：{'、'.join(unknown)}。"
    try:
        sample = pattern.format(year=9999, seq=99999999)
    except (ValueError, TypeError, IndexError, KeyError, AttributeError):
        return "索引号格式无效，请参照示例 {year}-{seq:05d}。"
    limit = Item._meta.get_field("index_no").max_length
    if len(sample) > limit:
        return f"按此格式生成的索引号超过{limit}个字符。"
    return ""


class IndexSchemeForm(VersionedForm, forms.ModelForm):
    """The administrator's 索引号 scheme, with the number the next new item will get."""

    class Meta:
        model = IndexScheme
        fields = ["pattern", "next_seq"]
        help_texts = {"pattern": "例如 11421081MB0000000X/{year}-{seq:05d}"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["next_seq"].min_value = 1
        self.fields["next_seq"].widget.attrs["min"] = 1

    def clean_pattern(self):
        pattern = self.cleaned_data["pattern"].strip()
        problem = pattern_problem(pattern)
        if problem:
            raise forms.ValidationError(problem)
        return pattern

    def clean_next_seq(self):
        value = self.cleaned_data["next_seq"]
        if value < 1:
            raise forms.ValidationError("序号从1开始。")
        return value

    def example(self) -> str:
        scheme = self.instance
        if pattern_problem(scheme.pattern):
            return ""
        return scheme.pattern.format(year=timezone.localdate().year, seq=scheme.next_seq)


class OwnCategoryForm(forms.Form):
    name = forms.CharField(label="类别名称", max_length=100)

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = agency

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if name in LAW_CATEGORIES:
            raise forms.ValidationError("这是条例规定的法定类别，无需新增。")
        if self.agency.own_categories.filter(name=name).exists():
            raise forms.ValidationError("已有该类别（已停用的可重新启用）。")
        return name


class AttachmentForm(forms.Form):
    file = CheckedFileField(label="附件")


class ReasonForm(forms.Form):
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 2}))


class NoteForm(forms.Form):
    reason = forms.CharField(label="审查意见", required=False)


class SettleForm(forms.Form):
    conclusion = forms.CharField(label="处理结论", max_length=200)


class PublicationForm(forms.Form):
    channel = forms.ChoiceField(label="渠道", choices=ChannelKind.choices)
    account = forms.CharField(label="账号或栏目名称", required=False)
    on = forms.DateField(label="公开日期", widget=DATE)


class ImportForm(forms.Form):
    """A catalogue or ledger spreadsheet for the web import."""

    file = CheckedFileField(label="表格文件（.xlsx 或 .csv）", kinds=SPREADSHEET_KINDS)


class ConsultationForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = [
            "title",
            "kind",
            "text",
            "opens_on",
            "closes_on",
            "concerns_business",
            "shortened_reason",
        ]
        widgets = {"opens_on": DATE, "closes_on": DATE, "text": forms.Textarea(attrs={"rows": 6})}

    def clean(self):
        data = super().clean()
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", "截止日期不能早于开始日期。")
        return data


class FeedbackForm(forms.Form):
    feedback = forms.CharField(label="意见采纳情况", widget=forms.Textarea(attrs={"rows": 4}))
    feedback_on = forms.DateField(label="公布日期", widget=DATE)


class CommentForm(forms.Form):
    """A comment from the public; the contact reaches the agency's staff only."""

    text = forms.CharField(label="意见", max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))
    name = forms.CharField(label="姓名或名称（选填）", max_length=100, required=False)
    contact = forms.CharField(
        label="联系方式（选填，仅本机关工作人员可见）", max_length=200, required=False
    )


class ConcernForm(forms.ModelForm):
    class Meta:
        model = Concern
        fields = ["topic", "source", "raised_at", "major_emergency"]
        widgets = {"raised_at": forms.DateTimeInput(attrs={"type": "datetime-local"})}


class ResponseForm(forms.Form):
    response = forms.ModelChoiceField(label="回应条目", queryset=None)
    responded_at = forms.DateTimeField(
        label="回应时间", widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["response"].queryset = Item.objects.filter(agency=agency).order_by("-formed_on")
