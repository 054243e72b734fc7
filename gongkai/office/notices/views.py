"""Letters: generate an event's letter onto its case; the administrator's template page."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gongkai.office import form_labels, mail
from gongkai.office.agencies import access
from gongkai.office.agencies.models import Agency, Role
from gongkai.office.applications.models import CaseEvent
from gongkai.office.concurrency import AlreadyRecorded, TokenField

from . import letter_service, remedies
from .context import NAMES
from .letters import LETTERS
from .models import NoticeTemplate
from .render import LetterError, custom_template, default_template, template_for
from .render import render as render_letter

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class LetterForm(form_labels.Form):
    """The 生成文书 button: its token makes a double click one letter."""

    token = TokenField()


@login_required
@require_POST
def generate(request, event_id):
    event = get_object_or_404(CaseEvent.objects.select_related("application__agency"), pk=event_id)
    if not access.can_handle_case(request.user, event.application):
        raise Http404("没有这个事件。")
    form = LetterForm(request.POST)
    token = form.cleaned_data["token"] if form.is_valid() else ""
    try:
        attachment = letter_service.attach_letter(event, request.user, token=token)
    except AlreadyRecorded:
        messages.info(request, "该文书已生成并附入案卷，本次未重复生成。")
    except (LetterError, letter_service.NoLetter) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"已生成并附入案卷：{attachment.name}。")
        try:
            sent_to = mail.send_letter(attachment)
        except mail.MailFailed as exc:
            messages.error(request, f"{exc}文书已附入案卷，请另行送达申请人。")
        else:
            if sent_to:
                messages.success(request, f"已通过电子邮件发送给申请人：{sent_to}。")
    return redirect("case_detail", pk=event.application_id)


def _editable(user):
    """The agencies whose templates `user` edits: those where they are 管理员."""
    return access.agencies_for(user, Role.ADMIN)


def _may_edit(user) -> bool:
    return user.is_superuser or access.is_admin(user)


class TemplateForm(form_labels.Form):
    agency = forms.ModelChoiceField(
        label="机关", queryset=Agency.objects.none(), required=False, empty_label=None
    )
    kind = forms.ChoiceField(label="文书", choices=[(k, v.title) for k, v in LETTERS.items()])
    file = forms.FileField(label="模板文件（DOCX）")

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        field.queryset = Agency.objects.all() if user.is_superuser else _editable(user)
        if user.is_superuser:  # the system administrator also sets the default of all
            field.required, field.empty_label = False, DEFAULT_FOR_ALL
        else:
            field.required = True

    def clean_file(self):
        upload = self.cleaned_data["file"]
        body = upload.read()
        try:
            render_letter(body, dict.fromkeys(NAMES, "示例"))
        except LetterError as exc:
            raise forms.ValidationError(str(exc)) from exc
        upload.seek(0)
        return upload


DEFAULT_FOR_ALL = "全部机关（默认模板）"


def _chosen_agency(request, form):
    """The agency whose templates the page lists: ?agency=, else the first the user edits."""
    agencies = form.fields["agency"].queryset
    chosen = request.GET.get("agency", "")
    if chosen.isdigit():
        return agencies.filter(pk=chosen).first()
    return None if request.user.is_superuser else agencies.first()


@login_required
def templates(request):
    if not _may_edit(request.user):
        raise PermissionDenied("只有管理员可以修改文书模板。")
    form = TemplateForm(request.user, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        kind, agency = form.cleaned_data["kind"], form.cleaned_data["agency"]
        entry = NoticeTemplate.objects.filter(kind=kind, agency=agency).first() or NoticeTemplate(
            kind=kind, agency=agency
        )
        entry.file = form.cleaned_data["file"]
        entry.updated_by = request.user
        entry.save()
        whose = agency.name if agency else DEFAULT_FOR_ALL
        messages.success(request, f"已更新模板：{whose} · {LETTERS[kind].title}。")
        return redirect(f"{reverse('notice_templates')}?agency={agency.pk if agency else ''}")
    agency = _chosen_agency(request, form)
    if not form.is_bound and agency is not None:
        form.initial["agency"] = agency.pk
    rows = []
    for kind, letter in LETTERS.items():
        custom = custom_template(kind, agency)
        own = custom is not None and custom.agency_id == getattr(agency, "pk", None)
        rows.append((kind, letter, custom, own))
    return render(
        request,
        "notices/templates.html",
        {
            "letters": rows,
            "agency": agency,
            "agencies": form.fields["agency"].queryset,
            "default_for_all": DEFAULT_FOR_ALL,
            "names": NAMES.items(),
            "form": form,
            "unconfirmed": remedies.UNCONFIRMED,
        },
        status=400 if form.errors else 200,
    )


@login_required
def template_download(request, kind, which):
    if kind not in LETTERS or which not in ("current", "default"):
        raise Http404("没有这个模板。")
    staff = access.staff_agencies(request.user)
    if not (_may_edit(request.user) or staff.exists()):
        raise PermissionDenied("只有机关工作人员可以下载文书模板。")
    agency = None
    chosen = request.GET.get("agency", "")
    if chosen.isdigit():
        mine = _editable(request.user) | staff
        pool = Agency.objects.all() if request.user.is_superuser else mine
        agency = get_object_or_404(pool.distinct(), pk=chosen)
    body = default_template(kind) if which == "default" else template_for(kind, agency)
    response = HttpResponse(body, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{kind}-{which}.docx"'
    return response
