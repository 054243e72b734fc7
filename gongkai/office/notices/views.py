"""Letters: generate an event's letter onto its case; the administrator's template page."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.office import form_labels, mail
from gongkai.office.agencies import access
from gongkai.office.agencies.models import Role
from gongkai.office.applications.models import CaseEvent

from . import letter_service, remedies
from .context import NAMES
from .letters import LETTERS
from .models import NoticeTemplate
from .render import LetterError, default_template, template_for
from .render import render as render_letter

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
@require_POST
def generate(request, event_id):
    event = get_object_or_404(CaseEvent.objects.select_related("application__agency"), pk=event_id)
    if not access.can_handle_case(request.user, event.application):
        raise Http404("没有这个事件。")
    try:
        attachment = letter_service.attach_letter(event, request.user)
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


def _may_edit(user) -> bool:
    return user.is_superuser or access.agencies_for(user, Role.ADMIN).exists()


class TemplateForm(form_labels.Form):
    kind = forms.ChoiceField(label="文书", choices=[(k, v.title) for k, v in LETTERS.items()])
    file = forms.FileField(label="模板文件（DOCX）")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        body = upload.read()
        try:
            render_letter(body, dict.fromkeys(NAMES, "示例"))
        except LetterError as exc:
            raise forms.ValidationError(str(exc)) from exc
        upload.seek(0)
        return upload


@login_required
def templates(request):
    if not _may_edit(request.user):
        raise PermissionDenied("只有管理员可以修改文书模板。")
    form = TemplateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["kind"]
        entry = NoticeTemplate.objects.filter(kind=kind).first() or NoticeTemplate(kind=kind)
        entry.file = form.cleaned_data["file"]
        entry.updated_by = request.user
        entry.save()
        messages.success(request, f"已更新模板：{LETTERS[kind].title}。")
        return redirect("notice_templates")
    custom = {t.kind: t for t in NoticeTemplate.objects.select_related("updated_by")}
    return render(
        request,
        "notices/templates.html",
        {
            "letters": [(k, letter, custom.get(k)) for k, letter in LETTERS.items()],
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
    if not (_may_edit(request.user) or access.staff_agencies(request.user).exists()):
        raise PermissionDenied("只有机关工作人员可以下载文书模板。")
    body = default_template(kind) if which == "default" else template_for(kind)
    response = HttpResponse(body, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{kind}-{which}.docx"'
    return response
