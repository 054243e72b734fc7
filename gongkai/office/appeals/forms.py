from django import forms
from django.db.models import Q

from gongkai.office import form_labels
from gongkai.office.agencies.access import staff_agencies
from gongkai.office.applications import fact_dates
from gongkai.office.applications.forms import DateInput
from gongkai.office.applications.models import Application
from gongkai.office.audit.edits import VersionedForm

from .models import Appeal


def case_label(application) -> str:
    """How a case reads in the 所涉申请 picker: its number and what was asked, not a bare number."""
    text = application.request_text
    subject = text if len(text) <= 30 else text[:29] + "…"
    return f"{application.number} · {subject}（{application.agency}）"


def matching_cases(user, q: str, limit: int = 50):
    """The cases of `user`'s agencies whose number or request matches `q`, newest first."""
    cases = Application.objects.filter(agency__in=staff_agencies(user)).select_related("agency")
    if q:
        cases = cases.filter(Q(number__icontains=q) | Q(request_text__icontains=q))
    return cases.order_by("-arrived_on", "-id")[:limit]


class AppealForm(form_labels.ChineseLabels, VersionedForm, forms.ModelForm):
    """A 行政复议 or 行政诉讼 case; linked to the contested application when there is one."""

    class Meta:
        model = Appeal
        fields = [
            "agency",
            "application",
            "number",
            "kind",
            "filed_on",
            "result",
            "closed_on",
            "note",
        ]
        widgets = {
            "filed_on": DateInput(),
            "closed_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            f: {"invalid": "请输入有效的日期（年-月-日）。"} for f in ("filed_on", "closed_on")
        }

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = staff_agencies(user)
        self.fields["agency"].queryset = agencies
        self.fields["agency"].empty_label = None
        self.fields["application"].queryset = Application.objects.filter(agency__in=agencies)
        self.fields["application"].label_from_instance = case_label
        self.fields["application"].widget.attrs["aria-describedby"] = "application-search-help"

    def clean(self):
        data = super().clean()
        agency, application = data.get("agency"), data.get("application")
        if agency and application and application.agency_id != agency.pk:
            self.add_error("application", "所涉申请应属于同一机关。")
        filed, closed, result = data.get("filed_on"), data.get("closed_on"), data.get("result")
        if closed and filed and closed < filed:
            self.add_error("closed_on", "审结日期不能早于立案日期。")
        for name, what in (("filed_on", "立案日期"), ("closed_on", "审结日期")):
            if message := fact_dates.problem(data.get(name), what):
                self.add_error(name, message)
        if bool(closed) != bool(result):
            self.add_error(
                "result" if closed else "closed_on", "审结日期和结果应同时填写（未审结则都留空）。"
            )
        if (
            agency
            and data.get("number")
            and Appeal.objects.filter(agency=agency, number=data["number"])
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error("number", "本机关已有相同案号。")
        return data
