"""Forms of the ledger. Each event form is rendered with a prefix equal to its action name, so
field ids are stable for browser tests: id_<action>-<field> (e.g. id_reply-reply_type)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from gongkai.office import form_labels
from gongkai.office.agencies.access import staff_agencies
from gongkai.office.concurrency import TokenField
from gongkai.office.uploads import CheckedFileField

from . import fact_dates
from .clock import EXTENSION_MAX_WD, PARTIES
from .corrections import INTAKE_FIELDS, NO_REASON
from .models import Application, Channel, RequestKind
from .replies import CORRECTION_REPLIES, REPLY_TYPES
from .services import RECEIVED_ON_ARRIVAL


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def date_field(label, required=True, **kwargs):
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        error_messages={"invalid": "请输入有效的日期（年-月-日）。"},
        **kwargs,
    )


#: dates an agency sets for the future (a period it grants); every other date records a fact
FUTURE_DATES = ("correction_due", "delayed_to")
FARTHEST = dt.timedelta(days=366)


class IntakeForm(form_labels.ModelForm):
    """条例第二十九条: who applies, how to reach them, what they want and in what form."""

    agency = forms.ModelChoiceField(label="受理机关", queryset=None, empty_label=None)
    number = forms.CharField(
        label="编号", required=False, help_text="留空则自动编号（年份-序号）。"
    )
    arrived_on = date_field("到达日期")
    received_on = date_field("收到申请之日（第三十一条）", required=False)
    token = TokenField()

    class Meta:
        model = Application
        fields = ["agency", *INTAKE_FIELDS, "token"]
        help_texts = {
            "received_on": "当面、需签收邮件、口头申请：即到达之日；平常信函、网络、传真：与申请人确认之日，未确认可留空。",
            "request_kind": "更正申请：申请人有证据证明政府信息记录不准确，要求更正（第四十一条），不计入年度报告表二。",
            "applicant_subtype": "例如：个体工商户、律师事务所、村民委员会（用于复核统计口径）。",
        }

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = staff_agencies(user)
        self.fields["request_text"].widget.attrs["rows"] = 4
        self.fields["request_kind"].required = False  # most requests are disclosure requests

    def clean_request_kind(self):
        return self.cleaned_data.get("request_kind") or RequestKind.DISCLOSURE

    def clean_arrived_on(self):
        arrived = self.cleaned_data["arrived_on"]
        if message := fact_dates.problem(arrived, "到达日期"):
            raise forms.ValidationError(message)
        return arrived

    def clean(self):
        data = super().clean()
        channel, arrived, received = (
            data.get("channel"),
            data.get("arrived_on"),
            data.get("received_on"),
        )
        if arrived and received:
            if received < arrived:
                self.add_error("received_on", "收到申请之日不能早于到达日期。")
            elif channel in RECEIVED_ON_ARRIVAL and received != arrived:
                self.add_error(
                    "received_on",
                    f"{Channel(channel).label}的申请，收到申请之日就是到达之日（第三十一条）。",
                )
            elif received > timezone.localdate():
                self.add_error("received_on", "收到申请之日不能晚于今天。")
        return data


class EventForm(form_labels.Form):
    on = date_field("日期", initial=timezone.localdate)
    token = TokenField()

    def clean(self):
        """A recorded fact cannot lie in the future; a period granted stays within a year."""
        data = super().clean()
        today = timezone.localdate()
        for name, value in list(data.items()):
            if not isinstance(value, dt.date):
                continue
            if name in FUTURE_DATES and value > today + FARTHEST:
                self.add_error(name, "日期过远（不应超过一年）。")
            elif name not in FUTURE_DATES and value > today:
                self.add_error(name, "日期不能晚于今天。")
        return data


class ConfirmForm(EventForm):
    pass


class CorrectionForm(EventForm):
    items = forms.CharField(
        label="需要补正的事项（一次性告知）", widget=forms.Textarea(attrs={"rows": 3})
    )
    correction_due = date_field("补正期限", required=False)


class ConsultationForm(EventForm):
    party = forms.ChoiceField(
        label="征求意见对象", choices=[(k, f"{v[0]}（{v[1]}）") for k, v in PARTIES.items()]
    )
    name = forms.CharField(label="名称", max_length=200)
    delivered_on = date_field("对方收到征求意见函之日", required=False)


class ConsultationEndForm(EventForm):
    answer = forms.CharField(
        label="答复意见", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ExtensionRequestForm(EventForm):
    days = forms.IntegerField(
        label="延长工作日数", min_value=1, max_value=EXTENSION_MAX_WD, initial=EXTENSION_MAX_WD
    )
    reason = forms.CharField(label="延长理由", widget=forms.Textarea(attrs={"rows": 2}))


class ExtensionApproveForm(EventForm):
    notified_on = date_field("告知申请人之日")


class FeeNoticeForm(EventForm):
    method = forms.ChoiceField(
        label="收费方式", choices=[("per_item", "按件计收"), ("per_volume", "按量计收")]
    )
    amount = forms.DecimalField(label="金额（元）", min_value=0, decimal_places=2, max_digits=10)
    served_on = date_field("申请人收到通知之日", required=False)


class Art35Form(EventForm):
    delayed_to = date_field("确定的延期答复日期")
    notified_on = date_field("告知申请人之日", required=False)


REPLY_CHOICES = [
    ("", "—— 请选择 ——"),
    *((r.key, f"{r.label}（{r.article}）→ {r.row_label}") for r in REPLY_TYPES),
    ("更正申请（第四十一条，不计入表二）", [(r.key, r.label) for r in CORRECTION_REPLIES]),
]


class ReplyChoice(forms.Form):
    """The reply type and the reasons of a denial: recording a reply, and correcting one."""

    reply_type = forms.ChoiceField(label="答复类型", choices=REPLY_CHOICES)
    denial_reason = forms.CharField(
        label="不予公开的理由", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReplyForm(EventForm, ReplyChoice):
    field_order = ["on", "reply_type", "denial_reason"]


class WithdrawForm(EventForm):
    note = forms.CharField(label="说明", required=False)


class AttachmentForm(form_labels.Form):
    name = forms.CharField(label="名称", max_length=200, required=False)
    file = CheckedFileField(label="文件")


class ReasonForm(form_labels.Form):
    """A correction: its reason goes into the history beside the change."""

    reason = forms.CharField(
        label="原因",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": NO_REASON},
    )
    token = TokenField()


class CorrectReplyForm(ReasonForm, ReplyChoice):
    field_order = ["reply_type", "denial_reason", "reason"]


class IntakeEditForm(IntakeForm):
    """The intake form on a registered case, with the reason of the correction."""

    reason = forms.CharField(
        label="更正原因",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": NO_REASON},
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        del self.fields["agency"]
        self.fields["number"].required = True
        self.fields["number"].help_text = ""

    def changes(self) -> dict:
        """The intake fields as corrected (the service compares them with the case)."""
        return {
            k: v for k, v in self.cleaned_data.items() if k not in ("reason", "token", "agency")
        }
