"""The pages of corrections (corrections.py): the intake edit page, and the case page's forms
to undo the last event, correct or void the reply, void the case, remove an attachment."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.office.agencies import access
from gongkai.office.concurrency import AlreadyRecorded

from . import corrections, forms, services
from .models import Application, Attachment, EventKind, Status
from .views import _already_recorded, posted_step


@dataclass(frozen=True)
class Correction:
    label: str
    form: type
    run: object
    #: who may, on which case: (user, application) -> bool
    allowed: object


def _undoable(user, application) -> bool:
    event = corrections.last_event(application)
    return event is not None and not corrections.undo_refusal(event, user)


def _replied(user, application) -> bool:
    return (
        application.status == Status.CLOSED
        and application.events.filter(kind=EventKind.REPLY).exists()
        and corrections.is_approver(user, application)
    )


CORRECTIONS = {
    "undo": Correction(
        "撤销最后记录的事件", forms.ReasonForm, corrections.undo_last_event, _undoable
    ),
    "correct_reply": Correction(
        "更正答复类型", forms.CorrectReplyForm, corrections.correct_reply, _replied
    ),
    "void_reply": Correction(
        "作废答复（申请重新办理）", forms.ReasonForm, corrections.void_reply, _replied
    ),
    "void": Correction(
        "作废申请（误登记、重复登记）",
        forms.ReasonForm,
        corrections.void_application,
        lambda user, a: a.status != Status.VOIDED and corrections.is_approver(user, a),
    ),
}


def correction_forms(user, application, bound=None) -> dict:
    """The case page's corrections section: what `user` may correct now, and why an event
    cannot be undone when it cannot."""
    if not access.can_handle_case(user, application) or application.status == Status.VOIDED:
        return {}
    last = corrections.last_event(application)
    found = [
        (
            name,
            c.label
            + (f"：{last.get_kind_display()}（{last.on:%Y-%m-%d}）" if name == "undo" else ""),
            bound[1] if bound and bound[0] == name else c.form(prefix=name),
        )
        for name, c in CORRECTIONS.items()
        if c.allowed(user, application)
    ]
    refusal = corrections.undo_refusal(last, user) if last is not None else ""
    return {"corrections": found, "undo_refusal": refusal}


def _handled_case(user, pk) -> Application:
    application = get_object_or_404(Application.objects.select_related("agency"), pk=pk)
    if not access.can_view_case(user, application):
        raise Http404("没有这个申请")
    if not access.can_handle_case(user, application):
        raise PermissionDenied("只有本机关的工作人员可以更正该申请。")
    return application


@login_required
@require_POST
def case_correct(request, pk, what):
    application = _handled_case(request.user, pk)
    if what not in CORRECTIONS:
        raise Http404("没有这项更正")
    correction = CORRECTIONS[what]
    allowed = correction.allowed(request.user, application)
    form = correction.form(request.POST, prefix=what) if allowed else None

    def run(data):
        correction.run(application, request.user, **data)

    return posted_step(request, application, what, form, run, correction.label, correction=True)


@login_required
def case_edit(request, pk):
    application = _handled_case(request.user, pk)
    if application.status == Status.VOIDED:
        raise PermissionDenied("该申请已作废，不能更正。")
    shown = Application.objects.get(pk=pk)  # the form writes into its instance while checking
    form = forms.IntakeEditForm(request.user, request.POST or None, instance=shown)
    if request.method == "POST" and form.is_valid():
        try:
            corrections.edit_intake(
                application,
                request.user,
                reason=form.cleaned_data["reason"],
                token=form.cleaned_data["token"],
                **form.changes(),
            )
        except AlreadyRecorded:
            return _already_recorded(request, application)
        except services.CaseError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, "已更正登记信息。")
            return redirect("case_detail", pk=application.pk)
    return render(
        request,
        "applications/case_edit.html",
        {"form": form, "case": application},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def attachment_remove(request, pk):
    attachment = get_object_or_404(Attachment.everything.select_related("application"), pk=pk)
    application = _handled_case(request.user, attachment.application_id)
    form = forms.ReasonForm(request.POST, prefix=f"remove-{pk}")
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, f"未移除：{error}")
        return redirect("case_detail", pk=application.pk)
    try:
        corrections.remove_attachment(attachment, request.user, **form.cleaned_data)
    except AlreadyRecorded:
        return _already_recorded(request, application)
    except services.CaseError as exc:
        for message in exc.messages:
            messages.error(request, f"未移除：{message}")
    else:
        messages.success(request, f"已移除附件：{attachment.name}。")
    return redirect("case_detail", pk=application.pk)
