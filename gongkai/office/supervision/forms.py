"""Forms of the supervising office: uploads, assignment, 整改 tasks and answers."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.utils import timezone

from gongkai.office.agencies.models import Agency
from gongkai.report.read.limits import MAX_FILE_BYTES
from gongkai.supervision.collect import READABLE

from .models import TrainingRecord

MAX_FILES = 50


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        if not files:
            raise forms.ValidationError("请选择要上传的文件。")
        if len(files) > MAX_FILES:
            raise forms.ValidationError(f"一次最多上传{MAX_FILES}个文件。")
        problems = []
        for f in files:
            if Path(f.name).suffix.lower() not in READABLE:
                problems.append(f"{f.name}：不是可读取的文件类型（{'、'.join(sorted(READABLE))}）")
            elif f.size > MAX_FILE_BYTES:
                problems.append(f"{f.name}：超过 {MAX_FILE_BYTES // 1024 // 1024} MB 的上限")
            elif f.size == 0:
                problems.append(f"{f.name}：文件是空的")
        if problems:
            raise forms.ValidationError(problems)
        return files


class UploadForm(forms.Form):
    files = MultipleFileField(label="年度报告文件（可多选）")


class AssignForm(forms.Form):
    agency = forms.ModelChoiceField(Agency.objects.none(), label="机关")
    year = forms.IntegerField(label="年度", min_value=2008, max_value=2100)

    def __init__(self, agencies, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=[a.pk for a in agencies])


class TaskForm(forms.Form):
    request = forms.CharField(label="整改要求", widget=forms.Textarea(attrs={"rows": 3}))
    due_on = forms.DateField(label="整改期限", widget=forms.DateInput(attrs={"type": "date"}))

    def clean_due_on(self):
        due = self.cleaned_data["due_on"]
        if due < timezone.localdate():
            raise forms.ValidationError("整改期限不能早于今天。")
        return due


class AnswerForm(forms.Form):
    text = forms.CharField(label="答复", widget=forms.Textarea(attrs={"rows": 3}))


class TrainingForm(forms.ModelForm):
    class Meta:
        model = TrainingRecord
        fields = ["agency", "held_on", "topic", "attendees"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}),
            "attendees": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, agencies, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=[a.pk for a in agencies])

    def clean_held_on(self):
        held = self.cleaned_data["held_on"]
        if held > timezone.localdate():
            raise forms.ValidationError("培训日期不能晚于今天。")
        return held


class AdditionForm(forms.Form):
    """An agency obliged to report to the office in a year though it is not below it."""

    agency_name = forms.CharField(label="机关名称", max_length=200)

    def __init__(self, office, year: int, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.office, self.year = office, year

    def clean_agency_name(self):
        from .roster import entries

        name = self.cleaned_data["agency_name"].strip()
        agency = Agency.objects.filter(name=name).first()
        if agency is None:
            raise forms.ValidationError(f"没有名为“{name}”的机关，请先在机关管理中建立。")
        if not agency.is_active:
            raise forms.ValidationError(f"{name}已停用，不能加入应报单位。")
        if any(e.pk == agency.pk for e in entries(self.office, self.year)):
            raise forms.ValidationError(f"{name}已在{self.year}年度应报单位中。")
        self.cleaned_data["agency"] = agency
        return name


class WithdrawForm(forms.Form):
    reason = forms.CharField(label="移出原因", max_length=500)


class IndicatorsForm(forms.Form):
    """One weight per assessment indicator, 0 (not counted) to 100; at least one counted."""

    def __init__(self, current: dict[str, int], *args, **kwargs):
        from .assessment import LABELS

        super().__init__(*args, **kwargs)
        for code, label in LABELS.items():
            self.fields[code] = forms.IntegerField(
                label=label,
                min_value=0,
                max_value=100,
                initial=current.get(code, 0),
                error_messages={
                    "required": "请填写权重（不计入考核填0）。",
                    "invalid": "权重应为整数。",
                    "min_value": "权重不能为负数。",
                    "max_value": "权重不能超过100。",
                },
            )

    def clean(self):
        data = super().clean()
        if not self.errors and not any(data.values()):
            raise forms.ValidationError("至少一项指标的权重应大于0。")
        return data
